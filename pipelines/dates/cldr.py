"""Month and weekday names, and words for days counted from today, from CLDR,
read through Babel.

Loading Babel's locale data costs some 60 ms for a first language, a price every
one-shot command would pay; so the names are read from Babel once, by
``python -m pipelines.dates.cldr``, into ``cldr_names.json`` beside this module,
and a test checks that file against the installed Babel. Each name is kept in
all four forms CLDR has (format and stand-alone, wide and abbreviated),
lower-cased, without its abbreviation dot (the grammar takes a dot after any
month as optional) and without the preposition Catalan writes into it
("de gener", "d’abril"). Words for days counted from today ("today", "the day
after tomorrow") are kept with their distance in days, without abbreviations
("huom.") or numbers ("+2 d."), with a straight apostrophe as texts are read
("aujourd'hui").
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path

# The 24 official EU languages, then the other European languages pages use.
LANGUAGES = (
    "bg hr cs da nl en et fi fr de el hu ga it lv lt mt pl pt ro sk sl es sv"
    " nb nn is ca eu gl sr bs mk sq uk tr"
).split()
# Locales read for a language beyond its own: both scripts of Serbian and
# Bosnian, and regional names ("Jänner", "setiembre", British "Sept").
REGIONAL = {"sr": ("sr_Latn",), "bs": ("bs_Cyrl",), "de": ("de_AT",), "es": ("es_PE",), "en": ("en_GB",)}
CONTEXTS = ("format", "stand-alone")
WIDTHS = ("wide", "abbreviated")
PREPOSITIONS = ("de ", "d’", "d'")  # Catalan: "de gener", "d’abril"
NAMES_FILE = Path(__file__).with_name("cldr_names.json")


def names_from_babel() -> dict[str, dict[str, list[str]]]:
    """Per language, each month's forms (January first) and each weekday's
    (Monday first), "|"-separated (a form may hold a space: "meán fómhair"),
    as the installed Babel gives them."""
    from babel import Locale  # only to write the file: its data is slow to load

    names = {}
    for lang in LANGUAGES:
        locales = [Locale.parse(code) for code in (lang, *REGIONAL.get(lang, ()))]
        names[lang] = {
            "months": [_joined(locales, "months", number) for number in range(1, 13)],
            "weekdays": [_joined(locales, "days", number) for number in range(7)],
            "relative_days": _relative_days(locales),
        }
    return names


def _relative_days(locales: list) -> dict[str, int]:
    words: dict[str, int] = {}
    for locale in locales:
        fields = locale._data["date_fields"]  # Babel has no public reader for these
        for width in ("day", "day-short", "day-narrow"):
            for distance, word in sorted(fields[width]["relative"].items()):
                word = word.lower().replace("’", "'")
                if not any(char.isdigit() or char == "." for char in word):
                    words.setdefault(word, int(distance))
    return dict(sorted(words.items()))


def _joined(locales: list, table: str, number: int) -> str:
    forms = {
        _plain(getattr(locale, table)[context][width][number])
        for locale in locales
        for context in CONTEXTS
        for width in WIDTHS
    }
    return "|".join(sorted(forms))


def _plain(name: str) -> str:
    name = name.lower().rstrip(".")
    for preposition in PREPOSITIONS:
        name = name.removeprefix(preposition)
    return name


@cache
def stored_names() -> dict[str, dict[str, list[str]]]:
    # Through importlib.resources: inside an egg (Scrapyd) the file is a zip member.
    return json.loads(resources.files(__package__).joinpath(NAMES_FILE.name).read_text(encoding="utf-8"))


def months(lang: str) -> dict[str, int]:
    """Month forms of ``lang`` mapped to the month's number (1 = January)."""
    return _numbered(lang, "months", 1)


def weekdays(lang: str) -> dict[str, int]:
    """Weekday forms of ``lang`` mapped to the weekday's number (0 = Monday)."""
    return _numbered(lang, "weekdays", 0)


def relative_days(lang: str) -> dict[str, int]:
    """Words of ``lang`` for days counted from today, mapped to days after it."""
    return stored_names().get(lang, {}).get("relative_days", {})


def _numbered(lang: str, table: str, first: int) -> dict[str, int]:
    entries = stored_names().get(lang, {}).get(table, [])
    return {form: number for number, forms in enumerate(entries, first) for form in forms.split("|")}


if __name__ == "__main__":
    NAMES_FILE.write_text(
        json.dumps(names_from_babel(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
