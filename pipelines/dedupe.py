"""One entry per real-world thing: telling when two items announce the same
event or call (an ECCP listing and a national agency's page, a news item and
an event page), so the feeds show it once with every source's link.

Two items are the same thing when they are of the same kind, fall on the same
day (an event's start; a call's deadlines share a day) and their titles share
most of their significant words, or of their stems, which carries across
languages that borrow the same words ("Baltic Cluster Forum 2027", "Baltijos
klasterių forumas 2027"). Without dates nothing is merged: a guess
would hide a real entry.

Matching is never pairwise: two items can be the same thing only when they
share a day and a word's stem, so each item is stored under those (day, title
key) pairs (``day_keys``) and compared only with what an index finds under its
own (``candidates``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import lru_cache

from core.db import day_of
from core.items import DATED_KINDS
from pipelines.topics import fold

# Words that say little about which event it is, in the sources' languages.
STOPWORDS = frozenset(
    """
the and for with from into our your this that are was will of to in on at by an a
event events call calls proposals proposal open deadline new 2nd 3rd
og i for til med av pa en et det som er den de
und der die das fur mit von zum zur im am
w na do z dla oraz
ir su del ir
si de la cu pentru
""".split()
)
SIMILARITY = 0.6
STEM = 5
# A stem found under more items than this on one day says as little about which
# event it is as a stop word (a page flooding a day with look-alike titles):
# it is not looked up, and only the whole title's key finds the same thing.
CROWDED = 50
# Marks the key of a whole title, apart from the keys of its words.
WHOLE = "="


@lru_cache(maxsize=4096)
def significant_words(title: str) -> frozenset[str]:
    return frozenset(
        word
        for word in re.findall(r"[a-z0-9]+", fold(title))
        if word not in STOPWORDS and (len(word) > 2 or word.isdigit())
    )


def days_of(row: dict) -> set:
    if row["kind"] == "event":
        return {day_of(row.get("start"))} - {None}
    deadlines = row.get("deadlines") or "[]"
    if isinstance(deadlines, str):
        deadlines = json.loads(deadlines)
    return {day_of(d["at"]) for d in deadlines}


def same_thing(a: dict, b: dict) -> bool:
    if a["kind"] != b["kind"] or a["kind"] not in DATED_KINDS:
        return False
    if not days_of(a) & days_of(b):
        return False
    words_a, words_b = sorted((significant_words(a["title"]), significant_words(b["title"])), key=len)
    shared = sum(any(same_word(word, other) for other in words_b) for word in words_a)
    if not shared:
        return False
    # Jaccard, or the shorter title nearly inside the longer one.
    return shared / (len(words_a) + len(words_b) - shared) >= SIMILARITY or (
        len(words_a) >= 2 and shared >= SIMILARITY * len(words_a) + 0.5
    )


def same_word(a: str, b: str) -> bool:
    """Equal, or the same stem across inflections and languages: forum,
    forumas; cluster, clusters; baltic, baltijos (the day must match too)."""
    return stem(a) == stem(b)


def stem(word: str) -> str:
    """A word's first letters: two words are the same word exactly when their stems are equal."""
    return word[:STEM]


def day_keys(row: dict) -> set[tuple[str, str]]:
    """The (day, title key) pairs a row is stored under: each of its days with
    each of its title's stems, and with its whole title's stems together."""
    if row["kind"] not in DATED_KINDS:
        return set()
    try:
        days = days_of(row)
    except (ValueError, TypeError, KeyError):  # a row not written by the pipelines: never merged
        return set()
    stems = sorted({stem(word) for word in significant_words(row["title"])})
    keys = {*stems, WHOLE + " ".join(stems)} if stems else set()
    return {(day.isoformat(), key) for day in days for key in keys}


def candidates(row: dict, stored_under: Callable[[str, str, int], list[str]]) -> list[str]:
    """The ids of the items that may be the same thing as ``row``, found through
    ``stored_under(day, key, limit)``: the ids stored under a day and title key,
    at most ``limit``. At most CROWDED per key, so matching stays linear."""
    found: dict[str, None] = {}
    for day, key in sorted(day_keys(row)):
        ids = stored_under(day, key, CROWDED + 1)
        if key.startswith(WHOLE) or len(ids) <= CROWDED:
            found.update(dict.fromkeys(ids[:CROWDED]))
    found.pop(row["id"], None)
    return list(found)


def entry_for(row: dict, others) -> str:
    """The entry id of the first of ``others`` that is the same thing, else the row's own id."""
    for other in others:
        if other["id"] != row["id"] and same_thing(row, other):
            return other.get("entry_id") or other["id"]
    return row["id"]
