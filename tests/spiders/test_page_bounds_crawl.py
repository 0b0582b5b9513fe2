"""One crawl, in a process of its own, over a snapshot on 127.0.0.1: one source's
extractor never returns (it sleeps, or it spins holding the CPU), another source's file regex backtracks for ever, and
broken source files lie beside the good one. The stuck page and the regex are
problems naming source and URL; the good source's items are stored; the
broken files are skipped; the process ends."""

import os
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from spiders.extractors.generic import PATTERN_SECONDS

CALM = "calm.example.org"
STUCK = "stuck.example.org"
LONG_LINK = "/" + "a" * 40 + "!"
EVENT_PAGE = """<!DOCTYPE html><html lang="en"><head><title>{title}</title></head><body><main><article>
<h1>{title}</h1><p><strong>Start:</strong> {start}</p><p><strong>Venue:</strong> Oslo</p></article></main></body></html>"""
LISTING = f"""<!DOCTYPE html><html lang="en"><head><title>Events</title></head><body><main><h1>Events</h1>
<ul><li><a href="{LONG_LINK}">Somewhere</a></li><li><a href="/events/matchmaking">Matchmaking</a></li>
<li><a href="/events/forum">Forum</a></li></ul></main></body></html>"""
CALM_SOURCE = textwrap.dedent(f"""\
    name = "calm"
    title = "A calm site"
    country = "NO"
    language = "en"
    timezone = "Europe/Oslo"
    kind = "event"
    start_urls = ["https://{CALM}/events/"]
    follow = ['(a|aa)+$', '/events/[a-z]+$']
""")
# The stuck source is code (an extractor that sleeps far past the limit), so the crawl runs from a script.
CRAWL = textwrap.dedent(f"""
    import sys, time
    from scrapy.crawler import CrawlerProcess
    from aggregator.sources import project_settings, select_sources
    from spiders.base import SourceSpider

    def stuck(url, html):
        if sys.argv[3] == "sleeps":
            time.sleep(600)
        while True:
            pass

    class StuckSpider(SourceSpider):
        name, languages, kinds = "stuck", ("en",), ("event",)
        start_urls = ["https://{STUCK}/events/never"]
        extractor = staticmethod(stuck)
        # Its own limit: the calm source keeps the default, so that a loaded
        # machine cannot push the calm pages past a short limit.
        custom_settings = {{"CLUSTERFEEDS_PAGE_SECONDS": 1.0}}

    db, snapshot = sys.argv[1:3]
    process = CrawlerProcess(project_settings(
        CLUSTERFEEDS_DB=db, CLUSTERFEEDS_SNAPSHOT=snapshot, CLUSTERFEEDS_AS_OF="2026-11-16",
        HTTPCACHE_ENABLED=False, LOG_LEVEL="ERROR"))
    process.crawl(StuckSpider)
    process.crawl(select_sources(["calm"])[0])
    process.start()
""")


@pytest.fixture(scope="module", params=["sleeps", "spins"])
def crawled(tmp_path_factory, request):
    tmp = tmp_path_factory.mktemp("bounds")
    snapshot = tmp / "snapshot"
    (snapshot / CALM / "events").mkdir(parents=True)
    (snapshot / STUCK / "events").mkdir(parents=True)
    (snapshot / "snapshot.toml").write_text("captured = 2026-11-16\n")
    for host in (CALM, STUCK):
        (snapshot / host / "robots.txt").write_text("User-agent: *\nAllow: /\n")
    (snapshot / CALM / "events" / "index.html").write_text(LISTING)
    (snapshot / CALM / "events" / "matchmaking").write_text(
        EVENT_PAGE.format(title="Matchmaking in Oslo", start="3 March 2027, 10:00")
    )
    (snapshot / CALM / "events" / "forum").write_text(
        EVENT_PAGE.format(title="Cluster Forum", start="5 May 2027")
    )
    (snapshot / STUCK / "events" / "never").write_text(EVENT_PAGE.format(title="Never", start="5 May 2027"))
    sources = tmp / "sources"
    sources.mkdir()
    (sources / "calm.toml").write_text(CALM_SOURCE)
    (sources / "latin.toml").write_bytes(CALM_SOURCE.replace("calm", "café").encode("latin-1"))
    (sources / "folder.toml").mkdir()
    (sources / "link.toml").symlink_to(sources / "gone.toml")
    db = tmp / "bounds.db"
    # The bound: were the stuck thread to hold the process, it would end only after 600 s.
    out = subprocess.run(
        [sys.executable, "-c", CRAWL, str(db), str(snapshot), request.param],
        capture_output=True,
        text=True,
        timeout=240,
        env={**os.environ, "CLUSTERFEEDS_SOURCES_DIR": str(sources)},
    )
    assert out.returncode == 0, out.stderr[-3000:]
    connection = sqlite3.connect(db)
    return connection, out.stderr, sources


def test_the_other_source_s_items_are_stored(crawled):
    connection, _, _ = crawled
    assert sorted(connection.execute("select source, title, start from items")) == [
        ("calm", "Cluster Forum", "2027-05-05"),
        ("calm", "Matchmaking in Oslo", "2027-03-03T10:00:00+01:00"),
    ]


def test_the_stuck_page_and_the_backtracking_regex_are_problems_naming_source_and_url(crawled):
    connection, _, _ = crawled
    assert sorted(connection.execute("select source, url, field, message from problems")) == [
        (
            "calm",
            f"https://{CALM}/events/",
            "follow",
            f"'(a|aa)+$' took over {PATTERN_SECONDS} s on https://{CALM}{LONG_LINK} (catastrophic backtracking); "
            "not used on the rest of this page",
        ),
        ("stuck", f"https://{STUCK}/events/never", "page", "extraction took over 1 s; the page is skipped"),
    ]


def test_the_broken_source_files_were_skipped_with_their_reasons(crawled):
    _, stderr, sources = crawled
    for line in (
        f"source file {sources / 'folder.toml'} skipped: a folder, not a file",
        f"source file {sources / 'latin.toml'} skipped: not UTF-8: byte 0xe9 at offset ",
        f"source file {sources / 'link.toml'} skipped: a symbolic link to {sources / 'gone.toml'}, "
        "which does not exist",
    ):
        assert line in stderr
