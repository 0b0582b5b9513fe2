"""AutoThrottle that counts a 304 as the page it stands for.

Scrapy's AutoThrottle never lowers a site's delay on an answer other than 200,
so a second run, all 304s, would crawl every site at the start delay: 22 s
instead of 5 s over the bundled snapshot.
"""

from scrapy.extensions.throttle import AutoThrottle


class RevalidationAwareAutoThrottle(AutoThrottle):
    def _adjust_delay(self, slot, latency, response):
        if response.status == 304:
            response = response.replace(status=200)
        super()._adjust_delay(slot, latency, response)
