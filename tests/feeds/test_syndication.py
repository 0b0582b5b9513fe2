"""RSS 2.0, Atom 1.0 and JSON Feed 1.1: valid, one entry per thing, newest first."""

import json
from datetime import datetime

import feedparser
import pytest
from feed_rows import (
    AS_OF,
    BASE_URL,
    CALLS,
    CALLS_NEWEST_FIRST,
    EVENTS,
    EVENTS_NEWEST_FIRST,
    HOSTILE_CALL,
    HOSTILE_EVENT,
)
from validity import atom_problems, json_feed_problems, rss_problems

from feeds.catalog import FEED_CAP
from feeds.publish import publish

CHECKS = {"rss": rss_problems, "atom": atom_problems, "json": json_feed_problems}
ROWS = {row["id"]: row for row in EVENTS + CALLS}


def every_feed(folder):
    for extension in CHECKS:
        yield from sorted(folder.rglob(f"*.{extension}"))


def parse(path):
    feed = feedparser.parse(path.read_bytes())
    assert feed.bozo == 0, (path, feed.get("bozo_exception"))
    return feed


def entry_ids(path):
    if path.suffix == ".json":
        return [item["id"] for item in json.loads(path.read_bytes())["items"]]
    # RSS guids and Atom ids are one tag URI around the entry id.
    return [entry_id(entry) for entry in parse(path).entries]


def entry_id(entry) -> str:
    assert entry.id.startswith("tag:feeds.example.org,2026:"), entry.id
    return entry.id.rsplit(":", 1)[-1]


def test_every_feed_of_every_scope_is_valid(published):
    feeds = list(every_feed(published))
    # everything, 3 countries, 4 sources, 2 topics; events and calls; three formats
    assert len(feeds) == (1 + 3 + 4 + 2) * 2 * 3
    for path in feeds:
        name = path.relative_to(published).as_posix()
        problems = CHECKS[path.suffix[1:]](path.read_bytes(), BASE_URL + name)
        assert problems == [], name
        if path.suffix != ".json":
            assert parse(path).version == {".rss": "rss20", ".atom": "atom10"}[path.suffix]


@pytest.mark.parametrize("extension", list(CHECKS))
@pytest.mark.parametrize("kind, order", [("events", EVENTS_NEWEST_FIRST), ("calls", CALLS_NEWEST_FIRST)])
def test_one_entry_per_thing_newest_first(published, extension, kind, order):
    assert entry_ids(published / f"{kind}.{extension}") == order


def test_rss_entries_link_date_and_first_seen(published):
    feed = parse(published / "events.rss")
    for entry in feed.entries:
        assert entry.guidislink is False
        if entry_id(entry) != "ev-conference":
            assert entry.link == ROWS[entry_id(entry)]["url"]
    conference = {entry_id(e): e for e in feed.entries}["ev-conference"]
    # The timed ECCP page is the most informative; first seen is the earliest member's.
    assert conference.link == ROWS["ev-conference"]["url"]
    first_seen = datetime.fromisoformat(ROWS["ev-conference-no"]["first_seen"]).utctimetuple()
    assert conference.published_parsed[:6] == first_seen[:6]
    assert "Wed 25 November 2026, 09:30–17:00 CET (Europe/Brussels)" in conference.description
    assert (
        'Also announced by: <a href="https://siva.no/arrangementer/european-cluster-conference/">siva</a>'
    ) in conference.description


def test_atom_entries_carry_language_related_links_and_tag_ids(published):
    feed = parse(published / "events.atom")
    conference = {e.id: e for e in feed.entries}["tag:feeds.example.org,2026:ev-conference"]
    related = [link.href for link in conference.links if link.rel == "related"]
    assert related == [ROWS["ev-conference-no"]["url"]]
    assert conference.title_detail.language == "en"
    assert {t.term for t in conference.tags} == {"digital", "green", "clusters", "policy"}


def test_json_feed_items(published):
    feed = json.loads((published / "calls.json").read_bytes())
    items = {item["id"]: item for item in feed["items"]}
    assert items["call-hostile"]["title"] == HOSTILE_CALL
    assert items["call-hostile"]["language"] == "en"
    assert (
        "Deadline: Mon 30 November 2026, 16:00 CET (Europe/Warsaw)" in items["call-hostile"]["content_html"]
    )
    assert "approx., mid-September every year" in items["call-yearly"]["summary"]
    assert items["call-several"]["date_published"] == "2026-02-01T08:00:00Z"
    facts = items["call-several"]["_clusterfeeds"]
    assert facts["deadlines"][1] == {
        "at": "2027-01-20T23:59:00+01:00",
        "all_day": False,
        "timezone": "Europe/Brussels",
        "approximate": False,
        "text": "20 January 2027, 23:59 Brussels time",
    }
    assert items["call-yearly"]["_clusterfeeds"]["deadlines"][0]["approximate"] is True
    events = {i["id"]: i for i in json.loads((published / "events.json").read_bytes())["items"]}
    conference = events["ev-conference"]["_clusterfeeds"]
    assert [a["source"] for a in conference["announced_by"]] == ["eccp", "siva"]
    assert conference["start"]["at"] == "2026-11-25T09:30:00+01:00"
    assert events["ev-gone"]["_clusterfeeds"]["no_longer_listed_since"] == "2026-11-16T05:30:00Z"


def test_scoped_feeds_hold_their_scope_only(published):
    assert entry_ids(published / "country/no/events.rss") == [
        "ev-webinar",
        "ev-conference",
        "ev-arendal",
        "ev-ongoing",
        "ev-gone",
    ]
    assert entry_ids(published / "source/siva/events.json") == ["ev-conference", "ev-ongoing", "ev-gone"]
    assert entry_ids(published / "topic/green/events.atom") == ["ev-conference"]
    assert entry_ids(published / "country/pl/calls.rss") == ["call-hostile"]
    assert entry_ids(published / "country/pl/events.rss") == []


def test_a_source_s_own_feed_links_to_its_own_page_for_a_shared_entry(published):
    def conference(path):
        return next(
            item
            for item in json.loads((published / path).read_text())["items"]
            if item["id"] == "ev-conference"
        )

    eccp, siva = ROWS["ev-conference"], ROWS["ev-conference-no"]
    for path in ("events.json", "source/eccp/events.json", "source/siva/events.json"):
        own = siva if path.startswith("source/siva/") else eccp
        item = conference(path)
        assert (item["url"], item["title"]) == (own["url"], own["title"]), path
        others = [a["url"] for a in item["_clusterfeeds"]["announced_by"][1:]]
        assert others == [(eccp if own is siva else siva)["url"]], path


def test_titles_are_the_stored_titles_even_hostile_ones(published):
    raw = (published / "events.rss").read_text() + (published / "events.atom").read_text()
    assert "<script>" not in raw
    titles = {entry_id(e): e.title for e in parse(published / "events.rss").entries}
    assert titles["ev-hostile"] == HOSTILE_EVENT
    assert HOSTILE_CALL in {e.title for e in parse(published / "calls.atom").entries}


def test_descriptions_write_out_dates_zones_places_and_approximation(published):
    events = {entry_id(e): e.description for e in parse(published / "events.rss").entries}
    calls = {entry_id(e): e.description for e in parse(published / "calls.rss").entries}
    assert "Tue 1 December 2026 – Thu 3 December 2026" in events["ev-arendal"]
    assert "Where: Online" in events["ev-webinar"] and "Language: en" in events["ev-webinar"]
    assert "CANCELLED" in events["ev-cancelled"]
    assert "No longer listed by its source since Mon 16 November 2026" in events["ev-gone"]
    assert "Source: siva" in events["ev-ongoing"]
    assert "Wed 20 January 2027, 23:59 CET (Europe/Brussels)" in calls["call-several"]
    assert "approx., mid-September every year" in calls["call-yearly"]


def test_news_and_closed_calls_are_not_in_the_feeds(published):
    ids = set(entry_ids(published / "events.rss")) | set(entry_ids(published / "calls.rss"))
    assert not ids & {"news-1", "call-closed", "call-closed-early", "ev-conference-no"}


def test_feeds_are_capped_to_the_newest(feed_db, tmp_path):
    many = [
        {
            **ROWS["ev-webinar"],
            "id": f"ev-many-{n:03}",
            "title": f"Webinar {n}",
            "url": f"https://siva.no/many/{n}",
            "first_seen": f"2026-11-01T{n // 60:02}:{n % 60:02}:00+00:00",
        }
        for n in range(FEED_CAP + 20)
    ]
    feed_db["items"].insert_all(many)
    publish(feed_db, tmp_path / "out", AS_OF, BASE_URL)
    ids = entry_ids(tmp_path / "out" / "events.json")
    assert len(ids) == FEED_CAP
    assert ids[:5] == EVENTS_NEWEST_FIRST[:5]  # the newest survive the cap


def test_an_unchanged_database_gives_the_same_guids_and_bytes(feed_db, tmp_path):
    publish(feed_db, tmp_path / "a", AS_OF, BASE_URL)
    feed_db["items"].update(
        "ev-webinar",
        {"title": "Webinar: EEA grants for SMEs (new time)", "updated": "2026-11-16T07:00:00+01:00"},
    )
    publish(feed_db, tmp_path / "b", AS_OF, BASE_URL)
    for name in ("events.rss", "events.atom", "events.json"):
        assert entry_ids(tmp_path / "a" / name) == entry_ids(tmp_path / "b" / name)
    publish(feed_db, tmp_path / "c", AS_OF, BASE_URL)
    assert (tmp_path / "b" / "events.atom").read_bytes() == (tmp_path / "c" / "events.atom").read_bytes()


@pytest.mark.parametrize(
    "check, document",
    [
        (
            rss_problems,
            b'<rss version="2.0"><channel><title>t</title><link>https://x.org/</link>'
            b"<description>d</description></channel></rss>",
        ),  # no self link
        (
            rss_problems,
            b'<rss version="2.0"><channel><title>t</title><link>https://x.org/</link>'
            b'<description>d</description><atom:link href="https://x.org/f" rel="self"/>'
            b"</channel></rss>",
        ),  # undeclared namespace
        (
            rss_problems,
            b'<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>'
            b"<title>t</title><link>https://x.org/</link><description>d</description>"
            b'<atom:link href="https://x.org/f" rel="self"/><item><title>a</title>'
            b"<link>/relative</link><pubDate>2026-11-16</pubDate></item></channel></rss>",
        ),
        (
            atom_problems,
            b'<feed xmlns="http://www.w3.org/2005/Atom"><id>https://x.org/f</id>'
            b"<title>t</title><updated>16 Nov 2026</updated>"
            b'<link rel="self" href="https://x.org/f"/></feed>',
        ),  # bad date
        (
            json_feed_problems,
            b'{"version": "https://jsonfeed.org/version/1.1", "title": "t",'
            b'"feed_url": "https://x.org/f", "items": [{"id": 1}]}',
        ),
    ],
)
def test_the_checks_catch_what_the_validator_reports(check, document):
    assert check(document, "https://x.org/f")


ATOM = "{http://www.w3.org/2005/Atom}"


def atom_entries(path):
    from lxml import etree

    root = etree.fromstring(path.read_bytes())
    return {entry.findtext(f"{ATOM}id").rsplit(":", 1)[-1]: entry for entry in root.iter(f"{ATOM}entry")}


def test_atom_links_are_plain_one_alternate_per_entry_the_other_pages_related(published):
    raw = (published / "events.atom").read_text()
    assert "ns0:" not in raw and "xmlns:" not in raw  # readers such as NetNewsWire skip prefixed links
    for entry_id_, entry in atom_entries(published / "events.atom").items():
        links = [(link.get("rel"), link.get("href")) for link in entry.findall(f"{ATOM}link")]
        assert [href for rel, href in links if rel == "alternate"] == [ROWS[entry_id_]["url"]], entry_id_
        related = [href for rel, href in links if rel == "related"]
        assert related == ([ROWS["ev-conference-no"]["url"]] if entry_id_ == "ev-conference" else [])
        assert all(rel in ("alternate", "related") for rel, _ in links)


def test_each_atom_entry_says_its_own_language(feed_db, tmp_path):
    feed_db["items"].update("call-hostile", {"language": "pl"})
    publish(feed_db, tmp_path / "out", AS_OF, BASE_URL)
    entries = atom_entries(tmp_path / "out" / "calls.atom")
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    assert entries["call-hostile"].get(lang) == "pl"
    assert entries["call-single"].get(lang) == "en"


def test_updated_from_the_entry_s_own_changes_and_page_date_published_from_the_page(feed_db, tmp_path):
    # Two calls first seen in one crawl, one of them dated by its page and never changed.
    crawl = "2026-11-14T05:00:00+00:00"
    feed_db["items"].update("call-single", {"first_seen": crawl, "updated": crawl, "published": "2026-11-05"})
    feed_db["items"].update("call-hostile", {"first_seen": crawl, "updated": crawl})
    publish(feed_db, tmp_path / "out", AS_OF, BASE_URL)
    entries = atom_entries(tmp_path / "out" / "calls.atom")

    def instants(entry_id_):
        entry = entries[entry_id_]
        return [datetime.fromisoformat(entry.findtext(f"{ATOM}{name}")) for name in ("published", "updated")]

    published_, updated = instants("call-single")
    # The page's day, from its start in the source's zone.
    assert published_ == datetime.fromisoformat("2026-11-05T00:00:00+01:00")
    assert updated.replace(microsecond=0) == published_
    published_, updated = instants("call-hostile")
    assert published_ == datetime.fromisoformat(crawl) == updated.replace(microsecond=0)
    # Changed at two instants: the later one.
    published_, updated = instants("call-several")
    assert published_ == datetime.fromisoformat(ROWS["call-several"]["first_seen"])
    assert updated.replace(microsecond=0) == datetime.fromisoformat(ROWS["call-several"]["updated"])
    # No two entries of a publish share an instant, the feed's is the newest.
    every = [instants(e)[1] for e in entries]
    assert len(set(every)) == len(every)
    root_updated = (tmp_path / "out" / "calls.atom").read_text().split("<updated>", 1)[1].split("<")[0]
    assert datetime.fromisoformat(root_updated) == max(every)


def test_a_stored_language_that_is_no_language_tag_is_not_said(feed_db, tmp_path):
    feed_db["items"].update("call-hostile", {"language": "polski?"})
    publish(feed_db, tmp_path / "out", AS_OF, BASE_URL)
    entry = atom_entries(tmp_path / "out" / "calls.atom")["call-hostile"]
    assert entry.get("{http://www.w3.org/XML/1998/namespace}lang") is None
