"""The ECCP extractor on the snapshot's pages: exact raw fields, no leaks from
sidebars or teasers, and links that a crawl of the snapshot can follow."""

import pytest
from crawl_walk import links_found
from lxml import etree

from spiders.eccp import EccpSpider
from spiders.extractors.eccp import ROUTER, extract
from spiders.extractors.page import Extraction
from spiders.extractors.tree import tree_of
from tests.spiders.extractors.shared_tree import assert_reads_its_tree_as_its_html_and_leaves_it_whole

SITE = "https://www.clustercollaboration.eu"


def extract_page(snapshot, path: str) -> Extraction:
    return extract(SITE + path, snapshot.read(SITE + path))


def only_item(snapshot, path: str) -> dict:
    extraction = extract_page(snapshot, path)
    assert len(extraction.items) == 1 and extraction.links == [] and extraction.next_page is None
    return extraction.items[0]


def snapshot_urls(snapshot) -> list[str]:
    """The URL of every page of the source in the snapshot (the inverse of Snapshot.path_for)."""
    return snapshot.pages("www.clustercollaboration.eu", folder_slash=False)


def test_events_listing_links_details_and_next_page(snapshot):
    first = extract_page(snapshot, "/event-calendar")
    assert first.items == []
    assert len(first.links) == 10
    assert first.links[:2] == [
        SITE + "/event-calendar/eccp-webinar-cluster-internationalisation-toolkit",
        SITE + "/event-calendar/eu-japan-cluster-matchmaking-event-2026",
    ]
    assert first.next_page == SITE + "/event-calendar?page=1"
    second = extract_page(snapshot, "/event-calendar?page=1")
    assert second.next_page is None
    assert second.links == [
        SITE + "/event-calendar/hannover-messe-2027-eu-cluster-pavilion",
        SITE + "/event-calendar/european-cluster-conference-2027",
        SITE + "/event-calendar/norway-poland-cluster-days-2027",
        SITE + "/event-calendar/baltic-cluster-forum-2027",
        SITE + "/event-calendar/eu-cluster-days-vienna-2026",
        SITE + "/event-calendar/eu-cluster-matchmaking-online-resilience-health-value-chains",
        SITE + "/content/eu-south-med-cluster-matchmaking-event-tech-days",
    ]


def test_calls_listing_pages(snapshot):
    first = extract_page(snapshot, "/search-results?type=eccp_calls&page=0")
    assert first.items == [] and len(first.links) == 5
    assert all(link.startswith(SITE + "/content/") for link in first.links)
    assert first.next_page == SITE + "/search-results?type=eccp_calls&page=1"
    second = extract_page(snapshot, "/search-results?type=eccp_calls&page=1")
    assert second.next_page is None
    assert second.links == [
        SITE + "/content/interreg-europe-fifth-call-project-proposals",
        SITE + "/content/euroclusters-open-call-ukrainian-smes-2024",
        SITE + "/content/call-expression-interest-eu-canada-cluster-matchmaking-2023",
    ]


def test_news_listing_links_news_community_news_and_newsletter(snapshot):
    first = extract_page(snapshot, "/news")
    assert first.next_page == SITE + "/news?page=1"
    # The sidebar's related events are not the listing's entries.
    assert first.links == [
        SITE + "/news/euroclusters-open-call-sme-internationalisation-2027",
        SITE + "/news/registration-open-eu-japan-cluster-matchmaking-event-2026",
        SITE + "/news/eccp-user-survey-2023-results",
        SITE + "/community-news/silicon-saxony-cluster-month-semiconductor-skills",
    ]
    second = extract_page(snapshot, "/news?page=1")
    assert second.links == [
        SITE + "/news/cluster-academy-2027-programme-published",
        SITE + "/content/cluster-managers-compare-notes-online-fora",
        SITE + "/content/eccp-newsletter-march-2019",
    ]
    assert second.next_page is None


def test_timed_online_event(snapshot):
    item = only_item(snapshot, "/event-calendar/eccp-webinar-cluster-internationalisation-toolkit")
    assert item["kind"] == "event" and item["language"] == "en"
    assert item["title"] == "ECCP Webinar: Using the Cluster Internationalisation Toolkit"
    assert item["start_text"] == "Start: 3 December 2026, 10:00"
    assert item["end_text"] == "End: 3 December 2026, 12:30"
    assert item["online"] is True and item["location"] is None
    assert item["tags"] == ["Webinar", "Cluster organisations", "Cluster managers"]
    assert item["external_id"] == "52817"
    assert item["deadline_texts"] == [] and item["status_text"] is None
    # The body's "Registration closes on 1 December 2026" is not the event's date.
    assert "1 December" not in item["start_text"] + item["end_text"]


def test_multi_day_event_in_a_place(snapshot):
    item = only_item(snapshot, "/event-calendar/eu-japan-cluster-matchmaking-event-2026")
    assert (item["start_text"], item["end_text"]) == ("Start: 8 December 2026", "End: 10 December 2026")
    assert item["location"] == "Tokyo, Japan" and item["online"] is False
    assert item["published_text"] == "on 15 September 2026"


def test_past_event_from_2020(snapshot):
    item = only_item(snapshot, "/event-calendar/eu-cluster-matchmaking-online-resilience-health-value-chains")
    assert (item["start_text"], item["end_text"]) == ("Start: 16 November 2020", "End: 16 November 2020")
    assert item["online"] is True


def test_cancelled_event_status_leaves_the_title(snapshot):
    item = only_item(snapshot, "/event-calendar/eu-india-cluster-matchmaking-mission-2027")
    assert item["title"] == "EU-India Cluster Matchmaking Mission 2027"
    assert item["status_text"] == "CANCELLED"
    assert item["location"] == "Bengaluru, India"


def test_sidebar_dates_do_not_leak_into_the_event(snapshot):
    path = "/event-calendar/european-cluster-conference-2027"
    html = snapshot.read(SITE + path)
    assert "Start: 8 December 2026" in html and "on 12 November 2026" in html  # sidebar teasers
    item = only_item(snapshot, path)
    assert (item["start_text"], item["end_text"]) == ("Start: 11 May 2027", "End: 12 May 2027")
    assert item["published_text"] == "on 15 September 2026"


def test_older_event_layout_with_a_date_range_field(snapshot):
    item = only_item(snapshot, "/content/eu-south-med-cluster-matchmaking-event-tech-days")
    assert item["kind"] == "event"
    assert item["start_text"] == "Date: 9 April 2019 to 11 April 2019" and item["end_text"] is None
    assert item["location"] == "Casablanca, Morocco" and item["online"] is False
    assert item["published_text"] == "on 28 January 2019"
    assert item["deadline_texts"] == []  # "open until 1 March 2019" in its body is not this page's call


def test_call_with_one_deadline(snapshot):
    item = only_item(snapshot, "/content/smp-cosme-joint-cluster-initiatives-euroclusters-2027")
    assert item["kind"] == "call"
    assert item["title"] == "Joint Cluster Initiatives (EUROCLUSTERS) for Europe's Recovery 2027"
    assert item["deadline_texts"] == ["Deadline: 25 March 2027"]
    assert item["status_text"] == "Open" and item["opens_text"] is None
    assert item["published_text"] == "on 06 November 2026"
    assert item["start_text"] is None  # the info day of 10 December 2026 is body text


def test_call_with_several_cut_offs(snapshot):
    item = only_item(snapshot, "/content/eu4greenclusters-open-call-sme-green-transition-vouchers")
    assert item["deadline_texts"] == [
        "15 December 2026, 23:59 Brussels time",
        "15 March 2027, 23:59 Brussels time",
        "15 June 2027, 23:59 Brussels time",
    ]
    item = only_item(snapshot, "/content/digitbrain-2-open-call-experiments-manufacturing-smes")
    assert item["deadline_texts"] == ["1 February 2027, at 18.00 CET", "3 May 2027, at 18.00 CET"]


def test_forthcoming_and_closed_calls(snapshot):
    forthcoming = only_item(snapshot, "/content/horizon-europe-regional-innovation-valleys-2027")
    assert forthcoming["status_text"] == "Forthcoming"
    assert forthcoming["opens_text"] == "Opening date: 18 January 2027"
    assert forthcoming["deadline_texts"] == ["Deadline: 20 April 2027"]
    closed = only_item(snapshot, "/content/euroclusters-open-call-ukrainian-smes-2024")
    assert closed["status_text"] == "Closed"
    assert closed["deadline_texts"] == ["25 April 2024, 23:59 Brussels time"]
    closed = only_item(snapshot, "/content/call-expression-interest-eu-canada-cluster-matchmaking-2023")
    assert closed["deadline_texts"] == ["1 April 2023, at 18.00 CET"]


def test_plain_news(snapshot):
    item = only_item(snapshot, "/news/eccp-user-survey-2023-results")
    assert item["kind"] == "news"
    assert item["title"] == "ECCP user survey 2023: what the cluster community expects from the platform"
    assert item["published_text"] == "on 05 April 2023"
    assert item["tags"] == ["ECCP", "Survey"] and item["external_id"] == "46230"
    assert item["start_text"] is None and item["deadline_texts"] == []
    community = only_item(snapshot, "/community-news/silicon-saxony-cluster-month-semiconductor-skills")
    assert community["kind"] == "news" and community["published_text"] == "on 28 October 2026"


def test_news_saying_modules_will_take_place_without_a_date_announces_nothing(snapshot):
    item = only_item(snapshot, "/news/cluster-academy-2027-programme-published")
    assert item["kind"] == "news" and item["published_text"] == "on 10 November 2026"


def test_news_announcing_an_event(snapshot):
    url = SITE + "/news/registration-open-eu-japan-cluster-matchmaking-event-2026"
    news, event = extract(url, snapshot.read(url)).items
    assert news["kind"] == "news" and news["published_text"] == "on 05 October 2026"
    assert news["title"] == "Registration open: EU-Japan Cluster Matchmaking Event 2026"
    assert event["kind"] == "event" and event["url"] == url
    assert event["title"] == event["key"] == "EU-Japan Cluster Matchmaking Event 2026"
    assert event["start_text"] == "on 8-10 December 2026 in Tokyo, Japan"


def test_news_announcing_a_call(snapshot):
    url = SITE + "/news/euroclusters-open-call-sme-internationalisation-2027"
    news, call = extract(url, snapshot.read(url)).items
    assert news["kind"] == "news" and news["published_text"] == "on 12 November 2026"
    assert call["kind"] == "call" and call["url"] == url
    assert call["key"] == "Euroclusters Internationalisation Vouchers"
    assert call["deadline_texts"] == ["open until 12 February 2027, 17:00 Brussels time"]


def test_newsletter_gives_one_item_per_announced_event_and_call(snapshot):
    url = SITE + "/content/eccp-newsletter-march-2019"
    news, *announced = extract(url, snapshot.read(url)).items
    assert news["kind"] == "news" and news["title"] == "ECCP Newsletter – March 2019"
    assert news["published_text"] == "on 14 March 2019"
    assert all(item["url"] == url and item["key"] == item["title"] for item in announced)
    events = {item["key"]: item["start_text"] for item in announced if item["kind"] == "event"}
    calls = {item["key"]: item["deadline_texts"] for item in announced if item["kind"] == "call"}
    assert events == {
        "The European Cluster Conference 2019": "in Bucharest, Romania on 14-16 May 2019",
        "Bulgarian National Cluster Conference 2019": "26-27 March 2019",
        "Annual Conference of the German “go-cluster” Programme": "11 April 2019",
        "EU-funded mission in ICT to Singapore & Thailand": "17-22 June 2019",
        "EU-South MED Cluster Matchmaking Event & Tech Days": "on 9-11 April 2019 in Casablanca, Morocco",
        "EU CLUSTER WEEK's main anchor event in the context of the Hanover Fair": "on 1-2 April 2019",
        "EU-Canada Cluster Matchmaking Event": "5-7 June 2019 in Toronto",
    }
    assert calls == {
        "Fast Track to Innovation (FTI): Call for Proposals": ["Deadline: 23 May 2019"],
        "Interreg Central Europe 4th Call for Proposals: Capitalisation through Coordination": [
            "Deadline: 5 July 2019"
        ],
        "H2020 - The new call for energy efficiency is open": ["Deadline: 3 September 2019"],
        "The call for proposals for the COSME European Cluster Excellence Programme is open until 4 April 2019"
        " – LAST CHANCE TO APPLY!": ["open until 4 April 2019"],
    }
    # Reports of past events and plain news paragraphs give nothing.
    assert not any(
        "Korea" in key or "Industry Days" in key or "Policy Forum" in key for key in events | calls
    )


def test_event_dates_fall_back_to_json_ld():
    html = """<html><head><script type="application/ld+json">{"@context": "https://schema.org",
      "@type": "Event", "name": "Cluster Forum", "startDate": "2027-03-02T09:00:00+01:00",
      "endDate": "2027-03-02T17:00:00+01:00",
      "eventAttendanceMode": "https://schema.org/OnlineEventAttendanceMode"}</script></head>
      <body><main><h1>Cluster Forum</h1><article data-history-node-id="7" class="node node--type-event">
      <p>A forum of cluster managers.</p></article></main></body></html>"""
    (item,) = extract(SITE + "/event-calendar/cluster-forum", html).items
    assert (item["start_text"], item["end_text"]) == (
        "2027-03-02T09:00:00+01:00",
        "2027-03-02T17:00:00+01:00",
    )
    assert item["online"] is True and item["title"] == "Cluster Forum"


@pytest.mark.parametrize(
    "url, html",
    [
        (
            SITE + "/about-eccp",
            "<html><body><main><h1>About</h1><p>Since 16 April 2016.</p></main></body></html>",
        ),
        (
            SITE + "/content/legal-notice",
            "<html><body><article data-history-node-id='3' class='node node--type-page'>"
            "<div>Start:</div><div>1 May 2020</div></article></body></html>",
        ),
        (SITE + "/event-calendar/x", "\x00\x89PNG garbage <<<>>> </div></td>"),
        (SITE + "/news", ""),
        ("https://example.org/event-calendar", "<a href='/event-calendar/x'>x</a>"),
    ],
)
def test_unknown_pages_and_garbage_give_nothing(url, html):
    assert extract(url, html) == Extraction()


def test_every_link_found_in_the_snapshot_exists_in_it(snapshot):
    urls = snapshot_urls(snapshot)
    assert len(urls) >= 35
    followed = links_found(snapshot, extract, urls)
    missing = [link for link in followed if not snapshot.path_for(link).is_file()]
    assert missing == []
    # A crawl from the start URLs reaches every page but the listings' own first pages,
    # and the privacy notice, linked only from the footer.
    assert set(urls) - followed == {*EccpSpider.start_urls, SITE + "/content/gdpr"}


def test_start_urls_exist_in_the_snapshot(snapshot):
    for url in EccpSpider.start_urls:
        assert snapshot.path_for(url).is_file(), url


def test_robots_txt_allows_the_crawl(snapshot):
    from protego import Protego

    robots = Protego.parse((snapshot.root / "www.clustercollaboration.eu" / "robots.txt").read_text())
    for url in snapshot_urls(snapshot):
        assert robots.can_fetch(url, "clusterfeeds"), url


# The real site's /content/ path holds events, calls, news and static pages alike, and
# the ECCP's own events have a series page listing their editions.


def test_a_static_page_under_content_gives_no_item_not_even_a_generic_one(snapshot):
    url = SITE + "/content/gdpr"
    assert extract(url, snapshot.read(url)).items == []
    extraction, reading = EccpSpider().extract(url, snapshot.read(url))
    assert extraction.items == [] and not reading.stood_in and reading.fields == ()


def test_news_under_content_is_told_by_its_byline(snapshot):
    item = only_item(snapshot, "/content/cluster-managers-compare-notes-online-fora")
    assert (item["kind"], item["published_text"]) == ("news", "on 02 November 2026")


def test_a_series_page_lists_its_editions(snapshot):
    series = "/events/organised-by-eccp/clusters-meet-regions"
    extraction = extract_page(snapshot, series)
    assert extraction.items == []
    assert extraction.links == [
        SITE + series + "/clusters-meet-regions-tartu-estonia",
        SITE + series + "/clusters-meet-regions-timisoara-romania",
    ]
    item = only_item(snapshot, series + "/clusters-meet-regions-tartu-estonia")
    assert (item["kind"], item["start_text"], item["end_text"], item["location"]) == (
        "event",
        "Start: 16 March 2027",
        "End: 17 March 2027",
        "Tartu, Estonia",
    )


def test_an_event_page_without_its_date_fields_takes_the_date_from_the_generic_reading(snapshot):
    # As on the real site, a past edition's page shows no Start/End values: the date is in its text.
    url = SITE + "/events/organised-by-eccp/clusters-meet-regions/clusters-meet-regions-timisoara-romania"
    [own] = extract(url, snapshot.read(url)).items
    assert own["kind"] == "event" and own["start_text"] is None
    extraction, reading = EccpSpider().extract(url, snapshot.read(url))
    [item] = extraction.items
    # The text also says where, and so that it is held in person.
    assert reading.fields == ("start_text", "location", "online") and not reading.stood_in
    assert "8-9 October 2026" in item["start_text"]
    assert (item["location"], item["online"]) == ("Timișoara, Romania", False)
    # What the site's reader found stays its own.
    given = {"start_text", "location", "online"}
    assert {k: v for k, v in item.items() if k not in given} == {
        k: v for k, v in own.items() if k not in given
    }


def test_a_page_reads_the_same_as_text_bytes_or_its_tree_and_the_tree_is_left_as_it_was(snapshot):
    # The spider parses a page once and hands the same tree to every reader of it.
    for url in snapshot_urls(snapshot):
        html = snapshot.read(url)
        assert_reads_its_tree_as_its_html_and_leaves_it_whole(extract, url, html)
        assert extract(url, html.encode()) == extract(url, html), url
        root = tree_of(html)
        assert ROUTER.kind_of_page(url, root) == ROUTER.kind_of_page(url, html), url
        assert etree.tostring(root) == etree.tostring(tree_of(html)), url
