"""Innovation Norway: EEA-grants events in English, calls, news and the cluster programme in Norwegian."""

from core.sources import CODE_SOURCES
from spiders.base import SourceSpider
from spiders.extractors import innovasjonnorge as extractor_module


class InnovasjonnorgeSpider(SourceSpider, source=CODE_SOURCES["innovasjonnorge"]):
    router = extractor_module.ROUTER
