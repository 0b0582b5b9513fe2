"""Benchmark of crawling into a database that already holds many items.

    .venv/bin/python bench/crawl_growth.py [--pages 2000] [--stored 0 1000 10000 50000]

Generates the ECCP-shaped site of bench/crawl.py and serves it from several
processes; for each count, fills a fresh database with that many stored events
and calls (bench/stored.py, with their day keys, as the store keeps them) and
crawls the site into it with politeness lifted, in a process of its own that
measures itself. Prints per count the pages, items added, seconds, pages/s,
CPU ms per page and peak RSS (VmHWM), then each count's time and CPU per page
over the empty database's. A crawl whose work does not grow with the database
stays near 1.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from crawl import LIFTED, measure_pipeline, prepare_site, print_runs
from static_server import StaticServer
from stored import fill_database

GOAL_SHARE = 1.2


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2000, help="pages of the generated site")
    parser.add_argument(
        "--stored", type=int, nargs="+", default=[0, 1000, 10_000, 50_000], help="items stored before"
    )
    args = parser.parse_args()
    counts = sorted(set(args.stored) | {0})
    with tempfile.TemporaryDirectory(prefix="bench-growth-") as folder:
        work = Path(folder)
        snapshot, urls_file = prepare_site(work, args.pages)
        site_pages = len(urls_file.read_text(encoding="utf-8").split())
        runs = {}
        with StaticServer(snapshot) as server:
            for count in counts:
                db = work / f"stored-{count}.db"
                if count:
                    fill_database(db, count)
                runs[count] = measure_pipeline(
                    server, f"pipeline (16/site) into {count} stored items", LIFTED, db
                )
    print_runs(site_pages, list(runs.values()))
    empty = runs[0]
    for count, run in runs.items():
        if count:
            share = run.seconds / empty.seconds
            print(
                f"into {count} stored / into empty: time {share:.2f}, CPU per page {run.cpu_ms / empty.cpu_ms:.2f} "
                f"(goal <= {GOAL_SHARE}: {'met' if share <= GOAL_SHARE else 'NOT met'})"
            )


if __name__ == "__main__":
    main()
