"""Hostile content, from a crawled page to every published file: markup is
neutralised, iCal text is escaped, only http(s) links are published, control
characters are removed, over-long fields cut and impossible dates refused (each
reported), and nothing is written outside the output folder."""

import json
import os
import sqlite3
import subprocess
import sys
import textwrap
from contextlib import closing

import feedparser
import icalendar
import pytest
from bs4 import BeautifulSoup
from lxml import etree

HOST = "hostile.example.org"
# ESC, BEL, NUL and a C1 control: lxml, so RSS and Atom, refuses most of them.
TITLE = '<script>alert("x")</script> Matchmaking;\x1b Oslo, Norway\x9b'
PAGE = textwrap.dedent(f"""\
    <!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
    <title>Events</title></head><body>
    <nav><a href="/">Home</a> <a href="javascript:alert(1)">Menu</a></nav>
    <main><article>
      <h1>{TITLE.replace("<", "&lt;").replace(">", "&gt;")}</h1>
      <p><strong>Start:</strong> 3 March 2027, 10:00</p>
      <p><strong>End:</strong> 4 March 2027</p>
      <p><strong>Venue:</strong> Oslo;\x07 Bygdøy allé 2, 0257 Oslo</p>
      <p>Line one<br>line two &lt;img src=x onerror=alert(2)&gt;
         <a href="javascript:alert(3)">register</a>
         <a href="../../../../etc/passwd">terms</a></p>
    </article></main>
    <footer>© 2026</footer></body></html>
""")
SOURCE = textwrap.dedent(f"""\
    name = "hostile"
    title = "A hostile site"
    country = "NO"
    language = "en"
    timezone = "Europe/Oslo"
    kind = "event"
    start_urls = ["https://{HOST}/events/matchmaking", "https://{HOST}/events/far"]
""")
LONG_TITLE = " ".join(["Cluster"] * 2000)
FAR_PAGE = textwrap.dedent(f"""\
    <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Far</title></head>
    <body><main><article><h1>{LONG_TITLE}</h1>
      <p><strong>Start:</strong> 31 December 99999</p>
      <p><strong>End:</strong> 1 March 2099</p>
    </article></main></body></html>
""")


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile")
    snapshot = tmp / "snapshot"
    (snapshot / HOST / "events").mkdir(parents=True)
    (snapshot / "snapshot.toml").write_text("captured = 2026-11-16\n")
    (snapshot / HOST / "robots.txt").write_text("User-agent: *\nAllow: /\n")
    (snapshot / HOST / "events" / "matchmaking").write_text(PAGE)
    (snapshot / HOST / "events" / "far").write_text(FAR_PAGE)
    sources = tmp / "sources"
    sources.mkdir()
    (sources / "hostile.toml").write_text(SOURCE)
    out = tmp / "site" / "public"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "aggregator.cli",
            "run",
            "hostile",
            "--snapshot",
            snapshot,
            "--db",
            tmp / "h.db",
            "--out",
            out,
            "--as-of",
            "2026-11-16",
            "--quiet",
            "--base-url",
            "https://feeds.example.org/",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "CLUSTERFEEDS_SOURCES_DIR": str(sources)},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return out, tmp


def files(out):
    return [path for path in out.resolve().rglob("*") if path.is_file()]


def test_the_hostile_event_was_published(published):
    out, _ = published
    assert "Matchmaking" in (out / "events.ics").read_text()


def test_no_markup_from_the_page_survives_in_any_feed(published):
    out, _ = published
    for path in files(out):
        if path.suffix not in (".rss", ".atom"):
            continue
        root = etree.fromstring(path.read_bytes())
        for node in root.iter():
            if node.text and ("<" in node.text):
                # HTML carried as text (descriptions): once decoded it holds no
                # element but plain paragraphs and links.
                html = BeautifulSoup(node.text, "lxml")
                assert not html.find_all(["script", "img", "iframe", "object"]), path
                assert all(tag.name in ("html", "body", "p", "a") for tag in html.find_all(True))


def test_the_page_runs_no_script_of_the_page(published):
    out, _ = published
    page = BeautifulSoup((out / "index.html").read_text(), "lxml")
    scripts = page.find_all("script")
    # Data for page.js (the filters' folders) is JSON, which a browser never runs.
    data = [script for script in scripts if script.get("type") == "application/json"]
    assert len(data) == 1 and isinstance(json.loads(data[0].string), dict)
    assert all(script.get("src") and not script.string for script in scripts if script not in data)
    assert not page.find_all("img")
    assert "Matchmaking; Oslo, Norway" in page.get_text()


def test_ical_text_is_escaped_and_reads_back_the_same(published):
    out, _ = published
    raw = (out / "events.ics").read_bytes()
    assert rb"Matchmaking\; Oslo\, Norway" in raw
    event = icalendar.Calendar.from_ical(raw).walk("VEVENT")[0]
    assert str(event["SUMMARY"]).endswith("Matchmaking; Oslo, Norway")
    # Line breaks of the page are escaped: a bare LF or CR never ends a line.
    assert b"\n" not in raw.replace(b"\r\n", b"") and b"\r" not in raw.replace(b"\r\n", b"")


def test_only_http_links_are_published_and_nothing_outside_the_folder(published):
    out, tmp = published
    for path in files(out):
        assert "javascript:" not in path.read_text(errors="replace"), path
    # The feeds, the database and its HTTP cache: nothing else was written.
    tops = {path.relative_to(tmp).parts[0] for path in tmp.rglob("*") if path.is_file()}
    assert {top for top in tops if not top.startswith("h.db")} == {"site", "snapshot", "sources"}
    assert not (tmp / "etc").exists()


def test_every_feed_reads_back_without_control_characters(published):
    out, _ = published
    for path in files(out):
        text = path.read_text()
        assert not {"\x1b", "\x07", "\x00", "\x9b"} & set(text), path
        if path.suffix in (".rss", ".atom"):
            feed = feedparser.parse(path.read_bytes())
            assert feed.bozo == 0, (path, feed.get("bozo_exception"))
        elif path.suffix == ".ics":
            icalendar.Calendar.from_ical(path.read_bytes())


def test_a_timed_start_with_an_end_day_is_published(published):
    out, _ = published
    feed = feedparser.parse((out / "events.rss").read_bytes())
    [event] = [e for e in feed.entries if "Matchmaking" in e.title]
    assert "When: Wed 3 March 2027, 10:00 CET (Europe/Oslo) – Thu 4 March 2027" in event.description
    assert "Where: Oslo; Bygdøy allé 2, 0257 Oslo" in event.description


def test_each_removal_cut_and_refused_date_is_a_stored_problem(published):
    _, tmp = published
    problems = db_rows(tmp, "select url, field, message from problems")
    matchmaking, far = (f"https://{HOST}/events/{name}" for name in ("matchmaking", "far"))
    assert (matchmaking, "title", "removed control characters U+001B, U+009B") in problems
    assert (matchmaking, "location", "removed control characters U+0007") in problems
    assert (far, "start_text", "no date found: 'Start: 31 December 99999'") in problems
    assert (
        far,
        "end_text",
        "out of range: 2099-03-01 is more than 10 years after 2026-11-16: 'End: 1 March 2099'",
    ) in problems
    [(cut,)] = db_rows(tmp, "select message from problems where url = ? and field = 'title'", far)
    assert cut == (f"cut to 296 of {len(LONG_TITLE)} characters; cut off: {('Cluster ' * 8)[:60]!r}…")
    [(title, start, end)] = db_rows(tmp, 'select title, start, "end" from items where url = ?', far)
    assert title.startswith("Cluster Cluster") and len(title) <= 301
    assert (start, end) == (None, None)


def db_rows(tmp, query, *parameters):
    with closing(sqlite3.connect(tmp / "h.db")) as db:
        return db.execute(query, parameters).fetchall()
