"""Clean the raw text of an item: HTML to plain text, folded whitespace,
only http(s) links; drop an item that lacks what every item needs."""

from __future__ import annotations

import unicodedata

from bs4 import BeautifulSoup
from scrapy.exceptions import DropItem

from spiders.extractors.page import KINDS

SUMMARY_CHARS = 600
TEXT_FIELDS = ("title", "location", "start_text", "end_text", "opens_text",
               "published_text", "status_text", "key")


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
    @classmethod
    def from_crawler(cls, crawler):
        return cls()

    def process_item(self, item: dict) -> dict:
        for name in TEXT_FIELDS:
            item[name] = html_to_text(item.get(name))
        item["summary"] = shorten(html_to_text(item.get("summary")))
        item["external_id"] = (item.get("external_id") or "").strip() or None
        item["deadline_texts"] = [t for t in map(html_to_text, item.get("deadline_texts") or []) if t]
        item["tags"] = sorted({t for t in map(html_to_text, item.get("tags") or []) if t})
        where = f"{item.get('source')}: {item.get('url')}"
        if not str(item.get("url") or "").startswith(("http://", "https://")):
            raise DropItem(f"{where}: url: not an http(s) link")
        if item.get("kind") not in KINDS:
            raise DropItem(f"{where}: kind: {item.get('kind')!r} is not one of {KINDS}")
        if not item["title"]:
            raise DropItem(f"{where}: title: empty")
        return item
