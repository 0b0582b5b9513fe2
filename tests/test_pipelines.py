"""Clean, classify and store, each on its own; normalising has its own file."""

import json
from datetime import date

import pytest
from scrapy import signals
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler

from aggregator import db as database
from aggregator.problems import report_problem
from pipelines.classify import ClassifyPipeline, status_from_text
from pipelines.clean import CleanTextPipeline, html_to_text, shorten
from pipelines.store import SQLiteStorePipeline, item_id
from spiders.base import SourceSpider
from spiders.extractors.page import raw_item


class ExampleSpider(SourceSpider):
    name = "example"
    country = "NO"
    languages = ("nb", "en")
    timezone = "Europe/Oslo"


def crawler_for(tmp_path, as_of="2026-11-16"):
    crawler = get_crawler(ExampleSpider, {"CLUSTERFEEDS_DB": str(tmp_path / "t.db"),
                                          "CLUSTERFEEDS_AS_OF": as_of})
    crawler.spider = ExampleSpider.from_crawler(crawler)
    return crawler


def item(**fields):
    base = raw_item("call", "https://example.org/calls/a", "Call A", "nb")
    return {**base, "source": "example", **fields}


# --- clean ---------------------------------------------------------------------

def test_html_to_text_folds_markup_entities_and_whitespace():
    assert html_to_text("<p>Cluster&nbsp;<b>matchmaking</b>\n\n  2027</p>") == "Cluster matchmaking 2027"
    assert html_to_text("   ") is None
    assert html_to_text(None) is None


def test_shorten_cuts_at_a_word():
    text = "word " * 200
    short = shorten(text.strip(), 50)
    assert len(short) <= 51 and short.endswith("word…")


def test_clean_pipeline_cleans_every_text_field():
    cleaned = CleanTextPipeline().process_item(item(
        title="<h1>Utlysning:  <em>Klynge</em></h1>", summary="<p>a</p><p>b</p>",
        deadline_texts=["<strong>Søknadsfrist:</strong> 3. februar 2027", "  "],
        tags=["Energy", " energy ", "Energy"]))
    assert cleaned["title"] == "Utlysning: Klynge"
    assert cleaned["summary"] == "a b"
    assert cleaned["deadline_texts"] == ["Søknadsfrist: 3. februar 2027"]
    assert cleaned["tags"] == ["Energy", "energy"]


@pytest.mark.parametrize("fields, field", [
    ({"title": "<p> </p>"}, "title"),
    ({"url": "javascript:alert(1)"}, "url"),
    ({"kind": "advert"}, "kind"),
])
def test_clean_pipeline_drops_an_item_naming_source_url_and_field(fields, field):
    with pytest.raises(DropItem, match=rf"^example: .*: {field}: "):
        CleanTextPipeline().process_item(item(**fields))


# --- classify ------------------------------------------------------------------

@pytest.mark.parametrize("text, status", [
    ("Utgått", "closed"), ("Nabór został zakończony", "closed"), ("Pasibaigęs", "closed"),
    ("Event cancelled", "cancelled"), ("Arrangementet er avlyst", "cancelled"),
    ("Forthcoming", "forthcoming"), ("Open for submission", None), (None, None),
])
def test_status_words_in_several_languages(text, status):
    assert status_from_text(text) == status


@pytest.mark.parametrize("fields, status", [
    ({"kind": "call", "deadline": "2027-02-03T12:00:00+01:00"}, "open"),
    ({"kind": "call", "deadline": "2026-11-16"}, "open"),
    ({"kind": "call", "deadline": "2026-11-15"}, "closed"),
    ({"kind": "call", "deadline": "2027-02-03", "status_text": "Utgått"}, "closed"),
    ({"kind": "call", "deadline": "2027-09-01", "opens": "2027-01-10"}, "forthcoming"),
    ({"kind": "call", "deadline": None}, None),
    ({"kind": "event", "start": "2026-11-10", "end": "2026-11-16"}, "upcoming"),
    ({"kind": "event", "start": "2026-11-10T09:30:00+01:00"}, "past"),
    ({"kind": "event", "start": "2027-01-10", "status_text": "Cancelled"}, "cancelled"),
    ({"kind": "news"}, "published"),
])
def test_status_from_dates_as_of_the_crawl_day(tmp_path, fields, status):
    pipeline = ClassifyPipeline(crawler_for(tmp_path))
    assert pipeline.as_of == date(2026, 11, 16)
    assert pipeline.process_item(item(**fields))["status"] == status


# --- store ---------------------------------------------------------------------

def stored_item(**fields):
    defaults = dict(country="NO", start=None, end=None, deadline="2027-02-03",
                    deadlines=[{"at": "2027-02-03", "all_day": True, "text": "3. februar 2027"}],
                    status="open")
    return item(**{**defaults, **fields})


def close_store(crawler, pipeline, reason="finished"):
    """As Scrapy closes a spider: the pipelines, then the spider_closed signal."""
    pipeline.close_spider()
    crawler.signals.send_catch_log(signals.spider_closed, spider=crawler.spider, reason=reason)


def run_store(tmp_path, items):
    crawler = crawler_for(tmp_path)
    pipeline = SQLiteStorePipeline(crawler)
    pipeline.open_spider()
    for each in items:
        pipeline.process_item(each)
    close_store(crawler, pipeline)
    return database.connect(tmp_path / "t.db")


def test_store_is_idempotent_and_ids_are_stable(tmp_path):
    items = [stored_item(), stored_item(url="https://example.org/calls/b", title="Call B")]
    run_store(tmp_path, items)
    db = run_store(tmp_path, items)
    rows = list(db["items"].rows)
    assert len(rows) == 2
    assert {r["id"] for r in rows} == {item_id("example", "call", "https://example.org/calls/a", None),
                                       item_id("example", "call", "https://example.org/calls/b", None)}
    assert json.loads(rows[0]["deadlines"])[0]["text"] == "3. februar 2027"
    runs = list(db["crawls"].rows)
    assert [(r["items"], r["new"], r["changed"], r["outcome"]) for r in runs] == [
        (2, 2, 0, "ok"), (2, 0, 0, "ok")]
    assert db["changes"].count == 0


def test_a_changed_page_updates_its_row_and_keeps_the_change(tmp_path):
    run_store(tmp_path, [stored_item()])
    first = next(run_store(tmp_path, [stored_item()])["items"].rows)
    extended = stored_item(deadline="2027-03-01",
                           deadlines=[{"at": "2027-03-01", "all_day": True, "text": "1. mars 2027"}])
    db = run_store(tmp_path, [extended])
    row = next(db["items"].rows)
    assert row["deadline"] == "2027-03-01"
    assert row["first_seen"] == first["first_seen"]
    changes = {c["field"]: (c["old"], c["new"]) for c in db["changes"].rows}
    assert changes["deadline"] == ("2027-02-03", "2027-03-01")
    assert set(changes) == {"deadline", "deadlines"}
    assert list(db["crawls"].rows)[-1]["changed"] == 1


def test_items_on_one_page_are_told_apart_by_key(tmp_path):
    db = run_store(tmp_path, [stored_item(key="Conference"), stored_item(key="Matchmaking")])
    assert db["items"].count == 2


def test_an_item_missing_from_a_later_run_is_kept(tmp_path):
    run_store(tmp_path, [stored_item(), stored_item(url="https://example.org/calls/b")])
    db = run_store(tmp_path, [stored_item()])
    assert db["items"].count == 2


def test_problems_are_stored_with_source_url_and_field(tmp_path):
    crawler = crawler_for(tmp_path)
    pipeline = SQLiteStorePipeline(crawler)
    pipeline.open_spider()
    report_problem(crawler, "example", "https://example.org/calls/a", "deadline_texts",
                   "no date found: 'snart'")
    pipeline.process_item(stored_item())
    close_store(crawler, pipeline)
    db = database.connect(tmp_path / "t.db")
    problem = next(db["problems"].rows)
    assert (problem["source"], problem["url"], problem["field"]) == (
        "example", "https://example.org/calls/a", "deadline_texts")
    assert next(db["crawls"].rows)["outcome"] == "partial"


def test_a_crawl_without_items_is_failed(tmp_path):
    db = run_store(tmp_path, [])
    assert next(db["crawls"].rows)["outcome"] == "failed"


def test_a_crawl_with_far_fewer_items_than_the_last_good_run_is_failed(tmp_path):
    items = [stored_item(url=f"https://example.org/calls/{n}") for n in range(10)]
    run_store(tmp_path, items)
    db = run_store(tmp_path, items[:3])
    last = list(db["crawls"].rows)[-1]
    assert last["outcome"] == "failed"
    assert last["message"] == "3 items, far fewer than the 10 of the last good run"
    assert db["items"].count == 10
    # The next run compares with the last good run, not with the failed one.
    db = run_store(tmp_path, items[:6])
    assert list(db["crawls"].rows)[-1]["outcome"] == "ok"
