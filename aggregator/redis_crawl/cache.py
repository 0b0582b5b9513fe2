"""The workers' HTTP cache, in Redis: a page any worker fetched is asked for
again, by whichever worker, with its validators (spiders/http/cache.py's
policy), so an unchanged page costs a 304 and no body. One hash per page,
its body compressed as HTTPCACHE_GZIP says; Redis must hold every page once."""

from __future__ import annotations

import time

from scrapy_redis import connection

from aggregator.redis_crawl.leases import key
from spiders.http.storage import cached_response, kept_headers_and_body


class RedisCacheStorage:
    def __init__(self, settings):
        self.redis = connection.from_settings(settings)
        self.expiration_secs = settings.getint("HTTPCACHE_EXPIRATION_SECS")
        self.compress = settings.getbool("HTTPCACHE_GZIP")

    def open_spider(self, spider) -> None:
        self._fingerprinter = spider.crawler.request_fingerprinter

    def close_spider(self, spider) -> None:
        pass

    def retrieve_response(self, spider, request):
        kept = self.redis.hgetall(self._key(spider, request))
        if not kept:
            return None
        stored = float(kept[b"stored"])
        if 0 < self.expiration_secs < time.time() - stored:
            return None
        request.meta["cache_timestamp"] = stored
        return cached_response(
            kept[b"url"].decode(),
            int(kept[b"status"]),
            kept[b"headers"].decode(),
            kept[b"body"],
            kept[b"compressed"] == b"1",
        )

    def store_response(self, spider, request, response) -> None:
        headers, body = kept_headers_and_body(response, self.compress)
        self.redis.hset(
            self._key(spider, request),
            mapping={
                "url": response.url,
                "status": response.status,
                "headers": headers,
                "body": body,
                "compressed": int(self.compress),
                "stored": time.time(),
            },
        )

    def _key(self, spider, request) -> str:
        return key("cache", spider.name, self._fingerprinter.fingerprint(request).hex())
