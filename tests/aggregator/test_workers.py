"""Crawling through Redis: workers share the queues, one writer stores. Debian's
redis-server runs on 127.0.0.1 for these tests; the workers crawl the bundled
snapshot, and what the writer stores is compared with a one-process crawl."""

import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
import redis

from spiders.replay.server import ReplayServer
from tests.loopback import crawl_over_loopback

pytestmark = pytest.mark.slow
REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


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


def start_workers(redis_url, replay, names, tmp_path, heartbeat="30"):
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
        )
        for name in names
    }


def stop(workers) -> None:
    for worker in workers.values():
        if worker.poll() is None:
            worker.send_signal(signal.SIGINT)
    for worker in workers.values():
        worker.wait(30)


def crawl_through(redis_url, db: Path, snapshot) -> subprocess.Popen:
    return clusterfeeds(
        "crawl", "--redis", redis_url, "--db", str(db), "--as-of", snapshot.captured.isoformat(), "--quiet"
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
    try:
        writer = crawl_through(redis_url, tmp_path / "workers.db", snapshot)
        assert writer.wait(300) == 0
    finally:
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
