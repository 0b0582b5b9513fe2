"""Innovation Norway: EEA-grants events in English, calls, news and the cluster programme in Norwegian."""

from spiders.base import SourceSpider
from spiders.extractors import innovasjonnorge as extractor_module


class InnovasjonnorgeSpider(SourceSpider):
    name = "innovasjonnorge"
    title = "Innovation Norway (Innovasjon Norge)"
    homepage = "https://www.innovasjonnorge.no"
    country = "NO"
    languages = ("en", "nb")
    timezone = "Europe/Oslo"
    kinds = ("event", "call", "news")
    hosts = extractor_module.HOSTS
    start_urls = [
        "https://www.innovasjonnorge.no/en/start-page/eea-norway-grants/events/",
        "https://www.innovasjonnorge.no/no/subsites/forside/utlysninger/",
        "https://www.innovasjonnorge.no/no/om/nyheter/",
        "https://www.innovasjonnorge.no/tjeneste/norwegian-innovation-clusters",
    ]
    router = extractor_module.ROUTER
