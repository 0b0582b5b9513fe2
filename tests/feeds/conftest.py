"""Fixtures: a database of the rows in feed_rows.py, a folder published from it, the
demo's published folder, and ical.js."""

import shutil
import subprocess
import sys

import pytest
from feed_rows import AS_OF, BASE_URL, CALLS, CHANGES, CRAWLS, EVENTS, NEWS
from node_packages import install_icaljs

from core.db import connect
from feeds.publish import publish


@pytest.fixture
def feed_db(tmp_path):
    db = connect(tmp_path / "t.db")
    db["items"].insert_all(EVENTS + CALLS + NEWS)
    db["crawls"].insert_all(CRAWLS)
    db["changes"].insert_all(CHANGES)
    return db


@pytest.fixture
def published(feed_db, tmp_path):
    """The output folder (a link to the release) after one publish of ``feed_db``."""
    out = tmp_path / "site"
    publish(feed_db, out, AS_OF, BASE_URL)
    return out


@pytest.fixture(scope="session")
def demo(tmp_path_factory):
    """What `clusterfeeds demo` publishes, run as the README says, in an empty folder:
    the folder it ran in (``public/`` and ``clusterfeeds-demo.db``)."""
    folder = tmp_path_factory.mktemp("demo")
    result = subprocess.run(
        [sys.executable, "-m", "aggregator.cli", "demo"],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return folder


@pytest.fixture(scope="session")
def icaljs():
    """ical.js, Thunderbird's parser, installed by npm into the cache the first time."""
    if shutil.which("node") is None:
        pytest.skip("node is not installed, so ical.js (Thunderbird's parser) cannot read the calendars")
    return install_icaljs()
