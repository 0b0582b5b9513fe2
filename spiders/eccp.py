"""European Cluster Collaboration Platform: EU-wide cluster events, calls and news."""

from core.sources import CODE_SOURCES
from spiders.base import SourceSpider
from spiders.extractors import eccp as extractor_module


class EccpSpider(SourceSpider, source=CODE_SOURCES["eccp"]):
    router = extractor_module.ROUTER
