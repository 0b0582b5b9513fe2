"""One entry per real-world thing."""

import json

from pipelines.dedupe import entry_for, same_thing, significant_words


def event(id, title, start, **more):
    return {"id": id, "kind": "event", "title": title, "start": start, **more}


def call(id, title, *days):
    return {"id": id, "kind": "call", "title": title,
            "deadlines": json.dumps([{"at": day} for day in days])}


def test_significant_words_drop_stopwords_and_fold():
    assert significant_words("The Norway–Poland Cluster Days 2027 in Gdańsk") == {
        "norway", "poland", "cluster", "days", "2027", "gdansk"}


def test_the_same_event_from_two_sources_with_and_without_time():
    assert same_thing(event("a", "Norway-Poland Cluster Days 2027", "2027-03-04"),
                      event("b", "Norway–Poland cluster days 2027 in Gdańsk",
                            "2027-03-04T09:00:00+01:00"))


def test_different_day_or_different_title_is_a_different_thing():
    base = event("a", "Baltic Cluster Forum 2027", "2027-03-19")
    assert not same_thing(base, event("b", "Baltic Cluster Forum 2027", "2027-03-20"))
    assert not same_thing(base, event("c", "Blue growth matchmaking", "2027-03-19"))
    assert not same_thing(base, event("d", "Baltic Cluster Forum 2027", None))


def test_kinds_never_merge_and_news_never_merge():
    assert not same_thing(event("a", "Green platform", "2027-03-01"),
                          call("b", "Green platform", "2027-03-01"))
    news = {"id": "n", "kind": "news", "title": "Green platform", "start": "2027-03-01"}
    assert not same_thing(news, dict(news, id="m"))


def test_calls_match_on_a_shared_cut_off():
    a = call("a", "Euroclusters for Europe's recovery", "2027-02-04T17:00:00+01:00")
    b = call("b", "Call: Euroclusters for Europe’s recovery (SMP-COSME)", "2026-11-20",
             "2027-02-04")
    assert same_thing(a, b)


def test_entry_for_joins_the_first_match_entry():
    row = event("new", "Baltic Cluster Forum 2027", "2027-03-19")
    stored = [event("x", "Other", "2027-03-19", entry_id="x"),
              event("y", "BALTIC CLUSTER FORUM 2027", "2027-03-19", entry_id="first")]
    assert entry_for(row, stored) == "first"
    assert entry_for(row, []) == "new"


def test_the_same_event_announced_in_two_languages():
    assert same_thing(event("a", "Baltic Cluster Forum 2027", "2027-02-12T09:00:00+01:00"),
                      event("b", "Baltijos klasterių forumas 2027 kviečia registruotis",
                            "2027-02-12T10:00:00+02:00"))
    assert not same_thing(event("a", "Baltic Cluster Forum 2027", "2027-02-12"),
                          event("b", "Lietuvos inovacijų diena 2027", "2027-02-12"))
