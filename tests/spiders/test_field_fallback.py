"""A site's reader that reads a page but misses a field gets that field from the
generic reading of the same page (spiders/field_fallback.py), one test per site.

Each page is a snapshot page with one change a redesign makes: a label renamed, a
class name dropped, a meta description left out. The site's reader then misses that
field; what it found stays its own."""

import re

import pytest

from spiders.clustero import ClusteroSpider
from spiders.eeagrants import EeagrantsSpider
from spiders.innovasjonnorge import InnovasjonnorgeSpider
from spiders.mita import MitaSpider
from spiders.parp import ParpSpider

META_SUMMARY = re.compile(r'\s*<meta (?:name="description"|property="og:description") content="[^"]*"\s*/?>')


def changed(snapshot, url: str, old: str | re.Pattern, new: str) -> str:
    html = snapshot.read(url)
    changed = old.sub(new, html) if isinstance(old, re.Pattern) else html.replace(old, new)
    assert changed != html, "the change must apply to the snapshot page"
    return changed


def read_by(spider_class, url: str, html: str, field: str) -> tuple[dict, dict]:
    """The page's own item as its site's reader gives it, and as the spider gives it."""
    [own] = [item for item in spider_class.router.extract(url, html).items if item["url"] == url]
    extraction, reading = spider_class().extract(url, html)
    [item] = [item for item in extraction.items if item["url"] == url and not item.get("key")]
    assert field in reading.fields and not reading.stood_in
    assert {k: v for k, v in item.items() if k not in reading.fields} == {
        k: v for k, v in own.items() if k not in reading.fields
    }
    return own, item


def test_innovasjonnorge_an_event_whose_venue_moved_from_the_facts_box_to_the_text(snapshot):
    url = "https://www.innovasjonnorge.no/en/start-page/eea-norway-grants/events/norway-poland-cluster-days-2027/"
    html = changed(
        snapshot,
        url,
        "<dt>Place</dt>\n              <dd>Innovation Norway, Akersgata 13, Oslo</dd>",
        "",
    )
    html = html.replace(
        "<h2>Agenda</h2>", "<p>Venue: Innovation Norway, Akersgata 13, Oslo</p>\n<h2>Agenda</h2>"
    )
    own, item = read_by(InnovasjonnorgeSpider, url, html, "location")
    assert own["location"] is None
    assert item["location"] == "Innovation Norway, Akersgata 13, Oslo"


def test_mita_news_whose_date_line_lost_its_class(snapshot):
    url = "https://mita.lrv.lt/en/news/cluster-infoday-discussed-the-new-directions-of-cluster-transformation"
    html = changed(
        snapshot,
        url,
        '<div class="news-date">2020 09 09</div>',
        '<div class="meta"><time datetime="2020-09-09">2020 09 09</time></div>',
    )
    own, item = read_by(MitaSpider, url, html, "published_text")
    assert own["published_text"] is None and item["published_text"]


@pytest.mark.parametrize(
    "spider_class, url",
    [
        (ParpSpider, "https://www.parp.gov.pl/wydarzenia/forum-klastrow-polskich-2026"),
        (ClusteroSpider, "https://clustero.eu/ro/evenimente/forumul-national-al-clusterelor-2026/"),
        (EeagrantsSpider, "https://eeagrants.org/en/fmo/news/blue-growth-latvia-programme-agreement-signed"),
    ],
    ids=lambda value: getattr(value, "name", ""),
)
def test_a_page_without_a_meta_description_gets_its_summary_from_its_text(snapshot, spider_class, url):
    # These readers take the summary from the page's meta description only.
    html = changed(snapshot, url, META_SUMMARY, "")
    own, item = read_by(spider_class, url, html, "summary")
    assert own["summary"] is None and len(item["summary"]) > 40


def test_an_online_event_lacks_no_venue_and_an_end_comes_only_with_its_start():
    from core.items import raw_item
    from spiders.field_fallback import missing

    online = raw_item("event", "https://a.example/e", "Webinar", "en", start_text="3 May 2027", online=True)
    assert missing(online) == [("published_text",), ("summary",)]
    undated = raw_item("event", "https://a.example/e", "Forum", "en", end_text="4 May 2027")
    assert ("start_text", "end_text") in missing(undated) and ("location",) in missing(undated)


def test_the_crawl_counts_the_fields_the_generic_reading_gave(snapshot, tmp_path):
    from parsing import parsed, spider_of
    from scrapy.http import HtmlResponse

    from spiders.eccp import EccpSpider

    url = (
        "https://www.clustercollaboration.eu/events/organised-by-eccp/clusters-meet-regions/"
        "clusters-meet-regions-timisoara-romania"
    )
    spider = spider_of(EccpSpider, CLUSTERFEEDS_DB=str(tmp_path / "t.db"))
    response = HtmlResponse(url, body=snapshot.read(url).encode(), encoding="utf-8")
    [item] = [out for out in parsed(spider, response) if isinstance(out, dict)]
    assert item["start_text"] and item["source"] == "eccp"
    # Its date, its place and that it is held in person.
    assert spider.crawler.stats.get_value("clusterfeeds/generic_fields") == 3
    assert spider.crawler.stats.get_value("clusterfeeds/generic_fallback") is None


def test_the_innovation_agency_s_own_news_path_is_read_and_its_date_comes_from_the_generic_reading(snapshot):
    # The real site writes its news at /en/naujiena/<slug>/; its date stands in a bare <time>.
    url = "https://www.inovacijuagentura.lt/en/naujiena/clusters-invited-to-join-baltic-sea-cluster-partnerships/"
    own = MitaSpider.router.extract(url, snapshot.read(url))
    assert own.problems == [("published_text", "news page without a date")]
    own_item, item = read_by(MitaSpider, url, snapshot.read(url), "published_text")
    assert (item["kind"], item["language"], item["published_text"]) == ("news", "en", "2026-11-04")
    # The reader's problem is gone with the field it was about.
    assert MitaSpider().extract(url, snapshot.read(url))[0].problems == []


def test_the_generic_reading_takes_the_page_s_tree_and_leaves_it_as_it_was(snapshot):
    from lxml import etree

    from spiders.extractors.tree import tree_of
    from spiders.field_fallback import fill_in

    url = "https://www.innovasjonnorge.no/en/start-page/eea-norway-grants/events/norway-poland-cluster-days-2027/"
    html = changed(
        snapshot, url, "<dt>Place</dt>\n              <dd>Innovation Norway, Akersgata 13, Oslo</dd>", ""
    )
    html = html.replace("<h2>Agenda</h2>", "<p>Venue: Akersgata 13, Oslo</p>\n<h2>Agenda</h2>")
    extraction = InnovasjonnorgeSpider.router.extract(url, html)
    tree = tree_of(html)
    before = etree.tostring(tree)
    assert "location" in fill_in(extraction, url, tree, "en")
    assert etree.tostring(tree) == before
    [item] = [item for item in extraction.items if item["url"] == url]
    assert item["location"] == "Akersgata 13, Oslo"
