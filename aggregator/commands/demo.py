"""`clusterfeeds demo`: `run` on the bundled snapshot, as of its capture date."""

from pathlib import Path

from aggregator.bundled import bundled
from aggregator.commands import run as run_command
from aggregator.commands.common import add_database_options, add_publish_options
from core import db as database

HELP = (
    "Crawl the bundled snapshot of every source over 127.0.0.1, as of its capture "
    "date, and publish the feeds (default: ./public)."
)


def add_arguments(parser):
    add_database_options(parser, default_db="clusterfeeds-demo.db")
    add_publish_options(parser)
    parser.add_argument("--verbose", action="store_true", help="show Scrapy's log")
    parser.add_argument(
        "--log-file", type=Path, metavar="PATH", help="write the log there instead of standard error"
    )


def run(args) -> int:
    snapshot = bundled()
    args.snapshot, args.snapshot_server, args.sources, args.quiet = snapshot.root, None, [], False
    args.set = []
    args.as_of = args.as_of or snapshot.captured
    print(f"Crawling the bundled snapshot (captured {snapshot.captured}) as of {args.as_of}…")
    status = run_command.run_job(args, quiet=False)
    db = database.connect(args.db)
    counts = db.execute(
        "select source, kind, count(*) from items group by source, kind order by source, kind"
    ).fetchall()
    db.close()
    print(f"\nDatabase {args.db.resolve()}:")
    width = max((len(source) for source, _, _ in counts), default=0)
    for source, kind, count in counts:
        print(f"  {source:<{width}}  {kind:<6} {count:>4}")
    print(
        f"\nFeeds in {args.out}/ — open {args.out / 'index.html'} in a browser, or "
        f"`clusterfeeds serve --out {args.out}`."
    )
    return status
