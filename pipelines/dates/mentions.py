"""Mentions: what the grammar finds in a text (dates, months, clock times),
read out of its matches."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipelines.dates import fuzzy
from pipelines.dates import languages as words
from pipelines.dates.grammar import ZONE, month_number, pattern, relative_days, weekdays, words_pattern

ZONE_RE = re.compile(ZONE)
AND_RE = re.compile(words_pattern(words.AND_WORDS))
# "between 3 December and 28 May", "entre o dia 15 de julho e o dia 30": a range, not a choice;
# Hungarian writes it after the dates ("május 28. és 31. között").
BETWEEN_AFTER = re.compile(rf"[\s.,]*(?:{words.BETWEEN})(?!\w)")
# How far back a between-word may stand from its first date.
BETWEEN_REACH = 30
FROM_BEFORE = re.compile(rf"(?<!\w)(?:{words_pattern(words.FROM_WORDS)})\s+(?:der\s+|the\s+)?$")
FROM_REACH = 20
# A version, section, page or score number before a lone day/month ("version 3.12", "s. 4/5").
NOT_A_DAY_BEFORE = re.compile(
    r"(?<!\w)(?:version|versio|versión|ver|v|art|artikel|article|§|nr|no|n\.º|page|pages|p|pp|s|str"
    r"|sivu|kohta|section|chapter|luku|kapitel|punkt|score|tulos)\.?\s*$"
)
NOT_A_DAY_REACH = 12
QUARTER_NUMBERS = {
    word: number for number, ordinals in words.QUARTER_ORDINALS.items() for word in ordinals.split("|")
}


@dataclass(slots=True)
class Mention:
    """A date, approximate month or time found in the text; unknown parts are None."""

    kind: str  # "date" | "time"
    begin: int
    finish: int
    year: int | None = None
    month: int | None = None
    day: int | None = None
    first_day: int | None = None  # a range inside one mention: "14-16 May", "May 14-16"
    first_month: int | None = None  # "30 September - 2 October"
    part: str | None = None  # early | mid | late | end | month | quarter
    hour: int | None = None
    minute: int | None = None
    end_hour: int | None = None
    end_minute: int | None = None
    offset: str | None = None  # ISO 8601 UTC offset written with the time
    relative: int | None = None  # "tomorrow": days after the reference, instead of a date
    weekday: int | None = None  # "this Saturday": the next such day after the reference
    likely: bool = False  # a time only when it stands right after a date ("alle 16")
    alone: bool = False  # a date only when the text gives no other ("september månad",
    # "week 3": of a course, as likely as of the year)
    week: int | None = None  # a week of the year ("uge 26"), instead of a month and day
    first_week: int | None = None  # "uge 24-26"
    from_week: bool = False  # "ab KW 14": its Monday opens a span that runs on
    short_year: bool = False  # "27/11/97": a two-digit year, in the century nearest the reference
    bare: bool = False  # "Jeudi aura lieu": a weekday alone, the first such day from the reference on
    reference_month: bool = False  # "Día 17.", "dal 26 al 28": days of the reference's month

    @property
    def from_reference(self) -> bool:
        """Whether the day is counted from the reference ("tomorrow", "this Saturday")."""
        return self.relative is not None or self.weekday is not None


def lower(text: str) -> str:
    """``text`` lower-cased with its offsets kept (a few letters lower-case to two)."""
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return lowered


def scan(text: str, lang: str) -> list[Mention]:
    """Every date and time mention in lower-cased ``text``, in order."""
    found = []
    for match in pattern(lang).finditer(text):
        mention = _mention(match, lang)
        if isinstance(mention, tuple):
            found.extend(mention)
        elif mention is not None:
            found.append(mention)
    return found


def between(text: str, lang: str, begin: int, finish: int) -> bool:
    """Whether a between-word stands just before ``begin`` or just after ``finish``."""
    return bool(
        _between_before(lang).search(text[max(0, begin - BETWEEN_REACH) : begin])
        or BETWEEN_AFTER.match(text, finish)
    )


@cache
def _between_before(lang: str) -> re.Pattern[str]:
    """A between-word before a range's first date, fillers and weekdays after it."""
    return re.compile(rf"(?<!\w)(?:{words.BETWEEN})(?:\s+(?:{words.FILLERS}|{weekdays(lang)}))*\s*$")


def _int(value: str | None) -> int | None:
    return int(value) if value else None


def _mention(m: re.Match[str], lang: str) -> Mention | None:
    kind = m.lastgroup
    g = m.group
    base = {"begin": m.start(), "finish": m.end()}
    if kind == "t" or kind == "noon":  # a quarter of all mentions: asked first
        return _time(m, base)
    if kind == "iso":
        return Mention(
            "date",
            **base,
            year=int(g("iso_y")),
            month=int(g("iso_m")),
            day=int(g("iso_d")),
            hour=_int(g("iso_h")),
            minute=_int(g("iso_mi")),
            offset=g("iso_off"),
        )
    if kind == "ymd":
        return Mention("date", **base, year=int(g("ymd_y")), month=int(g("ymd_m")), day=int(g("ymd_d")))
    if kind == "dmy":
        year = int(g("dmy_y"))
        day, month = int(g("dmy_d")), int(g("dmy_m"))
        if month > 12 and day <= 12 and g("dmy_sep").strip() == "/":
            day, month = month, day  # month-first, as some English pages write it
        first_month = _int(g("dmy_m0"))
        return Mention(
            "date",
            **base,
            year=year + 2000 if len(g("dmy_y")) == 2 else year,
            short_year=len(g("dmy_y")) == 2,
            month=month,
            day=day,
            first_day=_int(g("dmy_d0")),
            first_month=first_month if first_month != month else None,
        )
    if kind == "lv":
        return Mention(
            "date", **base, year=int(g("lv_y")), month=month_number(lang, g("lv_mon")), day=int(g("lv_d"))
        )
    if kind == "ym":
        day, last = int(g("ym_d")), _int(g("ym_d2"))
        return Mention(
            "date",
            **base,
            year=int(g("ym_y")),
            month=month_number(lang, g("ym_mon")),
            day=last or day,
            first_day=day if last else None,
        )
    if kind == "dm":
        first_month = g("dm_mon0")
        mention = Mention(
            "date",
            **base,
            year=_int(g("dm_y")),
            month=month_number(lang, g("dm_mon")),
            day=int(g("dm_d")),
            first_day=_int(g("dm_d0")),
            first_month=month_number(lang, first_month) if first_month else None,
        )
        return (
            _listed(mention, m, "dm_conn", lang)
            if g("dm_conn") and AND_RE.fullmatch(g("dm_conn"))
            else mention
        )
    if kind == "mx":
        return _month_led(m, lang, base)
    if kind in ("aqy", "hy", "hh", "se") or (kind == "ap" and g("ap_year")):
        return _year_part(m, base, lang)
    if kind in ("ap", "aq"):
        part = _part(m, kind, lang)
        return Mention(
            "date", **base, year=_int(g(f"{kind}_y")), month=month_number(lang, g(f"{kind}_mon")), part=part
        )
    if kind in ("q", "nq"):
        number = int(g(f"{kind}_n")) if g(f"{kind}_n") else QUARTER_NUMBERS[g("q_word")]
        return Mention(
            "date",
            **base,
            year=int(g(f"{kind}_y")),
            month=(number - 1) * words.QUARTER_MONTHS + 1,
            part="quarter",
        )
    if kind == "ddmm":
        return Mention(
            "date", **base, month=int(g("ddmm_m")), day=int(g("ddmm_d")), first_day=_int(g("ddmm_d0"))
        )
    if kind == "dma":
        if NOT_A_DAY_BEFORE.search(m.string, max(0, m.start() - NOT_A_DAY_REACH), m.start()):
            return None
        day, month = (g("dma_d"), g("dma_m")) if g("dma_d") else (g("dma_dd"), g("dma_mm"))
        return Mention(
            "date", **base, month=int(month), day=int(day), first_day=_int(g("dma_d0")), alone=True
        )
    if kind in ("dsl", "wdm"):
        return Mention("date", **base, month=int(g(f"{kind}_m")), day=int(g(f"{kind}_d")))
    if kind == "bm":
        return Mention(
            "date",
            **base,
            year=_int(g("bm_y")),
            month=month_number(lang, g("bm_mon")),
            part="month",
            alone=True,
        )
    if kind in ("yn", "ny"):  # the whole year, from January to December
        year = int(g(f"{kind}_y"))
        return Mention("date", **base, year=year, month=12, first_month=1, part="month", alone=True)
    if kind in ("wk", "nw"):
        last = _int(g("wk_n2")) if kind == "wk" else None
        first = int(g(f"{kind}_n"))
        return Mention(
            "date",
            **base,
            year=_int(g(f"{kind}_y")),
            week=last or first,
            first_week=first if last else None,
            part="week",
            alone=True,
            from_week=bool(FROM_BEFORE.search(m.string, max(0, m.start() - FROM_REACH), m.start())),
        )
    if kind == "rwd":
        day = g("rwd_day") or g("rwd_day2")
        return Mention("date", **base, weekday=words.weekday_forms(lang)[day])
    if kind == "bwd":
        return Mention("date", **base, weekday=words.weekday_forms(lang)[g("bwd_day")], alone=True, bare=True)
    if kind == "rel":
        return Mention("date", **base, relative=relative_days(lang)[g("rel_word")])
    if kind == "dd":
        last = g("dd_day") or g("dd_d") or g("dd_o")
        return Mention(
            "date",
            **base,
            day=int(last),
            first_day=_int(g("dd_d0") or g("dd_o0")),
            alone=True,
            reference_month=True,
        )
    # "ord": its month is the one of the date before it
    return Mention("date", m.start("ord_d"), m.end(), day=int(g("ord_d")))


def _month_led(m: re.Match[str], lang: str, base: dict) -> Mention | tuple[Mention, Mention]:
    """ "May 14-16, 2019", "April - December 2027" or "rugsėjo viduryje"."""
    g = m.group
    month = month_number(lang, g("mx_mon"))
    if g("md_d"):
        day, last = int(g("md_d")), _int(g("md_d2"))
        mention = Mention(
            "date",
            **base,
            year=_int(g("md_y")),
            month=month,
            day=last or day,
            first_day=day if last else None,
        )
        return _listed(mention, m, "md_and", lang) if g("md_and") else mention
    if g("my_y"):
        last = g("my_mon")
        return Mention(
            "date",
            **base,
            year=int(g("my_y")),
            month=month_number(lang, last) if last else month,
            first_month=month if last else None,
            part="month",
        )
    return Mention("date", **base, month=month, part=_part(m, "mx", lang))


def _part(m: re.Match[str], kind: str, lang: str) -> str:
    """The part of a month or year a vague date names ("early", "end"...)."""
    table = fuzzy.before(lang) if kind == "ap" else fuzzy.after(lang)
    return next(p for p in table if m.group(f"{kind}_{p}"))


def _year_part(m: re.Match[str], base: dict, lang: str) -> Mention:
    """A part of a year as a span of its months: "early 2027" is January to March,
    "late spring 2027" is May; "by the end of 2021" is 31 December, exactly."""
    g = m.group
    kind = m.lastgroup
    year = int(g("ap_year" if kind == "ap" else f"{kind}_y"))
    if kind in ("hy", "hh"):
        half = int(g(f"{kind}_n"))
        first, last = words.YEAR_PARTS["first" if half == 1 else "second"]
    elif kind == "se":
        first, last = next((a, b) for a, b in words.SEASONS if g(f"se{a}_{b}"))
        part = next((p for p in ("early", "mid", "late") if g(f"se_{p}")), None)
        if part:  # a third of the season: one of its three months
            first = last = (first - 1 + ("early", "mid", "late").index(part)) % 12 + 1
    else:
        part = _part(m, kind, lang)
        if part == "end":
            return Mention("date", **base, year=year, month=12, part="end")
        first, last = words.YEAR_PARTS[part]
    # winter 2026 runs from December 2026 into 2027
    return Mention(
        "date",
        **base,
        year=year + (last < first),
        month=last,
        first_month=first if first != last else None,
        part="month",
    )


def _listed(mention: Mention, m: re.Match[str], conn: str, lang: str) -> Mention | tuple[Mention, Mention]:
    """ "11 and 12 November" is one event over two days; "3 and 10 July" and
    "1. mars og 1. september" are two dates, unless "between" makes them a range."""
    first_month = mention.first_month or mention.month
    if (first_month == mention.month and mention.day - mention.first_day == 1) or between(
        m.string, lang, m.start(), m.end()
    ):
        return mention
    first = Mention(
        "date", m.start(), m.start(conn), year=mention.year, month=first_month, day=mention.first_day
    )
    second = Mention("date", m.end(conn), m.end(), year=mention.year, month=mention.month, day=mention.day)
    return first, second


def _time(m: re.Match[str], base: dict) -> Mention | None:
    """A clock time; a bare hour after a weak marker ("alle 16", "von 15 bis 17") or
    an hour and minutes with a dot ("13.00") is only a likely one, kept if it stands
    right after a date."""
    g = m.group
    if m.lastgroup == "noon":
        return Mention("time", **base, hour=12, minute=0)
    weak = g("t_mark") in words.WEAK_TIME_MARKERS
    marked = g("t_mark") and (g("t_mi") or not weak)
    separator = (g("t_sep") or "").strip()  # "20 h 30"
    explicit = (
        separator in (":", "h")
        or marked
        or g("t_ampm")
        or g("t_after")
        or g("t_after2")
        or (g("t_mi") and g("t_mi2"))
        or ZONE_RE.match(m.string, m.end())
    )
    # "2018 13.00" after a date is its time; alone, "13.00" may be a price or a section
    if not explicit and not (g("t_mark") and separator != ",") and separator != ".":
        return None
    hour, minute = _clock(int(g("t_h")), _int(g("t_mi") or g("t_mi3")) or 0, g("t_ampm"))
    end_hour = end_minute = None
    if g("t_h2"):
        end_hour, end_minute = _clock(int(g("t_h2")), _int(g("t_mi2")) or 0, g("t_ampm2") or g("t_ampm"))
    if hour is None:
        return None
    return Mention(
        "time",
        **base,
        hour=hour,
        minute=minute,
        end_hour=end_hour,
        end_minute=end_minute,
        likely=not explicit,
    )


def _clock(hour: int, minute: int, ampm: str | None) -> tuple[int | None, int]:
    if ampm:
        if hour > 12:
            return None, minute
        pm = ampm.lower().startswith("p")
        hour = hour % 12 + (12 if pm else 0)
    if hour == 24 and minute == 0:
        return 23, 59  # "24:00" closes the day; the database has no 24:00
    return (hour, minute) if hour < 24 else (None, minute)
