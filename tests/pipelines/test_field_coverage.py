"""Field coverage through the store: each crawl's shares are kept in its row, and
a share that fell against the last good run marks the crawl degraded, naming
the fields; too few items, a field never had, or a run that failed decide nothing."""

import json
import sqlite3

from scrapy.exceptions import DropItem
from test_crawl_outcome import crawl
from test_pipelines import close_store, crawler_for, stored_item

from core import db as database
from pipelines.store import SQLiteStorePipeline

EVENTS = [
    stored_item(
        kind="event",
        url=f"https://example.org/events/{n}",
        title=f"Cluster meeting {n}",
        start=f"2027-03-0{n + 1}",
        deadline=None,
        deadlines=[],
        location="Bergen",
    )
    for n in range(8)
]
UNDATED = [{**event, "start": None} for event in EVENTS]
NOWHERE = [{**event, "location": None} for event in EVENTS]


def test_each_crawl_keeps_its_coverage_of_every_field(tmp_path):
    news = stored_item(kind="news", url="https://example.org/news/1", title="News", deadline=None)
    row = crawl(tmp_path, [*EVENTS[:3], *UNDATED[3:4], news])
    # A news item counts for title and URL only; start/deadline over the events
    # and calls, location over the events.
    assert json.loads(row["coverage"]) == {
        "title": [5, 5],
        "url": [5, 5],
        "start/deadline": [3, 4],
        "location": [4, 4],
    }
    assert row["degraded"] is None


def test_a_crawl_whose_items_lost_their_dates_is_degraded_naming_the_field(tmp_path):
    crawl(tmp_path, EVENTS)
    row = crawl(tmp_path, UNDATED[:4] + EVENTS[4:])
    assert (row["outcome"], row["degraded"]) == ("ok", "start/deadline 100% → 50%")
    both = crawl(tmp_path, [{**event, "location": None} for event in UNDATED])
    assert both["degraded"] == "start/deadline 100% → 0%, location 100% → 0%"


def test_a_small_fall_or_a_small_run_is_not_a_drop(tmp_path):
    crawl(tmp_path, EVENTS)
    # 8 → 6 of 8 dated: 25 points, not more.
    assert crawl(tmp_path, UNDATED[:2] + EVENTS[2:])["degraded"] is None
    # Four undated events are too few to judge (a run that stopped paging early).
    assert crawl(tmp_path, UNDATED[:4], paging_stopped=1)["degraded"] is None


def test_a_field_the_source_never_had_cannot_drop(tmp_path):
    crawl(tmp_path, NOWHERE)
    assert crawl(tmp_path, NOWHERE)["degraded"] is None
    assert crawl(tmp_path, [{**event, "start": None} for event in NOWHERE])["degraded"] == (
        "start/deadline 100% → 0%"
    )


def test_a_degraded_crawl_is_no_yardstick_until_the_fields_come_back(tmp_path):
    crawl(tmp_path, EVENTS)
    assert crawl(tmp_path, UNDATED)["degraded"]
    assert crawl(tmp_path, UNDATED)["degraded"] == "start/deadline 100% → 0%"
    assert crawl(tmp_path, EVENTS)["degraded"] is None


def test_only_a_good_complete_crawl_is_the_yardstick_and_only_a_good_one_is_judged(tmp_path):
    crawl(tmp_path, EVENTS)
    # Lost a page: not complete, so not the yardstick, though it is judged.
    assert crawl(tmp_path, UNDATED, pages_lost=1, problems=1)["degraded"] == "start/deadline 100% → 0%"
    stopped = crawl(tmp_path, UNDATED, reason="shutdown")
    assert (stopped["outcome"], stopped["degraded"]) == ("interrupted", None)
    assert json.loads(stopped["coverage"])["start/deadline"] == [0, 8]


def test_items_the_pipelines_dropped_count_as_lacking_what_they_lacked(tmp_path):
    crawl(tmp_path, EVENTS)
    crawler = crawler_for(tmp_path)
    store = SQLiteStorePipeline(crawler)
    store.open_spider()
    for event in EVENTS[:5]:
        store.process_item(event)
    for event in EVENTS[5:]:
        store.on_item_dropped({**event, "title": ""}, None, DropItem("title: empty"))
    close_store(crawler, store)
    row = list(database.connect(tmp_path / "t.db")["crawls"].rows)[-1]
    assert json.loads(row["coverage"])["title"] == [5, 8]
    assert row["degraded"] == "title 100% → 62%"


def test_a_database_from_before_coverage_is_migrated_and_its_crawls_are_no_yardstick(tmp_path):
    # The previous schema: today's without the coverage columns, with a good complete run.
    database.connect(tmp_path / "t.db").close()
    conn = sqlite3.connect(tmp_path / "t.db")
    with conn:
        conn.execute("alter table crawls drop column coverage")
        conn.execute("alter table crawls drop column degraded")
        conn.execute(
            "insert into crawls (source, started, items, outcome, complete) "
            "values ('example', '2026-11-15T05:00:00+00:00', 8, 'ok', 1)"
        )
    conn.close()
    row = crawl(tmp_path, UNDATED)
    assert {"coverage", "degraded"} <= set(row)
    assert (row["outcome"], row["degraded"]) == ("ok", None)
    assert json.loads(row["coverage"])["start/deadline"] == [0, 8]
    # That run is the yardstick now; it had no dates, so none can drop.
    assert crawl(tmp_path, UNDATED)["degraded"] is None
