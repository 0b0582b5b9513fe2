"""A publish killed half-way leaves a ``.partial`` release; the next publish
removes it, but never one that a live publish is still writing."""

import signal
import subprocess
import sys
import textwrap

import pytest
from feed_rows import AS_OF, BASE_URL

from core.lock import LockHeld, exclusive
from feeds.publish import publish
from feeds.release import releases_of

# Publishes t.db into site, rendering one file and then hanging: killed there,
# it leaves what a power cut or an OOM kill would.
HANGING_PUBLISH = textwrap.dedent("""
    import sys, time
    from datetime import date
    import feeds.publish
    from core.db import connect
    def render_all(entries, context, *renderers):
        yield "events.rss", b"<rss/>"
        print("writing", flush=True)
        time.sleep(120)
        yield "calls.rss", b"<rss/>"
    feeds.publish.render_all = render_all
    feeds.publish.publish(connect(sys.argv[1]), sys.argv[2], date(2026, 11, 16))
""")


def leftovers(out):
    return sorted(p.name for p in releases_of(out).glob(".*.partial")) + sorted(
        p.name for p in out.parent.glob(f".{out.name}.*.link")
    )


def test_a_killed_publish_s_partial_release_is_removed_by_the_next(feed_db, published, tmp_path):
    release = published.resolve()
    victim = subprocess.Popen(
        [sys.executable, "-c", HANGING_PUBLISH, str(tmp_path / "t.db"), str(published)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert victim.stdout.readline().strip() == "writing"
    victim.send_signal(signal.SIGKILL)
    victim.wait()
    assert len(leftovers(published)) == 1 and published.resolve() == release
    done = publish(feed_db, published, AS_OF, BASE_URL)
    assert leftovers(published) == []
    assert published.resolve() == done.folder and (published / "events.rss").is_file()


def test_every_kind_of_leftover_goes_and_the_releases_stay(feed_db, published):
    store = releases_of(published)
    (store / ".20260101T000000.000000Z.partial" / "country" / "no").mkdir(parents=True)
    (store / ".20260101T000000.000000Z.partial" / "country" / "no" / "events.rss").write_text("x")
    (store / ".20250101T000000.000000Z.partial").mkdir()
    (published.parent / f".{published.name}.4242.link").symlink_to(store)
    kept = sorted(p.name for p in store.iterdir() if not p.name.startswith("."))
    publish(feed_db, published, AS_OF, BASE_URL)
    assert leftovers(published) == []
    assert set(kept) <= {p.name for p in store.iterdir()}


def test_a_live_publish_s_partial_release_is_left_alone(feed_db, published):
    partial = releases_of(published) / ".20260101T000000.000000Z.partial"
    partial.mkdir()
    with exclusive(published.with_name(f".{published.name}.lock")):  # as a live publish does
        with pytest.raises(LockHeld, match="holds"):
            publish(feed_db, published, AS_OF, BASE_URL)
        assert partial.is_dir()
    publish(feed_db, published, AS_OF, BASE_URL)
    assert not partial.exists()
