"""Check an item against its definition (core.items.CrawledItem), then clean its
raw text: HTML to plain text, folded whitespace, no control characters, every
field bounded, only http(s) links; drop an item that lacks what every item
needs. Each field mended, each character removed and each cut is reported
(source, URL, field), so a page can neither break a feed nor swell the database."""

from __future__ import annotations

import unicodedata

from bs4 import BeautifulSoup
from scrapy.exceptions import DropItem

from core.bounds import controls_in, without_controls
from core.items import ESSENTIAL_FIELDS, FIELD_TYPES, empty_value, field_problems
from core.problems import report_problem

SUMMARY_CHARS = 600
DATE_TEXT_CHARS = 500
# The most characters each text field keeps; a summary is shortened to its
# display length by design, so its cut is no problem worth reporting.
LIMITS = {
    "title": 300,
    "location": 200,
    "key": 200,
    "language": 35,
    "status_text": 200,
    "start_text": DATE_TEXT_CHARS,
    "end_text": DATE_TEXT_CHARS,
    "opens_text": DATE_TEXT_CHARS,
    "published_text": DATE_TEXT_CHARS,
}
TEXT_FIELDS = tuple(LIMITS)
TAG_CHARS = 60
EXTERNAL_ID_CHARS = 200
MAX_TAGS = 30
MAX_DEADLINE_TEXTS = 20
URL_CHARS = 2048
# Words (as opposed to codes and date texts) are cut at a word, with "…".
WORDY = ("title", "location")
SHOWN = 60  # characters of a cut-off part quoted in its report


def html_to_text(value: str | None) -> str | None:
    """Plain text of an HTML or text fragment, whitespace folded; None when empty."""
    if value is None:
        return None
    if "<" in value or "&" in value:
        value = BeautifulSoup(value, "lxml").get_text(" ")
    text = " ".join(unicodedata.normalize("NFC", value).split())
    return text or None


def shorten(text: str | None, limit: int = SUMMARY_CHARS) -> str | None:
    """The text cut at a word boundary to at most ``limit`` characters."""
    if text is None or len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:.") + "…"


class CleanTextPipeline:
    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_item(self, item: dict) -> dict:
        self._check_fields(item)
        self._check_url(item)
        for name in TEXT_FIELDS:
            text = self._text(item, name, item.get(name))
            item[name] = self._capped(item, name, text, LIMITS[name], name in WORDY)
        item["summary"] = shorten(self._text(item, "summary", item.get("summary")))
        external_id = self._text(item, "external_id", item.get("external_id"), as_html=False)
        item["external_id"] = self._capped(
            item, "external_id", (external_id or "").strip() or None, EXTERNAL_ID_CHARS
        )
        texts = self._at_most(item, "deadline_texts", self._texts(item, "deadline_texts"), MAX_DEADLINE_TEXTS)
        item["deadline_texts"] = [self._capped(item, "deadline_texts", t, DATE_TEXT_CHARS) for t in texts]
        tags = self._at_most(item, "tags", list(dict.fromkeys(self._texts(item, "tags"))), MAX_TAGS)
        item["tags"] = sorted({self._capped(item, "tags", t, TAG_CHARS, wordy=True) for t in tags})
        if not item["title"]:
            raise DropItem(f"{self._where(item)}: title: empty")
        return item

    def _check_fields(self, item: dict) -> None:
        """Drop an item missing, or with an ill-typed, field it cannot be stored
        without; leave out an unknown field, empty any other ill-typed one."""
        problems = field_problems(item)
        for field, problem in problems:
            if field in ESSENTIAL_FIELDS:
                raise DropItem(f"{self._where(item)}: {field}: {problem}")
        for field, problem in problems:
            if field not in FIELD_TYPES:
                del item[field]
                self._problem(item, field, "unknown field, left out")
            else:
                item[field] = empty_value(field)
                self._problem(item, field, f"{problem}; left empty")

    def _check_url(self, item: dict) -> None:
        raw = str(item.get("url") or "")
        url = without_controls(raw).strip()
        # A cut link leads elsewhere: a too long one refuses the item, its report bounded.
        item["url"] = url if len(url) <= URL_CHARS else url[:URL_CHARS] + "…"
        if found := controls_in(raw):
            self._problem(item, "url", f"removed control characters {', '.join(found)}")
        if len(url) > URL_CHARS:
            raise DropItem(f"{self._where(item)}: url: {len(url)} characters, more than {URL_CHARS}")
        if not url.startswith(("http://", "https://")):
            raise DropItem(f"{self._where(item)}: url: not an http(s) link")

    def _texts(self, item: dict, field: str) -> list[str]:
        """The non-empty texts of a list field, each cleaned."""
        return [t for t in (self._text(item, field, v) for v in item.get(field) or []) if t]

    def _text(self, item: dict, field: str, value, as_html: bool = True) -> str | None:
        """The value as plain text, without control characters (their removal reported)."""
        if value is None:
            return None
        value = value if isinstance(value, str) else str(value)
        if found := controls_in(value):
            self._problem(item, field, f"removed control characters {', '.join(found)}")
            value = without_controls(value)
        return html_to_text(value) if as_html else value

    def _capped(
        self, item: dict, field: str, text: str | None, limit: int, wordy: bool = False
    ) -> str | None:
        if text is None or len(text) <= limit:
            return text
        kept = shorten(text, limit) if wordy else text[:limit]
        cut_off = text[len(kept.removesuffix("…")) :].strip()
        self._problem(
            item,
            field,
            f"cut to {len(kept)} of {len(text)} characters; cut off: "
            f"{cut_off[:SHOWN]!r}{'…' if len(cut_off) > SHOWN else ''}",
        )
        return kept

    def _at_most(self, item: dict, field: str, values: list[str], limit: int) -> list[str]:
        if len(values) <= limit:
            return values
        left_out = values[limit:]
        shown = ", ".join(repr(v[:SHOWN]) for v in left_out[:3])
        self._problem(
            item,
            field,
            f"kept the first {limit} of {len(values)}; left out: {shown}"
            + (", …" if len(left_out) > 3 else ""),
        )
        return values[:limit]

    def _problem(self, item: dict, field: str, message: str) -> None:
        report_problem(self.crawler, item.get("source"), item.get("url"), field, message)

    @staticmethod
    def _where(item: dict) -> str:
        return f"{item.get('source')}: {item.get('url')}"
