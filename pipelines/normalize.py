"""Turn an item's raw date texts into time-zone-aware stored values.

All-day values are stored as ``YYYY-MM-DD``; timed values as ISO 8601 with the
UTC offset of their zone on that day. A text that holds no readable date is
reported (source, URL, field, reason) and the item goes on without that date;
so is a date outside the sane range (``aggregator.bounds``), which no event or
call of these sources can have and which a feed or calendar cannot always hold.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

from core.bounds import out_of_range
from core.clock import as_of
from core.db import day_of
from core.problems import report_problem
from pipelines.dates import DateResult, parse_date
from pipelines.dates.result import failure


def stored(value: date | datetime | None, tz: str | None) -> str | None:
    """A date as ``YYYY-MM-DD``; a local wall-clock time as ISO 8601 with its offset."""
    if value is None:
        return None
    if isinstance(value, datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=ZoneInfo(tz or "UTC"))
        return value.isoformat()
    return value.isoformat()


# A year standing alone ("close on 2 July 2021", "Call 2021"), not a span of years ("2021-2027").
LONE_YEAR = re.compile(r"(?<![\d.,/])(?<!\d[-–])((?:19|20)\d\d)(?!\d)(?!\s?[-–/]\s?\d{4})")


def written_year(item: dict) -> date | None:
    """1 January of the latest year the item's date texts write, else its title's:
    the engine puts a yearless date of the page in that year ("will open on 2 April"
    beside "close on 2 July 2021"), where today's year would be a guess."""
    date_texts = [item.get(f) for f in ("start_text", "end_text", "opens_text")]
    for texts in ([*date_texts, *(item.get("deadline_texts") or [])], [item.get("title")]):
        years = [int(year) for text in texts if text for year in LONE_YEAR.findall(text)]
        if years:
            return date(max(years), 1, 1)
    return None


class NormalizeDatesPipeline:
    def __init__(self, crawler):
        self.crawler = crawler
        self.as_of = as_of(crawler.settings.get("CLUSTERFEEDS_AS_OF"))

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_item(self, item: dict) -> dict:
        spider = self.crawler.spider
        item["unreadable"] = []
        source_tz = spider.timezone
        item["language"] = item.get("language") or spider.languages[0]
        item["country"] = spider.country

        published = self._parse(item, "published_text", "published", self.as_of, source_tz)
        item["published"] = stored(published.start, published.tz) if published else None
        # Dates without a year take it from the page's publication date, else from
        # the years the page writes, and from today only when it writes none.
        reference = published.start if published and published.start else written_year(item) or self.as_of
        if isinstance(reference, datetime):
            reference = reference.date()

        start = self._parse(item, "start_text", "event", reference, source_tz)
        end = self._parse(item, "end_text", "event", reference, source_tz)
        opens = self._parse(item, "opens_text", "event", reference, source_tz)
        deadlines = [
            (text, self._parse_text(item, "deadline_texts", text, "deadline", reference, source_tz))
            for text in item.get("deadline_texts") or []
        ]

        event_tz = (start.tz if start and start.start else None) or source_tz
        item["start"] = stored(start.start, event_tz) if start else None
        item["end"] = self._end_of(start, end, event_tz)
        item["all_day"] = (
            None if not start or start.start is None else int(not isinstance(start.start, datetime))
        )
        # A deadline read as a window ("open from 2 March to 14 April") closes at its
        # end and gives the opening when the page has no opens text of its own.
        windows = [r for _, r in deadlines if r and r.end is not None]
        item["opens"] = (
            stored(opens.start, opens.tz)
            if opens
            else stored(windows[0].start, windows[0].tz)
            if windows
            else None
        )
        item["deadlines"] = [
            {
                "at": stored(r.end or r.start, r.tz),
                "all_day": not isinstance(r.end or r.start, datetime),
                "approximate": r.approximate,
                "recurrence": r.recurrence,
                "text": text,
            }
            for text, r in deadlines
            if r and r.start is not None
        ]
        item["deadline"] = self._next_deadline(item["deadlines"])
        deadline_tz = next((r.tz for _, r in deadlines if r and r.start is not None), None)
        item["timezone"] = event_tz if item["start"] else (deadline_tz or source_tz)

        approximate = [
            r for r in (start, *(r for _, r in deadlines)) if r and r.start is not None and r.approximate
        ]
        item["approximate"] = int(bool(approximate))
        item["earliest"] = (
            approximate[0].earliest.isoformat() if approximate and approximate[0].earliest else None
        )
        item["latest"] = approximate[0].latest.isoformat() if approximate and approximate[0].latest else None
        item["recurrence"] = next((r.recurrence for r in approximate if r.recurrence), None)
        return item

    def _end_of(self, start: DateResult | None, end: DateResult | None, tz: str) -> str | None:
        if end and end.start is not None:
            return stored(end.end or end.start, end.tz or tz)
        if start and start.end is not None:
            return stored(start.end, tz)
        return None

    def _next_deadline(self, deadlines: list[dict]) -> str | None:
        if not deadlines:
            return None
        ordered = sorted(deadlines, key=lambda d: d["at"][:10])
        upcoming = [d for d in ordered if day_of(d["at"]) >= self.as_of]
        return (upcoming[0] if upcoming else ordered[-1])["at"]

    def _parse(self, item: dict, field: str, kind: str, reference: date, tz: str) -> DateResult | None:
        text = item.get(field)
        return self._parse_text(item, field, text, kind, reference, tz) if text else None

    def _parse_text(
        self, item: dict, field: str, text: str, kind: str, reference: date, tz: str
    ) -> DateResult | None:
        try:
            result = parse_date(text, item["language"], kind=kind, reference=reference, tz=tz)
        except Exception as error:  # one unreadable date must never stop the crawl
            result = DateResult(start=None, end=None, tz=None, error=f"date engine failed: {error!r}")
        if why := self._out_of_range(result):
            result = failure(why, result.tz)
        if result.start is None:
            item.setdefault("unreadable", []).append(field)
            report_problem(
                self.crawler, item["source"], item["url"], field, f"{result.error or 'no date'}: {text!r}"
            )
        return result

    def _out_of_range(self, result: DateResult) -> str | None:
        for value in (result.start, result.end):
            day = value.date() if isinstance(value, datetime) else value
            if day is not None and (why := out_of_range(day, self.as_of)):
                return f"out of range: {why}"
        return None
