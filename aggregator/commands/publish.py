"""`clusterfeeds publish --out DIR`"""

from datetime import date

from aggregator import db as database
from aggregator.commands.common import EXIT_OK, add_database_options, add_publish_options
from feeds.publish import publish

HELP = "Write the feeds and the web page from the database (no network)."


def add_arguments(parser):
    add_database_options(parser)
    add_publish_options(parser)


def publish_feeds(args, as_of: date, quiet: bool = False) -> list:
    db = database.connect(args.db)
    try:
        written = publish(db, args.out, as_of=as_of, base_url=args.base_url)
    finally:
        db.close()
    if not quiet:
        for path in written:
            print(f"published {path}")
    return written


def run(args) -> int:
    publish_feeds(args, args.as_of or date.today())
    return EXIT_OK
