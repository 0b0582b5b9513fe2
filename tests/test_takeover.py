"""No source can take over another's entries: a page copying a real event's
title and day, adding times and pointing its JSON-LD ``url`` elsewhere joins
the real event's entry but never gives its link, title, text or dates, and
each source's own feed links to its own page. Crawled from a snapshot, then
published, as `run` does."""

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap

import icalendar
import pytest

from aggregator.bundled import bundled

REAL_HOST = "www.innovasjonnorge.no"
REAL_URL = f"https://{REAL_HOST}/en/start-page/eea-norway-grants/events/blue-growth-matchmaking-gdansk-2027/"
REAL_TITLE = "Blue Growth Matchmaking Poland–Norway in Gdańsk"
HOST = "copycat.example.net"
ELSEWHERE = "https://tickets.example.com/blue-growth-gdansk"
# One copy points at a third site, the other at the real source's own page.
COPIES = {"blue-growth": ELSEWHERE, "blue-growth-again": REAL_URL}


def copy_page(url: str) -> str:
    node = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": REAL_TITLE,
        "startDate": "2027-03-16T09:00:00+01:00",
        "endDate": "2027-03-16T17:00:00+01:00",
        "description": "Register now through our partner: best prices, limited seats!",
        "location": {"@type": "Place", "name": "Gdańsk"},
        "url": url,
    }
    return textwrap.dedent(f"""\
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{REAL_TITLE}</title>
        <script type="application/ld+json">{json.dumps(node)}</script></head>
        <body><main><h1>{REAL_TITLE}</h1><p>Register now.</p></main></body></html>
    """)


SOURCE = textwrap.dedent(f"""\
    name = "copycat"
    title = "A site copying others' events"
    country = "NO"
    language = "en"
    timezone = "Europe/Oslo"
    kind = "event"
    start_urls = {json.dumps([f"https://{HOST}/events/{page}" for page in COPIES])}
""")


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("takeover")
    snapshot = tmp / "snapshot"
    shutil.copytree(bundled().root / REAL_HOST, snapshot / REAL_HOST)
    (snapshot / "snapshot.toml").write_text("captured = 2026-11-16\n")
    (snapshot / HOST / "events").mkdir(parents=True)
    (snapshot / HOST / "robots.txt").write_text("User-agent: *\nAllow: /\n")
    for page, url in COPIES.items():
        (snapshot / HOST / "events" / page).write_text(copy_page(url))
    sources = tmp / "sources"
    sources.mkdir()
    (sources / "copycat.toml").write_text(SOURCE)
    out = tmp / "public"
    # The copies come first, so that being first is no help to the real event.
    for names in (["copycat"], ["copycat", "innovasjonnorge"]):
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "aggregator.cli",
                "run",
                *names,
                "--snapshot",
                snapshot,
                "--db",
                tmp / "t.db",
                "--out",
                out,
                "--as-of",
                "2026-11-16",
                "--quiet",
            ],
            capture_output=True,
            text=True,
            timeout=300,
            env={**os.environ, "CLUSTERFEEDS_SOURCES_DIR": str(sources)},
        )
        assert result.returncode == 0, result.stderr[-2000:]
    db = sqlite3.connect(tmp / "t.db")
    db.row_factory = sqlite3.Row
    return db, out


def blue_growth(out, path):
    feed = json.loads((out / path).read_text())
    [item] = [
        item
        for item in feed["items"]
        if item["title"].startswith("Blue Growth") or item["url"].startswith(f"https://{HOST}/")
    ]
    return item


def test_the_copies_are_stored_under_their_own_pages_with_the_elsewhere_link_related(crawled):
    db, _ = crawled
    copies = {row["url"]: row for row in db.execute("select * from items where source = 'copycat'")}
    assert set(copies) == {f"https://{HOST}/events/{page}" for page in COPIES}
    assert copies[f"https://{HOST}/events/blue-growth"]["related_url"] == ELSEWHERE
    # The real page's address is not the copy's to give, not even as a related link.
    assert copies[f"https://{HOST}/events/blue-growth-again"]["related_url"] is None
    real = db.execute("select entry_id from items where url = ?", [REAL_URL]).fetchone()
    assert {row["entry_id"] for row in copies.values()} == {real["entry_id"]}


def test_each_pointing_elsewhere_is_a_problem_naming_source_page_and_field(crawled):
    db, _ = crawled
    problems = db.execute(
        "select distinct url, message from problems where source = 'copycat' and field = 'url' order by url"
    ).fetchall()
    assert [p["url"] for p in problems] == [f"https://{HOST}/events/{page}" for page in COPIES]
    assert ELSEWHERE in problems[0]["message"] and "related link" in problems[0]["message"]
    assert "innovasjonnorge's host: dropped" in problems[1]["message"]


def test_the_real_event_keeps_its_link_title_text_and_day(crawled):
    db, out = crawled
    real = db.execute("select * from items where url = ?", [REAL_URL]).fetchone()
    # A Norwegian source's event in Gdańsk is filed under its venue's country.
    for path in ("events.json", "source/innovasjonnorge/events.json", "country/pl/events.json"):
        item = blue_growth(out, path)
        assert (item["url"], item["title"]) == (REAL_URL, real["title"]), path
        assert real["summary"] in item["summary"] and "best prices" not in item["summary"], path
        facts = item["_clusterfeeds"]
        assert facts["start"] == {
            "at": "2027-03-16",
            "all_day": True,
            "timezone": "Europe/Oslo",
            "approximate": False,
        }, path
        assert [a["source"] for a in facts["announced_by"]] == [
            "innovasjonnorge",
            "copycat",
            "copycat",
            "copycat",
        ], path
        assert ELSEWHERE in [a["url"] for a in facts["announced_by"]], path


def test_the_copy_s_own_feed_links_to_its_own_page(crawled):
    _, out = crawled
    item = blue_growth(out, "source/copycat/events.json")
    assert item["url"].startswith(f"https://{HOST}/events/")
    assert REAL_URL in [a["url"] for a in item["_clusterfeeds"]["announced_by"]]


def test_the_calendar_shows_the_real_event(crawled):
    _, out = crawled
    calendar = icalendar.Calendar.from_ical((out / "events.ics").read_bytes())
    [event] = [e for e in calendar.walk("VEVENT") if "Blue Growth" in str(e["summary"])]
    assert str(event["url"]) == REAL_URL
    assert event["dtstart"].params["VALUE"] == "DATE"
