"""The snapshot that ships with clusterfeeds (aggregator/snapshot/): the demo
crawls it, and so do the tests."""

from pathlib import Path

from spiders.replay.snapshot import Snapshot

FOLDER = Path(__file__).parent / "snapshot"


def bundled() -> Snapshot:
    return Snapshot(FOLDER)
