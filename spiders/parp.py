"""PARP, the Polish Agency for Enterprise Development: FENG calls, news and events."""

from core.sources import CODE_SOURCES
from spiders.base import SourceSpider
from spiders.extractors import parp as extractor_module


class ParpSpider(SourceSpider, source=CODE_SOURCES["parp"]):
    router = extractor_module.ROUTER
