"""The sources as the command sees them: Scrapy's settings for a crawl, and the
sources a command names."""

from __future__ import annotations

from scrapy.settings import Settings

from spiders.base import SourceSpider
from spiders.registry import all_sources


def project_settings(**overrides) -> Settings:
    """aggregator.settings with ``overrides`` (setting names in upper case) on top."""
    settings = Settings()
    settings.setmodule("aggregator.settings", priority="project")
    settings.update({k: v for k, v in overrides.items() if v is not None}, priority="cmdline")
    return settings


def select_sources(names: list[str] | None) -> list[type[SourceSpider]]:
    """The named sources (all when none are named); an unknown name is an error."""
    known = {spider.name: spider for spider in all_sources(project_settings())}
    if not names:
        return list(known.values())
    unknown = [name for name in names if name not in known]
    if unknown:
        raise ValueError(f"unknown source(s): {', '.join(unknown)}; known: {', '.join(known)}")
    return [known[name] for name in names]
