"""Options and output shared by the commands."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from aggregator.commands.failures import (
    DISK_FULL,
    EXIT_DATABASE,
    EXIT_DEGRADED,
    EXIT_DISK_FULL,
    EXIT_LOCKED,
    EXIT_OK,
    EXIT_SOURCE_FAILED,
    EXIT_USAGE,
    Failure,
    check_log_file,
    folder_problem,
)
from core.lock import Held, LockHeld, exclusive, lock_of

if TYPE_CHECKING:
    from aggregator.runner import CrawlJob


def usage_error(message: str) -> SystemExit:
    """What to raise for a mistake in the command's words: the message on
    standard error and exit status 2, as argparse does for its own."""
    print(f"clusterfeeds: {message}", file=sys.stderr)
    return SystemExit(EXIT_USAGE)


def iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a YYYY-MM-DD date: {text!r}") from None


def add_database_options(parser: argparse.ArgumentParser, default_db: str = "clusterfeeds.db") -> None:
    parser.add_argument(
        "--db", type=Path, default=Path(default_db), help=f"the SQLite database (default: ./{default_db})"
    )
    parser.add_argument(
        "--as-of",
        type=iso_date,
        metavar="YYYY-MM-DD",
        help="the day that decides what is upcoming or open (default: today)",
    )


def add_crawl_options(parser: argparse.ArgumentParser) -> None:
    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "--snapshot",
        type=Path,
        metavar="DIR|WARC",
        help="crawl this snapshot folder or WARC file (served on 127.0.0.1) instead of the live sites",
    )
    where.add_argument(
        "--snapshot-server",
        metavar="HOST:PORT",
        help="crawl the snapshot that this running replay server serves",
    )
    noise = parser.add_mutually_exclusive_group()
    noise.add_argument("--quiet", action="store_true", help="print only failures (for cron)")
    noise.add_argument("--verbose", action="store_true", help="show Scrapy's log")
    parser.add_argument(
        "--log-file", type=Path, metavar="PATH", help="write the log there instead of standard error"
    )
    parser.add_argument(
        "-s",
        "--set",
        type=scrapy_setting,
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a Scrapy setting for this run, as `scrapy crawl -s` takes it "
        "(e.g. DOWNLOAD_TIMEOUT=10); repeatable",
    )


def check_snapshot(path: Path | None) -> None:
    """A usage error unless ``path`` is a snapshot folder or a WARC file (or not given)."""
    from spiders.replay.warc import is_warc  # warcio: only for commands that read a snapshot

    if path is None:
        return
    if is_warc(path):
        if not path.is_file():
            raise usage_error(f"--snapshot {path}: no such WARC file")
    elif not (path / "snapshot.toml").is_file():
        raise usage_error(f"--snapshot {path}: no snapshot.toml there, and not a .warc or .warc.gz file")


def scrapy_setting(text: str) -> tuple[str, str]:
    name, equals, value = text.partition("=")
    if not equals or not name.isidentifier() or name != name.upper():
        raise argparse.ArgumentTypeError(f"not NAME=VALUE with an upper-case setting name: {text!r}")
    return name, value


def add_publish_options(parser: argparse.ArgumentParser) -> None:
    from feeds.addresses import LOCAL_BASE_URL  # here, not at start-up: parse-date and status never publish

    parser.add_argument(
        "--out",
        type=Path,
        default=Path("public"),
        help="folder to publish the feeds into (default: ./public)",
    )
    parser.add_argument(
        "--base-url",
        help="the public address the folder is served at, for what must be absolute: the feeds' "
        f"self links and the calendar subscription addresses (default: {LOCAL_BASE_URL}, with a warning)",
    )


def base_url(args: argparse.Namespace) -> str:
    from feeds.addresses import LOCAL_BASE_URL

    return args.base_url or LOCAL_BASE_URL


def warn_about_base_url(args: argparse.Namespace) -> None:
    """A publish meant for others whose absolute addresses only this machine can
    open: say what will be broken (the page's own links are relative and work)."""
    from feeds.addresses import loopback

    if args.base_url and not loopback(args.base_url):
        return
    why = (
        "no --base-url was given" if not args.base_url else f"--base-url {args.base_url} is this machine only"
    )
    print(
        f"clusterfeeds: warning: {why}: the feeds' self links and entry ids, and the calendar "
        f"subscription links the pages are written with (webcal://, Google Calendar, Outlook.com), "
        f"will point at {base_url(args)}, which no one else can open. The page's script corrects "
        "the subscription links from the address it is served at, but feed readers, and the page "
        "read without JavaScript, get that address. The pages' own links are relative and work "
        "wherever the folder is served. Pass --base-url with the public https address the folder "
        "is served at.",
        file=sys.stderr,
    )


def crawl_job(args: argparse.Namespace) -> CrawlJob:
    """The crawl the options ask for; a bad option fails here, before any work."""
    # Scrapy loads here, not when the command line is read: commands that do
    # not crawl start without it.
    from aggregator.runner import CrawlJob
    from aggregator.sources import select_sources

    check_snapshot(args.snapshot)
    try:
        select_sources(args.sources)
    except ValueError as error:
        raise usage_error(str(error)) from None
    if args.log_file:
        check_log_file(args.log_file)
    # Problems (a page, a field) are warnings; --quiet keeps only errors.
    level = "INFO" if args.verbose else "ERROR" if args.quiet else "WARNING"
    return CrawlJob(
        db=args.db,
        as_of=args.as_of,
        snapshot=args.snapshot,
        replay_address=getattr(args, "snapshot_server", None),
        log_level=level,
        log_file=args.log_file,
        settings=dict(args.set),
        progress=not args.quiet and not args.log_file and sys.stderr.isatty(),
    )


@contextmanager
def database_held(db: Path) -> Iterator[Held]:
    """Hold the database's lock, then open, migrate and check the database: a
    database that cannot be used fails here, before a crawl or a publish."""
    lock = lock_of(db)
    with ExitStack() as held:
        try:
            lock_held = held.enter_context(exclusive(lock))
        except LockHeld as error:
            raise Failure(EXIT_LOCKED, f"database {db} is in use: {error}") from None
        except OSError as error:
            if error.errno in DISK_FULL:
                raise Failure(EXIT_DISK_FULL, f"disk full: cannot write {lock}") from None
            problem = folder_problem(lock.parent) or error.strerror
            raise Failure(
                EXIT_DATABASE, f"database {db}: cannot make its lock file {lock}: {problem}"
            ) from None
        from core import db as database  # sqlite-utils: only for commands that open the database

        opened = database.connect(db)
        try:
            database.verify(opened)
        finally:
            opened.close()
        yield lock_held


def report_crawls(crawls: list[dict], quiet: bool) -> int:
    """Print one line per source (only failures and degraded sources when quiet)
    and return the exit status: a crawl that failed, was interrupted or never
    recorded its end did not go well; one whose field coverage fell is degraded."""
    failed = [c for c in crawls if c["outcome"] not in ("ok", "partial")]
    degraded = [c for c in crawls if c not in failed and c.get("degraded")]
    shown = failed + degraded if quiet else crawls
    width = max((len(c["source"]) for c in shown), default=0)
    for c in sorted(shown, key=lambda c: c["source"]):
        outcome = "degraded" if c in degraded else c["outcome"]
        print(
            f"{c['source']:<{width}}  {outcome:<8} pages {c['pages'] or 0:>4}  "
            f"items {c['items'] or 0:>4}  new {c['new'] or 0:>4}  "
            f"changed {c['changed'] or 0:>3}  errors {c['errors'] or 0:>3}"
            + (f"  {c['message']}" if c.get("message") else "")
            + (f"  field coverage fell: {c['degraded']}" if c in degraded else ""),
            file=sys.stderr if c in failed or c in degraded else sys.stdout,
        )
    return EXIT_SOURCE_FAILED if failed else EXIT_DEGRADED if degraded else EXIT_OK
