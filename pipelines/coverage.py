"""Field coverage: the share of a crawl's items that have each field a person
reads, and which shares fell against the source's last good run.

A redesign that keeps a site's list but loses its dates still yields items, so
the item count alone cannot tell; the share of items with a date can. Each
field is counted over the items it belongs to: a news item has no start, a
call seldom a place.

No Scrapy here: the store counts the items it sees and compares the tallies
(pipelines/store.py).
"""

from __future__ import annotations

import json

from core.items import DATED_KINDS, Kind

# field: the kinds it is counted over (None: every item).
FIELDS = {
    "title": None,
    "url": None,
    "start/deadline": DATED_KINDS,
    "location": (Kind.EVENT,),
}
# A share that falls by more than this (0.25: 25 points, like 96% → 70%) has dropped.
DROP = 0.25
# Fewer items of a field's kinds than this, in either run, are too few to judge it.
MIN_ITEMS = 5


def has(item: dict, field: str) -> bool:
    if field == "start/deadline":
        return bool(item.get("start") or item.get("deadline"))
    value = item.get(field)
    return bool(value.strip() if isinstance(value, str) else value)


class Tally:
    """For each field, how many items have it of how many it belongs to."""

    def __init__(self):
        self.counts = {field: [0, 0] for field in FIELDS}

    def count(self, item: dict) -> None:
        for field, kinds in FIELDS.items():
            if kinds is None or item.get("kind") in kinds:
                self.counts[field][1] += 1
                self.counts[field][0] += has(item, field)

    def to_json(self) -> str:
        return json.dumps(self.counts, sort_keys=True)


def share(pair: list[int]) -> float:
    with_field, of = pair
    return with_field / of


def dropped(before_json: str, now: Tally) -> str | None:
    """The fields whose share fell by more than DROP since the run ``before_json``
    counted, named with their shares (``start/deadline 96% → 0%``); None if none.
    A field that run had on no item cannot drop."""
    before = json.loads(before_json)
    drops = []
    for field in FIELDS:
        old, new = before.get(field), now.counts[field]
        if not old or old[1] < MIN_ITEMS or new[1] < MIN_ITEMS:
            continue
        if share(old) - share(new) > DROP:
            drops.append(f"{field} {share(old):.0%} → {share(new):.0%}")
    return ", ".join(drops) or None
