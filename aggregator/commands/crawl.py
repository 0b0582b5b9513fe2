"""`clusterfeeds crawl [SOURCE ...]`"""

from aggregator.commands.common import (
    add_crawl_options,
    add_database_options,
    crawl_job,
    database_held,
    report_crawls,
)
from aggregator.runner import crawl

HELP = "Crawl sources (all by default) into the database, without publishing."


def add_arguments(parser):
    parser.add_argument("sources", nargs="*", metavar="SOURCE", help="source names (see `sources`)")
    add_database_options(parser)
    add_crawl_options(parser)


def run(args) -> int:
    job = crawl_job(args)
    with database_held(args.db):
        crawls = crawl(job, args.sources)
    return report_crawls(crawls, args.quiet)
