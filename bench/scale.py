"""Crawling many sites with 1, 2 and 4 Redis workers on this machine.

    .venv/bin/python bench/scale.py [--sites 300] [--pages 50] [--workers 1,2,4]

Generates ``--sites`` copies of an ECCP-shaped site of ``--pages`` pages
(bench/sitegen.py), each on its own host and each a TOML source read by the
generic extractor (CLUSTERFEEDS_SOURCES_DIR), serves them from bench/static_server.py,
starts redis-server on a free port and, for each worker count, fresh Redis and
database: starts the workers, waits until each has opened every source, then
times ``crawl --redis`` (seeding, the workers' crawl, the one writer) to its end.
Peak memory is each worker's VmHWM read from /proc/<pid>/status while it runs
(see bench/README.md); CPU is each process's own, from /proc, over the crawl only.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import redis
import sitegen
from crawl import answered_pages, count_items
from measure import cpu_seconds_of, status_kib
from static_server import StaticServer

from spiders.replay.snapshot import Snapshot

REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"
SETTINGS = ("CLUSTERFEEDS_HOST_DELAY=0",)  # per-host concurrency stays the project's (2)


def host_of(site: int) -> str:
    return f"cluster{site:03d}.example.org"


def source_name(site: int) -> str:
    return f"scale_{site:03d}"


def generate(root: Path, sources: Path, sites: int, pages: int) -> int:
    """Every site a copy of one generated site under its own host; return pages per site."""
    template = root.with_name("template")
    urls = sitegen.generate(template, pages)
    files = [path for path in (template / sitegen.HOST).rglob("*") if path.is_file()]
    shutil.copy(template / "snapshot.toml", root / "snapshot.toml")
    sources.mkdir()
    for site in range(sites):
        host = host_of(site)
        for file in files:
            target = root / host / file.relative_to(template / sitegen.HOST)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(file.read_text(encoding="utf-8").replace(sitegen.HOST, host), encoding="utf-8")
        start_urls = [f"https://{host}{sitegen.page_path(listing, 0)}" for _, _, listing in sitegen.KINDS]
        (sources / f"{source_name(site)}.toml").write_text(
            f'name = "{source_name(site)}"\ntitle = "Generated cluster site {site}"\n'
            'country = "EU"\nlanguage = "en"\ntimezone = "Europe/Brussels"\nkind = "event"\n'
            f"start_urls = {start_urls!r}\n".replace("'", '"')
            + "follow = ['/(?:event-calendar|content|news)/']\n"
            + "[url_kinds]\n'/content/' = \"call\"\n'/news/' = \"news\"\n",
            encoding="utf-8",
        )
    shutil.rmtree(template)
    return len(urls)


def machine_busy_seconds() -> float:
    """CPU seconds every core of the machine has spent not idle (/proc/stat), whoever's."""
    fields = [int(value) for value in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = fields[3] + fields[4]  # idle and iowait
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def served_log_bytes(folder: Path) -> int:
    """How much the static server's processes have logged: grows with every answer."""
    return sum(log.stat().st_size for log in folder.glob("static-server-*.log"))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_redis(folder: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    server = subprocess.Popen(
        [REDIS_SERVER, "--bind", "127.0.0.1", "--port", str(port), "--save", "", "--dir", str(folder)],
        stdout=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    for _ in range(200):
        try:
            redis.Redis.from_url(url).ping()
            return server, url
        except redis.ConnectionError:
            time.sleep(0.05)
    raise RuntimeError("redis-server did not start")


def clusterfeeds(env: dict, *args: str, **popen) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "aggregator.cli", *args], env=env, **popen)


def run(count: int, sites: int, folder: Path, server: StaticServer, redis_url: str, env: dict) -> dict:
    from aggregator.sources import select_sources

    client = redis.Redis.from_url(redis_url)
    client.flushall()
    client.config_resetstat()
    logs = [folder / f"worker-{count}-{n}.log" for n in range(count)]
    workers = [
        clusterfeeds(
            env,
            "worker",
            "--redis",
            redis_url,
            "--name",
            f"w{n}",
            "--snapshot-server",
            server.address,
            "--log-file",
            str(log),
            "--verbose",
            *(f"--set={setting}" for setting in SETTINGS),
        )
        for n, log in enumerate(logs)
    ]
    try:
        opened = len(select_sources(None))  # every source, ours and the bundled ones
        deadline = time.monotonic() + 900
        for worker, log in zip(workers, logs, strict=True):
            while not (log.exists() and log.read_text().count("Spider opened") >= opened):
                if worker.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"a worker did not start; see {log}")
                time.sleep(0.2)
        served_before = len(server.requests)
        cpu_before = [cpu_seconds_of(worker.pid) for worker in workers]
        server_before = server.cpu_seconds()
        db = folder / f"crawl-{count}.db"
        began, machine_before = time.perf_counter(), machine_busy_seconds()
        names = [source_name(site) for site in range(sites)]
        writer = clusterfeeds(env, "crawl", *names, "--redis", redis_url, "--db", str(db), "--quiet")
        writer_cpu, writer_peak = 0.0, 0
        logged, first_answer, last_answer = served_log_bytes(folder), None, None
        while writer.poll() is None:  # the writer's own figures, read until it ends
            if served_log_bytes(folder) != logged:  # the server answered since the last look
                logged, last_answer = served_log_bytes(folder), time.perf_counter() - began
                first_answer = first_answer or last_answer
            try:
                writer_cpu, writer_peak = cpu_seconds_of(writer.pid), status_kib("VmHWM", writer.pid)
            except (FileNotFoundError, ProcessLookupError, KeyError):
                pass
            time.sleep(0.1)
        seconds = time.perf_counter() - began
        machine_busy = machine_busy_seconds() - machine_before
        if writer.returncode != 0:
            raise RuntimeError(f"crawl --redis ended with {writer.returncode}")
        worker_cpu = sum(cpu_seconds_of(w.pid) for w in workers) - sum(cpu_before)
        peaks = [status_kib("VmHWM", worker.pid) / 1024 for worker in workers]
        server_cpu = server.cpu_seconds() - server_before
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.send_signal(signal.SIGINT)
        for worker in workers:
            worker.wait(60)
    answered = server.requests[served_before:]
    pages = len(answered_pages(answered))
    items = count_items(db)
    return {
        "workers": count,
        "pages": pages,
        "seconds": seconds,
        "worker_cpu": worker_cpu,
        "writer_cpu": writer_cpu,
        "server_cpu": server_cpu,
        "peaks": peaks,
        "writer_peak": writer_peak / 1024,
        "redis_peak": client.info("memory")["used_memory_peak"] / 2**20,
        "items": items,
        "machine_busy": machine_busy,
        "answers": (first_answer or 0.0, last_answer or 0.0),
    }


def report(rows: list[dict], generated: int) -> None:
    print(
        f"{'workers':>7} {'pages':>6} {'s':>7} {'pages/s':>8} {'worker CPU ms/page':>18} "
        f"{'writer CPU ms/page':>18} {'server CPU ms/page':>18} {'peak MB per worker':>24} "
        f"{'writer MB':>9} {'Redis MB':>8} {'items':>6}"
    )
    for row in rows:
        pages = max(row["pages"], 1)
        peaks = "/".join(f"{peak:.0f}" for peak in row["peaks"])
        print(
            f"{row['workers']:>7} {row['pages']:>6} {row['seconds']:>7.1f} {row['pages'] / row['seconds']:>8.1f} "
            f"{1000 * row['worker_cpu'] / pages:>18.1f} {1000 * row['writer_cpu'] / pages:>18.1f} "
            f"{1000 * row['server_cpu'] / pages:>18.1f} {peaks:>24} {row['writer_peak']:>9.0f} "
            f"{row['redis_peak']:>8.1f} {row['items']:>6}"
        )
    for row in rows:
        first, last = row["answers"]
        print(
            f"{row['workers']} worker(s): first answer {first:.1f} s, last {last:.1f} s after the crawl began; "
            f"{row['seconds'] - last:.1f} s from the last answer to the writer's end"
        )
    cores = os.cpu_count() or 1
    print(
        f"\npages generated per run: {generated}; cores: {cores}; load average now: {os.getloadavg()[0]:.1f}"
    )
    base = rows[0]["pages"] / rows[0]["seconds"]
    stopped, previous = None, base
    for row in rows:
        rate = row["pages"] / row["seconds"]
        busy = (row["worker_cpu"] + row["writer_cpu"] + row["server_cpu"]) / row["seconds"]
        machine = row["machine_busy"] / row["seconds"]
        print(
            f"{row['workers']} worker(s): {rate / base:.2f} x the pages/s of {rows[0]['workers']}; "
            f"cores busy: {busy:.2f} ours, {machine:.2f} the whole machine's, of {cores}"
        )
        if stopped is None and row is not rows[0] and rate < 1.15 * previous:  # gains under 15 %
            stopped = (row["workers"], busy, machine)
        previous = rate
    if stopped is None:
        print("scaling stops: not within the worker counts run")
    else:
        workers, busy, machine = stopped
        if busy >= 0.85 * cores:
            why = "the cores are full with our processes (workers, writer, server)"
        elif machine >= 0.85 * cores:
            why = f"the cores are full, {machine - busy:.2f} of them with other processes"
        else:
            why = "cores to spare: a wait, not the CPU (the one writer, Redis, per-host politeness)"
        print(f"scaling stops at {workers} workers: {why}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sites", type=int, default=300)
    parser.add_argument("--pages", type=int, default=50, help="pages per site")
    parser.add_argument("--workers", default="1,2,4", help="worker counts, comma-separated")
    args = parser.parse_args()
    counts = [int(count) for count in args.workers.split(",")]
    with tempfile.TemporaryDirectory(prefix="scale-") as tmp:
        folder = Path(tmp)
        root = folder / "site"
        root.mkdir()
        per_site = generate(root, folder / "sources", args.sites, args.pages)
        print(f"generated: {args.sites} sites x {per_site} pages = {args.sites * per_site} pages")
        os.environ["CLUSTERFEEDS_SOURCES_DIR"] = str(folder / "sources")  # before the sources load
        env = dict(os.environ)
        redis_server, redis_url = start_redis(folder)
        try:
            with StaticServer(Snapshot(root)) as server:
                rows = [run(count, args.sites, folder, server, redis_url, env) for count in counts]
        finally:
            redis_server.terminate()
            redis_server.wait(10)
        report(rows, args.sites * per_site)


if __name__ == "__main__":
    main()
