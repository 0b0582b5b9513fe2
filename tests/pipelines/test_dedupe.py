"""One entry per real-world thing, found through an index, never pairwise."""

import json

from test_pipelines import crawler_for, item

from core import db as database
from pipelines import dedupe
from pipelines.dedupe import CROWDED, candidates, day_keys, entry_for, same_thing, significant_words
from pipelines.store import DAY_KEY_LOOKUP, SQLiteStorePipeline


def event(id, title, start, **more):
    return {"id": id, "kind": "event", "title": title, "start": start, **more}


def call(id, title, *days):
    return {"id": id, "kind": "call", "title": title, "deadlines": json.dumps([{"at": day} for day in days])}


def test_significant_words_drop_stopwords_and_fold():
    assert significant_words("The Norway–Poland Cluster Days 2027 in Gdańsk") == {
        "norway",
        "poland",
        "cluster",
        "days",
        "2027",
        "gdansk",
    }


def test_the_same_event_from_two_sources_with_and_without_time():
    assert same_thing(
        event("a", "Norway-Poland Cluster Days 2027", "2027-03-04"),
        event("b", "Norway–Poland cluster days 2027 in Gdańsk", "2027-03-04T09:00:00+01:00"),
    )


def test_different_day_or_different_title_is_a_different_thing():
    base = event("a", "Baltic Cluster Forum 2027", "2027-03-19")
    assert not same_thing(base, event("b", "Baltic Cluster Forum 2027", "2027-03-20"))
    assert not same_thing(base, event("c", "Blue growth matchmaking", "2027-03-19"))
    assert not same_thing(base, event("d", "Baltic Cluster Forum 2027", None))


def test_kinds_never_merge_and_news_never_merge():
    assert not same_thing(
        event("a", "Green platform", "2027-03-01"), call("b", "Green platform", "2027-03-01")
    )
    news = {"id": "n", "kind": "news", "title": "Green platform", "start": "2027-03-01"}
    assert not same_thing(news, dict(news, id="m"))


def test_calls_match_on_a_shared_cut_off():
    a = call("a", "Euroclusters for Europe's recovery", "2027-02-04T17:00:00+01:00")
    b = call("b", "Call: Euroclusters for Europe’s recovery (SMP-COSME)", "2026-11-20", "2027-02-04")
    assert same_thing(a, b)


def test_entry_for_joins_the_first_match_entry():
    row = event("new", "Baltic Cluster Forum 2027", "2027-03-19")
    stored = [
        event("x", "Other", "2027-03-19", entry_id="x"),
        event("y", "BALTIC CLUSTER FORUM 2027", "2027-03-19", entry_id="first"),
    ]
    assert entry_for(row, stored) == "first"
    assert entry_for(row, []) == "new"


def test_the_same_event_announced_in_two_languages():
    assert same_thing(
        event("a", "Baltic Cluster Forum 2027", "2027-02-12T09:00:00+01:00"),
        event("b", "Baltijos klasterių forumas 2027 kviečia registruotis", "2027-02-12T10:00:00+02:00"),
    )
    assert not same_thing(
        event("a", "Baltic Cluster Forum 2027", "2027-02-12"),
        event("b", "Lietuvos inovacijų diena 2027", "2027-02-12"),
    )


# --- finding candidates through the (day, title key) index -----------------------


def test_things_that_are_the_same_share_a_day_and_title_key():
    pairs = [
        (
            event("a", "Norway-Poland Cluster Days 2027", "2027-03-04"),
            event("b", "Norway–Poland cluster days 2027 in Gdańsk", "2027-03-04T09:00:00+01:00"),
        ),
        (
            event("a", "Baltic Cluster Forum 2027", "2027-02-12T09:00:00+01:00"),
            event("b", "Baltijos klasterių forumas 2027 kviečia registruotis", "2027-02-12T10:00:00+02:00"),
        ),
        (
            call("a", "Euroclusters for Europe's recovery", "2027-02-04T17:00:00+01:00"),
            call("b", "Call: Euroclusters for Europe’s recovery (SMP-COSME)", "2026-11-20", "2027-02-04"),
        ),
    ]
    for a, b in pairs:
        assert same_thing(a, b) and day_keys(a) & day_keys(b)
    assert ("2027-02-04", "euroc") in day_keys(pairs[2][1])
    assert not day_keys(event("a", "Baltic Cluster Forum 2027", "2027-03-19")) & day_keys(
        event("b", "Baltic Cluster Forum 2027", "2027-03-20")
    )


def test_news_undated_and_unreadable_rows_are_under_no_key():
    assert day_keys({"id": "n", "kind": "news", "title": "Forum", "start": "2027-03-01"}) == set()
    assert day_keys(event("a", "Forum", None)) == set()
    assert day_keys(event("a", "Forum", "sometime in spring")) == set()


def index_of(rows):
    """What pipelines/store.py keeps in SQLite, in a dict: ids by (day, key)."""
    index = {}
    for row in rows:
        for pair in sorted(day_keys(row)):
            index.setdefault(pair, []).append(row["id"])
    return lambda day, key, limit: index.get((day, key), [])[:limit]


def test_a_crowded_word_is_not_looked_up_but_the_whole_title_still_is():
    flood = [event(f"f{n}", f"Cluster meeting {n}", "2027-03-04") for n in range(CROWDED + 1)]
    stored_under = index_of([event("real", "Cluster meeting", "2027-03-04"), *flood])
    # "cluster" and "meeting" are under more than CROWDED items that day: only
    # the whole title finds the real one.
    assert candidates(event("new", "Cluster meeting", "2027-03-04T10:00:00+01:00"), stored_under) == ["real"]
    assert candidates(event("new", "Cluster meeting 7", "2027-03-04"), stored_under) == ["f7"]
    quiet = index_of([event("real", "Cluster meeting", "2027-03-04"), *flood[:3]])
    assert set(candidates(event("new", "Cluster meeting", "2027-03-04"), quiet)) == {"real", "f0", "f1", "f2"}


# --- in the store -------------------------------------------------------------------


def stored_event(n, title, start):
    return item(
        kind="event",
        url=f"https://example.org/events/{n}",
        title=title,
        start=start,
        deadline=None,
        deadlines=[],
    )


def store(tmp_path, items):
    pipeline = SQLiteStorePipeline(crawler_for(tmp_path))
    pipeline.open_spider()
    for each in items:
        pipeline.process_item(each)
    pipeline.close_spider()
    return database.connect(tmp_path / "t.db")


def entries(db):
    return {row["url"].rsplit("/", 1)[1]: row["entry_id"] for row in db["items"].rows}


def test_the_same_event_in_one_batch_and_in_a_later_run_joins_one_entry(tmp_path):
    store(
        tmp_path,
        [
            stored_event("a", "Baltic Cluster Forum 2027", "2027-03-19"),
            stored_event("b", "BALTIC CLUSTER FORUM 2027", "2027-03-19T09:00:00+01:00"),
            stored_event("c", "Blue growth matchmaking", "2027-03-19"),
        ],
    )
    db = store(tmp_path, [stored_event("d", "Baltijos klasterių forumas 2027", "2027-03-19")])
    found = entries(db)
    assert found["a"] == found["b"] == found["d"] != found["c"]


def test_a_changed_title_or_day_is_looked_up_under_its_new_keys(tmp_path):
    store(tmp_path, [stored_event("a", "Baltic Cluster Forum 2027", "2027-03-19")])
    store(tmp_path, [stored_event("a", "Nordic Hydrogen Days", "2027-04-02")])
    db = store(
        tmp_path,
        [
            stored_event("b", "Nordic hydrogen days", "2027-04-02"),
            stored_event("c", "Baltic Cluster Forum 2027", "2027-03-19"),
        ],
    )
    found = entries(db)
    assert found["b"] == found["a"] != found["c"]


def test_the_lookup_is_served_by_an_index(tmp_path):
    db = store(tmp_path, [stored_event("a", "Baltic Cluster Forum 2027", "2027-03-19")])
    plan = " ".join(
        row[-1]
        for row in db.execute("explain query plan " + DAY_KEY_LOOKUP, ["event", "2027-03-19", "forum", 51])
    )
    assert "USING COVERING INDEX" in plan and "SCAN" not in plan, plan


def test_a_database_from_before_the_index_gets_it_from_its_items(tmp_path):
    store(tmp_path, [stored_event("a", "Baltic Cluster Forum 2027", "2027-03-19")])
    old = database.connect(tmp_path / "t.db")
    old["day_keys"].drop()
    old.close()
    db = store(tmp_path, [stored_event("b", "Baltic cluster forum 2027", "2027-03-19")])
    assert db["day_keys"].count > 0
    assert entries(db)["a"] == entries(db)["b"]


def test_a_page_of_10000_events_on_one_day_is_matched_in_linear_time(tmp_path, monkeypatch):
    """A page whose JSON-LD floods one day with numbered copies of a title:
    pairwise, 50 million comparisons; through the index, a count that stops
    growing once the shared words are crowded."""
    compared = []
    real = dedupe.same_thing
    monkeypatch.setattr(dedupe, "same_thing", lambda a, b: compared.append(1) or real(a, b))
    flood = [
        stored_event(n, f"Cluster matchmaking session {n}", f"2027-03-04T{n % 24:02}:00:00+01:00")
        for n in range(10_000)
    ]
    db = store(tmp_path, flood)
    assert db["items"].count == 10_000
    after_flood = len(compared)
    assert after_flood < 3 * CROWDED**2
    store(tmp_path, [stored_event("late", "Cluster matchmaking session", "2027-03-04")])
    assert len(compared) - after_flood <= CROWDED
