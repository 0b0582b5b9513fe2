from datetime import date

import lxml.html
from feed_rows import BASE_URL, HOSTILE_CALL, HOSTILE_EVENT, OPEN_CALLS, UPCOMING_EVENTS

from feeds.publish import publish


def listed(page, section):
    return page.xpath(f'//h2[@id="{section}"]/following-sibling::*[1]/li/@id')


def test_lists_exactly_upcoming_events_and_open_calls_soonest_first(published):
    page = lxml.html.parse(str(published / "index.html")).getroot()
    assert listed(page, "events") == UPCOMING_EVENTS
    assert listed(page, "calls") == OPEN_CALLS


def test_hostile_text_is_escaped(published):
    html = (published / "index.html").read_text()
    assert "<script>" not in html and "<b>2027" not in html
    page = lxml.html.parse(str(published / "index.html")).getroot()
    titles = [a.text_content() for a in page.xpath("//li/a")]
    assert HOSTILE_EVENT in titles and HOSTILE_CALL in titles
    assert "Gent <Flanders> & co" in page.text_content()


def test_dates_days_left_places_and_sources(published):
    page = lxml.html.parse(str(published / "index.html")).getroot()
    item = {li.get("id"): " ".join(li.text_content().split()) for li in page.xpath("//li")}
    assert ("Deadline: Tue 15 December 2026, 17:00 CET (Europe/Brussels) · 29 days left"
            in item["call-single"])
    assert "14 days left" in item["call-hostile"]
    assert "Tue 1 December 2026 – Thu 3 December 2026 (Europe/Oslo time)" in item["ev-arendal"]
    # The yearly deadline of mid-September 2026 is next due in September 2027.
    assert "about 303 days left" in item["call-yearly"] and "(forthcoming)" in item["call-yearly"]
    # The next cut-off, not the past one.
    assert ("Next deadline: Wed 20 January 2027, 23:59 CET (Europe/Brussels) "
            "(one of 3 cut-offs) · 65 days left") in item["call-several"]
    assert "Fri 20 November 2026, 10:00–11:30 CET (Europe/Oslo)" in item["ev-webinar"]
    assert "Online · innovasjonnorge" in item["ev-webinar"]
    assert "Trondheim and online · siva" in item["ev-ongoing"]


def test_feed_links_and_webcal(published):
    page = lxml.html.parse(str(published / "index.html")).getroot()
    links = set(page.xpath("//a/@href"))
    for name in ("events.rss", "calls.rss", "events.ics", "calls.ics"):
        assert BASE_URL + name in links
    assert "webcal://feeds.example.org/cluster/events.ics" in links
    assert "webcal://feeds.example.org/cluster/calls.ics" in links
    assert page.xpath('//meta[@name="viewport"]')
    assert not page.xpath("//script")


def test_no_webcal_for_a_file_base_url(feed_db, tmp_path):
    publish(feed_db, tmp_path / "out", date(2026, 11, 16), "file:///srv/feeds/")
    html = (tmp_path / "out" / "index.html").read_text()
    assert "webcal:" not in html and 'href="file:///srv/feeds/calls.ics"' in html


def test_a_later_day_drops_what_has_passed(feed_db, tmp_path):
    publish(feed_db, tmp_path / "out", date(2026, 12, 2), BASE_URL)
    page = lxml.html.parse(str(tmp_path / "out" / "index.html")).getroot()
    assert listed(page, "events") == ["ev-arendal"]
    assert listed(page, "calls") == ["call-single", "call-several", "call-yearly"]


def test_a_link_that_is_not_http_is_not_made_a_link(feed_db, tmp_path):
    feed_db["items"].update("ev-webinar", {"url": "javascript:alert(1)"})
    publish(feed_db, tmp_path / "out", date(2026, 11, 16), BASE_URL)
    page = lxml.html.parse(str(tmp_path / "out" / "index.html")).getroot()
    webinar = page.xpath('//li[@id="ev-webinar"]')[0]
    assert not webinar.xpath(".//a") and "Webinar: EEA grants" in webinar.text_content()
    assert "javascript:" not in (tmp_path / "out" / "index.html").read_text()
