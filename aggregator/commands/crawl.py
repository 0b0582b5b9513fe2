"""`clusterfeeds crawl [SOURCE ...]`"""

from aggregator.commands.common import (
    add_crawl_options,
    add_database_options,
    crawl_job,
    database_held,
    report_crawls,
)
from aggregator.commands.failures import EXIT_LOCKED, Failure
from aggregator.runner import crawl

HELP = "Crawl sources (all by default) into the database, without publishing."


def add_arguments(parser):
    parser.add_argument("sources", nargs="*", metavar="SOURCE", help="source names (see `sources`)")
    add_database_options(parser)
    add_crawl_options(parser)
    parser.add_argument(
        "--redis",
        metavar="URL",
        help="crawl through the workers of this Redis server (see `worker`): seed their queues "
        "and store what they send",
    )


def run(args) -> int:
    job = crawl_job(args)
    with database_held(args.db):
        crawls = crawl_through(args.redis, job, args.sources) if args.redis else crawl(job, args.sources)
    return report_crawls(crawls, args.quiet)


def crawl_through(redis_url: str, job, names: list[str]) -> list[dict]:
    """Seed the workers' queues and be their one writer."""
    from dataclasses import replace

    from scrapy_redis import connection

    from aggregator.redis_crawl.leases import key
    from aggregator.redis_crawl.writer import take_writer_lock, writer_settings, writer_spider
    from aggregator.sources import project_settings, select_sources

    sources = [spider.name for spider in select_sources(names)]
    server = connection.from_settings(project_settings(REDIS_URL=redis_url))
    if not take_writer_lock(server, sources):
        raise Failure(EXIT_LOCKED, f"{redis_url}: another `crawl --redis` is writing")
    try:
        job = replace(job, settings={**writer_settings(redis_url), **job.settings})
        return crawl(job, names, spider_of=lambda source: writer_spider(source, sources))
    finally:
        server.delete(key("writer"))
