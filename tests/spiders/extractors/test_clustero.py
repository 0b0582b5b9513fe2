"""The CLUSTERO extractor on the snapshot's pages: exact raw fields, no leaks from
sidebars, related teasers or body text, and links that a crawl of the snapshot can follow."""

import pytest
from crawl_walk import links_found

from spiders.clustero import ClusteroSpider
from spiders.extractors.clustero import extract
from spiders.extractors.page import Extraction
from tests.spiders.extractors.shared_tree import assert_reads_its_tree_as_its_html_and_leaves_it_whole

SITE = "https://clustero.eu"
EVENTS_RO = SITE + "/ro/evenimente/"
CALLS_RO = SITE + "/ro/apeluri/"


def extract_page(snapshot, path: str) -> Extraction:
    return extract(SITE + path, snapshot.read(SITE + path))


def only_item(snapshot, path: str) -> dict:
    extraction = extract_page(snapshot, path)
    assert len(extraction.items) == 1 and extraction.links == [] and extraction.next_page is None
    return extraction.items[0]


def snapshot_urls(snapshot) -> list[str]:
    """The URL of every page of the source in the snapshot (the inverse of Snapshot.path_for)."""
    return snapshot.pages("clustero.eu")


def test_events_list_links_details_past_events_and_next_page(snapshot):
    first = extract_page(snapshot, "/ro/evenimente/")
    assert first.items == []
    # The sidebar's upcoming events and the view switcher (month, day) are not entries.
    assert first.links == [
        EVENTS_RO + "lista/?eventDisplay=past",
        EVENTS_RO + "forumul-national-al-clusterelor-2026/",
        EVENTS_RO + "webinar-finantari-pentru-clustere-2027/",
    ]
    assert first.next_page == EVENTS_RO + "lista/page/2/"
    second = extract_page(snapshot, "/ro/evenimente/lista/page/2/")
    assert second.links == [EVENTS_RO + "misiune-economica-clustere-romania-norvegia-2027/"]
    assert second.next_page is None
    past = extract_page(snapshot, "/ro/evenimente/lista/?eventDisplay=past")
    assert past.links == [EVENTS_RO + "atelier-co-creare-servicii-suport-tranzitie-verde-digitala/"]
    assert past.next_page is None
    english = extract_page(snapshot, "/en/events/")
    assert english.links == [
        SITE + "/en/events/romanian-norwegian-cluster-cooperation-webinar/",
        SITE + "/en/events/cluster-excellence-matchmaking-day-2027/",
    ]
    assert english.next_page is None


def test_calls_and_news_archives_paginate(snapshot):
    first = extract_page(snapshot, "/ro/apeluri/")
    assert first.links == [
        CALLS_RO + "apel-servicii-inovare-verde-imm-greenro-clusters/",
        CALLS_RO + "apel-vouchere-digitalizare-imm-clustere-digi-cluster-2027/",
    ]
    assert first.next_page == CALLS_RO + "page/2/"
    second = extract_page(snapshot, "/ro/apeluri/page/2/")
    assert second.links == [CALLS_RO + "apel-selectie-experti-evaluatori-etichetare-clustere-2021/"]
    assert second.next_page is None
    news = extract_page(snapshot, "/ro/category/noutati/")
    assert news.links == [
        SITE + "/ro/2026/11/invitatie-adunarea-generala-clustero-2026/",
        SITE + "/ro/2026/11/clustero-la-european-cluster-conference-2026/",
    ]
    assert news.next_page == SITE + "/ro/category/noutati/page/2/"
    assert extract_page(snapshot, "/ro/category/noutati/page/2/").links == [
        SITE + "/ro/2021/09/catalogul-national-al-clusterelor-2021/"
    ]
    assert extract_page(snapshot, "/en/calls/").links == [
        SITE + "/en/calls/call-cluster-managers-study-visit-norway-2027/",
        SITE + "/en/calls/call-expert-evaluators-cluster-excellence-label-2021/",
    ]


def test_timed_online_event_in_the_current_year(snapshot):
    item = only_item(snapshot, "/ro/evenimente/webinar-finantari-pentru-clustere-2027/")
    assert item["kind"] == "event" and item["language"] == "ro"
    assert item["title"] == "Webinar: Oportunități de finanțare pentru clustere în 2027"
    # The Events Calendar leaves the year out for events of the current year.
    assert item["start_text"] == "3 decembrie @ 10:00 - 13:00 EET" and item["end_text"] is None
    assert item["location"] == "Online (Zoom)" and item["online"] is True
    assert item["tags"] == ["Webinar", "finanțare", "Cluster Excellence Programme"]
    assert item["external_id"] == "2214"
    assert item["status_text"] is None and item["published_text"] is None and item["deadline_texts"] == []


def test_all_day_event_over_three_days_without_sidebar_or_related_dates(snapshot):
    path = "/ro/evenimente/forumul-national-al-clusterelor-2026/"
    html = snapshot.read(SITE + path)
    # The sidebar and the related events show other events' schedules in the same markup.
    assert html.count('class="tribe-event-date-start"') == 6 and "15 martie 2027 @ 09:00" in html
    item = only_item(snapshot, path)
    assert (item["start_text"], item["end_text"]) == ("24 noiembrie", "26 noiembrie")
    assert item["location"] == "Palatul Parlamentului – Sala Brâncuși, București" and item["online"] is False
    assert item["title"] == "Forumul Național al Clusterelor din România, ediția a XII-a"


def test_event_abroad_gives_start_and_end_with_their_zone(snapshot):
    item = only_item(snapshot, "/ro/evenimente/misiune-economica-clustere-romania-norvegia-2027/")
    assert (item["start_text"], item["end_text"]) == (
        "15 martie 2027 @ 09:00 CET",
        "17 martie 2027 @ 17:00 CET",
    )
    assert item["location"] == "Oslo Science Park, Oslo" and item["online"] is False
    # "Termen limită pentru înscriere: 15 ianuarie 2027" in its text is the registration, not a call.
    assert item["deadline_texts"] == [] and item["kind"] == "event"


def test_past_event_keeps_the_notice(snapshot):
    item = only_item(snapshot, "/ro/evenimente/atelier-co-creare-servicii-suport-tranzitie-verde-digitala/")
    assert item["start_text"] == "12 octombrie 2022 @ 10:00 - 16:00 EEST"
    assert item["status_text"] == "Acest eveniment a trecut."
    assert item["location"] == "Hotel Novotel București City Centre, București"


def test_english_events_and_a_cancelled_one(snapshot):
    item = only_item(snapshot, "/en/events/cluster-excellence-matchmaking-day-2027/")
    assert item["language"] == "en" and item["title"] == "Cluster Excellence Matchmaking Day 2027"
    assert item["start_text"] == "February 11, 2027 @ 9:30 am - 5:00 pm EET"
    assert item["location"] == "Cluj Innovation Park, Cluj-Napoca" and item["status_text"] is None
    cancelled = only_item(snapshot, "/en/events/romanian-norwegian-cluster-cooperation-webinar/")
    assert cancelled["status_text"] == "Canceled"
    assert cancelled["title"] == "Romanian–Norwegian Cluster Cooperation Webinar"
    assert cancelled["online"] is True and cancelled["location"] == "Online (Microsoft Teams)"


def test_open_call_with_one_deadline(snapshot):
    item = only_item(snapshot, "/ro/apeluri/apel-vouchere-digitalizare-imm-clustere-digi-cluster-2027/")
    assert item["kind"] == "call" and item["language"] == "ro"
    assert item["title"] == (
        "Apel de proiecte: Vouchere pentru digitalizarea IMM-urilor din clustere (DIGI-CLUSTER 2027)"
    )
    # The information session and the results date of its text are no cut-offs.
    assert item["deadline_texts"] == ["Termen limită: până la 15 ianuarie 2027, ora 16:00"]
    assert item["status_text"] == "Deschis" and item["opens_text"] is None
    assert item["published_text"] == "10 noiembrie 2026" and item["external_id"] == "2251"
    assert item["start_text"] is None


def test_forthcoming_call_with_two_rounds(snapshot):
    item = only_item(snapshot, "/ro/apeluri/apel-servicii-inovare-verde-imm-greenro-clusters/")
    assert item["deadline_texts"] == [
        "Termen limită runda 1: 28.02.2027",
        "Termen limită runda 2: 30.06.2027",
    ]
    assert item["opens_text"] == "Deschidere apel: 1 decembrie 2026"
    assert item["status_text"] == "În curând" and item["published_text"] == "14 noiembrie 2026"


def test_closed_calls_lose_the_status_prefix_of_their_title(snapshot):
    item = only_item(snapshot, "/ro/apeluri/apel-selectie-experti-evaluatori-etichetare-clustere-2021/")
    assert (
        item["title"] == "Apel de selecție a experților evaluatori pentru eticheta de excelență a clusterelor"
    )
    assert item["status_text"] == "ÎNCHIS"
    assert item["deadline_texts"] == ["termen limită: 30.09.2021"]
    assert item["published_text"] == "1 septembrie 2021"
    english = only_item(snapshot, "/en/calls/call-expert-evaluators-cluster-excellence-label-2021/")
    assert english["title"] == "Call for expert evaluators for the cluster excellence label"
    assert english["status_text"] == "CLOSED" and english["deadline_texts"] == ["Deadline: 30 September 2021"]
    open_call = only_item(snapshot, "/en/calls/call-cluster-managers-study-visit-norway-2027/")
    assert open_call["deadline_texts"] == ["Deadline: 8 January 2027, 17:00 (Bucharest time)"]
    assert open_call["status_text"] == "Open" and open_call["published_text"] == "6 November 2026"


def test_plain_news_without_related_posts_dates(snapshot):
    path = "/ro/2026/11/clustero-la-european-cluster-conference-2026/"
    assert "15 septembrie 2021" in snapshot.read(SITE + path)  # a related post's and the sidebar's date
    item = only_item(snapshot, path)
    assert item["kind"] == "news" and item["published_text"] == "5 noiembrie 2026"
    assert item["tags"] == ["Noutăți", "European Cluster Conference", "politici de cluster"]
    assert item["external_id"] == "2266"
    # "a avut loc în perioada 28-29 octombrie 2026" reports a past event: no event item.
    assert item["start_text"] is None


def test_news_announcing_an_event(snapshot):
    url = SITE + "/ro/2026/11/invitatie-adunarea-generala-clustero-2026/"
    extraction = extract(url, snapshot.read(url))
    news, event = extraction.items
    assert news["kind"] == "news" and news["published_text"] == "12 noiembrie 2026"
    assert event["kind"] == "event" and event["url"] == url and event["key"] == "event"
    assert event["title"] == "Invitație: Adunarea Generală a membrilor CLUSTERO 2026"
    assert event["start_text"] == "Data: 10 decembrie 2026, ora 11:00"
    assert event["location"] == "București, Hotel Novotel City Centre, Calea Victoriei 37B"
    assert event["online"] is False and event["deadline_texts"] == []
    assert extraction.links == [] and extraction.next_page is None


def test_seed_project_post_announces_its_training_session(snapshot):
    url = SITE + "/en/2023/03/training-session-innovative-services-twin-transition-smes-clusters/"
    html = snapshot.read(url)
    assert "The portfolio will be elaborated and validated in a dedicated training session" in html
    news, event = extract(url, html).items
    assert (
        news["title"]
        == event["title"]
        == "Training session: Innovative services for twin transition in SMEs and clusters"
    )
    assert news["language"] == event["language"] == "en"
    assert news["published_text"] == "1 March 2023"
    assert news["tags"] == ["News", "Projects", "EEA and Norway Grants", "twin transition"]
    assert event["start_text"] == "Date: 16 March 2023, 10:00 – 15:00"
    assert event["location"] == "Bucharest, Hotel Novotel City Centre (Calea Victoriei 37B)"
    # "Registration deadline: 13 March 2023" belongs to the event: no call.
    assert event["deadline_texts"] == [] and news["deadline_texts"] == []


def test_news_announcing_a_call(snapshot):
    url = SITE + "/ro/2021/09/catalogul-national-al-clusterelor-2021/"
    news, call = extract(url, snapshot.read(url)).items
    assert news["published_text"] == "15 septembrie 2021"
    assert call["kind"] == "call" and call["key"] == "call"
    assert call["deadline_texts"] == ["Termen limită: până la 15 octombrie 2021, ora 16:00"]


def test_event_dates_fall_back_to_json_ld():
    html = """<html lang="ro-RO"><head><script type="application/ld+json">[{"@context": "http://schema.org",
      "@type": "Event", "name": "Ziua clusterelor", "startDate": "2027-04-02T09:00:00+03:00",
      "endDate": "2027-04-02T17:00:00+03:00", "location": {"@type": "Place", "name": "Iași"},
      "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode"}]</script></head>
      <body><div id="primary"><p>Ziua clusterelor, 2 aprilie.</p></div></body></html>"""
    (item,) = extract(SITE + "/ro/evenimente/ziua-clusterelor-2027/", html).items
    assert (item["start_text"], item["end_text"]) == (
        "2027-04-02T09:00:00+03:00",
        "2027-04-02T17:00:00+03:00",
    )
    assert item["title"] == "Ziua clusterelor" and item["location"] == "Iași" and item["online"] is False


def test_a_labelled_line_is_read_past_inline_markup_but_not_comments_or_scripts():
    html = """<html lang="ro-RO"><body><article id="post-7" class="apel ast-article-single">
      <h1 class="entry-title">Apel de test</h1><div class="entry-content">
      <p><strong>Termen limită:</strong> până la <em>15 ianuarie 2027</em><!-- modificat 3 ian -->, ora
      <span>16:00</span><script>var ora = "17:00";</script></p></div></article></body></html>"""
    (item,) = extract(SITE + "/ro/apeluri/apel-de-test/", html).items
    assert item["deadline_texts"] == ["Termen limită: până la 15 ianuarie 2027, ora 16:00"]
    assert item["external_id"] == "7" and item["title"] == "Apel de test"


def test_a_parsed_tree_reads_as_its_html_and_is_left_unchanged(snapshot):
    for url in snapshot_urls(snapshot):
        assert_reads_its_tree_as_its_html_and_leaves_it_whole(extract, url, snapshot.read(url))


@pytest.mark.parametrize(
    "url, html",
    [
        (
            SITE + "/ro/despre-noi/",
            "<html><body><div id='primary'><h1>Despre noi</h1><p>Din 2011.</p></div></body></html>",
        ),
        (
            SITE + "/ro/evenimente/ceva/",
            "<html><body><h1>Eveniment</h1><p><strong>Data:</strong> 1 mai 2027</p></body></html>",
        ),
        (SITE + "/ro/apeluri/ceva/", "\x00\x89PNG garbage <<<>>> </div></td>"),
        (SITE + "/ro/2026/11/ceva/", "<article id='post-3'><h1 class='entry-title'>Teaser</h1></article>"),
        (SITE + "/ro/apeluri/", ""),
        ("https://example.org/ro/evenimente/", "<a href='/ro/evenimente/x/'>x</a>"),
    ],
)
def test_unknown_pages_and_garbage_give_nothing(url, html):
    assert extract(url, html) == Extraction()


def test_every_link_found_in_the_snapshot_exists_in_it(snapshot):
    urls = snapshot_urls(snapshot)
    assert len(urls) == 25
    followed = links_found(snapshot, extract, urls)
    missing = [link for link in followed if not snapshot.path_for(link).is_file()]
    assert missing == []
    # A crawl from the start URLs reaches every page of the snapshot.
    assert set(urls) == followed | set(ClusteroSpider.start_urls)


def test_start_urls_exist_in_the_snapshot(snapshot):
    for url in ClusteroSpider.start_urls:
        assert snapshot.path_for(url).is_file(), url


def test_robots_txt_allows_the_crawl(snapshot):
    from protego import Protego

    robots = Protego.parse((snapshot.root / "clustero.eu" / "robots.txt").read_text())
    for url in snapshot_urls(snapshot):
        assert robots.can_fetch(url, "clusterfeeds"), url
