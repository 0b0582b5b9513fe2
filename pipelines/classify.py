"""Decide an item's status from what its page says and from its dates.

Words on the page win over dates: a call marked closed is closed even when a
date in its text is still ahead. Otherwise dates decide, as of the crawl's day.
"""

from __future__ import annotations

import re

from core.clock import as_of
from core.db import day_of

# Status words as sources write them, in their languages.
CANCELLED = re.compile(
    r"\b(cancel+ed|annul+ed|postponed|avlyst|utsatt|aflyst|inställt|odwołan[ey]|"
    r"atšaukta|anulat|abgesagt|annulé|storniert|zrušen[oa])\b", re.IGNORECASE)
CLOSED = re.compile(
    r"\b(closed|expired|ended|utgått|avsluttet|stengt|lukket|afsluttet|stängd|"
    r"zakończony|zamknięty|pasibaigęs|baigėsi|închis|încheiat|beendet|geschlossen|"
    r"clôturé|fermé|cerrado|chiuso|encerrado|uzavřen[aáý]?)\b", re.IGNORECASE)
FORTHCOMING = re.compile(
    r"\b(forthcoming|coming soon|kommende|planowany|planuojamas|în curând|geplant)\b",
    re.IGNORECASE)


def status_from_text(text: str | None) -> str | None:
    if not text:
        return None
    for status, pattern in (("cancelled", CANCELLED), ("closed", CLOSED),
                            ("forthcoming", FORTHCOMING)):
        if pattern.search(text):
            return status
    return None


class ClassifyPipeline:
    def __init__(self, crawler):
        self.as_of = as_of(crawler.settings.get("CLUSTERFEEDS_AS_OF"))

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_item(self, item: dict) -> dict:
        said = status_from_text(item.get("status_text"))
        if said == "cancelled" or (said and item["kind"] == "call"):
            item["status"] = said
        elif item["kind"] == "event":
            item["status"] = self._event_status(item)
        elif item["kind"] == "call":
            item["status"] = self._call_status(item)
        else:
            item["status"] = "published"
        return item

    def _event_status(self, item: dict) -> str | None:
        last_day = day_of(item.get("end") or item.get("start"))
        if last_day is None:
            return None
        return "upcoming" if last_day >= self.as_of else "past"

    def _call_status(self, item: dict) -> str | None:
        opens = day_of(item.get("opens"))
        if opens and opens > self.as_of:
            return "forthcoming"
        deadline = day_of(item.get("deadline"))
        if deadline is None:
            return None
        return "open" if deadline >= self.as_of else "closed"
