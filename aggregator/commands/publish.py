"""`clusterfeeds publish --out DIR`"""

import sqlite3
import sys
from datetime import date

from aggregator.commands.common import (
    add_database_options,
    add_publish_options,
    base_url,
    database_held,
    warn_about_base_url,
)
from aggregator.commands.failures import (
    EXIT_OK,
    EXIT_PUBLISH_FAILED,
    Failure,
    check_out,
    write_failure,
)
from core import db as database
from core.lock import LockHeld
from feeds.publish import Published, publish
from spiders.registry import source_hosts

HELP = "Write the feeds and the web page from the database (no network)."


def add_arguments(parser):
    add_database_options(parser)
    add_publish_options(parser)


def publish_feeds(args, as_of: date, quiet: bool = False) -> Published:
    """Publish, the database's lock held by the caller."""
    db = database.connect(args.db)
    try:
        published = publish(db, args.out, as_of=as_of, base_url=base_url(args), hosts=source_hosts())
    except (sqlite3.Error, LockHeld):
        raise
    except OSError as error:
        raise write_failure(error, "--out", args.out) from error
    except Exception as error:
        raise Failure(
            EXIT_PUBLISH_FAILED,
            f"publishing to {args.out} failed, the published "
            f"folder is unchanged: {type(error).__name__}: "
            f"{error}",
        ) from error
    finally:
        db.close()
    for problem in published.skipped:
        print(f"clusterfeeds publish: left out {problem}", file=sys.stderr)
    if not quiet:
        print(f"published {len(published.files)} files to {args.out} (release {published.folder.name})")
    return published


def run(args) -> int:
    check_out(args.out)
    with database_held(args.db):
        publish_feeds(args, args.as_of or date.today())
    warn_about_base_url(args)
    return EXIT_OK
