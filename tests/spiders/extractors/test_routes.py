"""The sites' tables of pages (spiders/extractors/routes.py), checked against the
snapshot: every page of a source is known to its table, as the kind its reader
finds, and every row of a table is some snapshot page's."""

import pytest

from aggregator.bundled import bundled
from spiders.extractors.page import Extraction
from spiders.extractors.routes import LISTING, SHARED, Router, canonical_url
from spiders.registry import all_sources

ROUTED = [source for source in all_sources() if source.router is not None]
# ECCP's /content/ path holds every kind, and static pages: each page says what it is.
ECCP = "https://www.clustercollaboration.eu"
CONTENT_PAGES = {
    f"{ECCP}/content/eu-south-med-cluster-matchmaking-event-tech-days": "event",
    f"{ECCP}/content/eccp-newsletter-march-2019": "news",
    f"{ECCP}/content/digitbrain-2-open-call-experiments-manufacturing-smes": "call",
}


def snapshot_pages(source) -> list[str]:
    snapshot = bundled()
    return [url for host in source.hosts if (snapshot.root / host).is_dir() for url in snapshot.pages(host)]


def test_the_sources_with_code_have_a_table():
    assert {source.name for source in ROUTED} == {
        "clustero",
        "eccp",
        "eeagrants",
        "eufunding",
        "innovasjonnorge",
        "mita",
        "parp",
    }


@pytest.mark.parametrize("source", ROUTED, ids=lambda source: source.name)
def test_each_snapshot_page_is_of_the_kind_its_table_says(source):
    snapshot = bundled()
    for url in snapshot_pages(source):
        html = snapshot.read(url)
        kind = source.router.kind_of_page(url, html)
        items = source.router.extract(url, html).items
        if kind in (None, LISTING):
            assert all(item["url"] != url for item in items), url
        else:
            assert items and items[0]["url"] == url, url
            assert kind == items[0]["kind"], url


def test_a_shared_path_s_pages_say_their_kind():
    from spiders.eccp import EccpSpider

    snapshot = bundled()
    for url, kind in CONTENT_PAGES.items():
        assert EccpSpider.router.kind_of(url) == SHARED
        assert EccpSpider.router.kind_of_page(url, snapshot.read(url)) == kind, url


@pytest.mark.parametrize("source", ROUTED, ids=lambda source: source.name)
def test_each_row_of_a_table_routes_some_snapshot_page(source):
    routed = {source.router.route(url) for url in snapshot_pages(source)}
    unused = [route.path.pattern for route in source.router.routes if route not in routed]
    assert unused == []


@pytest.mark.parametrize(
    "url, canonical",
    [
        (
            "https://www.clusterplattform.de/CLUSTER/Redaktion/DE/Kurzmeldungen/Aktuelles/2018/1_Quartal/"
            "20180322_jahrestagung.html;jsessionid=21D706E763E15EDDE4BD83560D148E98",
            "https://www.clusterplattform.de/CLUSTER/Redaktion/DE/Kurzmeldungen/Aktuelles/2018/1_Quartal/"
            "20180322_jahrestagung.html",
        ),
        (
            "https://www.clusterplattform.de/a/20181114_weeks.html?view=renderPrint",
            "https://www.clusterplattform.de/a/20181114_weeks.html",
        ),
        (
            "https://www.interregeurope.eu/policylearning/news/4262/spotlight/?no_cache=1&cHash=94e7f042dce8",
            "https://www.interregeurope.eu/policylearning/news/4262/spotlight/",
        ),
        # What names the page stays, as written and in its order.
        (
            "http://clusterexcellencedenmark.dk/da-DK/Nyhed.aspx?Action=1&NewsId=891&M=NewsV2&PID=19",
            "http://clusterexcellencedenmark.dk/da-DK/Nyhed.aspx?Action=1&NewsId=891&M=NewsV2&PID=19",
        ),
        (
            "https://clustercollaboration.eu/cluster-organisations?page=0%2C2&cHash=ab12#top",
            "https://clustercollaboration.eu/cluster-organisations?page=0%2C2",
        ),
        ("https://www.parp.gov.pl/wydarzenia?start=3", "https://www.parp.gov.pl/wydarzenia?start=3"),
        ("http://[::1/forum", "http://[::1/forum"),
    ],
)
def test_the_canonical_url_drops_session_and_cache_parameters_only(url, canonical):
    assert canonical_url(url) == canonical


def test_a_route_matches_whatever_case_the_site_writes_and_without_session_parameters():
    def read(url, html):
        return Extraction()

    router = Router({("www.example.org",): [(r"/news/\d{4}/\d_Quartal/[^/]+\.html$", "news", read)]})
    for url in (
        "https://www.example.org/news/2020/3_quartal/20200707_expedition.html",
        "https://www.example.org/news/2022/2_Quartal/20220602_messe.html;jsessionid=17535CB4",
        "https://www.example.org/news/2018/4_Quartal/20181114_weeks.html?view=renderPrint",
    ):
        assert router.kind_of(url) == "news", url
    assert router.kind_of("https://www.example.org/news/2020/3_quartal/") is None
