"""The sources clusterfeeds knows: one spider class each, found by Scrapy's
spider loader so that `scrapy list` and `clusterfeeds sources` always agree."""

from __future__ import annotations

from scrapy.settings import Settings
from scrapy.spiderloader import SpiderLoader

from spiders.base import SourceSpider


def project_settings(**overrides) -> Settings:
    """aggregator.settings with ``overrides`` (setting names in upper case) on top."""
    settings = Settings()
    settings.setmodule("aggregator.settings", priority="project")
    settings.update({k: v for k, v in overrides.items() if v is not None}, priority="cmdline")
    return settings


def all_sources(settings: Settings | None = None) -> list[type[SourceSpider]]:
    loader = SpiderLoader.from_settings(settings or project_settings())
    return [loader.load(name) for name in sorted(loader.list())]


def select_sources(names: list[str] | None) -> list[type[SourceSpider]]:
    """The named sources (all when none are named); an unknown name is an error."""
    known = {spider.name: spider for spider in all_sources()}
    if not names:
        return list(known.values())
    unknown = [name for name in names if name not in known]
    if unknown:
        raise ValueError(f"unknown source(s): {', '.join(unknown)}; "
                         f"known: {', '.join(known)}")
    return [known[name] for name in names]
