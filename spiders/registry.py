"""Every source: its facts, read without Scrapy (the sources in code from
core/sources.py, the TOML sources from their files), and its spider class,
found by Scrapy's spider loader, so that `scrapy list` and the crawl see the
same sources (tests/spiders/test_registry.py checks that facts and classes agree)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.sources import CODE_SOURCES, Source
from spiders.source_files import SkippedFile, loaded, source_of

if TYPE_CHECKING:  # Scrapy loads only for the commands that crawl
    from scrapy.settings import Settings

    from spiders.base import SourceSpider

SPIDER_MODULES = ["spiders"]


def source_facts() -> list[Source]:
    """Every source's facts by name, without loading Scrapy or a spider."""
    from_files = [source_of(config) for _, config in loaded()[0]]
    return sorted([*CODE_SOURCES.values(), *from_files], key=lambda source: source.name)


def source_hosts() -> dict[str, tuple[str, ...]]:
    """Each source's own hosts (see core.sources.Source.hosts)."""
    return {source.name: source.hosts for source in source_facts()}


def all_sources(settings: Settings | None = None) -> list[type[SourceSpider]]:
    """Every source's spider class by name (this loads Scrapy and every spider)."""
    from scrapy.settings import Settings
    from scrapy.spiderloader import SpiderLoader

    loader = SpiderLoader.from_settings(settings or Settings({"SPIDER_MODULES": SPIDER_MODULES}))
    return [loader.load(name) for name in sorted(loader.list())]


def skipped_source_files() -> list[SkippedFile]:
    """The source files that could not be read, each with its path and reason;
    each has been logged already."""
    return loaded()[1]
