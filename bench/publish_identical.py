"""Whether two versions of clusterfeeds publish the same bytes.

    .venv/bin/python bench/publish_identical.py OLD_TREE [NEW_TREE] [--items 3000]

Writes one database of generated events and calls (bench/stored.py, as the
publish benchmark does), publishes it as of bench/stored.py's AS_OF with the code
of each source tree (a checkout or ``git archive`` of a commit; NEW_TREE defaults
to this one), each in a fresh process, and compares the published folders file by
file. The clock only names the releases; what they hold depends on AS_OF alone.
Exits 1 and names the files that differ, or are in one folder only.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from stored import AS_OF, fill_database

HERE = Path(__file__).resolve().parent.parent
PUBLISH = (
    "import sys; from datetime import date; from core.db import connect; from feeds.publish import publish; "
    "publish(connect(sys.argv[1]), sys.argv[2], date.fromisoformat(sys.argv[3]), 'https://feeds.example.org/')"
)


def published_by(tree: Path, db_path: Path, out: Path) -> dict[str, bytes]:
    environment = {**os.environ, "PYTHONPATH": str(tree)}
    command = [sys.executable, "-c", PUBLISH, str(db_path), str(out), AS_OF.isoformat()]
    done = subprocess.run(command, cwd=tree, env=environment, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"publishing with {tree} failed:\n{done.stderr[-3000:]}")
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("old", type=Path, help="source tree of the version to compare against")
    parser.add_argument("new", type=Path, nargs="?", default=HERE, help="source tree (default: this one)")
    parser.add_argument("--items", type=int, default=3000, help="stored items")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="publish-identical-") as folder:
        db_path = Path(folder) / "items.db"
        fill_database(db_path, args.items)
        old = published_by(args.old.resolve(), db_path, Path(folder) / "old")
        new = published_by(args.new.resolve(), db_path, Path(folder) / "new")
    differing = sorted(name for name in old.keys() & new.keys() if old[name] != new[name])
    only = sorted(old.keys() ^ new.keys())
    print(f"{len(old)} files from {args.old}, {len(new)} from {args.new}, {args.items} items as of {AS_OF}")
    for name in differing[:20]:
        print(f"differs: {name}")
    for name in only[:20]:
        print(f"only in {'the old' if name in old else 'the new'}: {name}")
    print(f"identical: {'yes' if not differing and not only else 'no'}")
    sys.exit(1 if differing or only else 0)


if __name__ == "__main__":
    main()
