"""Benchmark of the whole crawl pipeline against Scrapy's own floors and a plain client.

    .venv/bin/python bench/crawl.py [--pages 2000] [--workers 2]

Generates an ECCP-shaped site of ``--pages`` pages (bench/sitegen.py), serves it
from several processes (bench/static_server.py: the server is not the limit)
and, each in a process of its own that measures itself (wall time, CPU time,
peak RSS as VmHWM, bench/measure.py), in the same run:

- the pipeline: the real `eccp` spider through every item pipeline into a fresh
  SQLite database and HTTP cache, polite (the project's settings) and with
  politeness lifted (16 requests per site, no AutoThrottle);
- bare Scrapy: a spider that parses each page and follows the site's links,
  with no extraction, item pipelines or cache (politeness lifted);
- Scrapy's engine: the site's URL list as start URLs, a callback that does
  nothing (politeness lifted): the floor no work of ours can lower;
- a plain aiohttp client fetching the URL list at concurrency 2 and 16, from
  this server and, to show why it is not used, from the threaded replay server.

The last line is the pipeline's pages/s over the bare spider's, both lifted.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import textwrap
from dataclasses import dataclass
from pathlib import Path

from measure import cpu_seconds
from sitegen import generate
from static_server import StaticServer

from core import db as database
from spiders.replay.server import ReplayServer
from spiders.replay.snapshot import Snapshot

BENCH = Path(__file__).resolve().parent
POLITE: dict = {}
LIFTED = {"AUTOTHROTTLE_ENABLED": False, "CONCURRENT_REQUESTS_PER_DOMAIN": 16}
GOAL_BARE_SHARE = 0.8
GOAL_PEAK_MB = 150

# Appended, not prepended: a name in bench/ must not hide a package Scrapy imports.
MEASURED = f"import sys; sys.path.append({str(BENCH)!r})\nfrom measure import measured\n"
CRAWL_CHILD = MEASURED + textwrap.dedent("""
    import json
    from datetime import date
    from pathlib import Path
    from aggregator.runner import CrawlJob, crawl
    db, as_of, address, sources, settings, profile = sys.argv[1:]
    job = CrawlJob(db=Path(db), as_of=date.fromisoformat(as_of), replay_address=address,
                   settings=json.loads(settings))
    run = lambda: crawl(job, json.loads(sources) or None)
    if not profile:
        measured(run)
    else:  # each thread's CPU time: pages are extracted on threads of their own (spiders/threads.py)
        import cProfile, pstats, threading, time
        profilers = [cProfile.Profile(time.thread_time, builtins=False)]
        run_thread = threading.Thread.run
        def profiled_run(thread):
            profilers.append(profiler := cProfile.Profile(time.thread_time, builtins=False))
            profiler.runcall(run_thread, thread)
        threading.Thread.run = profiled_run
        measured(lambda: profilers[0].runcall(run))
        stats = pstats.Stats(profilers[0])
        for profiler in profilers[1:]:
            stats.add(profiler)
        stats.dump_stats(profile)
        # What profiling adds to each call (reading a thread's CPU clock is a system call),
        # measured on calls that do nothing: crawl_stages.py takes it off every call.
        def nothing():
            pass
        def calls(count):
            for _ in range(count):
                nothing()
        began = time.thread_time()
        cProfile.Profile(time.thread_time, builtins=False).runcall(calls, 200_000)
        profiled = time.thread_time() - began
        began = time.thread_time()
        calls(200_000)
        Path(profile + ".json").write_text(json.dumps(
            {"seconds_per_call": (profiled - (time.thread_time() - began)) / 200_000}))
""")
# Scrapy as the pipeline runs it (project settings, replay handler) with no
# extraction, item pipelines, cache or extensions. ``follow``: parse every page
# and follow the site's links (the bare spider); else start from the URL list
# and do nothing with the pages (the engine alone).
SCRAPY_CHILD = MEASURED + textwrap.dedent("""
    import json
    import scrapy
    from scrapy.crawler import CrawlerProcess
    from aggregator.sources import project_settings
    from spiders.eccp import EccpSpider
    address, urls_file, settings, follow = sys.argv[1], sys.argv[2], json.loads(sys.argv[3]), sys.argv[4]
    site = open(urls_file, encoding="utf-8").read().split()

    class Bare(scrapy.Spider):
        name = "bare"
        start_urls = EccpSpider.start_urls
        known = set(site) - set(start_urls)  # start requests skip the duplicate filter

        def parse(self, response):
            # The next listing page last, as the project's spiders yield it: Scrapy's
            # scheduler takes the last request first, so paging does not wait behind the pages.
            following = response.css("a[rel=next]::attr(href)").getall()
            hrefs = [h for h in response.css("a::attr(href)").getall() if h not in following]
            for href in hrefs + following:
                if (url := response.urljoin(href)) in self.known:
                    yield scrapy.Request(url)

    class Engine(scrapy.Spider):
        name = "engine"
        start_urls = site

        def parse(self, response):
            return None

    def run():
        process = CrawlerProcess(project_settings(
            CLUSTERFEEDS_REPLAY_ADDRESS=address, ITEM_PIPELINES={}, HTTPCACHE_ENABLED=False,
            EXTENSIONS={}, LOG_LEVEL="ERROR", WARN_ON_GENERATOR_RETURN_VALUE=False, **settings))
        process.crawl(Bare if follow == "follow" else Engine)
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
    peak_mb: float
    server_cpu_seconds: float
    items: int | None = None

    @property
    def rate(self) -> float:
        return self.pages / self.seconds

    @property
    def cpu_ms(self) -> float:
        return 1000 * self.cpu_seconds / self.pages


def server_cpu(server: StaticServer | ReplayServer) -> float:
    """CPU seconds the server has spent: its workers', or this process's for the threaded replay server."""
    return server.cpu_seconds() if isinstance(server, StaticServer) else cpu_seconds()


def in_child(server, code: str, *args: str) -> tuple[dict, list]:
    """Run ``code`` in a fresh interpreter; its figures and what the server answered meanwhile."""
    served_before, cpu_before = len(server.requests), server_cpu(server)
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(f"benchmark child failed:\n{out.stderr[-3000:]}")
    figures = json.loads(out.stdout.splitlines()[-1])
    figures["server_cpu_seconds"] = server_cpu(server) - cpu_before
    return figures, server.requests[served_before:]


def crawl_in_child(
    server, db: Path, as_of, sources=(), settings=None, profile: Path | None = None
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


def measure_pipeline(server, label: str, settings: dict, db: Path, profile: Path | None = None) -> Run:
    """Crawl the `eccp` source into ``db`` (which may hold items already)."""
    before = count_items(db)
    figures, served = crawl_in_child(server, db, server.snapshot.captured, ["eccp"], settings, profile)
    return run_of(label, figures, served, count_items(db) - before)


def count_items(db: Path) -> int:
    if not db.exists():
        return 0
    connection = database.connect(db)
    try:
        return connection.execute("select count(*) from items").fetchone()[0]
    finally:
        connection.close()


def measure_scrapy(server, urls_file: Path, follow: bool) -> Run:
    label = "bare Scrapy: parse, follow links" if follow else "Scrapy engine: URL list, no parsing"
    figures, served = in_child(
        server, SCRAPY_CHILD, server.address, str(urls_file), json.dumps(LIFTED), "follow" if follow else ""
    )
    return run_of(f"{label} (16/site)", figures, served)


def measure_client(server, urls_file: Path, concurrency: int, label: str = "") -> Run:
    figures, served = in_child(server, CLIENT_CHILD, server.address, str(urls_file), str(concurrency))
    return run_of(f"aiohttp client, concurrency {concurrency}{label}", figures, served)


def answered_pages(served: list) -> list[int]:
    """The body sizes of the pages the server answered with 200, robots.txt left out."""
    return [
        size for _, target, status, size in served if status == 200 and not target.endswith("/robots.txt")
    ]


def run_of(label: str, figures: dict, served: list, items: int | None = None) -> Run:
    pages = answered_pages(served)
    return Run(
        label,
        len(pages),
        sum(pages),
        figures["seconds"],
        figures["cpu_seconds"],
        figures["peak_rss_mib"],
        figures["server_cpu_seconds"],
        items,
    )


def prepare_site(work: Path, pages: int) -> tuple[Snapshot, Path]:
    """Generate the site into ``work``; its snapshot and a file listing its URLs."""
    urls = generate(work / "site", pages)
    urls_file = work / "urls.txt"
    urls_file.write_text("\n".join(urls), encoding="utf-8")
    snapshot = Snapshot(work / "site")
    size = sum(snapshot.path_for(url).stat().st_size for url in urls)
    print(f"generated site: {len(urls)} pages, {size / 1e6:.1f} MB, {size / len(urls) / 1e3:.1f} kB a page")
    return snapshot, urls_file


def print_runs(site_pages: int, runs: list[Run]) -> None:
    print(
        f"{'run':<56}{'pages':>6}{'MB':>6}{'s':>8}{'pages/s':>9}{'CPU ms/page':>12}"
        f"{'peak RSS MB':>12}{'server CPU ms/page':>19}{'items':>7}"
    )
    for run in runs:
        print(
            f"{run.label:<56}{run.pages:>6}{run.body_bytes / 1e6:>6.1f}{run.seconds:>8.3f}"
            f"{run.rate:>9.1f}{run.cpu_ms:>12.2f}{run.peak_mb:>12.1f}"
            f"{1000 * run.server_cpu_seconds / run.pages:>19.2f}{run.items if run.items is not None else '':>7}"
        )
    incomplete = [run.label for run in runs if run.pages < site_pages]
    if incomplete:
        print(f"WARNING: not every page fetched by: {', '.join(incomplete)}")


def report(site_pages: int, runs: dict[str, Run], workers: int) -> None:
    print_runs(site_pages, list(runs.values()))
    polite, lifted, bare, engine = runs["polite"], runs["lifted"], runs["bare"], runs["engine"]
    client_2, client_16 = runs["client 2"], runs["client 16"]
    replay_2, replay_16 = runs["replay 2"], runs["replay 16"]
    print(
        f"client 16 / client 2 pages/s: {client_16.rate / client_2.rate:.2f} from this server "
        f"({workers} processes), {replay_16.rate / replay_2.rate:.2f} from the threaded replay server "
        f"(below 1: the server is the limit)"
    )
    print(
        f"client 16 from this server / from the threaded replay server: {client_16.rate / replay_16.rate:.2f}"
    )
    print(f"polite / lifted pipeline: pages/s {polite.rate / lifted.rate:.2f}")
    for name, floor in (("Scrapy engine", engine), ("bare Scrapy", bare)):
        print(
            f"pipeline / {name}, lifted: pages/s {lifted.rate / floor.rate:.2f}, "
            f"CPU per page {lifted.cpu_ms / floor.cpu_ms:.2f}"
        )
    print(
        f"bare Scrapy / Scrapy engine: pages/s {bare.rate / engine.rate:.2f}, "
        f"CPU per page {bare.cpu_ms / engine.cpu_ms:.2f}"
    )
    for run in (polite, lifted):
        print(
            f"peak RSS {run.label}: {run.peak_mb:.1f} MB = {run.peak_mb / client_16.peak_mb:.1f}x the client's "
            f"(goal <= {GOAL_PEAK_MB} MB: {'met' if run.peak_mb <= GOAL_PEAK_MB else 'NOT met'})"
        )
    share = lifted.rate / bare.rate
    print(
        f"goal pipeline / bare Scrapy >= {GOAL_BARE_SHARE}: {'met' if share >= GOAL_BARE_SHARE else 'NOT met'}"
    )
    print(f"pipeline / bare Scrapy: {share:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2000, help="pages of the generated site")
    parser.add_argument("--workers", type=int, default=2, help="processes of the static server")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-crawl-") as folder:
        work = Path(folder)
        snapshot, urls_file = prepare_site(work, args.pages)
        site_pages = len(urls_file.read_text(encoding="utf-8").split())
        with StaticServer(snapshot, args.workers) as server:
            runs = {
                "polite": measure_pipeline(
                    server, "pipeline, polite (2/site, AutoThrottle)", POLITE, work / "polite.db"
                ),
                "lifted": measure_pipeline(
                    server, "pipeline, politeness lifted (16/site)", LIFTED, work / "lifted.db"
                ),
                "bare": measure_scrapy(server, urls_file, follow=True),
                "engine": measure_scrapy(server, urls_file, follow=False),
                "client 2": measure_client(server, urls_file, 2),
                "client 16": measure_client(server, urls_file, 16),
            }
        with ReplayServer(snapshot) as replay:
            runs["replay 2"] = measure_client(replay, urls_file, 2, ", threaded replay server")
            runs["replay 16"] = measure_client(replay, urls_file, 16, ", threaded replay server")
        report(site_pages, runs, args.workers)


if __name__ == "__main__":
    main()
