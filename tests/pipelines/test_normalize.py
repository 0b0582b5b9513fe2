"""The normalising pipeline: raw date texts to stored, time-zone-aware values."""

import pytest
from scrapy.utils.test import get_crawler

from core.items import raw_item
from core.problems import problem_found
from pipelines.normalize import NormalizeDatesPipeline, stored
from spiders.base import SourceSpider


class OsloSpider(SourceSpider):
    name = "oslo"
    country = "NO"
    languages = ("nb", "en")
    timezone = "Europe/Oslo"


@pytest.fixture
def pipeline():
    crawler = get_crawler(OsloSpider, {"CLUSTERFEEDS_AS_OF": "2026-11-16"})
    crawler.spider = OsloSpider.from_crawler(crawler)
    pipeline = NormalizeDatesPipeline(crawler)
    pipeline.problems = []
    # Signal receivers are held weakly: keep a reference to this one.
    pipeline.record_problem = lambda source, url, field, message, **_: pipeline.problems.append(
        {"source": source, "url": url, "field": field, "message": message}
    )
    crawler.signals.connect(pipeline.record_problem, signal=problem_found)
    return pipeline


def normalised(pipeline, kind="event", language="en", **fields):
    item = {**raw_item(kind, "https://example.org/x", "X", language, **fields), "source": "oslo"}
    return pipeline.process_item(item)


def test_stored_forms():
    from datetime import date, datetime

    assert stored(date(2027, 2, 3), "Europe/Oslo") == "2027-02-03"
    assert stored(datetime(2027, 2, 3, 12, 0), "Europe/Oslo") == "2027-02-03T12:00:00+01:00"
    assert stored(datetime(2027, 7, 3, 12, 0), "Europe/Oslo") == "2027-07-03T12:00:00+02:00"
    assert stored(None, "Europe/Oslo") is None


def test_an_all_day_range_is_stored_as_dates(pipeline):
    item = normalised(pipeline, start_text="14-16 May 2019")
    assert (item["start"], item["end"], item["all_day"]) == ("2019-05-14", "2019-05-16", 1)
    assert item["timezone"] == "Europe/Oslo" and item["country"] == "NO"


def test_start_and_end_fields_with_times_keep_their_offset(pipeline):
    item = normalised(
        pipeline, start_text="Start: 3 December 2026, 10:00", end_text="End: 3 December 2026, 12:30"
    )
    assert item["start"] == "2026-12-03T10:00:00+01:00"
    assert item["end"] == "2026-12-03T12:30:00+01:00"
    assert item["all_day"] == 0


def test_every_cut_off_is_kept_and_the_next_one_is_the_deadline(pipeline):
    item = normalised(
        pipeline,
        kind="call",
        language="en",
        deadline_texts=["1 April 2026, at 18.00 CET", "25 April 2027, 23:59 Brussels time"],
    )
    assert [d["at"] for d in item["deadlines"]] == ["2026-04-01T18:00:00+02:00", "2027-04-25T23:59:00+02:00"]
    assert item["deadline"] == "2027-04-25T23:59:00+02:00"
    assert item["timezone"] == "Europe/Brussels"


def test_a_date_without_year_takes_it_from_the_publication_date(pipeline):
    item = normalised(
        pipeline,
        kind="call",
        language="nb",
        published_text="Publisert 10.03.2025",
        deadline_texts=["15.05 Frist skisser"],
    )
    assert item["published"] == "2025-03-10"
    assert item["deadline"] == "2025-05-15"


def test_an_approximate_yearly_deadline(pipeline):
    item = normalised(
        pipeline, kind="call", language="nb", deadline_texts=["Søknadsfrist er midten av september hvert år"]
    )
    assert item["deadline"].startswith("2027-09-")
    assert item["approximate"] == 1 and item["recurrence"] == "yearly"
    assert item["earliest"] <= item["deadline"] <= item["latest"]


def test_an_unreadable_date_is_reported_and_the_item_goes_on(pipeline):
    item = normalised(
        pipeline, kind="call", deadline_texts=["Deadline: to be announced"], start_text="31 February 2027"
    )
    assert item["deadline"] is None and item["deadlines"] == [] and item["start"] is None
    assert {p["field"] for p in pipeline.problems} == {"deadline_texts", "start_text"}
    assert all(p["source"] == "oslo" and p["url"] == "https://example.org/x" for p in pipeline.problems)


@pytest.mark.parametrize(
    "field, text, why",
    [
        ("start_text", "Start: 3 March 1989", "1989-03-03 is before 1990-01-01"),
        ("end_text", "End: 31 December 2036", "2036-12-31 is more than 10 years after 2026-11-16"),
        ("start_text", "14 November 2036 - 2 January 2037", "2037-01-02 is more than 10 years"),
        ("opens_text", "Opens 1 January 9999, 10:00", "9999-01-01 is more than 10 years"),
        ("published_text", "Published 02.01.1987", "1987-01-02 is before 1990-01-01"),
        ("deadline_texts", "Deadline: 31 December 9998", "9998-12-31 is more than 10 years"),
    ],
)
def test_a_date_outside_the_sane_range_is_refused_naming_the_field(pipeline, field, text, why):
    value = [text] if field == "deadline_texts" else text
    item = normalised(pipeline, kind="call", **{field: value})
    assert (item["start"], item["end"], item["opens"], item["published"], item["deadline"]) == (
        None,
        None,
        None,
        None,
        None,
    )
    assert item["unreadable"] == [field]
    [problem] = pipeline.problems
    assert problem["field"] == field and problem["message"].startswith("out of range: ")
    assert why in problem["message"] and repr(text) in problem["message"]


def test_the_sane_range_ends_ten_years_after_the_as_of_day(pipeline):
    item = normalised(pipeline, start_text="16 November 2036", end_text="1 January 1990")
    assert (item["start"], item["end"]) == ("2036-11-16", "1990-01-01")
    assert pipeline.problems == []


def test_a_deadline_window_stores_its_opening_and_closes_at_its_end(pipeline):
    item = normalised(
        pipeline,
        kind="call",
        deadline_texts=["Applications are accepted from 2 March 2027 to 14 April 2027, 12:00 CEST"],
    )
    assert item["opens"] == "2027-03-02"
    assert [(d["at"], d["all_day"]) for d in item["deadlines"]] == [("2027-04-14T12:00:00+02:00", False)]
    assert item["deadline"] == "2027-04-14T12:00:00+02:00"


def test_an_opens_text_of_its_own_wins_over_a_deadline_window(pipeline):
    item = normalised(
        pipeline,
        kind="call",
        opens_text="Opens 1 March 2027",
        deadline_texts=["From 2 March 2027 to 14 April 2027"],
    )
    assert item["opens"] == "2027-03-01"


def test_a_yearless_date_takes_the_year_the_page_writes_not_todays(pipeline):
    # A 2021 call page read in 2026, without a publication date: "will open on 2 April".
    item = normalised(
        pipeline,
        kind="call",
        opens_text="will open on 2 April",
        deadline_texts=["close on 2 July 2021 (14:00 CEST)"],
    )
    assert (item["opens"], item["deadline"]) == ("2021-04-02", "2021-07-02T14:00:00+02:00")
    titled = {**raw_item("call", "https://example.org/y", "Call 2021", "en"), "source": "oslo"}
    titled["deadline_texts"] = ["søknadsfrist 25. september"]
    assert pipeline.process_item(titled)["deadline"] == "2021-09-25"
    # A span of years is no page year; with none written, today's reading stands.
    spanned = normalised(pipeline, kind="call", opens_text="opens 2 April, programme 2021-2027")
    assert spanned["opens"] == "2027-04-02"
