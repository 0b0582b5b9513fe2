"""Every source: one spider class each (code spiders and TOML sources alike),
found by Scrapy's spider loader, so that `scrapy list` and `clusterfeeds
sources` always agree."""

from __future__ import annotations

from typing import TYPE_CHECKING

from scrapy.settings import Settings
from scrapy.spiderloader import SpiderLoader

if TYPE_CHECKING:  # spiders.base reads the sources' hosts from here
    from spiders.base import SourceSpider

SPIDER_MODULES = ["spiders"]


def all_sources(settings: Settings | None = None) -> list[type[SourceSpider]]:
    loader = SpiderLoader.from_settings(settings or Settings({"SPIDER_MODULES": SPIDER_MODULES}))
    return [loader.load(name) for name in sorted(loader.list())]


def source_hosts(settings: Settings | None = None) -> dict[str, tuple[str, ...]]:
    """Each source's own hosts (see SourceSpider.hosts)."""
    return {spider.name: spider.hosts for spider in all_sources(settings)}


def skipped_source_files() -> list:
    """The source files that could not be loaded (spiders/configured.py), each with
    its path and reason; the loader has logged each already."""
    from spiders import configured  # on demand: loading reads every source file

    return configured.skipped
