"""Benchmark of the date engine against dateparser: accuracy on the project's
own corpus and on real text, and throughput warm and cold, all in one run.

    .venv/bin/python bench/dates.py [--seconds 3] [--misses own|real|blind]

Accuracy, per set:
- own (tests/pipelines/dates/corpus.jsonl): written beside the engine; exact on every field.
- held-out (bench/dates_heldout.jsonl): written apart from the engine, earlier.
- real (tests/pipelines/dates/real.jsonl): snippets copied from stored copies of real
  public pages, each with its URL; expected values were fixed before the engine
  read them. Its lines marked ``"blind": true`` are a frozen fifth that no fix
  is tuned on, reported apart as "blind" (and once more without the latest
  batch, whose blind fifth is the newest); the rest are "tuned".

A real line is right when start and end are the expected ones, an expected
approximation is flagged, and a timed start's zone has the expected UTC offset
at that instant (CET written on a Warsaw page may name Brussels: same offset).
dateparser counts as right when its first datetime (``parse``) or its first
and, for a range, second date found (``search_dates``) match.

Throughput: *warm* is calls per second over whole passes of the own corpus
after a warm-up (each contender keeps its best of three rounds); *cold* is a
fresh interpreter's import plus first call, the price a one-shot command pays.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections import defaultdict
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import dateparser
from dateparser.search import search_dates

from pipelines.dates import DateResult, parse_date

ROOT = Path(__file__).resolve().parent.parent
OWN = ROOT / "tests" / "pipelines" / "dates" / "corpus.jsonl"
HELD_OUT = ROOT / "bench" / "dates_heldout.jsonl"
REAL = ROOT / "tests" / "pipelines" / "dates" / "real.jsonl"
SEARCH_SETTINGS = {"PREFER_DAY_OF_MONTH": "first", "DATE_ORDER": "DMY"}


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def engine(row: dict) -> DateResult:
    return parse_date(row["text"], row["lang"], row["kind"], date.fromisoformat(row["reference"]), row["tz"])


def dateparser_parse(row: dict) -> datetime | None:
    return dateparser.parse(row["text"], languages=[row["lang"]], settings={"RELATIVE_BASE": _reference(row)})


def dateparser_search(row: dict) -> list[datetime]:
    try:
        found = search_dates(
            row["text"],
            languages=[row["lang"]],
            settings={**SEARCH_SETTINGS, "RELATIVE_BASE": _reference(row)},
        )
    except Exception:  # it raises on some scripts and languages it does not know
        return []
    return [when for _, when in found or []]


def _reference(row: dict) -> datetime:
    return datetime.combine(date.fromisoformat(row["reference"]), datetime.min.time())


def _offset(zone: str | None, wall: str) -> object:
    try:
        return datetime.fromisoformat(wall).replace(tzinfo=ZoneInfo(zone)).utcoffset()
    except (TypeError, ValueError, KeyError):
        return None


def real_right(row: dict, got: dict) -> bool:
    """``got`` (the engine's JSON) reads the real line as its expected values say."""
    want = row["expected"]
    if want.get("error"):
        return got["error"] is not None
    if got["error"] is not None or (got["start"], got["end"]) != (want["start"], want.get("end")):
        return False
    if want.get("approximate") and not got["approximate"]:
        return False
    return "T" not in want["start"] or _offset(got["tz"], got["start"]) == _offset(want["tz"], want["start"])


def held_out_right(row: dict, got: dict) -> bool:
    """Start, end, zone and whether there is a date at all, as the held-out set records."""
    want = row["expected"]
    if want["error"]:
        return got["error"] is not None
    return (got["start"], got["end"], got["tz"]) == (want["start"], want["end"], want["tz"])


def own_right(row: dict, got: dict) -> bool:
    return got == row["expected"]


def _as_text(value: datetime, like: str | None) -> str | None:
    if like is None:
        return None
    return value.strftime("%Y-%m-%dT%H:%M") if "T" in like else value.date().isoformat()


def parse_right(row: dict, found: datetime | None) -> bool:
    want = row["expected"]
    if want.get("error"):
        return found is None
    if found is None or want.get("end") or want.get("approximate"):
        return False
    return _as_text(found, want["start"]) == want["start"]


def search_right(row: dict, found: list[datetime]) -> bool:
    want = row["expected"]
    if want.get("error"):
        return not found
    if not found or want.get("approximate"):
        return False
    ends = [_as_text(found[1], want["end"])] if want.get("end") and len(found) > 1 else [None]
    return (_as_text(found[0], want["start"]), ends[0]) == (want["start"], want.get("end"))


def score(title: str, rows: list[dict], right, misses: bool) -> None:
    """The engine's share right, by language and kind, with dateparser's beside it."""
    by_language, by_kind = defaultdict(list), defaultdict(list)
    parse_marks, search_marks = [], []
    for row in rows:
        got = engine(row).to_json()
        mark = right(row, got)
        by_language[row["lang"]].append(mark)
        by_kind[row["kind"]].append(mark)
        parse_marks.append(parse_right(row, dateparser_parse(row)))
        search_marks.append(search_right(row, dateparser_search(row)))
        if misses and not mark:
            print(f"MISS {row['lang']} {row['kind']} {row['text']!r}\n  want {row['expected']}\n  got  {got}")
    total = sum(sum(marks) for marks in by_language.values())
    print(f"\n== {title}: {len(rows)} texts in {len(by_language)} languages")
    print(
        "  by language: " + ", ".join(f"{lang} {sum(m)}/{len(m)}" for lang, m in sorted(by_language.items()))
    )
    print("  by kind:     " + ", ".join(f"{kind} {sum(m)}/{len(m)}" for kind, m in sorted(by_kind.items())))
    for name, right_count in (
        ("engine", total),
        ("dateparser.parse(languages=[l])", sum(parse_marks)),
        ("dateparser search_dates(languages=[l])", sum(search_marks)),
    ):
        print(f"  {name:<40} {right_count:>4}/{len(rows)} = {100 * right_count / max(len(rows), 1):5.1f}%")


def calls_per_second(functions: list, rows: list[dict], seconds: float, rounds: int = 3) -> list[float]:
    """Calls per second of each function over whole passes of the corpus: the
    functions take turns for ``rounds`` rounds and each keeps its best round, so
    a burst of load on the machine does not tilt the ratios."""
    for function in functions:
        for row in rows:  # warm-up: grammars compiled, dateparser's languages loaded
            function(row)
    best = [0.0] * len(functions)
    for _ in range(rounds):
        for i, function in enumerate(functions):
            calls, began = 0, time.perf_counter()
            while not calls or time.perf_counter() - began < seconds / rounds:
                for row in rows:
                    function(row)
                calls += len(rows)
            best[i] = max(best[i], calls / (time.perf_counter() - began))
    return best


COLD = """
import time; began = time.perf_counter()
{imports}
{call}
print(time.perf_counter() - began)
"""
COLD_CALLS = {
    "engine": (
        "from pipelines.dates import parse_date",
        "parse_date('29 września 2023 r.', 'pl', 'deadline')",
    ),
    "dateparser.parse": ("import dateparser", "dateparser.parse('29 września 2023 r.', languages=['pl'])"),
    "search_dates": (
        "from dateparser.search import search_dates",
        "search_dates('Termin: 29 września 2023 r.', languages=['pl'])",
    ),
}


def cold_seconds(name: str) -> float:
    """A fresh interpreter's import and first call, in seconds."""
    imports, call = COLD_CALLS[name]
    out = subprocess.run(
        [sys.executable, "-c", COLD.format(imports=imports, call=call)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return float(out.stdout.split()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--seconds", type=float, default=3.0, help="time given to each contender's warm throughput runs"
    )
    parser.add_argument(
        "--misses", choices=("own", "held-out", "real", "blind"), help="list the engine's misses on that set"
    )
    args = parser.parse_args()
    own, real = load(OWN), load(REAL)
    score("own corpus (written beside the engine)", own, own_right, args.misses == "own")
    score("held-out (written apart, earlier)", load(HELD_OUT), held_out_right, args.misses == "held-out")
    score("real, tuned part", [r for r in real if not r.get("blind")], real_right, args.misses == "real")
    blind = [r for r in real if r.get("blind")]
    score("real, blind part (frozen, never tuned on)", blind, real_right, args.misses == "blind")
    latest = real[-1]["batch"]  # each new batch's blind fifth joins after its first run
    score(
        f"real, blind part before batch {latest}",
        [r for r in blind if r["batch"] != latest],
        real_right,
        False,
    )

    contenders = (
        ("engine", engine),
        ("dateparser.parse", dateparser_parse),
        ("search_dates", dateparser_search),
    )
    rates = calls_per_second([function for _, function in contenders], own, args.seconds)
    print(f"\nthroughput on the own corpus ({len(own)} texts)")
    print(f"  {'':<18} {'warm calls/s':>13} {'µs/call':>9} {'cold: import + first call':>27}")
    for (name, _), rate in zip(contenders, rates, strict=True):
        print(f"  {name:<18} {rate:>13.0f} {1e6 / rate:>9.1f} {cold_seconds(name):>25.3f} s")
    print(f"  engine / dateparser.parse: {rates[0] / rates[1]:.1f}x warm")
    print(f"  engine / search_dates:     {rates[0] / rates[2]:.1f}x warm")


if __name__ == "__main__":
    main()
