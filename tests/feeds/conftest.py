"""Fixtures: a database of the rows in feed_rows.py, and a folder published from it."""

import pytest
from feed_rows import AS_OF, BASE_URL, CALLS, CHANGES, CRAWLS, EVENTS, NEWS

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
