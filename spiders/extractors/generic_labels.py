"""Label words and date hints of the generic extractor: what a label before a
date says it is (a deadline, an opening, a publication, an event's start or
end), from the date engine's table and a few more labels pages use."""

from __future__ import annotations

import re
from functools import cache

from pipelines.dates.languages import LABELS, month_forms

# Labels the date engine's table lacks, as they stand before a colon on pages.
EXTRA_LABELS: dict[str, dict[str, str]] = {
    "event": {
        "en": "date|dates|time|start|starts|start date|begins",
        "de": "termin|beginn|wann|zeit|zeitraum",
        "nb": "når|tidspunkt",
        "da": "tidspunkt|hvornår",
        "sv": "när|tid",
        "pl": "data|kiedy",
        "fr": "quand",
        "nl": "wanneer",
        "ro": "data|când|ora",
        "it": "data|quando",
        "pt": "data|quando",
    },
    "end": {"en": "end|ends|end date", "de": "ende", "da": "slut", "sv": "slut", "pl": "zakończenie"},
    "updated": {"sv": "senast uppdaterad|senast ändrad", "da": "senest opdateret|sidst opdateret"},
    "published": {
        "en": "publication date|date published|posted on",
        "de": "erschienen|veröffentlicht am",
        "da": "udgivet",
        "pl": "dodano|data dodania",
    },
    "deadline": {
        "en": "application deadline|closing",
        "da": "ansøgningsperiode|deadline",
        "de": "bewerbungsfrist|einreichungsfrist|deadline",
    },
}
PLACE_LABELS = {
    "en": "venue|location|place|where|address",
    "de": "ort|veranstaltungsort|adresse|wo",
    "nb": "sted|adresse",
    "da": "sted|adresse",
    "sv": "plats|adress",
    "fi": "paikka",
    "pl": "miejsce",
    "fr": "lieu",
    "es": "lugar",
    "it": "luogo|sede",
    "nl": "locatie|plaats",
    "lv": "vieta",
    "lt": "vieta",
    "et": "koht",
    "cs": "místo",
    "ro": "locație|loc",
}
# Labels that say only "date": on a news page, its publication's ("Date: 14/05/2026").
PLAIN_DATE_LABELS = {
    "en": "date",
    "de": "datum",
    "nb": "dato",
    "da": "dato",
    "sv": "datum",
    "pl": "data",
    "lt": "data",
    "lv": "datums",
    "ro": "data",
    "fr": "date",
    "nl": "datum",
}
# Labels that name a deadline on a call's page and the date itself on an event's.
TERM_LABELS = {"en": "", "pl": "termin", "cs": "termín", "sk": "termín"}
STATUS_LABEL = "status"
# Which role a label names when it names several ("Registration deadline").
# "updated" is the publication's stand-in when a page gives nothing else ("Sist oppdatert").
ROLES = ("updated", "published", "registration", "opens", "deadline", "end", "event")
# Languages that glue words together: "Bewerbungsfrist", "Søknadsfrist", "Veranstaltungsort".
COMPOUNDING = ("de", "nb", "nn", "da", "sv", "nl", "fi", "et")
# Only these roles' words are read inside compounds: "-frist", "-schluss" are telling,
# "-stand" ("Gemeinschaftsstand") and "-datum" are not.
GLUED_ROLES = ("registration", "opens", "deadline")
# Sentences end after a word or a year, not after an ordinal ("28. April") or "p.m.".
SENTENCE_END = re.compile(
    r"(?:(?<=[^\W\d_]{2}[.!?])|(?<=\)[.!?])|(?<=\d{4}[.!?]))\s+(?=[A-ZÄÖÜÆØÅŁŚŻĆŃÓÉ„\"«])"
)
# A label's line is read to the end of its first sentence, and no further than this:
# far beyond any real lead (700 characters), only a bound on a page without stops.
SENTENCE_CHARS = 2000


def role_of(label: str, language: str) -> str | None:
    """The role a label names; a whole label word wins over one ending a compound
    ("Anmeldung" is registration, not "Meldung")."""
    label = label.lower()
    # A label that is one role's words whole ("open until") before one holding another's ("open").
    whole = next((r for r in ROLES if role_pattern(r, language, False).fullmatch(label.strip())), None)
    if whole:
        return whole
    for glued in (False, True):
        role = next((r for r in ROLES if role_pattern(r, language, glued).search(label)), None)
        if role:
            return role
    return None


def labelled(label: str, table: dict[str, str], language: str) -> bool:
    words = "|".join(filter(None, (table.get(language), table["en"])))
    return bool(words) and bool(words_regex(words, language).fullmatch(label.lower().strip()))


@cache
def role_pattern(role: str, language: str, glued: bool) -> re.Pattern[str]:
    glue = glued and role in GLUED_ROLES
    return words_regex(label_words(role, language), language if glue else "")


def label_words(role: str, language: str) -> str:
    # the engine keeps "Date:", "Dato:" apart from its event words; here they name an event's date
    engine = (LABELS.get(role, {}), LABELS["date"]) if role == "event" else (LABELS.get(role, {}),)
    tables = (*engine, EXTRA_LABELS.get(role, {}))
    return "|".join(t[lang] for t in tables for lang in dict.fromkeys((language, "en")) if lang in t)


@cache
def words_regex(words: str, language: str) -> re.Pattern[str]:
    """Any of ``words``; a long one may end a compound ("Søknadsfrist") in languages that glue."""
    ordered = sorted(set(words.split("|")), key=len, reverse=True)
    glued = [w for w in ordered if len(w) >= 5] if language in COMPOUNDING else []
    alternatives = [rf"(?<!\w)\w*?{re.escape(w)}" for w in glued]
    alternatives += [rf"(?<!\w){re.escape(w)}" for w in ordered if w not in glued]
    # A label may stand glued to its date in a table run together: "Teikiama iki2025-02-28".
    return re.compile(rf"(?:{'|'.join(alternatives)})(?![^\W\d_])")


@cache
def any_label(language: str) -> re.Pattern[str]:
    glued = words_regex("|".join(label_words(role, language) for role in GLUED_ROLES), language)
    whole = words_regex("|".join(label_words(role, language) for role in ROLES), "")
    # Whole words first: "Senast uppdaterad" is an update, not the deadline word "senast".
    return re.compile(f"{whole.pattern}|{glued.pattern}")


@cache
def label_start(language: str) -> re.Pattern[str]:
    """A line opening with a label word and no colon: "Søknadsfrist 21. juni 2024"."""
    return re.compile(rf"\s*{any_label(language).pattern}\s*", re.IGNORECASE)


@cache
def date_pattern(language: str) -> re.Pattern[str]:
    """Where a text writes a date, in the forms real pages use; a date may follow a
    letter at once ("concept notes01.07.2018", "News article29 March 2023")."""
    forms = month_forms(language)
    months = "|".join(
        re.escape(f[:-1]) + r"\w*" if f.endswith("*") else re.escape(f) + r"\.?"
        for f in sorted(forms, key=len, reverse=True)
    )
    return re.compile(
        # 2026-03-18, 2011/07/19 09:01:44, 2026 03 18
        r"(?<!\d)(?:19|20)\d\d(?:-\d\d-\d\d|/\d\d/\d\d| (?:0[1-9]|1[0-2]) (?:[0-2]\d|3[01]))(?!\d)"
        # 06.05.2026, 15.05.; 14/05/2026, 14-01-26, 21-04-2026
        r"|(?<!\d)\d{1,2}\.\s?\d{1,2}\.(?:\s?\d{2,4})?|(?<![\d./-])\d{1,2}([/-])\d{1,2}\1(?:\d{4}|\d\d)(?![\d/-])"
        # 5 June, 14th of March, 22th of November; March 19th, January 15 d., 2019
        rf"|(?<!\d)\d{{1,2}}(?:st|nd|rd|th|\.)?\s*(?:of\s+)?(?:{months})(?!\w)"
        rf"|(?<!\w)(?:{months})\s+\d{{1,4}}(?:st|nd|rd|th)?(?!\d)",
        re.IGNORECASE,
    )


def has_date(text: str, language: str) -> bool:
    # Every date form holds a digit; looking for one first costs a tenth of the pattern's search.
    return bool(DIGIT.search(text)) and bool(date_pattern(language).search(text))


DIGIT = re.compile(r"\d")


def first_sentence(line: str) -> str:
    return SENTENCE_END.split(line, maxsplit=1)[0][:SENTENCE_CHARS]
