"""Retries with back-off: a site that answers 5xx or times out is asked again
after a pause that doubles with each try (or as long as its Retry-After says,
within a cap), rather than at once, which only adds to its load."""

from __future__ import annotations

import asyncio

from scrapy import Request
from scrapy.downloadermiddlewares.retry import RetryMiddleware


class BackoffRetryMiddleware(RetryMiddleware):
    def __init__(self, settings):
        super().__init__(settings)
        self.base = settings.getfloat("RETRY_BACKOFF_BASE")
        self.cap = settings.getfloat("RETRY_BACKOFF_MAX")

    def process_response(self, request, response, spider=None):
        return self._paused(super().process_response(request, response), response.headers.get("Retry-After"))

    def process_exception(self, request, exception, spider=None):
        return self._paused(super().process_exception(request, exception), None)

    async def process_request(self, request, spider=None):
        pause = request.meta.pop("retry_pause", 0)
        if pause:
            await asyncio.sleep(pause)
        return None

    def _paused(self, result, retry_after: bytes | None):
        if isinstance(result, Request):  # a retry, not the answer given up on
            result.meta["retry_pause"] = self.pause(result.meta["retry_times"], retry_after)
        return result

    def pause(self, retry_times: int, retry_after: bytes | None) -> float:
        """Seconds before the ``retry_times``-th retry."""
        pause = self.base * 2 ** (retry_times - 1)
        if retry_after and retry_after.strip().isdigit():
            pause = max(pause, float(retry_after))
        return min(pause, self.cap)
