"""Romanian Clusters Association (CLUSTERO): events, calls and news in Romanian and English."""

from spiders.base import SourceSpider
from spiders.extractors import clustero as extractor_module


class ClusteroSpider(SourceSpider):
    name = "clustero"
    title = "Romanian Clusters Association (CLUSTERO)"
    homepage = "https://clustero.eu"
    country = "RO"
    languages = ("ro", "en")
    timezone = "Europe/Bucharest"
    kinds = ("event", "call", "news")
    hosts = extractor_module.HOSTS
    start_urls = [
        "https://clustero.eu/ro/evenimente/",
        "https://clustero.eu/en/events/",
        "https://clustero.eu/ro/apeluri/",
        "https://clustero.eu/en/calls/",
        "https://clustero.eu/ro/category/noutati/",
        "https://clustero.eu/en/category/news/",
    ]
    router = extractor_module.ROUTER
