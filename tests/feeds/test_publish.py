import stat

import pytest
from feed_rows import AS_OF, BASE_URL

import feeds.publish
from feeds.publish import publish

FILES = ["events.rss", "calls.rss", "events.ics", "calls.ics", "index.html"]


def snapshot(folder):
    return {path.name: path.read_bytes() for path in folder.iterdir()}


def test_writes_and_returns_the_five_files(feed_db, tmp_path):
    out = tmp_path / "new" / "site"
    paths = publish(feed_db, out, AS_OF, BASE_URL)
    assert [p.name for p in paths] == FILES
    assert sorted(p.name for p in out.iterdir()) == sorted(FILES)  # no temporary files left
    for path in paths:
        assert stat.S_IMODE(path.stat().st_mode) == 0o644
        assert path.stat().st_size > 0


def test_unchanged_database_gives_identical_files(feed_db, tmp_path):
    publish(feed_db, tmp_path / "a", AS_OF, BASE_URL)
    publish(feed_db, tmp_path / "b", AS_OF, BASE_URL)
    assert snapshot(tmp_path / "a") == snapshot(tmp_path / "b")


def test_a_row_that_cannot_be_rendered_leaves_previous_files_untouched(feed_db, published):
    before = snapshot(published)
    feed_db["items"].insert({"id": "ev-broken", "kind": "event", "source": "eccp",
                             "title": "Broken", "url": "https://example.org/broken",
                             "start": "sometime in spring", "all_day": 0,
                             "first_seen": "2026-11-16T08:00:00+01:00"})
    with pytest.raises(ValueError):
        publish(feed_db, published, AS_OF, BASE_URL)
    assert snapshot(published) == before


def test_a_failing_renderer_writes_nothing(feed_db, published, monkeypatch):
    before = snapshot(published)
    feed_db["items"].update("call-single", {"title": "Renamed call"})

    def failing_page(*args, **kwargs):
        raise RuntimeError("template error")

    # index.html is rendered last: every feed before it was rendered, none may be written.
    monkeypatch.setattr(feeds.publish, "render_index", failing_page)
    with pytest.raises(RuntimeError):
        publish(feed_db, published, AS_OF, BASE_URL)
    assert snapshot(published) == before


def test_a_failed_write_leaves_no_temporary_files(feed_db, published, monkeypatch):
    def failing_replace(source, target):
        raise OSError("disk full")

    monkeypatch.setattr(feeds.publish.os, "replace", failing_replace)
    with pytest.raises(OSError):
        publish(feed_db, published, AS_OF, BASE_URL)
    assert sorted(p.name for p in published.iterdir()) == sorted(FILES)
