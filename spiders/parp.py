"""PARP, the Polish Agency for Enterprise Development: FENG calls, news and events."""

from spiders.base import SourceSpider
from spiders.extractors import parp as extractor_module


class ParpSpider(SourceSpider):
    name = "parp"
    title = "Polska Agencja Rozwoju Przedsiębiorczości (PARP)"
    homepage = "https://www.parp.gov.pl"
    country = "PL"
    languages = ("pl", "en")
    timezone = "Europe/Warsaw"
    kinds = ("event", "call", "news")
    hosts = extractor_module.HOSTS
    start_urls = [
        "https://feng.parp.gov.pl/component/grants/grants",
        "https://www.parp.gov.pl/aktualnosci",
        "https://www.parp.gov.pl/wydarzenia",
        "https://www.parp.gov.pl/en/events",
    ]
    router = extractor_module.ROUTER
