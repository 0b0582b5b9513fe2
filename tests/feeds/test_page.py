import json
from datetime import date
from itertools import pairwise

import icalendar
import lxml.html
import pytest
from feed_rows import AS_OF, BASE_URL, DATED_ON_PAGE, HOSTILE_CALL, HOSTILE_EVENT, OPEN_CALLS, UPCOMING_EVENTS
from validity import rss_problems

from feeds import page as page_module
from feeds.publish import publish


def page_of(folder, name="index.html"):
    return lxml.html.parse(str(folder / name)).getroot()


def listed(page, section):
    return page.xpath(f'//h2[@id="{section}"]/following-sibling::ul[1]/li/@id')


def items(page):
    return {
        li.get("id"): " ".join(li.text_content().split()) for li in page.xpath("//ul[@class='entries']/li")
    }


def test_lists_exactly_upcoming_events_and_open_calls_soonest_first(published):
    page = page_of(published)
    # ev-gone is upcoming but no longer listed by its source: left out of the page.
    assert listed(page, "events") == UPCOMING_EVENTS
    assert listed(page, "calls") == OPEN_CALLS


def test_hostile_text_is_escaped(published):
    html = (published / "index.html").read_text()
    assert "<script>alert" not in html and "<b>2027" not in html
    titles = [a.text_content() for a in page_of(published).xpath("//li/h3/a")]
    assert HOSTILE_EVENT in titles and HOSTILE_CALL in titles
    assert "Gent <Flanders> & co" in page_of(published).text_content()


def test_dates_days_left_places_sources_and_other_announcements(published):
    item = items(page_of(published))
    assert "Deadline: Tue 15 December 2026, 17:00 CET (Europe/Brussels) · 29 days left" in item["call-single"]
    assert "14 days left" in item["call-hostile"]
    assert "Tue 1 December 2026 – Thu 3 December 2026 (Europe/Oslo time)" in item["ev-arendal"]
    # The yearly deadline of mid-September 2026 is next due in September 2027.
    assert "about 303 days left" in item["call-yearly"] and "(forthcoming)" in item["call-yearly"]
    assert (
        "Next deadline: Wed 20 January 2027, 23:59 CET (Europe/Brussels) (one of 3 cut-offs) · 65 days left"
    ) in item["call-several"]
    assert "Fri 20 November 2026, 10:00–11:30 CET (Europe/Oslo)" in item["ev-webinar"]
    assert "Online · innovasjonnorge" in item["ev-webinar"]
    assert "Trondheim and online · siva" in item["ev-ongoing"]
    assert "Also announced by: siva" in item["ev-conference"]


def test_entries_carry_what_the_filters_match(published):
    page = page_of(published)
    conference = page.xpath('//li[@id="ev-conference"]')[0]
    assert conference.get("data-kind") == "event"
    assert conference.get("data-country") == "|EU|NO|"
    assert conference.get("data-source") == "|eccp|siva|"
    assert conference.get("data-language") == "|en|no|"
    assert conference.get("data-topic") == "|digital|green|"
    assert conference.get("data-days") == "2026-11-25 2026-11-25"
    attend = {li.get("id"): li.get("data-attend") for li in page.xpath("//ul[@class='entries']/li")}
    assert attend["ev-conference"] == "|in-person|" and attend["ev-webinar"] == "|online|"
    assert attend["ev-ongoing"] == "|online|in-person|"  # "Trondheim and online"
    assert attend["call-single"] is None  # a call has no venue
    days = page.xpath('//li[@id="ev-arendal"]/@data-days') + page.xpath('//li[@id="call-several"]/@data-days')
    # Arendal's three days; the call's next cut-off, not its first.
    assert days == ["2026-12-01 2026-12-03", "2027-01-20 2027-01-20"]
    form = page.xpath('//form[@id="filters"]')[0]
    assert form.get("hidden") is not None  # shown by the script; the lists read without it
    options = {s.get("name"): s.xpath("option/@value") for s in form.xpath(".//select")}
    assert options["country"] == ["", "EU", "NO", "PL"]
    assert options["kind"] == ["", "call", "event"]
    assert options["attend"] == ["", "online", "in-person"]
    assert set(options) == {"kind", "country", "topic", "source", "language", "attend"}
    assert form.xpath('.//input[@type="search"]') and form.xpath('.//input[@type="date"]/@name') == [
        "from",
        "to",
    ]


def test_calls_come_first_after_a_one_line_subscribe_box(published):
    page = page_of(published)
    order = [e.get("id") for e in page.xpath("//main/*") if e.get("id")]
    assert order == ["filters", "subscribe", "calls-section", "events-section", "view"]
    assert page.xpath('//details[@id="subscribe"]')[0].get("open") is None  # folded: one line


def test_subscribe_links_for_everything(published):
    page = page_of(published)
    box = page.xpath('//details[@id="subscribe"]')[0]
    calls = box.xpath('.//div[@data-kind="call"]//a/@href')
    assert calls == [
        "webcal://feeds.example.org/cluster/calls.ics",
        "https://calendar.google.com/calendar/render?cid=webcal%3A%2F%2Ffeeds.example.org%2Fcluster%2Fcalls.ics",
        "https://outlook.live.com/calendar/0/addfromweb?url=https%3A%2F%2Ffeeds.example.org%2Fcluster%2Fcalls.ics"
        "&name=Calls",
        "calls.ics",
        "calls.rss",
        "calls.atom",
        "calls.json",
    ]
    assert box.xpath('.//div[@data-kind="event"]//a/@href')[3:] == [
        "events.ics",
        "events.rss",
        "events.atom",
        "events.json",
    ]
    assert not box.xpath(".//li[@hidden]") and box.xpath('.//p[@class="not-public"]/@hidden')
    assert box.xpath(".//button[@class='copy']/@data-file") == ["calls.ics", "events.ics"]
    assert page.xpath('//meta[@name="viewport"]')
    assert page.xpath('//link[@rel="alternate"][@type="application/atom+xml"]/@href') == [
        "calls.atom",
        "events.atom",
    ]
    assert page.xpath("//script/@src") == ["page.js"]


@pytest.mark.parametrize(
    "base", ["http://localhost:8000/", "https://127.0.0.1/feeds/", "http://feeds.example.org/"]
)
def test_google_and_outlook_only_for_a_public_https_base(feed_db, tmp_path, base):
    publish(feed_db, tmp_path / "out", AS_OF, base)
    box = page_of(tmp_path / "out").xpath('//details[@id="subscribe"]')[0]
    hidden = box.xpath(".//li[@hidden]/a/@data-link")
    assert hidden == ["google", "outlook", "google", "outlook"]
    note = box.xpath('.//p[@class="not-public"]')[0]
    assert note.get("hidden") is None and base in note.text_content()
    assert box.xpath(".//a[@data-link='webcal']/@href")[0] == webcal_of(base) + "calls.ics"


def webcal_of(base):
    return "webcal:" + base.split(":", 1)[1]


def test_every_link_between_published_files_is_relative_and_resolves(published):
    for name in ("index.html", "feeds.html"):
        page = page_of(published, name)
        hrefs = page.xpath("//a/@href | //link/@href")
        internal = [h for h in hrefs if "://" not in h and not h.startswith("data:")]
        assert internal and not [h for h in hrefs if h.startswith(BASE_URL)], name
        for href in internal:
            assert (published / href.split("#")[0]).is_file(), (name, href)


def test_feeds_page_links_every_published_feed(published):
    page = page_of(published, "feeds.html")
    links = {href for href in page.xpath("//a/@href") if href.endswith((".rss", ".atom", ".json", ".ics"))}
    links -= {href for href in links if href.startswith("webcal:")}
    on_disk = {
        p.relative_to(published).as_posix()
        for p in published.rglob("*")
        if p.suffix in (".rss", ".atom", ".json", ".ics") and p.parent.name != "entry"
    }
    assert links == on_disk and len(on_disk) == 80
    assert "webcal://feeds.example.org/cluster/country/no/events.ics" in page.xpath("//a/@href")
    assert "country/no/events.ics" in page.xpath("//button[@class='copy']/@data-file")


def test_no_webcal_for_a_file_base_url(feed_db, tmp_path):
    publish(feed_db, tmp_path / "out", date(2026, 11, 16), "file:///srv/feeds/")
    html = (tmp_path / "out" / "index.html").read_text()
    assert "webcal:" not in html and 'href="calls.ics"' in html


def test_each_entry_has_a_calendar_of_its_own(published):
    page = page_of(published)
    links = {
        li.get("id"): li.xpath(".//a[@class='add']/@href") for li in page.xpath("//ul[@class='entries']/li")
    }
    assert set(links) == set(DATED_ON_PAGE) and all(len(hrefs) == 1 for hrefs in links.values())
    assert sorted(p.name for p in (published / "entry").iterdir()) == sorted(
        f"{i}.ics" for i in DATED_ON_PAGE
    )
    for entry_id, (href,) in links.items():
        calendar = icalendar.Calendar.from_ical((published / href).read_bytes())
        uids = {str(event["UID"]) for event in calendar.walk("VEVENT")}
        # The entry's own VEVENTs, as in the full calendars: one per event, one per cut-off.
        assert uids and all(
            uid.startswith(entry_id + ("@" if entry_id.startswith("ev-") else "-deadline-")) for uid in uids
        )
    several = icalendar.Calendar.from_ical((published / "entry/call-several.ics").read_bytes())
    assert len(several.walk("VEVENT")) == 3


def test_an_entry_calendar_is_stable_and_goes_when_the_entry_leaves(feed_db, tmp_path):
    out = tmp_path / "out"
    first = publish(feed_db, out, AS_OF, BASE_URL).folder
    again = publish(feed_db, out, AS_OF, BASE_URL).folder
    assert (first / "entry/ev-webinar.ics").read_bytes() == (again / "entry/ev-webinar.ics").read_bytes()
    later = publish(feed_db, out, date(2026, 12, 2), BASE_URL).folder
    assert sorted(p.stem for p in (later / "entry").iterdir()) == [
        "call-several",
        "call-single",
        "call-yearly",
        "ev-arendal",
    ]


def test_a_later_day_drops_what_has_passed(feed_db, tmp_path):
    publish(feed_db, tmp_path / "out", date(2026, 12, 2), BASE_URL)
    page = page_of(tmp_path / "out")
    assert listed(page, "events") == ["ev-arendal"]
    assert listed(page, "calls") == ["call-single", "call-several", "call-yearly"]


def test_a_link_that_is_not_http_is_not_made_a_link(feed_db, tmp_path):
    feed_db["items"].update("ev-webinar", {"url": "javascript:alert(1)"})
    publish(feed_db, tmp_path / "out", date(2026, 11, 16), BASE_URL)
    webinar = page_of(tmp_path / "out").xpath('//li[@id="ev-webinar"]')[0]
    assert (
        webinar.xpath(".//a/@href") == ["entry/ev-webinar.ics"]
        and "Webinar: EEA grants" in webinar.text_content()
    )
    for name in ("index.html", "events.rss", "events.atom", "events.json", "events.ics"):
        assert "javascript:" not in (tmp_path / "out" / name).read_text(), name
    assert rss_problems((tmp_path / "out" / "events.rss").read_bytes(), BASE_URL + "events.rss") == []


def test_a_hostile_topic_cannot_end_the_view_script(feed_db, tmp_path):
    """The filters' folders are embedded as JSON in a script element: a crawled
    value holding "</script>" must not close it."""
    topic = "</script><script>alert(1)</script>"
    feed_db["items"].update("call-single", {"topics": json.dumps([topic])})
    publish(feed_db, tmp_path / "out", AS_OF, BASE_URL)
    page = page_of(tmp_path / "out")
    assert "<script>alert(1)" not in (tmp_path / "out" / "index.html").read_text()
    folders = json.loads(page.xpath('//script[@id="view"]')[0].text)
    assert folders["topic"][topic].startswith("topic/") and page.xpath("//script/@src") == ["page.js"]


def test_the_page_is_split_soonest_first_into_pages_that_link_each_other(feed_db, tmp_path, monkeypatch):
    whole = publish(feed_db, tmp_path / "whole", AS_OF, BASE_URL).folder
    assert not (whole / "page-2.html").exists()
    monkeypatch.setattr(page_module, "PAGE_SIZE", 2)
    paged = publish(feed_db, tmp_path / "paged", AS_OF, BASE_URL).folder
    names = ["index.html", *sorted(p.name for p in paged.glob("page-*.html"))]
    assert len(names) == 3  # five upcoming events, two a page
    for section in ("calls", "events"):
        shown = [listed(page_of(paged, name), section) for name in names]
        assert all(len(rows) <= 2 for rows in shown)
        assert [row for rows in shown for row in rows] == listed(page_of(whole), section)
    for name, later in pairwise(names):
        assert page_of(paged, name).cssselect("a[rel=next]")[0].get("href") == later
        assert page_of(paged, later).cssselect("a[rel=prev]")[0].get("href") == name
