"""`clusterfeeds worker --redis URL`"""

import os
import socket
import warnings

from aggregator.commands.common import add_crawl_options, check_snapshot, usage_error
from aggregator.commands.failures import EXIT_OK

HELP = (
    "Crawl pages from the shared Redis queues that `crawl --redis` seeds, sending what they hold "
    "to its writer; run one on each machine, until stopped."
)

IDLE_POLL_SECONDS = 0.5


def add_arguments(parser):
    parser.add_argument(
        "--redis", required=True, metavar="URL", help="the Redis server (redis://host:port/db)"
    )
    parser.add_argument(
        "--name", help="this worker's name in Redis, unique among the workers (default: host-pid)"
    )
    parser.add_argument(
        "--heartbeat",
        type=float,
        default=30.0,
        metavar="SECONDS",
        help="silent this long, the worker counts as dead and its pages go back to the queues (default: 30)",
    )
    add_crawl_options(parser)


def run(args) -> int:
    from aggregator.redis_crawl.worker import Heartbeat, worker_settings, worker_spider
    from aggregator.runner import _StopAwareProcess
    from aggregator.sources import project_settings, select_sources

    check_snapshot(args.snapshot)
    if args.heartbeat <= 0:
        raise usage_error(f"--heartbeat {args.heartbeat}: not a positive number of seconds")
    from scrapy.core.engine import ExecutionEngine
    from scrapy.exceptions import ScrapyDeprecationWarning
    from scrapy_redis import connection

    # scrapy-redis 0.9.1 still passes the spider to the stats, on every page.
    warnings.filterwarnings(
        "ignore", message="Passing a 'spider' argument", category=ScrapyDeprecationWarning
    )
    name = args.name or f"{socket.gethostname()}-{os.getpid()}"
    settings = project_settings(
        CLUSTERFEEDS_SNAPSHOT=str(args.snapshot) if args.snapshot else None,
        CLUSTERFEEDS_REPLAY_ADDRESS=args.snapshot_server,
        LOG_LEVEL="INFO" if args.verbose else "ERROR" if args.quiet else "WARNING",
        LOG_FILE=str(args.log_file) if args.log_file else None,
        **worker_settings(args.redis, name),
        **dict(args.set),
    )
    server = connection.from_settings(settings)
    server.ping()  # an unreachable server fails here, saying so
    # An engine with nothing to do asks its scheduler again every 5 s: a worker
    # idle when the seeds arrive would leave a source to the first worker that
    # saw them. Scrapy has no setting for it.
    ExecutionEngine._SLOT_HEARTBEAT_INTERVAL = IDLE_POLL_SECONDS
    process = _StopAwareProcess(settings)
    for source in select_sources(None):
        process.crawl(process.create_crawler(worker_spider(source)))
    with Heartbeat(server, name, args.heartbeat):
        process.start()  # until a signal: stopping is how a worker ends
    return EXIT_OK
