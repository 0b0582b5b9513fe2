"""Operated from cron: the lock, exit statuses, `status`, and runs killed at
any moment."""

import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import time

import feedparser
import pytest
from published import published_set_is_whole

from core import db as database
from core.lock import LockHeld, exclusive, lock_of
from spiders.replay.server import ReplayServer

SOURCES = ["eccp", "innovasjonnorge"]
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BENCH = os.path.join(ROOT, "bench")


def clusterfeeds(*args, **kwargs):
    return subprocess.run(
        [sys.executable, "-m", "aggregator.cli", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=300,
        **kwargs,
    )


def start_clusterfeeds(*args):
    return subprocess.Popen(
        [sys.executable, "-m", "aggregator.cli", *map(str, args)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


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
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            (
                "import sys, time; from pathlib import Path; from core.lock import exclusive\n"
                f"with exclusive(Path({str(lock)!r})):\n print('held', flush=True); time.sleep(60)"
            ),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
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


def test_run_exits_1_when_a_source_fails_and_still_publishes_the_others(tmp_path, broken_snapshot):
    db, out = tmp_path / "cf.db", tmp_path / "public"
    result = clusterfeeds(
        "run",
        *SOURCES,
        "--snapshot",
        broken_snapshot,
        "--db",
        db,
        "--out",
        out,
        "--as-of",
        "2026-11-16",
        "--quiet",
    )
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


@pytest.mark.slow
def test_killing_a_run_at_any_moment_loses_nothing(tmp_path, snapshot):
    db, out = tmp_path / "cf.db", tmp_path / "public"
    with ReplayServer(snapshot) as server:
        run = [
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
        ]
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
    root = ROOT
    scrapy = [sys.executable, "-m", "scrapy"]
    listed = subprocess.run([*scrapy, "list"], cwd=root, capture_output=True, text=True, timeout=120)
    assert {"eccp", "innovasjonnorge", "parp", "mita", "eufunding"} <= set(listed.stdout.split())
    db = tmp_path / "scrapy.db"
    crawled = subprocess.run(
        [
            *scrapy,
            "crawl",
            "innovasjonnorge",
            "-s",
            f"CLUSTERFEEDS_SNAPSHOT={snapshot.root}",
            "-s",
            f"CLUSTERFEEDS_DB={db}",
            "-s",
            f"HTTPCACHE_DIR={tmp_path / 'cache'}",
            "-s",
            "CLUSTERFEEDS_AS_OF=2026-11-16",
            "-s",
            "LOG_LEVEL=WARNING",
        ],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert crawled.returncode == 0, crawled.stderr[-2000:]
    rows = (
        sqlite3.connect(db)
        .execute("select outcome, items from crawls where source = 'innovasjonnorge'")
        .fetchall()
    )
    assert rows[0][0] == "ok" and rows[0][1] > 10


def test_under_cron_a_good_run_prints_nothing(tmp_path, snapshot):
    # No terminal and no --quiet: as cron runs it.
    result = clusterfeeds(
        "run",
        "innovasjonnorge",
        "--snapshot",
        snapshot.root,
        "--db",
        tmp_path / "cf.db",
        "--out",
        tmp_path / "public",
        "--as-of",
        "2026-11-16",
        "--base-url",  # as the README's cron line: without it, a warning says what it breaks
        "https://feeds.example.org/",
    )
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


# --- a crawl's outcome is what happened -------------------------------------------


def crawl_rows(db, after=0):
    check = sqlite3.connect(db)
    check.row_factory = sqlite3.Row
    try:
        return [dict(row) for row in check.execute("select * from crawls where id > ? order by id", [after])]
    finally:
        check.close()


def wait_for_running_crawls(db, after, count):
    """Until a started run has opened its crawls (its reactor is up by then)."""
    for _ in range(600):
        if db.exists() and len([r for r in crawl_rows(db, after) if r["outcome"] == "running"]) == count:
            return
        time.sleep(0.05)
    raise AssertionError("the run never started its crawls")


@pytest.mark.slow
@pytest.mark.parametrize("command, signum", [("run", signal.SIGTERM), ("crawl", signal.SIGINT)])
def test_a_signal_mid_crawl_is_an_interruption_that_cancels_nothing(tmp_path, snapshot, command, signum):
    db, out = tmp_path / "cf.db", tmp_path / "public"
    with ReplayServer(snapshot) as server:
        where = [
            "--snapshot-server",
            server.address,
            "--db",
            db,
            "--as-of",
            snapshot.captured.isoformat(),
            "--quiet",
        ]
        assert clusterfeeds("run", *SOURCES, *where, "--out", out).returncode == 0
        release, calendar = out.resolve(), (out / "events.ics").read_text()
        done = max(row["id"] for row in crawl_rows(db))
        server.delay = 0.2  # a slow site: the signal lands mid-crawl
        victim = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "aggregator.cli",
                command,
                *SOURCES,
                *map(str, where),
                *(["--out", str(out)] if command == "run" else []),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        wait_for_running_crawls(db, done, len(SOURCES))
        time.sleep(1)
        victim.send_signal(signum)
        _, stderr = victim.communicate(timeout=120)
    assert victim.returncode == 128 + signum, stderr
    assert f"stopped by {signum.name}" in stderr
    rows = crawl_rows(db, done)
    outcomes = {row["source"]: row["outcome"] for row in rows}
    assert "interrupted" in outcomes.values() and "running" not in outcomes.values(), rows
    for row in rows:
        if row["outcome"] == "interrupted":
            assert row["message"] == "crawl stopped before its end: shutdown"
            assert row["complete"] == 0 and row["source"] in stderr
    # Nothing was published after the interruption, and publishing now
    # announces no event as cancelled that was not before.
    assert out.resolve() == release
    assert (
        clusterfeeds("publish", "--db", db, "--out", out, "--as-of", snapshot.captured.isoformat()).returncode
        == 0
    )
    after = (out / "events.ics").read_text()
    assert after.count("STATUS:CANCELLED") == calendar.count("STATUS:CANCELLED")
    assert "No longer listed" not in after
    status = clusterfeeds("status", "--db", db)
    assert status.returncode == 1 and "INTERRUPTED" in status.stdout


@pytest.mark.parametrize("loses_it", ["removed", "replaced"])
def test_a_run_whose_lock_was_lost_publishes_nothing_and_decides_nothing(tmp_path, snapshot, loses_it):
    db, out = tmp_path / "cf.db", tmp_path / "public"
    with ReplayServer(snapshot) as server:
        run = [
            "run",
            "innovasjonnorge",
            "--snapshot-server",
            server.address,
            "--db",
            db,
            "--out",
            out,
            "--as-of",
            snapshot.captured.isoformat(),
            "--quiet",
        ]
        assert clusterfeeds(*run).returncode == 0
        release, done = out.resolve(), max(row["id"] for row in crawl_rows(db))
        server.delay = 0.1
        victim = subprocess.Popen(
            [sys.executable, "-m", "aggregator.cli", *map(str, run)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        wait_for_running_crawls(db, done, 1)
        lock = lock_of(db)
        lock.unlink()  # an operator "cleaning up", or a second copy of the folder
        if loses_it == "replaced":
            lock.write_text("")
        _, stderr = victim.communicate(timeout=120)
    assert victim.returncode == 75, stderr
    assert "lock was lost" in stderr and f"{lock} was {loses_it}" in stderr
    [row] = crawl_rows(db, done)
    assert (row["outcome"], row["complete"]) == ("interrupted", 0)
    assert row["message"] == f"lock lost: {lock} was {loses_it}"
    assert out.resolve() == release


def test_a_database_that_fails_mid_crawl_stops_the_crawl_and_says_why(tmp_path):
    site = tmp_path / "site"
    generated = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from pathlib import Path; "
            f"sys.path.insert(0, {str(BENCH)!r}); from sitegen import generate; "
            f"print(len(generate(Path({str(site)!r}), 300)))",
        ],
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    )
    db = tmp_path / "cf.db"

    def files_of_at_most_200_kb():  # as a full disk does, to the database's files
        resource.setrlimit(resource.RLIMIT_FSIZE, (200_000, 200_000))
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)

    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "aggregator.cli",
            "crawl",
            "eccp",
            "--snapshot",
            str(site),
            "--db",
            str(db),
            "--quiet",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        preexec_fn=files_of_at_most_200_kb,
    )
    assert result.returncode == 1, result.stderr
    [row] = crawl_rows(db)
    assert row["outcome"] == "interrupted" and row["complete"] == 0
    assert row["message"].startswith("database error while storing: ")
    assert "interrupted" in result.stderr and row["message"] in result.stderr
    # Whole batches only, and the crawl was stopped rather than walked to its end.
    stored = sqlite3.connect(db).execute("select count(*) from items").fetchone()[0]
    assert stored == row["new"] and stored % 100 == 0
    assert row["pages"] < int(generated.stdout)


def status_of(db):
    result = clusterfeeds("status", "--db", db)
    return result.returncode, {line.split()[0]: line for line in result.stdout.splitlines()}


@pytest.fixture
def crawled_db(tmp_path):
    """A database where eccp's last crawl went well and parp's was never finished."""
    db = tmp_path / "cf.db"
    rows = database.connect(db)["crawls"]
    rows.insert(
        {
            "source": "eccp",
            "started": "2026-11-16T05:00:00+00:00",
            "finished": "2026-11-16T05:03:00+00:00",
            "items": 40,
            "outcome": "ok",
            "complete": 1,
        }
    )
    rows.insert({"source": "parp", "started": "2026-11-16T05:00:00+00:00", "outcome": "running"})
    return db


def test_status_shows_a_running_crawl_that_no_run_holds_as_interrupted(crawled_db):
    code, lines = status_of(crawled_db)
    assert code == 1
    assert "INTERRUPTED" in lines["parp"] and "left running" in lines["parp"]
    assert "OK" in lines["eccp"]


def test_status_shows_a_crawl_that_a_live_run_holds_as_running(crawled_db):
    with exclusive(lock_of(crawled_db)):
        code, lines = status_of(crawled_db)
    assert code == 0
    assert "RUNNING" in lines["parp"] and "OK" in lines["eccp"]


@pytest.mark.parametrize("outcome", ["interrupted", "failed", "degraded"])
def test_status_fails_when_a_source_s_last_crawl_did_not_go_well(crawled_db, outcome):
    database.connect(crawled_db)["crawls"].insert(
        {
            "source": "eccp",
            "started": "2026-11-17T05:00:00+00:00",
            "finished": "2026-11-17T05:01:00+00:00",
            "outcome": outcome,
            "message": "why",
        }
    )
    with exclusive(lock_of(crawled_db)):
        code, lines = status_of(crawled_db)
    assert code == 1
    assert outcome.upper() in lines["eccp"] and "(why)" in lines["eccp"]


def test_status_names_the_fields_of_a_degraded_source_and_exits_3_unless_one_fails(crawled_db):
    database.connect(crawled_db)["crawls"].insert(
        {
            "source": "eccp",
            "started": "2026-11-17T05:00:00+00:00",
            "finished": "2026-11-17T05:01:00+00:00",
            "items": 40,
            "outcome": "partial",
            "complete": 1,
            "degraded": "start/deadline 95% → 0%, location 80% → 10%",
        }
    )
    with exclusive(lock_of(crawled_db)):  # parp's crawl is live: RUNNING, not failing
        code, lines = status_of(crawled_db)
    assert code == 3
    assert lines["eccp"].split()[1] == "DEGRADED"
    assert lines["eccp"].endswith(
        "(field coverage fell against the last good run: start/deadline 95% → 0%, location 80% → 10%)"
    )
    code, lines = status_of(crawled_db)  # parp's crawl was left running: failing wins
    assert code == 1 and "DEGRADED" in lines["eccp"]


@pytest.mark.slow
def test_the_demo_crawls_every_source_and_publishes(tmp_path, snapshot):
    # The README's first command, in an empty folder.
    result = clusterfeeds("demo", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "warning" not in result.stderr  # the demo is served on this machine: its base URL is right
    assert f"captured {snapshot.captured}" in result.stdout
    summary = result.stdout.split("Database ", 1)[1]
    assert {"eccp", "parp", "mita", "eufunding", "innovasjonnorge"} <= {
        line.split()[0] for line in summary.splitlines()[1:] if line.startswith("  ")
    }
    published_set_is_whole(tmp_path / "public")
