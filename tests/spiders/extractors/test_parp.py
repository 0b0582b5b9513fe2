"""The parp extractor and spider against the bundled snapshot."""

import json

import pytest
from crawl_walk import reachable
from protego import Protego

from spiders.extractors.page import Extraction
from spiders.extractors.parp import ROUTER, extract
from spiders.parp import ParpSpider
from tests.spiders.extractors.shared_tree import assert_reads_its_tree_as_its_html_and_leaves_it_whole

WWW, FENG = "www.parp.gov.pl", "feng.parp.gov.pl"
CALLS = f"https://{FENG}/component/grants/grants"
NEWS = f"https://{WWW}/aktualnosci"
EVENTS = f"https://{WWW}/wydarzenia"
EN_EVENTS = f"https://{WWW}/en/events"
ARTICLE = f"https://{WWW}/component/content/article/"


def only_item(snapshot, url: str) -> dict:
    extraction = extract(url, snapshot.read(url))
    assert extraction.links == [] and extraction.next_page is None and extraction.problems == []
    [item] = extraction.items
    return item


def snapshot_urls(snapshot) -> list[str]:
    """The URL of every page of the source in the snapshot, as the site links it
    (a listing's folder page without its trailing slash)."""
    return [url for host in (WWW, FENG) for url in snapshot.pages(host, folder_slash=False)]


def test_call_listing_pages(snapshot):
    first = extract(CALLS, snapshot.read(CALLS))
    assert first.items == []
    assert first.links == [
        f"{CALLS}/{slug}"
        for slug in (
            "sciezka-smart-msp-2026",
            "wzornictwo-w-msp-2026",
            "dostepnosc-plus-dla-przedsiebiorstw",
            "bony-na-innowacje-dla-msp-2027",
        )
    ]
    assert first.next_page == CALLS + "?start=4"
    second = extract(first.next_page, snapshot.read(first.next_page))
    assert second.links == [
        f"{CALLS}/internacjonalizacja-krajowych-klastrow-kluczowych-2026",
        f"{CALLS}/sciezka-smart",
    ]
    assert second.items == [] and second.next_page is None


def test_news_and_event_listings(snapshot):
    news = extract(NEWS, snapshot.read(NEWS))
    assert news.links == [
        ARTICLE + path
        for path in (
            "87312:parp-wydluza-nabor-w-dzialaniu-wzornictwo-w-msp",
            "87105:polski-produkt-przyszlosci-2026-zgloszenia",
            "84820:kongres-innowacyjnej-gospodarki-2024-zapraszamy",
        )
    ]
    assert news.next_page == NEWS + "?start=3"
    older = extract(news.next_page, snapshot.read(news.next_page))
    assert older.links == [
        ARTICLE + "83942:pierwszy-dzien-naboru-w-sciezce-smart",
        ARTICLE + "59213:bony-na-innowacje-dla-msp-rusza-nabor",
    ]
    assert older.next_page is None
    events = extract(EVENTS, snapshot.read(EVENTS))
    # The sidebar's latest news and upcoming events are not the listing's links.
    assert events.links == [
        f"{EVENTS}/{slug}"
        for slug in (
            "forum-klastrow-polskich-2026",
            "webinarium-jak-przygotowac-wniosek-w-sciezce-smart",
            "kongres-innowacyjnej-gospodarki-2027",
        )
    ]
    assert events.next_page == EVENTS + "?start=3"
    past = extract(events.next_page, snapshot.read(events.next_page))
    assert past.links == [f"{EVENTS}/spotkanie-informacyjne-bony-na-innowacje"]
    assert past.items == [] and past.next_page is None


@pytest.mark.parametrize(
    "slug, title, status, published, opens, deadlines, number",
    [
        (
            "sciezka-smart-msp-2026",
            "Ścieżka SMART – MŚP",
            "Nabór trwa",
            "14 października 2026 Ogłoszenie konkursu",
            "3 listopada 2026 Start składania wniosków",
            ["17 grudnia 2026, godz. 16:00 Koniec przyjmowania wniosków"],
            "FENG.01.01-IP.02-005/26",
        ),
        (
            "wzornictwo-w-msp-2026",
            "Wzornictwo w MŚP",
            "Nabór trwa",
            "30 września 2026 Ogłoszenie konkursu",
            "20 października 2026 Start składania wniosków",
            # The old date and the extension stay together: the date engine picks the new one.
            [
                "27 listopada 2026 Koniec przyjmowania wniosków Termin wydłużony do 11 grudnia 2026 r., "
                "do godz. 16:00"
            ],
            "FENG.02.25-IP.02-002/26",
        ),
        (
            "dostepnosc-plus-dla-przedsiebiorstw",
            "Dostępność Plus dla przedsiębiorstw",
            "Nabór trwa",
            "28 października 2026 Ogłoszenie konkursu",
            "9 listopada 2026 Start składania wniosków",
            [
                "15 grudnia 2026 Koniec przyjmowania wniosków – I runda",
                "16 marca 2027 Koniec przyjmowania wniosków – II runda",
            ],
            "FENG.02.24-IP.02-001/26",
        ),
        (
            "bony-na-innowacje-dla-msp-2027",
            "Bony na innowacje dla MŚP",
            "Nabór planowany",
            None,
            "2 lutego 2027 Planowany start składania wniosków",
            ["30 marca 2027 Planowany koniec przyjmowania wniosków"],
            "FENG.02.23-IP.02-003/27",
        ),
        (
            "internacjonalizacja-krajowych-klastrow-kluczowych-2026",
            "Internacjonalizacja Krajowych Klastrów Kluczowych",
            "Nabór został zakończony",
            "3 czerwca 2026 Ogłoszenie konkursu",
            "1 lipca 2026 Start składania wniosków",
            ["15 października 2026 Koniec przyjmowania wniosków"],
            "FENG.02.26-IP.02-001/26",
        ),
        (
            "sciezka-smart",
            "Ścieżka SMART",
            "Nabór został zakończony",
            "25 kwietnia 2023 Ogłoszenie konkursu",
            "30 maja 2023 Start składania wniosków",
            ["29 września 2023 Koniec przyjmowania wniosków"],
            "FENG.01.01-IP.01-001/23",
        ),
    ],
)
def test_call_cards(snapshot, slug, title, status, published, opens, deadlines, number):
    url = f"{CALLS}/{slug}"
    item = only_item(snapshot, url)
    assert (item["kind"], item["url"], item["title"], item["language"]) == ("call", url, title, "pl")
    assert item["status_text"] == status
    assert item["published_text"] == published
    assert (item["opens_text"], item["deadline_texts"]) == (opens, deadlines)
    assert item["external_id"] == number
    assert item["start_text"] is None and item["location"] is None and item["key"] is None


def test_call_card_sidebar_and_body_dates_do_not_leak(snapshot):
    item = only_item(snapshot, f"{CALLS}/sciezka-smart-msp-2026")
    page_text = json.dumps(item, ensure_ascii=False)
    # The planned decision date, the project end date, other calls' teasers and the news teasers.
    for other_date in (
        "marzec 2027",
        "31 grudnia 2029",
        "09.11.2026",
        "02.02.2027",
        "12 listopada 2026",
        "Nabór planowany",
        "2026 Polska Agencja",
    ):
        assert other_date not in page_text
    # The site-wide announcement bar names another call's deadline.
    extended = only_item(snapshot, f"{CALLS}/wzornictwo-w-msp-2026")
    assert "17 grudnia" not in json.dumps(extended, ensure_ascii=False)
    closed = json.dumps(only_item(snapshot, f"{CALLS}/sciezka-smart"), ensure_ascii=False)
    assert "31 sierpnia 2023" not in closed  # the original deadline, told in the description


@pytest.mark.parametrize(
    "slug, title, start, end, location, online, published, tags",
    [
        (
            "forum-klastrow-polskich-2026",
            "Forum Klastrów Polskich 2026",
            "2026-12-03T10:00:00+01:00",
            "2026-12-03T14:00:00+01:00",
            "Warszawa, ul. Pańska 81/83",
            False,
            "21 października 2026 r.",
            ["Klastry", "Konferencja"],
        ),
        (
            "webinarium-jak-przygotowac-wniosek-w-sciezce-smart",
            "Webinarium: jak przygotować wniosek w Ścieżce SMART",
            "Termin: 14 stycznia 2027 r., godz. 11:00–12:30",
            None,
            None,
            True,
            None,
            ["Webinarium", "FENG"],
        ),
        (
            "kongres-innowacyjnej-gospodarki-2027",
            "Kongres Innowacyjnej Gospodarki 2027",
            "Termin: 12–13 kwietnia 2027 r.",
            None,
            "Kraków, ICE Kraków Congress Centre, ul. Marii Konopnickiej 17",
            False,
            "5 listopada 2026 r.",
            ["Kongres", "Innowacje"],
        ),
        (
            "spotkanie-informacyjne-bony-na-innowacje",
            "Spotkanie informacyjne: Bony na innowacje dla MŚP",
            "2026-10-22T09:30:00+02:00",
            "2026-10-22T13:00:00+02:00",
            None,
            True,
            "6 października 2026 r.",
            ["Spotkanie informacyjne", "FENG"],
        ),
    ],
)
def test_event_pages(snapshot, slug, title, start, end, location, online, published, tags):
    url = f"{EVENTS}/{slug}"
    item = only_item(snapshot, url)
    assert (item["kind"], item["url"], item["title"], item["language"]) == ("event", url, title, "pl")
    assert (item["start_text"], item["end_text"]) == (start, end)
    assert (item["location"], item["online"]) == (location, online)
    assert (item["published_text"], item["tags"]) == (published, tags)
    assert item["deadline_texts"] == [] and item["status_text"] is None


def test_english_events(snapshot):
    listing = extract(EN_EVENTS, snapshot.read(EN_EVENTS))
    brussels, hannover = (
        f"{EN_EVENTS}/polish-cluster-day-brussels-2027",
        f"{EN_EVENTS}/polish-pavilion-hannover-messe-2027",
    )
    assert (listing.items, listing.links, listing.next_page) == ([], [brussels, hannover], None)
    item = only_item(snapshot, brussels)
    assert (item["kind"], item["language"]) == ("event", "en")
    assert item["title"] == "Polish Cluster Day in Brussels"
    assert (item["start_text"], item["end_text"]) == ("Date: 16 March 2027, 9:30–16:00 CET", None)
    assert item["location"] == (
        "Permanent Representation of the Republic of Poland to the EU, Avenue de Tervueren 282-286, Brussels"
    )
    assert (item["online"], item["published_text"]) == (False, "2 November 2026")
    # The registration deadline and the previous edition's date stay out.
    assert "February" not in json.dumps(item) and "2024" not in json.dumps(item)
    item = only_item(snapshot, hannover)
    assert (item["title"], item["start_text"], item["language"]) == (
        "Polish national pavilion at Hannover Messe 2027",
        "Date: 12–16 April 2027",
        "en",
    )
    assert item["location"] == "Hannover Exhibition Grounds, Hall 17, Hannover, Germany"
    assert "15 December 2026" not in json.dumps(item)


def test_json_ld_of_unexpected_shape_falls_back_to_the_page_fields(snapshot):
    url = f"{EVENTS}/forum-klastrow-polskich-2026"
    html = snapshot.read(url).replace(
        '"startDate": "2026-12-03T10:00:00+01:00"', '"startDate": ["2026-12-03"]'
    )
    html = html.replace(
        '"eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode"', '"eventAttendanceMode": 1'
    )
    [item] = extract(url, html).items
    assert (item["start_text"], item["end_text"]) == ("Termin: 3 grudnia 2026 r., godz. 10:00–14:00", None)
    assert (item["location"], item["online"]) == ("Warszawa, ul. Pańska 81/83", False)


def test_event_registration_and_sidebar_dates_do_not_leak(snapshot):
    for slug, other_dates in (
        ("forum-klastrow-polskich-2026", ("30 listopada 2026", "10:30–11:45", "14.01.2027", "12.11.2026")),
        ("webinarium-jak-przygotowac-wniosek-w-sciezce-smart", ("12 stycznia 2027", "22 października")),
        ("kongres-innowacyjnej-gospodarki-2027", ("1 lutego 2027", "czerwca 2024", "03.12.2026")),
    ):
        page_text = json.dumps(only_item(snapshot, f"{EVENTS}/{slug}"), ensure_ascii=False)
        for other_date in other_dates:
            assert other_date not in page_text, (slug, other_date)


def test_pages_that_lost_their_dates_are_reported(snapshot):
    url = f"{CALLS}/sciezka-smart-msp-2026"
    html = snapshot.read(url).replace("Koniec przyjmowania wniosków", "Zamknięcie")
    extraction = extract(url, html)
    assert [item["deadline_texts"] for item in extraction.items] == [[]]
    assert [field for field, _ in extraction.problems] == ["deadline_texts"]
    url = f"{EVENTS}/kongres-innowacyjnej-gospodarki-2027"
    html = snapshot.read(url).replace("<strong>Termin:</strong>", "<strong>Kiedy?</strong>")
    extraction = extract(url, html)
    assert [item["start_text"] for item in extraction.items] == [None]
    assert [field for field, _ in extraction.problems] == ["start_text"]


def test_a_title_prefix_is_the_event_status(snapshot):
    url = f"{EVENTS}/kongres-innowacyjnej-gospodarki-2027"
    html = snapshot.read(url).replace(
        '<h1 itemprop="headline">Kongres', '<h1 itemprop="headline">ODWOŁANE: Kongres'
    )
    [item] = extract(url, html).items
    assert (item["title"], item["status_text"]) == ("Kongres Innowacyjnej Gospodarki 2027", "ODWOŁANE")


def announced(snapshot, path: str) -> tuple[dict, list[dict]]:
    extraction = extract(ARTICLE + path, snapshot.read(ARTICLE + path))
    assert extraction.links == [] and extraction.next_page is None
    news, *others = extraction.items
    assert (news["kind"], news["url"], news["language"]) == ("news", ARTICLE + path, "pl")
    assert news["deadline_texts"] == [] and news["start_text"] is None
    for other in others:
        assert (other["url"], other["title"], other["published_text"]) == (
            news["url"],
            news["title"],
            news["published_text"],
        )
    return news, others


def test_news_announcing_a_call_window(snapshot):
    news, [call] = announced(snapshot, "59213:bony-na-innowacje-dla-msp-rusza-nabor")
    assert (news["title"], news["published_text"]) == (
        "Bony na innowacje dla MŚP – rusza nabór",
        "29 października 2020",
    )
    assert news["tags"] == ["POIR", "Bony na innowacje"]
    assert call["kind"] == "call"
    assert call["opens_text"] == "od 30.10.2020 r."
    assert call["deadline_texts"] == ["do 11.03.2021 r., do godz. 16:00"]


def test_news_extending_a_deadline_keeps_both_dates(snapshot):
    news, [call] = announced(snapshot, "87312:parp-wydluza-nabor-w-dzialaniu-wzornictwo-w-msp")
    assert news["published_text"] == "10 listopada 2026"
    assert call["deadline_texts"] == [
        "Termin przyjmowania wniosków, pierwotnie wyznaczony na 27 listopada 2026 r., "
        "PARP wydłuża do 11 grudnia 2026 r. do godz. 16:00."
    ]
    assert call["opens_text"] is None
    # The webinar recording's date and the sidebar's teasers are no deadlines.
    assert "22 października" not in json.dumps([news, call], ensure_ascii=False)


def test_news_with_a_this_year_deadline(snapshot):
    news, [call] = announced(snapshot, "87105:polski-produkt-przyszlosci-2026-zgloszenia")
    # "br." has no year: the pipeline takes it from the publication date.
    assert news["published_text"] == "28 września 2026"
    assert call["deadline_texts"] == ["Zgłoszenia przyjmujemy do 13 października br."]
    assert "grudniu 2025" not in json.dumps(call, ensure_ascii=False)


def test_news_announcing_an_event(snapshot):
    news, [event] = announced(snapshot, "84820:kongres-innowacyjnej-gospodarki-2024-zapraszamy")
    assert news["published_text"] == "20 maja 2024"
    assert event["kind"] == "event"
    assert event["start_text"] == "odbędzie się w dniach 13 i 14 czerwca 2024 r."
    # The registration deadline makes no call, and no date of it joins the event.
    assert "7 czerwca" not in json.dumps(event, ensure_ascii=False)


def test_plain_news(snapshot):
    news, others = announced(snapshot, "83942:pierwszy-dzien-naboru-w-sciezce-smart")
    assert others == []
    assert (news["title"], news["published_text"]) == (
        "Pierwszy dzień naboru w Ścieżce SMART za nami",
        "31 maja 2023",
    )
    assert news["tags"] == ["FENG", "Ścieżka SMART"]


@pytest.mark.parametrize(
    "url, html",
    [
        (
            f"https://{WWW}/component/site/site/o-parp",
            "<html><body><main><h1>O PARP</h1></main></body></html>",
        ),
        (f"{EVENTS}/some-event", "<html><body><p>Nothing here</p></body></html>"),
        (f"{CALLS}/some-call", "\x00\x01<<<not html at all>>"),
        (ARTICLE + "1:some-news", ""),
        (CALLS, "<html><body>no main</body></html>"),
        (
            "https://www.example.org/component/grants/grants/x",
            "<main><h1>Koniec przyjmowania wniosków 1 maja 2027</h1></main>",
        ),
    ],
)
def test_unknown_pages_and_garbage_give_nothing(url, html):
    assert extract(url, html) == Extraction()


def test_timeline_steps_are_the_smallest_blocks_outside_menus_and_sidebars():
    html = """<html lang="pl"><body><nav><p>Koniec przyjmowania wniosków 1 stycznia 2020</p></nav>
      <main><h1>Nabór testowy</h1><div class="harmonogram"><div>
      <p>Ogłoszenie naboru: <b>2 lutego 2027</b></p>
      <p><span>Koniec przyjmowania wniosków:</span> <b>30 kwietnia 2027 r.</b> do godz. 16:00</p></div></div>
      <aside><p>Koniec przyjmowania wniosków 5 maja 2027</p></aside></main></body></html>"""
    [item] = extract(f"{CALLS}/nabor-testowy", html).items
    assert item["deadline_texts"] == ["Koniec przyjmowania wniosków: 30 kwietnia 2027 r. do godz. 16:00"]
    assert item["published_text"] == "Ogłoszenie naboru: 2 lutego 2027" and item["opens_text"] is None


def test_a_parsed_tree_reads_as_its_html_and_is_left_unchanged(snapshot):
    for url in snapshot_urls(snapshot):
        assert_reads_its_tree_as_its_html_and_leaves_it_whole(extract, url, snapshot.read(url))


def test_truncated_pages_never_raise(snapshot):
    for url in snapshot_urls(snapshot):
        html = snapshot.read(url)
        for cut in range(0, len(html), 1500):
            assert isinstance(extract(url, html[:cut]), Extraction)


def test_every_extracted_link_is_in_the_snapshot(snapshot):
    urls = snapshot_urls(snapshot)
    assert len(urls) == 24
    for url in urls:
        extraction = extract(url, snapshot.read(url))
        for link in extraction.links + [extraction.next_page] * bool(extraction.next_page):
            assert snapshot.path_for(link).is_file(), f"{url} links to missing {link}"


def test_the_crawl_reaches_every_page_from_the_start_urls(snapshot):
    seen = reachable(snapshot, extract, ParpSpider.start_urls)
    assert seen == set(snapshot_urls(snapshot))


def test_spider_start_urls_exist_and_robots_allow_them(snapshot):
    robots = {
        host: Protego.parse((snapshot.root / host / "robots.txt").read_text(encoding="utf-8"))
        for host in (WWW, FENG)
    }
    for url in ParpSpider.start_urls:
        assert snapshot.path_for(url).is_file(), url
    for url in snapshot_urls(snapshot):
        host = url.split("/")[2]
        assert robots[host].can_fetch(url, "clusterfeeds"), url


def test_spider_facts():
    spider = ParpSpider
    assert (spider.name, spider.country, spider.timezone) == ("parp", "PL", "Europe/Warsaw")
    assert spider.languages == ("pl", "en") and spider.kinds == ("event", "call", "news")
    assert spider.router is ROUTER
    assert set(spider.allowed_domains) >= {WWW, FENG}
