"""Romanian Clusters Association (CLUSTERO): events, calls and news in Romanian and English."""

from core.sources import CODE_SOURCES
from spiders.base import SourceSpider
from spiders.extractors import clustero as extractor_module


class ClusteroSpider(SourceSpider, source=CODE_SOURCES["clustero"]):
    router = extractor_module.ROUTER
