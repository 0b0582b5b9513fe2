"""EU Funding & Tenders portal: replies of its search API (JSON), one call per topic.

The API is not documented: every metadata value comes wrapped in a list, and a
reply whose shape differs from what is read here is reported field by field,
keeping whatever topics can still be read. Its quirks stop here: a topic listed
twice is one item, its page is the portal's topic page rather than the data file
the reply points at, and its dates are given as the portal shows them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime, time
from urllib.parse import parse_qsl, urlencode, urlsplit
from zoneinfo import ZoneInfo

from core.items import raw_item
from spiders.extractors.page import Extraction
from spiders.extractors.routes import LISTING, Router

LANGUAGE = "en"
SEARCH_URL = "https://api.tech.ec.europa.eu/search-api/prod/rest/search"
TOPIC_PAGE = (
    "https://ec.europa.eu/info/funding-tenders/opportunities/portal/screen/opportunities/topic-details/{}"
)
STATUSES = {"31094501": "Forthcoming", "31094502": "Open", "31094503": "Closed"}
# frameworkProgramme codes of the programmes that fund clusters and innovation agencies.
PROGRAMMES = {
    "43108390": "Horizon Europe",
    "43152860": "Digital Europe Programme",
    "43252476": "Single Market Programme",
    "43252405": "LIFE Programme",
    "44416173": "Interregional Innovation Investments (I3)",
}
# What the API writes for a date: a day, mostly with a time and a UTC offset.
API_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?")
# The portal states every deadline at 17:00 Brussels time (its topic pages write
# "03 April 2025 17:00 (Brussels time)"), and an opening as a day ("Planned Opening
# Date: 23 January 2025"). So a value at midnight is a day whose hour the API left
# out: a deadline then falls at the portal's 17:00 in Brussels, not at midnight UTC.
PORTAL_ZONE = ZoneInfo("Europe/Brussels")
PORTAL_DEADLINE_HOUR = time(17)
MONTHS = "January February March April May June July August September October November December".split()
# Without these a topic is not worth an item; the others are reported when missing.
KEY_FIELDS = ("identifier", "title")
EXPECTED_FIELDS = ("status", "deadlineDate")


def search_reply(url: str, body: str) -> Extraction:
    """The topics of one search reply, and the next page's URL while results remain."""
    try:
        reply = json.loads(body)
    except (ValueError, RecursionError) as error:
        return Extraction(problems=[("body", f"not JSON: {error}")])
    if not isinstance(reply, dict):
        return Extraction(problems=[("body", unexpected("an object", reply))])
    problems: list[tuple[str, str]] = []
    results = reply.get("results")
    if not isinstance(results, list):
        problems.append(("results", unexpected("a list", results)))
        results = []
    items = once_each(
        [
            (f"results[{index}]", topic_item(result, f"results[{index}]", problems))
            for index, result in enumerate(results)
        ],
        problems,
    )
    return Extraction(
        items=items, next_page=next_page(url, reply, bool(results), problems), problems=problems
    )


def topic_item(result: object, where: str, problems: list[tuple[str, str]]) -> dict | None:
    """The call of one result, or None (with the reason in ``problems``)."""
    if not isinstance(result, dict):
        problems.append((where, unexpected("an object", result)))
        return None
    if not isinstance(result.get("metadata"), dict):
        problems.append((f"{where}.metadata", unexpected("an object", result.get("metadata"))))
        return None
    metadata = Metadata(result["metadata"], f"{where}.metadata", problems)
    identifier, title = metadata.first("identifier"), metadata.first("title")
    if not identifier or not title:
        return None
    status_code = metadata.first("status")
    if status_code and status_code not in STATUSES:
        metadata.report("status", f"unknown status code {status_code!r}")
    programmes = []
    for code in metadata.values("frameworkProgramme"):
        if code in PROGRAMMES:
            programmes.append(PROGRAMMES[code])
        else:
            metadata.report("frameworkProgramme", f"unknown programme code {code!r}")
    summary = metadata.first("descriptionByte") or result.get("summary")
    opens = metadata.first_date("startDate")
    return raw_item(
        "call",
        topic_page(result.get("url"), identifier, f"{where}.url", problems),
        title,
        LANGUAGE,
        summary=summary if isinstance(summary, str) else None,
        external_id=identifier,
        opens_text=day_as_shown(opens) if opens else None,
        deadline_texts=[deadline_as_shown(moment) for moment in metadata.dates("deadlineDate")],
        status_text=STATUSES.get(status_code or ""),
        tags=[*programmes, *metadata.values("keywords"), *metadata.values("deadlineModel")],
    )


def once_each(found: list[tuple[str, dict | None]], problems: list[tuple[str, str]]) -> list[dict]:
    """One item per topic: the API lists some twice in a reply. The first is kept; a
    repeat that says something else is reported, so that nothing is lost unsaid."""
    first: dict[str, tuple[str, dict]] = {}
    for where, item in found:
        if item is None:
            continue
        identifier = item["external_id"]
        if identifier not in first:
            first[identifier] = (where, item)
        elif item != first[identifier][1]:
            problems.append((where, f"{identifier} again, unlike {first[identifier][0]}; the first is kept"))
    return [item for _, item in first.values()]


def topic_page(url: object, identifier: str, where: str, problems: list[tuple[str, str]]) -> str:
    """The topic's page: the reply's ``url`` when it is a web page; built from the
    identifier when it is the data file behind the page (``…/topicDetails/<id>.json``)."""
    parts = urlsplit(url) if isinstance(url, str) else None
    if parts and parts.scheme in ("http", "https") and parts.netloc:
        if not parts.path.endswith(".json"):
            return url
    elif url is not None:
        problems.append((where, f"not a web address: {json.dumps(url)[:80]}"))
    return TOPIC_PAGE.format(identifier.lower())


# The API's dates are restated in the words the portal's topic page uses, for the date
# engine to read like any page's deadline. That is extraction, not parsing: the value is
# a machine timestamp in one fixed form (API_DATE), so reading it needs no language, no
# year and no choice between readings. The engine cannot take the value as it comes: it
# shows a time in the zone its offset names, so 16:00+0000 would be shown in UTC, and a
# midnight would be a deadline at 00:00.
def in_portal_time(value: str) -> date | datetime:
    """The day, when the value is at midnight (its hour left out); else the instant
    as the portal shows it, in Brussels (a time without an offset is taken as the
    portal's own). ValueError when it is not the API's form."""
    if not API_DATE.fullmatch(value):
        raise ValueError(value)
    written = datetime.fromisoformat(value)
    if written.time() == time(0):
        return written.date()
    return written.astimezone(PORTAL_ZONE) if written.tzinfo else written


def deadline_as_shown(moment: date | datetime) -> str:
    """``14 January 2027 17:00 (Brussels time)``, as the portal writes a deadline."""
    if not isinstance(moment, datetime):
        moment = datetime.combine(moment, PORTAL_DEADLINE_HOUR)
    return f"{day_as_shown(moment)} {moment:%H:%M} (Brussels time)"


def day_as_shown(day: date) -> str:
    """``15 October 2026``, as the portal writes a day (an opening is one)."""
    return f"{day.day:02d} {MONTHS[day.month - 1]} {day.year}"


@dataclass
class Metadata:
    """One result's metadata, read value by value, reporting what is not as expected."""

    data: dict
    where: str
    problems: list[tuple[str, str]]

    def report(self, name: str, message: str) -> None:
        self.problems.append((f"{self.where}.{name}", message))

    def values(self, name: str) -> list[str]:
        value = self.data.get(name)
        if isinstance(value, str):  # one value not wrapped in a list: readable, but a change
            self.report(name, "expected a list, got str")
            value = [value]
        if value is None or value == []:
            if name in KEY_FIELDS or name in EXPECTED_FIELDS:
                self.report(name, "missing")
            return []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.report(name, f"expected a list of texts, got {json.dumps(value)[:80]}")
            return []
        return [v.strip() for v in value if v.strip()]

    def first(self, name: str) -> str | None:
        return next(iter(self.values(name)), None)

    def dates(self, name: str) -> list[date | datetime]:
        """The values that are the API's dates, as the portal shows them; the others reported."""
        found = []
        for value in self.values(name):
            try:
                found.append(in_portal_time(value))
            except (ValueError, OverflowError):  # out of range once in Brussels
                self.report(name, f"not a date: {value!r}")
        return found

    def first_date(self, name: str) -> date | datetime | None:
        return next(iter(self.dates(name)), None)


def next_page(url: str, reply: dict, had_results: bool, problems: list[tuple[str, str]]) -> str | None:
    """The same search one page further, while ``pageNumber * pageSize < totalResults``."""
    numbers = {}
    for name in ("totalResults", "pageNumber", "pageSize"):
        value = reply.get(name)
        if isinstance(value, int) and not isinstance(value, bool):
            numbers[name] = value
        else:
            problems.append((name, unexpected("a number", value)))
    if len(numbers) < 3 or not had_results:
        # An empty page ends the paging whatever totalResults says: the API has a
        # result window past which it answers with no results.
        return None
    if numbers["pageNumber"] * numbers["pageSize"] >= numbers["totalResults"]:
        return None
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query, keep_blank_values=True))
    query["pageNumber"] = str(numbers["pageNumber"] + 1)
    return parts._replace(query=urlencode(query, safe="*")).geturl()


def unexpected(wanted: str, value: object) -> str:
    """A problem's message for a JSON value that is not what was wanted."""
    return "missing" if value is None else f"expected {wanted}, got {type(value).__name__}"


# A reply lists calls, each an item with its topic page's URL.
ROUTER = Router(
    {
        (urlsplit(SEARCH_URL).hostname,): [
            (re.escape(urlsplit(SEARCH_URL).path) + "$", LISTING, search_reply),
        ]
    }
)
extract = ROUTER.extract
