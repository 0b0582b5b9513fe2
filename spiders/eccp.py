"""European Cluster Collaboration Platform: EU-wide cluster events, calls and news."""

from spiders.base import SourceSpider
from spiders.extractors import eccp as extractor_module


class EccpSpider(SourceSpider):
    name = "eccp"
    title = "European Cluster Collaboration Platform (ECCP)"
    homepage = "https://www.clustercollaboration.eu"
    country = "EU"
    languages = ("en",)
    timezone = "Europe/Brussels"
    kinds = ("event", "call", "news")
    hosts = extractor_module.HOSTS
    start_urls = [
        "https://www.clustercollaboration.eu/event-calendar",
        "https://www.clustercollaboration.eu/search-results?type=eccp_calls&page=0",
        "https://www.clustercollaboration.eu/news",
        "https://www.clustercollaboration.eu/events/organised-by-eccp/clusters-meet-regions",
    ]
    router = extractor_module.ROUTER
