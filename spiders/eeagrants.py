"""EEA and Norway Grants: news, events and project stories from eeagrants.org,
and the calls the programme operators publish on their own sites."""

from spiders.base import SourceSpider
from spiders.extractors import eeagrants as extractor_module


class EeagrantsSpider(SourceSpider):
    name = "eeagrants"
    title = "EEA and Norway Grants"
    homepage = "https://eeagrants.org"
    country = "EU"
    languages = ("en",)
    timezone = "Europe/Brussels"
    kinds = ("news", "call", "event")
    hosts = extractor_module.HOSTS
    start_urls = [
        "https://eeagrants.org/en/news",
        "https://eeagrants.org/en/opportunities/open-calls",
        "https://eeagrants.org/archive/2014-2021/projects",
        "https://www.innovationnorway.ro/calls/",
    ]
    router = extractor_module.ROUTER
