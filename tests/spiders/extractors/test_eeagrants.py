"""The EEA and Norway Grants extractor on the snapshot's pages (eeagrants.org and
the operators' call pages): exact raw fields, no leaks from sidebars, and links
that a crawl of the snapshot can follow."""

import pytest
from crawl_walk import links_found
from protego import Protego

from spiders.eeagrants import EeagrantsSpider
from spiders.extractors.eeagrants import HOSTS, extract
from spiders.extractors.page import Extraction
from tests.spiders.extractors.shared_tree import assert_reads_its_tree_as_its_html_and_leaves_it_whole

FMO = "https://eeagrants.org"
RO = "https://www.innovationnorway.ro"
LV = "https://www.eeagrants.lv"
WEBINAR_NEWS = FMO + "/en/fmo/news/matchmaking-webinar-green-innovation-romania-norway"
OSLO_NEWS = FMO + "/en/fmo/news/bilateral-matchmaking-oslo-2024-green-industry"
CALLS_NEWS = FMO + "/en/fmo/news/first-calls-2021-2028-business-innovation-open"
LATVIA_NEWS = FMO + "/en/fmo/news/blue-growth-latvia-programme-agreement-signed"
GII_2026 = RO + "/calls/green-industry-innovation-call-2026/"
GII_2019 = RO + "/calls/green-industry-innovation-call-2019/"
DIGITAL_2027 = RO + "/calls/digital-transition-smes-call-2027/"
BLUE_GROWTH = LV + "/en/calls/blue-growth-innovation-two-stage-call-2026"
PROJECTS = FMO + "/archive/2014-2021/projects"
BULGARIA_NEWS = FMO + "/news/bulgaria-opens-call-green-industry-innovation"
NODE_NEWS = FMO + "/node/12533"


def extract_url(snapshot, url: str) -> Extraction:
    return extract(url, snapshot.read(url))


def only_item(snapshot, url: str) -> dict:
    extraction = extract_url(snapshot, url)
    assert len(extraction.items) == 1 and extraction.links == [] and extraction.next_page is None
    return extraction.items[0]


def snapshot_urls(snapshot) -> list[str]:
    """The URL of every page of the source's hosts in the snapshot (the inverse of Snapshot.path_for)."""
    # WordPress folder URLs end in "/", Drupal ones do not.
    return [
        url
        for host in HOSTS
        if (snapshot.root / host).is_dir()
        for url in snapshot.pages(host, folder_slash=host != "eeagrants.org")
    ]


def test_news_listing_is_newest_first_and_skips_the_sidebar(snapshot):
    first = extract_url(snapshot, FMO + "/en/news")
    assert first.items == [] and first.newest_first is True
    assert first.links == [WEBINAR_NEWS, CALLS_NEWS, LATVIA_NEWS]
    assert first.next_page == FMO + "/en/news?page=1"
    second = extract_url(snapshot, FMO + "/en/news?page=1")
    # The "Latest news" sidebar links three other news: they are not this page's entries.
    # News at /news/<slug> and at /node/<nid>, as the real site links them, next to the older path.
    assert second.links == [BULGARIA_NEWS, NODE_NEWS, OSLO_NEWS] and second.next_page is None


def test_open_calls_listing_links_only_the_operators_this_source_crawls(snapshot):
    first = extract_url(snapshot, FMO + "/en/opportunities/open-calls")
    html = snapshot.read(FMO + "/en/opportunities/open-calls")
    assert "www.eeagrants.cz" in html  # a call on another operator's site: not followed
    assert first.links == [GII_2026, BLUE_GROWTH] and first.newest_first is False
    assert first.next_page == FMO + "/en/opportunities/open-calls?page=1"
    second = extract_url(snapshot, FMO + "/en/opportunities/open-calls?page=1")
    assert second.links == [DIGITAL_2027] and second.next_page is None


def test_projects_listing_skips_facet_links(snapshot):
    first = extract_url(snapshot, PROJECTS)
    assert first.links == [PROJECTS + "/RO-INNOVATION-0012", PROJECTS + "/RO-INNOVATION-0047"]
    assert first.next_page == PROJECTS + "?page=1"
    second = extract_url(snapshot, PROJECTS + "?page=1")
    assert second.links == [PROJECTS + "/LV-INNOVATION-0009"] and second.next_page is None


def test_operator_calls_listing(snapshot):
    listing = extract_url(snapshot, RO + "/calls/")
    assert listing.items == [] and listing.next_page is None
    assert listing.links == [GII_2026, DIGITAL_2027, GII_2019]


def test_news_announcing_a_webinar_gives_the_news_and_the_event(snapshot):
    html = snapshot.read(WEBINAR_NEWS)
    assert "24–25 February 2027" in html and "call-2019/" in html  # the article's "Related" aside
    extraction = extract_url(snapshot, WEBINAR_NEWS)
    news, event = extraction.items
    assert news["kind"] == "news" and news["language"] == "en"
    assert news["title"] == "Matchmaking webinar: green innovation partnerships between Romania and Norway"
    assert news["published_text"] == "2026-11-12T10:00:00+01:00"  # JSON-LD, not the "Updated" date
    assert news["tags"] == ["Romania", "Business development", "Bilateral cooperation", "Events"]
    assert news["external_id"] == "11482" and news["start_text"] is None
    assert event["kind"] == "event" and event["url"] == WEBINAR_NEWS
    assert event["title"] == event["key"] == "Matchmaking webinar: Green Industry Innovation Romania–Norway"
    assert event["start_text"] == "9 December 2026, 10:00–12:30 CET" and event["end_text"] is None
    assert event["online"] is True and event["location"] is None
    # The registration deadline of the box and the call's deadline in the body are not dates of either item.
    assert event["deadline_texts"] == [] == news["deadline_texts"]
    assert extraction.links == [GII_2026]


def test_news_reporting_a_past_event_in_a_place(snapshot):
    news, event = extract_url(snapshot, OSLO_NEWS).items
    assert news["published_text"] == "2024-02-20T14:15:00+01:00"
    assert event["title"] == "Green Industry Matchmaking Oslo 2024"
    assert event["start_text"] == "12–13 March 2024"
    assert (
        event["location"] == "Oslo Science Park, Gaustadalléen 21, Oslo, Norway" and event["online"] is False
    )


def test_plain_news_dated_by_its_time_element(snapshot):
    item = only_item(snapshot, LATVIA_NEWS)
    html = snapshot.read(LATVIA_NEWS)
    assert "application/ld+json" not in html and '<time datetime="2026-11-12T10:00:00Z">' in html  # sidebar
    assert item["title"] == "Programme agreement signed: Latvia's innovation and blue growth programme"
    assert item["published_text"] == "2026-10-21T08:00:00+02:00"
    assert item["tags"] == ["Latvia", "Blue growth", "Innovation"]


def test_news_about_calls_links_the_operators_call_pages(snapshot):
    extraction = extract_url(snapshot, CALLS_NEWS)
    assert [item["kind"] for item in extraction.items] == ["news"]
    assert extraction.links == [GII_2026, BLUE_GROWTH, DIGITAL_2027]


def test_seed_project_page_is_kept_as_news(snapshot):
    item = only_item(snapshot, PROJECTS + "/RO-INNOVATION-0012")
    assert item["kind"] == "news"
    assert item["title"] == "Innovative services for twin transition in SMEs and clusters"
    assert item["summary"].startswith(
        "The aim of the project is to increase the competitiveness of Romanian companies"
    )
    assert item["tags"] == [
        "Business Development, Innovation and SMEs",
        "Innovation, Research, Education and Competitiveness",
    ]
    # The page's "Project Number:" is empty: the code comes from the URL.
    assert item["external_id"] == "RO-INNOVATION-0012"
    assert item["published_text"] is None and item["start_text"] is None and item["deadline_texts"] == []


def test_project_page_with_its_number(snapshot):
    item = only_item(snapshot, PROJECTS + "/LV-INNOVATION-0009")
    assert item["title"] == "Energy-efficient smoking and drying of fish"
    assert item["external_id"] == "LV-INNOVATION-0009"
    assert item["summary"] == (
        "The project will develop a smoking and drying chamber with heat recovery "
        "for small fish processors on the Latvian coast."
    )


def test_open_call_with_its_gmt_deadline_sentence(snapshot):
    item = only_item(snapshot, GII_2026)
    assert item["kind"] == "call" and item["title"] == "Green Industry Innovation – Call for proposals 2026"
    assert item["deadline_texts"] == ["The call remains open until to 12:00:00 GMT 2027/02/26."]
    assert item["status_text"] == "Open" and item["opens_text"] is None
    assert item["published_text"] == "2026-11-02T09:00:00+02:00"
    # Helpdesk questions "until 12 February 2027" and the webinar date are not cut-offs.
    assert item["start_text"] is None


def test_forthcoming_call_opens_later(snapshot):
    item = only_item(snapshot, DIGITAL_2027)
    assert item["status_text"] == "Forthcoming"
    assert item["opens_text"] == "Call opening: 15 January 2027"
    assert item["deadline_texts"] == ["Deadline for applications: 14.04.2027, 14:00 (Romanian time)"]


def test_closed_call_status_leaves_the_title(snapshot):
    item = only_item(snapshot, GII_2019)
    assert item["title"] == "Green Industry Innovation – Call for proposals 2019"
    assert item["status_text"] == "Closed"
    assert item["deadline_texts"] == ["The call remains open until to 12:00:00 GMT 2019/11/29."]


def test_two_stage_call_has_one_deadline_per_stage_and_no_sidebar_deadlines(snapshot):
    html = snapshot.read(BLUE_GROWTH)
    assert "Deadline: 30.06.2025." in html and "Deadline: 05.12.2026." in html  # "Other calls" sidebar
    item = only_item(snapshot, BLUE_GROWTH)
    assert item["deadline_texts"] == [
        "Deadline for concept notes submission: 15.01.2027.",
        "Deadline for full applications: 30.04.2027, 14:00 (Riga time)",
    ]
    assert item["opens_text"] == "Call opens: 2 November 2026"
    assert item["status_text"] == "Open"
    assert item["published_text"] == "2026-11-02T12:00:00+02:00"  # article:published_time


def test_published_date_prefers_json_ld_then_time_then_meta():
    page = (
        "<html><head><meta property='article:published_time' content='2027-01-03T10:00:00+01:00'>{ld}</head>"
        "<body><main><article data-history-node-id='5'><h1>T</h1>{time}</article></main></body></html>"
    )
    ld = (
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        '"datePublished": "2027-01-01T08:00:00+01:00"}</script>'
    )
    time = '<time datetime="2027-01-02T09:00:00+01:00">2 January 2027</time>'
    url = FMO + "/en/fmo/news/t"
    assert (
        extract(url, page.format(ld=ld, time=time)).items[0]["published_text"] == "2027-01-01T08:00:00+01:00"
    )
    assert (
        extract(url, page.format(ld="", time=time)).items[0]["published_text"] == "2027-01-02T09:00:00+01:00"
    )
    assert extract(url, page.format(ld="", time="")).items[0]["published_text"] == "2027-01-03T10:00:00+01:00"


@pytest.mark.parametrize(
    "url, html",
    [
        (
            FMO + "/en/about-us",
            "<html><body><main><h1>About us</h1><p>Since 1 May 2004.</p></main></body></html>",
        ),
        (FMO + "/en/fmo/news/x", "\x00\x89PNG garbage <<<>>> </div></td>"),
        (FMO + "/en/fmo/news/x", ""),
        (RO + "/calls/x/", "<html><body><p>Deadline: 1 May 2027</p></body></html>"),
        (FMO + "/en/news", ""),
        ("https://example.org/en/news", "<main><a href='/en/fmo/news/x'>x</a></main>"),
    ],
)
def test_unknown_pages_and_garbage_give_nothing(url, html):
    assert extract(url, html) == Extraction()


def test_every_link_found_in_the_snapshot_exists_in_it(snapshot):
    urls = snapshot_urls(snapshot)
    assert len(urls) == 20
    followed = links_found(snapshot, extract, urls)
    missing = [link for link in followed if not snapshot.path_for(link).is_file()]
    assert missing == []
    # A crawl from the start URLs reaches every page but the listings' own first pages.
    assert set(urls) - followed == set(EeagrantsSpider.start_urls)


def test_start_urls_exist_in_the_snapshot(snapshot):
    for url in EeagrantsSpider.start_urls:
        assert snapshot.path_for(url).is_file(), url


def test_robots_txt_allows_the_crawl(snapshot):
    for url in snapshot_urls(snapshot):
        host = url.split("/")[2]
        robots = Protego.parse((snapshot.root / host / "robots.txt").read_text())
        assert robots.can_fetch(url, "clusterfeeds"), url


@pytest.mark.parametrize(
    "url, title",
    [
        (BULGARIA_NEWS, "Bulgaria opens a call for green industry innovation"),
        (NODE_NEWS, "Open calls in Estonia and Slovakia for business innovation"),
    ],
)
def test_news_at_the_real_sites_paths(snapshot, url, title):
    [item] = extract_url(snapshot, url).items
    assert (item["kind"], item["url"], item["title"]) == ("news", url, title)
    # The real news pages state no date; none is made up.
    assert item["published_text"] is None
    assert EeagrantsSpider().extract(url, snapshot.read(url))[0].items[0]["published_text"] is None


def test_a_page_reads_the_same_as_text_bytes_or_its_tree_and_the_tree_is_left_as_it_was(snapshot):
    # The spider parses a page once and hands the same tree to every reader of it.
    for url in snapshot_urls(snapshot):
        html = snapshot.read(url)
        assert_reads_its_tree_as_its_html_and_leaves_it_whole(extract, url, html)
        assert extract(url, html.encode()) == extract(url, html), url
