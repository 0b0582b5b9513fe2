"""``clusterfeeds parse-date``: one text, or JSON lines in and out.

The command module is driven the way aggregator/cli.py drives it, without
importing the other commands.
"""

from __future__ import annotations

import argparse
import io
import json

import pytest

from aggregator.commands import parse_date as command


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="clusterfeeds parse-date")
    command.add_arguments(parser)
    return command.run(parser.parse_args(argv))


def test_one_text(capsys):
    status = main(["14-16 May 2019", "--lang", "en"])
    assert status == 0
    assert json.loads(capsys.readouterr().out) == {
        "start": "2019-05-14",
        "end": "2019-05-16",
        "tz": None,
        "approximate": False,
        "earliest": None,
        "latest": None,
        "recurrence": None,
        "error": None,
    }


def test_options(capsys):
    main(
        [
            "Søknadsfrist er midten av september hvert år",
            "--lang",
            "nb",
            "--kind",
            "deadline",
            "--reference",
            "2026-11-16",
            "--tz",
            "Europe/Oslo",
        ]
    )
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
    feed_stdin(monkeypatch, stdin.encode() + b"\n")
    assert main(["--jsonl"]) == 0
    results = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(results) == len(lines)
    assert (results[0]["start"], results[0]["tz"]) == ("2024-03-01T15:00", "Europe/Oslo")
    assert results[2]["start"] == "2023-05-15"
    for bad in (1, 3, 4, 5):
        assert results[bad]["start"] is None and results[bad]["error"].startswith("bad input line")
    assert results[6]["error"] == "impossible date: 31 February 2023"


def feed_stdin(monkeypatch, data: bytes):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))


def answers(capsys, monkeypatch, data: bytes) -> list[dict]:
    feed_stdin(monkeypatch, data)
    assert main(["--jsonl"]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


@pytest.mark.parametrize(
    "line, wrong",
    [
        (b"", "blank line"),
        (b"   \t", "blank line"),
        (b"{not json", "not JSON"),
        (b'{"text": "1 May 2024"', "not JSON"),
        (b"\xff\xfe 1 May", "not UTF-8"),
        (b"[1, 2]", "a JSON object is needed, not an array"),
        (b"null", "a JSON object is needed, not null"),
        (b'"1 May 2024"', "a JSON object is needed, not a string"),
        (b"{}", '"text" is missing'),
        (b'{"lang": "en"}', '"text" is missing'),
        (b'{"text": 20240501}', '"text" must be a string, not a number'),
        (b'{"text": true}', '"text" must be a string, not true'),
        (b'{"text": "1 May 2024", "lang": ["en"]}', '"lang" must be a string, not an array'),
        (b'{"text": "1 May 2024", "kind": 1}', '"kind" must be a string, not a number'),
        (b'{"text": "1 May 2024", "reference": 20240101}', '"reference" must be a string'),
        (b'{"text": "1 May 2024", "tz": {"name": "UTC"}}', '"tz" must be a string, not an object'),
        (b'{"text": "1 May 2024", "kind": "opening"}', '"kind" must be one of event, deadline'),
        (b'{"text": "1 May 2024", "lang": "tlh"}', "unknown language 'tlh'"),
        (b'{"text": "1 May 2024", "tz": "Mars/Olympus"}', "unknown time zone 'Mars/Olympus'"),
        (b'{"text": "1 May 2024", "tz": "../../etc/passwd"}', "unknown time zone"),
        (b'{"text": "1 May 2024", "reference": "2024-13-45"}', '"reference" is not a YYYY-MM-DD'),
    ],
)
def test_every_bad_line_is_answered_in_its_place_naming_line_and_fault(capsys, monkeypatch, line, wrong):
    good = b'{"text": "14-16 May 2019", "lang": "en"}'
    results = answers(capsys, monkeypatch, b"\n".join([good, line, good]) + b"\n")
    assert len(results) == 3
    assert results[0]["start"] == results[2]["start"] == "2019-05-14"
    assert results[1]["start"] is None
    assert results[1]["error"].startswith("bad input line 2: ")
    assert wrong in results[1]["error"]


def test_a_stream_of_only_bad_lines_gets_one_answer_each(capsys, monkeypatch):
    lines = [b"", b"{", b"[]", b"{}", b'{"text": 1}', b"", b'{"text": "x", "kind": "y"}', b""]
    results = answers(capsys, monkeypatch, b"\n".join(lines) + b"\n")
    assert [r["error"].split(":")[0] for r in results] == [
        f"bad input line {number}" for number in range(1, len(lines) + 1)
    ]


def test_a_last_line_without_newline_is_answered(capsys, monkeypatch):
    results = answers(capsys, monkeypatch, b'{"text": "1 May 2024"}\n{"text": "2 May 2024"}')
    assert [r["start"] for r in results] == ["2024-05-01", "2024-05-02"]


def test_a_fault_inside_the_engine_is_an_error_answer_not_the_end(capsys, monkeypatch):
    def broken(text, *args):
        if text == "boom":
            raise RuntimeError("engine fault")
        return real(text, *args)

    real = command.parse_date
    monkeypatch.setattr(command, "parse_date", broken)
    results = answers(capsys, monkeypatch, b'{"text": "boom"}\n{"text": "1 May 2024"}\n')
    assert results[0]["error"] == "line 1: could not be read: RuntimeError: engine fault"
    assert results[1]["start"] == "2024-05-01"


def test_no_text_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit:
        main([])
    assert exit.value.code == 2
    assert "TEXT" in capsys.readouterr().err


@pytest.mark.parametrize(
    "option, wrong",
    [
        (["--lang", "tlh"], "unknown language 'tlh'"),
        (["--tz", "Mars/Olympus"], "unknown time zone 'Mars/Olympus'"),
    ],
)
def test_an_unknown_language_or_zone_is_a_usage_error(capsys, option, wrong):
    with pytest.raises(SystemExit) as exit:
        main(["1 May 2024", *option])
    assert exit.value.code == 2
    assert wrong in capsys.readouterr().err
