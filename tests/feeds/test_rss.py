from datetime import datetime

import feedparser
import pytest
from feed_rows import (BASE_URL, CALLS, CALLS_NEWEST_FIRST, EVENTS, EVENTS_NEWEST_FIRST,
                      HOSTILE_CALL, HOSTILE_EVENT)


def parse(path):
    feed = feedparser.parse(path.read_bytes())
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "rss20"
    return feed


@pytest.mark.parametrize("name, rows, order", [
    ("events.rss", EVENTS, EVENTS_NEWEST_FIRST),
    ("calls.rss", CALLS, CALLS_NEWEST_FIRST),
])
def test_feed_holds_exactly_the_rows_of_its_kind_newest_first(published, name, rows, order):
    feed = parse(published / name)
    by_id = {row["id"]: row for row in rows}
    assert [entry.id for entry in feed.entries] == order
    for entry in feed.entries:
        row = by_id[entry.id]
        assert entry.link == row["url"]
        assert entry.guidislink is False
        first_seen = datetime.fromisoformat(row["first_seen"]).utctimetuple()
        assert entry.published_parsed[:6] == first_seen[:6]


def test_titles_are_the_stored_titles_even_hostile_ones(published):
    raw = (published / "events.rss").read_text()
    assert "<script>" not in raw
    titles = {e.id: e.title for e in parse(published / "events.rss").entries}
    titles |= {e.id: e.title for e in parse(published / "calls.rss").entries}
    assert titles == {row["id"]: row["title"] for row in EVENTS + CALLS}
    assert HOSTILE_EVENT in titles.values() and HOSTILE_CALL in titles.values()


def test_news_is_not_published(published):
    for name in ("events.rss", "calls.rss"):
        assert "news-1" not in {e.id for e in parse(published / name).entries}


def test_self_link_is_absolute_from_base_url(published):
    feed = parse(published / "calls.rss")
    assert {link.rel: link.href for link in feed.feed.links}["self"] == BASE_URL + "calls.rss"
    assert feed.feed.link == BASE_URL + "index.html"


def test_descriptions_write_out_dates_zones_places_and_approximation(published):
    events = {e.id: e.description for e in parse(published / "events.rss").entries}
    calls = {e.id: e.description for e in parse(published / "calls.rss").entries}
    assert "Wed 25 November 2026, 09:30–17:00 CET (Europe/Brussels)" in events["ev-conference"]
    assert "Tue 1 December 2026 – Thu 3 December 2026" in events["ev-arendal"]
    assert "Where: Online" in events["ev-webinar"]
    assert "CANCELLED" in events["ev-cancelled"]
    assert "Source: siva" in events["ev-ongoing"]
    assert "Deadline: Mon 30 November 2026, 16:00 CET (Europe/Warsaw)" in calls["call-hostile"]
    assert "Wed 20 January 2027, 23:59 CET (Europe/Brussels)" in calls["call-several"]
    assert "approx., mid-September every year" in calls["call-yearly"]
