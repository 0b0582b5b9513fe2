from datetime import date

import lxml.html
from feed_rows import BASE_URL, HOSTILE_CALL, HOSTILE_EVENT, OPEN_CALLS, UPCOMING_EVENTS
from validity import rss_problems

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
    conference = page_of(published).xpath('//li[@id="ev-conference"]')[0]
    assert conference.get("data-kind") == "event"
    assert conference.get("data-country") == "|EU|NO|"
    assert conference.get("data-source") == "|eccp|siva|"
    assert conference.get("data-language") == "|en|no|"
    assert conference.get("data-topic") == "|digital|green|"
    form = page_of(published).xpath('//form[@id="filters"]')[0]
    assert form.get("hidden") is not None  # shown by the script; the lists read without it
    options = {s.get("name"): s.xpath("option/@value") for s in form.xpath(".//select")}
    assert options["country"] == ["", "EU", "NO", "PL"]
    assert options["kind"] == ["", "event", "call"]
    assert set(options) == {"kind", "country", "topic", "source", "language"}
    assert form.xpath('.//input[@type="search"]')


def test_subscribe_links_webcal_and_copy_buttons(published):
    page = page_of(published)
    links = set(page.xpath("//a/@href"))
    for name in ("events.rss", "events.atom", "events.json", "calls.rss", "calls.json"):
        assert BASE_URL + name in links
    assert "webcal://feeds.example.org/cluster/events.ics" in links
    assert "webcal://feeds.example.org/cluster/calls.ics" in links
    copies = page.xpath("//button[@class='copy']/@data-copy")
    assert BASE_URL + "calls.ics" in copies and len(copies) == 8
    assert page.xpath('//meta[@name="viewport"]')
    assert page.xpath('//link[@rel="alternate"][@type="application/atom+xml"]')
    assert page.xpath("//script/@src") == ["page.js"]


def test_feeds_page_links_every_published_feed(published):
    page = page_of(published, "feeds.html")
    links = {href for href in page.xpath("//a/@href") if href.startswith(BASE_URL)}
    on_disk = {
        BASE_URL + p.relative_to(published).as_posix()
        for p in published.rglob("*")
        if p.suffix in (".rss", ".atom", ".json", ".ics")
    }
    assert links == on_disk and len(on_disk) == 80
    assert "webcal://feeds.example.org/cluster/country/no/events.ics" in page.xpath("//a/@href")


def test_no_webcal_for_a_file_base_url(feed_db, tmp_path):
    publish(feed_db, tmp_path / "out", date(2026, 11, 16), "file:///srv/feeds/")
    html = (tmp_path / "out" / "index.html").read_text()
    assert "webcal:" not in html and 'href="file:///srv/feeds/calls.ics"' in html


def test_a_later_day_drops_what_has_passed(feed_db, tmp_path):
    publish(feed_db, tmp_path / "out", date(2026, 12, 2), BASE_URL)
    page = page_of(tmp_path / "out")
    assert listed(page, "events") == ["ev-arendal"]
    assert listed(page, "calls") == ["call-single", "call-several", "call-yearly"]


def test_a_link_that_is_not_http_is_not_made_a_link(feed_db, tmp_path):
    feed_db["items"].update("ev-webinar", {"url": "javascript:alert(1)"})
    publish(feed_db, tmp_path / "out", date(2026, 11, 16), BASE_URL)
    webinar = page_of(tmp_path / "out").xpath('//li[@id="ev-webinar"]')[0]
    assert not webinar.xpath(".//a") and "Webinar: EEA grants" in webinar.text_content()
    for name in ("index.html", "events.rss", "events.atom", "events.json", "events.ics"):
        assert "javascript:" not in (tmp_path / "out" / name).read_text(), name
    assert rss_problems((tmp_path / "out" / "events.rss").read_bytes(), BASE_URL + "events.rss") == []
