"""Sources without code: one spider per valid TOML file (spiders/source_files.py
reads them), whose pages the generic extractor reads.

Each becomes a module-level SourceSpider subclass, so Scrapy's spider loader
(`scrapy list`, the crawl) finds it like any other.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib.resources.abc import Traversable

from spiders.base import SourceSpider
from spiders.extractors.feeds_in import extract_feed, is_feed
from spiders.extractors.generic import extract_page
from spiders.extractors.page import Extraction
from spiders.source_files import SkippedFile, loaded, read_all, read_source, source_of


def load_source(path: Traversable, taken: set[str] = frozenset()) -> type[SourceSpider]:
    """The spider class a source file describes; SourceFileError names what is wrong."""
    return spider_of(path, read_source(path, taken))


def spider_of(path: Traversable, config: dict) -> type[SourceSpider]:
    source = source_of(config)
    extractor = generic_extractor(
        config["language"],
        config["kind"],
        tuple(config.get("follow", ())),
        tuple(config.get("url_kinds", {}).items()),
    )
    attributes = dict(
        __module__=__name__,
        __doc__=f"{source.title} (from {path.name}).",
        extractor=staticmethod(extractor),
        source_file=str(path),
    )
    return type(class_name(source.name), (SourceSpider,), attributes, source=source)


def generic_extractor(
    language: str, kind: str, follow: tuple[str, ...], url_kinds: tuple[tuple[str, str], ...]
) -> Callable[[str, str], Extraction]:
    """extract(url, body): a feed when the body is one, else a page."""

    def extract(url: str, body: str) -> Extraction:
        if is_feed(body):
            return extract_feed(url, body, language=language, kind=kind, url_kinds=url_kinds)
        return extract_page(url, body, language=language, kind=kind, follow=follow, url_kinds=url_kinds)

    return extract


def class_name(name: str) -> str:
    # Underscores stay, so that two names never make one class name ("a1b", "a1_b").
    return f"{name.title()}SourceSpider"


def spiders_of(
    tables: list[tuple[Traversable, dict]], skipped: list[SkippedFile]
) -> tuple[dict[str, type[SourceSpider]], list[SkippedFile]]:
    spiders = {spider.__name__: spider for spider in (spider_of(path, config) for path, config in tables)}
    return spiders, skipped


def load_all() -> tuple[dict[str, type[SourceSpider]], list[SkippedFile]]:
    """Every valid source file's spider by class name, read afresh, and the files skipped (each logged)."""
    return spiders_of(*read_all())


spider_classes, skipped = spiders_of(*loaded())
globals().update(spider_classes)
