"""A lock so that two runs never overlap.

It is an advisory ``flock`` on a file beside the database: the kernel releases
it when its holder exits or dies, so a killed run never leaves a stale lock.
The lock is named after the database's real path, so that one file reached
through a symbolic link or a relative path still has one lock.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path


class LockHeld(RuntimeError):
    pass


def lock_of(database: Path) -> Path:
    real = Path(os.path.realpath(database))
    return real.with_name(real.name + ".lock")


@dataclass(frozen=True)
class Held:
    """A lock this process holds."""

    path: Path
    fd: int

    def lost(self) -> str | None:
        """Why the lock no longer keeps other runs out, if it does not: its file
        was removed or replaced, so another run could take a lock of its own."""
        try:
            on_disk = os.stat(self.path)
        except FileNotFoundError:
            return f"{self.path} was removed"
        mine = os.fstat(self.fd)
        if (on_disk.st_dev, on_disk.st_ino) != (mine.st_dev, mine.st_ino):
            return f"{self.path} was replaced"
        return None


@contextmanager
def exclusive(path: Path) -> Iterator[Held]:
    """Hold the lock at ``path`` for the duration; LockHeld if another run has it."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 64, 0).decode(errors="replace").strip() or "?"
            raise LockHeld(
                f"another clusterfeeds process (pid {holder}) holds {path}; nothing was done"
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        yield Held(path, fd)
    finally:
        os.close(fd)


def is_held(path: Path) -> bool:
    """Whether a live process holds the lock at ``path``. Asking holds a shared
    lock for an instant and writes nothing."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)
    return False
