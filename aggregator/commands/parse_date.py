"""``clusterfeeds parse-date``: read one date text, or many as JSON lines."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from zoneinfo import ZoneInfo

from aggregator.commands.common import usage_error
from aggregator.commands.failures import EXIT_OK
from pipelines.dates import DATE_KINDS, LANGUAGE_ALIASES, parse_date
from pipelines.dates.cldr import LANGUAGES
from pipelines.dates.result import failure

HELP = (
    "Read a date, range or deadline from a text as the pipeline does; print JSON. "
    "For --kind deadline, end is the deadline and start the opening when the text "
    "gives one; without an opening, start alone is the deadline."
)
FIELDS = ("text", "lang", "kind", "reference", "tz")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("text", nargs="?", help="the text as it stands on the page")
    parser.add_argument("--lang", default="en", help="ISO 639-1 language of the text")
    parser.add_argument("--kind", choices=DATE_KINDS, default="event", help="what date is wanted")
    parser.add_argument(
        "--reference",
        type=date.fromisoformat,
        default=None,
        help="YYYY-MM-DD the page was published or crawled (default: today)",
    )
    parser.add_argument("--tz", default=None, help="the source's IANA time zone")
    parser.add_argument(
        "--jsonl",
        action="store_true",
        help='read {"text", "lang"?, "kind"?, "reference"?, "tz"?} lines from '
        "stdin; every line is answered, in order, a bad one with an error",
    )


def run(args: argparse.Namespace) -> int:
    if args.jsonl:
        for number, line in enumerate(sys.stdin.buffer, 1):
            print(json.dumps(line_result(number, line), ensure_ascii=False))
        sys.stdout.flush()
        return EXIT_OK
    if args.text is None:
        raise usage_error("parse-date: give a TEXT or --jsonl")
    try:
        check_request(args.lang, args.tz)
    except ValueError as error:
        raise usage_error(f"parse-date: {error}") from None
    result = parse_date(args.text, args.lang, args.kind, args.reference, args.tz)
    print(json.dumps(result.to_json(), ensure_ascii=False))
    return EXIT_OK


def line_result(number: int, line: bytes) -> dict:
    """One input line's answer; a line that cannot be read gives an error naming
    the line and what was wrong, never a crash."""
    try:
        if not line.strip():
            raise ValueError("blank line")
        request = json.loads(line.decode())
        if not isinstance(request, dict):
            raise ValueError(f"a JSON object is needed, not {json_type(request)}")
        for name in FIELDS:
            value = request.get(name)
            if value is not None and not isinstance(value, str):
                raise ValueError(f'"{name}" must be a string, not {json_type(value)}')
        if request.get("text") is None:
            raise ValueError('"text" is missing')
        kind = request.get("kind") or "event"
        if kind not in DATE_KINDS:
            raise ValueError(f'"kind" must be one of {", ".join(DATE_KINDS)}, not {kind!r}')
        lang, tz = request.get("lang") or "en", request.get("tz")
        check_request(lang, tz)
        reference = reference_day(request.get("reference"))
    except UnicodeDecodeError:
        return failure(f"bad input line {number}: not UTF-8").to_json()
    except json.JSONDecodeError as error:
        return failure(f"bad input line {number}: not JSON ({error})").to_json()
    except ValueError as error:
        return failure(f"bad input line {number}: {error}").to_json()
    try:
        return parse_date(request["text"], lang, kind, reference, tz).to_json()
    except Exception as error:  # a fault of the engine must not end the stream
        return failure(f"line {number}: could not be read: {type(error).__name__}: {error}").to_json()


def json_type(value) -> str:
    if value is None or isinstance(value, bool):
        return json.dumps(value)
    return {dict: "an object", list: "an array", str: "a string"}.get(type(value), "a number")


def reference_day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        raise ValueError(f'"reference" is not a YYYY-MM-DD date: {text!r}') from None


def check_request(lang: str, tz: str | None) -> None:
    """ValueError for a language the engine has no words for or an unknown zone."""
    code = lang.lower()[:2]
    if LANGUAGE_ALIASES.get(code, code) not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; known: {', '.join(sorted(LANGUAGES))}")
    if tz is not None:
        try:
            ZoneInfo(tz)
        except (ValueError, KeyError):  # ZoneInfoNotFoundError is a KeyError
            raise ValueError(f"unknown time zone {tz!r}") from None
