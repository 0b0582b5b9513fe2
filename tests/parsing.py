"""Running a spider's parse on one response from a test, without a crawl."""

import asyncio

from scrapy.utils.test import get_crawler

from aggregator.sources import project_settings


def spider_of(spider_class, **settings):
    """A spider of ``spider_class`` with clusterfeeds' own settings and ``settings`` on top."""
    own = {
        name: value
        for name, value in project_settings().copy_to_dict().items()
        if name.startswith("CLUSTERFEEDS_")
    }
    crawler = get_crawler(spider_class, {**own, **settings})
    spider = spider_class.from_crawler(crawler)
    crawler.spider = spider
    spider.known_urls = frozenset()
    return spider


def parsed(spider, response) -> list:
    """What the spider's parse yields for a response, on an event loop of its own."""

    async def outputs():
        return [output async for output in spider.parse(response)]

    return asyncio.run(outputs())
