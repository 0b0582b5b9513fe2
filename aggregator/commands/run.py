"""`clusterfeeds run`: the cron job."""

import sys
from datetime import date

from aggregator.commands.common import (
    add_crawl_options,
    add_database_options,
    add_publish_options,
    crawl_job,
    database_held,
    report_crawls,
    warn_about_base_url,
)
from aggregator.commands.failures import EXIT_LOCKED, Failure, check_out
from aggregator.commands.publish import publish_feeds
from aggregator.runner import crawl
from core import db as database

HELP = (
    "Crawl every source, store and publish: the cron job. Prints only failures "
    "unless on a terminal; exits non-zero when a source failed."
)


def add_arguments(parser):
    parser.add_argument(
        "sources", nargs="*", metavar="SOURCE", help="only these sources (default: every source)"
    )
    add_database_options(parser)
    add_crawl_options(parser)
    add_publish_options(parser)


def run(args) -> int:
    # Under cron (no terminal) nothing is printed unless something fails.
    status = run_job(args, quiet=args.quiet or not sys.stdout.isatty())
    warn_about_base_url(args)  # after the run's own lines; `demo` calls run_job and never warns
    return status


def run_job(args, quiet: bool) -> int:
    job = crawl_job(args)
    check_out(args.out)
    with database_held(args.db) as lock:
        crawls = crawl(job, args.sources)
        if why := lock.lost():
            mark_interrupted(args.db, crawls, f"lock lost: {why}")
            raise Failure(
                EXIT_LOCKED,
                f"database {args.db}: its lock was lost during the crawl "
                f"({why}): another run may have started; nothing was published",
            )
        status = report_crawls(crawls, quiet)
        # Failed and degraded sources keep their stored items, so the feeds are still published.
        publish_feeds(args, args.as_of or date.today(), quiet=quiet)
    return status


def mark_interrupted(db_path, crawls: list[dict], why: str) -> None:
    """This run's crawls did not run guarded: none of them may decide what is gone."""
    db = database.connect(db_path)
    try:
        with db.conn:
            for row in crawls:
                db["crawls"].update(row["id"], {"outcome": "interrupted", "complete": 0, "message": why})
    finally:
        db.close()
