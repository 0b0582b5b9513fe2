"""Each source's facts as data: what `clusterfeeds sources` shows, and the hosts
whose pages are the source's own (publish and the crawl read them). Declared
here for the sources in code, so that the commands that do not crawl read them
without loading Scrapy or a spider; each spider class takes its facts from here
(spiders/base.py). A TOML source's facts come from its file in the same shape
(spiders/source_files.py)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from core.trust import host_of


@dataclass(frozen=True)
class Source:
    name: str
    title: str
    homepage: str
    country: str  # ISO 3166-1 alpha-2, or "EU"
    languages: tuple[str, ...]
    timezone: str  # IANA zone for dates that name none
    kinds: tuple[str, ...]
    start_urls: tuple[str, ...]
    # The hosts whose pages are the source's own, exactly (no subdomains): an
    # item's URL must be on one. Default: the start URLs' hosts.
    hosts: tuple[str, ...] = field(default=())

    def __post_init__(self):
        object.__setattr__(self, "hosts", tuple(self.hosts) or hosts_of(self.start_urls))


def hosts_of(urls: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(filter(None, map(host_of, urls))))


CODE_SOURCES = {
    source.name: source
    for source in (
        Source(
            name="clustero",
            title="Romanian Clusters Association (CLUSTERO)",
            homepage="https://clustero.eu",
            country="RO",
            languages=("ro", "en"),
            timezone="Europe/Bucharest",
            kinds=("event", "call", "news"),
            hosts=("clustero.eu", "www.clustero.eu"),
            start_urls=(
                "https://clustero.eu/ro/evenimente/",
                "https://clustero.eu/en/events/",
                "https://clustero.eu/ro/apeluri/",
                "https://clustero.eu/en/calls/",
                "https://clustero.eu/ro/category/noutati/",
                "https://clustero.eu/en/category/news/",
            ),
        ),
        Source(
            name="eccp",
            title="European Cluster Collaboration Platform (ECCP)",
            homepage="https://www.clustercollaboration.eu",
            country="EU",
            languages=("en",),
            timezone="Europe/Brussels",
            kinds=("event", "call", "news"),
            hosts=("www.clustercollaboration.eu", "clustercollaboration.eu"),
            start_urls=(
                "https://www.clustercollaboration.eu/event-calendar",
                "https://www.clustercollaboration.eu/search-results?type=eccp_calls&page=0",
                "https://www.clustercollaboration.eu/news",
                "https://www.clustercollaboration.eu/events/organised-by-eccp/clusters-meet-regions",
            ),
        ),
        Source(
            name="eeagrants",
            title="EEA and Norway Grants",
            homepage="https://eeagrants.org",
            country="EU",
            languages=("en",),
            timezone="Europe/Brussels",
            kinds=("news", "call", "event"),
            # The grants' own site, then the programme operators' that publish its calls.
            hosts=(
                "eeagrants.org",
                "www.eeagrants.org",
                "www.innovationnorway.ro",
                "innovationnorway.ro",
                "www.eeagrants.lv",
                "eeagrants.lv",
            ),
            start_urls=(
                "https://eeagrants.org/en/news",
                "https://eeagrants.org/en/opportunities/open-calls",
                "https://eeagrants.org/archive/2014-2021/projects",
                "https://www.innovationnorway.ro/calls/",
            ),
        ),
        Source(
            name="eufunding",
            title="EU Funding & Tenders Portal",
            homepage="https://ec.europa.eu/info/funding-tenders/opportunities/portal/",
            country="EU",
            languages=("en",),
            timezone="Europe/Brussels",
            kinds=("call",),
            # The search API is crawled; the topics' pages are the items.
            hosts=("api.tech.ec.europa.eu", "ec.europa.eu"),
            # The first page of the search (spiders/eufunding.py search_url), ten topics a page.
            start_urls=(
                "https://api.tech.ec.europa.eu/search-api/prod/rest/search"
                "?apiKey=SEDIA&text=***&pageSize=10&pageNumber=1",
            ),
        ),
        Source(
            name="innovasjonnorge",
            title="Innovation Norway (Innovasjon Norge)",
            homepage="https://www.innovasjonnorge.no",
            country="NO",
            languages=("en", "nb"),
            timezone="Europe/Oslo",
            kinds=("event", "call", "news"),
            hosts=("www.innovasjonnorge.no", "innovasjonnorge.no"),
            start_urls=(
                "https://www.innovasjonnorge.no/en/start-page/eea-norway-grants/events/",
                "https://www.innovasjonnorge.no/no/subsites/forside/utlysninger/",
                "https://www.innovasjonnorge.no/no/om/nyheter/",
                "https://www.innovasjonnorge.no/tjeneste/norwegian-innovation-clusters",
            ),
        ),
        Source(
            name="mita",
            title="MITA / Innovation Agency Lithuania (Inovacijų agentūra)",
            homepage="https://inovacijuagentura.lt",
            country="LT",
            languages=("lt", "en"),
            timezone="Europe/Vilnius",
            kinds=("event", "call", "news"),
            # The archived agency's site, its successor's, and the EU-funds portal, which
            # shows the same call cards on its 2021 site and on www.
            hosts=(
                "mita.lrv.lt",
                "inovacijuagentura.lt",
                "www.inovacijuagentura.lt",
                "2021.esinvesticijos.lt",
                "www.esinvesticijos.lt",
            ),
            start_urls=(
                "https://inovacijuagentura.lt/lt/kvietimai/",
                "https://inovacijuagentura.lt/lt/naujienos/",
                "https://2021.esinvesticijos.lt/kvietimai?institucija=inovaciju-agentura",
                "https://mita.lrv.lt/lt/skelbimai",
                "https://mita.lrv.lt/lt/naujienos",
                "https://mita.lrv.lt/en/news",
            ),
        ),
        Source(
            name="parp",
            title="Polska Agencja Rozwoju Przedsiębiorczości (PARP)",
            homepage="https://www.parp.gov.pl",
            country="PL",
            languages=("pl", "en"),
            timezone="Europe/Warsaw",
            kinds=("event", "call", "news"),
            hosts=("www.parp.gov.pl", "parp.gov.pl", "feng.parp.gov.pl"),
            start_urls=(
                "https://feng.parp.gov.pl/component/grants/grants",
                "https://www.parp.gov.pl/aktualnosci",
                "https://www.parp.gov.pl/wydarzenia",
                "https://www.parp.gov.pl/en/events",
            ),
        ),
    )
}
