"""Benchmark of publishing against raw feedgen and raw icalendar, as the database grows.

    .venv/bin/python bench/publish.py [--items 1000 10000 100000]

For each count, writes that many realistic events and calls (bench/stored.py;
a tenth announced twice, by a second source) into a temporary database, then
measures, each in a fresh process, in the same run:

- ``publish``: every feed of every scope (RSS, Atom, JSON Feed, iCal for all,
  each country, source and topic), index.html and feeds.html, swapped in;
- ``feedgen``: one RSS document of every entry with feedgen;
- ``icalendar``: one calendar of every entry (events and each cut-off) with icalendar.

For each: wall time, ms per stored item, and the process's peak resident memory
(VmHWM, bench/measure.py) and its resident memory once the modules are imported,
before the work; then the ratios of publish to each raw serialisation, and of
publish's time per item and peak memory at each count to the count before.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime
from itertools import pairwise
from pathlib import Path
from zoneinfo import ZoneInfo

from measure import peak_rss_mib, rss_mib
from stored import AS_OF, fill_database

GOAL_PEAK_MB = 250


def run_publish(db_path: Path, out: Path) -> dict:
    from core.db import connect
    from feeds.publish import publish

    published = publish(connect(db_path), out, AS_OF, "https://feeds.example.org/")
    size = sum((published.folder / name).stat().st_size for name in published.files)
    return {"files": len(published.files), "bytes": size}


def run_feedgen(db_path: Path, out: Path) -> dict:
    from feedgen.feed import FeedGenerator

    rows = _rows(db_path)
    feed = FeedGenerator()
    feed.title("all entries")
    feed.link(href="https://feeds.example.org/all.rss", rel="self")
    feed.link(href="https://feeds.example.org/")
    feed.description("every entry")
    for row in rows:
        item = feed.add_entry(order="append")
        item.title(row["title"])
        item.link(href=row["url"])
        item.guid(row["id"], permalink=False)
        item.pubDate(datetime.fromisoformat(row["first_seen"]))
        item.description(f"<p>{row['start'] or row['deadline']}</p><p>{row['summary']}</p>")
    data = feed.rss_str(pretty=True)
    (out / "all.rss").write_bytes(data)
    return {"files": 1, "bytes": len(data)}


def run_icalendar(db_path: Path, out: Path) -> dict:
    from icalendar import Calendar, Event

    rows = _rows(db_path)
    calendar = Calendar()
    calendar.add("prodid", "-//bench//EN")
    calendar.add("version", "2.0")
    for row in rows:
        moments = (
            [(row["start"], row["end"])]
            if row["kind"] == "event"
            else [(d["at"], None) for d in json.loads(row["deadlines"] or "[]")]
        )
        for index, (start, end) in enumerate(moments):
            if not start:
                continue
            event = Event()
            event.add("uid", f"{row['id']}-{index}@bench")
            event.add("summary", row["title"])
            event.add("dtstamp", datetime.fromisoformat(row["updated"]))
            event.add("dtstart", _ical_value(start, row["timezone"]))
            if end:
                event.add("dtend", _ical_value(end, row["timezone"]))
            event.add("description", row["summary"])
            event.add("url", row["url"])
            calendar.add_component(event)
    calendar.add_missing_timezones()
    data = calendar.to_ical()
    (out / "all.ics").write_bytes(data)
    return {"files": 1, "bytes": len(data)}


def _ical_value(text: str, zone: str):
    if len(text) == 10:
        return date.fromisoformat(text)
    return datetime.fromisoformat(text).astimezone(ZoneInfo(zone))


def _rows(db_path: Path) -> list[dict]:
    from core.db import connect

    return list(connect(db_path).query("select * from items where kind in ('event', 'call')"))


TASKS = {"publish": run_publish, "feedgen": run_feedgen, "icalendar": run_icalendar}


def measure(task: str, db_path: Path, out: Path) -> dict:
    """One task in this process: wall time and memory (run in a fresh process)."""
    for module in ("feeds.publish", "feedgen.feed", "icalendar", "core.db"):
        __import__(module)  # imports are not the work being measured
    imported = rss_mib()
    began = time.perf_counter()
    result = TASKS[task](db_path, out)
    return {
        **result,
        "seconds": time.perf_counter() - began,
        "peak_mib": peak_rss_mib(),
        "imported_mib": imported,
    }


def in_subprocess(task: str, db_path: Path, out: Path) -> dict:
    command = [sys.executable, __file__, "--measure", task, "--db", str(db_path), "--out", str(out)]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"{task} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.splitlines()[-1])


def measure_count(count: int, folder: Path) -> dict[str, dict]:
    db_path = folder / f"{count}.db"
    fill_database(db_path, count)
    results = {}
    for task in TASKS:
        out = folder / f"{count}-{task}"
        out.mkdir()
        results[task] = in_subprocess(task, db_path, out / "site" if task == "publish" else out)
    return results


def report(by_count: dict[int, dict[str, dict]]) -> None:
    print(
        f"{'items':>7} {'task':<10} {'files':>6} {'MiB out':>8} {'seconds':>8} {'ms/item':>8} "
        f"{'peak RSS MiB':>13} {'imported MiB':>13}"
    )
    for count, results in by_count.items():
        for task, r in results.items():
            print(
                f"{count:>7} {task:<10} {r['files']:>6} {r['bytes'] / 2**20:>8.1f} {r['seconds']:>8.3f} "
                f"{1000 * r['seconds'] / count:>8.3f} {r['peak_mib']:>13.1f} {r['imported_mib']:>13.1f}"
            )
    for count, results in by_count.items():
        ours = results["publish"]
        for raw in ("feedgen", "icalendar"):
            print(
                f"{count} items, publish / {raw}: time {ours['seconds'] / results[raw]['seconds']:.2f}, "
                f"peak RSS {ours['peak_mib'] / results[raw]['peak_mib']:.2f}"
            )
    for smaller, larger in pairwise(sorted(by_count)):
        before, after = by_count[smaller]["publish"], by_count[larger]["publish"]
        print(
            f"publish at {larger} / at {smaller} items: time per item "
            f"{(after['seconds'] / larger) / (before['seconds'] / smaller):.2f}, "
            f"peak RSS {after['peak_mib'] / before['peak_mib']:.2f}"
        )
    largest = max(by_count)
    peak = by_count[largest]["publish"]["peak_mib"]
    print(
        f"publish peak RSS at {largest} items: {peak:.1f} MiB "
        f"(goal <= {GOAL_PEAK_MB}: {'met' if peak <= GOAL_PEAK_MB else 'NOT met'})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, nargs="+", default=[1000, 10_000, 100_000], help="stored items")
    parser.add_argument("--measure", choices=TASKS, help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, args.db, args.out)))
        return
    print(f"items: events and calls, a tenth announced twice, as of {AS_OF}")
    with tempfile.TemporaryDirectory(prefix="bench-publish-") as folder:
        by_count = {count: measure_count(count, Path(folder)) for count in sorted(args.items)}
    report(by_count)


if __name__ == "__main__":
    main()
