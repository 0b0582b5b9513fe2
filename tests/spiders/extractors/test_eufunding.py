"""The eufunding extractor and spider against the bundled snapshot of the search API."""

import json
import sqlite3
import subprocess
import sys
import textwrap
from datetime import date, datetime, time, timedelta
from email import policy
from email.parser import BytesParser
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import sqlite_utils
from parsing import parsed, spider_of
from protego import Protego
from scrapy import Request
from scrapy.http import TextResponse

from core.problems import problem_found
from feeds.entries import Entry, entry_from_row
from feeds.load import load_entries
from pipelines.classify import ClassifyPipeline
from pipelines.normalize import NormalizeDatesPipeline
from pipelines.store import row_of
from spiders.eufunding import SEARCH, EufundingSpider, multipart_json, search_url
from spiders.extractors.eufunding import PROGRAMMES, extract
from spiders.replay.server import Fault, ReplayServer

BRUSSELS = ZoneInfo("Europe/Brussels")
DATA = "https://ec.europa.eu/info/funding-tenders/opportunities/data/topicDetails/"
TOPIC = "https://ec.europa.eu/info/funding-tenders/opportunities/portal/screen/opportunities/topic-details/"


def page(number: int, size: int = EufundingSpider.page_size) -> str:
    return search_url(size, number)


def extraction(snapshot, number: int):
    return extract(page(number), snapshot.read(page(number)))


def by_id(snapshot) -> dict[str, dict]:
    items = extraction(snapshot, 1).items + extraction(snapshot, 2).items
    return {item["external_id"]: item for item in items}


def test_pages_follow_on_while_results_remain(snapshot):
    first, second = extraction(snapshot, 1), extraction(snapshot, 2)
    assert first.next_page == page(2)
    assert (len(first.items), len(second.items)) == (10, 4)
    assert second.next_page is None
    assert first.problems == second.problems == []
    assert first.links == second.links == []


def test_next_page_keeps_the_search_and_counts_from_the_reply():
    reply = {"totalResults": 250, "pageNumber": 2, "pageSize": 100, "results": []}
    url = search_url(100, 2)
    assert extract(url, json.dumps(reply)).next_page is None  # an empty page ends the paging
    reply["results"] = [
        {
            "metadata": {
                "identifier": ["X-1"],
                "title": ["X"],
                "status": ["31094502"],
                "deadlineDate": ["2027-01-01T17:00:00.000+0100"],
            }
        }
    ]
    assert extract(url, json.dumps(reply)).next_page == search_url(100, 3)
    reply["pageNumber"] = 3
    assert extract(search_url(100, 3), json.dumps(reply)).next_page is None


def test_a_single_stage_topic_in_full(snapshot):
    item = by_id(snapshot)["HORIZON-CL5-2027-D3-01-05"]
    assert item.pop("summary").startswith("<p><strong>Expected Outcome:</strong></p>")
    assert item == {
        "kind": "call",
        "url": TOPIC + "horizon-cl5-2027-d3-01-05",
        "key": None,
        "title": "Next-generation offshore wind components made in European industrial clusters",
        "language": "en",
        "location": None,
        "online": None,
        "start_text": None,
        "end_text": None,
        "deadline_texts": ["18 February 2027 17:00 (Brussels time)"],
        "opens_text": "15 October 2026",
        "published_text": None,
        "status_text": "Open",
        "tags": [
            "Horizon Europe",
            "Offshore wind",
            "Renewable energy",
            "Industrial clusters",
            "single-stage",
        ],
        "external_id": "HORIZON-CL5-2027-D3-01-05",
    }


@pytest.mark.parametrize(
    "identifier, status, opens, deadlines, programme, model",
    [
        (
            "HORIZON-CL4-2027-TWIN-TRANSITION-01-12",
            "Open",
            "24 September 2026",
            ["21 January 2027 17:00 (Brussels time)", "23 September 2027 17:00 (Brussels time)"],
            "Horizon Europe",
            "two-stage",
        ),
        (
            "HORIZON-EIC-2026-ACCELERATOR-01",
            "Open",
            "07 January 2026",
            [
                "04 March 2026 17:00 (Brussels time)",
                "07 October 2026 17:00 (Brussels time)",
                "13 January 2027 17:00 (Brussels time)",
            ],
            "Horizon Europe",
            "multiple cut-off",
        ),
        (
            "DIGITAL-ECCC-2026-DEPLOY-CYBER-09-SME",
            "Open",
            "18 June 2026",
            [
                "24 September 2026 17:00 (Brussels time)",
                "14 January 2027 17:00 (Brussels time)",
                "06 May 2027 17:00 (Brussels time)",
            ],
            "Digital Europe Programme",
            "multiple cut-off",
        ),
        (
            "SMP-COSME-2027-CLUSTER-01",
            "Open",
            "06 October 2026",
            ["28 January 2027 17:00 (Brussels time)"],
            "Single Market Programme",
            "single-stage",
        ),
        (
            "LIFE-2027-SAP-CET-BUSINESS",
            "Forthcoming",
            "19 January 2027",
            ["16 September 2027 17:00 (Brussels time)"],
            "LIFE Programme",
            "single-stage",
        ),
        (
            "HORIZON-CL6-2027-CIRCBIO-01-03",
            "Forthcoming",
            "12 January 2027",
            ["23 February 2027 17:00 (Brussels time)", "16 September 2027 17:00 (Brussels time)"],
            "Horizon Europe",
            "two-stage",
        ),
        (
            "I3-2026-INV2a-DIGI",
            "Open",
            "05 March 2026",
            [
                "06 May 2026 17:00 (Brussels time)",
                "01 October 2026 17:00 (Brussels time)",
                "29 April 2027 17:00 (Brussels time)",
            ],
            "Interregional Innovation Investments (I3)",
            "multiple cut-off",
        ),
    ],
)
def test_topics_keep_every_deadline_as_the_portal_shows_it(
    snapshot, identifier, status, opens, deadlines, programme, model
):
    item = by_id(snapshot)[identifier]
    assert item["url"] == TOPIC + identifier.lower()
    assert (item["status_text"], item["opens_text"], item["deadline_texts"]) == (status, opens, deadlines)
    assert item["tags"][0] == programme and item["tags"][-1] == model


def test_every_topic_of_the_snapshot(snapshot):
    items = by_id(snapshot)
    assert len(items) == 14
    assert {item["tags"][0] for item in items.values()} == set(PROGRAMMES.values())
    assert all(item["kind"] == "call" and item["title"] and item["summary"] for item in items.values())
    assert items["LIFE-2026-CET-LOCAL"]["tags"] == ["LIFE Programme", "single-stage"]  # no keywords


def test_the_summary_falls_back_on_the_result_summary():
    result = {
        "summary": "Cluster vouchers",
        "metadata": {
            "identifier": ["SMP-X-1"],
            "title": ["X"],
            "status": ["31094503"],
            "deadlineDate": ["2026-01-01"],
            "frameworkProgramme": ["43252476"],
        },
    }
    [item] = extract(
        page(1), json.dumps({"results": [result], "totalResults": 1, "pageNumber": 1, "pageSize": 10})
    ).items
    assert (item["summary"], item["status_text"], item["deadline_texts"], item["tags"]) == (
        "Cluster vouchers",
        "Closed",
        ["01 January 2026 17:00 (Brussels time)"],
        ["Single Market Programme"],
    )


def test_a_cut_off_reply_is_a_problem_not_a_crash(snapshot):
    result = extraction(snapshot, 901)
    assert (result.items, result.next_page) == ([], None)
    [(field, message)] = result.problems
    assert field == "body" and message.startswith("not JSON: ")


def test_a_changed_shape_is_reported_and_readable_topics_are_kept(snapshot):
    result = extraction(snapshot, 902)
    assert result.problems == [
        ("results[1].metadata", "missing"),
        ("results[2].metadata.status", "unknown status code '31094599'"),
        ("results[2].metadata.deadlineDate", "not a date: 'TBC'"),
        ("results[3]", "expected an object, got str"),
        ("results[4].metadata.title", "expected a list, got str"),
        ("results[4].metadata.frameworkProgramme", "unknown programme code '99999999'"),
        ("results[6].metadata.identifier", "missing"),
        ("totalResults", "expected a number, got str"),
    ]
    kept = {item["external_id"]: item for item in result.items}
    assert list(kept) == [
        "HORIZON-CL6-2027-CIRCBIO-01-03",
        "HORIZON-CL4-2027-TWIN-TRANSITION-01-12",
        "SMP-COSME-2027-CLUSTER-01",
        "LIFE-2026-CET-LOCAL",
    ]
    twin = kept["HORIZON-CL4-2027-TWIN-TRANSITION-01-12"]
    assert (twin["status_text"], twin["deadline_texts"]) == (None, ["10 June 2027 17:00 (Brussels time)"])
    euroclusters = kept["SMP-COSME-2027-CLUSTER-01"]
    assert euroclusters["title"] == "Joint Cluster Initiatives (Euroclusters) for Europe's recovery"
    assert euroclusters["tags"][0] == "Clusters"  # no programme name
    assert kept["LIFE-2026-CET-LOCAL"]["status_text"] == "Closed"
    assert result.next_page is None


def test_results_as_an_object_is_reported(snapshot):
    result = extraction(snapshot, 903)
    assert (result.items, result.problems) == ([], [("results", "expected a list, got dict")])


@pytest.mark.parametrize(
    "body, field, message",
    [
        ("[]", "body", "expected an object, got list"),
        ("", "body", "not JSON: Expecting value"),
        ("[" * 100_000, "body", "not JSON: maximum recursion depth exceeded"),
        ('{"results": [], "pageNumber": 1, "pageSize": 10}', "totalResults", "missing"),
    ],
)
def test_replies_that_are_not_search_replies(body, field, message):
    result = extract(page(1), body)
    assert result.items == [] and result.next_page is None
    assert any(f == field and m.startswith(message) for f, m in result.problems), result.problems


def test_the_search_body_parses_back_into_its_three_json_parts():
    request = EufundingSpider().search_request(page(1))
    assert request.method == "POST" and request.url == page(1)
    head = b"Content-Type: " + request.headers[b"Content-Type"] + b"\r\n\r\n"
    message = BytesParser(policy=policy.HTTP).parsebytes(head + request.body)
    assert message.get_content_type() == "multipart/form-data"
    parts = {part.get_param("name", header="content-disposition"): part for part in message.iter_parts()}
    assert list(parts) == ["query", "languages", "sort"]
    assert all(part.get_content_type() == "application/json" for part in parts.values())
    assert {name: json.loads(part.get_content()) for name, part in parts.items()} == SEARCH
    must = SEARCH["query"]["bool"]["must"]
    assert {"terms": {"status": ["31094501", "31094502"]}} in must
    assert SEARCH["languages"] == ["en"]


def test_multipart_bodies_close_with_the_boundary():
    body = multipart_json({"a": [1]}, boundary="XYZ")
    assert body == (
        b'--XYZ\r\nContent-Disposition: form-data; name="a"; filename="blob"\r\n'
        b"Content-Type: application/json\r\n\r\n[1]\r\n--XYZ--\r\n"
    )


def test_robots_txt_allows_the_search(snapshot):
    robots = Protego.parse((snapshot.root / "api.tech.ec.europa.eu" / "robots.txt").read_text())
    assert robots.can_fetch(page(1), "clusterfeeds")


CRAWL = textwrap.dedent("""
    import json, sys
    from datetime import date
    from pathlib import Path
    from aggregator.runner import CrawlJob, crawl
    job = CrawlJob(db=Path(sys.argv[1]), as_of=date(2026, 11, 16), replay_address=sys.argv[2])
    print(json.dumps(crawl(job, ["eufunding"])))
""")


def crawl_over_loopback(server: ReplayServer, db_path) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", CRAWL, str(db_path), server.address],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr[-3000:]
    [crawl] = json.loads(out.stdout.splitlines()[-1])
    return crawl


@pytest.fixture(scope="module")
def crawled(tmp_path_factory, snapshot):
    db_path = tmp_path_factory.mktemp("eufunding") / "eufunding.db"
    runs = []
    with ReplayServer(snapshot) as server:
        for _ in range(2):
            runs.append((crawl_over_loopback(server, db_path), list(server.requests)))
            server.requests.clear()
    db = sqlite3.connect(db_path)
    db.row_factory = sqlite3.Row
    [(crawl, served), (second_crawl, served_again)] = runs
    return {
        "crawl": crawl,
        "served": served,
        "second_crawl": second_crawl,
        "served_again": served_again,
        "db": db,
    }


def test_the_crawl_posts_both_pages_and_nothing_else(crawled):
    served = [(method, target, status) for method, target, status, _ in crawled["served"]]
    assert served == [
        ("GET", "/api.tech.ec.europa.eu/robots.txt", 200),
        *[("POST", "/" + page(n).removeprefix("https://"), 200) for n in (1, 2)],
    ]
    crawl = crawled["crawl"]
    assert (crawl["source"], crawl["outcome"], crawl["items"], crawl["errors"]) == ("eufunding", "ok", 14, 0)


def test_a_second_crawl_revalidates_the_posted_searches(crawled):
    # The body is the same bytes every time (fixed boundary), so the HTTP cache
    # knows the request again and asks with its validators.
    assert [(method, status, size) for method, _, status, size in crawled["served_again"]] == [
        ("GET", 304, 0),
        ("POST", 304, 0),
        ("POST", 304, 0),
    ]
    crawl = crawled["second_crawl"]
    assert (crawl["outcome"], crawl["new"], crawl["changed"]) == ("ok", 0, 0)


def test_the_crawl_stores_statuses_and_deadlines(crawled):
    rows = {row["external_id"]: row for row in crawled["db"].execute("select * from items")}
    assert len(rows) == 14
    # As the feeds give them on the crawl's day: the dates, else the page's words.
    status_of = {
        member.url: member.status
        for entry in load_entries(sqlite_utils.Database(crawled["db"]), date(2026, 11, 16)).entries
        for member in entry.members
    }
    statuses = {}
    for row in rows.values():
        statuses.setdefault(status_of[row["url"]], set()).add(row["external_id"])
    assert statuses["forthcoming"] == {
        "LIFE-2027-SAP-CET-BUSINESS",
        "SMP-COSME-2027-CLUSTINT-01",
        "HORIZON-CL6-2027-CIRCBIO-01-03",
    }
    # The API still says "Open" after the deadline; the date decides.
    assert statuses["closed"] == {"LIFE-2026-CET-LOCAL"}
    assert len(statuses["open"]) == 10
    for row in rows.values():
        # Every cut-off of the snapshot is at the portal's 17:00 in Brussels, whether
        # the API wrote it in UTC or in Brussels time, and shown in Brussels time.
        stored = [datetime.fromisoformat(d["at"]) for d in json.loads(row["deadlines"])]
        assert all(at.astimezone(BRUSSELS).time() == time(17) for at in stored), row["external_id"]
        assert row["timezone"] == "Europe/Brussels"
        assert len(row["opens"]) == 10  # a day, as the portal gives an opening
    eic = rows["HORIZON-EIC-2026-ACCELERATOR-01"]
    # The next cut-off as of 2026-11-16, after two past ones: the very instant the API gives.
    assert datetime.fromisoformat(eic["deadline"]) == api_instant("2027-01-13T16:00:00.000+0000")
    assert rows["HORIZON-CL5-2027-D3-01-05"]["opens"] == "2026-10-15"
    assert len(json.loads(eic["deadlines"])) == 3
    assert rows["I3-2026-INV2a-DIGI"]["deadline"][:10] == "2027-04-29"


def api_instant(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%f%z")


def test_the_crawl_reports_no_problem(crawled):
    assert crawled["db"].execute("select source, url, field, message from problems").fetchall() == []


def test_a_changed_reply_is_stored_as_problems_with_its_url(tmp_path, snapshot):
    changed = (snapshot.path_for(page(902))).read_bytes()
    with ReplayServer(snapshot) as server:
        server.inject(page(2), Fault(body=changed))
        crawl = crawl_over_loopback(server, tmp_path / "changed.db")
    db = sqlite3.connect(tmp_path / "changed.db")
    problems = db.execute("select source, url, field from problems").fetchall()
    assert ("eufunding", page(2), "results[1].metadata") in problems
    assert ("eufunding", page(2), "totalResults") in problems
    # The reply's eight, and the three readable topics that page 1 gave already,
    # each listed again with other values (the first is kept).
    assert len(problems) == 11
    assert problems.count(("eufunding", page(2), "results")) == 3
    # Page 1's ten topics and the one of the changed page 2 that is new.
    assert crawl["items"] == 11
    assert db.execute("select count(*) from items").fetchone()[0] == 11


# A recorded reply in the real API's shape (SITES.md), worded here: two pages
# with the API's quirks. Page 1 lists SMP-COSME-2027-CLUSTER-02 twice, the same;
# page 2 repeats a topic of page 1 and lists a LIFE topic twice, the second time
# with one more cut-off. Every `url` is the topic's data file.
PAGES = Path(__file__).parent / "pages"
AS_OF = date(2026, 11, 16)


def recorded(number: int) -> str:
    return (PAGES / f"eufunding-reply-{number}.json").read_text()


def test_a_topic_listed_twice_in_one_reply_is_one_item():
    first, second = extract(page(1), recorded(1)), extract(page(2), recorded(2))
    assert [item["external_id"] for item in first.items] == [
        "SMP-COSME-2027-CLUSTER-02",
        "HORIZON-CL4-2027-RESILIENCE-01-31",
        "SMP-COSME-2024-WORTH-02",
        "DIGITAL-2027-EDIH-CLUSTERS-08",
    ]
    assert first.problems == [] and first.next_page == page(2)
    assert [item["external_id"] for item in second.items] == [
        "HORIZON-CL4-2027-RESILIENCE-01-31",
        "LIFE-2027-SAP-ENV-CLUSTERS",
    ]
    # Told apart from an identical repeat, so that a lost cut-off is never silent.
    assert second.problems == [
        ("results[2]", "LIFE-2027-SAP-ENV-CLUSTERS again, unlike results[1]; the first is kept")
    ]
    assert second.items[1]["deadline_texts"] == ["22 April 2027 17:00 (Brussels time)"]


@pytest.fixture
def crawling_spider(tmp_path):
    spider = spider_of(
        EufundingSpider, CLUSTERFEEDS_DB=str(tmp_path / "t.db"), CLUSTERFEEDS_AS_OF=AS_OF.isoformat()
    )
    spider.problems = []
    # Signal receivers are held weakly: keep a reference to this one.
    spider.record_problem = lambda url, field, message, **_: spider.problems.append((url, field, message))
    spider.crawler.signals.connect(spider.record_problem, signal=problem_found)
    return spider


def replied(spider, number: int) -> list:
    response = TextResponse(
        page(number), body=recorded(number).encode(), headers={"Content-Type": "application/json"}
    )
    return parsed(spider, response)


def test_a_topic_listed_on_two_pages_is_one_item_of_the_crawl(crawling_spider):
    first, second = replied(crawling_spider, 1), replied(crawling_spider, 2)
    [follow] = [output for output in first if isinstance(output, Request)]
    assert (follow.method, follow.url) == ("POST", page(2))
    assert [item["external_id"] for item in first if isinstance(item, dict)] == [
        "SMP-COSME-2027-CLUSTER-02",
        "HORIZON-CL4-2027-RESILIENCE-01-31",
        "SMP-COSME-2024-WORTH-02",
        "DIGITAL-2027-EDIH-CLUSTERS-08",
    ]
    assert [item["external_id"] for item in second] == ["LIFE-2027-SAP-ENV-CLUSTERS"]
    assert [field for _, field, _ in crawling_spider.problems] == ["results[2]"]


def test_a_topic_repeated_on_another_page_with_other_values_is_reported(crawling_spider):
    replied(crawling_spider, 1)
    reply = json.loads(recorded(2))
    reply["results"][0]["metadata"]["deadlineDate"] = ["2027-02-25T16:00:00.000+0000"]
    response = TextResponse(
        page(2), body=json.dumps(reply).encode(), headers={"Content-Type": "application/json"}
    )
    assert [item["external_id"] for item in parsed(crawling_spider, response)] == [
        "LIFE-2027-SAP-ENV-CLUSTERS"
    ]
    assert (
        page(2),
        "results",
        f"HORIZON-CL4-2027-RESILIENCE-01-31 again, unlike on {page(1)}; the first is kept",
    ) in crawling_spider.problems


def stored_entries(spider) -> dict[str, Entry]:
    """The recorded reply's items as the pipelines store them and the feeds read them."""
    items = [output for number in (1, 2) for output in replied(spider, number) if isinstance(output, dict)]
    dates, classify = NormalizeDatesPipeline(spider.crawler), ClassifyPipeline()
    entries = {}
    for item in items:
        row = row_of(classify.process_item(dates.process_item(item)))
        for name in ("deadlines", "tags"):
            row[name] = json.loads(row[name] or "[]")
        row["first_seen"] = "2026-11-16T05:00:00+00:00"
        entries[item["external_id"]] = entry_from_row(row, AS_OF)
    return entries


def test_the_dates_beat_the_api_s_status_words(crawling_spider):
    entries = stored_entries(crawling_spider)
    assert {identifier: entry.status for identifier, entry in entries.items()} == {
        "SMP-COSME-2027-CLUSTER-02": "open",
        "HORIZON-CL4-2027-RESILIENCE-01-31": "open",
        "SMP-COSME-2024-WORTH-02": "closed",  # the API says Forthcoming; its deadline passed in 2024
        "DIGITAL-2027-EDIH-CLUSTERS-08": "forthcoming",  # the API says Closed; it opens in February 2027
        "LIFE-2027-SAP-ENV-CLUSTERS": "open",
    }


def test_deadlines_are_the_portal_s_brussels_time(crawling_spider):
    entries = stored_entries(crawling_spider)

    def cutoffs(identifier):
        return [
            (cutoff.at.value, cutoff.at.zone, cutoff.at.all_day) for cutoff in entries[identifier].cutoffs
        ]

    # Given as 2027-01-14T00:00:00.000+0000, a day without its hour: the portal's 17:00 in Brussels.
    assert cutoffs("SMP-COSME-2027-CLUSTER-02") == [
        (datetime(2027, 1, 14, 17, tzinfo=BRUSSELS), "Europe/Brussels", False)
    ]
    assert cutoffs("LIFE-2027-SAP-ENV-CLUSTERS")[0][0].utcoffset() == timedelta(hours=2)  # summer time
    # Given in UTC: the same instants, shown in Brussels time.
    resilience = cutoffs("HORIZON-CL4-2027-RESILIENCE-01-31")
    assert [at for at, _, _ in resilience] == [
        api_instant("2027-02-18T16:00:00.000+0000"),
        api_instant("2027-09-23T15:00:00.000+0000"),
    ]
    assert [(at.hour, zone) for at, zone, _ in resilience] == [
        (17, "Europe/Brussels"),
        (17, "Europe/Brussels"),
    ]
    assert entries["SMP-COSME-2027-CLUSTER-02"].opens == date(2026, 9, 30)


@pytest.mark.parametrize(
    "url, page_url, problem",
    [
        (DATA + "smp-cosme-2027-cluster-02.json", TOPIC + "smp-cosme-2027-cluster-02", None),
        (None, TOPIC + "smp-cosme-2027-cluster-02", None),
        # A page rather than a data file is the topic's page as the reply gives it.
        (
            "https://ec.europa.eu/info/funding-tenders/opportunities/portal/screen/opportunities/competitive-calls-cs/7712",
            "https://ec.europa.eu/info/funding-tenders/opportunities/portal/screen/opportunities/competitive-calls-cs/7712",
            None,
        ),
        (42, TOPIC + "smp-cosme-2027-cluster-02", ("results[0].url", "not a web address: 42")),
        (
            "topicDetails/x.json",
            TOPIC + "smp-cosme-2027-cluster-02",
            ("results[0].url", 'not a web address: "topicDetails/x.json"'),
        ),
    ],
)
def test_the_topic_page_is_built_from_the_identifier_when_the_reply_gives_a_data_file(url, page_url, problem):
    reply = json.loads(recorded(1))
    reply["results"] = reply["results"][:1]
    reply["results"][0]["url"] = url
    result = extract(page(1), json.dumps(reply))
    assert [item["url"] for item in result.items] == [page_url]
    assert result.problems == ([problem] if problem else [])


@pytest.mark.parametrize(
    "name, value, problem",
    [
        ("deadlineDate", ["2027-13-45T00:00:00.000+0000"], "not a date: '2027-13-45T00:00:00.000+0000'"),
        ("deadlineDate", ["0001-01-01T00:30:00.000+0100"], "not a date: '0001-01-01T00:30:00.000+0100'"),
        ("deadlineDate", [{"date": "2027-01-14"}], 'expected a list of texts, got [{"date": "2027-01-14"}]'),
        ("startDate", ["next spring"], "not a date: 'next spring'"),
        ("deadlineDate", [], "missing"),
        ("status", "31094502", "expected a list, got str"),
    ],
)
def test_a_changed_field_of_the_recorded_reply_is_a_problem_naming_it(name, value, problem):
    reply = json.loads(recorded(1))
    reply["results"][1]["metadata"][name] = value
    result = extract(page(1), json.dumps(reply))
    assert result.problems == [(f"results[1].metadata.{name}", problem)]
    assert len(result.items) == 4  # the topic is kept with what can be read
