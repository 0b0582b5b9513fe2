"""A worker: the sources' spiders fed by the shared queues, their outputs sent
to Redis for the writer instead of into SQLite."""

from __future__ import annotations

import json
import threading

from scrapy import Request, signals
from scrapy.exceptions import DontCloseSpider
from scrapy.statscollectors import MemoryStatsCollector
from scrapy_redis import connection

from aggregator.redis_crawl.leases import LEASE, key, leases_key, reap
from core.problems import problem_found
from pipelines.store import extraction_failed

# What the writer's crawl row is made of, counted by the workers (spiders/base.py).
FORWARDED_STATS = (
    "response_received_count",
    "clusterfeeds/paging_stopped",
    "clusterfeeds/pages_lost",
    "clusterfeeds/generic_fallback",
    "clusterfeeds/generic_fields",
)


def worker_settings(redis_url: str, worker: str) -> dict:
    from aggregator.settings import DOWNLOADER_MIDDLEWARES

    return {
        "REDIS_URL": redis_url,
        "CLUSTERFEEDS_WORKER": worker,
        "SCHEDULER": "aggregator.redis_crawl.leases.LeasingScheduler",
        "SCHEDULER_QUEUE_CLASS": "aggregator.redis_crawl.leases.LeasedQueue",
        "SCHEDULER_QUEUE_KEY": key("%(spider)s", "requests"),
        "SCHEDULER_DUPEFILTER_KEY": key("%(spider)s", "dupefilter"),
        "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
        "SCHEDULER_PERSIST": True,  # the queues are the crawl's, not this worker's
        "ITEM_PIPELINES": {},  # the writer runs them
        # Nearest the download, after robots.txt and the off-site filter: only a
        # request that goes out waits for its host's turn.
        "DOWNLOADER_MIDDLEWARES": {
            **DOWNLOADER_MIDDLEWARES,
            "aggregator.redis_crawl.politeness.SharedPoliteness": 950,
        },
        "SPIDER_MIDDLEWARES": {"aggregator.redis_crawl.worker.OutputsToRedis": 1},
        "STATS_CLASS": "aggregator.redis_crawl.worker.ForwardingStats",
        # Shared by the workers, instead of the SQLite file beside the database.
        "HTTPCACHE_STORAGE": "aggregator.redis_crawl.cache.RedisCacheStorage",
    }


def release(server, crawler, request: Request) -> None:
    """The request's page is handled: its outputs are in Redis."""
    if lease := request.meta.pop(LEASE, None):
        server.hdel(leases_key(crawler.settings.get("CLUSTERFEEDS_WORKER")), lease)


def push(server, source: str, message: dict) -> None:
    server.rpush(key(source, "out"), json.dumps(message, ensure_ascii=False, default=str))


class KnownUrls:
    """The pages that gave items before (which the writer put in Redis), asked one at a time."""

    def __init__(self, server, source: str):
        self.server, self.key = server, key(source, "known")

    def __contains__(self, url: str) -> bool:
        return bool(self.server.sismember(self.key, url))


def worker_spider(source):
    """The source's spider as a worker runs it: no start requests of its own,
    never closing when idle, its problems and failed pages sent to the writer."""

    class WorkerSpider(source):
        @classmethod
        def from_crawler(cls, crawler, *args, **kwargs):
            spider = super().from_crawler(crawler, *args, **kwargs)
            spider.redis = connection.from_settings(crawler.settings)
            crawler.signals.connect(spider.wait_for_work, signal=signals.spider_idle)
            crawler.signals.connect(spider.forward_problem, signal=problem_found)
            crawler.signals.connect(spider.forward_spider_error, signal=signals.spider_error)
            return spider

        async def start(self):
            self.known_urls = KnownUrls(self.redis, self.name)
            return
            yield  # `clusterfeeds crawl --redis` seeds the queue

        def wait_for_work(self):
            reap(self.redis)  # an idle worker puts back a dead one's requests
            raise DontCloseSpider

        def forward_problem(self, source, url, field, message):
            push(self.redis, self.name, {"problem": [source, url, field, message]})

        def forward_spider_error(self, failure, response, spider=None):
            """What the writer's store would have made of it in one process."""
            self.crawler.stats.inc_value("clusterfeeds/pages_lost")
            self.forward_problem(self.name, response.url, "page", extraction_failed(failure))

        def page_failed(self, failure):
            super().page_failed(failure)
            release(self.redis, self.crawler, failure.request)

    WorkerSpider.__name__ = WorkerSpider.__qualname__ = source.__name__
    return WorkerSpider


class OutputsToRedis:
    """Sends a page's items to the writer, passes its requests on to the shared
    queue, and only then ends the page's lease."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.redis = connection.from_settings(crawler.settings)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    async def process_spider_output(self, response, result, spider=None):
        async for output in result:
            if isinstance(output, Request):
                yield output
            else:
                push(self.redis, self.crawler.spider.name, {"item": dict(output)})
        release(self.redis, self.crawler, response.request)

    def process_spider_exception(self, response, exception, spider=None):
        release(self.redis, self.crawler, response.request)


class ForwardingStats(MemoryStatsCollector):
    """Scrapy's stats, with the counts the writer's crawl row needs added up in Redis."""

    def __init__(self, crawler):
        super().__init__(crawler)
        self.redis = connection.from_settings(crawler.settings)
        self.key = key(crawler.spidercls.name, "stats")

    def inc_value(self, key, count=1, start=0, spider=None):
        super().inc_value(key, count, start)
        if key in FORWARDED_STATS:
            self.redis.hincrby(self.key, key, count)


class Heartbeat:
    """Says every third of ``seconds`` that this worker lives; a worker silent
    for ``seconds`` is dead and its leases go back to the queues."""

    def __init__(self, server, worker: str, seconds: float):
        self.server, self.worker, self.seconds = server, worker, seconds
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._beat, name="heartbeat", daemon=True)

    def _beat(self) -> None:
        while True:
            self.server.set(key("alive", self.worker), 1, px=int(self.seconds * 1000))
            self.server.sadd(key("workers"), self.worker)
            if self.stopped.wait(self.seconds / 3):
                return

    def __enter__(self) -> Heartbeat:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        """A worker leaving cleanly gives its unfinished requests back at once."""
        self.stopped.set()
        self.thread.join()
        self.server.delete(key("alive", self.worker))
        reap(self.server, self.worker)
