"""Where and how an event is held, read from its prose: "will be held in Iasi,
Romania", "im Grazer Messecenter", "in Brașov, Hotel Aro Palace"; "webinar",
"online event", "virtual cluster meeting". Only the sentences that hold the
event's date or an event cue are read, so a speaker's home town or an "online
application" does not count. The venue pipeline (pipelines/places.py) finds the
country and city in the text kept here."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

import regex

from spiders.extractors.generic_cues import (
    EVENT_NOUNS,
    NOT_ONLINE,
    NOT_PLACES,
    ONLINE_EVENTS,
    ONLINE_WORDS,
    PLACE_PREPOSITIONS,
    cue_pattern,
)
from spiders.extractors.generic_labels import SENTENCE_END

# A place's name: capitalised words, joined by a few small words ("Palace of Culture");
# a dot only inside a word ("S.A"), so that a name ends with its sentence ("Leipzig. Gemeinsam").
WORD = r"\p{Lu}(?:[\p{L}\p{M}'’-]|\.(?=\p{L}))*"
NAME = rf"{WORD}(?:[ \t]+(?:(?:of|de|du|der|la|di|am|an|upon|na)[ \t]+)?{WORD})*"
PLACES_AT_MOST = 2
# How far (in characters) from its event's date, cue or noun a place may begin.
PLACE_REACH = 60
LETTER = regex.compile(r"\p{L}")  # none before a date that opens its line: "24, 25, 26 March 2015, …"
AFTER_DATE = regex.compile(
    rf"[ \t,]*(?:(?:19|20)\d\d)?[ \t]*[,–-][ \t]*(?P<place>{NAME}(?:,[ \t]*{NAME}){{0,3}})"
)
ONLINE_EVENT = regex.compile(rf"(?<!\w)(?:{ONLINE_EVENTS})(?!\w)", regex.IGNORECASE)
ONLINE_WORD = regex.compile(rf"(?<!\w)(?:{ONLINE_WORDS})(?!\w)", regex.IGNORECASE)
NOT_ONLINE_AFTER = regex.compile(rf"[\s-]*(?:{NOT_ONLINE})(?!\w)", regex.IGNORECASE)
EVENT_NOUN = regex.compile(rf"(?<!\w)(?:{EVENT_NOUNS})", regex.IGNORECASE)
TIME_OF_DAY = regex.compile(r"\d{1,2}[:.]\d{2}|\d\s?[ap]\.?m\.?(?!\w)", regex.IGNORECASE)
NEAR = 40  # characters around an online word where its event noun or time may stand
NOT_PLACE = regex.compile(rf"(?:{NOT_PLACES})", regex.IGNORECASE)


@cache
def place_pattern(language: str) -> regex.Pattern[str]:
    prepositions = "|".join(p for p in (PLACE_PREPOSITIONS.get(language), PLACE_PREPOSITIONS["en"]) if p)
    return regex.compile(
        rf"(?<!\w)(?i:{prepositions})[ \t]+(?:(?i:the|der|dem|den|det)[ \t]+)?"
        rf"(?P<place>{NAME}(?:,[ \t]*{NAME}){{0,3}})"
    )


def place_in(texts: Iterable[tuple[str, int, int]], language: str) -> str | None:
    """The place the first text (a paragraph, with where its event's date starts and
    ends) names near its event: by a preposition close to the date, an event's cue or
    noun ("will be held in Brașov, Hotel Aro Palace", "the 3rd event in Bistrita"), or
    right after a date that opens the line ("24, 25, 26 March 2015, Dabrowa Gornicza,
    Poland"). Two such places are joined ("Clusterkonferenz, Berlin"); a place far
    from them (a speaker's town, "in SMEs" at the end of a long sentence) is not the event's."""
    pattern = place_pattern(language)
    cues = cue_pattern("event", language)
    for text, start, end in texts:
        opening = AFTER_DATE.match(text, end) if not LETTER.search(text, 0, start) else None
        if opening and (place := place_of(opening["place"])):
            return place
        anchors = [
            start,
            *(m.end() for m in cues.finditer(text)),
            *(m.end() for m in EVENT_NOUN.finditer(text)),
        ]
        places = []
        for match in pattern.finditer(text):
            if not any(near(text, at, match.start()) for at in anchors):
                continue
            place = place_of(match["place"])
            if place and place not in places:
                places.append(place)
        if places:
            return ", ".join(places[:PLACES_AT_MOST])
    return None


def near(text: str, anchor: int, place: int) -> bool:
    """Whether a place stands close to an anchor, in the same sentence."""
    low, high = sorted((anchor, place))
    return high - low <= PLACE_REACH and not SENTENCE_END.search(text, low, high)


def place_of(names: str) -> str:
    """ "Iasi, Romania" of "Iasi, Romania.", without the parts that are no place ("March")."""
    parts = [p.strip().rstrip(".") for p in names.split(",")]
    return ", ".join(p for p in parts if p and not NOT_PLACE.fullmatch(p.split()[0]))


def online_in(texts: Iterable[str]) -> bool:
    """Whether the texts (a title, an event's sentences) say the event is held online:
    a word that is an online event of its own, or an online word beside an event
    noun or a time ("virtual cluster meeting", "online at 10:00"), not before
    "application", "platform" and the like."""
    for text in texts:
        if ONLINE_EVENT.search(text):
            return True
        for match in ONLINE_WORD.finditer(text):
            if NOT_ONLINE_AFTER.match(text, match.end()):
                continue
            near = text[max(0, match.start() - NEAR) : match.end() + NEAR]
            if EVENT_NOUN.search(near) or TIME_OF_DAY.search(near):
                return True
    return False
