"""`clusterfeeds publish --out DIR`"""

import sys
from datetime import date

from aggregator import db as database
from aggregator.commands.common import EXIT_OK, add_database_options, add_publish_options
from feeds.publish import Published, publish

HELP = "Write the feeds and the web page from the database (no network)."


def add_arguments(parser):
    add_database_options(parser)
    add_publish_options(parser)


def publish_feeds(args, as_of: date, quiet: bool = False) -> Published:
    db = database.connect(args.db)
    try:
        published = publish(db, args.out, as_of=as_of, base_url=args.base_url)
    finally:
        db.close()
    for problem in published.skipped:
        print(f"clusterfeeds publish: left out {problem}", file=sys.stderr)
    if not quiet:
        print(f"published {len(published.files)} files to {args.out} "
              f"(release {published.folder.name})")
    return published


def run(args) -> int:
    publish_feeds(args, args.as_of or date.today())
    return EXIT_OK
