"""Benchmark of publishing against raw feedgen and raw icalendar.

    .venv/bin/python bench/publish.py [--entries 10000]

Writes that many realistic events and calls (a tenth announced twice, by a
second source) into a temporary database, then measures, each in a fresh
process so memory peaks do not mix, in the same run:

- ``publish``: every feed of every scope (RSS, Atom, JSON Feed, iCal for all,
  each country, source and topic), index.html and feeds.html, swapped in;
- ``feedgen``: one RSS document of every entry with feedgen;
- ``icalendar``: one calendar of every entry (events and each cut-off) with icalendar.

For each: wall time, peak resident memory above the process's baseline
(ru_maxrss) and peak Python allocations (tracemalloc, in a second run as it
slows the code), then the ratios of publish to each raw serialisation.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

AS_OF = date(2026, 11, 16)
COUNTRIES = {
    "NO": "Europe/Oslo",
    "PL": "Europe/Warsaw",
    "LT": "Europe/Vilnius",
    "DE": "Europe/Berlin",
    "DK": "Europe/Copenhagen",
    "SE": "Europe/Stockholm",
    "FR": "Europe/Paris",
    "ES": "Europe/Madrid",
    "IT": "Europe/Rome",
    "RO": "Europe/Bucharest",
    "FI": "Europe/Helsinki",
    "EU": "Europe/Brussels",
}
SOURCES = [
    "eccp",
    "innovasjonnorge",
    "siva",
    "parp",
    "mita",
    "clusterplattform",
    "clusterexcellencedenmark",
    "vinnova",
    "bpifrance",
    "eufunding",
]
TOPICS = [
    "energy",
    "health",
    "digital",
    "food",
    "green",
    "mobility",
    "manufacturing",
    "maritime",
    "tourism",
    "construction",
    "space",
    "defence",
    "textiles",
    "creative",
    "matchmaking",
]
WORDS = (
    "cluster innovation matchmaking hydrogen offshore wind battery digital twin "
    "health data circular textiles aquaculture semiconductor robotics skills export "
    "partnership regional valley voucher pilot scale-up mission summit forum"
).split()


def make_rows(count: int, seed: int = 5) -> list[dict]:
    rng = random.Random(seed)
    rows = []
    for n in range(count):
        country = rng.choice(list(COUNTRIES))
        zone = ZoneInfo(COUNTRIES[country])
        kind = "event" if rng.random() < 0.6 else "call"
        day = AS_OF + timedelta(days=rng.randint(-365, 365))
        seen = datetime(2026, 1, 1, tzinfo=UTC) + timedelta(minutes=rng.randint(0, 460_000))
        title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 8))).capitalize()
        row = {
            "id": f"item-{n:06}",
            "kind": kind,
            "source": rng.choice(SOURCES),
            "country": country,
            "language": rng.choice(["en", "no", "pl", "lt", "de", "fr"]),
            "title": title,
            "url": f"https://example-{n % 40}.eu/{kind}s/{n}",
            "timezone": COUNTRIES[country],
            "summary": " ".join(rng.choice(WORDS) for _ in range(45)).capitalize() + ".",
            "location": None if rng.random() < 0.3 else f"{rng.choice(WORDS).title()} hall",
            "online": int(rng.random() < 0.3),
            "status": "upcoming" if day >= AS_OF else "past",
            "tags": json.dumps(rng.sample(WORDS, 2)),
            "topics": json.dumps(rng.sample(TOPICS, rng.randint(0, 3))),
            "first_seen": seen.isoformat(),
            "updated": seen.isoformat(),
            "last_seen": "2026-11-16T06:00:00+00:00",
            "all_day": 0,
        }
        if kind == "event":
            if rng.random() < 0.4:
                end = day + timedelta(days=rng.randint(0, 3))
                row.update(all_day=1, start=day.isoformat(), end=end.isoformat())
            else:
                start = datetime(day.year, day.month, day.day, rng.choice([9, 10, 13]), tzinfo=zone)
                row.update(start=start.isoformat(), end=(start + timedelta(hours=3)).isoformat())
        else:
            cutoffs = []
            for k in range(rng.choice([1, 1, 1, 2, 3])):
                at = datetime(day.year, day.month, day.day, 17, tzinfo=zone) + timedelta(days=60 * k)
                cutoffs.append(
                    {
                        "at": at.isoformat(),
                        "all_day": False,
                        "approximate": False,
                        "text": f"{at:%d %B %Y}, 17:00",
                    }
                )
            row.update(
                deadline=cutoffs[-1]["at"],
                deadlines=json.dumps(cutoffs),
                status="open" if day >= AS_OF else "closed",
            )
        if rows and rng.random() < 0.1:  # the same thing from a second source
            other = rng.choice(rows[-50:])
            if other["kind"] == kind:
                row.update(
                    {k: other[k] for k in ("start", "end", "all_day", "deadline", "deadlines") if k in other}
                )
                row["entry_id"] = other.get("entry_id") or other["id"]
        rows.append(row)
    return rows


def build_database(path: Path, count: int) -> None:
    from core.db import connect

    db = connect(path)
    db["items"].insert_all(make_rows(count), batch_size=1000)
    db["crawls"].insert_all(
        {"source": s, "started": "2026-11-16T05:00:00+00:00", "outcome": "ok"} for s in SOURCES
    )
    db.conn.commit()
    db.close()


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


def measure(task: str, db_path: Path, out: Path, traced: bool) -> dict:
    """One task in this process: wall time and memory peaks (run in a subprocess)."""
    for module in ("feeds.publish", "feedgen.feed", "icalendar", "aggregator.db"):
        __import__(module)  # imports are not the work being measured
    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if traced:
        tracemalloc.start()
    began = time.perf_counter()
    result = TASKS[task](db_path, out)
    seconds = time.perf_counter() - began
    result.update(
        seconds=seconds, rss_mib=(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - baseline) / 1024
    )
    if traced:
        result["traced_mib"] = tracemalloc.get_traced_memory()[1] / 2**20
    return result


def in_subprocess(task: str, db_path: Path, out: Path, traced: bool) -> dict:
    command = [sys.executable, __file__, "--measure", task, "--db", str(db_path), "--out", str(out)] + (
        ["--traced"] if traced else []
    )
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--measure", choices=TASKS, help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--traced", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, args.db, args.out, args.traced)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "bench.db"
        build_database(db_path, args.entries)
        print(f"{args.entries} items (events and calls, a tenth announced twice), as of {AS_OF}")
        results = {}
        for task in TASKS:
            out = Path(tmp) / task
            out.mkdir()
            results[task] = in_subprocess(
                task, db_path, out / "site" if task == "publish" else out, traced=False
            )
            results[task]["traced_mib"] = in_subprocess(
                task, db_path, out / "traced" if task == "publish" else out, traced=True
            )["traced_mib"]
        print(
            f"{'':<10} {'files':>6} {'MiB out':>8} {'seconds':>8} {'peak RSS MiB':>13} "
            f"{'peak traced MiB':>16}"
        )
        for task, r in results.items():
            print(
                f"{task:<10} {r['files']:>6} {r['bytes'] / 2**20:>8.1f} {r['seconds']:>8.2f} "
                f"{r['rss_mib']:>13.1f} {r['traced_mib']:>16.1f}"
            )
        ours = results["publish"]
        for raw in ("feedgen", "icalendar"):
            print(
                f"publish / {raw}: time ×{ours['seconds'] / results[raw]['seconds']:.2f}, "
                f"peak RSS ×{ours['rss_mib'] / max(results[raw]['rss_mib'], 0.1):.2f}, "
                f"peak traced ×{ours['traced_mib'] / results[raw]['traced_mib']:.2f}"
            )


if __name__ == "__main__":
    main()
