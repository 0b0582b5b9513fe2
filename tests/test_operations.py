"""Operated from cron: the lock, exit statuses, `status`, and runs killed at
any moment."""

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time

import feedparser
import icalendar
import pytest

from aggregator.lock import LockHeld, exclusive
from aggregator.replay import ReplayServer

SOURCES = ["eccp", "innovasjonnorge"]


def clusterfeeds(*args, **kwargs):
    return subprocess.run([sys.executable, "-m", "aggregator.cli", *map(str, args)],
                          capture_output=True, text=True, timeout=300, **kwargs)


def start_clusterfeeds(*args):
    return subprocess.Popen([sys.executable, "-m", "aggregator.cli", *map(str, args)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def test_two_holders_never_overlap(tmp_path):
    lock = tmp_path / "db.lock"
    with exclusive(lock):
        with pytest.raises(LockHeld, match=f"pid {os.getpid()}"):
            with exclusive(lock):
                pass
    with exclusive(lock):  # released on exit
        pass


def test_the_lock_of_a_killed_run_is_recovered(tmp_path):
    lock = tmp_path / "db.lock"
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time; from pathlib import Path; from aggregator.lock import exclusive\n"
        f"with exclusive(Path({str(lock)!r})):\n print('held', flush=True); time.sleep(60)")],
        stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    with pytest.raises(LockHeld):
        with exclusive(lock):
            pass
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    with exclusive(lock):
        pass


def test_a_second_run_while_one_holds_the_lock_exits_75(tmp_path):
    db = tmp_path / "cf.db"
    with exclusive(tmp_path / "cf.db.lock"):
        result = clusterfeeds("run", "eccp", "--db", db, "--quiet")
    assert result.returncode == 75
    assert "holds" in result.stderr and str(db) in result.stderr


@pytest.fixture
def broken_snapshot(tmp_path, snapshot):
    """The bundled snapshot without Innovation Norway: that site is gone."""
    copy = tmp_path / "snapshot"
    shutil.copytree(snapshot.root, copy)
    shutil.rmtree(copy / "www.innovasjonnorge.no")
    return copy


def test_run_exits_1_when_a_source_fails_and_still_publishes_the_others(tmp_path,
                                                                         broken_snapshot):
    db, out = tmp_path / "cf.db", tmp_path / "public"
    result = clusterfeeds("run", *SOURCES, "--snapshot", broken_snapshot, "--db", db,
                          "--out", out, "--as-of", "2026-11-16", "--quiet")
    assert result.returncode == 1, result.stderr
    assert result.stdout == ""  # quiet: nothing but the failure, on stderr
    assert "innovasjonnorge" in result.stderr and "failed" in result.stderr
    assert "eccp" not in result.stderr
    feed = feedparser.parse((out / "events.rss").read_bytes())
    assert feed.bozo == 0 and feed.entries

    status = clusterfeeds("status", "--db", db)
    assert status.returncode == 1
    lines = {line.split()[0]: line for line in status.stdout.splitlines()}
    assert "FAILED" in lines["innovasjonnorge"] and "no items found" in lines["innovasjonnorge"]
    assert "OK" in lines["eccp"] and "items stored" in lines["eccp"]


def test_status_without_a_database_says_so(tmp_path):
    result = clusterfeeds("status", "--db", tmp_path / "none.db")
    assert result.returncode == 2 and "no database" in result.stderr


def test_unknown_source_is_a_usage_error(tmp_path):
    result = clusterfeeds("crawl", "nosuchsource", "--db", tmp_path / "x.db")
    assert result.returncode == 2
    assert "unknown source(s): nosuchsource" in result.stderr and "eccp" in result.stderr


def published_set_is_whole(out):
    for name in ("events.rss", "calls.rss"):
        assert feedparser.parse((out / name).read_bytes()).bozo == 0, name
    for name in ("events.ics", "calls.ics"):
        icalendar.Calendar.from_ical((out / name).read_bytes())
    assert (out / "index.html").read_text().rstrip().endswith("</html>")


def test_killing_a_run_at_any_moment_loses_nothing(tmp_path, snapshot):
    db, out = tmp_path / "cf.db", tmp_path / "public"
    with ReplayServer(snapshot) as server:
        run = ["run", *SOURCES, "--snapshot-server", server.address, "--db", db,
               "--out", out, "--as-of", snapshot.captured.isoformat(), "--quiet"]
        assert clusterfeeds(*run).returncode == 0
        stored = sqlite3.connect(db).execute("select count(*) from items").fetchone()[0]
        server.delay = 0.05  # a slow site, so that kills land mid-crawl
        for kill_after in (0.3, 1.0, 2.0, 3.0, 4.5, 6.0):
            victim = start_clusterfeeds(*run)
            time.sleep(kill_after)
            victim.send_signal(signal.SIGKILL)
            victim.wait()
            check = sqlite3.connect(db)
            assert check.execute("pragma integrity_check").fetchone()[0] == "ok"
            assert check.execute("select count(*) from items").fetchone()[0] == stored
            check.close()
            published_set_is_whole(out)
        server.delay = 0
        finished = clusterfeeds(*run)
    assert finished.returncode == 0, finished.stderr
    published_set_is_whole(out)


def test_scrapy_s_own_commands_work_from_the_checkout(tmp_path, snapshot):
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    scrapy = [sys.executable, "-m", "scrapy"]
    listed = subprocess.run([*scrapy, "list"], cwd=root, capture_output=True, text=True,
                            timeout=120)
    assert {"eccp", "innovasjonnorge", "parp", "mita", "eufunding"} <= set(listed.stdout.split())
    db = tmp_path / "scrapy.db"
    crawled = subprocess.run(
        [*scrapy, "crawl", "innovasjonnorge", "-s", f"CLUSTERFEEDS_SNAPSHOT={snapshot.root}",
         "-s", f"CLUSTERFEEDS_DB={db}", "-s", f"HTTPCACHE_DIR={tmp_path / 'cache'}",
         "-s", "CLUSTERFEEDS_AS_OF=2026-11-16", "-s", "LOG_LEVEL=WARNING"],
        cwd=root, capture_output=True, text=True, timeout=300)
    assert crawled.returncode == 0, crawled.stderr[-2000:]
    rows = sqlite3.connect(db).execute(
        "select outcome, items from crawls where source = 'innovasjonnorge'").fetchall()
    assert rows[0][0] == "ok" and rows[0][1] > 10


def test_under_cron_a_good_run_prints_nothing(tmp_path, snapshot):
    # No terminal and no --quiet: as cron runs it.
    result = clusterfeeds("run", "innovasjonnorge", "--snapshot", snapshot.root, "--db",
                          tmp_path / "cf.db", "--out", tmp_path / "public", "--as-of", "2026-11-16")
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
