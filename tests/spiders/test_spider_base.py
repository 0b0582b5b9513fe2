"""What every spider shares: decoding pages, following links, stopping paging,
and the bounds on one page: its extraction's time and its items and links."""

import threading
import time

import pytest
from parsing import parsed, spider_of
from scrapy.http import HtmlResponse, Request
from scrapy.utils.test import get_crawler

from core.items import raw_item
from core.problems import problem_found
from spiders.base import SourceSpider
from spiders.extractors.page import Extraction

POLISH = "Termin składania wniosków: 29 września 2023 r., godz. 16:00 — Żółć"
LITHUANIAN = "Paraiškų teikimo terminas – 2019 m. sausio 15 d. 12 val. Ąžuolas"


def listing(url, html):
    return Extraction(
        links=["https://example.org/a", "https://example.org/b"],
        next_page="https://example.org/list?page=2",
        newest_first=True,
    )


class ListingSpider(SourceSpider):
    name = "listing"
    languages = ("pl",)
    start_urls = ["https://example.org/list"]
    extractor = staticmethod(listing)


@pytest.fixture
def spider_with(tmp_path):
    """A ListingSpider with clusterfeeds' settings and these on top; its problems are kept."""

    def make(**settings):
        spider = spider_of(ListingSpider, CLUSTERFEEDS_DB=str(tmp_path / "t.db"), **settings)
        spider.problems = []
        # Signal receivers are held weakly: keep a reference to this one.
        spider.record_problem = lambda source, url, field, message, **_: spider.problems.append(
            {"source": source, "url": url, "field": field, "message": message}
        )
        spider.crawler.signals.connect(spider.record_problem, signal=problem_found)
        return spider

    return make


@pytest.fixture
def spider(spider_with):
    return spider_with()


def response(body: bytes, content_type: str = "text/html", url="https://example.org/list"):
    return HtmlResponse(url, body=body, headers={"Content-Type": content_type}, request=Request(url))


@pytest.mark.parametrize(
    "text, encoding, languages", [(POLISH, "cp1250", ("pl",)), (LITHUANIAN, "cp1257", ("lt", "en"))]
)
def test_an_undeclared_legacy_page_is_read_in_its_language_s_encoding(spider, text, encoding, languages):
    spider.languages = languages
    body = f"<html><body><p>{text}</p></body></html>".encode(encoding)
    assert text in spider.page_text(response(body))
    assert spider.problems == []


def test_a_declared_charset_is_used(spider):
    body = f'<html><head><meta charset="windows-1250"></head><p>{POLISH}</p>'.encode("cp1250")
    assert POLISH in spider.page_text(response(body))
    body = f"<p>{LITHUANIAN}</p>".encode("cp1257")
    assert LITHUANIAN in spider.page_text(response(body, "text/html; charset=windows-1257"))


def test_a_wrongly_declared_charset_is_reported_and_read_as_legacy(spider):
    body = f"<p>{POLISH}</p>".encode("cp1250")
    assert POLISH in spider.page_text(response(body, "text/html; charset=utf-8"))
    assert spider.problems[0]["field"] == "page"
    assert "declared utf-8" in spider.problems[0]["message"]


def test_utf8_pages_are_read_as_utf8(spider):
    assert POLISH in spider.page_text(response(f"<p>{POLISH}</p>".encode()))


def test_follows_links_and_the_next_page(spider):
    urls = [r.url for r in parsed(spider, response(b"<html></html>"))]
    assert urls == ["https://example.org/a", "https://example.org/b", "https://example.org/list?page=2"]


def test_stops_paging_a_newest_first_listing_whose_entries_are_all_known(spider):
    spider.known_urls = frozenset({"https://example.org/a", "https://example.org/b"})
    urls = [r.url for r in parsed(spider, response(b"<html></html>"))]
    assert urls == ["https://example.org/a", "https://example.org/b"]
    assert spider.crawler.stats.get_value("clusterfeeds/paging_stopped") == 1


def test_links_are_followed_and_known_without_their_session_parameters(spider, monkeypatch):
    def with_sessions(url, html):
        return Extraction(
            links=["https://example.org/a;jsessionid=21D706E7", "https://example.org/b?view=renderPrint"],
            next_page="https://example.org/list?page=2",
            newest_first=True,
        )

    monkeypatch.setattr(ListingSpider, "extractor", staticmethod(with_sessions))
    assert [r.url for r in parsed(spider, response(b"<p/>"))] == [
        "https://example.org/a",
        "https://example.org/b",
        "https://example.org/list?page=2",
    ]
    # Stored under their plain URLs, the entries count as known whatever the listing adds.
    spider.known_urls = frozenset({"https://example.org/a", "https://example.org/b"})
    assert "https://example.org/list?page=2" not in [r.url for r in parsed(spider, response(b"<p/>"))]


def test_keeps_paging_when_one_entry_is_new(spider):
    spider.known_urls = frozenset({"https://example.org/a"})
    assert "https://example.org/list?page=2" in [r.url for r in parsed(spider, response(b"<p/>"))]


def test_items_carry_the_source_and_extractor_problems_are_reported(spider, monkeypatch):
    def extractor(url, html):
        return Extraction(
            items=[raw_item("call", url, "A call", "pl")], problems=[("results", "expected a list, got dict")]
        )

    monkeypatch.setattr(ListingSpider, "extractor", staticmethod(extractor))
    out = parsed(spider, response(b"<p/>"))
    assert out[0]["source"] == "listing" and out[0]["title"] == "A call"
    assert spider.problems == [
        {
            "source": "listing",
            "url": "https://example.org/list",
            "field": "results",
            "message": "expected a list, got dict",
        }
    ]


def items_pointing_at(spider, monkeypatch, *urls, page="https://example.org/list"):
    def extractor(url, html):
        return Extraction(
            items=[raw_item("event", target, f"Event {n}", "pl") for n, target in enumerate(urls)]
        )

    monkeypatch.setattr(ListingSpider, "extractor", staticmethod(extractor))
    return [out for out in parsed(spider, response(b"<p/>", url=page)) if isinstance(out, dict)]


def test_an_item_on_its_source_s_hosts_keeps_its_url(spider, monkeypatch):
    [item] = items_pointing_at(spider, monkeypatch, "https://example.org/events/forum")
    assert item["url"] == "https://example.org/events/forum" and item.get("related_url") is None
    assert spider.problems == []


def test_an_item_pointing_at_another_site_is_its_page_s_and_keeps_the_link_as_related(spider, monkeypatch):
    items = items_pointing_at(
        spider, monkeypatch, "https://tickets.example.net/forum", "https://tickets.example.net/matchmaking"
    )
    assert [(i["url"], i["related_url"]) for i in items] == [
        ("https://example.org/list", "https://tickets.example.net/forum"),
        ("https://example.org/list", "https://tickets.example.net/matchmaking"),
    ]
    assert len({i["key"] for i in items}) == 2  # two items still, not one
    problem = spider.problems[0]
    assert (problem["source"], problem["url"], problem["field"]) == (
        "listing",
        "https://example.org/list",
        "url",
    )
    assert (
        "'https://tickets.example.net/forum' is not on listing's hosts (example.org)" in (problem["message"])
        and "kept as a related link" in problem["message"]
    )


@pytest.mark.parametrize(
    "target, fate",
    [
        ("https://www.clustercollaboration.eu/event-calendar/forum", "it is eccp's host: dropped"),
        ("https://clustercollaboration.eu/news/forum", "it is eccp's host: dropped"),
        ("javascript:alert(1)", "not a valid http(s) link: dropped"),
        ("http://[::1/forum", "not a valid http(s) link: dropped"),
        (None, "not a valid http(s) link: dropped"),
    ],
)
def test_a_link_that_could_pass_for_a_source_s_page_or_is_not_a_web_link_is_dropped(
    spider, monkeypatch, target, fate
):
    [item] = items_pointing_at(spider, monkeypatch, target)
    assert item["url"] == "https://example.org/list" and item["related_url"] is None
    assert spider.problems[0]["message"].endswith(fate)


def test_an_item_whose_page_is_not_the_source_s_either_is_left_out(spider, monkeypatch):
    assert (
        items_pointing_at(
            spider, monkeypatch, "https://elsewhere.example.net/a", page="https://mirror.example.net/list"
        )
        == []
    )
    assert spider.problems[0]["url"] == "https://mirror.example.net/list"
    assert spider.problems[0]["message"].endswith("item left out")


def test_every_source_declares_its_hosts_and_scrapy_may_crawl_them():
    from spiders.base import hosts_of
    from spiders.registry import all_sources

    for source in all_sources():
        assert source.hosts, source.name
        assert set(source.allowed_domains) == set(source.hosts) | set(hosts_of(source.start_urls))


def test_a_page_its_selectors_no_longer_know_is_read_by_the_generic_extractor(tmp_path):
    from pathlib import Path

    from spiders.eccp import EccpSpider

    spider = spider_of(EccpSpider, CLUSTERFEEDS_DB=str(tmp_path / "t.db"))
    page = Path(__file__).parent / "extractors" / "pages" / "eccp-event-redesigned.html"
    url = "https://www.clustercollaboration.eu/event-calendar/european-cluster-conference-2027"
    items = [out for out in parsed(spider, response(page.read_bytes(), url=url)) if isinstance(out, dict)]
    assert [(i["source"], i["kind"], i["title"]) for i in items] == [
        ("eccp", "event", "European Cluster Conference 2027")
    ]
    assert items[0]["start_text"]
    assert spider.crawler.stats.get_value("clusterfeeds/generic_fallback") == 1


REDESIGNED_CALL = """<html lang="nb"><body><div class="utlysning">
<h1>Grønn plattform 2027</h1>
<p>Grønn plattform gir støtte til forskning, utvikling og pilotering av grønne løsninger
i bedrifter og forskningsmiljøer over hele landet.</p>
<p>Fristen for å sende inn søknad er 3. februar 2027.</p>
</div></body></html>"""


def test_a_redesigned_page_is_read_as_the_kind_its_route_gives_not_the_source_s_first(tmp_path):
    from spiders.innovasjonnorge import InnovasjonnorgeSpider

    spider = spider_of(InnovasjonnorgeSpider, CLUSTERFEEDS_DB=str(tmp_path / "t.db"))
    assert spider.kinds[0] == "event"
    url = "https://www.innovasjonnorge.no/no/subsites/forside/utlysninger/gronn-plattform-2027/"
    items = [
        out for out in parsed(spider, response(REDESIGNED_CALL.encode(), url=url)) if isinstance(out, dict)
    ]
    assert [(i["kind"], i["title"], i["deadline_texts"]) for i in items] == [
        ("call", "Grønn plattform 2027", ["Fristen for å sende inn søknad er 3. februar 2027."])
    ]
    assert spider.crawler.stats.get_value("clusterfeeds/generic_fallback") == 1


def test_a_listing_or_a_page_no_route_knows_is_not_read_generically(tmp_path):
    from spiders.innovasjonnorge import InnovasjonnorgeSpider

    spider = spider_of(InnovasjonnorgeSpider, CLUSTERFEEDS_DB=str(tmp_path / "t.db"))
    for url in (
        "https://www.innovasjonnorge.no/no/subsites/forside/utlysninger/",
        "https://www.innovasjonnorge.no/no/om/oss/",
    ):
        assert parsed(spider, response(REDESIGNED_CALL.encode(), url=url)) == []
    assert spider.crawler.stats.get_value("clusterfeeds/generic_fallback") is None


def test_an_extraction_past_the_time_limit_is_a_problem_and_the_page_is_skipped(spider_with, monkeypatch):
    def stuck(url, html):
        time.sleep(30)
        return listing(url, html)

    monkeypatch.setattr(ListingSpider, "extractor", staticmethod(stuck))
    spider = spider_with(CLUSTERFEEDS_PAGE_SECONDS=0.2)
    assert parsed(spider, response(b"<p/>")) == []
    assert spider.problems == [
        {
            "source": "listing",
            "url": "https://example.org/list",
            "field": "page",
            "message": "extraction took over 0.2 s; the page is skipped",
        }
    ]


def test_an_extractor_s_own_error_is_not_taken_for_the_time_limit(spider, monkeypatch):
    def failing(url, html):
        raise TimeoutError("the extractor's own")

    monkeypatch.setattr(ListingSpider, "extractor", staticmethod(failing))
    with pytest.raises(TimeoutError, match="the extractor's own"):
        parsed(spider, response(b"<p/>"))
    assert spider.problems == []


def test_extraction_runs_off_the_event_loop(spider, monkeypatch):
    threads = []

    def recording(url, html):
        threads.append(threading.current_thread())
        return listing(url, html)

    monkeypatch.setattr(ListingSpider, "extractor", staticmethod(recording))
    parsed(spider, response(b"<p/>"))
    assert threads and threads[0] is not threading.main_thread() and threads[0].daemon


@pytest.mark.parametrize(
    "field, setting, extraction",
    [
        (
            "items",
            "CLUSTERFEEDS_PAGE_ITEMS",
            Extraction(
                items=[raw_item("event", f"https://example.org/e{n}", f"E{n}", "pl") for n in range(7)]
            ),
        ),
        (
            "links",
            "CLUSTERFEEDS_PAGE_LINKS",
            Extraction(links=[f"https://example.org/e{n}" for n in range(7)]),
        ),
    ],
)
def test_a_page_s_items_and_links_are_capped_and_the_cut_named(
    spider_with, monkeypatch, field, setting, extraction
):
    monkeypatch.setattr(ListingSpider, "extractor", staticmethod(lambda url, html: extraction))
    spider = spider_with(**{setting: 3})
    out = parsed(spider, response(b"<p/>"))
    assert [o["url"] if isinstance(o, dict) else o.url for o in out] == [
        "https://example.org/e0",
        "https://example.org/e1",
        "https://example.org/e2",
    ]
    assert spider.problems == [
        {
            "source": "listing",
            "url": "https://example.org/list",
            "field": field,
            "message": f"7 on one page; only the first 3 kept ({setting})",
        }
    ]


def test_a_304_lowers_a_site_s_delay_as_a_200_does():
    from types import SimpleNamespace

    from scrapy.http import Response

    from spiders.http.throttle import RevalidationAwareAutoThrottle

    throttle = RevalidationAwareAutoThrottle(
        get_crawler(settings_dict={"AUTOTHROTTLE_ENABLED": True, "AUTOTHROTTLE_TARGET_CONCURRENCY": 2.0})
    )
    throttle.mindelay, throttle.maxdelay = 0.0, 30.0
    for status in (200, 304):
        slot = SimpleNamespace(delay=0.5)
        throttle._adjust_delay(slot, 0.002, Response("https://example.org/", status=status))
        assert slot.delay < 0.3, status


def test_retries_wait_longer_each_time_and_heed_retry_after():
    from scrapy.http import Response

    from spiders.http.retry import BackoffRetryMiddleware

    crawler = get_crawler(
        ListingSpider, {"RETRY_BACKOFF_BASE": 2.0, "RETRY_BACKOFF_MAX": 60.0, "RETRY_TIMES": 3}
    )
    crawler.spider = ListingSpider.from_crawler(crawler)
    retry = BackoffRetryMiddleware.from_crawler(crawler)
    assert [retry.pause(n, None) for n in (1, 2, 3, 7)] == [2.0, 4.0, 8.0, 60.0]
    assert retry.pause(1, b"30") == 30.0 and retry.pause(1, b"3600") == 60.0
    request = Request("https://example.org/a")
    again = retry.process_response(request, Response(request.url, status=503, request=request))
    assert isinstance(again, Request) and again.meta["retry_pause"] == 2.0
    ok = Response(request.url, status=200, request=request)
    assert retry.process_response(request, ok) is ok
