"""One delay and one concurrency limit per host for all the workers together:
each worker's Scrapy only knows its own requests, so N workers would ask a site
N times as often. The host's next free moment and the requests it has in
flight are kept in Redis, on Redis' clock, so the machines' clocks need not agree."""

from __future__ import annotations

import asyncio
from urllib.parse import urlsplit
from uuid import uuid4

from scrapy_redis import connection

from aggregator.redis_crawl.leases import key

SLOT = "clusterfeeds_host_slot"  # the request's meta key: (host, token) while in flight
FULL_POLL_SECONDS = 0.05

# KEYS: the host's next free moment, its requests in flight (token -> expiry);
# ARGV: delay ms, concurrency limit, token, expiry ms. The milliseconds to wait
# before sending, or -1 when the host has its limit in flight already. A slot
# whose worker died expires (the download timeout and a margin).
TAKE = """
local t = redis.call('time')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('zremrangebyscore', KEYS[2], '-inf', now)
if redis.call('zcard', KEYS[2]) >= tonumber(ARGV[2]) then return -1 end
local at = math.max(now, tonumber(redis.call('get', KEYS[1]) or '0'))
redis.call('set', KEYS[1], at + tonumber(ARGV[1]), 'px', at - now + tonumber(ARGV[1]) + 1000)
redis.call('zadd', KEYS[2], at + tonumber(ARGV[4]), ARGV[3])
return at - now
"""


class SharedPoliteness:
    """A downloader middleware: a request waits for its host's turn and slot."""

    def __init__(self, crawler):
        settings = crawler.settings
        self.delay_ms = int(settings.getfloat("CLUSTERFEEDS_HOST_DELAY") * 1000)
        self.limit = settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN")
        self.expiry_ms = int((settings.getfloat("DOWNLOAD_TIMEOUT") + 30) * 1000)
        self.redis = connection.from_settings(settings)
        self._take = self.redis.register_script(TAKE)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    async def process_request(self, request, spider=None):
        host = urlsplit(request.url).hostname or ""
        token = uuid4().hex
        keys = [key("host", host, "next"), key("host", host, "busy")]
        while (wait_ms := self._take(keys=keys, args=[self.delay_ms, self.limit, token, self.expiry_ms])) < 0:
            await asyncio.sleep(FULL_POLL_SECONDS)
        request.meta[SLOT] = (host, token)
        if wait_ms:
            await asyncio.sleep(wait_ms / 1000)

    def process_response(self, request, response, spider=None):
        self._free(request)
        return response

    def process_exception(self, request, exception, spider=None):
        self._free(request)

    def _free(self, request) -> None:
        if slot := request.meta.pop(SLOT, None):
            host, token = slot
            self.redis.zrem(key("host", host, "busy"), token)
