"""Benchmark of the date engine against dateparser on the test corpus.

    .venv/bin/python bench/dates.py [--seconds 2]

Prints the engine's exact-match accuracy by language and by kind, then in the
same run and on the same texts the calls per second of the engine, of
``dateparser.parse(text, languages=[lang])`` and of auto-detecting
``dateparser.parse(text)``, with the ratios. dateparser's own accuracy is shown
for comparison: it counts as right when its single datetime is the expected
start (it has no ranges, zones or errors, so it cannot be right on those).
"""

from __future__ import annotations

import argparse
import json
import time
from collections import defaultdict
from datetime import date, datetime
from pathlib import Path

import dateparser

from pipelines.dates import DateResult, parse_date

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "dates" / "corpus.jsonl"
# Written apart from the engine, its expected values decided before the engine
# first read them, and never used to tune it: the accuracy to expect on new pages.
HELD_OUT = Path(__file__).resolve().parent / "dates_heldout.jsonl"


def load() -> list[dict]:
    return [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line]


def engine(row: dict) -> DateResult:
    return parse_date(row["text"], row["lang"], row["kind"], date.fromisoformat(row["reference"]),
                      row["tz"])


def dateparser_given_language(row: dict) -> datetime | None:
    return dateparser.parse(row["text"], languages=[row["lang"]])


def dateparser_detecting(row: dict) -> datetime | None:
    return dateparser.parse(row["text"])


def dateparser_right(found: datetime | None, expected: dict) -> bool:
    if expected["error"] or expected["end"] or expected["approximate"] or found is None:
        return False
    want = expected["start"]
    got = found.strftime("%Y-%m-%dT%H:%M") if "T" in want else found.date().isoformat()
    return got == want


def calls_per_second(functions: list, rows: list[dict], seconds: float,
                     rounds: int = 3) -> list[float]:
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


def held_out_right(row: dict) -> bool:
    """Start, end, zone and whether there is a date at all, as the held-out set records."""
    got, want = engine(row).to_json(), row["expected"]
    if want["error"]:
        return got["error"] is not None
    return (got["start"], got["end"], got["tz"]) == (want["start"], want["end"], want["tz"])


def accuracy_table(title: str, groups: dict[str, list[bool]]) -> None:
    print(f"\n{title:<12} {'exact':>7} {'of':>5} {'%':>7}")
    for name in sorted(groups):
        marks = groups[name]
        print(f"{name:<12} {sum(marks):>7} {len(marks):>5} {100 * sum(marks) / len(marks):>6.1f}%")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=3.0,
                        help="time given to each contender's throughput runs")
    parser.add_argument("--misses", action="store_true", help="list the engine's misses")
    args = parser.parse_args()
    rows = load()

    by_language, by_kind = defaultdict(list), defaultdict(list)
    dateparser_marks = []
    for row in rows:
        got = engine(row).to_json()
        right = got == row["expected"]
        by_language[row["lang"]].append(right)
        by_kind[row["kind"]].append(right)
        dateparser_marks.append(dateparser_right(dateparser_given_language(row), row["expected"]))
        if args.misses and not right:
            print(f"MISS {row['lang']} {row['kind']} {row['text']!r}\n"
                  f"  want {row['expected']}\n  got  {got}")
    total = sum(sum(marks) for marks in by_language.values())
    print(f"Corpus: {len(rows)} texts in {len(by_language)} languages ({CORPUS})")
    accuracy_table("language", by_language)
    accuracy_table("kind", by_kind)
    print(f"\nengine exact: {total}/{len(rows)} = {100 * total / len(rows):.1f}%")
    print(f"dateparser (languages=[lang]) exact: {sum(dateparser_marks)}/{len(rows)} = "
          f"{100 * sum(dateparser_marks) / len(rows):.1f}%")
    held_out = [json.loads(line) for line in HELD_OUT.read_text(encoding="utf-8").splitlines()]
    right = sum(held_out_right(row) for row in held_out)
    print(f"engine on the held-out set ({HELD_OUT.name}): {right}/{len(held_out)} = "
          f"{100 * right / len(held_out):.1f}%")

    ours, given = calls_per_second([engine, dateparser_given_language], rows, args.seconds)
    # one pass of auto-detection takes many seconds: one round is enough to show it
    detecting, = calls_per_second([dateparser_detecting], rows, 0, rounds=1)
    print("\nthroughput on the same corpus")
    for name, rate in (("engine", ours), ("dateparser.parse(text, languages=[l])", given),
                       ("dateparser.parse(text) auto-detecting", detecting)):
        print(f"  {name:<38} {rate:>9.0f} calls/s  {1e6 / rate:>8.1f} µs/call")
    print(f"  engine / dateparser with language:  {ours / given:.1f}x")
    print(f"  engine / dateparser auto-detecting: {ours / detecting:.1f}x")


if __name__ == "__main__":
    main()
