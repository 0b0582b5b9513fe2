"""Benchmark of the whole crawl pipeline against a plain HTTP client.

    .venv/bin/python bench/crawl.py [--pages 2000] [--profile FILE]

Generates an ECCP-shaped site of ``--pages`` pages (bench/sitegen.py), serves it
with the replay server and crawls it with the real `eccp` spider through every
item pipeline into a fresh SQLite database: once with the project's polite
settings (2 requests per site, AutoThrottle), once with politeness lifted
(16 per site, no AutoThrottle). In the same run a plain aiohttp client fetches
the same URLs from the same server at concurrency 2 and 16. Each runs in a
process of its own, which measures its wall time, CPU time and peak RSS;
the server's CPU (in this process) is shown apart. A bare Scrapy crawl of the
same pages (no extraction, no item pipelines, no cache) shows the engine's own
floor, which no work of the project's can lower. ``--profile`` adds an
unmeasured lifted run under cProfile and prints where the project's code spends.
"""

from __future__ import annotations

import argparse
import json
import pstats
import resource
import subprocess
import sys
import tempfile
import textwrap
from dataclasses import dataclass
from pathlib import Path

from sitegen import generate

from core import db as database
from spiders.replay.server import ReplayServer
from spiders.replay.snapshot import Snapshot

POLITE: dict = {}
LIFTED = {"AUTOTHROTTLE_ENABLED": False, "CONCURRENT_REQUESTS_PER_DOMAIN": 16}
GOAL_RATE_SHARE = 1 / 5
GOAL_PEAK_MB = 150
PROJECT_CODE = r"/(aggregator|spiders|pipelines)/"

# The child prints one JSON line: its crawl's figures, measured from inside.
MEASURED = textwrap.dedent("""
    import json, resource, sys, time
    def measured(run):
        cpu = lambda: sum(resource.getrusage(resource.RUSAGE_SELF)[:2])
        wall, began = time.perf_counter(), cpu()
        result = run()
        print(json.dumps({"result": result, "seconds": time.perf_counter() - wall,
                          "cpu_seconds": cpu() - began,
                          "peak_rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
""")
CRAWL_CHILD = MEASURED + textwrap.dedent("""
    from datetime import date
    from pathlib import Path
    from aggregator.runner import CrawlJob, crawl
    db, as_of, address, sources, settings, profile = sys.argv[1:]
    job = CrawlJob(db=Path(db), as_of=date.fromisoformat(as_of), replay_address=address,
                   settings=json.loads(settings))
    run = lambda: crawl(job, json.loads(sources) or None)
    if profile:
        import cProfile
        profiler = cProfile.Profile()
        measured(lambda: profiler.runcall(run))
        profiler.dump_stats(profile)
    else:
        measured(run)
""")
# Scrapy alone, as the pipeline runs it (same settings, replay handler, politeness
# lifted) but with no extraction, no item pipelines and no cache: a spider that
# follows the site's links. What no work of ours can make faster.
BARE_CHILD = MEASURED + textwrap.dedent("""
    import scrapy
    from scrapy.crawler import CrawlerProcess
    from aggregator.sources import project_settings
    from spiders.eccp import EccpSpider
    address, urls_file, settings = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
    site = set(open(urls_file, encoding="utf-8").read().split())

    class Bare(scrapy.Spider):
        name = "bare"
        start_urls = EccpSpider.start_urls

        def parse(self, response):
            for href in response.css("a::attr(href)").getall():
                if (url := response.urljoin(href)) in site:
                    yield scrapy.Request(url)

    def run():
        process = CrawlerProcess(project_settings(
            CLUSTERFEEDS_REPLAY_ADDRESS=address, ITEM_PIPELINES={}, HTTPCACHE_ENABLED=False,
            EXTENSIONS={}, LOG_LEVEL="ERROR", WARN_ON_GENERATOR_RETURN_VALUE=False, **settings))
        process.crawl(Bare)
        process.start()
    measured(run)
""")
CLIENT_CHILD = MEASURED + textwrap.dedent("""
    import asyncio
    import aiohttp
    address, urls_file, concurrency = sys.argv[1], sys.argv[2], int(sys.argv[3])
    with open(urls_file, encoding="utf-8") as f:
        urls = f.read().split()
    async def fetch_all():
        pending = iter(urls)
        async def worker(session):
            for url in pending:  # one iterator shared by the workers: each URL once
                async with session.get(f"http://{address}/{url.split('://', 1)[1]}") as response:
                    response.raise_for_status()
                    await response.read()
        connector = aiohttp.TCPConnector(limit=concurrency)
        async with aiohttp.ClientSession(connector=connector) as session:
            await asyncio.gather(*(worker(session) for _ in range(concurrency)))
    measured(lambda: asyncio.run(fetch_all()))
""")


@dataclass
class Run:
    label: str
    pages: int  # pages the server answered with 200 during the run
    body_bytes: int
    seconds: float
    cpu_seconds: float
    peak_rss_kib: int
    server_cpu_seconds: float
    items: int | None = None

    @property
    def rate(self) -> float:
        return self.pages / self.seconds

    @property
    def peak_mb(self) -> float:
        return self.peak_rss_kib / 1024


def in_child(server: ReplayServer, code: str, *args: str) -> tuple[dict, list]:
    """Run ``code`` in a fresh interpreter; its figures and what the server answered meanwhile."""
    served_before, cpu_before = len(server.requests), _own_cpu()
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(f"benchmark child failed:\n{out.stderr[-3000:]}")
    figures = json.loads(out.stdout.splitlines()[-1])
    figures["server_cpu_seconds"] = _own_cpu() - cpu_before
    return figures, server.requests[served_before:]


def _own_cpu() -> float:
    return sum(resource.getrusage(resource.RUSAGE_SELF)[:2])


def crawl_in_child(
    server: ReplayServer, db: Path, as_of, sources=(), settings=None, profile: Path | None = None
) -> tuple[dict, list]:
    """Crawl ``sources`` (all by default) into ``db`` through ``server``, in a process of its own."""
    return in_child(
        server,
        CRAWL_CHILD,
        str(db),
        as_of.isoformat(),
        server.address,
        json.dumps(list(sources)),
        json.dumps(settings or {}),
        str(profile or ""),
    )


def measure_pipeline(
    server: ReplayServer, label: str, settings: dict, work: Path, profile: Path | None = None
) -> Run:
    db = Path(tempfile.mkdtemp(dir=work)) / "crawl.db"  # a first run: no database, no cache
    figures, served = crawl_in_child(server, db, server.snapshot.captured, ["eccp"], settings, profile)
    items = database.connect(db).execute("select count(*) from items").fetchone()[0]
    return _run(label, figures, served, items)


def measure_bare_scrapy(server: ReplayServer, urls_file: Path) -> Run:
    figures, served = in_child(server, BARE_CHILD, server.address, str(urls_file), json.dumps(LIFTED))
    return _run("bare Scrapy, no extraction/pipelines (16/site)", figures, served)


def measure_client(server: ReplayServer, urls_file: Path, concurrency: int) -> Run:
    figures, served = in_child(server, CLIENT_CHILD, server.address, str(urls_file), str(concurrency))
    return _run(f"aiohttp client, concurrency {concurrency}", figures, served)


def _run(label: str, figures: dict, served: list, items: int | None = None) -> Run:
    pages = [
        size for _, target, status, size in served if status == 200 and not target.endswith("/robots.txt")
    ]
    return Run(
        label,
        len(pages),
        sum(pages),
        figures["seconds"],
        figures["cpu_seconds"],
        figures["peak_rss_kib"],
        figures["server_cpu_seconds"],
        items,
    )


def report(site_pages: int, runs: list[Run]) -> None:
    print(
        f"{'run':<42}{'pages':>6}{'MB':>7}{'s':>7}{'pages/s':>9}{'CPU ms/page':>12}"
        f"{'peak RSS MB':>12}{'server CPU ms/page':>19}{'items':>7}"
    )
    for run in runs:
        print(
            f"{run.label:<42}{run.pages:>6}{run.body_bytes / 1e6:>7.1f}{run.seconds:>7.2f}"
            f"{run.rate:>9.1f}{1000 * run.cpu_seconds / run.pages:>12.2f}{run.peak_mb:>12.1f}"
            f"{1000 * run.server_cpu_seconds / run.pages:>19.2f}{run.items if run.items is not None else '':>7}"
        )
    incomplete = [run.label for run in runs if run.pages < site_pages]
    if incomplete:
        print(f"WARNING: not every page fetched by: {', '.join(incomplete)}")
    polite, lifted, bare, client_2, client_16 = runs
    for pipeline, client in ((polite, client_2), (lifted, client_16), (lifted, client_2), (bare, client_16)):
        share = pipeline.rate / client.rate
        print(
            f"rate {pipeline.label} / {client.label}: {share:.2f} "
            f"(goal >= {GOAL_RATE_SHARE:.2f}: {'met' if share >= GOAL_RATE_SHARE else 'NOT met'})"
        )
    for pipeline in (polite, lifted):
        print(
            f"peak RSS {pipeline.label}: {pipeline.peak_mb:.1f} MB = {pipeline.peak_mb / client_16.peak_mb:.1f}x "
            f"the client's (goal < {GOAL_PEAK_MB} MB: {'met' if pipeline.peak_mb < GOAL_PEAK_MB else 'NOT met'})"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2000, help="pages of the generated site")
    parser.add_argument("--profile", type=Path, help="also crawl once under cProfile, written here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-crawl-") as folder:
        work = Path(folder)
        urls = generate(work / "site", args.pages)
        urls_file = work / "urls.txt"
        urls_file.write_text("\n".join(urls), encoding="utf-8")
        size = sum(Snapshot(work / "site").path_for(url).stat().st_size for url in urls)
        print(
            f"generated site: {len(urls)} pages, {size / 1e6:.1f} MB, {size / len(urls) / 1e3:.1f} kB a page"
        )
        with ReplayServer(Snapshot(work / "site")) as server:
            runs = [
                measure_pipeline(server, "pipeline, polite (2/site, AutoThrottle)", POLITE, work),
                measure_pipeline(server, "pipeline, politeness lifted (16/site)", LIFTED, work),
                measure_bare_scrapy(server, urls_file),
                measure_client(server, urls_file, 2),
                measure_client(server, urls_file, 16),
            ]
            if args.profile:
                # Apart from the measured runs: the profiler slows Python code down unevenly.
                measure_pipeline(server, "profiled", LIFTED, work, args.profile)
        report(len(urls), runs)
        if args.profile:
            print(
                f"\nprofile of a lifted pipeline run (cumulative seconds, project code), in {args.profile}:"
            )
            pstats.Stats(str(args.profile)).sort_stats("cumulative").print_stats(PROJECT_CODE, 15)


if __name__ == "__main__":
    main()
