"""The HTTP cache's SQLite storage keeps what revalidation needs: the page,
its status and every header value, under the request's fingerprint."""

import sqlite3

import pytest
from scrapy import Spider
from scrapy.http import HtmlResponse, Request
from scrapy.utils.test import get_crawler

from core.problems import problem_found
from spiders.http.storage import SqliteCacheStorage


@pytest.fixture
def storage(tmp_path):
    crawler = get_crawler(Spider, {"HTTPCACHE_DIR": str(tmp_path), "HTTPCACHE_GZIP": True})
    spider = Spider.from_crawler(crawler, name="somesource")
    store = SqliteCacheStorage(crawler.settings)
    store.open_spider(spider)
    yield store, spider, tmp_path
    store.close_spider(spider)


def page(url="https://example.org/a", body="<p>Frist: 14. mai 2026</p>"):
    return HtmlResponse(
        url,
        status=200,
        headers={
            "Content-Type": "text/html; charset=utf-8",
            "ETag": '"v1"',
            "Last-Modified": "Mon, 30 Nov 2026 10:00:00 GMT",
            "Set-Cookie": ["a=1", "b=2"],
        },
        body=body.encode("utf-8"),
        encoding="utf-8",
    )


def test_a_stored_page_comes_back_with_its_status_headers_and_body(storage):
    store, spider, _ = storage
    request = Request("https://example.org/a")
    store.store_response(spider, request, page())
    asked_again = Request("https://example.org/a")
    again = store.retrieve_response(spider, asked_again)
    assert asked_again.meta["cache_timestamp"] > 0  # the policy reads the copy's age from it
    assert isinstance(again, HtmlResponse)
    assert (again.url, again.status, again.text) == (
        "https://example.org/a",
        200,
        "<p>Frist: 14. mai 2026</p>",
    )
    assert again.headers[b"ETag"] == b'"v1"'
    assert again.headers.getlist(b"Set-Cookie") == [b"a=1", b"b=2"]
    assert store.retrieve_response(spider, Request("https://example.org/b")) is None


def test_a_page_stored_again_replaces_the_old_copy(storage):
    store, spider, _ = storage
    store.store_response(spider, Request("https://example.org/a"), page(body="old"))
    store.store_response(spider, Request("https://example.org/a"), page(body="new"))
    assert store.retrieve_response(spider, Request("https://example.org/a")).text == "new"


def test_one_file_per_source_one_compressed_row_per_page(storage):
    store, spider, folder = storage
    body = "<p>" + "Cluster matchmaking in Kaunas. " * 200 + "</p>"
    store.store_response(spider, Request("https://example.org/a"), page(body=body))
    rows = (
        sqlite3.connect(folder / "somesource.sqlite3")
        .execute("select body, compressed from responses")
        .fetchall()
    )
    assert len(rows) == 1 and rows[0][1] == 1
    assert len(rows[0][0]) < len(body) / 10


def test_an_expired_copy_is_not_returned(tmp_path):
    crawler = get_crawler(Spider, {"HTTPCACHE_DIR": str(tmp_path), "HTTPCACHE_EXPIRATION_SECS": 1})
    spider = Spider.from_crawler(crawler, name="somesource")
    store = SqliteCacheStorage(crawler.settings)
    store.open_spider(spider)
    store.store_response(spider, Request("https://example.org/a"), page())
    store.db.execute("update responses set stored = stored - 10")
    assert store.retrieve_response(spider, Request("https://example.org/a")) is None
    store.close_spider(spider)


def test_a_cache_that_cannot_be_written_is_reported_once_and_the_crawl_goes_on(storage):
    store, spider, _ = storage
    reported = []

    def collect(**problem):
        reported.append(problem)

    spider.crawler.signals.connect(collect, signal=problem_found)
    store.db.execute("pragma query_only = on")  # every write now fails, as on a full disk
    for name in ("a", "b"):
        store.store_response(spider, Request(f"https://example.org/{name}"), page())
    assert [(p["url"], p["field"]) for p in reported] == [("https://example.org/a", "http cache")]
    assert "crawling on without caching" in reported[0]["message"]
