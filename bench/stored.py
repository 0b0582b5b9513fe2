"""Stored items made up quickly: realistic events and calls written into a
database as the store keeps them, for the benchmarks that need a full database.

A tenth of them announce the same thing as an earlier item of another source.
Dates spread a year either side of AS_OF (the generated site's capture date).
"""

from __future__ import annotations

import json
import random
from collections import Counter
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
            "entry_id": f"item-{n:06}",  # its own entry, unless it announces an earlier one (below)
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
                row["entry_id"] = other["entry_id"]
        rows.append(row)
    return rows


def fill_database(path: Path, count: int) -> None:
    """``count`` items into the database at ``path``, with their day keys (as
    pipelines/store.py keeps them) and a finished crawl of every source."""
    from core.db import connect
    from pipelines.store import ensure_day_keys

    db = connect(path)
    rows = make_rows(count)
    with db.conn:
        db["items"].insert_all(rows, batch_size=1000)
    ensure_day_keys(db)
    per_source = Counter(row["source"] for row in rows)
    with db.conn:
        db["crawls"].insert_all(
            {
                "source": source,
                "started": "2026-11-16T05:00:00+00:00",
                "finished": "2026-11-16T05:10:00+00:00",
                "items": per_source[source],
                "outcome": "ok",
                "complete": 0,  # a run that did not walk its whole listing: it sets no floor
            }
            for source in SOURCES
        )
    db.close()
