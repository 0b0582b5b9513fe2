"""`clusterfeeds crawl [SOURCE ...]`"""

from aggregator.commands.common import (EXIT_OK, EXIT_SOURCE_FAILED, add_crawl_options,
                                        add_database_options, crawl_job, report_crawls,
                                        usage_error)
from aggregator.runner import crawl

HELP = "Crawl sources (all by default) into the database, without publishing."


def add_arguments(parser):
    parser.add_argument("sources", nargs="*", metavar="SOURCE", help="source names (see `sources`)")
    add_database_options(parser)
    add_crawl_options(parser)


def run(args) -> int:
    try:
        crawls = crawl(crawl_job(args), args.sources)
    except ValueError as error:
        raise usage_error(str(error))
    return EXIT_OK if report_crawls(crawls, args.quiet) else EXIT_SOURCE_FAILED
