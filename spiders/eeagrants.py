"""EEA and Norway Grants: news, events and project stories from eeagrants.org,
and the calls the programme operators publish on their own sites."""

from core.sources import CODE_SOURCES
from spiders.base import SourceSpider
from spiders.extractors import eeagrants as extractor_module


class EeagrantsSpider(SourceSpider, source=CODE_SOURCES["eeagrants"]):
    router = extractor_module.ROUTER
