"""Where a crawl's CPU goes: CPU ms per page per stage, from a profile.

    .venv/bin/python bench/crawl_stages.py [--pages 2000] [--profile FILE]

Generates the ECCP-shaped site of bench/crawl.py, serves it from several
processes and crawls it with politeness lifted twice, each in a process of its
own: once under cProfile, once unprofiled. Every
function's own time in the profile goes to a stage:

- a function whose file and name match a stage's pattern (STAGES, first match)
  belongs to that stage;
- any other function (a library's helper, say) takes the stages of its
  callers, in proportion to the time it spent called from each; a function
  with no caller in the profile is "other".

So the trees built in the extractors (BeautifulSoup's, and lxml's in ``tree_of``)
count as *parse* and BeautifulSoup's fragments turned into text by the pipelines
as *clean*. The profile counts
each thread's CPU time (pages are extracted on threads of their own) and
leaves builtins to the Python function calling them. Profiling costs about a
microsecond a call (reading a thread's CPU clock is a system call), which
inflates code that makes many small calls: the child measures that cost on
calls that do nothing and it is taken off every call. What remains is split
into the stages' shares, and the table gives each share of the unprofiled
run's CPU per page, so the stages add up to what the crawl really costs.
"""

from __future__ import annotations

import argparse
import json
import pstats
import re
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from crawl import LIFTED, measure_pipeline, prepare_site
from static_server import StaticServer

# (stage, pattern searched in "file:line(function)"), first match wins.
STAGES = [
    ("imports", r"<frozen importlib\._bootstrap"),
    ("cache", r"/scrapy/(extensions|downloadermiddlewares)/httpcache\.py:|/spiders/http/"),
    (
        "parse",  # a whole page into a tree; what runs below takes this stage from its caller
        r"/parsel/selector\.py:\d+\(create_root_node\)"
        r"|/spiders/extractors/tree\.py:\d+\((tree_of|start|end|data)\)"
        r"|/scrapy/http/response/text\.py:\d+\(selector\)|/lxml/html/__init__\.py:\d+\(document_fromstring\)",
    ),
    ("extract", r"/spiders/(extractors/)?[a-z_]+\.py:"),
    ("dates", r"/pipelines/dates/|/dateparser/"),
    ("store", r"/pipelines/(store|dedupe)\.py:|/core/db\.py:|/sqlite_utils/"),
    ("clean", r"/pipelines/[a-z_]+\.py:|/core/items\.py:"),
    (
        "download",
        r"/scrapy/core/downloader/|/scrapy/downloadermiddlewares/|/twisted/web/"
        r"|/twisted/internet/(tcp|abstract)\.py:|/twisted/protocols/",
    ),
]
ORDER = ["download", "parse", "extract", "dates", "clean", "cache", "store", "imports", "other"]


def label_of(function: tuple) -> str:
    file, line, name = function
    return f"{file}:{line}({name})"


def stage_seconds(stats: pstats.Stats, per_call: float) -> dict[str, float]:
    """Each stage's seconds: the profile's own times, less ``per_call`` for each
    call (what profiling added), placed as described above."""
    table = stats.stats
    own_stage = {}
    for function in table:
        text = label_of(function)
        own_stage[function] = next((stage for stage, pattern in STAGES if re.search(pattern, text)), None)
    shares: dict = {}

    def shares_of(function) -> dict[str, float] | None:
        """The stages ``function``'s time belongs to (summing to 1); None inside a cycle."""
        if function in shares:
            return shares[function]
        if own_stage[function]:
            shares[function] = {own_stage[function]: 1.0}
            return shares[function]
        shares[function] = None  # being computed: a call cycle leads back here
        mixed: dict[str, float] = defaultdict(float)
        for caller, (_, _, _, cumulative) in table[function][4].items():
            for stage, share in (shares_of(caller) or {}).items():
                mixed[stage] += cumulative * share
        total = sum(mixed.values())
        shares[function] = {s: v / total for s, v in mixed.items()} if total else {"other": 1.0}
        return shares[function]

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10 * len(table) + 1000))
    seconds: dict[str, float] = defaultdict(float)
    for function, (_, calls, own, _, callers) in table.items():
        own = max(0.0, own - calls * per_call)
        if own_stage[function]:
            seconds[own_stage[function]] += own
            continue
        placed = 0.0
        for caller, (_, calls_from_caller, own_from_caller, _) in callers.items():
            own_from_caller = max(0.0, own_from_caller - calls_from_caller * per_call)
            for stage, share in (shares_of(caller) or {"other": 1.0}).items():
                seconds[stage] += own_from_caller * share
            placed += own_from_caller
        seconds["other"] += max(0.0, own - placed)  # called from nowhere the profile saw
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2000, help="pages of the generated site")
    parser.add_argument("--profile", type=Path, help="keep the profile in this file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-stages-") as folder:
        work = Path(folder)
        snapshot, urls_file = prepare_site(work, args.pages)
        profile = args.profile or work / "crawl.prof"
        with StaticServer(snapshot) as server:
            profiled = measure_pipeline(server, "profiled", LIFTED, work / "profiled.db", profile)
            plain = measure_pipeline(server, "unprofiled", LIFTED, work / "plain.db")
        per_call = json.loads(Path(f"{profile}.json").read_text())["seconds_per_call"]
        seconds = stage_seconds(pstats.Stats(str(profile)), per_call)
    total = sum(seconds.values())
    print(
        f"pipeline, politeness lifted, {profiled.pages} pages: {plain.cpu_ms:.2f} CPU ms/page unprofiled; "
        f"profiled {profiled.cpu_ms:.2f}, less {1e6 * per_call:.2f} us a call for profiling: "
        f"{1000 * total / profiled.pages:.2f}, split in these shares"
    )
    print(f"{'stage':<10}{'CPU ms/page':>12}{'share %':>9}")
    for stage in ORDER:
        share = seconds.get(stage, 0.0) / total
        print(f"{stage:<10}{share * plain.cpu_ms:>12.2f}{100 * share:>9.1f}")
    print(f"{'total':<10}{plain.cpu_ms:>12.2f}{100.0:>9.1f}")


if __name__ == "__main__":
    main()
