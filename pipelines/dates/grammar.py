"""The date grammar: one compiled regular expression per language that finds
every date, approximate month and clock time in a lower-cased text."""

from __future__ import annotations

import re
from functools import cache

from pipelines.dates import cldr
from pipelines.dates import languages as words

# Zone abbreviations after a time; texts are scanned lower-cased.
ZONE = r"\s*\(?\s*(?:cest|cet|eest|eet|gmt|utc|west|wet|bst|mesz|mez|oesz|oez)\b"
AMPM = r"[ap]\.?\s?m\.?(?!\w)"
BARE_WEEKDAY_LETTERS = 5
# A Basque year before its month: "2026ko martxoaren 15a", "2021.eko abenduaren 1a".
BASQUE_YEAR = r"\.?e?ko"
# Lithuanian "month" after a month's name: "gegužės mėn. 5 d.", "birželio mėnesio 21 dienos".
MONTH_WORD = r"(?:mėn(?:\.|esio)\s*)?"
# Between the days of a month-led range: a dash, or Basque "from" ("ekainaren 3tik 5era").
DAY_TO_DAY = r"(?:\s*[-–]\s*|e?tik\s+)"
# Hungarian suffixes: "10-én" (on the 10th), "10-től"/"10-étől" (from), "15-ig"/"15-éig" (until)
SUFFIX = r"(?:st|nd|rd|th|er|º|°|\.º|\s?d\.|\.|-(?:ig|[éá]ig|[éá]n|j[éá]n|t[őó]l|[éá]t[őó]l|ei|ai|i|a|e|o|go|ви|ри|ти|ми))?"


def words_pattern(phrases: str) -> str:
    """A "|"-separated list of plain words as one fast alternation."""
    return trie([p for p in phrases.split("|") if p])


def trie(literals: list[str]) -> str:
    """Plain words as a prefix-factored alternation: far faster to try than a flat list."""
    tree: dict = {}
    for word in literals:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_regex(tree)


def _trie_regex(node: dict) -> str:
    branches = [re.escape(char) + _trie_regex(child) for char, child in sorted(node.items()) if char]
    optional = "" in node
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 and not optional else "(?:" + "|".join(branches) + ")"
    if optional:
        body = (body if body.startswith("(?:") else "(?:" + body + ")") + "?"
    return body


@cache
def month_table(lang: str) -> tuple[dict[str, int], tuple[tuple[str, int], ...]]:
    """Exact forms and stems of month names understood in ``lang``."""
    exact = words.month_forms(lang)
    stems = tuple((form[:-1], n) for form, n in exact.items() if form.endswith("*"))
    return {f: n for f, n in exact.items() if not f.endswith("*")}, stems


def month_number(lang: str, word: str) -> int:
    """The month of ``word`` as the grammar found it in lower-cased text (lower-casing
    it again would break a Turkish "İ", which lower() makes two characters)."""
    exact, stems = month_table(lang)
    word = word.rstrip(".")
    if word in exact:
        return exact[word]
    return next(n for stem, n in stems if word.startswith(stem))


@cache
def weekdays(lang: str) -> str:
    """Weekday words of ``lang`` and English as one alternation."""
    return trie(list(words.weekday_words(lang)))


def bare_weekdays(lang: str) -> str:
    """Weekday words of ``lang`` spelled out (five letters or more): alone in a text
    they name a day, where "sun", "wed" or "sat" are other words."""
    return trie([w for w in words.weekday_words(lang) if len(w) >= BARE_WEEKDAY_LETTERS])


def week_words(lang: str) -> str:
    """Words for a week of the year in ``lang`` and English."""
    return "|".join(p for p in {words.WEEK_WORDS["en"], words.WEEK_WORDS.get(lang, "")} if p)


def weekday_ahead_before(lang: str) -> str:
    """Words before a weekday that name the next such day, in ``lang`` and English."""
    return "|".join(
        p for p in {words.WEEKDAY_AHEAD_BEFORE["en"], words.WEEKDAY_AHEAD_BEFORE.get(lang, "")} if p
    )


def month_named_before(lang: str) -> str:
    """Words before a month that name it as the time of something ("au mois de", "im")."""
    return "|".join(p for p in (words.MONTH_NAMED_BEFORE, words.IN_MONTH.get(lang)) if p)


@cache
def relative_days(lang: str) -> dict[str, int]:
    """Words for days counted from the reference in ``lang`` and English ("today",
    "overmorgen"), from CLDR and what it lacks: days after the reference."""
    found = {
        **cldr.relative_days("en"),
        **cldr.relative_days(lang),
        **words.RELATIVE_DAYS_CLDR_LACKS.get(lang, {}),
    }
    return {word: days for word, days in found.items() if word not in words.RELATIVE_DAYS_NOT.get(lang, ())}


@cache
def pattern(lang: str) -> re.Pattern[str]:
    """The grammar of ``lang``: each alternative is a named group read by mentions.py."""
    exact, stems = month_table(lang)
    month = (
        r"(?<!\w)(?:"
        + "|".join(re.escape(s) + r"\w*" for s, _ in stems)
        + ("|" if stems else "")
        + trie(list(exact))
        + r")\.?(?!\w)"
    )
    month_span = words_pattern(words.MONTH_SPAN)
    range_words = words_pattern(words.RANGE_WORDS)
    conn_words = words_pattern(words.RANGE_WORDS + "|" + words.AND_WORDS)
    # "del 25 i el 26 de març": an article may stand after the connector
    # "Sabato 23 e domenica 24 settembre": the second day's weekday after the connector
    conn = (
        rf"\s*(?P<dm_conn>{conn_words})\s*(?:(?:el|la|le|il|lo|o|the)\s+)?"
        rf"(?:(?:{weekdays(lang)})\.?,?\s+)?"
    )
    before = "|".join(f"(?P<ap_{part}>{words_pattern(p)})" for part, p in words.PART_BEFORE.items())
    after = {
        prefix: "|".join(f"(?P<{prefix}_{part}>{words_pattern(p)})" for part, p in words.PART_AFTER.items())
        for prefix in ("aq", "mx", "aqy")
    }
    seasons = "|".join(
        f"(?P<se{first}_{last}>{words_pattern(p)})" for (first, last), p in words.SEASONS.items()
    )
    season_part = "|".join(
        f"(?P<se_{part}>{words_pattern(words.PART_BEFORE[part])})" for part in ("early", "mid", "late")
    )
    ymd_sep = r"[./ ]" if lang == "lt" else r"[./]"
    year_gap = r"(?:\s*,?\s*(?:de\s+|del\s+|of\s+|ano\s+)?)"
    # A day and month followed by a longer number are no date ("31 December 99999"),
    # not a day of this year.
    no_long_year = rf"(?!{year_gap}\d{{5}})"
    time_before = words_pattern(words.TIME_BEFORE)
    inessive = f"|(?<={words.MONTH_INESSIVE[lang]})" if lang in words.MONTH_INESSIVE else ""
    quarter_words = words_pattern(words.QUARTER_WORDS)
    quarter_ordinals = words_pattern("|".join(words.QUARTER_ORDINALS.values()))
    quarter_of = r"(?!\w)(?:\s*(?:of|de|del|di|do|van)(?!\w))?"
    alternatives = [
        r"(?P<iso>(?<![\d.])(?P<iso_y>\d{4})-(?P<iso_m>\d{1,2})-(?P<iso_d>\d{1,2})(?!\d)"
        r"(?:t(?P<iso_h>\d{2}):(?P<iso_mi>\d{2})(?::\d{2}(?:\.\d+)?)?"
        r"(?P<iso_off>z|[+-]\d{2}:?\d{2})?)?)",
        rf"(?P<ymd>(?<![\d.])(?P<ymd_y>\d{{4}})(?P<ymd_sep>{ymd_sep})\s?(?P<ymd_m>\d{{1,2}})"
        r"(?P=ymd_sep)\s?(?P<ymd_d>\d{1,2})\.?(?!\d))",
        r"(?P<dmy>(?<![\d:/.])(?<!\d-)(?:(?P<dmy_d0>\d{1,2})\.?(?:(?P<dmy_m0>1[0-2]|0?[1-9])\.?)?\s*[-–]\s*)?"
        r"(?P<dmy_d>\d{1,2})"
        r"(?P<dmy_sep>\s?[./]|-)\s?(?P<dmy_m>\d{1,2})(?P=dmy_sep)\s?(?P<dmy_y>\d{4}|\d{2})(?!\d|:\d|-\d)"
        r"(?!\.\d))",
        rf"(?P<lv>(?<!\d)(?P<lv_y>\d{{4}})\.?\s*(?:gada|g\.)\s*(?P<lv_d>\d{{1,2}})\.\s*"
        rf"(?P<lv_mon>{month}))",
        rf"(?P<ym>(?<![\d.])(?P<ym_y>\d{{4}})(?:\s*m\.|{BASQUE_YEAR}|\.)?\s*(?P<ym_mon>{month})"
        rf"\s*{MONTH_WORD}"
        rf"(?P<ym_d>\d{{1,2}})(?!\d)(?:{DAY_TO_DAY}(?P<ym_d2>\d{{1,2}})(?!\d))?" + SUFFIX + ")",
        rf"(?P<aq>(?P<aq_y>\d{{4}})\s*(?:m\.|{BASQUE_YEAR}|\.|gada)?\s*(?P<aq_mon>{month})"
        rf"\s*{MONTH_WORD}"
        rf"(?:{after['aq']})(?!\w))",
        rf"(?P<dm>(?<![\d:/.])(?:(?P<dm_d0>\d{{1,2}}){SUFFIX}\s*(?:(?P<dm_mon0>{month})\s*)?{conn})?"
        # "05-Noviembre-2015": dashes around the month
        rf"(?P<dm_d>\d{{1,2}}){SUFFIX}(?:-|\s*(?:of\s+|de\s+|d['’]|ta['’]\s*)?)(?P<dm_mon>{month})"
        # "14 May 14 2026": a typo
        rf"(?:(?:\s+(?P=dm_d))?(?:{year_gap}|-)(?P<dm_y>\d{{4}})(?!\d|:\d)|{no_long_year}))",
        # led by a month: "September middle" (Baltic), "May 14-16, 2019", "April - June 2027"
        rf"(?P<mx>(?P<mx_mon>{month})(?:\s*{MONTH_WORD}(?:{after['mx']})(?!\w)"
        # "July, 14th 2011": a comma after the month when a year follows the day
        r"|(?:,(?=\s*\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}(?!\d)))?"
        rf"\s*{MONTH_WORD}(?P<md_d>\d{{1,2}})(?!\d){SUFFIX}"
        rf"(?:(?:\s*(?:[-–]|(?P<md_and>{words_pattern(words.AND_WORDS)})(?!\w)|(?:{range_words})(?!\w))\s*"
        rf"|e?tik\s+)(?P<md_d2>\d{{1,2}})(?!\d){SUFFIX})?"
        # "Mí Eanáir 8 Eanáir 2019": a day before a month's name is that month's
        rf"(?:\s*,?\s*(?P<md_y>\d{{4}})(?!\d|:\d)|(?!\s*,?\s*\d{{5}})(?!\s*(?:of\s+|de\s+)?{month}))"
        r"(?![\d:.]\d)"
        rf"|(?:\s*(?:{month_span})\s*(?P<my_mon>{month}))?\s*,?\s*(?P<my_y>\d{{4}})(?!\d|:\d)))",
        # parts of a month or of a year: "early May", "medio 2017"
        rf"(?P<ap>(?<!\w)(?:{before})\s*"
        r"(?:of\s+|av\s+|af\s+|de\s+|del\s+|lui\s+|di\s+|van\s+|d['’]|ta['’]\s*)?"
        rf"(?:(?P<ap_mon>{month})(?:{year_gap}(?P<ap_y>\d{{4}})(?!\d)|{no_long_year})"
        r"|(?P<ap_year>\d{4})(?!\d)))",
        rf"(?P<q>(?:q(?P<q_n>[1-4])|(?P<q_word>{quarter_ordinals})\s+(?:{quarter_words}){quarter_of})"
        r"\s*(?P<q_y>\d{4})(?!\d))",
        # "4e trimestre 2014", "3. Quartal 2026"
        rf"(?P<nq>(?P<nq_n>[1-4])(?:st|nd|rd|th|er|e|º|°|\.)?\s*(?:{quarter_words}){quarter_of}"
        r"\s*(?P<nq_y>\d{4})(?!\d))",
        # other parts of a year: "2021. gada beigām", "1. halvår 2021", "H2 2026"
        rf"(?P<aqy>(?P<aqy_y>\d{{4}})\.?\s*(?:gada|m\.|metų|vuoden|aasta)?\s*(?:{after['aqy']})(?!\w))",
        r"(?P<hy>(?P<hy_n>[12])\.\s*halvår(?:et)?\s*(?P<hy_y>\d{4})(?!\d))",
        r"(?P<hh>h(?P<hh_n>[12])\s*(?P<hh_y>\d{4})(?!\d))",
        # seasons before a year: "spring 2016", "au printemps 2020", "early spring 2027"
        rf"(?P<se>(?:(?:{season_part})\s*)?(?:{seasons})\s*(?:of\s+|de\s+|del\s+|di\s+|van\s+)?"
        r"(?P<se_y>\d{4})(?!\d))",
        # "21.10.", "(14.6.)", "10.-11.04.": a one-digit month only with its dot, after a
        # two-digit day ("4.1." is more often a section than a date)
        r"(?P<ddmm>(?<![\d.:/])(?:(?P<ddmm_d0>0?[1-9]|[12]\d|3[01])\.?\s*[-–]\s*)?"
        r"(?P<ddmm_d>0?[1-9]|[12]\d|3[01])\.(?P<ddmm_m>0[1-9]|1[0-2]|(?<=\d\d\.)[1-9](?=\.))\.?(?!\.?\d)"
        rf"(?!{ZONE})(?!\s*(?:{words_pattern(words.TIME_AFTER)}|{AMPM})(?!\w)))",
        # "15/9 kl 18:00", "8.6 klo 16.15": a yearless day/month needs a time after it,
        # or a range to a full date written alike ("13/12 a 23/12/2021")...
        rf"(?P<dsl>(?<![\d.:/])(?P<dsl_d>[12]\d|3[01]|0?[1-9])(?P<dsl_sep>[/.])(?P<dsl_m>1[0-2]|0?[1-9])\.?"
        rf"(?![\d/]|\.\d)(?=\s*,?\s*\(?\s*(?:{time_before})\s*\d"
        rf"|\s*(?:{range_words})\s*\d{{1,2}}(?P=dsl_sep)\d{{1,2}}(?P=dsl_sep)\d{{2,4}}(?!\d)))",
        # ... or a weekday before it: "tirsdag 15/9", "senast fredag 6/11"
        rf"(?P<wdm>(?:{weekdays(lang)})\.?,?\s*(?:den\s+)?(?P<wdm_d>[12]\d|3[01]|0?[1-9])[/.]"
        r"(?P<wdm_m>1[0-2]|0?[1-9])\.?(?![\d/]|\.\d))",
        # "under september månad", "au mois de mai", "syyskuussa", "im Mai": a month named as
        # the time of something (not "during April 21st": the month's day follows)
        rf"(?P<bm>(?:(?P<bm_named>{words_pattern(month_named_before(lang))})\s+)?(?P<bm_mon>{month})"
        r"(?!\s*\d{1,2}(?!\d))"
        rf"(?(bm_named)|(?:\s*(?:{words_pattern(words.MONTH_NAMED_AFTER)})(?!\w){inessive}))"
        r"(?:\s*,?\s*(?P<bm_y>\d{4})(?!\d))?)",
        # weeks of the year: "uge 24-26", "KW 14/2027", "week 24, 2027"
        rf"(?P<wk>(?:{words_pattern(week_words(lang))})\s*(?P<wk_n>\d{{1,2}})(?!\d)"
        r"(?:\s*[-–]\s*(?P<wk_n2>\d{1,2})(?!\d))?(?:\s*[,/]?\s*(?P<wk_y>\d{4})(?!\d))?)",
        # "14. Kalenderwoche"
        rf"(?P<nw>(?P<nw_n>\d{{1,2}})\.\s*(?:{words_pattern(week_words(lang))})(?!\w)"
        r"(?:\s*[,/]?\s*(?P<nw_y>\d{4})(?!\d))?)",
        # "ove subote", "next Wednesday", "mercredi prochain": the next such day; a weekday
        # with its date ("next Tuesday 4.3.2014") is read by the date's alternatives
        rf"(?P<rwd>(?:(?:{words_pattern(weekday_ahead_before(lang))})\s+(?P<rwd_day>{weekdays(lang)})"
        rf"|(?P<rwd_day2>{weekdays(lang)})\s+(?:{words_pattern(words.WEEKDAY_AHEAD_AFTER)}))(?!\w)"
        r"(?!\.?,?\s*(?:den\s+|the\s+|le\s+)?\d))",
        # "Jeudi aura lieu ...", "šeštadienį vyks": a weekday named alone, spelled out, not
        # a heading of hours ("Samedi : 9h-12h") nor a range's end ("Montag–Freitag")
        rf"(?P<bwd>(?<![-–/])(?P<bwd_day>{bare_weekdays(lang)})(?!\w)(?!\.?,?\s*(?:den\s+|the\s+|le\s+)?\d)"
        r"(?!\s*[-–:/]))",
        # "today", "i morgen": a day counted from the reference ("por la mañana" is a morning)
        rf"(?P<rel>(?<!la )(?P<rel_word>{trie(list(relative_days(lang)))})(?!\w))",
        rf"(?P<noon>{words_pattern(words.NOON)})(?!\w)",
        # "... until the 22nd": a day of the month written before it
        rf"(?P<ord>(?:{range_words})\s+the\s+(?P<ord_d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)(?!\w)"
        rf"(?!\s+(?:of\s+)?{month}))",
        # "kl. 15:00", "ora: 23,59", "a las 10,00 horas"; never the day and month of a date
        rf"(?P<t>(?<![\w.:,])(?:(?P<t_mark>{time_before})\s*:?\s*)?"
        # "10:0013:00": a time range whose dash the page's markup dropped
        r"(?P<t_h>[01]?\d|2[0-4])(?:(?P<t_sep>[:.,]|\s?h\s?)(?P<t_mi>[0-5]\d)(?::[0-5]\d)?(?!\d(?!\d:\d\d)|[./]\d)"
        # a bare number before a month is a day, even after "from" ("from 4 to 6 March")
        # nor the first day of "10.-11.04.", nor the day of "od 2. 3. 2026"
        r"|(?!\d|[./]\d|\.?\s*[-–]\s*\d{1,2}\.\d|\.\s\d{1,2}\.\s?\d{2,4}(?!\d))"
        rf"(?!{SUFFIX}\s*(?:(?:{conn_words})\s*\d{{1,2}}{SUFFIX}\s*)?(?:of\s+|de\s+)?{month}))"
        # "do 12. ure": an hour word after the hour's dot
        rf"\s*(?P<t_ampm>{AMPM})?(?:\.?\s*(?P<t_after>{words_pattern(words.TIME_AFTER)})(?!\w)"
        r"(?:\s*(?P<t_mi3>[0-5]?\d)\s*min\.?)?)?"  # "23 val. 59 min."
        rf"(?:(?:\s*(?:{words_pattern(words.TIME_RANGE)})\s*|(?<=\d:\d\d)(?=\d\d:\d\d))(?P<t_h2>[01]?\d|2[0-4])"
        r"(?:[:.h,](?P<t_mi2>[0-5]\d))?(?!\d|[./]\d)"
        rf"(?:\s*(?P<t_after2>{words_pattern(words.TIME_AFTER)})(?!\w))?"
        rf"(?:\s*(?P<t_ampm2>{AMPM}))?)?)",
    ]
    (
        iso,
        ymd,
        dmy,
        lv,
        ym,
        aq,
        dm,
        mx,
        ap,
        q,
        numbered_quarter,
        aqy,
        halves,
        h_halves,
        season,
        ddmm,
        dsl,
        wdm,
        named_month,
        week,
        numbered_week,
        weekday_ahead,
        bare_weekday,
        relative,
        noon,
        ordinal,
        t,
    ) = alternatives
    # Every mention starts a word, and re tries each alternative at each start:
    # a digit leads some, and the others start with one of a few words, so one
    # look at the word spares most words of a text the tries of them all.
    digit_led = "|".join(
        (iso, ymd, dmy, lv, ym, aq, aqy, halves, dm, numbered_week, numbered_quarter, ddmm, dsl)
    )
    word_led = "|".join(
        (
            mx,
            ap,
            q,
            h_halves,
            season,
            wdm,
            named_month,
            week,
            weekday_ahead,
            bare_weekday,
            relative,
            noon,
            ordinal,
        )
    )
    return re.compile(rf"(?<!\w)(?:(?=\d)(?:{digit_led})|(?={leading_words(lang)})(?:{word_led})|{t})")


def leading_words(lang: str) -> str:
    """The words a word-led alternative of the grammar starts with, as one
    alternation of their beginnings (a month's stem stands for its forms; a word
    that only leads before another, "u" of "u srijedu", with its space)."""
    exact, stems = month_table(lang)
    starts = {
        *exact,
        *(stem for stem, _ in stems),
        "q1",
        "q2",
        "q3",
        "q4",
        "h1",
        "h2",
        *words.NOON.split("|"),
        *words.weekday_words(lang),
        *relative_days(lang),
        *week_words(lang).split("|"),
    }
    for phrases in (*words.PART_BEFORE.values(), *words.SEASONS.values(), words.MONTH_NAMED_BEFORE):
        starts.update(phrases.split("|"))
    starts.update(f"{word} " for word in words.IN_MONTH.get(lang, "").split("|"))
    ordinals = "|".join(words.QUARTER_ORDINALS.values())
    starts.update(f"{word} " for word in f"{weekday_ahead_before(lang)}|{ordinals}".split("|"))
    starts.update(f"{word} the " for word in words.RANGE_WORDS.split("|"))  # "until the 22nd"
    return trie(sorted(starts - {"", " "}))
