"""Reading the database: one entry per thing, bad rows skipped, SEQUENCE, gone."""

import logging

import pytest
from feed_rows import AS_OF, BASE_URL

from feeds.load import load_entries
from feeds.publish import publish


def entries_by_id(db):
    return {e.id: e for e in load_entries(db, AS_OF).entries}


def test_members_of_one_entry_become_one_entry(feed_db):
    entries = entries_by_id(feed_db)
    assert "ev-conference-no" not in entries
    conference = entries["ev-conference"]
    assert not conference.start.all_day  # eccp's member: its source ranks first
    assert conference.source == "eccp" and conference.language == "en"
    assert [(link.source, link.url) for link in conference.also] == [
        ("siva", "https://siva.no/arrangementer/european-cluster-conference/")
    ]
    assert conference.countries == {"EU", "NO"} and conference.sources == {"eccp", "siva"}
    assert conference.languages == {"en", "no"}
    assert set(conference.topics) == {"digital", "green"}
    assert conference.first_seen.isoformat() == "2026-11-11T07:00:00+01:00"


def test_the_entry_id_not_the_best_members_id_is_the_guid(feed_db):
    # The less informative member holds the entry id: the entry keeps it.
    feed_db["items"].update("ev-conference", {"entry_id": "ev-conference-no"})
    feed_db["items"].update("ev-conference-no", {"entry_id": "ev-conference-no"})
    entries = entries_by_id(feed_db)
    assert "ev-conference" not in entries
    assert entries["ev-conference-no"].url.startswith("https://www.clustercollaboration.eu/")


def test_rows_without_entry_id_are_entries_of_their_own(feed_db):
    assert feed_db.execute("select entry_id from items where id = 'ev-webinar'").fetchone() == (None,)
    assert entries_by_id(feed_db)["ev-webinar"].also == ()


def test_one_unreadable_row_is_skipped_with_its_id_and_field_logged(feed_db, tmp_path, caplog):
    feed_db["items"].insert_all(
        [
            {
                "id": "ev-broken",
                "kind": "event",
                "source": "eccp",
                "title": "Broken",
                "url": "https://example.org/broken",
                "start": "sometime in spring",
                "all_day": 0,
                "first_seen": "2026-11-16T08:00:00+01:00",
            },
            {
                "id": "call-broken",
                "kind": "call",
                "source": "eccp",
                "title": "Broken call",
                "url": "https://example.org/broken-call",
                "deadlines": "[{not json",
                "first_seen": "2026-11-16T08:00:00+01:00",
            },
        ]
    )
    with caplog.at_level(logging.ERROR, logger="feeds.load"):
        published = publish(feed_db, tmp_path / "out", AS_OF, BASE_URL)
    assert sorted((p.item_id, p.field_name) for p in published.skipped) == [
        ("call-broken", "deadlines"),
        ("ev-broken", "start"),
    ]
    assert (
        "eccp: https://example.org/broken: start: Invalid isoformat string: "
        "'sometime in spring' (item ev-broken); left out of the feeds"
    ) in caplog.text
    assert "eccp: https://example.org/broken-call: deadlines: not JSON: " in caplog.text
    rss = (tmp_path / "out" / "events.rss").read_text()
    assert "ev-webinar" in rss and "ev-broken" not in rss


def test_sequence_counts_distinct_change_times_members_and_going(feed_db):
    entries = entries_by_id(feed_db)
    assert entries["call-several"].sequence == 2
    assert entries["ev-conference"].sequence == 1
    assert entries["ev-gone"].sequence == 1 and entries["ev-webinar"].sequence == 0


def test_gone_only_after_a_good_crawl_that_did_not_find_it(feed_db):
    entries = entries_by_id(feed_db)
    assert entries["ev-gone"].gone_since.isoformat() == "2026-11-16T05:30:00+00:00"
    assert entries["ev-gone"].withdrawn_before(AS_OF.replace(day=30))
    # innovasjonnorge's latest crawl failed; its earlier good one found everything.
    assert entries["ev-webinar"].gone_since is None
    assert entries["ev-ongoing"].gone_since is None


def test_an_entry_is_gone_only_when_every_member_is(feed_db):
    feed_db["items"].update("ev-conference-no", {"last_seen": "2026-11-01T00:00:00+00:00"})
    assert entries_by_id(feed_db)["ev-conference"].gone_since is None


def test_the_source_ranked_first_gives_link_title_and_text_however_little_it_says(feed_db):
    # innovasjonnorge, an agency, ranks before eccp, a platform gathering others'
    # announcements: its all-day member with no summary leads the timed, fuller one.
    feed_db["items"].update(
        "ev-conference-no",
        {
            "source": "innovasjonnorge",
            "url": "https://www.innovasjonnorge.no/no/arrangementer/european-cluster-conference/",
        },
    )
    conference = entries_by_id(feed_db)["ev-conference"]
    assert (conference.source, conference.title, conference.summary) == (
        "innovasjonnorge",
        "European Cluster Conference 2026",
        "",
    )
    assert conference.url.startswith("https://www.innovasjonnorge.no/")
    assert conference.start.all_day
    assert [link.source for link in conference.also] == ["eccp"]


def test_a_member_off_its_source_s_hosts_ranks_after_every_one_on_them(feed_db):
    # A row stored before sources declared hosts: eccp's member points elsewhere.
    feed_db["items"].update("ev-conference", {"url": "https://hostile.example.net/conference"})
    hosts = {"eccp": ("www.clustercollaboration.eu",), "siva": ("siva.no",)}
    conference = {e.id: e for e in load_entries(feed_db, AS_OF, hosts).entries}["ev-conference"]
    assert conference.source == "siva"
    assert [(link.source, link.url) for link in conference.also] == [
        ("eccp", "https://hostile.example.net/conference")
    ]


def test_unlisted_sources_rank_by_who_announced_first():
    from feeds.load import precedence

    members = members_of(
        ("a", "mine", "2026-11-01T00:00:00+00:00"), ("b", "theirs", "2026-11-02T00:00:00+00:00")
    )
    assert sorted(members, key=lambda m: precedence(m, {}))[0].source == "mine"


def test_a_related_link_is_published_with_the_entry(feed_db):
    feed_db["items"].update("ev-webinar", {"related_url": "https://tickets.example.net/webinar"})
    webinar = entries_by_id(feed_db)["ev-webinar"]
    assert [(link.source, link.url) for link in webinar.also] == [
        ("innovasjonnorge", "https://tickets.example.net/webinar")
    ]
    conference = entries_by_id(feed_db)["ev-conference"]
    assert len(conference.also) == 1


def test_every_bundled_source_has_its_place_in_the_trust_order():
    from core.trust import TRUST_ORDER
    from spiders.registry import all_sources

    assert sorted(TRUST_ORDER) == sorted(source.name for source in all_sources())


def members_of(*rows):
    from feeds.entries import entry_from_row

    return [
        entry_from_row(
            {
                "id": id,
                "kind": "event",
                "source": source,
                "title": "T",
                "url": f"https://{source}.example.org/t",
                "first_seen": seen,
            },
            AS_OF,
        )
        for id, source, seen in rows
    ]


@pytest.mark.parametrize(
    "fields, status",
    [
        ({"kind": "call", "deadline": "2027-02-03T12:00:00+01:00"}, "open"),
        ({"kind": "call", "deadline": "2026-11-16"}, "open"),
        ({"kind": "call", "deadline": "2026-11-15"}, "closed"),
        # A page's "closed" between opening and deadline stands: calls close early.
        ({"kind": "call", "deadline": "2027-02-03", "status": "closed"}, "closed"),
        ({"kind": "call", "deadline": "2027-09-01", "opens": "2027-01-10"}, "forthcoming"),
        # Dates beat stale words, whichever source wrote them.
        (
            {
                "source": "eufunding",
                "kind": "call",
                "deadline": "2024-04-03T17:00:00+02:00",
                "status": "forthcoming",
            },
            "closed",
        ),
        (
            {
                "source": "parp",
                "kind": "call",
                "deadline": "2026-10-30",
                "opens": "2026-09-01",
                "status": "forthcoming",
            },
            "closed",
        ),
        (
            {
                "source": "eccp",
                "kind": "call",
                "deadline": "2027-05-06",
                "opens": "2027-02-02",
                "status": "closed",
            },
            "forthcoming",
        ),
        (
            {
                "source": "mita",
                "kind": "call",
                "deadline": "2027-03-01",
                "opens": "2026-11-02",
                "status": "forthcoming",
            },
            "open",
        ),
        (
            {"source": "innovasjonnorge", "kind": "call", "opens": "2026-10-01", "status": "forthcoming"},
            "open",
        ),
        (
            {"source": "eeagrants", "kind": "call", "deadline": "2027-03-01", "status": "forthcoming"},
            "forthcoming",
        ),
        ({"source": "eeagrants", "kind": "call", "status": "forthcoming"}, "forthcoming"),
        # Only "cancelled" beats the dates: they never tell it.
        ({"source": "mita", "kind": "call", "deadline": "2026-01-15", "status": "cancelled"}, "cancelled"),
        ({"source": "eufunding", "kind": "call", "opens": "2027-01-10", "status": "cancelled"}, "cancelled"),
        ({"kind": "call", "deadline": "2026-09-15", "recurrence": "yearly"}, "open"),
        ({"kind": "call"}, None),
        ({"kind": "event", "start": "2026-11-10", "end": "2026-11-16"}, "upcoming"),
        ({"kind": "event", "start": "2026-11-10T09:30:00+01:00"}, "past"),
        ({"kind": "event", "start": "2027-01-10", "status": "cancelled"}, "cancelled"),
        # Written by an older clusterfeeds as of its crawl's day: the dates decide.
        ({"kind": "event", "start": "2026-11-10", "status": "upcoming"}, "past"),
        ({"kind": "event"}, None),
    ],
)
def test_the_status_is_the_dates_as_of_the_feeds_day_else_the_page_s_word(fields, status):
    from feeds.entries import entry_from_row

    row = {
        "id": "x",
        "source": "siva",
        "title": "T",
        "url": "https://siva.no/x",
        "first_seen": "2026-11-01T00:00:00+00:00",
        "timezone": "Europe/Oslo",
        **fields,
    }
    assert entry_from_row(row, AS_OF).status == status
