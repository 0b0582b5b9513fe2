"""Conditional requests: every page is kept with its validators and asked for
again with If-None-Match / If-Modified-Since, so an unchanged page costs a 304
and no body.

Scrapy's RFC 2616 policy would instead trust a page as fresh for a while by
heuristics (and miss a change), and its middleware would serve the cached copy
when a site answers 5xx, times out or resets (and hide that the site is down).
Here only a 304 reuses the cache; a failure stays a failure, to be reported.
"""

from scrapy.downloadermiddlewares.httpcache import HttpCacheMiddleware
from scrapy.extensions.httpcache import RFC2616Policy


class RevalidatePolicy(RFC2616Policy):
    def is_cached_response_fresh(self, cachedresponse, request) -> bool:
        self._set_conditional_validators(request, cachedresponse)
        return False

    def is_cached_response_valid(self, cachedresponse, response, request) -> bool:
        return response.status == 304


class RevalidatingCacheMiddleware(HttpCacheMiddleware):
    def process_exception(self, request, exception, spider=None):
        request.meta.pop("cached_response", None)
        return None
