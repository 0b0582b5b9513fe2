"""Publishing a set of files atomically.

The published folder ``out`` is a symbolic link to ``<out>.releases/<name>/``.
A release is written in full beside the others, then a new link is renamed over
``out`` in one step: a reader opening files through ``out`` sees the old set or
the new set, never a mixture or a half-written file. The last few releases are
kept, so a reader still inside an old one can finish.

Files are written as they are rendered, so the whole set is never in memory
(nor a big file: it may come in parts);
if rendering fails half-way, the partial release is removed and ``out`` is
untouched. A file identical to the current release's is hard-linked rather than
written, so its modification time, and the server's ETag, stay the same.

One publish at a time holds a lock beside ``out`` (``.<out>.lock``); under it,
what an interrupted publish left (a ``.partial`` release, a temporary link) is
removed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Iterable
from contextlib import ExitStack
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from core.lock import exclusive

KEEP = 3
# A file's contents: its bytes, or its bytes in parts (a big calendar is never whole in memory).
Data = bytes | Iterable[bytes]


def releases_of(out: Path) -> Path:
    return out.with_name(out.name + ".releases")


def swap_in(out: Path, files: Iterable[tuple[str, Data]]) -> tuple[Path, list[str]]:
    """Write ``files`` (relative path, bytes or its bytes in parts) as a new release
    and make ``out`` point at it.

    The release is named by the time and a digest of its files, so the names
    sort by age and tell identical sets apart from different ones."""
    out = Path(out)
    store = releases_of(out)
    store.mkdir(parents=True, exist_ok=True)
    with exclusive(out.with_name(f".{out.name}.lock")):
        _remove_leftovers(out)
        return _release(out, store, files)


def _remove_leftovers(out: Path) -> None:
    """What a publish killed half-way left; called under the lock only, so no
    live publish is still writing it."""
    for partial in releases_of(out).glob(".*.partial"):
        shutil.rmtree(partial, ignore_errors=True)
    for link in out.parent.glob(f".{out.name}.*.link"):
        link.unlink(missing_ok=True)


def _release(out: Path, store: Path, files: Iterable[tuple[str, Data]]) -> tuple[Path, list[str]]:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S.%fZ")
    staging = store / f".{stamp}.partial"
    current = out.resolve() if out.is_symlink() else None
    try:
        names, digest = _write_all(staging, files, current)
        folder = store / f"{stamp}-{digest}"
        staging.rename(folder)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _point(out, folder)
    _prune(store, keep={folder.name})
    return folder, names


def _write_all(
    folder: Path, files: Iterable[tuple[str, Data]], current: Path | None
) -> tuple[list[str], str]:
    """Write every file; return their names and a short digest of names and contents."""
    names, hashed = [], hashlib.sha1()
    folder.mkdir()
    for name, data in files:
        names.append(name)
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        previous = current / name if current else None
        if isinstance(data, bytes):
            size, digest, same = len(data), hashlib.sha1(data).digest(), previous and _same(previous, data)
            if not same:
                target.write_bytes(data)
        else:
            size, digest, same = _write_parts(target, data, previous)
            if same:
                target.unlink()
        if same:
            os.link(previous, target)
        else:
            os.chmod(target, 0o644)
        hashed.update(f"{name}\0{size}\0".encode() + digest)
    for path in (folder, *{(folder / name).parent for name in names}):
        os.chmod(path, 0o755)
    # One flush of everything before the swap instead of a slow fsync per file.
    os.sync()
    return names, hashed.hexdigest()[:12]


def _same(path: Path, data: bytes) -> bool:
    try:
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False


def _write_parts(target: Path, parts: Iterable[bytes], previous: Path | None) -> tuple[int, bytes, bool]:
    """Write a file a part at a time; return its size, its digest, and whether
    ``previous`` holds the same bytes (read alongside, so neither is read twice)."""
    size, hashed = 0, hashlib.sha1()
    with ExitStack() as files:
        written = files.enter_context(open(target, "wb"))
        old = _reader(previous, files)
        same = old is not None
        for part in parts:
            written.write(part)
            hashed.update(part)
            size += len(part)
            same = same and old.read(len(part)) == part
        return size, hashed.digest(), same and old.read(1) == b""


def _reader(path: Path | None, files: ExitStack) -> BinaryIO | None:
    try:
        return files.enter_context(open(path, "rb")) if path else None
    except OSError:
        return None


def _point(out: Path, folder: Path) -> None:
    """Make ``out`` a link to ``folder`` in one rename (relative, so the pair can move)."""
    if out.exists() and not out.is_symlink():
        # A plain folder from before releases: moved aside once; the next rename is atomic.
        if any(out.iterdir()):
            out.rename(releases_of(out) / f"{folder.name}.before")
        else:
            out.rmdir()
    link = out.with_name(f".{out.name}.{os.getpid()}.link")
    link.unlink(missing_ok=True)
    link.symlink_to(os.path.relpath(folder, out.parent))
    os.replace(link, out)
    _sync_directory(out.parent)


def _prune(store: Path, keep: set[str]) -> None:
    """Keep the newest releases, never the one just made."""
    releases = sorted(p for p in store.iterdir() if p.is_dir() and not p.name.startswith("."))
    for old in releases[:-KEEP]:
        if old.name not in keep:
            shutil.rmtree(old, ignore_errors=True)


def _sync_directory(path: Path) -> None:
    """Make renames durable; not every platform can open a directory."""
    try:
        descriptor = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
