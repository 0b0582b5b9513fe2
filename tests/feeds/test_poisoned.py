"""Poisoned rows, stored straight into the database as an older version or a hand
edit may have left them: each is published cleaned, or left out and reported
(source, URL, field); every other entry publishes and every file stays readable."""

import json
import logging

import feedparser
import lxml.html
import pytest
from feed_rows import AS_OF, BASE_URL, cutoff, row
from icalendar import Calendar

import feeds.ical
import feeds.page
import feeds.publish
import feeds.syndication
from feeds.publish import publish

SEEN = "2026-11-15T08:00:00+01:00"
URL = "https://www.clustercollaboration.eu/content/poisoned"


def contents(folder):
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def assert_readable(folder):
    """Every file reads back: feeds without a complaint from feedparser, calendars
    with icalendar, JSON and the pages with their parsers."""
    for path in sorted(folder.rglob("*")):
        data = path.read_bytes() if path.is_file() else None
        if path.suffix in (".rss", ".atom"):
            feed = feedparser.parse(data)
            assert feed.bozo == 0, (path, feed.get("bozo_exception"))
        elif path.suffix == ".ics":
            Calendar.from_ical(data)
        elif path.suffix == ".json":
            json.loads(data)
        elif path.suffix == ".html":
            lxml.html.fromstring(data)


def poisoned(id, kind="event", **fields):
    fields = {
        "start": "2027-03-03" if kind == "event" else None,
        "url": URL,
        "timezone": "Europe/Brussels",
        "status": "upcoming",
        **fields,
    }
    return row(id, kind, fields.pop("title", "Poisoned"), fields.pop("first_seen", SEEN), **fields)


# Rows that cannot be published, and the field each report names.
LEFT_OUT = {
    "an all-day start in year 9999": (poisoned("p", all_day=1, start="9999-12-31"), "start"),
    "a timed end in year 9998": (
        poisoned("p", start="2027-03-03T10:00:00+01:00", end="9998-12-31T10:00:00+01:00"),
        "end",
    ),
    "a deadline in year 9999": (
        poisoned(
            "p", "call", status="open", deadline="9999-12-31", deadlines=[cutoff("9999-12-31", all_day=True)]
        ),
        "deadlines",
    ),
    "one deadline of several before 1990": (
        poisoned(
            "p",
            "call",
            status="open",
            deadlines=[cutoff("2027-01-01", all_day=True), cutoff("1989-12-31", all_day=True)],
        ),
        "deadlines",
    ),
    "a start before 1990": (poisoned("p", all_day=1, start="1900-01-01"), "start"),
    "a first sighting past year 9999 in UTC": (
        poisoned("p", first_seen="9999-12-31T23:00:00-05:00"),
        "first_seen",
    ),
    "an impossible start": (poisoned("p", start="2026-13-45"), "start"),
    "a title stored as bytes": (poisoned("p", title=b"Poisoned"), "title"),
    "tags that are not JSON": ({**poisoned("p"), "tags": "[{"}, "tags"),
    # Not a page's text, so not cleaned on reading: a feed format refuses it.
    "an entry id with a control character": (poisoned("p", entry_id="ev\x1bp"), "rss"),
}


@pytest.mark.parametrize("poison, field", LEFT_OUT.values(), ids=LEFT_OUT)
def test_a_poisoned_row_is_left_out_and_changes_no_file(feed_db, tmp_path, caplog, poison, field):
    clean = publish(feed_db, tmp_path / "clean", AS_OF, BASE_URL)
    feed_db["items"].insert(poison)
    with caplog.at_level(logging.ERROR):
        published = publish(feed_db, tmp_path / "poisoned", AS_OF, BASE_URL)
    [problem] = published.skipped
    assert (problem.source, problem.url, problem.field_name) == ("eccp", URL, field)
    assert f"eccp: {URL}: {field}: " in caplog.text and "left out of the feeds" in caplog.text
    # Every good entry is published exactly as without the poisoned row.
    assert contents(tmp_path / "poisoned") == contents(clean.folder)
    assert_readable(tmp_path / "poisoned")


def test_control_characters_of_stored_rows_are_removed_and_the_entries_published(feed_db, tmp_path):
    feed_db["items"].insert_all(
        [
            poisoned(
                "ev-esc",
                title="Cluster\x1b[31m day\x00",
                summary="Bring\x0b friends\x85.",
                location="Oslo\x7f",
                tags=["energy\x9b", "\x1b"],
            ),
            poisoned(
                "call-esc",
                "call",
                title="Vouchers\x08",
                status="open",
                url="https://www.clustercollaboration.eu/content/vouchers\x1b",
                deadline="2027-01-20",
                deadlines=[cutoff("2027-01-20", True, text="20\x00 Jan")],
            ),
        ]
    )
    # Bytes that are not UTF-8, written by another program.
    feed_db.execute("update items set summary = cast(x'41ff42' as text) where id = 'ev-arendal'")
    feed_db.conn.commit()
    out = tmp_path / "out"
    assert publish(feed_db, out, AS_OF, BASE_URL).skipped == []
    assert_readable(out)
    feed = feedparser.parse((out / "events.rss").read_bytes())
    titles = {entry.title: entry for entry in feed.entries}
    assert "Cluster[31m day" in titles and "energy" in {t.term for t in titles["Cluster[31m day"].tags}
    assert "Where: Oslo" in titles["Cluster[31m day"].description
    assert "A\ufffdB" in (out / "events.json").read_text()
    calls = Calendar.from_ical((out / "calls.ics").read_bytes()).walk("VEVENT")
    [deadline] = [c for c in calls if "Vouchers" in str(c["summary"])]
    assert str(deadline["summary"]) == "Deadline: Vouchers"
    assert str(deadline["url"]) == "https://www.clustercollaboration.eu/content/vouchers"
    assert "As written: 20 Jan" in str(deadline["description"])
    for path in out.rglob("*"):
        if path.is_file():
            assert not {"\x1b", "\x00", "\x0b", "\x85", "\x7f", "\x9b", "\x08"} & set(
                path.read_text(errors="replace")
            ), path


def fail_for(entry_id, function):
    def failing(entry, *args, **kwargs):
        if entry.id == entry_id:
            raise OverflowError("date value out of range")
        return function(entry, *args, **kwargs)

    return failing


@pytest.mark.parametrize(
    "module, name, field",
    [
        (feeds.ical, "event_component", "ical"),
        (feeds.syndication, "structured", "json"),
        (feeds.syndication, "plain_summary", "rss"),
    ],
)
def test_an_entry_one_format_cannot_render_is_left_out_of_every_file(
    feed_db, tmp_path, monkeypatch, module, name, field
):
    monkeypatch.setattr(module, name, fail_for("ev-webinar", getattr(module, name)))
    published = publish(feed_db, tmp_path / "failing", AS_OF, BASE_URL)
    [problem] = published.skipped
    assert (problem.item_id, problem.source, problem.field_name) == ("ev-webinar", "innovasjonnorge", field)
    assert str(problem).endswith(
        f"{field}: cannot be rendered: OverflowError('date value out of range') (item ev-webinar)"
    )
    monkeypatch.undo()
    feed_db["items"].delete("ev-webinar")
    without = publish(feed_db, tmp_path / "without", AS_OF, BASE_URL)
    assert contents(tmp_path / "failing") == contents(without.folder)


def test_an_entry_the_page_cannot_list_is_left_out_of_every_file(feed_db, tmp_path, monkeypatch):
    failing = fail_for("ev-webinar", feeds.page.page_row)
    monkeypatch.setattr(feeds.page, "page_row", failing)
    monkeypatch.setattr(feeds.publish, "page_row", failing)
    [problem] = publish(feed_db, tmp_path / "out", AS_OF, BASE_URL).skipped
    assert (problem.item_id, problem.field_name) == ("ev-webinar", "page")
    for path in (tmp_path / "out").rglob("*"):
        if path.is_file():
            assert "Webinar: EEA grants" not in path.read_text(), path
