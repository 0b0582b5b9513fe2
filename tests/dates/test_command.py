"""``clusterfeeds parse-date``: one text, or JSON lines in and out.

The command module is driven the way aggregator/cli.py drives it, without
importing the other commands.
"""

from __future__ import annotations

import argparse
import io
import json

from aggregator.commands import parse_date as command


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="clusterfeeds parse-date")
    command.add_arguments(parser)
    return command.run(parser.parse_args(argv))


def test_one_text(capsys):
    status = main(["14-16 May 2019", "--lang", "en"])
    assert status == 0
    assert json.loads(capsys.readouterr().out) == {
        "start": "2019-05-14", "end": "2019-05-16", "tz": None, "approximate": False,
        "earliest": None, "latest": None, "recurrence": None, "error": None}


def test_options(capsys):
    main(["Søknadsfrist er midten av september hvert år", "--lang", "nb",
          "--kind", "deadline", "--reference", "2026-11-16", "--tz", "Europe/Oslo"])
    result = json.loads(capsys.readouterr().out)
    assert (result["start"], result["tz"], result["recurrence"]) == ("2027-09-15", "Europe/Oslo", "yearly")


def test_jsonl_keeps_order_and_survives_bad_lines(capsys, monkeypatch):
    lines = [
        {"text": "Frist 1. mars 2024 kl. 15:00", "lang": "nb", "kind": "deadline", "tz": "Europe/Oslo"},
        "not json",
        {"text": "15.05 Frist skisser", "lang": "nb", "reference": "2023-03-02"},
        {"lang": "en"},
        {"text": "1 May 2024", "reference": "2024-13-45"},
        {"text": "1 May 2024", "kind": "opening"},
        {"text": "31 February 2023", "lang": "en"},
    ]
    stdin = "\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines)
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin + "\n"))
    assert main(["--jsonl"]) == 0
    results = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(results) == len(lines)
    assert (results[0]["start"], results[0]["tz"]) == ("2024-03-01T15:00", "Europe/Oslo")
    assert results[2]["start"] == "2023-05-15"
    for bad in (1, 3, 4, 5):
        assert results[bad]["start"] is None and results[bad]["error"].startswith("bad input line")
    assert results[6]["error"] == "impossible date: 31 February 2023"


def test_no_text_is_a_usage_error(capsys):
    assert main([]) == 2
    assert "TEXT" in capsys.readouterr().err
