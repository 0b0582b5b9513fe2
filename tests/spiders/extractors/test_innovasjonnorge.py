"""The innovasjonnorge extractor and spider against the bundled snapshot."""

import json

import pytest
import scrapy
from crawl_walk import reachable
from parsing import parsed, spider_of
from protego import Protego
from scrapy.http import HtmlResponse

from spiders.extractors.innovasjonnorge import ROUTER, extract
from spiders.extractors.page import Extraction
from spiders.innovasjonnorge import InnovasjonnorgeSpider
from tests.spiders.extractors.shared_tree import assert_reads_its_tree_as_its_html_and_leaves_it_whole

HOST = "www.innovasjonnorge.no"
SITE = f"https://{HOST}"
EVENTS = f"{SITE}/en/start-page/eea-norway-grants/events/"
CALLS = f"{SITE}/no/subsites/forside/utlysninger/"
NEWS = f"{SITE}/no/om/nyheter/"
CLUSTERS = f"{SITE}/tjeneste/norwegian-innovation-clusters"


def only_item(snapshot, url: str) -> dict:
    extraction = extract(url, snapshot.read(url))
    assert extraction.links == [] and extraction.next_page is None
    [item] = extraction.items
    return item


def snapshot_urls(snapshot) -> list[str]:
    """The URL of every page of the source in the snapshot."""
    return snapshot.pages(HOST)


def test_event_listing_pages(snapshot):
    first = extract(EVENTS, snapshot.read(EVENTS))
    assert first.items == []
    assert first.links == [
        EVENTS + slug + "/"
        for slug in (
            "webinar-green-industry-innovation-romania-how-to-apply",
            "norway-poland-cluster-days-2027",
            "blue-growth-matchmaking-gdansk-2027",
            "green-industry-innovation-bulgaria-closing-conference",
            "circular-economy-matchmaking-romania-norway",
        )
    ]
    assert first.next_page == EVENTS + "?page=2"
    second = extract(first.next_page, snapshot.read(first.next_page))
    assert second.links == [
        EVENTS + "romania-innovation-days-2026/",
        EVENTS + "business-innovation-clusters-in-norway-and-poland/",
    ]
    assert second.next_page is None


def test_call_and_news_listings(snapshot):
    first = extract(CALLS, snapshot.read(CALLS))
    assert first.links == [
        CALLS + slug + "/"
        for slug in (
            "klimavennlig-industri-2027",
            "gronn-plattform-2027",
            "reiselivsklynger-forprosjekt-2027",
            "baerekraftig-havbruk",
        )
    ]
    assert first.next_page == CALLS + "?page=2"
    second = extract(first.next_page, snapshot.read(first.next_page))
    # Older calls sit one folder down, in "forside---casepages", next to the others.
    assert second.links == [
        CALLS + "forside---casepages/utlysning-opptak-i-klyngeprogrammet-2026/",
        CALLS + "regional-omstilling-nordland-2025/",
        CALLS + "gronn-plattform-2021/",
    ]
    assert second.next_page is None
    news = extract(NEWS, snapshot.read(NEWS))
    assert news.links == [
        NEWS + "2026/gronn-plattform-2026-na-kan-du-sende-skisse/",
        NEWS + "2026/nye-klynger-tatt-opp-i-klyngeprogrammet/",
        NEWS + "2025/rekordmange-soknader-til-miljoteknologiordningen/",
    ]
    assert news.items == [] and news.next_page is None


def test_seed_event_takes_its_date_from_running_text(snapshot):
    url = EVENTS + "business-innovation-clusters-in-norway-and-poland/"
    item = only_item(snapshot, url)
    assert item == {
        "kind": "event",
        "url": url,
        "key": None,
        "title": "Business Innovation Clusters in Norway and Poland",
        "summary": "Norwegian and Polish business innovation clusters are invited to an event and "
        "matchmaking on cluster cooperation on 26 May 2021.",
        "language": "en",
        "location": None,
        "online": None,
        "start_text": "on 26 May 2021",
        "end_text": None,
        "deadline_texts": [],
        "opens_text": None,
        "published_text": None,
        "status_text": None,
        "tags": [],
        "external_id": None,
    }


@pytest.mark.parametrize(
    "slug, title, start, end, location, online, tags, published",
    [
        (
            "webinar-green-industry-innovation-romania-how-to-apply",
            "Webinar: How to apply – Green Industry Innovation Romania",
            "2026-12-09T10:00:00+01:00",
            "2026-12-09T11:30:00+01:00",
            None,
            True,
            ["Webinar", "Romania"],
            "Published 3 November 2026",
        ),
        (
            "norway-poland-cluster-days-2027",
            "Norway–Poland Cluster Days 2027",
            "4 February 2027, 10:00–15:30 CET",
            None,
            "Innovation Norway, Akersgata 13, Oslo",
            False,
            ["Conference", "Matchmaking", "Poland"],
            "Published 15 October 2026",
        ),
        (
            "blue-growth-matchmaking-gdansk-2027",
            "Blue Growth Matchmaking Poland–Norway in Gdańsk",
            "16–17 March 2027",
            None,
            "Polish Baltic Philharmonic, Olowianka 1, Gdańsk, Poland",
            False,
            ["Matchmaking", "Ocean industries", "Poland"],
            "Published 2 November 2026",
        ),
        (
            "green-industry-innovation-bulgaria-closing-conference",
            "Green Industry Innovation Bulgaria – closing conference",
            "21 April 2027",
            None,
            "Sofia Hotel Balkan, Sofia, Bulgaria",
            False,
            ["Conference", "Bulgaria"],
            "Published 9 September 2026",
        ),
        (
            "circular-economy-matchmaking-romania-norway",
            "Circular economy matchmaking Romania–Norway",
            "25 May 2027, 09:00–16:00 (Bucharest time)",
            None,
            "Hotel InterContinental, Bulevardul Nicolae Bălcescu 4, Bucharest, Romania",
            False,
            ["Matchmaking", "Romania"],
            "Published 20 October 2026",
        ),
        (
            "romania-innovation-days-2026",
            "Romania Innovation Days 2026",
            "14–15 October 2026",
            None,
            "Cluj Innovation Park, Cluj-Napoca, Romania",
            False,
            ["Conference", "Romania"],
            "Published 1 July 2026",
        ),
    ],
)
def test_event_pages(snapshot, slug, title, start, end, location, online, tags, published):
    item = only_item(snapshot, EVENTS + slug + "/")
    assert (item["kind"], item["title"], item["language"]) == ("event", title, "en")
    assert (item["start_text"], item["end_text"]) == (start, end)
    assert (item["location"], item["online"], item["tags"]) == (location, online, tags)
    assert item["published_text"] == published
    assert item["deadline_texts"] == [] and item["status_text"] is None


def test_registration_deadlines_and_related_events_do_not_leak(snapshot):
    item = only_item(snapshot, EVENTS + "norway-poland-cluster-days-2027/")
    page_text = json.dumps(item, ensure_ascii=False)
    # The registration deadline, the related events' teaser dates, the agenda and the footer.
    for other_date in (
        "28 January 2027",
        "09 Dec 2026",
        "16–17 Mar 2027",
        "21 Apr 2027",
        "May 2021",
        "10:30 – 11:15",
        "2026 Innovation Norway",
    ):
        assert other_date not in page_text


@pytest.mark.parametrize(
    "slug, title, status, deadlines, opens, published",
    [
        (
            "klimavennlig-industri-2027",
            "Utlysning: Klimavennlig industri 2027",
            None,
            ["Søknadsfrist: 3. februar 2027 kl. 12:00"],
            None,
            "2026-10-20",
        ),
        (
            "gronn-plattform-2027",
            "Grønn plattform 2027",
            None,
            [
                "Frist for skisse: 14. januar 2027 kl. 13:00",
                "Frist for fullstendig søknad: 22. april 2027 kl. 13:00",
            ],
            None,
            "2026-11-02",
        ),
        (
            "reiselivsklynger-forprosjekt-2027",
            "Utlysning: Forprosjekt for reiselivsklynger",
            None,
            ["Søknadsfrist: 1. mars 2027"],
            "Åpner for søknader: 1. desember 2026",
            "2026-11-10",
        ),
        (
            "baerekraftig-havbruk",
            "Utlysning: Bærekraftig havbruk 2026",
            "Utgått",
            ["Søknadsfristen var 30. september 2026 kl. 12:00."],
            None,
            "Publisert: 4. juni 2026",
        ),
        (
            "regional-omstilling-nordland-2025",
            "Program for regional omstilling – Nordland 2025",
            "Utgått",
            ["Søknadsfrist: 15. oktober 2025 kl. 23:59"],
            None,
            "Publisert: 18. august 2025",
        ),
        (
            "gronn-plattform-2021",
            "Grønn plattform 2021",
            "Utgått",
            [
                "Grønn plattform er et samarbeid mellom Forskningsrådet, Innovasjon Norge og Siva, og fristen "
                "for å sende inn prosjektsøknader er 10. september 2021."
            ],
            None,
            "Publisert: 15. juni 2021",
        ),
        (
            # An older call's folder, as the real site has them; no publication date.
            "forside---casepages/utlysning-opptak-i-klyngeprogrammet-2026",
            "Utlysning: opptak i klyngeprogrammet 2026",
            "Utgått",
            [
                "Norwegian Innovation Clusters tar i år opp nye klyngeprosjekter på nivåene Arena og "
                "Arena Pro, og søknadsfristen er 25. september 2026 kl. 12:00."
            ],
            None,
            None,
        ),
    ],
)
def test_call_pages(snapshot, slug, title, status, deadlines, opens, published):
    item = only_item(snapshot, CALLS + slug + "/")
    assert (item["kind"], item["title"], item["language"]) == ("call", title, "nb")
    assert item["status_text"] == status
    assert item["deadline_texts"] == deadlines
    assert item["opens_text"] == opens
    assert item["published_text"] == published
    assert item["start_text"] is None and item["location"] is None


def test_call_sidebar_and_body_repeats_do_not_leak(snapshot):
    item = only_item(snapshot, CALLS + "klimavennlig-industri-2027/")
    page_text = json.dumps(item, ensure_ascii=False)
    # Other calls' deadlines in the sidebar, the news teasers, the answer date in the body.
    for other_date in (
        "14. januar 2027",
        "1. desember 2026",
        "1. mars 2027",
        "15.10.2026",
        "utgangen av april",
    ):
        assert other_date not in page_text


def test_news_with_a_schedule_table_announces_a_call(snapshot):
    url = NEWS + "2026/gronn-plattform-2026-na-kan-du-sende-skisse/"
    extraction = extract(url, snapshot.read(url))
    assert extraction.links == [] and extraction.next_page is None
    news, call = extraction.items
    title = "Grønn plattform 2026: Nå kan du sende inn skisse"
    assert (news["kind"], news["title"], news["language"], news["key"]) == ("news", title, "nb", None)
    assert news["published_text"] == "2026-02-12T10:30:00+01:00"
    assert news["tags"] == ["Grønn plattform", "Klima og miljø"]
    assert news["deadline_texts"] == []
    assert (call["kind"], call["url"], call["title"], call["language"]) == ("call", url, title, "nb")
    assert call["key"] == "Tidsplan for Grønn plattform 2026"
    # One entry per deadline row; "Juni" and "Desember" rows are not deadlines.
    assert call["deadline_texts"] == ["15.05 Frist skisser", "01.09 Frist fullstendig søknad"]
    # The rows have no year: the pipeline takes it from the publication date.
    assert call["published_text"] == news["published_text"]


@pytest.mark.parametrize(
    "path, title, published, tags",
    [
        (
            "2026/nye-klynger-tatt-opp-i-klyngeprogrammet/",
            "Ni nye klynger tatt opp i klyngeprogrammet",
            "2026-10-15T08:00:00+02:00",
            ["Klynger"],
        ),
        (
            "2025/rekordmange-soknader-til-miljoteknologiordningen/",
            "Rekordmange søknader til miljøteknologiordningen",
            "Publisert: 3. desember 2025",
            ["Miljøteknologi"],
        ),
    ],
)
def test_plain_news_pages(snapshot, path, title, published, tags):
    # Deadlines mentioned in passing ("Neste søknadsfrist er midten av september 2027") make no call.
    item = only_item(snapshot, NEWS + path)
    assert (item["kind"], item["title"], item["language"]) == ("news", title, "nb")
    assert (item["published_text"], item["tags"]) == (published, tags)
    assert item["deadline_texts"] == [] and item["start_text"] is None


def test_cluster_programme_has_a_yearly_deadline(snapshot):
    item = only_item(snapshot, CLUSTERS)
    assert (item["kind"], item["url"], item["language"]) == ("call", CLUSTERS, "nb")
    assert item["title"] == "Klyngeprogrammet Norwegian Innovation Clusters"
    assert item["deadline_texts"] == [
        "Søknadsfrist er midten av september hvert år, og nye klynger annonseres én måned senere."
    ]
    # "Publisert :" stands there without a date; the photo caption's 2018 is no date of the call.
    assert item["published_text"] is None and item["opens_text"] is None and item["status_text"] is None
    assert "2018" not in json.dumps(item)


def test_service_page_without_a_deadline_is_no_item(snapshot):
    html = snapshot.read(CLUSTERS).replace(
        "Søknadsfrist er midten av september hvert år", "Nye klynger tas opp hvert år"
    )
    assert extract(f"{SITE}/tjeneste/klynger", html) == Extraction()


@pytest.mark.parametrize(
    "url, html",
    [
        (f"{SITE}/no/om/", "<html><body><main><article><h1>Om oss</h1></article></main></body></html>"),
        (EVENTS + "some-event/", "<html><body><p>Nothing here</p></body></html>"),
        (CALLS + "some-call/", "\x00\x01<<<not html at all>>"),
        (NEWS + "2026/some-news/", ""),
        (EVENTS, "<html><body>no main</body></html>"),
        (
            "https://www.siva.no/2024/06/some-call/",
            "<main><article><h1>Søknadsfrist: 21. juni 2024</h1></article></main>",
        ),
    ],
)
def test_unknown_pages_and_garbage_give_nothing(url, html):
    assert extract(url, html) == Extraction()


def test_a_page_from_another_host_gives_nothing(snapshot):
    url = CALLS + "klimavennlig-industri-2027/"
    assert extract(url.replace(HOST, "www.example.org"), snapshot.read(url)) == Extraction()


def test_every_extracted_link_is_in_the_snapshot(snapshot):
    urls = snapshot_urls(snapshot)
    assert len(urls) == 23
    for url in urls:
        extraction = extract(url, snapshot.read(url))
        for link in extraction.links + [extraction.next_page] * bool(extraction.next_page):
            assert snapshot.path_for(link).is_file(), f"{url} links to missing {link}"


def test_the_crawl_reaches_every_page_from_the_start_urls(snapshot):
    seen = reachable(snapshot, extract, InnovasjonnorgeSpider.start_urls)
    assert seen == set(snapshot_urls(snapshot))


def test_spider_start_urls_exist_and_robots_allow_them(snapshot):
    robots = Protego.parse((snapshot.root / HOST / "robots.txt").read_text(encoding="utf-8"))
    for url in InnovasjonnorgeSpider.start_urls:
        assert snapshot.path_for(url).is_file(), url
    for url in snapshot_urls(snapshot):
        assert robots.can_fetch(url, "clusterfeeds"), url


def test_spider_facts():
    spider = InnovasjonnorgeSpider
    assert (spider.name, spider.country, spider.timezone) == ("innovasjonnorge", "NO", "Europe/Oslo")
    assert spider.languages == ("en", "nb") and spider.kinds == ("event", "call", "news")
    assert spider.router is ROUTER


def test_spider_yields_the_items_with_their_source_and_follows_links(snapshot):
    spider = spider_of(InnovasjonnorgeSpider)
    listing = HtmlResponse(CALLS, body=snapshot.read(CALLS), encoding="utf-8")
    followed = [request.url for request in parsed(spider, listing)]
    extraction = extract(CALLS, snapshot.read(CALLS))
    assert followed == extraction.links + [extraction.next_page]
    page = HtmlResponse(CLUSTERS, body=snapshot.read(CLUSTERS), encoding="utf-8")
    [item] = parsed(spider, page)
    assert not isinstance(item, scrapy.Request)
    assert item == {**extract(CLUSTERS, snapshot.read(CLUSTERS)).items[0], "source": "innovasjonnorge"}


def test_a_parsed_tree_reads_as_its_html_and_is_left_unchanged(snapshot):
    for url in snapshot_urls(snapshot):
        assert_reads_its_tree_as_its_html_and_leaves_it_whole(extract, url, snapshot.read(url))


@pytest.mark.parametrize(
    "url", [NEWS + "2026/gronn-plattform-2026-na-kan-du-sende-skisse/", CALLS + "klimavennlig-industri-2027/"]
)
def test_an_article_is_never_noise_to_itself(snapshot, url):
    # A CMS may class the article itself with a noise word ("latest-news", "share-…").
    html = snapshot.read(url)
    renamed = html.replace(
        '<article class="article-page__main">', '<article class="article-page__main latest-news">'
    )
    assert renamed != html
    assert extract(url, renamed) == extract(url, html)


def test_cut_off_pages_and_broken_json_ld_never_raise(snapshot):
    for url in snapshot_urls(snapshot):
        html = snapshot.read(url)
        for broken in (html[: len(html) // 2], html.replace('"@context"', '"@context" ,,')):
            assert isinstance(extract(url, broken), Extraction)
    webinar = EVENTS + "webinar-green-industry-innovation-romania-how-to-apply/"
    html = snapshot.read(webinar).replace('"@type": "Event"', '"@type": "Event",,')
    # Without its JSON-LD the event falls back on the labelled date on the page.
    [item] = extract(webinar, html).items
    assert item["start_text"] == "9 December 2026, 10:00–11:30 CET" and item["end_text"] is None
    assert (item["online"], item["location"]) == (True, None)
