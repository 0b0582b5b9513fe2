"""``clusterfeeds parse-date``: read one date text, or many as JSON lines."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date

from pipelines.dates import KINDS, parse_date
from pipelines.dates.result import failure

HELP = ("Read a date, range or deadline from a text as the pipeline does; print JSON. "
        "For --kind deadline, end is the deadline and start the opening when the text "
        "gives one; without an opening, start alone is the deadline.")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("text", nargs="?", help="the text as it stands on the page")
    parser.add_argument("--lang", default="en", help="ISO 639-1 language of the text")
    parser.add_argument("--kind", choices=KINDS, default="event", help="what date is wanted")
    parser.add_argument("--reference", type=date.fromisoformat, default=None,
                        help="YYYY-MM-DD the page was published or crawled (default: today)")
    parser.add_argument("--tz", default=None, help="the source's IANA time zone")
    parser.add_argument("--jsonl", action="store_true",
                        help='read {"text", "lang", "kind"?, "reference"?, "tz"?} lines from stdin')


def run(args: argparse.Namespace) -> int:
    if args.jsonl:
        for line in sys.stdin:
            if line.strip():
                print(json.dumps(_line_result(line), ensure_ascii=False))
        sys.stdout.flush()
        return 0
    if args.text is None:
        print("parse-date: give a TEXT or --jsonl", file=sys.stderr)
        return 2
    result = parse_date(args.text, args.lang, args.kind, args.reference, args.tz)
    print(json.dumps(result.to_json(), ensure_ascii=False))
    return 0


def _line_result(line: str) -> dict:
    """One input line's result; a malformed line gives an error, never a crash."""
    try:
        request = json.loads(line)
        if not isinstance(request, dict) or not isinstance(request.get("text"), str):
            raise ValueError('a JSON object with a "text" string is needed')
        reference = request.get("reference")
        return parse_date(request["text"], request.get("lang") or "en",
                          request.get("kind") or "event",
                          date.fromisoformat(reference) if reference else None,
                          request.get("tz")).to_json()
    except (ValueError, TypeError) as error:
        return failure(f"bad input line: {error}").to_json()
