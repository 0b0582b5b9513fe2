"""Every documented failure ends in its exit status and one line naming what
and where, with no traceback: a database that cannot be used, a full disk,
an --out or --log-file that cannot be written, a failed publish, the lock.

Read-only and full file systems are real: the command runs in a mount namespace
of its own (``unshare``) where a folder is remounted read-only or a tiny tmpfs
is mounted, so the checks hold for root too.
"""

import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from aggregator.cli import build_parser, main
from aggregator.commands import failures
from aggregator.commands.common import crawl_job, report_crawls
from core import db as database
from core.lock import exclusive, lock_of
from spiders.replay.server import ReplayServer

AS_OF = "2026-11-16"
README = Path(__file__).resolve().parents[2] / "README.md"


def clusterfeeds(*args, cwd=None, prepare=""):
    """Run the command, after the shell lines ``prepare`` in a mount namespace."""
    command = [sys.executable, "-m", "aggregator.cli", *map(str, args)]
    if prepare:
        command = [
            "unshare",
            "--mount",
            "--map-root-user",
            "sh",
            "-ec",
            f'{prepare}\nexec "$@"',
            "sh",
            *command,
        ]
    return subprocess.run(command, capture_output=True, text=True, timeout=300, cwd=cwd)


def mount_namespaces_work():
    try:
        return (
            subprocess.run(
                ["unshare", "--mount", "--map-root-user", "true"], capture_output=True, timeout=30
            ).returncode
            == 0
        )
    except OSError:
        return False


needs_namespaces = pytest.mark.skipif(
    not mount_namespaces_work(), reason="cannot make a mount namespace (unshare)"
)


def read_only(path):
    return f"mount --bind '{path}' '{path}'\nmount -o remount,ro,bind '{path}' '{path}'"


def full_disk(folder):
    """A 1 MiB tmpfs over ``folder`` (its files copied in), then filled."""
    return (
        f"cp -a '{folder}' '{folder}.copy'\nmount -t tmpfs -o size=1m tmpfs '{folder}'\n"
        f"cp -a '{folder}.copy/.' '{folder}/'\n"
        f"dd if=/dev/zero of='{folder}/filler' bs=4k 2>/dev/null || true"
    )


def fails_with(result, status, *words):
    assert result.returncode == status, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for word in words:
        assert word in lines[0], lines[0]


@pytest.fixture
def db(tmp_path):
    """A clusterfeeds database with one stored event, in a folder of its own."""
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "cf.db"
    stored = database.connect(path)
    stored["items"].insert(
        {
            "id": "e1",
            "source": "eccp",
            "kind": "event",
            "title": "Cluster days",
            "url": "https://example.org/e1",
            "start": "2026-12-01",
            "all_day": 1,
            **dict.fromkeys(("first_seen", "last_seen", "updated"), "2026-11-01T06:00:00+00:00"),
        }
    )
    stored.close()
    return path


def publish(db, out, *more, **kwargs):
    return clusterfeeds("publish", "--db", db, "--out", out, "--as-of", AS_OF, *more, **kwargs)


def test_a_good_publish_exits_0(db, tmp_path):
    result = publish(db, tmp_path / "public")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "public" / "events.rss").is_file()


# The database


def test_a_file_that_is_not_a_database_is_refused(tmp_path):
    path = tmp_path / "cf.db"
    path.write_bytes(b"these are not the pages you are looking for\n" * 200)
    for command in ("publish", "crawl"):
        args = ["--out", tmp_path / "public"] if command == "publish" else ["eccp"]
        result = clusterfeeds(command, "--db", path, *args)
        fails_with(result, 65, f"database {path}", "corrupt", "not a database")
    assert path.read_bytes().startswith(b"these are not")  # left as it was


def test_a_damaged_database_is_refused_before_any_work(tmp_path):
    path = tmp_path / "cf.db"
    db = database.connect(path)
    db["items"].insert_all(
        {"id": str(n), "source": "eccp", "kind": "event", "title": "t", "url": "u", "summary": "x" * 400}
        for n in range(3000)
    )
    db.close()
    data = bytearray(path.read_bytes())
    assert not (tmp_path / "cf.db-wal").exists() and len(data) > 400_000
    data[200_000:240_000] = b"\xa5" * 40_000  # pages in the middle of items
    path.write_bytes(bytes(data))
    result = publish(path, tmp_path / "public")
    fails_with(result, 65, f"database {path}", "corrupt", "malformed")
    assert not (tmp_path / "public").exists()


@needs_namespaces
def test_a_database_in_a_read_only_folder_is_refused(db, tmp_path):
    result = publish(db, tmp_path / "public", prepare=read_only(db.parent))
    fails_with(result, 65, f"database {db}", f"folder {db.parent} is not writable", "Read-only file system")


@needs_namespaces
def test_a_read_only_database_file_is_refused(db, tmp_path):
    lock_of(db).touch()
    result = clusterfeeds("crawl", "eccp", "--db", db, prepare=read_only(db))
    fails_with(result, 65, f"database {db}", "read-only")


@pytest.mark.slow
def test_a_database_another_process_keeps_locked_is_refused_after_the_wait(db, tmp_path):
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            (
                "import sqlite3, sys, time\n"
                f"db = sqlite3.connect({str(db)!r}, isolation_level=None)\n"
                "db.execute('BEGIN IMMEDIATE'); print('held', flush=True); time.sleep(120)"
            ),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        result = publish(db, tmp_path / "public")
    finally:
        holder.kill()
        holder.wait()
    fails_with(result, 65, f"database {db}", "locked by another process")


def old_database(path):
    """A database as an older clusterfeeds left it: fewer columns, no problems table."""
    conn = sqlite3.connect(path)
    conn.executescript("""
        create table items (id text primary key, source text not null, kind text not null,
                            title text not null, url text not null, start text, all_day integer,
                            first_seen text, last_seen text, updated text);
        create table crawls (id integer primary key, source text, started text, finished text,
                             outcome text);
        insert into items values ('e1', 'eccp', 'event', 'Cluster days',
                                  'https://example.org/e1', '2026-12-01', 1,
                                  '2026-11-01', '2026-11-01', '2026-11-01');
    """)
    conn.close()


def columns(path, table):
    conn = sqlite3.connect(path)
    try:
        return {row[1] for row in conn.execute(f"pragma table_info({table})")}
    finally:
        conn.close()


def test_an_older_database_is_migrated(tmp_path):
    path = tmp_path / "cf.db"
    old_database(path)
    result = publish(path, tmp_path / "public")
    assert result.returncode == 0, result.stderr
    assert set(database.ITEM_COLUMNS) <= columns(path, "items")
    assert {"pages", "items", "errors", "message", "coverage", "degraded"} <= columns(path, "crawls")
    assert {"crawl_id", "field"} <= columns(path, "problems")
    conn = sqlite3.connect(path)
    assert conn.execute("pragma user_version").fetchone()[0] == database.SCHEMA_VERSION
    assert conn.execute("select title from items").fetchall() == [("Cluster days",)]
    assert b"Cluster days" in (tmp_path / "public" / "events.rss").read_bytes()


@pytest.mark.parametrize(
    "setup, reason",
    [
        ("pragma user_version = 99", "its schema version 99 is newer than this clusterfeeds knows"),
        (
            "create table invoices (id integer primary key, total real)",
            "not a clusterfeeds database (it holds invoices)",
        ),
        (
            "create table things (id text); create view items as select id from things",
            "cannot migrate: items is a view, not a table",
        ),
        (
            "create table items (source text, title text)",
            "cannot migrate: its items table is not keyed by id",
        ),
        (
            "create table items (id text primary key); create view crawls as select 1 as id",
            "cannot migrate: crawls is a view, not a table",
        ),
    ],
)
def test_a_database_that_cannot_be_migrated_is_refused_with_the_reason(tmp_path, setup, reason):
    path = tmp_path / "cf.db"
    conn = sqlite3.connect(path)
    conn.executescript(setup)
    conn.close()
    before = path.read_bytes()
    result = publish(path, tmp_path / "public")
    fails_with(result, 65, f"database {path}: {reason}")
    assert path.read_bytes() == before  # nothing was added to it


def test_a_database_in_a_missing_folder_is_named(tmp_path):
    path = tmp_path / "nowhere" / "cf.db"
    result = publish(path, tmp_path / "public")
    fails_with(result, 65, f"database {path}", f"folder {path.parent} does not exist")


# Disk full


@needs_namespaces
def test_a_full_disk_under_the_database_exits_74(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "cf.db"
    lock_of(path).write_text("1")  # a previous run's lock: the database itself needs space
    result = publish(path, tmp_path / "public", prepare=full_disk(folder))
    fails_with(result, 74, "disk full", f"database {path}")


@needs_namespaces
def test_a_full_disk_under_the_lock_exits_74(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "cf.db"
    result = clusterfeeds("crawl", "eccp", "--db", path, prepare=full_disk(folder))
    fails_with(result, 74, "disk full", str(lock_of(path)))


@needs_namespaces
def test_a_full_disk_under_the_feeds_exits_74_and_keeps_the_last_release(db, tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    out = site / "public"
    assert publish(db, out).returncode == 0
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    result = publish(db, out, "--base-url", "https://feeds.example.org/", prepare=full_disk(site))
    fails_with(result, 74, f"--out {out}", "disk full")
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before


# --out and --log-file


def test_an_out_that_is_a_file_is_refused_before_crawling(db, tmp_path):
    out = tmp_path / "public"
    out.write_text("not a folder")
    fails_with(publish(db, out), 73, f"--out {out}", "is a file, not a folder")
    result = clusterfeeds("run", "eccp", "--db", db, "--out", out, "--snapshot", "/nonexistent")
    assert result.returncode == 2  # a usage error is told first
    result = clusterfeeds("run", "eccp", "--db", db, "--out", out / "feeds")
    fails_with(result, 73, f"--out {out / 'feeds'}", f"{out} is a file, not a folder")
    assert database.connect(db).execute("select count(*) from crawls").fetchone()[0] == 0


@needs_namespaces
def test_an_out_in_a_read_only_folder_is_refused(db, tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    result = publish(db, site / "public", prepare=read_only(site))
    fails_with(result, 73, f"--out {site / 'public'}", "cannot write", "Read-only file system")


@pytest.mark.parametrize("where", ["missing/crawl.log", "a-folder"])
def test_a_log_file_that_cannot_be_written_is_refused_before_crawling(db, tmp_path, where):
    (tmp_path / "a-folder").mkdir()
    log = tmp_path / where
    for command in (["crawl", "eccp"], ["run", "eccp", "--out", tmp_path / "public"]):
        result = clusterfeeds(*command, "--db", db, "--log-file", log)
        fails_with(result, 73, f"--log-file {log}", "cannot write")
    assert database.connect(db).execute("select count(*) from crawls").fetchone()[0] == 0


@needs_namespaces
def test_a_log_file_in_a_read_only_folder_is_refused(db, tmp_path):
    logs = tmp_path / "logs"
    logs.mkdir()
    result = clusterfeeds("crawl", "eccp", "--db", db, "--log-file", logs / "cf.log", prepare=read_only(logs))
    fails_with(result, 73, f"--log-file {logs / 'cf.log'}", "Read-only file system")


# Publishing and other failures (in-process, to make rendering fail)


def break_rendering(monkeypatch, error):
    def render_all(entries, context, *renderers):
        yield "events.rss", b"<rss/>"
        raise error

    monkeypatch.setattr("feeds.publish.render_all", render_all)


@pytest.mark.parametrize(
    "error", [ValueError("year 99999 is out of range"), KeyError("timezone"), RuntimeError("lxml refused")]
)
def test_a_failed_publish_exits_70_not_as_a_usage_error(db, tmp_path, monkeypatch, capsys, error):
    out = tmp_path / "public"
    assert main(["publish", "--db", str(db), "--out", str(out), "--as-of", AS_OF]) == 0
    release = out.resolve()
    capsys.readouterr()
    break_rendering(monkeypatch, error)
    status = main(["publish", "--db", str(db), "--out", str(out), "--as-of", AS_OF])
    err = capsys.readouterr().err
    assert status == 70
    assert f"publishing to {out} failed, the published folder is unchanged" in err
    assert type(error).__name__ in err and "Traceback" not in err
    assert out.resolve() == release
    assert not list(out.parent.glob("public.releases/.*partial"))


def test_sigterm_outside_a_crawl_exits_143_said_and_keeps_the_last_release(db, tmp_path, monkeypatch, capsys):
    out = tmp_path / "public"
    assert main(["publish", "--db", str(db), "--out", str(out), "--as-of", AS_OF]) == 0
    release = out.resolve()
    capsys.readouterr()

    def render_all(entries, context, *renderers):
        yield "events.rss", b"<rss/>"
        try:  # a handler of one entry's errors must not swallow the signal
            os.kill(os.getpid(), signal.SIGTERM)
        except Exception:
            pass
        yield "events.ics", b""

    monkeypatch.setattr("feeds.publish.render_all", render_all)
    # Without publishing's own handler the signal reaches this one, not the test runner's default.
    unhandled = []

    def record(signum, frame):
        unhandled.append(signum)

    previous = signal.signal(signal.SIGTERM, record)
    try:
        status = main(["publish", "--db", str(db), "--out", str(out), "--as-of", AS_OF])
        after = signal.getsignal(signal.SIGTERM)
    finally:
        signal.signal(signal.SIGTERM, previous)
    err = capsys.readouterr().err
    assert status == 128 + signal.SIGTERM and not unhandled
    assert "stopped by SIGTERM outside a crawl; the published folder holds the last whole release" in err
    assert out.resolve() == release and not list(out.parent.glob("public.releases/.*partial"))
    assert after is record  # publishing gave back the handler it found


def test_the_console_command_leaves_a_late_sigterm_no_way_to_kill_a_finished_run(capsys):
    previous = signal.getsignal(signal.SIGTERM)
    try:
        assert main(["sources"], when_done=signal.SIG_IGN) == 0
        assert signal.getsignal(signal.SIGTERM) == signal.SIG_IGN
        os.kill(os.getpid(), signal.SIGTERM)  # the process lives on to exit with its status
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert "eccp" in capsys.readouterr().out


def test_verbose_adds_the_traceback(db, tmp_path, monkeypatch, capsys):
    break_rendering(monkeypatch, RuntimeError("lxml refused"))
    status = main(["publish", "--db", str(db), "--out", str(tmp_path / "p"), "--verbose"])
    err = capsys.readouterr().err
    assert status == 70 and "Traceback" in err and "lxml refused" in err
    assert err.rstrip().splitlines()[-1].startswith("clusterfeeds publish: publishing to")


def test_an_unexpected_error_is_one_line_not_a_traceback(db, monkeypatch, capsys):
    def broken(*args):
        raise AttributeError("'NoneType' object has no attribute 'x'")

    monkeypatch.setattr("aggregator.commands.publish.publish_feeds", broken)
    assert main(["publish", "--db", str(db), "--out", str(db.parent / "p")]) == 70
    err = capsys.readouterr().err
    assert err.startswith("clusterfeeds publish: internal error: AttributeError")
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("outcome", ["interrupted", "running", "failed"])
def test_a_crawl_that_did_not_end_well_counts_as_failed(capsys, outcome):
    crawls = [
        {
            "source": "eccp",
            "outcome": "ok",
            "pages": 3,
            "items": 9,
            "new": 0,
            "changed": 0,
            "errors": 0,
            "message": None,
        },
        {
            "source": "parp",
            "outcome": outcome,
            "pages": 1,
            "items": 0,
            "new": 0,
            "changed": 0,
            "errors": 0,
            "message": "stopped: SIGTERM",
        },
    ]
    assert report_crawls(crawls, quiet=True) == failures.EXIT_SOURCE_FAILED
    err = capsys.readouterr().err
    assert "parp" in err and outcome in err and "stopped: SIGTERM" in err


# One lock per real database file


@pytest.fixture
def linked(db, tmp_path):
    """``db`` reached through a symlinked folder and a symlinked file."""
    (tmp_path / "alias").symlink_to(db.parent)
    (tmp_path / "link.db").symlink_to(db)
    return [tmp_path / "alias" / db.name, tmp_path / "link.db"]


def test_every_name_of_one_database_has_one_lock(db, linked, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    names = [db, *linked, os.path.relpath(db), os.path.relpath(linked[1])]
    assert {lock_of(name) for name in names} == {db.with_name("cf.db.lock")}


@pytest.mark.parametrize(
    "command",
    [
        ["run", "eccp", "--snapshot", "SNAPSHOT"],
        ["crawl", "eccp", "--snapshot", "SNAPSHOT"],
        ["publish"],
    ],
)
def test_every_writing_command_waits_its_turn_whatever_the_path(db, linked, tmp_path, snapshot, command):
    command = [str(snapshot.root) if word == "SNAPSHOT" else word for word in command]
    if command[0] != "crawl":
        command += ["--out", tmp_path / "public"]
    with exclusive(db.with_name("cf.db.lock")):  # as a `run` on the real path holds it
        for name in [*linked, os.path.relpath(db, tmp_path / "alias")]:
            result = clusterfeeds(*command, "--db", name, "--as-of", AS_OF, cwd=tmp_path / "alias")
            fails_with(result, 75, f"database {name} is in use", f"pid {os.getpid()}")
    assert not (tmp_path / "public").exists()
    conn = sqlite3.connect(db)
    assert conn.execute("select count(*) from crawls").fetchone()[0] == 0


def test_publish_beside_a_live_crawl_exits_75(db, linked, tmp_path, snapshot):
    """A real `crawl`, and a `publish` through a symlink beside it: turned away."""
    with ReplayServer(snapshot) as server:
        server.delay = 1  # a slow site keeps the crawl going
        crawl = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "aggregator.cli",
                "crawl",
                "eccp",
                "--db",
                str(db),
                "--snapshot-server",
                server.address,
                "--as-of",
                AS_OF,
                "--quiet",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            while not (lock_of(db).exists() and lock_of(db).read_text()):
                assert crawl.poll() is None
                time.sleep(0.05)
            result = publish(linked[1], tmp_path / "public")
        finally:
            crawl.kill()
            crawl.wait()
    fails_with(result, 75, f"database {linked[1]} is in use", f"pid {crawl.pid}")
    assert not (tmp_path / "public").exists()


@pytest.mark.parametrize("setting", ["DOWNLOAD_TIMEOUT", "download_timeout=3", "=3", "A B=1"])
def test_a_malformed_scrapy_setting_is_a_usage_error(tmp_path, capsys, setting):
    with pytest.raises(SystemExit) as stop:
        main(["crawl", "--db", str(tmp_path / "cf.db"), "--set", setting])
    assert stop.value.code == 2 and "NAME=VALUE" in capsys.readouterr().err


def test_scrapy_settings_reach_the_crawl(tmp_path):
    args = build_parser().parse_args(
        ["crawl", "--db", str(tmp_path / "cf.db"), "-s", "DOWNLOAD_TIMEOUT=3", "--set", "RETRY_TIMES=0"]
    )
    assert crawl_job(args).settings == {"DOWNLOAD_TIMEOUT": "3", "RETRY_TIMES": "0"}


def test_the_readme_s_exit_status_table_is_the_code_s():
    section = README.read_text().split("### Exit status", 1)[1].split("\n### ", 1)[0]
    first_cells = [line.split("|")[1] for line in section.splitlines() if line.startswith("| `")]
    documented = {int(code) for cell in first_cells for code in re.findall(r"`(\d+)`", cell)}
    coded = {value for name, value in vars(failures).items() if name.startswith("EXIT_")}
    assert documented == coded | {128 + signal.SIGINT, 128 + signal.SIGTERM}
