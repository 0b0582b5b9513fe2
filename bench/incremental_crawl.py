"""Benchmark of an incremental crawl: what a second run over unchanged sites costs.

    .venv/bin/python bench/incremental_crawl.py [--sources eccp parp] [--snapshot DIR]

Crawls the bundled snapshot (every source by default, as of its capture date)
twice into a fresh database through a replay server, each run in a process of
its own, and prints per source and in total what the server answered: requests,
200s, 304s and body bytes of the first and the second run, with the ratios of
the second to the first, and the items each run found new or changed.
"""

from __future__ import annotations

import argparse
import tempfile
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

from crawl import crawl_in_child

from aggregator.bundled import bundled
from aggregator.sources import select_sources
from spiders.replay.server import ReplayServer
from spiders.replay.snapshot import Snapshot

OTHER = "(other hosts)"


def source_of_host(sources: list) -> dict[str, str]:
    """The source each host's requests belong to (a source may crawl several hosts)."""
    hosts = {}
    for spider in sources:
        for host in [
            *getattr(spider, "allowed_domains", []),
            *(urlsplit(u).hostname for u in spider.start_urls),
        ]:
            hosts.setdefault(host, spider.name)
    return hosts


def tally(served: list, hosts: dict[str, str]) -> dict[str, Counter]:
    """Requests, 200s, 304s and body bytes per source, from the server's log."""
    by_source: dict[str, Counter] = {}
    for _, target, status, size in served:
        source = hosts.get(target.lstrip("/").partition("/")[0], OTHER)
        counts = by_source.setdefault(source, Counter())
        counts.update(requests=1, bytes=size, **{str(status): 1})
    return by_source


def ratio(second: int, first: int) -> str:
    return f"{second / first:.3f}" if first else "-"


def report(runs: list[tuple[dict[str, Counter], list[dict]]]) -> None:
    """``runs``: for each run, its tally per source and its `crawls` rows."""
    print(
        f"{'source':<26}{'run':>4}{'requests':>9}{'200':>6}{'304':>6}{'other':>6}{'body kB':>10}"
        f"{'new':>6}{'changed':>8}"
    )
    totals = [Counter() for _ in runs]
    for source in sorted(set().union(*(tallies for tallies, _ in runs))):
        for number, (tallies, rows) in enumerate(runs, 1):
            counts = tallies.get(source, Counter())
            totals[number - 1].update(counts)
            crawl = next((row for row in rows if row["source"] == source), {})
            print(line(source if number == 1 else "", number, counts, crawl))
    for number, counts in enumerate(totals, 1):
        print(line("TOTAL" if number == 1 else "", number, counts, {}))
    first, second = totals
    print(
        f"second run / first run: requests {ratio(second['requests'], first['requests'])}, "
        f"body bytes {ratio(second['bytes'], first['bytes'])} ({second['bytes']} of {first['bytes']} bytes)"
    )


def line(label: str, number: int, counts: Counter, crawl: dict) -> str:
    others = counts["requests"] - counts["200"] - counts["304"]
    return (
        f"{label:<26}{number:>4}{counts['requests']:>9}{counts['200']:>6}{counts['304']:>6}{others:>6}"
        f"{counts['bytes'] / 1e3:>10.1f}{crawl.get('new', ''):>6}{crawl.get('changed', ''):>8}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", nargs="*", default=[], help="source names (all by default)")
    parser.add_argument("--snapshot", type=Path, help="a snapshot folder (the bundled one by default)")
    args = parser.parse_args()
    snapshot = Snapshot(args.snapshot) if args.snapshot else bundled()
    hosts = source_of_host(select_sources(args.sources or None))
    with tempfile.TemporaryDirectory(prefix="bench-incremental-") as folder, ReplayServer(snapshot) as server:
        db = Path(folder) / "incremental.db"
        first, served_first = crawl_in_child(server, db, snapshot.captured, args.sources)
        second, served_second = crawl_in_child(server, db, snapshot.captured, args.sources)
    print(
        f"snapshot {snapshot.root} as of {snapshot.captured}; "
        f"runs took {first['seconds']:.1f} s and {second['seconds']:.1f} s"
    )
    report([(tally(served_first, hosts), first["result"]), (tally(served_second, hosts), second["result"])])


if __name__ == "__main__":
    main()
