"""The generic extractor: each kind of evidence, the page's noise, feeds, and the
fallback a site-specific spider takes when a redesign defeats its selectors."""

from datetime import date, datetime
from pathlib import Path

import pytest
from lxml import etree

from core.items import RAW_FIELDS
from pipelines.dates import parse_date
from spiders.extractors import eccp
from spiders.extractors.feeds_in import extract_feed, is_feed
from spiders.extractors.generic import extract_page
from spiders.extractors.generic_blocks import text_lines
from spiders.extractors.tree import tree_of

URL = "https://agency.example.org/events/cluster-day"
PAGES = Path(__file__).parent / "pages"

CHROME_TOP = """<div class="cookie-banner"><p>Cookie policy of 3 January 2027.</p></div>
<header><nav><a href="/events">Events</a> <span>Next: 9 January 2027</span></nav></header>"""
CHROME_BOTTOM = """<aside class="sidebar"><h2>More events</h2><p>Start: 20 January 2027</p>
<time datetime="2027-01-21">21 January 2027</time></aside>
<footer><p>Published: 1 January 2027</p><p>Deadline: 2 January 2027</p></footer>"""


def page(body: str, head: str = "", lang: str = "") -> str:
    return (
        f"<!DOCTYPE html><html{f' lang={lang!r}' if lang else ''}><head><title>Cluster Day | Agency</title>"
        f"{head}</head><body>{CHROME_TOP}<main>{body}</main>{CHROME_BOTTOM}</body></html>"
    )


def only_item(html: str, language: str = "en", kind: str = "event", url: str = URL) -> dict:
    extraction = extract_page(url, html, language=language, kind=kind)
    [item] = extraction.items
    assert set(item) == set(RAW_FIELDS)
    return item


def test_json_ld_event_gives_dates_place_and_online_mode():
    head = """<script type="application/ld+json">{"@context": "https://schema.org",
      "@graph": [{"@type": "WebPage", "name": "x"},
                 {"@type": "BusinessEvent", "name": "Cluster Day 2027",
                  "startDate": "2027-03-04T09:00:00+01:00", "endDate": "2027-03-04T17:00:00+01:00",
                  "eventAttendanceMode": "https://schema.org/OnlineEventAttendanceMode",
                  "eventStatus": "https://schema.org/EventCancelled",
                  "location": {"@type": "VirtualLocation", "url": "https://zoom.example/j/1"},
                  "description": "A day for cluster managers.", "keywords": "clusters, AI"}]}</script>"""
    item = only_item(page("<h1>Cluster Day</h1><p>Deadline: 1 March 2027</p>", head), kind="call")
    assert item["kind"] == "event"  # JSON-LD Event says so, whatever the source's kind
    assert (item["title"], item["start_text"], item["end_text"]) == (
        "Cluster Day 2027",
        "2027-03-04T09:00:00+01:00",
        "2027-03-04T17:00:00+01:00",
    )
    assert (item["online"], item["location"], item["status_text"]) == (True, None, "Cancelled")
    assert item["summary"] == "A day for cluster managers." and item["tags"] == ["clusters", "AI"]


def test_json_ld_place_offline_and_page_facts_fill_in():
    head = """<script type="application/ld+json">{"@type": "Event", "name": "Forum",
      "startDate": "2027-05-11", "eventAttendanceMode": "OfflineEventAttendanceMode",
      "location": {"@type": "Place", "name": "Palace of Culture",
                   "address": {"@type": "PostalAddress", "addressLocality": "Warsaw", "addressCountry": "PL"}}}</script>
      <meta property="article:published_time" content="2026-11-02T10:00:00+01:00">"""
    item = only_item(page("<h1>Forum</h1><p>End: 12 May 2027</p>", head))
    assert (item["start_text"], item["end_text"]) == ("2027-05-11", "End: 12 May 2027")
    assert (item["location"], item["online"]) == ("Palace of Culture, Warsaw, PL", False)
    assert item["published_text"] == "2026-11-02T10:00:00+01:00"


def test_several_json_ld_events_give_one_item_each():
    head = """<script type="application/ld+json">[
      {"@type": "Event", "name": "Webinar A", "startDate": "2027-01-12", "url": "/events/a"},
      {"@type": "Event", "name": "Webinar B", "startDate": "2027-02-09", "url": "/events/b"}]</script>
      <script type="application/ld+json">{ broken json, </script>"""
    extraction = extract_page(URL, page("<h1>Webinars</h1>", head), language="en", kind="event")
    assert [(i["title"], i["url"], i["key"], i["start_text"]) for i in extraction.items] == [
        (
            "Webinar A",
            "https://agency.example.org/events/a",
            "https://agency.example.org/events/a",
            "2027-01-12",
        ),
        (
            "Webinar B",
            "https://agency.example.org/events/b",
            "https://agency.example.org/events/b",
            "2027-02-09",
        ),
    ]


def test_microdata_event():
    body = """<div itemscope itemtype="https://schema.org/Event"><h1 itemprop="name">Matchmaking Days</h1>
      <meta itemprop="startDate" content="2027-06-01T09:00">
      <span itemprop="endDate" content="2027-06-02">1–2 June 2027</span>
      <div itemprop="location" itemscope itemtype="https://schema.org/Place"><span itemprop="name">Riga</span></div></div>"""
    item = only_item(page(body))
    assert (item["title"], item["start_text"], item["end_text"], item["location"]) == (
        "Matchmaking Days",
        "2027-06-01T09:00",
        "2027-06-02",
        "Riga",
    )


def test_time_elements_a_range_and_a_labelled_publication():
    body = """<article><h1>Forum</h1><p class="byline">Published on <time datetime="2026-10-01">1 Oct</time></p>
      <p>vom <time datetime="2027-04-20">20.</time> bis <time datetime="2027-04-28">28. April 2027</time></p></article>"""
    item = only_item(page(body), language="de")
    assert (item["start_text"], item["end_text"], item["published_text"]) == (
        "2027-04-20",
        "2027-04-28",
        "2026-10-01",
    )


def test_time_elements_of_a_range_on_indented_lines_of_their_own():
    # A theme's markup: start and end each in a span of its own, each line indented deep;
    # the indenting is no text between them.
    indent = "\n" + "\t" * 20
    body = f"""<h1>Cluster Summit</h1><div class="when">{indent}<span>
      <time datetime="2027-04-20T09:00">20 April 2027, 9:00</time></span>{indent}<span>–</span>
      {indent}<span><time datetime="2027-04-21T17:00">21 April 2027, 17:00</time></span>{indent}</div>"""
    item = only_item(page(body))
    assert (item["start_text"], item["end_text"]) == ("2027-04-20T09:00", "2027-04-21T17:00")


def test_time_element_labelled_by_a_neighbouring_field_label():
    body = """<h1>Open call</h1><div class="field"><div class="field__label">Deadline</div>
      <div class="field__item"><time datetime="2027-06-30T17:00:00+02:00">30 June 2027</time></div></div>"""
    item = only_item(page(body), kind="call")
    assert item["deadline_texts"] == ["2027-06-30T17:00:00+02:00"]


def test_open_graph_and_article_published_time_for_news():
    head = """<meta property="og:title" content="Clusters in numbers">
      <meta property="og:description" content="The 2026 survey.">
      <meta property="article:published_time" content="2026-11-10T08:30:00+01:00">
      <meta property="article:tag" content="Survey">"""
    item = only_item(page("<p>Some text without a title element.</p>", head), kind="news")
    assert (item["kind"], item["title"], item["summary"]) == (
        "news",
        "Clusters in numbers",
        "The 2026 survey.",
    )
    assert item["published_text"] == "2026-11-10T08:30:00+01:00" and item["tags"] == ["Survey"]


@pytest.mark.parametrize(
    "language, kind, markup, field, expected",
    [
        (
            "en",
            "call",
            "<p><strong>Deadline:</strong> 30 June 2027</p>",
            "deadline_texts",
            ["Deadline: 30 June 2027"],
        ),
        (
            "en",
            "event",
            "<div><span class='label'>Start:</span> <span>16 November 2027</span></div>",
            "start_text",
            "Start: 16 November 2027",
        ),
        (
            "de",
            "event",
            "<dl><dt>Termin:</dt><dd>3. März 2027, 10:00 – 16:30 Uhr</dd><dt>Ort:</dt><dd>Bonn</dd></dl>",
            "start_text",
            "Termin: 3. März 2027, 10:00 – 16:30 Uhr",
        ),
        (
            "de",
            "call",
            "<p>Bewerbungsfrist: 15. Januar 2027</p>",
            "deadline_texts",
            ["Bewerbungsfrist: 15. Januar 2027"],
        ),
        (
            "nb",
            "call",
            "<p>Søknadsfrist: 3. februar 2027 kl. 12.00</p>",
            "deadline_texts",
            ["Søknadsfrist: 3. februar 2027 kl. 12.00"],
        ),
        (
            "nb",
            "call",
            "<p>Søknadsfrist 21. juni 2027, klokken 16.00</p>",
            "deadline_texts",
            ["Søknadsfrist 21. juni 2027, klokken 16.00"],
        ),
        (
            "pl",
            "call",
            "<table><tr><th>Termin składania wniosków</th><td>29 września 2027 r.</td></tr></table>",
            "deadline_texts",
            ["Termin składania wniosków: 29 września 2027 r."],
        ),
        (
            "da",
            "call",
            "<p>Ansøgningsfrist: 13. august 2027 kl. 12.00</p>",
            "deadline_texts",
            ["Ansøgningsfrist: 13. august 2027 kl. 12.00"],
        ),
        ("de", "news", "<p class='meta'>Meldung 04.05.2023</p>", "published_text", "Meldung 04.05.2023"),
    ],
)
def test_labelled_text(language, kind, markup, field, expected):
    item = only_item(
        page(f"<h1>Title</h1>{markup}<p>Ordinary text without any date at all.</p>"),
        language=language,
        kind=kind,
    )
    assert item[field] == expected


def test_labelled_place_and_online():
    item = only_item(page("<h1>Webinar</h1><p>Date: 4 February 2027<br>Venue: Online (Teams)</p>"))
    assert (item["start_text"], item["online"], item["location"]) == ("Date: 4 February 2027", True, None)


def test_a_date_in_the_main_text():
    body = """<h1>Baltic Cluster Forum</h1><p>Registration is open. The forum takes place in Vilnius on
      19 March 2027. Save the date!</p>"""
    assert only_item(page(body))["start_text"] == "The forum takes place in Vilnius on 19 March 2027."


def test_a_call_sentence_gives_its_opening_and_its_deadline():
    body = """<h1>Second call</h1><p>The second call will open on 15 March 2023 and close on 9 June 2023
      at 12:00 p.m. (midday) CEST (Paris time). Good luck.</p>"""
    item = only_item(page(body), kind="call")
    assert item["opens_text"] == "will open on 15 March 2023"
    assert item["deadline_texts"] == ["close on 9 June 2023 at 12:00 p.m. (midday) CEST (Paris time)."]


def test_dates_in_navigation_header_footer_sidebar_and_cookie_banner_are_ignored():
    assert (
        extract_page(
            URL, page("<h1>About us</h1><p>We support clusters.</p>"), language="en", kind="event"
        ).items
        == []
    )
    item = only_item(page("<h1>Cluster Day</h1><p>Held on 5 May 2027.</p>"), kind="event")
    assert item["start_text"] == "Held on 5 May 2027." and item["deadline_texts"] == []
    assert item["published_text"] is None


def test_main_content_without_main_element_is_the_largest_text_block():
    html = f"""<html><body>{CHROME_TOP}<div class="wrapper layout--has-sidebar">
      <div class="content"><h1>Cluster Day</h1><p>Date: 8 April 2027</p>
      <p>A long paragraph about the event and its programme.</p></div>
      <div class="teaser"><p>Date: 1 April 2027</p></div></div>{CHROME_BOTTOM}</body></html>"""
    assert only_item(html)["start_text"] == "Date: 8 April 2027"


NO_MAIN = f"""<html><body>{CHROME_TOP}<div class="wrapper layout--has-sidebar">
  <div class="content"><h1>Cluster Day</h1><p>Date: 8 April 2027<br>Place: Tartu</p>
  <dl><dt>Registration</dt><dd>until 1 April 2027</dd></dl></div>
  <div class="teaser"><p>Date: 1 April 2027</p></div></div>{CHROME_BOTTOM}</body></html>"""


@pytest.mark.parametrize(
    "html",
    [page("<h1>Cluster Day</h1><p>Date: 8 April 2027<br>Place: Tartu</p><!-- x -->"), NO_MAIN],
    ids=["with main", "without main"],
)
def test_a_page_given_as_its_tree_reads_as_its_html_and_the_tree_stays_as_it_was(html):
    tree = tree_of(html)
    before = etree.tostring(tree)
    from_tree = extract_page(URL, tree, language="en", kind="event")
    assert etree.tostring(tree) == before
    assert from_tree == extract_page(URL, html, language="en", kind="event")
    assert extract_page(URL, html.encode(), language="en", kind="event") == from_tree
    [item] = from_tree.items
    assert (item["start_text"], item["location"]) == ("Date: 8 April 2027", "Tartu")


def test_lines_are_read_as_a_reader_sees_them_without_changing_the_tree():
    main = tree_of(
        """<main><p>Date: 8 April 2027<br>Place: Tartu<br/><br/>Free entry</p>
        <dl><dt>Deadline:</dt><dd>1 April <b>2027</b></dd></dl><div><strong>Location</strong> Online</div></main>"""
    ).find(".//main")
    before = etree.tostring(main)
    assert [(node.tag, line) for node, line in text_lines(main)] == [
        ("p", "Date: 8 April 2027"),
        ("p", "Place: Tartu"),
        ("p", "Free entry"),
        ("dd", "Deadline: 1 April 2027"),
        ("div", "Location: Online"),
    ]
    assert etree.tostring(main) == before


def test_html_lang_overrides_the_source_language():
    item = only_item(page("<h1>Klyngedag</h1><p>Dato: 3. marts 2027</p>", lang="da-DK"), language="en")
    assert (item["language"], item["start_text"]) == ("da", "Dato: 3. marts 2027")


def test_listing_gives_followed_links_and_next_page_but_no_item():
    body = """<h1>Events</h1>
      <div class="teaser"><a href="/events/a">A</a><p>Date: 1 March 2027</p></div>
      <div class="teaser"><a href="/events/b">B</a><p>Date: 2 March 2027</p></div>
      <a href="/about">About</a><nav class="pager"><a rel="next" href="?page=2">Next</a></nav>"""
    extraction = extract_page(
        "https://agency.example.org/events",
        page(body),
        language="en",
        kind="event",
        follow=[r"/events/[a-z]+$"],
    )
    assert extraction.items == []
    assert extraction.links == ["https://agency.example.org/events/a", "https://agency.example.org/events/b"]
    assert extraction.next_page == "https://agency.example.org/events?page=2"


def test_url_kinds_choose_the_kind_by_url():
    item = extract_page(
        URL,
        page("<h1>Pool</h1><p>Deadline: 1 May 2027</p>"),
        language="en",
        kind="event",
        url_kinds=[("/news/", "news"), ("/events/", "call")],
    ).items[0]
    assert (item["kind"], item["deadline_texts"]) == ("call", ["Deadline: 1 May 2027"])


def test_an_event_page_that_names_only_a_deadline_is_a_call():
    item = only_item(page("<h1>Cluster award 2027</h1><p>Application deadline: 12 March 2027</p>"))
    assert (item["kind"], item["deadline_texts"]) == ("call", ["Application deadline: 12 March 2027"])


def test_an_unusable_page_gives_an_empty_extraction():
    for html in ("", "<html><body><p>Nothing here.</p></body></html>", "not html at all"):
        extraction = extract_page(URL, html, language="en", kind="event")
        assert (extraction.items, extraction.links, extraction.next_page) == ([], [], None)


def test_fallback_reads_a_redesigned_page_its_spider_no_longer_knows():
    url = "https://www.clustercollaboration.eu/event-calendar/european-cluster-conference-2027"
    html = (PAGES / "eccp-event-redesigned.html").read_text(encoding="utf-8")
    assert eccp.extract(url, html).items == []
    # The call the base spider makes: the spider's first language, the kind its route gives.
    item = only_item(html, language="en", kind="event", url=url)
    assert (item["title"], item["start_text"], item["end_text"]) == (
        "European Cluster Conference 2027",
        "Starts: 11 May 2027, 09:00",
        "Ends: 12 May 2027",
    )
    assert (item["location"], item["online"]) == ("Warsaw, Poland", False)
    result = parse_date(item["start_text"], "en", "event", date(2026, 11, 16), "Europe/Brussels")
    assert result.start == datetime(2027, 5, 11, 9, 0)


# --- Feeds -------------------------------------------------------------------------------

RSS_WITH_JUNK = """<!-- THEME DEBUG -->
<!-- FILE NAME SUGGESTIONS:
   * views-view-rss.html.twig -->
<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:ev="http://purl.org/rss/1.0/modules/event/">
<channel><title>Cluster news</title><link>https://agency.example.org/</link><language>en</language>
<item><title>Matchmaking in Prague</title><link>https://agency.example.org/events/prague</link>
<description>&lt;p&gt;Date: 26 September 2027&lt;/p&gt;&lt;p&gt;Venue: Prague, Czech Republic&lt;/p&gt;</description>
<pubDate>Mon, 02 Nov 2026 10:00:00 +0100</pubDate><guid>node/812</guid><category>B2B</category></item>
<item><title>Voucher call</title><link>https://agency.example.org/calls/voucher</link>
<description>Deadline: 15 January 2027</description><pubDate>Tue, 03 Nov 2026 08:00:00 +0100</pubDate></item>
<item><title>Expo</title><link>https://agency.example.org/events/expo</link><description>See you there.</description>
<ev:startdate>2027-04-12</ev:startdate><ev:enddate>2027-04-16</ev:enddate><ev:location>Hannover</ev:location></item>
</channel></rss>"""


def test_rss_with_leading_junk():
    assert is_feed(RSS_WITH_JUNK) and not is_feed(page("<h1>x</h1>"))
    extraction = extract_feed(
        "https://agency.example.org/rss.xml",
        RSS_WITH_JUNK,
        language="en",
        kind="event",
        url_kinds=[("/calls/", "call")],
    )
    prague, voucher, expo = extraction.items
    assert (prague["kind"], prague["title"], prague["start_text"], prague["location"]) == (
        "event",
        "Matchmaking in Prague",
        "Date: 26 September 2027",
        "Prague, Czech Republic",
    )
    assert (prague["published_text"], prague["tags"], prague["external_id"]) == (
        "Mon, 02 Nov 2026 10:00:00 +0100",
        ["B2B"],
        "node/812",
    )
    assert (voucher["kind"], voucher["deadline_texts"]) == ("call", ["Deadline: 15 January 2027"])
    assert (expo["start_text"], expo["end_text"], expo["location"]) == (
        "2027-04-12",
        "2027-04-16",
        "Hannover",
    )


def test_atom():
    atom = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">
      <title>Meldungen</title><id>urn:x</id><updated>2026-11-10T08:30:00Z</updated>
      <entry><title>Neue Mitglieder</title><link href="https://agency.example.org/news/1"/><id>urn:x:1</id>
      <published>2026-11-10T08:30:00+01:00</published><updated>2026-11-11T09:00:00Z</updated>
      <summary>Zwölf neue Cluster.</summary></entry></feed>"""
    [item] = extract_feed("https://agency.example.org/atom", atom, language="de", kind="news").items
    assert (item["kind"], item["title"], item["url"]) == (
        "news",
        "Neue Mitglieder",
        "https://agency.example.org/news/1",
    )
    assert (item["published_text"], item["summary"], item["language"]) == (
        "2026-11-10T08:30:00+01:00",
        "Zwölf neue Cluster.",
        "de",
    )


ICAL = "\r\n".join(
    [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//b2match//Events//EN",
        "BEGIN:VEVENT",
        "UID:evt-1@b2match",
        "DTSTAMP:20261116T080000Z",
        "DTSTART;TZID=Europe/Prague:20270304T090000",
        "DTEND;TZID=Europe/Prague:20270304T170000",
        "SUMMARY:Smart Industry Matchmaking 2027",
        "LOCATION:Prague\\, Czech Republic",
        "URL:https://www.b2match.com/e/smart-industry-2027",
        "CATEGORIES:Matchmaking,Industry",
        "DESCRIPTION:B2B meetings for manufacturers.",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:evt-2@b2match",
        "DTSTAMP:20261116T080000Z",
        "DTSTART;VALUE=DATE:20220926",
        "DTEND;VALUE=DATE:20220928",
        "SUMMARY:Cluster Days 2022",
        "STATUS:CANCELLED",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:evt-3@b2match",
        "DTSTART:20270115T100000Z",
        "SUMMARY:Online info session",
        "LOCATION:Online",
        "END:VEVENT",
        "END:VCALENDAR",
        "",
    ]
)


def test_ical_with_tzid_all_day_and_utc():
    assert is_feed(ICAL)
    timed, all_day, utc = extract_feed(
        "https://www.b2match.com/calendar.ics", ICAL, language="en", kind="event"
    ).items
    assert (timed["title"], timed["url"], timed["key"]) == (
        "Smart Industry Matchmaking 2027",
        "https://www.b2match.com/e/smart-industry-2027",
        None,
    )
    assert (timed["start_text"], timed["end_text"]) == (
        "2027-03-04T09:00:00 Europe/Prague",
        "2027-03-04T17:00:00 Europe/Prague",
    )
    assert (timed["location"], timed["tags"], timed["external_id"]) == (
        "Prague, Czech Republic",
        ["Matchmaking", "Industry"],
        "evt-1@b2match",
    )
    # DTEND of an all-day event is the day after; ours is its last day.
    assert (all_day["start_text"], all_day["end_text"], all_day["status_text"]) == (
        "2022-09-26",
        "2022-09-27",
        "Cancelled",
    )
    assert (all_day["url"], all_day["key"]) == ("https://www.b2match.com/calendar.ics", "evt-2@b2match")
    assert (utc["start_text"], utc["online"]) == ("2027-01-15T10:00:00Z", True)


def test_the_date_engine_reads_ical_day_and_utc_texts():
    assert parse_date("2022-09-26", "en", "event", date(2026, 11, 16), "Europe/Brussels").start == date(
        2022, 9, 26
    )
    utc = parse_date("2027-01-15T10:00:00Z", "en", "event", date(2026, 11, 16), "Europe/Brussels")
    assert (utc.start, utc.tz) == (datetime(2027, 1, 15, 10, 0), "UTC")


def test_the_date_engine_reads_an_ical_time_with_its_tzid():
    result = parse_date(
        "2027-03-04T09:00:00 Europe/Prague", "en", "event", date(2026, 11, 16), "Europe/Brussels"
    )
    assert (result.start, result.tz) == (datetime(2027, 3, 4, 9, 0), "Europe/Prague")


def test_a_body_that_is_no_feed_gives_a_problem():
    extraction = extract_feed(URL, "<html><body>gone</body></html>", language="en", kind="news")
    assert extraction.items == [] and extraction.problems == [("page", "not an RSS, Atom or iCalendar feed")]
