"""The replay server and the download handler that routes real URLs to it."""

import http.client
import json
import subprocess
import sys
import textwrap
import urllib.error
import urllib.request

import pytest

from spiders.replay.server import Fault, ReplayServer
from spiders.replay.snapshot import Snapshot


@pytest.fixture
def tiny_snapshot(tmp_path):
    root = tmp_path / "snap"
    (root / "example.org" / "events").mkdir(parents=True)
    (root / "snapshot.toml").write_text("captured = 2026-11-16\n")
    (root / "example.org" / "robots.txt").write_text("User-agent: *\nDisallow: /private/\n")
    (root / "example.org" / "events" / "index.html").write_text(
        '<html><body><a href="/events/one">One</a> <a href="/private/x">x</a>'
        ' <a href="/events?page=1">next</a></body></html>'
    )
    (root / "example.org" / "events" / "index.html@page=1").write_text(
        '<html><body><a href="https://example.org/events/two">Two</a></body></html>'
    )
    (root / "example.org" / "events" / "one").write_text("<html><title>One</title></html>")
    (root / "example.org" / "events" / "two").write_text("<html><title>Two</title></html>")
    return Snapshot(root)


def fetch(server, target, headers=None):
    request = urllib.request.Request(f"http://{server.address}/{target}", headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_serves_pages_by_host_and_path_with_query(tiny_snapshot):
    with ReplayServer(tiny_snapshot) as server:
        status, headers, body = fetch(server, "example.org/events/")
        assert status == 200 and b"/events/one" in body
        assert headers["Content-Type"] == "text/html; charset=utf-8"
        assert fetch(server, "example.org/events?page=1")[2].count(b"Two") == 1
        assert fetch(server, "example.org/events/one")[2] == b"<html><title>One</title></html>"
        assert fetch(server, "example.org/robots.txt")[1]["Content-Type"].startswith("text/plain")
        assert fetch(server, "example.org/missing")[0] == 404
        assert fetch(server, "example.org/../../etc/passwd")[0] in (400, 404)


def test_answers_conditional_requests_with_304(tiny_snapshot):
    with ReplayServer(tiny_snapshot) as server:
        _, headers, _ = fetch(server, "example.org/events/one")
        assert fetch(server, "example.org/events/one", {"If-None-Match": headers["ETag"]})[0] == 304
        assert (
            fetch(server, "example.org/events/one", {"If-Modified-Since": headers["Last-Modified"]})[0] == 304
        )
        assert fetch(server, "example.org/events/one", {"If-None-Match": '"other"'})[0] == 200


def test_injected_faults(tiny_snapshot):
    with ReplayServer(tiny_snapshot) as server:
        server.inject("https://example.org/events/one", Fault(status=503))
        assert fetch(server, "example.org/events/one")[0] == 503
        server.inject("https://example.org/events/two", Fault(reset=True))
        with pytest.raises((ConnectionError, http.client.HTTPException, urllib.error.URLError)):
            fetch(server, "example.org/events/two")
        server.inject("https://example.org/events/one", Fault(truncate=10))
        with pytest.raises(http.client.IncompleteRead):
            fetch(server, "example.org/events/one")


CRAWL = textwrap.dedent("""
    import json, sys
    import scrapy
    from scrapy.crawler import CrawlerProcess
    from aggregator.sources import project_settings

    seen = []
    timed = []

    class Probe(scrapy.Spider):
        name = "probe"
        start_urls = ["https://example.org/events/"]

        def parse(self, response):
            seen.append(response.url)
            # AutoThrottle paces each site by this; it must reach the real request.
            timed.append(response.meta.get("download_latency") is not None)
            for href in response.css("a::attr(href)").getall():
                yield response.follow(href, callback=self.parse)

    settings = project_settings(CLUSTERFEEDS_REPLAY_ADDRESS=sys.argv[1], ITEM_PIPELINES={},
                                LOG_LEVEL="ERROR", AUTOTHROTTLE_ENABLED=False)
    process = CrawlerProcess(settings)
    process.crawl(Probe)
    process.start()
    print(json.dumps([all(timed), sorted(seen)]))
""")


def test_scrapy_crawls_real_urls_through_the_replay_server(tiny_snapshot, tmp_path):
    # A file, not `-c`: Scrapy reads the callbacks' source.
    script = tmp_path / "crawl.py"
    script.write_text(CRAWL)
    with ReplayServer(tiny_snapshot) as server:
        out = subprocess.run(
            [sys.executable, script, server.address], capture_output=True, text=True, timeout=60, check=True
        ).stdout
        requested = [target for _, target, _, _ in server.requests]
    timed, seen = json.loads(out.splitlines()[-1])
    assert timed
    assert seen == [
        "https://example.org/events/",
        "https://example.org/events/one",
        "https://example.org/events/two",
        "https://example.org/events?page=1",
    ]
    # robots.txt was asked for and obeyed: the disallowed page was never requested.
    assert "/example.org/robots.txt" in requested
    assert not any("private" in target for target in requested)
