"""What a command's exit status means, and the one line that says what failed
and where. The README's exit-status table is this one."""

from __future__ import annotations

import errno
import os
import signal
import sqlite3
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path

from core.lock import LockHeld

EXIT_OK = 0
EXIT_SOURCE_FAILED = 1  # a source failed or its crawl was interrupted; the rest went on
EXIT_USAGE = 2  # bad options or arguments; nothing was done
EXIT_DEGRADED = 3  # every source ran, but one's field coverage fell (degraded); all was published
EXIT_DATABASE = 65  # the database is corrupt, read-only, busy, newer or not ours
EXIT_PUBLISH_FAILED = 70  # publishing failed (the published folder is unchanged), or a bug
EXIT_CANT_WRITE = 73  # --out or --log-file cannot be written
EXIT_DISK_FULL = 74  # no space left for the database, the feeds or the log
EXIT_LOCKED = 75  # another run holds the database's lock; nothing was done

DISK_FULL = (errno.ENOSPC, errno.EDQUOT)


class Failure(Exception):
    """A failure the operator can act on: its exit status and one line."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


def failure_of(error: Exception, db: Path | None) -> Failure:
    """The exit status and line for an error that reached the command line."""
    from core.db import UnusableDatabase  # sqlite-utils: loaded when a failure needs it, not at start-up

    if isinstance(error, Failure):
        return error
    if isinstance(error, LockHeld):
        return Failure(EXIT_LOCKED, str(error))
    if isinstance(error, UnusableDatabase):
        return Failure(EXIT_DATABASE, f"database {db}: {error}")
    if isinstance(error, sqlite3.Error):
        return database_failure(error, db)
    if isinstance(error, OSError) and error.errno in DISK_FULL:
        return Failure(EXIT_DISK_FULL, f"disk full: cannot write {error.filename or ''}".rstrip())
    if isinstance(error, OSError) and error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return Failure(EXIT_CANT_WRITE, f"cannot write {error.filename}: {error.strerror}")
    return Failure(
        EXIT_PUBLISH_FAILED,
        f"internal error: {type(error).__name__}: {error} (--verbose shows where; please report it)",
    )


def database_failure(error: sqlite3.Error, db: Path | None) -> Failure:
    code = getattr(error, "sqlite_errorname", "")
    if code == "SQLITE_FULL":
        return Failure(EXIT_DISK_FULL, f"disk full: cannot write database {db}")
    if code in ("SQLITE_NOTADB", "SQLITE_CORRUPT") or "malformed" in str(error):
        reason = (
            f"is corrupt ({error}): restore it from a backup, or move it aside "
            "(with its -wal and -shm files) to start a new one"
        )
    elif code.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        reason = "is locked by another process, beyond the 10 s wait: try again later"
    elif code.startswith("SQLITE_READONLY"):
        reason = "is read-only: clusterfeeds writes to it (the file and its folder must be writable)"
    elif code.startswith("SQLITE_CANTOPEN"):
        reason = f"cannot be opened: {folder_problem(Path(db).parent) or error}"
    else:
        reason = f"cannot be used: {error}"
    return Failure(EXIT_DATABASE, f"database {db} {reason}")


def folder_problem(folder: Path) -> str | None:
    """Why no file can be made in ``folder``, if it cannot; SQLite needs to make
    its -wal and -shm files beside the database."""
    if not folder.is_dir():
        return f"its folder {folder} does not exist"
    try:
        tempfile.TemporaryFile(dir=folder).close()
    except OSError as error:
        return f"its folder {folder} is not writable ({error.strerror})"
    return None


def write_failure(error: OSError, option: str, path: Path) -> Failure:
    """A file or folder named by ``option`` could not be written."""
    where = error.filename or path
    if error.errno in DISK_FULL:
        return Failure(EXIT_DISK_FULL, f"{option} {path}: disk full writing {where}")
    return Failure(EXIT_CANT_WRITE, f"{option} {path}: cannot write {where}: {error.strerror}")


def check_out(out: Path) -> None:
    """Fail now, before a long crawl, if the feeds cannot be published in ``out``."""
    out_path = Path(os.path.abspath(out))
    for path in (out_path, *out_path.parents):
        if path.exists():
            if not path.is_dir():
                raise Failure(EXIT_CANT_WRITE, f"--out {out}: {path} is a file, not a folder")
            break
    # The releases are made beside it (feeds.release).
    folder = out_path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tempfile.TemporaryFile(dir=folder).close()
    except OSError as error:
        raise write_failure(error, "--out", out) from None


def check_log_file(path: Path) -> None:
    try:
        with open(path, "a"):
            pass
    except OSError as error:
        raise write_failure(error, "--log-file", path) from None


class Interrupted(BaseException):
    """A signal stopped the crawl, whose sources' rows say `interrupted`, or the
    command outside it (publishing …). A BaseException, as KeyboardInterrupt is: no handler of
    one page's or one entry's errors may swallow it."""

    def __init__(self, signum: int, crawls: list[dict], outside_crawl: bool = False):
        cut_short = [c["source"] for c in crawls if c["outcome"] == "interrupted"]
        what = (
            " outside a crawl; the published folder holds the last whole release"
            if outside_crawl
            else f"; crawls interrupted: {', '.join(cut_short) or 'none'}"
        )
        super().__init__(f"stopped by {signal.Signals(signum).name}{what}")
        self.signum, self.crawls = signum, crawls


@contextmanager
def stopped_by_sigterm(afterwards=None):
    """SIGTERM stops a command as Scrapy's handler stops a crawl: said, with its
    exit status, a publish's staging folder removed and the live feeds left as
    they were (Python's default would end the process unannounced, status -15).
    The crawl itself is Scrapy's to stop, and gives this handler back after.
    When done, the handler found is given back, or ``afterwards`` set instead."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set a handler; its own signals stay its own
        return

    def stop(signum, frame):
        raise Interrupted(signum, [], outside_crawl=True)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous if afterwards is None else afterwards)
