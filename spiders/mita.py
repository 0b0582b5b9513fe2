"""MITA, the Lithuanian Agency for Science, Innovation and Technology (archived site),
its successor the Innovation Agency, and the agency's EU-funds calls."""

from spiders.base import SourceSpider
from spiders.extractors import mita as extractor_module


class MitaSpider(SourceSpider):
    name = "mita"
    title = "MITA / Innovation Agency Lithuania (Inovacijų agentūra)"
    homepage = "https://inovacijuagentura.lt"
    country = "LT"
    languages = ("lt", "en")
    timezone = "Europe/Vilnius"
    kinds = ("event", "call", "news")
    hosts = extractor_module.HOSTS
    start_urls = [
        "https://inovacijuagentura.lt/lt/kvietimai/",
        "https://inovacijuagentura.lt/lt/naujienos/",
        "https://2021.esinvesticijos.lt/kvietimai?institucija=inovaciju-agentura",
        "https://mita.lrv.lt/lt/skelbimai",
        "https://mita.lrv.lt/lt/naujienos",
        "https://mita.lrv.lt/en/news",
    ]
    router = extractor_module.ROUTER
