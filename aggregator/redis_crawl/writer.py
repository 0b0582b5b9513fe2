"""The writer: seeds each source's start requests into its shared queue, then
stores what the workers send through the usual pipelines, one source's crawl
row each, until nothing is queued, leased or unsent."""

from __future__ import annotations

import asyncio
import json

from scrapy_redis import connection
from scrapy_redis.dupefilter import RFPDupeFilter
from scrapy_redis.queue import PriorityQueue

from aggregator.redis_crawl.leases import key, pending, reap
from core.problems import report_problem

BATCH = 100
POLL_SECONDS = 0.2
LOCK_SECONDS = 60
# Per source: what a new crawl starts without.
CRAWL_KEYS = ("requests", "dupefilter", "out", "stats", "known")


def writer_settings(redis_url: str) -> dict:
    return {"REDIS_URL": redis_url}


def take_writer_lock(server, sources: list[str]) -> bool:
    """One writer at a time; its crawl starts from empty queues and duplicate filters."""
    if not server.set(key("writer"), 1, nx=True, ex=LOCK_SECONDS):
        return False
    server.delete(*(key(name, part) for name in sources for part in CRAWL_KEYS))
    return True


def writer_spider(source, sources: list[str]):
    class WriterSpider(source):
        async def start(self):
            server = connection.from_settings(self.settings)
            seeds = [request async for request in super().start()]  # reads the known URLs first
            if self.known_urls:
                server.sadd(key(self.name, "known"), *self.known_urls)
            queue = PriorityQueue(server, self, key(self.name, "requests"))
            seen = RFPDupeFilter(server, key(self.name, "dupefilter"))
            for request in seeds:
                if not seen.request_seen(request):
                    queue.push(request)
            out = key(self.name, "out")
            while True:
                messages = server.lpop(out, BATCH)
                if messages:
                    for message in map(json.loads, messages):
                        if "item" in message:
                            yield message["item"]
                        else:
                            report_problem(self.crawler, *message["problem"])
                    continue
                server.expire(key("writer"), LOCK_SECONDS)
                reap(server)
                if not pending(server, sources):
                    break
                await asyncio.sleep(POLL_SECONDS)
            for name, count in server.hgetall(key(self.name, "stats")).items():
                self.crawler.stats.inc_value(name.decode(), int(count))

    WriterSpider.__name__ = WriterSpider.__qualname__ = source.__name__
    return WriterSpider
