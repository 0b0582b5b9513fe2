"""Start-up time of the commands, against an empty interpreter and against
importing Scrapy's crawler, in the same run.

    .venv/bin/python bench/startup.py [--repeat 7]

Each figure is the median wall time of REPEAT fresh processes."""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core import db as database  # noqa: E402


def median_seconds(argv: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        subprocess.run(argv, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    repeat = parser.parse_args().repeat
    python = sys.executable
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.db"
        database.connect(db).close()
        command = [python, "-m", "aggregator.cli"]
        runs = {
            "empty interpreter (baseline)": [python, "-c", "pass"],
            "import scrapy.crawler (baseline)": [python, "-c", "import scrapy.crawler"],
            "clusterfeeds parse-date": [*command, "parse-date", "29 września 2023", "--lang", "pl"],
            "clusterfeeds status": [*command, "status", "--db", str(db)],
            "clusterfeeds serve --help": [*command, "serve", "--help"],
            "clusterfeeds sources": [*command, "sources"],
            "clusterfeeds publish (empty db)": [
                *command,
                "publish",
                "--db",
                str(db),
                "--out",
                f"{folder}/out",
            ],
            "clusterfeeds crawl --help": [*command, "crawl", "--help"],
        }
        seconds = {name: median_seconds(argv, repeat) for name, argv in runs.items()}
    empty = seconds["empty interpreter (baseline)"]
    print(f"{'run':40} {'s':>7} {'× empty':>8}   (median of {repeat})")
    for name, value in seconds.items():
        print(f"{name:40} {value:7.3f} {value / empty:8.1f}")


if __name__ == "__main__":
    main()
