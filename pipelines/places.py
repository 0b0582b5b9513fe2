"""Where an event or call takes place: the venue's city and ISO country, read
offline from the location as the page writes it ("in Brașov, Hotel Aro Palace",
"im Grazer Messecenter", "00-001 Warszawa", "Vilnius, Lithuania").

Cities come from GeoNames (pipelines/gazetteer.py: every city of 15,000
people or more, with the alternate names of the big ones), countries from
pycountry with its translations into the sources' languages. Both are matched
on whole words, capitalised in the text, after folding case and accents. A word that is also a place or a name
(Best, Nice, Victoria) is taken only where a place stands: alone between
commas, first after a preposition ("in", "im", "w"), or beside its country; a
city's own name wins over another city's alternate name. Nothing is guessed from nothing: a text
naming no known place gives no venue, and the feeds fall back on the source's
own country (``country``, which this pipeline never touches).
"""

from __future__ import annotations

import gettext
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

import pycountry

from pipelines.gazetteer import EXONYM_POPULATION, stored_cities

# Country names in these languages: the sources' and their neighbours'.
LANGUAGES = ("bg cs da de el es et fi fr hr hu is it lt lv nb nl nn pl pt ro sk sl sv uk").split()
# A city named after a preposition, not alone nor beside its country ("im
# Grazer Messecenter"), must be this big.
LEAD_POPULATION = 100_000
# Inflections a city name takes in running text (German adjective -er, Polish
# and Lithuanian locatives: Grazer, Warszawie, Kaune, Vilniuje), against the
# endings its name drops for them.
TEXT_ENDINGS = ("uje", "oje", "je", "ie", "er", "e", "u", "y")
NAME_ENDINGS = ("as", "us", "is", "a", "o", "e", "")
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_SEGMENTS = re.compile(r"[,;:()\[\]/|\n–—]| - ")
_NUMBERED = re.compile(r"[^\W\d_].*\d")
_UNFOLDED = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "æ": "ae", "œ": "oe", "ı": "i", "ß": "ss"})


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_UNFOLDED))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass(frozen=True, slots=True)
class City:
    name: str
    country: str  # ISO 3166-1 alpha-2
    population: int


@dataclass(frozen=True)
class Venue:
    country: str
    city: str | None


@dataclass(frozen=True)
class _Found:
    city: City
    alone: bool  # the whole segment names it
    after_preposition: bool  # the first words of its segment, after a preposition or postal code
    exact: bool  # not an inflected form


@cache
def _cities() -> tuple[dict[str, tuple[City, ...]], dict[str, tuple[City, ...]]]:
    """Folded names, and inflection stems of big cities' names, to the cities.
    Built in two readings of the file, so that its alternate names are never
    all held at once; the tables' values are tuples, most of one city, and a
    city's many spellings share its one tuple."""
    cities = [City(name, country, population) for name, country, population, _ in stored_cities()]
    alone = {city: (city,) for city in cities}

    def add(table: dict[str, tuple[City, ...]], key: str, city: City) -> None:
        table[key] = (*table[key], city) if key in table else alone[city]

    names: dict[str, tuple[City, ...]] = {}
    for city in cities:
        add(names, fold(city.name), city)
    own_names = set(names)
    stems: dict[str, tuple[City, ...]] = {}
    for city, (*_, alternates) in zip(cities, stored_cities(), strict=True):
        spellings = {fold(city.name)} | ({fold(n) for n in alternates} - own_names)
        for spelling in spellings:
            if spelling not in own_names:
                add(names, spelling, city)
            if city.population >= EXONYM_POPULATION and " " not in spelling:
                for ending in NAME_ENDINGS:
                    if spelling.endswith(ending) and len(spelling) - len(ending) >= 4:
                        add(stems, spelling[: len(spelling) - len(ending)], city)
    return names, stems


@cache
def _countries() -> dict[str, str]:
    """Folded country names, in English and each of LANGUAGES, to alpha-2 codes."""
    translations = [gettext.NullTranslations()]
    for language in LANGUAGES:
        try:
            translations.append(gettext.translation("iso3166-1", pycountry.LOCALES_DIR, [language]))
        except OSError:  # a language pycountry has no translation for
            continue
    found: dict[str, str] = {}
    for country in pycountry.countries:
        for attribute in ("name", "official_name", "common_name"):
            english = getattr(country, attribute, None)
            for translation in translations if english else ():
                found.setdefault(fold(translation.gettext(english)), country.alpha_2)
    return found


def _country_code(word: str) -> str | None:
    """The alpha-2 code of a country written as its ISO code ("Berlin, DE")."""
    country = pycountry.countries.get(alpha_2=word) if len(word) == 2 else None
    country = country or (pycountry.countries.get(alpha_3=word) if len(word) == 3 else None)
    return country.alpha_2 if country else None


def _segments(text: str) -> list[tuple[list[str], bool, bool]]:
    """Each comma- or bracket-separated part as its words, leading lowercase
    words dropped; whether it began with a preposition or a postal code ("in
    Brașov", "im Grazer", "5220 Odense"); and whether a number follows a word,
    as in a street, hall or stand ("Ørbækvej 350", "Halle 2"), whose name is
    then no place standing alone."""
    parts = []
    for part in _SEGMENTS.split(text):
        words = _WORD.findall(part)
        if not words:
            continue
        lead = part.lstrip()[:1].isdigit() or not words[0][0].isupper()
        while words and not words[0][0].isupper():
            words.pop(0)
        if words:
            parts.append((words, lead, bool(_NUMBERED.search(part))))
    return parts


def _phrases(words: list[str], numbered: bool):
    """(start, folded phrase, whole) for every run of up to three words that begins capitalised."""
    for start, word in enumerate(words):
        if not word[0].isupper():
            continue
        for size in (1, 2, 3):
            if start + size <= len(words):
                whole = start == 0 and size == len(words) and not numbered
                yield start, fold(" ".join(words[start : start + size])), whole


def venue_of(location: str | None) -> Venue | None:
    """The venue's country and city, if the text names a known place."""
    if not location:
        return None
    names, stems = _cities()
    countries = _countries()
    stated: list[str] = []  # countries a segment is made of ("Warsaw, Poland")
    mentioned: set[str] = set()  # countries named anywhere
    found: list[_Found] = []
    for words, lead, numbered in _segments(location):
        if len(words) == 1 and words[0].isupper() and (code := _country_code(words[0])):
            mentioned.add(code)
            stated.append(code)
            continue
        for start, phrase, whole in _phrases(words, numbered):
            first = start == 0 and lead
            if phrase in countries:
                mentioned.add(countries[phrase])
                if whole:
                    stated.append(countries[phrase])
            for city in names.get(phrase, ()):
                found.append(_Found(city, whole, first, True))
            if start == 0 and " " not in phrase and phrase not in names:
                for ending in TEXT_ENDINGS:
                    stem = phrase[: len(phrase) - len(ending)]
                    if phrase.endswith(ending) and stem in stems:
                        found.extend(_Found(city, whole, first, False) for city in stems[stem])
    agreeing = [f for f in found if f.city.country in mentioned]
    if agreeing:
        return _best(agreeing)
    if stated:
        return Venue(stated[0], None)
    plausible = [
        f for f in found if f.alone or (f.after_preposition and f.city.population >= LEAD_POPULATION)
    ]
    return _best(plausible) if plausible else None


def _best(found: list[_Found]) -> Venue:
    """The likeliest: a name standing alone, then as written, then the biggest city."""
    best = max(found, key=lambda f: (f.alone, f.exact, f.city.population))
    return Venue(best.city.country, best.city.name)


class VenuePipeline:
    """Sets ``venue_country`` and ``venue_city`` from the item's location."""

    def process_item(self, item: dict) -> dict:
        venue = venue_of(item.get("location"))
        item["venue_country"] = venue.country if venue else None
        item["venue_city"] = venue.city if venue else None
        return item
