"""The mita extractor and spider against the bundled snapshot."""

import json

import pytest
from crawl_walk import reachable
from protego import Protego

from spiders.extractors.mita import ROUTER, extract
from spiders.extractors.page import Extraction
from spiders.mita import MitaSpider
from tests.spiders.extractors.shared_tree import assert_reads_its_tree_as_its_html_and_leaves_it_whole

LRV = "https://mita.lrv.lt"
IA = "https://inovacijuagentura.lt"
ESF = "https://2021.esinvesticijos.lt"
HOSTS = (
    "mita.lrv.lt",
    "inovacijuagentura.lt",
    "www.inovacijuagentura.lt",
    "2021.esinvesticijos.lt",
    "www.esinvesticijos.lt",
)
EN_NEWS = f"{LRV}/en/news"
BALTIC_2019 = f"{EN_NEWS}/baltic-cluster-forum-2019-was-selected-to-take-part-in-eu-cluster-weeks"
IA_CALLS = f"{IA}/lt/kvietimai/"
IA_NEWS = f"{IA}/lt/naujienos/"
FORUM_2027 = IA_NEWS + "baltijos-klasteriu-forumas-2027-kviecia-registruotis/"
ESF_CALLS = f"{ESF}/kvietimai?institucija=inovaciju-agentura"


def only_items(snapshot, url: str) -> list[dict]:
    extraction = extract(url, snapshot.read(url))
    assert extraction.links == [] and extraction.next_page is None and extraction.problems == []
    return extraction.items


def snapshot_urls(snapshot) -> list[str]:
    """The URL of every page of the source in the snapshot."""
    return [url for host in HOSTS for url in snapshot.pages(host)]


def test_english_news_listing_pages(snapshot):
    first = extract(EN_NEWS, snapshot.read(EN_NEWS))
    assert first.items == []
    assert first.links == [
        f"{EN_NEWS}/{slug}"
        for slug in (
            "excellent-start-for-the-new-baltic-sea-region-cluster-manager-education-program",
            "lithuanian-cluster-survey-revealed-changing-directions-of-cluster-activities",
            "cluster-infoday-discussed-the-new-directions-of-cluster-transformation",
            "cluster-toolas-promising-potential-market-and-collaboration-opportunities-with-taiwan",
        )
    ]
    assert first.next_page == f"{EN_NEWS}?page=2"
    second = extract(first.next_page, snapshot.read(first.next_page))
    assert (second.links, second.next_page) == ([BALTIC_2019], None)


def test_other_listings(snapshot):
    calls = extract(IA_CALLS, snapshot.read(IA_CALLS))
    assert calls.links == [
        IA_CALLS + slug + "/"
        for slug in (
            "intelektas-lt-mokslo-ir-verslo-bendradarbiavimas",
            "eurostars-3-kvietimas-2027",
            "klasteriu-pletros-paslaugos-inoklaster",
        )
    ]
    assert calls.next_page == IA_CALLS + "page/2/"
    calls_2 = extract(calls.next_page, snapshot.read(calls.next_page))
    assert calls_2.links == [IA_CALLS + "inocekiai-lt-2027/", IA_CALLS + "inovaciju-paramos-paslaugos-2026/"]
    assert calls_2.next_page is None
    news = extract(IA_NEWS, snapshot.read(IA_NEWS))
    assert news.links == [
        FORUM_2027,
        IA_NEWS + "atvertas-kvietimas-inocekiai-lt-2027/",
        IA_NEWS + "inovaciju-savaite-2026-daugiau-nei-3000-dalyviu/",
    ]
    assert news.next_page == IA_NEWS + "page/2/"
    # The agency's own English news path, on its www host, as the real site has it.
    news_2 = extract(news.next_page, snapshot.read(news.next_page))
    assert news_2.links == [
        "https://www.inovacijuagentura.lt/en/naujiena/clusters-invited-to-join-baltic-sea-cluster-partnerships/",
        IA_NEWS + "paskelbti-klasteriu-ekspertizes-rezultatai/",
    ]
    esf = extract(ESF_CALLS, snapshot.read(ESF_CALLS))
    assert esf.links == [
        f"{ESF}/kvietimai/klasteriu-tarptautiskumo-skatinimas-inoklaster-lt-ii",
        f"{ESF}/kvietimai/eksperimentine-pletra-eksperimentas-2027",
    ]
    assert esf.next_page == ESF_CALLS + "&page=2"
    # The portal links cards on its www host too: the same card, followed the same way.
    esf_2 = extract(esf.next_page, snapshot.read(esf.next_page))
    assert esf_2.links == [
        "https://www.esinvesticijos.lt/kvietimai/inoklaster",
        f"{ESF}/kvietimai/inovaciju-diegimas-pramoneje-inogeb-lt",
    ]
    skelbimai = extract(f"{LRV}/lt/skelbimai", snapshot.read(f"{LRV}/lt/skelbimai"))
    assert skelbimai.links == [
        f"{LRV}/lt/skelbimai/kvietimas-teikti-paraiskas-pagal-priemone-{slug}"
        for slug in ("intelektas-bendri-mokslo-verslo-projektai", "inocekiai-lt-2020")
    ]
    assert skelbimai.next_page is None and skelbimai.items == []


def test_seed_news_announces_the_baltic_cluster_forum(snapshot):
    news, event = only_items(snapshot, BALTIC_2019)
    title = "Baltic Cluster Forum 2019 was selected to take part in EU Cluster Weeks"
    summary = (
        "The second conference & matchmaking event the BALTIC CLUSTER FORUM 2019 will be officially "
        "included in EU Cluster Weeks schedule and will take place in Lithuania on March 19th. "
        "Lithuanian Agency for Science, Innovation and Technology (MITA) invites all parties who are "
        "interested in creating international partnerships with clusters and companies in the Baltic "
        "region to save the date and attend the event."
    )
    common = {
        "url": BALTIC_2019,
        "key": None,
        "title": title,
        "summary": summary,
        "language": "en",
        "published_text": "January 15 d., 2019",
        "end_text": None,
        "deadline_texts": [],
        "opens_text": None,
        "status_text": None,
        "external_id": None,
        "online": None,
    }
    assert news == {**common, "kind": "news", "location": None, "start_text": None, "tags": []}
    # The year of "March 19th" comes from the publication date.
    assert event == {
        **common,
        "kind": "event",
        "location": "Lithuania",
        "start_text": "will take place in Lithuania on March 19th",
        "tags": [],
    }
    # The "Other news" teasers and the sidebar under the article are other items.
    assert "2020" not in json.dumps([news, event])


@pytest.mark.parametrize(
    "url, title, published, start, location, tags",
    [
        (
            FORUM_2027,
            "Baltijos klasterių forumas 2027 kviečia registruotis",
            "2026-11-10T09:15:00+02:00",
            "vyks 2027 m. vasario 12 d. 10 val.",
            "LITEXPO, Laisvės pr. 5, Vilnius",
            ["Renginiai", "Klasteriai"],
        ),
        (
            f"{LRV}/lt/naujienos/kvieciame-i-informacini-rengini-inoceku-lt-pareiskejams",
            "Kviečiame į informacinį renginį „Inočekių LT“ pareiškėjams",
            "Data 2019 08 28",
            "vyks 2019 m. rugsėjo 12 d. 10 val.",
            "MITA, A. Goštauto g. 12, Vilnius (3 aukštas)",
            [],
        ),
    ],
)
def test_lithuanian_news_announcing_an_event(snapshot, url, title, published, start, location, tags):
    news, event = only_items(snapshot, url)
    assert (news["kind"], news["title"], news["language"]) == ("news", title, "lt")
    assert (news["published_text"], news["tags"], news["start_text"]) == (published, tags, None)
    assert (event["kind"], event["url"], event["title"], event["language"]) == ("event", url, title, "lt")
    assert (event["start_text"], event["end_text"], event["location"]) == (start, None, location)
    assert event["published_text"] == published and event["online"] is None


def test_event_news_registration_and_last_year_do_not_leak(snapshot):
    page_text = json.dumps(only_items(snapshot, FORUM_2027), ensure_ascii=False)
    # Registration deadline, last year's forum, the sidebar's upcoming events, related news, footer.
    for other_date in (
        "vasario 5 d.",
        "2026 m. vasario 10 d.",
        "2026-12-03",
        "2027-01-20",
        "2026-10-20",
        "© 2026",
    ):
        assert other_date not in page_text


@pytest.mark.parametrize(
    "url, title, published, tags",
    [
        (
            IA_NEWS + "atvertas-kvietimas-inocekiai-lt-2027/",
            "Atvertas kvietimas „Inočekiai LT 2027“",
            "2026-10-20T13:40:00+03:00",
            ["Finansavimas"],
        ),
        # "Renginys vyko …": a past event reported, not announced.
        (
            IA_NEWS + "inovaciju-savaite-2026-daugiau-nei-3000-dalyviu/",
            "Inovacijų savaitė 2026: daugiau nei 3000 dalyvių",
            "2026-10-19T16:05:00+03:00",
            ["Renginiai"],
        ),
        (
            IA_NEWS + "paskelbti-klasteriu-ekspertizes-rezultatai/",
            "Paskelbti klasterių ekspertizės rezultatai",
            "2026-09-08T10:00:00+03:00",
            ["Klasteriai"],
        ),
        (
            f"{LRV}/lt/naujienos/lietuvos-klasteriai-pristate-veikla-baltijos-juros-regiono-klasteriu-forume",
            "Lietuvos klasteriai pristatė savo veiklą Baltijos jūros regiono klasterių forume",
            "Data 2019 08 23",
            [],
        ),
        (
            f"{EN_NEWS}/cluster-toolas-promising-potential-market-and-collaboration-opportunities-with-taiwan",
            "Cluster TOOLAS: promising potential market and collaboration opportunities with Taiwan",
            "2020 08 10",
            [],
        ),
        (
            f"{EN_NEWS}/excellent-start-for-the-new-baltic-sea-region-cluster-manager-education-program",
            "Excellent start for the new Baltic Sea Region Cluster Manager Education program",
            "2020 10 02",
            [],
        ),
    ],
)
def test_plain_news_pages(snapshot, url, title, published, tags):
    [item] = only_items(snapshot, url)
    assert (item["kind"], item["title"], item["published_text"], item["tags"]) == (
        "news",
        title,
        published,
        tags,
    )
    assert item["language"] == ("en" if "/en/" in url else "lt")
    assert item["deadline_texts"] == [] and item["start_text"] is None


@pytest.mark.parametrize(
    "url, title, status, deadlines, opens, published, code",
    [
        (
            f"{LRV}/lt/skelbimai/kvietimas-teikti-paraiskas-pagal-priemone-inocekiai-lt-2020",
            "Kvietimas teikti paraiškas pagal priemonę „Inočekiai LT“",
            None,
            ["Galioja iki 2020-03-04"],
            None,
            "Data 2020 01 20",
            None,
        ),
        (
            f"{LRV}/lt/skelbimai/kvietimas-teikti-paraiskas-pagal-priemone-intelektas-bendri-mokslo-verslo-projektai",
            "Kvietimas teikti paraiškas pagal priemonę „Intelektas. Bendri mokslo–verslo projektai“",
            "PRATĘSTAS TERMINAS",
            ["Galioja iki 2020-05-04"],
            None,
            "Data 2020 03 02",
            None,
        ),
        (
            IA_CALLS + "intelektas-lt-mokslo-ir-verslo-bendradarbiavimas/",
            "Kvietimas „Intelektas LT“: mokslo ir verslo bendradarbiavimo projektai",
            "Aktyvus",
            [
                "Paraiškų priėmimo pabaiga: 2026 m. gruodžio 4 d. 12 val. "
                "Terminas pratęsiamas iki 2026 m. gruodžio 18 d. 12 val."
            ],
            "Paraiškų priėmimo pradžia: 2026 m. spalio 12 d.",
            "Paskelbta 2026-10-06",
            None,
        ),
        (
            IA_CALLS + "eurostars-3-kvietimas-2027/",
            "Eurostars-3: tarptautinių MTEP projektų kvietimas 2027",
            "Aktyvus",
            [
                "Paraiškų pateikimo terminas (I etapas): 2027 m. kovo 11 d. 14 val. (Briuselio laiku)",
                "Paraiškų pateikimo terminas (II etapas): 2027 m. rugsėjo 16 d. 14 val. (Briuselio laiku)",
            ],
            None,
            "Paskelbta 2026-10-28",
            None,
        ),
        (
            IA_CALLS + "klasteriu-pletros-paslaugos-inoklaster/",
            "Klasterių plėtros paslaugos „InoKlaster“",
            "Planuojamas",
            ["Paraiškų priėmimo pabaiga: 2027 m. kovo 15 d. 16 val."],
            "Paraiškų priėmimo pradžia: 2026 m. gruodžio 1 d.",
            "Paskelbta 2026-11-09",
            None,
        ),
        (
            IA_CALLS + "inocekiai-lt-2027/",
            "Inočekiai LT 2027",
            "Aktyvus",
            ["Paraiškos priimamos iki 2027 m. sausio 29 d. 16 val."],
            None,
            "Paskelbta 2026-10-20",
            None,
        ),
        (
            IA_CALLS + "inovaciju-paramos-paslaugos-2026/",
            "Inovacijų paramos paslaugos MTEP projektams 2026",
            "Baigtas",
            ["Paraiškų priėmimo pabaiga: 2026 m. spalio 15 d. 16 val."],
            "Paraiškų priėmimo pradžia: 2026 m. rugpjūčio 3 d.",
            "Paskelbta 2026-07-14",
            None,
        ),
        (
            f"{ESF}/kvietimai/klasteriu-tarptautiskumo-skatinimas-inoklaster-lt-ii",
            "Klasterių tarptautiškumo skatinimas (InoKlaster LT II)",
            "Aktyvus",
            ["Teikiama iki 2027-01-15 17:00"],
            "Teikiama nuo 2026-10-12 08:00",
            "Paskelbta 2026-10-05",
            "05-001-01-05-07",
        ),
        (
            f"{ESF}/kvietimai/eksperimentine-pletra-eksperimentas-2027",
            "Eksperimentinės plėtros projektai (Eksperimentas 2027)",
            "Planuojamas",
            ["Teikiama iki 2027-04-30 17:00"],
            "Teikiama nuo 2027-02-01 08:00",
            "Paskelbta 2026-11-13",
            "05-001-01-05-11",
        ),
        (
            f"{ESF}/kvietimai/inovaciju-diegimas-pramoneje-inogeb-lt",
            "Inovacijų diegimas pramonėje (InoGeb LT)",
            "Pasibaigęs",
            ["Teikiama iki 2025-02-28 17:00"],
            "Teikiama nuo 2025-01-20 08:00",
            "Paskelbta 2024-12-18",
            "05-001-01-05-02",
        ),
        (
            # The portal's www host, the status glued to the title and the deadline, as it writes them.
            "https://www.esinvesticijos.lt/kvietimai/inoklaster",
            "INOKLASTER",
            "Pasibaigęs",
            ["Teikiama iki 2026-05-29 17:00"],
            "Teikiama nuo 2026-03-02 08:00",
            None,
            "05-001-01-05-04",
        ),
    ],
)
def test_call_pages(snapshot, url, title, status, deadlines, opens, published, code):
    [item] = only_items(snapshot, url)
    assert (item["kind"], item["url"], item["title"], item["language"]) == ("call", url, title, "lt")
    assert item["status_text"] == status
    assert item["deadline_texts"] == deadlines
    assert item["opens_text"] == opens
    assert item["published_text"] == published
    assert item["external_id"] == code
    assert item["start_text"] is None and item["location"] is None and item["tags"] == []


def test_call_pages_keep_other_dates_out(snapshot):
    intelektas = only_items(snapshot, IA_CALLS + "intelektas-lt-mokslo-ir-verslo-bendradarbiavimas/")
    page_text = json.dumps(intelektas, ensure_ascii=False)
    # The update note, the question deadline, the other calls' cards in "Kiti kvietimai".
    for other_date in ("2026-11-12", "gruodžio 11 d.", "2027-03-11", "2026-12-01", "2027-01-29"):
        assert other_date not in page_text
    inogeb = only_items(snapshot, f"{ESF}/kvietimai/inovaciju-diegimas-pramoneje-inogeb-lt")
    # The question deadline and the footer's data refresh time.
    assert "2025-02-21" not in json.dumps(inogeb) and "06:00" not in json.dumps(inogeb)
    skelbimas = only_items(
        snapshot, f"{LRV}/lt/skelbimai/kvietimas-teikti-paraiskas-pagal-priemone-inocekiai-lt-2020"
    )
    # The info day in the body and the sidebar's 2022 news are no dates of the call.
    assert "vasario 5 d." not in json.dumps(skelbimas, ensure_ascii=False)
    assert "2022" not in json.dumps(skelbimas)


def test_a_call_page_without_deadline_reports_it(snapshot):
    url = IA_CALLS + "inocekiai-lt-2027/"
    html = snapshot.read(url).replace(
        "Paraiškos priimamos iki 2027 m. sausio 29 d. 16 val.",
        "Paraiškų priėmimo terminas bus paskelbtas vėliau.",
    )
    extraction = extract(url, html)
    assert extraction.items[0]["deadline_texts"] == []
    assert extraction.problems == [("deadline_texts", "call page without a deadline line")]


def test_a_parsed_tree_reads_as_its_html_and_is_left_unchanged(snapshot):
    for url in snapshot_urls(snapshot):
        assert_reads_its_tree_as_its_html_and_leaves_it_whole(extract, url, snapshot.read(url))


@pytest.mark.parametrize(
    "url, article",
    [
        (FORUM_2027, '<article id="post-21655" class="post-21655 post type-post'),
        (IA_CALLS + "inocekiai-lt-2027/", '<article id="post-21588" class="post-21588 kvietimai'),
    ],
)
def test_a_post_classed_with_a_noise_word_is_still_read(snapshot, url, article):
    # WordPress classes a post by its categories: "category-latest-news" holds "latest".
    html = snapshot.read(url)
    renamed = html.replace(article, article.replace('class="', 'class="category-latest-news '))
    assert renamed != html
    assert extract(url, renamed) == extract(url, html)


@pytest.mark.parametrize(
    "url, html",
    [
        (
            f"{LRV}/lt/apie-mita",
            "<html><body><main><article><h1>Apie MITA</h1></article></main></body></html>",
        ),
        (IA_CALLS + "some-call/", "<html><body><p>Nothing here</p></body></html>"),
        (f"{LRV}/lt/skelbimai/some-call", "\x00\x01<<<not html at all>>"),
        (IA_NEWS + "some-news/", ""),
        (EN_NEWS, "<html><body>no main</body></html>"),
        (
            "https://www.lrv.lt/lt/naujienos/kita",
            "<main><article><h1>Galioja iki 2020-03-04</h1></article></main>",
        ),
    ],
)
def test_unknown_pages_and_garbage_give_nothing(url, html):
    assert extract(url, html) == Extraction()


def test_every_extracted_link_is_in_the_snapshot(snapshot):
    urls = snapshot_urls(snapshot)
    assert len(urls) == 33
    for url in urls:
        extraction = extract(url, snapshot.read(url))
        for link in extraction.links + [extraction.next_page] * bool(extraction.next_page):
            assert snapshot.path_for(link).is_file(), f"{url} links to missing {link}"


def test_the_crawl_reaches_every_page_from_the_start_urls(snapshot):
    seen = reachable(snapshot, extract, MitaSpider.start_urls)
    # A listing is reached by its real URL, which may lack the folder's slash.
    assert {snapshot.path_for(url) for url in seen} == {
        snapshot.path_for(url) for url in snapshot_urls(snapshot)
    }


def test_spider_start_urls_exist_and_robots_allow_them(snapshot):
    robots = {
        host: Protego.parse((snapshot.root / host / "robots.txt").read_text(encoding="utf-8"))
        for host in HOSTS
    }
    for url in MitaSpider.start_urls:
        assert snapshot.path_for(url).is_file(), url
    for url in snapshot_urls(snapshot):
        host = url.split("/")[2]
        assert robots[host].can_fetch(url, "clusterfeeds"), url


def test_spider_facts():
    spider = MitaSpider
    assert (spider.name, spider.country, spider.timezone) == ("mita", "LT", "Europe/Vilnius")
    assert spider.languages == ("lt", "en") and spider.kinds == ("event", "call", "news")
    assert set(spider.hosts) >= set(HOSTS) and set(spider.allowed_domains) == set(spider.hosts)
    assert spider.router is ROUTER
