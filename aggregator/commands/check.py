"""``clusterfeeds check URL|FILE``: what the extractors and the date engine make
of one page, field by field, with every problem named. For the day a site's
pages differ from what its extractor expects."""

from __future__ import annotations

import argparse
import json
import urllib.error
import urllib.request
from contextlib import ExitStack
from datetime import date, datetime
from pathlib import Path
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from scrapy.crawler import Crawler
from scrapy.http import TextResponse
from scrapy.responsetypes import responsetypes

from aggregator.commands.common import check_snapshot, iso_date, usage_error
from aggregator.commands.failures import EXIT_OK, EXIT_SOURCE_FAILED
from aggregator.commands.parse_date import check_request
from aggregator.sources import project_settings, select_sources
from core.problems import problem_found
from pipelines.dates import parse_date
from spiders import configured
from spiders.registry import source_hosts
from spiders.replay.server import ReplayServer
from spiders.replay.snapshot import scheme_less
from spiders.replay.warc import open_snapshot
from spiders.source_files import SourceFileError

HELP = (
    "Show what the extractors read from one page (a URL, fetched once, or a saved file), "
    "field by field, which reader read it, and what the date engine makes of each date; "
    "exits 1 when a problem was found."
)
# The item's date texts, as pipelines/normalize.py reads them.
DATE_FIELDS = (("start_text", "event"), ("end_text", "event"), ("opens_text", "event"))


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("page", metavar="URL|FILE", help="a page's address, or a saved page")
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--source", metavar="NAME", help="read it as this source does (default: by the host)")
    which.add_argument("--toml", type=Path, metavar="FILE", help="read it as this source file describes")
    parser.add_argument("--url", help="the saved page's address (default: its place in a snapshot folder)")
    parser.add_argument("--lang", help="the language of its dates (default: the item's, else the source's)")
    parser.add_argument("--tz", metavar="ZONE", help="the time zone of its dates (default: the source's)")
    parser.add_argument(
        "--as-of", type=iso_date, metavar="YYYY-MM-DD", help="today, for dates without a year"
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--snapshot", type=Path, metavar="DIR|WARC", help="fetch the URL from this snapshot")
    where.add_argument("--snapshot-server", metavar="HOST:PORT", help="fetch the URL from this replay server")


def run(args: argparse.Namespace) -> int:
    check_snapshot(args.snapshot)
    try:
        check_request(args.lang or "en", args.tz)
    except ValueError as error:
        raise usage_error(f"check: {error}") from None
    is_url = args.page.startswith(("http://", "https://"))
    url = args.page if is_url else args.url or snapshot_url(Path(args.page))
    if not url:
        raise usage_error(f"check: {args.page} is not in a snapshot folder; give its address with --url")
    spider = spider_for(url, args.source, args.toml)
    with ExitStack() as stack:
        address = args.snapshot_server
        if args.snapshot:
            address = stack.enter_context(ReplayServer(open_snapshot(args.snapshot))).address
        if is_url:
            status, headers, body = fetch(url, address, spider.settings)
        else:
            status, headers, body = 200, {}, Path(args.page).read_bytes()
    report = read_page(spider, url, status, headers, body, args)
    print(json.dumps(report, ensure_ascii=False, indent=2) if args.json else as_text(report))
    return EXIT_SOURCE_FAILED if report["problems"] else EXIT_OK


def snapshot_url(file: Path) -> str | None:
    """The https address a file of a snapshot folder keeps (spiders/replay/snapshot.py)."""
    file = file.resolve()
    root = next((folder for folder in file.parents if (folder / "snapshot.toml").is_file()), None)
    if root is None or file.parent == root:
        return None
    host, *folders, name = file.relative_to(root).parts
    name, at, query = name.partition("@")
    path = "/".join([*folders, "" if name == "index.html" else name])
    return f"https://{host}/{path}" + (f"?{query}" if at else "")


def spider_for(url: str, name: str | None, toml: Path | None):
    """The source's spider, on a crawler of the project's settings (never started):
    it reads the page as the crawl would, and reports its problems the same way."""
    if toml:
        try:
            spider_class = configured.load_source(toml)
        except SourceFileError as error:
            raise usage_error(f"check: {toml}: {error}") from None
    else:
        if not name:
            host = urlsplit(url).hostname
            name = next((source for source, hosts in source_hosts().items() if host in hosts), None)
            if name is None:
                raise usage_error(f"check: no source has the host {host}; name one with --source or --toml")
        try:
            [spider_class] = select_sources([name])
        except ValueError as error:
            raise usage_error(f"check: {error}") from None
    crawler = Crawler(spider_class, project_settings(LOG_LEVEL="ERROR"))
    spider = spider_class.from_crawler(crawler)
    spider.known_urls = set()
    spider.problems = []
    crawler.signals.connect(
        lambda field, message, **_: spider.problems.append({"field": field, "message": message}),
        signal=problem_found,
        weak=False,
    )
    return spider


def fetch(url: str, address: str | None, settings) -> tuple[int, dict, bytes]:
    """One GET with the project's User-Agent, if robots.txt allows it (from the
    replay server at ``address`` when one is given)."""
    agent = settings.get("USER_AGENT")
    served = (lambda u: f"http://{address}/{scheme_less(u)}") if address else (lambda u: u)

    def get(target: str) -> tuple[int, dict, bytes]:
        request = urllib.request.Request(served(target), headers={"User-Agent": agent})
        try:
            with urllib.request.urlopen(request, timeout=settings.getfloat("DOWNLOAD_TIMEOUT")) as answer:
                return answer.status, dict(answer.headers), answer.read()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read()

    parts = urlsplit(url)
    status, _, robots = get(f"{parts.scheme}://{parts.netloc}/robots.txt")
    rules = RobotFileParser()
    rules.parse(robots.decode("utf-8", "replace").splitlines() if status == 200 else [])
    if not rules.can_fetch(agent, url):
        raise usage_error(f"check: {parts.netloc}/robots.txt does not allow {url}")
    return get(url)


def read_page(spider, url: str, status: int, headers: dict, body: bytes, args) -> dict:
    report = {"url": url, "source": spider.name, "status": status, "reader": None, "items": [], "links": []}
    response_class = responsetypes.from_args(headers=headers, url=url, body=body)
    response = response_class(url=url, status=status, headers=headers, body=body)
    if status != 200:
        spider.problems.append({"field": "page", "message": f"HTTP {status} answer"})
    elif not isinstance(response, TextResponse):
        spider.problems.append(
            {"field": "page", "message": f"not a text page ({headers.get('Content-Type')!r})"}
        )
    else:
        extraction, reading = spider.extract(url, spider.page_text(response))
        report["reader"] = reader_of(spider, url, reading)
        outputs = list(spider.outputs(response, extraction))
        report["links"] = [output.url for output in outputs if not isinstance(output, dict)]
        report["next_page"] = extraction.next_page
        for item in (output for output in outputs if isinstance(output, dict)):
            report["items"].append(item_report(spider, item, args))
        if not outputs:
            spider.problems.append({"field": "page", "message": "no item and no link read from it"})
    report["problems"] = spider.problems
    return report


def reader_of(spider, url: str, reading) -> dict:
    route = spider.router.route(url) if spider.router else None
    read = route.read if route else type(spider).extractor
    reader = {
        "route": route.path.pattern if route else None,
        "kind": route.kind if route else None,
        "reader": f"{read.__module__}.{read.__qualname__}",
    }
    if source_file := getattr(spider, "source_file", None):
        reader["reader"] = f"the generic reader, as {source_file} describes"
    if reading.stood_in:
        reader["reader"] += "; it found nothing, and the generic reader stood in"
    if reading.fields:
        reader["reader"] += f"; the generic reader gave {', '.join(reading.fields)}"
    return reader


def item_report(spider, item: dict, args) -> dict:
    """The item's fields, and each date text as the date engine reads it."""
    lang = args.lang or item.get("language") or spider.languages[0]
    tz = args.tz or spider.timezone
    reference = args.as_of or date.today()
    dates = {}
    texts = [("published_text", "published", item.get("published_text"))]
    texts += [(field, kind, item.get(field)) for field, kind in DATE_FIELDS]
    texts += [("deadline_texts", "deadline", text) for text in item.get("deadline_texts") or []]
    for field, kind, text in texts:
        if not text:
            continue
        result = parse_date(text, lang, kind=kind, reference=reference, tz=tz)
        if field == "published_text" and result.start:
            # Dates without a year take it from the page's publication, as the pipeline does.
            start = result.start
            reference = start.date() if isinstance(start, datetime) else start
        dates.setdefault(field, []).append({"text": text, **result.to_json()})
        if result.start is None:
            spider.problems.append({"field": field, "message": f"{result.error or 'no date'}: {text!r}"})
    for field in ("title", "url"):
        if not item.get(field):
            spider.problems.append({"field": field, "message": "missing"})
    return {"fields": {k: v for k, v in item.items() if v not in (None, "", [])}, "dates": dates}


def as_text(report: dict) -> str:
    lines = [f"{report['url']}  (source {report['source']}, HTTP {report['status']})"]
    if reader := report["reader"]:
        lines.append(f"read by {reader['reader']}")
        if reader["route"]:
            lines.append(f"  route {reader['route']!r} ({reader['kind']})")
    for number, item in enumerate(report["items"], 1):
        lines.append(f"item {number}")
        for field, value in item["fields"].items():
            lines.append(f"  {field}: {value}")
        for field, readings in item["dates"].items():
            for reading in readings:
                got = reading["error"] or (
                    f"start {reading['start']}, end {reading['end'] or '-'}, zone {reading['tz'] or '-'}"
                )
                lines.append(f"  {field} {reading['text']!r} -> {got}")
    lines.append(f"links: {len(report['links'])}" + "".join(f"\n  {link}" for link in report["links"]))
    lines.append(f"problems: {len(report['problems'])}")
    lines += [f"  {problem['field']}: {problem['message']}" for problem in report["problems"]]
    return "\n".join(lines)
