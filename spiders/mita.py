"""MITA, the Lithuanian Agency for Science, Innovation and Technology (archived site),
its successor the Innovation Agency, and the agency's EU-funds calls."""

from core.sources import CODE_SOURCES
from spiders.base import SourceSpider
from spiders.extractors import mita as extractor_module


class MitaSpider(SourceSpider, source=CODE_SOURCES["mita"]):
    router = extractor_module.ROUTER
