"""`clusterfeeds record`: a crawl kept as a snapshot folder and a WARC file,
which replay to the very items the original gave."""

import sqlite3
import subprocess
import sys

import pytest
from loopback import crawl_over_loopback

from aggregator.bundled import bundled
from spiders.replay.server import ReplayServer
from spiders.replay.snapshot import Snapshot
from spiders.replay.warc import WarcArchive

# What differs between two crawls of the same pages: when they ran.
CRAWL_TIMES = ("first_seen", "last_seen", "updated")


def clusterfeeds(*args: str) -> subprocess.CompletedProcess:
    """The command in a process of its own: Scrapy's reactor starts once per process."""
    return subprocess.run(
        [sys.executable, "-m", "aggregator.cli", *args], capture_output=True, text=True, timeout=300
    )


def stored_items(db) -> list[dict]:
    connection = sqlite3.connect(db)
    connection.row_factory = sqlite3.Row
    try:
        rows = connection.execute("SELECT * FROM items ORDER BY id").fetchall()
        return [{k: row[k] for k in row.keys() if k not in CRAWL_TIMES} for row in rows]
    finally:
        connection.close()


@pytest.fixture(scope="module")
def recording(tmp_path_factory):
    """eccp recorded from the bundled snapshot served over loopback, and the
    items of a crawl of the bundled snapshot itself."""
    tmp = tmp_path_factory.mktemp("record")
    as_of = bundled().captured
    with ReplayServer(bundled()) as server:
        done = clusterfeeds("record", "eccp", "--snapshot-server", server.address, "--out", str(tmp / "eccp"))
        assert done.returncode == 0, done.stderr[-3000:]
        crawl_over_loopback(server, tmp / "original.db", as_of, ["eccp"])
    return tmp, stored_items(tmp / "original.db")


def test_the_folder_keeps_each_page_at_its_url(recording):
    tmp, _ = recording
    recorded = Snapshot(tmp / "eccp")
    listing = "https://www.clustercollaboration.eu/news"
    assert recorded.path_for(listing).read_bytes() == bundled().path_for(listing).read_bytes()
    assert recorded.path_for(listing + "?page=1").is_file()
    assert (tmp / "eccp" / "www.clustercollaboration.eu" / "robots.txt").is_file()
    assert recorded.captured.isoformat() == recorded.captured.today().isoformat()


def test_the_warc_holds_a_request_and_a_response_for_each_page(recording):
    tmp, _ = recording
    archive = WarcArchive.read(tmp / "eccp.warc.gz")
    folder_pages = set(Snapshot(tmp / "eccp").pages("www.clustercollaboration.eu", folder_slash=False))
    assert {f"https://{url}" for url in archive.pages_by_url} >= folder_pages


@pytest.mark.parametrize("kept", ["eccp", "eccp.warc.gz"])
def test_replaying_the_recording_stores_the_original_items(recording, kept):
    tmp, original = recording
    db = tmp / f"replayed-{kept}.db"
    as_of = bundled().captured.isoformat()
    done = clusterfeeds("crawl", "eccp", "--db", str(db), "--snapshot", str(tmp / kept), "--as-of", as_of)
    assert done.returncode == 0, done.stderr[-3000:]
    assert original and stored_items(db) == original


def test_record_will_not_write_over_a_folder(tmp_path):
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "page").write_text("kept")
    done = clusterfeeds("record", "eccp", "--out", str(tmp_path / "taken"))
    assert done.returncode == 2 and "is not an empty folder" in done.stderr
    assert (tmp_path / "taken" / "page").read_text() == "kept"
