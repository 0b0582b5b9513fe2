"""Left under cron: twenty `clusterfeeds run`s in a row over the snapshot with
faults drawn at random (seeded, so a failure replays): pages failing, SIGTERM
at a random moment, the database locked by another process. After every run no
stored item is lost, nothing is wrongly cancelled, the published set is whole
and the exit status says what happened."""

import random
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time

import pytest
from published import published_set_is_whole

from aggregator.commands.failures import EXIT_DATABASE, EXIT_OK, EXIT_SOURCE_FAILED
from spiders.replay.server import Fault, ReplayServer

RUNS = 20
STOPPED_BY_SIGTERM = 128 + signal.SIGTERM
SEED = 20261130
SOURCES = ["eccp", "innovasjonnorge", "parp"]
PAGE_FAULTS = (
    Fault(status=500),
    Fault(status=404),
    Fault(reset=True),
    Fault(truncate=200),
    Fault(body=b"<html><body><h1>Maintenance</h1></body></html>"),
)
# Fail fast: the soak is about outcomes, not about waiting for retries.
FAST = ("--set", "RETRY_TIMES=0", "--set", "DOWNLOAD_TIMEOUT=2")
CANCELLED = re.compile(rb"UID:([^\r\n]+)\r\n(?:(?!END:VEVENT).)*?STATUS:CANCELLED", re.S)


def command(*args) -> list[str]:
    return [sys.executable, "-m", "aggregator.cli", *map(str, args)]


def cancelled_uids(out) -> set[bytes]:
    return {uid for file in out.rglob("*.ics") for uid in CANCELLED.findall(file.read_bytes())}


def stored_ids(db) -> set[str]:
    with sqlite3.connect(db) as check:
        assert check.execute("pragma integrity_check").fetchone()[0] == "ok"
        return {row[0] for row in check.execute("select id from items")}


def outcomes_since(db, last_crawl: int) -> list[str]:
    with sqlite3.connect(db) as check:
        return [row[0] for row in check.execute("select outcome from crawls where id > ?", [last_crawl])]


def last_crawl(db) -> int:
    with sqlite3.connect(db) as check:
        return check.execute("select coalesce(max(id), 0) from crawls").fetchone()[0]


def crawling_since(db, last_crawl_id: int, seconds: float = 60) -> None:
    """Wait until a crawl newer than ``last_crawl_id`` has begun: the signal is
    for a crawl under way, not for an interpreter still importing."""
    deadline = time.monotonic() + seconds
    while last_crawl(db) == last_crawl_id:
        assert time.monotonic() < deadline, "the run never began crawling"
        time.sleep(0.05)


def hold_write_lock(db, seconds: float, held: threading.Event) -> None:
    """Another process's writer: an exclusive transaction open for ``seconds``."""
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("begin exclusive")
    held.set()
    time.sleep(seconds)
    holder.execute("rollback")
    holder.close()


@pytest.mark.slow
def test_twenty_runs_with_random_faults_lose_nothing(tmp_path, snapshot):
    rng = random.Random(SEED)
    db, out = tmp_path / "cf.db", tmp_path / "public"
    item_pages = [
        url
        for host in ("www.clustercollaboration.eu", "www.innovasjonnorge.no")
        for url in snapshot.pages(host)
        if url.count("/") > 4
    ]
    with ReplayServer(snapshot) as server:
        run = command(
            "run",
            *SOURCES,
            "--snapshot-server",
            server.address,
            "--db",
            db,
            "--out",
            out,
            "--as-of",
            snapshot.captured.isoformat(),
            "--quiet",
            *FAST,
        )
        first = subprocess.run(run, capture_output=True, text=True, timeout=300)
        assert first.returncode == EXIT_OK, first.stderr
        known, cancelled = stored_ids(db), cancelled_uids(out)
        seen = []
        for number in range(RUNS):
            scenario = rng.choice(("clean", "pages fail", "pages fail", "sigterm", "sigterm", "locked"))
            seen.append(scenario)
            server.faults.clear()
            server.delay = 0.0
            before = last_crawl(db)
            if scenario == "pages fail":
                for url in rng.sample(item_pages, 4):
                    server.inject(url, rng.choice(PAGE_FAULTS))
            if scenario == "sigterm":
                server.delay = 0.03  # slow enough that the signal lands mid-crawl
                victim = subprocess.Popen(run, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                crawling_since(db, before)
                time.sleep(rng.uniform(0.0, 3.0))
                victim.send_signal(signal.SIGTERM)
                code = victim.wait(timeout=120)
                said = victim.stderr.read().decode()
            elif scenario == "locked":
                held = threading.Event()
                holder = threading.Thread(target=hold_write_lock, args=(db, 15, held))
                holder.start()
                held.wait()
                code = subprocess.run(run, capture_output=True, timeout=300).returncode
                holder.join()
            else:
                code = subprocess.run(run, capture_output=True, timeout=300).returncode
            outcomes = outcomes_since(db, before)
            where = f"run {number} ({scenario}): exit {code}, outcomes {outcomes}"
            if scenario == "clean":
                assert code == EXIT_OK and set(outcomes) == {"ok"}, where
            elif scenario == "pages fail":
                expected = EXIT_SOURCE_FAILED if "failed" in outcomes else EXIT_OK
                assert code == expected and "interrupted" not in outcomes, where
            elif scenario == "sigterm":
                # The signal may land mid-crawl, as the crawl ends, or while the run
                # publishes: each time the run stops and says so, or it had finished.
                stopped = "clusterfeeds: stopped by SIGTERM" in said
                assert code == (STOPPED_BY_SIGTERM if stopped else EXIT_OK), f"{where}: {said}"
                assert stopped or "interrupted" not in outcomes, f"{where}: {said}"
                assert "running" not in outcomes, where
            else:
                assert code == EXIT_DATABASE, where
            now_known = stored_ids(db)
            assert known <= now_known, f"{where}: lost {known - now_known}"
            known = now_known
            assert cancelled_uids(out) == cancelled, f"{where}: wrongly cancelled"
            published_set_is_whole(out)
    # The draw covered every kind of fault.
    assert set(seen) == {"clean", "pages fail", "sigterm", "locked"}, seen
