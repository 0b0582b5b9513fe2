"""The corpus: page snippets in many languages with what a careful reader gets.

Each line of corpus.jsonl holds the inputs (text, lang, kind, reference, tz) and
``expected``: the exact JSON the engine must give.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from pipelines.dates import DATE_KINDS, parse_date

CORPUS = Path(__file__).with_name("corpus.jsonl")
ROWS = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line]
RESULT_KEYS = {"start", "end", "tz", "approximate", "earliest", "latest", "recurrence", "error"}


def test_corpus_is_large_and_varied():
    languages = Counter(row["lang"] for row in ROWS)
    assert len(ROWS) >= 300
    assert len(languages) >= 15
    for seed_language in ("en", "nb", "pl", "lt", "ro"):
        assert languages[seed_language] >= 20, seed_language
    assert {row["kind"] for row in ROWS} == set(DATE_KINDS)
    assert sum(1 for row in ROWS if row["expected"]["error"]) >= 30


@pytest.mark.parametrize("row", ROWS, ids=lambda row: f"{row['lang']}-{row['kind']}-{row['text'][:40]}")
def test_corpus_row_is_well_formed(row):
    assert set(row) == {"text", "lang", "kind", "reference", "tz", "expected"}
    assert set(row["expected"]) == RESULT_KEYS
    ZoneInfo(row["tz"])
    date.fromisoformat(row["reference"])
    expected = row["expected"]
    assert (expected["start"] is None) == (expected["error"] is not None)
    assert expected["approximate"] == (expected["earliest"] is not None)


@pytest.mark.parametrize("row", ROWS, ids=lambda row: f"{row['lang']}-{row['kind']}-{row['text'][:40]}")
def test_engine_reads_corpus_row(row):
    result = parse_date(
        row["text"], row["lang"], row["kind"], date.fromisoformat(row["reference"]), row["tz"]
    )
    assert result.to_json() == row["expected"]
