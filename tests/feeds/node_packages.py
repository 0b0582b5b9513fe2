"""ical.js, the calendar parser Thunderbird uses, for the calendar tests: npm
installs it into a cache the first time. Standard library only, so that CI can
run ``python3 tests/feeds/node_packages.py`` to install it before the tests."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

PACKAGE = "ical.js@2.2.1"
CACHE = Path(os.environ.get("CLUSTERFEEDS_NODE_CACHE", Path.home() / ".cache" / "clusterfeeds" / "node"))
MODULE = CACHE / "node_modules" / "ical.js" / "dist" / "ical.js"


def install_icaljs() -> Path:
    """ical.js's module file, installed by npm the first time."""
    if not MODULE.exists():
        npm = shutil.which("npm")
        if npm is None:
            raise RuntimeError("npm is not installed: cannot install ical.js")
        subprocess.run(
            [npm, "install", "--prefix", str(CACHE), "--no-audit", "--no-fund", "--silent", PACKAGE],
            check=True,
            timeout=300,
        )
    return MODULE


if __name__ == "__main__":
    if shutil.which("node") is None:
        sys.exit("node is not installed: ical.js left out")
    print(install_icaljs())
