"""The status an item's page states in words (cancelled, closed, forthcoming).

Only what the page says is stored: the statuses that follow from the dates
(upcoming, past, open, closed) change with the day, so the feeds derive them
where they are built, as of their day (feeds/entries.py). There the dates win
over stale words (a call past its last deadline is closed, one before its
opening is forthcoming), and only "cancelled", which no date tells, beats them.
"""

from __future__ import annotations

import re

from core.items import Kind, Status

# Status words as sources write them, in their languages.
CANCELLED = re.compile(
    r"\b(cancel+ed|annul+ed|postponed|avlyst|utsatt|aflyst|inställt|odwołan[ey]|"
    r"atšaukta|anulat|abgesagt|annulé|storniert|zrušen[oa])\b",
    re.IGNORECASE,
)
CLOSED = re.compile(
    r"\b(closed|expired|ended|utgått|avsluttet|stengt|lukket|afsluttet|stängd|"
    r"zakończony|zamknięty|pasibaigęs|baigėsi|închis|încheiat|beendet|geschlossen|"
    r"clôturé|fermé|cerrado|chiuso|encerrado|uzavřen[aáý]?)\b",
    re.IGNORECASE,
)
FORTHCOMING = re.compile(
    r"\b(forthcoming|coming soon|kommende|planowany|planuojamas|în curând|geplant)\b", re.IGNORECASE
)


def status_from_text(text: str | None) -> Status | None:
    if not text:
        return None
    for status, pattern in (
        (Status.CANCELLED, CANCELLED),
        (Status.CLOSED, CLOSED),
        (Status.FORTHCOMING, FORTHCOMING),
    ):
        if pattern.search(text):
            return status
    return None


def said_status(kind: str, status_text: str | None) -> Status | None:
    """What the page says of the item: anything can be cancelled; only a call
    is closed or forthcoming (an event's "registration closed" is not the event's)."""
    said = status_from_text(status_text)
    return said if said == Status.CANCELLED or kind == Kind.CALL else None


class ClassifyPipeline:
    def process_item(self, item: dict) -> dict:
        item["status"] = said_status(item["kind"], item.get("status_text"))
        return item
