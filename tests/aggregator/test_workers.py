"""Crawling through Redis: workers share the queues, one writer stores. Debian's
redis-server runs on 127.0.0.1 for these tests; the workers crawl the bundled
snapshot, and what the writer stores is compared with a one-process crawl."""

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from itertools import pairwise
from pathlib import Path

import pytest
import redis
from loopback import free_port

from aggregator.commands.failures import EXIT_LOCKED
from aggregator.sources import select_sources
from spiders.replay.server import ReplayServer
from tests.loopback import crawl_over_loopback

pytestmark = pytest.mark.slow
REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"


@pytest.fixture
def redis_url(tmp_path):
    if not os.path.exists(REDIS_SERVER):
        pytest.skip("Debian's redis-server is not installed (.ci/run installs it)")
    port = free_port()
    server = subprocess.Popen(
        [REDIS_SERVER, "--bind", "127.0.0.1", "--port", str(port), "--save", "", "--dir", str(tmp_path)],
        stdout=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    client = redis.Redis.from_url(url)
    for _ in range(100):
        try:
            client.ping()
            break
        except redis.ConnectionError:
            time.sleep(0.05)
    yield url
    server.terminate()
    server.wait(10)


@pytest.fixture(scope="module")
def replay(snapshot):
    with ReplayServer(snapshot) as server:
        yield server


@pytest.fixture(scope="module")
def one_process(tmp_path_factory, replay, snapshot):
    """What a crawl in one process stores: the reference."""
    db = tmp_path_factory.mktemp("one") / "one.db"
    crawls = crawl_over_loopback(replay, db, snapshot.captured)
    return stored(db), {row["source"]: row["items"] for row in crawls}


def clusterfeeds(*args: str, **popen) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "aggregator.cli", *args], **popen)


def start_workers(
    redis_url, replay, names, tmp_path, heartbeat="30", settings=("CLUSTERFEEDS_HOST_DELAY=0",)
):
    return {
        name: clusterfeeds(
            "worker",
            "--redis",
            redis_url,
            "--name",
            name,
            "--heartbeat",
            heartbeat,
            "--snapshot-server",
            replay.address,
            "--log-file",
            str(tmp_path / f"{name}.log"),
            "--verbose",
            *(f"--set={setting}" for setting in settings),
        )
        for name in names
    }


def wait_until_open(workers, tmp_path) -> None:
    """Every worker has opened every source's spider: none is left out of a short crawl."""
    sources = len(select_sources(None))
    deadline = time.monotonic() + 120
    for name, worker in workers.items():
        log = tmp_path / f"{name}.log"
        while not (log.exists() and log.read_text().count("Spider opened") >= sources):
            assert worker.poll() is None and time.monotonic() < deadline, f"worker {name} did not start"
            time.sleep(0.1)


def stop(workers) -> None:
    for worker in workers.values():
        if worker.poll() is None:
            worker.send_signal(signal.SIGINT)
    for worker in workers.values():
        worker.wait(30)


def crawl_through(redis_url, db: Path, snapshot, *sources: str) -> subprocess.Popen:
    return clusterfeeds(
        "crawl",
        *sources,
        "--redis",
        redis_url,
        "--db",
        str(db),
        "--as-of",
        snapshot.captured.isoformat(),
        "--quiet",
    )


def stored(db: Path) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(
            "select id, source, kind, url, title, start, deadline from items order by id"
        ).fetchall()


def crawl_rows(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        return dict(conn.execute("select source, items from crawls where outcome in ('ok', 'partial')"))


def test_two_workers_store_every_item_exactly_once(redis_url, replay, snapshot, one_process, tmp_path):
    items, counts = one_process
    workers = start_workers(redis_url, replay, ["first", "second"], tmp_path)
    # Both wait at the queue, and each page takes a moment: now that a page is
    # read in about a millisecond, one worker could empty the queue alone.
    replay.delay = 0.02
    try:
        wait_until_open(workers, tmp_path)
        writer = crawl_through(redis_url, tmp_path / "workers.db", snapshot)
        assert writer.wait(300) == 0
    finally:
        replay.delay = 0.0
        stop(workers)
    assert stored(tmp_path / "workers.db") == items
    # Each item came through the queue once: the crawl rows count what the writer received.
    assert crawl_rows(tmp_path / "workers.db") == counts
    # Both took pages from the shared queues (Scrapy's stats, logged as they stop).
    for name in workers:
        assert "'scheduler/dequeued/redis'" in (tmp_path / f"{name}.log").read_text()
    client = redis.Redis.from_url(redis_url)
    assert not client.keys("clusterfeeds:leases:*")


def test_a_worker_killed_mid_crawl_loses_nothing(redis_url, replay, snapshot, one_process, tmp_path):
    items, _ = one_process
    client = redis.Redis.from_url(redis_url)
    replay.delay = 0.05  # pages slow enough to kill a worker holding some
    try:
        workers = start_workers(redis_url, replay, ["doomed", "survivor"], tmp_path, heartbeat="2")
        writer = crawl_through(redis_url, tmp_path / "workers.db", snapshot)
        deadline = time.monotonic() + 120
        while not client.hlen("clusterfeeds:leases:doomed") and time.monotonic() < deadline:
            time.sleep(0.01)
        held = client.hlen("clusterfeeds:leases:doomed")
        workers["doomed"].send_signal(signal.SIGKILL)
        assert writer.wait(300) == 0
    finally:
        replay.delay = 0.0
        stop(workers)
    assert held, "the worker to kill never held a page"
    assert stored(tmp_path / "workers.db") == items
    assert not client.exists("clusterfeeds:leases:doomed")


def visits_by_host(replay) -> dict[str, list[tuple[float, float]]]:
    hosts: dict[str, list[tuple[float, float]]] = {}
    for host, arrived, answered in replay.visits:
        hosts.setdefault(host, []).append((arrived, answered))
    return {host: sorted(times) for host, times in hosts.items()}


def crawl_politely(redis_url, replay, snapshot, tmp_path, settings, answer_seconds):
    """Two workers crawl two sources; each host's visits as the replay server saw them.
    Each worker takes as many pages from the queue as it has room for
    (CONCURRENT_REQUESTS): two at a time, so that both crawl the same hosts."""
    settings = ["CONCURRENT_REQUESTS=2", *settings]
    replay.visits.clear()
    replay.delay = answer_seconds
    workers = start_workers(redis_url, replay, ["first", "second"], tmp_path, settings=settings)
    try:
        wait_until_open(workers, tmp_path)
        writer = crawl_through(redis_url, tmp_path / "polite.db", snapshot, "interreg", "gocluster")
        assert writer.wait(300) == 0
    finally:
        replay.delay = 0.0
        stop(workers)
    visits = visits_by_host(replay)
    assert sum(map(len, visits.values())) > 20, visits  # the sources' pages, and robots.txt per worker
    return visits


def test_the_workers_together_keep_one_delay_per_host(redis_url, replay, snapshot, tmp_path):
    delay = 0.6
    visits = crawl_politely(redis_url, replay, snapshot, tmp_path, [f"CLUSTERFEEDS_HOST_DELAY={delay}"], 0)
    for host, times in visits.items():
        gaps = [later[0] - earlier[0] for earlier, later in pairwise(times)]
        # Arrival is the request's reserved moment plus its way over loopback,
        # longer for a worker's first request to a host (its connection, a
        # quarter second on a busy machine): a margin for the way, far from the
        # milliseconds between unspaced requests.
        assert min(gaps) > delay / 3, (host, gaps)
        assert times[-1][0] - times[0][0] > (len(times) - 1) * delay - delay / 2, (host, gaps)


def test_the_workers_together_keep_one_concurrency_limit_per_host(redis_url, replay, snapshot, tmp_path):
    settings = ["CLUSTERFEEDS_HOST_DELAY=0", "CONCURRENT_REQUESTS_PER_DOMAIN=1"]
    visits = crawl_politely(redis_url, replay, snapshot, tmp_path, settings, answer_seconds=0.15)
    for host, times in visits.items():
        # One at a time: each request comes after the answer before it began to go out.
        overlaps = [(a, b) for a, b in pairwise(times) if b[0] < a[1]]
        assert not overlaps, (host, overlaps)


def test_a_second_crawl_through_the_workers_downloads_no_unchanged_page_body(
    redis_url, replay, snapshot, tmp_path
):
    workers = start_workers(redis_url, replay, ["first", "second"], tmp_path)
    db = tmp_path / "workers.db"
    try:
        assert crawl_through(redis_url, db, snapshot, "interreg", "gocluster").wait(300) == 0
        served = len(replay.requests)
        assert crawl_through(redis_url, db, snapshot, "interreg", "gocluster").wait(300) == 0
        served_again = replay.requests[served:]
    finally:
        stop(workers)
    assert served_again
    assert {status for _, _, status, _ in served_again} == {304}
    assert sum(size for *_, size in served_again) == 0
    with sqlite3.connect(db) as conn:
        second = conn.execute("select new, changed, items from crawls order by id desc limit 2").fetchall()
    assert [(new, changed) for new, changed, _ in second] == [(0, 0), (0, 0)]
    assert all(items for *_, items in second)


def test_a_second_writer_is_refused_while_one_writes(redis_url, snapshot, tmp_path):
    client = redis.Redis.from_url(redis_url)
    client.set("clusterfeeds:writer", 1, ex=60)  # a crawl --redis at work
    client.zadd("clusterfeeds:interreg:requests", {b"its page": 0})
    second = clusterfeeds(
        "crawl",
        "interreg",
        "--redis",
        redis_url,
        "--db",
        str(tmp_path / "second.db"),
        stderr=subprocess.PIPE,
        text=True,
    )
    _, err = second.communicate(timeout=120)
    assert second.returncode == EXIT_LOCKED, err
    assert "another `crawl --redis` is writing" in err
    assert client.zcard("clusterfeeds:interreg:requests") == 1  # its queue untouched
