"""The sites' tables of pages (spiders/extractors/routes.py), checked against the
snapshot: every page of a source is known to its table, as the kind its reader
finds, and every row of a table is some snapshot page's."""

import pytest

from aggregator.bundled import bundled
from spiders.extractors.routes import LISTING
from spiders.registry import all_sources

ROUTED = [source for source in all_sources() if source.router is not None]
# An ECCP /content/ node is mostly a call (the calls search lists them), but its
# node type has the last word: these two say they are an event and a newsletter.
ECCP = "https://www.clustercollaboration.eu"
PAGE_SAYS_OTHERWISE = {
    f"{ECCP}/content/eu-south-med-cluster-matchmaking-event-tech-days": "event",
    f"{ECCP}/content/eccp-newsletter-march-2019": "news",
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
        kind = source.router.kind_of(url)
        items = source.router.extract(url, snapshot.read(url)).items
        if kind == LISTING:
            assert all(item["url"] != url for item in items), url
        else:
            assert items and items[0]["url"] == url, url
            assert PAGE_SAYS_OTHERWISE.get(url, kind) == items[0]["kind"], url


@pytest.mark.parametrize("source", ROUTED, ids=lambda source: source.name)
def test_each_row_of_a_table_routes_some_snapshot_page(source):
    routed = {source.router.route(url) for url in snapshot_pages(source)}
    unused = [route.path.pattern for route in source.router.routes if route not in routed]
    assert unused == []
