"""Publishing reads only what the feeds can show, through the indexes."""

from datetime import timedelta

from feed_rows import AS_OF, BASE_URL, cutoff, row

from feeds.catalog import CALENDAR_HISTORY
from feeds.load import load_entries
from feeds.publish import publish

SINCE = AS_OF - CALENDAR_HISTORY
LONG_AGO = (SINCE - timedelta(days=30)).isoformat()
SEEN = "2025-01-10T08:00:00+01:00"


def old_rows():
    return [
        row("ev-over", "event", "Long over", SEEN, start=LONG_AGO, end=LONG_AGO, topics=["ropes"]),
        row("ev-yearly", "event", "Every year", SEEN, start=LONG_AGO, recurrence="yearly", all_day=1),
        # Its next cut-off when crawled is long gone, its last one is still ahead.
        row(
            "call-later",
            "call",
            "Second round",
            SEEN,
            status="open",
            deadline=LONG_AGO,
            deadlines=[cutoff(LONG_AGO, True), cutoff((AS_OF + timedelta(days=20)).isoformat(), True)],
        ),
        row(
            "call-over",
            "call",
            "Closed long ago",
            SEEN,
            status="closed",
            deadline=LONG_AGO,
            deadlines=[cutoff(LONG_AGO, True)],
            source="oldsource",
        ),
        # An old member of an entry whose other member is ahead comes with it.
        row("ev-old-member", "event", "Ahead, announced twice", SEEN, start=LONG_AGO, entry_id="ev-ahead"),
        row(
            "ev-ahead", "event", "Ahead, announced twice", SEEN, start=(AS_OF + timedelta(days=3)).isoformat()
        ),
    ]


def test_entries_over_before_the_history_window_are_not_read(feed_db):
    feed_db["items"].insert_all(old_rows())
    since = AS_OF - CALENDAR_HISTORY
    every = {e.id: e for e in load_entries(feed_db, AS_OF).entries}
    windowed = {e.id: e for e in load_entries(feed_db, AS_OF, since=since).entries}
    left_out = set(every) - set(windowed)
    assert {"ev-over", "call-over"} <= left_out and "call-later" in windowed and "ev-yearly" in windowed
    for entry_id in left_out:  # each over, every date of every member before the window
        members = every[entry_id].members
        assert all(m.day() < since for member in members for m in member.moments()), entry_id
        assert not any(member.recurrence for member in members)
    assert {m.id for m in windowed["ev-ahead"].members} == {"ev-ahead", "ev-old-member"}
    assert windowed["ev-ahead"] == every["ev-ahead"]


def test_a_scope_only_past_entries_have_keeps_its_feeds(feed_db, tmp_path):
    feed_db["items"].insert_all(old_rows())
    published = publish(feed_db, tmp_path / "site", AS_OF, BASE_URL)
    names = set(published.files)
    assert {"topic/ropes/events.rss", "source/oldsource/calls.ics"} <= names
    assert b"Long over" not in (published.folder / "topic/ropes/events.ics").read_bytes()


def test_publish_reads_items_and_changes_only_through_indexes(feed_db, tmp_path):
    feed_db["items"].insert_all(old_rows())
    statements = []
    feed_db.conn.set_trace_callback(statements.append)
    publish(feed_db, tmp_path / "site", AS_OF, BASE_URL)
    feed_db.conn.set_trace_callback(None)
    reads = [s for s in statements if s.lstrip().lower().startswith("select") and " items" in s]
    # The scopes' names are read from every row on purpose (feeds.load.scope_names).
    reads = [s for s in reads if "'topic'" not in s]
    assert len(reads) == 2  # the entries and their changes
    for statement in reads:
        plan = [r[3] for r in feed_db.execute(f"explain query plan {statement}")]
        scans = [step for step in plan if step.startswith("SCAN") and "json_each" not in step]
        assert not scans, (statement, plan)
        assert any("USING INDEX idx_items_kind_start" in step for step in plan)
