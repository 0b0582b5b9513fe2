"""Clean, classify and store, each on its own; normalising has its own file."""

import json

import pytest
from scrapy import signals
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler

from core import db as database
from core.items import RAW_FIELDS, RawItem, field_problems, raw_item
from core.problems import problem_found, report_problem
from pipelines.classify import ClassifyPipeline, status_from_text
from pipelines.clean import (
    LIMITS,
    MAX_DEADLINE_TEXTS,
    MAX_TAGS,
    TAG_CHARS,
    URL_CHARS,
    CleanTextPipeline,
    html_to_text,
    shorten,
)
from pipelines.store import SQLiteStorePipeline, item_id
from spiders.base import SourceSpider


class ExampleSpider(SourceSpider):
    name = "example"
    country = "NO"
    languages = ("nb", "en")
    timezone = "Europe/Oslo"


def crawler_for(tmp_path, as_of="2026-11-16"):
    crawler = get_crawler(
        ExampleSpider, {"CLUSTERFEEDS_DB": str(tmp_path / "t.db"), "CLUSTERFEEDS_AS_OF": as_of}
    )
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


@pytest.fixture
def cleaner(tmp_path):
    """The clean pipeline, with the problems it reports in ``cleaner.problems``."""
    crawler = crawler_for(tmp_path)
    pipeline = CleanTextPipeline.from_crawler(crawler)
    pipeline.problems = []
    # Signal receivers are held weakly: keep a reference to this one.
    pipeline.record_problem = lambda source, url, field, message, **_: pipeline.problems.append(
        (source, url, field, message)
    )
    crawler.signals.connect(pipeline.record_problem, signal=problem_found)
    return pipeline


def test_clean_pipeline_cleans_every_text_field(cleaner):
    cleaned = cleaner.process_item(
        item(
            title="<h1>Utlysning:  <em>Klynge</em></h1>",
            summary="<p>a</p><p>b</p>",
            deadline_texts=["<strong>Søknadsfrist:</strong> 3. februar 2027", "  "],
            tags=["Energy", " energy ", "Energy"],
        )
    )
    assert cleaned["title"] == "Utlysning: Klynge"
    assert cleaned["summary"] == "a b"
    assert cleaned["deadline_texts"] == ["Søknadsfrist: 3. februar 2027"]
    assert cleaned["tags"] == ["Energy", "energy"]
    assert cleaner.problems == []


@pytest.mark.parametrize(
    "fields, field",
    [
        ({"title": "<p> </p>"}, "title"),
        ({"title": "\x1b\x00"}, "title"),
        ({"url": "javascript:alert(1)"}, "url"),
        ({"url": "https://example.org/" + "a" * URL_CHARS}, "url"),
        ({"kind": "advert"}, "kind"),
    ],
)
def test_clean_pipeline_drops_an_item_naming_source_url_and_field(cleaner, fields, field):
    with pytest.raises(DropItem, match=rf"^example: .*: {field}: "):
        cleaner.process_item(item(**fields))


@pytest.mark.parametrize(
    "fields, field, problem",
    [
        ({"title": 3}, "title", "3 is not a text"),
        ({"kind": None}, "kind", "None is not one of event, call, news"),
        ({"source": ["example"]}, "source", "['example'] is not a text"),
    ],
)
def test_an_item_ill_typed_where_it_cannot_be_stored_is_dropped_naming_the_field(
    cleaner, fields, field, problem
):
    with pytest.raises(DropItem, match=rf": https://example.org/calls/a: {field}: "):
        cleaner.process_item(item(**fields))
    assert field_problems(item(**fields)) == [(field, problem)]


def test_an_item_without_source_is_dropped(cleaner):
    unsourced = item()
    del unsourced["source"]
    with pytest.raises(DropItem, match=r": source: missing$"):
        cleaner.process_item(unsourced)


def test_other_ill_typed_missing_or_unknown_fields_are_reported_and_the_item_kept(cleaner):
    odd = item(online="yes", deadline_texts="3 May 2027", tags=["Energy", 7], colour="red", external_id=12)
    del odd["summary"]
    cleaned = cleaner.process_item(odd)
    assert (cleaned["online"], cleaned["deadline_texts"], cleaned["tags"]) == (None, [], [])
    assert cleaned["summary"] is None and cleaned["external_id"] is None
    assert "colour" not in cleaned
    where = ("example", "https://example.org/calls/a")
    assert sorted(cleaner.problems) == sorted(
        [
            (*where, "colour", "unknown field, left out"),
            (*where, "online", "'yes' is not True or False or None; left empty"),
            (*where, "deadline_texts", "'3 May 2027' is not a list of texts; left empty"),
            (*where, "tags", "['Energy', 7] is not a list of texts; left empty"),
            (*where, "summary", "missing; left empty"),
            (*where, "external_id", "12 is not a text or None; left empty"),
        ]
    )


def test_every_raw_item_field_is_typed_and_raw_item_fills_them_all():
    made = raw_item("event", "https://example.org/e", "E", None, online=True, tags=["x"])
    assert tuple(made) == RAW_FIELDS == tuple(RawItem.__annotations__)
    assert field_problems({**made, "source": "example"}) == []


def test_a_too_long_url_is_refused_not_cut_and_its_report_is_bounded(cleaner):
    long = "https://example.org/" + "a" * 100_000
    with pytest.raises(DropItem, match=rf"url: 100020 characters, more than {URL_CHARS}$") as drop:
        cleaner.process_item(item(url=long))
    assert len(str(drop.value)) < URL_CHARS + 100


# Every kind of character XML 1.0 (so lxml, RSS, Atom) refuses, and the other controls.
CONTROLS = {
    "\x00": "U+0000",
    "\x1b": "U+001B",
    "\x08": "U+0008",
    "\x0b": "U+000B",
    "\x7f": "U+007F",
    "\x85": "U+0085",
    "\x9b": "U+009B",
    "\ud800": "U+D800",
    "\udfff": "U+DFFF",  # noqa: F601 (ruff folds lone surrogates into one key)
    "\ufffe": "U+FFFE",
    "\uffff": "U+FFFF",
}


@pytest.mark.parametrize("control, code", CONTROLS.items())
@pytest.mark.parametrize(
    "field", ["title", "summary", "location", "key", "start_text", "status_text", "language"]
)
def test_control_characters_are_removed_from_every_text_field_and_reported(cleaner, field, control, code):
    cleaned = cleaner.process_item(item(**{field: f"Cluster{control} day{control}"}))
    assert cleaned[field] == "Cluster day"
    assert cleaner.problems == [
        ("example", "https://example.org/calls/a", field, f"removed control characters {code}")
    ]


def test_control_characters_are_removed_from_lists_ids_and_the_url(cleaner):
    cleaned = cleaner.process_item(
        item(
            url="https://example.org/calls/\x1ba",
            external_id=" X-1\x00 ",
            deadline_texts=["3. februar\x07 2027", "\x00"],
            tags=["\x1b[31mEnergy", "\ud83d"],
            title="Tab\tand\nnewline stay whitespace",
        )
    )
    assert cleaned["url"] == "https://example.org/calls/a"
    assert cleaned["external_id"] == "X-1"
    assert cleaned["deadline_texts"] == ["3. februar 2027"]
    assert cleaned["tags"] == ["[31mEnergy"]
    assert cleaned["title"] == "Tab and newline stay whitespace"
    assert sorted(
        (field, message)
        for _, url, field, message in cleaner.problems
        if url == "https://example.org/calls/a"
    ) == [
        ("deadline_texts", "removed control characters U+0000"),
        ("deadline_texts", "removed control characters U+0007"),
        ("external_id", "removed control characters U+0000"),
        ("tags", "removed control characters U+001B"),
        ("tags", "removed control characters U+D83D"),
        ("url", "removed control characters U+001B"),
    ]


@pytest.mark.parametrize("field", ["title", "location"])
def test_a_long_title_or_place_is_cut_at_a_word_and_the_cut_reported(cleaner, field):
    limit = LIMITS[field]
    text = " ".join(f"word{n}" for n in range(1000))
    cleaned = cleaner.process_item(item(**{field: text}))
    assert len(cleaned[field]) <= limit + 1 and cleaned[field].endswith("…")
    assert text.startswith(cleaned[field][:-1])
    [(source, url, where, message)] = cleaner.problems
    assert (source, url, where) == ("example", "https://example.org/calls/a", field)
    assert message.startswith(f"cut to {len(cleaned[field])} of {len(text)} characters; cut off: 'word")


@pytest.mark.parametrize(
    "field", ["start_text", "end_text", "opens_text", "published_text", "status_text", "key", "language"]
)
def test_date_texts_keys_and_codes_are_cut_to_their_limit(cleaner, field):
    text = "3 March 2027 " + "x" * 5000
    cleaned = cleaner.process_item(item(**{field: text}))
    assert cleaned[field] == text[: LIMITS[field]]
    [(_, _, where, message)] = cleaner.problems
    assert where == field and message.startswith(f"cut to {LIMITS[field]} of 5013 characters")


def test_a_summary_is_shortened_to_its_display_length_without_a_report(cleaner):
    cleaned = cleaner.process_item(item(summary="word " * 100_000))
    assert len(cleaned["summary"]) <= 601 and cleaner.problems == []


def test_tags_and_deadline_texts_are_bounded_in_number_and_length(cleaner):
    cleaned = cleaner.process_item(
        item(
            tags=[f"tag {n:03}" for n in range(100)] + ["long " * 100],
            deadline_texts=[f"Deadline {n}: 1 March 2027" for n in range(50)]
            + ["3 March 2027 " + "y" * 1000],
        )
    )
    assert cleaned["tags"] == [f"tag {n:03}" for n in range(MAX_TAGS)]
    assert cleaned["deadline_texts"] == [f"Deadline {n}: 1 March 2027" for n in range(MAX_DEADLINE_TEXTS)]
    # What is left out is not also reported as cut.
    assert [(field, message) for _, _, field, message in cleaner.problems] == [
        (
            "deadline_texts",
            f"kept the first {MAX_DEADLINE_TEXTS} of 51; left out: "
            "'Deadline 20: 1 March 2027', 'Deadline 21: 1 March 2027', "
            "'Deadline 22: 1 March 2027', …",
        ),
        ("tags", f"kept the first {MAX_TAGS} of 101; left out: 'tag 030', 'tag 031', 'tag 032', …"),
    ]


def test_one_long_tag_is_cut_at_a_word(cleaner):
    cleaned = cleaner.process_item(item(tags=["cluster " * 50, "energy"]))
    assert cleaned["tags"][0].startswith("cluster cluster") and cleaned["tags"][1] == "energy"
    assert len(cleaned["tags"][0]) <= TAG_CHARS + 1
    [(_, _, field, message)] = cleaner.problems
    assert field == "tags" and message.startswith("cut to ")


# --- classify ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, status",
    [
        ("Utgått", "closed"),
        ("Nabór został zakończony", "closed"),
        ("Pasibaigęs", "closed"),
        ("Event cancelled", "cancelled"),
        ("Arrangementet er avlyst", "cancelled"),
        ("Forthcoming", "forthcoming"),
        ("Open for submission", None),
        (None, None),
    ],
)
def test_status_words_in_several_languages(text, status):
    assert status_from_text(text) == status


@pytest.mark.parametrize(
    "fields, status",
    [
        ({"kind": "call", "deadline": "2026-11-15"}, None),
        ({"kind": "call", "deadline": "2027-02-03", "status_text": "Utgått"}, "closed"),
        ({"kind": "call", "status_text": "Forthcoming"}, "forthcoming"),
        ({"kind": "event", "status_text": "Registration closed"}, None),
        ({"kind": "event", "start": "2027-01-10", "status_text": "Cancelled"}, "cancelled"),
        ({"kind": "news", "status_text": "Postponed"}, "cancelled"),
        ({"kind": "news"}, None),
    ],
)
def test_only_the_status_the_page_states_is_stored(fields, status):
    """Dates give their status where the feeds are built (tests/feeds/test_load.py)."""
    assert ClassifyPipeline().process_item(item(**fields))["status"] == status


# --- store ---------------------------------------------------------------------


def stored_item(**fields):
    defaults = dict(
        country="NO",
        start=None,
        end=None,
        deadline="2027-02-03",
        deadlines=[{"at": "2027-02-03", "all_day": True, "text": "3. februar 2027"}],
        status="open",
    )
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
    assert {r["id"] for r in rows} == {
        item_id("example", "call", "https://example.org/calls/a", None),
        item_id("example", "call", "https://example.org/calls/b", None),
    }
    assert json.loads(rows[0]["deadlines"])[0]["text"] == "3. februar 2027"
    runs = list(db["crawls"].rows)
    assert [(r["items"], r["new"], r["changed"], r["outcome"]) for r in runs] == [
        (2, 2, 0, "ok"),
        (2, 0, 0, "ok"),
    ]
    assert db["changes"].count == 0


def test_a_changed_page_updates_its_row_and_keeps_the_change(tmp_path):
    run_store(tmp_path, [stored_item()])
    first = next(run_store(tmp_path, [stored_item()])["items"].rows)
    extended = stored_item(
        deadline="2027-03-01", deadlines=[{"at": "2027-03-01", "all_day": True, "text": "1. mars 2027"}]
    )
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
    report_problem(
        crawler, "example", "https://example.org/calls/a", "deadline_texts", "no date found: 'snart'"
    )
    pipeline.process_item(stored_item())
    close_store(crawler, pipeline)
    db = database.connect(tmp_path / "t.db")
    problem = next(db["problems"].rows)
    assert (problem["source"], problem["url"], problem["field"]) == (
        "example",
        "https://example.org/calls/a",
        "deadline_texts",
    )
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


# --- the list ------------------------------------------------------------------


def test_the_package_lists_the_pipelines_in_the_order_scrapy_runs_them():
    import re

    import pipelines
    from aggregator import settings

    running = sorted(settings.ITEM_PIPELINES, key=settings.ITEM_PIPELINES.get)
    listed = re.findall(r"(\w+)\.py \(", pipelines.__doc__)
    assert listed == [path.split(".")[1] for path in running]
