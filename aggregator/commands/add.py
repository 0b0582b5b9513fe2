"""`clusterfeeds add URL`: a new source from its address, as a TOML file."""

from __future__ import annotations

import argparse
import os
import re
import tempfile
from contextlib import ExitStack
from pathlib import Path
from urllib.parse import urlsplit

from aggregator.commands.common import check_snapshot, iso_date, usage_error
from aggregator.commands.failures import EXIT_OK, EXIT_SOURCE_FAILED

HELP = (
    "Add a source by its URL: look at the page and its links (feeds, iCal, schema.org events, "
    "a listing), pick the best way in, write a TOML source file and show what a first crawl "
    "of a few pages reads; nothing is written when it reads nothing, and it says why."
)
# The way in, best first (spiders/discover.py).
WAYS = ("ical", "rss", "atom", "events on the page", "listing")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("url", help="the site's events, calls or news page (or its feed)")
    parser.add_argument("--name", help="the source's name (default: from the host)")
    parser.add_argument("--kind", choices=("event", "call", "news"), help="default: guessed from the words")
    parser.add_argument("--language", help="ISO 639-1 (default: the page's <html lang>)")
    parser.add_argument("--country", help="ISO 3166-1 alpha-2 or EU (default: from the host and language)")
    parser.add_argument("--timezone", help="IANA zone (default: the country's)")
    parser.add_argument("--pages", type=int, default=3, help="pages the first crawl reads (default: 3)")
    parser.add_argument(
        "--out-dir",
        type=Path,
        help="where to write NAME.toml (default: $CLUSTERFEEDS_SOURCES_DIR, else ./sources)",
    )
    parser.add_argument("--force", action="store_true", help="replace a source file of that name")
    parser.add_argument(
        "--as-of", type=iso_date, metavar="YYYY-MM-DD", help="today, for dates without a year"
    )
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--snapshot", type=Path, metavar="DIR|WARC", help="read the site from this snapshot")
    where.add_argument("--snapshot-server", metavar="HOST:PORT", help="read the site from this replay server")


def run(args: argparse.Namespace) -> int:
    from aggregator.commands.check import fetch
    from aggregator.sources import project_settings
    from spiders.discover import discover
    from spiders.replay.server import ReplayServer
    from spiders.replay.warc import open_snapshot

    check_snapshot(args.snapshot)
    if not args.url.startswith(("http://", "https://")):
        raise usage_error(f"add: {args.url!r} is not an http(s) URL")
    out_dir = args.out_dir or Path(os.environ.get("CLUSTERFEEDS_SOURCES_DIR") or "sources")
    settings = project_settings(LOG_LEVEL="ERROR")
    with ExitStack() as stack:
        address = args.snapshot_server
        if args.snapshot:
            address = stack.enter_context(ReplayServer(open_snapshot(args.snapshot))).address
        status, _, body = fetch(args.url, address, settings)
        if status != 200:
            print(f"add: {args.url} answered HTTP {status}; nothing written")
            return EXIT_SOURCE_FAILED
        found = discover(args.url, body.decode("utf-8", "replace"))
        config, way = source_config(found, args)
        if config is None:
            print(f"add: found no way into {args.url}; nothing written:")
            print_reasons(found)
            return EXIT_SOURCE_FAILED
        text = as_toml(config, way)
        listed = found.listing[: max(args.pages - 1, 0)] if config["follow"] else []
        preview_pages = config["start_urls"][:1] + listed
        items = first_crawl(text, preview_pages, address, args)
    print(f"way in: {way}\n\n{text}")
    if not items:
        print(
            f"add: the first {len(preview_pages)} pages read as this file says gave no item; nothing written"
        )
        print_reasons(found)
        return EXIT_SOURCE_FAILED
    print(f"a first crawl of {len(preview_pages)} pages would store {len(items)} items:")
    for item in items:
        fields, dates = item["fields"], item["dates"]
        read = [
            f"{field.removesuffix('_text').removesuffix('_texts')} {reading['start'] or reading['error']}"
            for field in ("start_text", "deadline_texts")
            for reading in dates.get(field, [])[:1]
        ]
        print(
            f"  {fields.get('kind', '?'):5} {fields.get('title', '?')[:70]}  ({'; '.join(read) or 'no date'})"
        )
    path = out_dir / f"{config['name']}.toml"
    if path.exists() and not args.force:
        raise usage_error(f"add: {path} exists; give another --name, or --force to replace it")
    out_dir.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    hint = (
        ""
        if args.out_dir is None and os.environ.get("CLUSTERFEEDS_SOURCES_DIR")
        else (f"\nset CLUSTERFEEDS_SOURCES_DIR={out_dir.resolve()} for clusterfeeds to load it")
    )
    print(f"\nwrote {path}; crawl it with `clusterfeeds crawl {config['name']}`{hint}")
    return EXIT_OK


def source_config(found, args) -> tuple[dict | None, str | None]:
    """The source file's keys for the best way in, or (None, None)."""
    feeds = {kind: url for url, kind in reversed(found.feeds)}
    way = next((kind for kind in ("ical", "rss", "atom") if kind in feeds), None)
    if way:
        start_urls, follow = [feeds[way]], []
    elif found.events_on_page:
        way, start_urls, follow = "events on the page", [found.url], [found.follow] if found.follow else []
    elif found.follow:
        way, start_urls, follow = "listing", [found.url], [found.follow]
    else:
        return None, None
    host = urlsplit(found.url).hostname or ""
    language = args.language or found.language or "en"
    country = (args.country or country_of(host, language)).upper()
    kind = args.kind or ("event" if way == "ical" else found.kind_guess())
    config = {
        "name": args.name or re.sub(r"[^a-z0-9_]", "_", host.removeprefix("www.").split(".")[0].lower()),
        "title": (found.title or host).strip()[:200],
        "homepage": f"{urlsplit(found.url).scheme}://{host}",
        "country": country,
        "language": language,
        "timezone": args.timezone or zone_of(country),
        "kind": kind,
        "start_urls": start_urls,
        "follow": follow,
    }
    return config, way


def country_of(host: str, language: str) -> str:
    """The host's country code top-level domain, else the language's most likely country."""
    from babel.core import get_global

    tld = host.rsplit(".", 1)[-1].upper()
    if tld == "EU":
        return "EU"
    if len(tld) == 2 and tld in get_global("territory_zones"):
        return "GB" if tld == "UK" else tld
    likely = get_global("likely_subtags").get(language, "")
    return likely.rsplit("_", 1)[-1] if "_" in likely else "EU"


def zone_of(country: str) -> str:
    from babel.core import get_global

    if country == "EU":
        return "Europe/Brussels"
    return (get_global("territory_zones").get(country) or ["Europe/Brussels"])[0]


def as_toml(config: dict, way: str) -> str:
    def string(value: str) -> str:
        return (
            f"'{value}'"
            if "'" not in value and "\n" not in value
            else '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
        )

    lines = [f'# Written by `clusterfeeds add` ({way}); see README, "Adding a source".']
    for key, value in config.items():
        if isinstance(value, list):
            if value:
                lines.append(f"{key} = [" + ", ".join(string(v) for v in value) + "]")
        else:
            lines.append(f"{key} = {string(value)}")
    return "\n".join(lines) + "\n"


def first_crawl(text: str, pages: list[str], address: str | None, args) -> list[dict]:
    """The items the source file's reading gives on ``pages``, as `clusterfeeds check` reads them."""
    from aggregator.commands.check import fetch, read_page, spider_for

    check_args = argparse.Namespace(lang=None, tz=None, as_of=args.as_of)
    with tempfile.TemporaryDirectory() as folder:
        toml = Path(folder) / "new_source.toml"
        toml.write_text(text, encoding="utf-8")
        spider, items = spider_for(pages[0], None, toml), []
        for page in pages:
            status, headers, body = fetch(page, address, spider.settings)
            items += read_page(spider, page, status, headers, body, check_args)["items"]
    return items


def print_reasons(found) -> None:
    print("\n".join(f"  - {reason}" for reason in why_nothing(found)))


def why_nothing(found) -> list[str]:
    reasons = []
    if not found.feeds:
        reasons.append("the page links no RSS, Atom or iCal feed (<link rel=alternate>, webcal:, .ics)")
    elif all(kind == "json feed" for _, kind in found.feeds):
        reasons.append("the page links only a JSON Feed, which clusterfeeds does not read")
    if not found.events_on_page:
        reasons.append("it holds no schema.org Event (JSON-LD or microdata)")
    if not found.follow:
        reasons.append("its main content has no group of 3 or more links of one shape (a listing)")
    if found.text_chars < 200:
        reasons.append(
            f"its main content holds {found.text_chars} characters of text: the page may be built by "
            "scripts, which clusterfeeds does not run; look for the site's feed or API"
        )
    return reasons
