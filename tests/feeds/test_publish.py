"""Publishing: the whole set swapped in at once, old releases kept a while."""

import json
import os
import stat
import threading

import pytest
from feed_rows import AS_OF, BASE_URL, DATED_ON_PAGE

import feeds.publish
import feeds.release
from aggregator.cli import main
from feeds.publish import publish
from feeds.release import KEEP, releases_of

TOP_LEVEL = {
    "events.rss",
    "events.atom",
    "events.json",
    "events.ics",
    "calls.rss",
    "calls.atom",
    "calls.json",
    "calls.ics",
    "index.html",
    "feeds.html",
    "style.css",
    "page.js",
    "country",
    "entry",
    "source",
    "topic",
}


def contents(folder):
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_the_folder_is_a_link_to_a_complete_release(feed_db, tmp_path):
    out = tmp_path / "new" / "site"
    published = publish(feed_db, out, AS_OF, BASE_URL)
    assert out.is_symlink() and out.resolve() == published.folder
    assert published.folder.parent == releases_of(out)
    assert {p.name for p in out.iterdir()} == TOP_LEVEL
    assert set(published.files) == set(contents(out)) and len(published.files) == 84 + len(DATED_ON_PAGE)
    for path in out.rglob("*"):
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o755 if path.is_dir() else 0o644), path
    assert [p.name for p in releases_of(out).iterdir()] == [published.folder.name]


def test_unchanged_database_gives_identical_hard_linked_files(feed_db, tmp_path):
    out = tmp_path / "site"
    first = publish(feed_db, out, AS_OF, BASE_URL).folder
    feed_db["items"].update(
        "call-hostile", {"title": "R&D vouchers 2027", "updated": "2026-11-16T07:00:00+01:00"}
    )
    second = publish(feed_db, out, AS_OF, BASE_URL).folder
    assert first != second and out.resolve() == second
    # A file whose bytes did not change is the same file: same mtime, so the same ETag.
    unchanged = first / "country/no/events.rss"
    assert os.path.samefile(unchanged, second / "country/no/events.rss")
    assert not os.path.samefile(first / "calls.rss", second / "calls.rss")
    third = publish(feed_db, out, AS_OF, BASE_URL).folder
    assert contents(second) == contents(third)
    assert third.name.split("-")[-1] == second.name.split("-")[-1]  # same digest


def test_only_the_last_releases_are_kept(feed_db, tmp_path):
    out = tmp_path / "site"
    made = [publish(feed_db, out, AS_OF, BASE_URL).folder for _ in range(KEEP + 2)]
    assert sorted(releases_of(out).iterdir()) == made[-KEEP:]


def test_a_plain_folder_from_before_is_replaced_by_the_link(feed_db, tmp_path):
    out = tmp_path / "site"
    out.mkdir()
    (out / "events.rss").write_text("old")
    publish(feed_db, out, AS_OF, BASE_URL)
    assert out.is_symlink() and (out / "events.rss").read_text() != "old"


def test_a_failing_renderer_changes_nothing(feed_db, published, monkeypatch):
    before = contents(published)
    link = os.readlink(published)
    feed_db["items"].update("call-single", {"title": "Renamed call"})

    def failing_pages(*args, **kwargs):
        raise RuntimeError("template error")

    monkeypatch.setattr(feeds.publish, "render_pages", failing_pages)
    with pytest.raises(RuntimeError):
        publish(feed_db, published, AS_OF, BASE_URL)
    assert contents(published) == before and os.readlink(published) == link


def test_a_failed_write_leaves_no_partial_release(feed_db, published, monkeypatch):
    link = os.readlink(published)
    original = feeds.release.Path.write_bytes
    written = []

    def failing_write(path, data):
        written.append(path)
        if len(written) == 3:
            raise OSError("disk full")
        return original(path, data)

    feed_db["items"].update("call-single", {"title": "Renamed call"})
    monkeypatch.setattr(feeds.release.Path, "write_bytes", failing_write)
    with pytest.raises(OSError):
        publish(feed_db, published, AS_OF, BASE_URL)
    assert os.readlink(published) == link
    assert [p.name for p in releases_of(published).iterdir()] == [os.path.basename(link)]


def test_a_reader_never_sees_a_mixed_or_partial_set(feed_db, tmp_path):
    """Publish two different states over and over while readers read every file,
    each reader resolving the published link once, as a release is meant to be read."""
    out = tmp_path / "site"
    sets = []
    for title in ("Cluster internationalisation call", "Cluster internationalisation call 2027"):
        feed_db["items"].update("call-single", {"title": title})
        sets.append(contents(publish(feed_db, out, AS_OF, BASE_URL).folder))
    assert sets[0] != sets[1]
    differing = [name for name in sets[0] if sets[0][name] != sets[1].get(name)]
    assert len(differing) > 10
    seen, errors, stop = [], [], threading.Event()

    def read_forever():
        while not stop.is_set():
            try:
                release = out.resolve(strict=True)
                seen.append({name: (release / name).read_bytes() for name in differing})
            except FileNotFoundError as error:  # a pruned release: must not happen with KEEP
                errors.append(error)

    readers = [threading.Thread(target=read_forever) for _ in range(2)]
    for reader in readers:
        reader.start()
    try:
        for n in range(12):
            feed_db["items"].update(
                "call-single",
                {
                    "title": ["Cluster internationalisation call", "Cluster internationalisation call 2027"][
                        n % 2
                    ]
                },
            )
            publish(feed_db, out, AS_OF, BASE_URL)
    finally:
        stop.set()
        for reader in readers:
            reader.join()
    assert errors == [] and len(seen) > 5
    for snapshot in seen:
        assert any(all(snapshot[name] == known[name] for name in differing) for known in sets)
    json.loads((out / "calls.json").read_bytes())


def test_the_publish_command_names_what_it_left_out(feed_db, tmp_path, capsys):
    feed_db["items"].insert(
        {
            "id": "ev-broken",
            "kind": "event",
            "source": "eccp",
            "title": "Broken",
            "url": "https://example.org/broken",
            "start": "2026-13-45",
            "first_seen": "2026-11-16T08:00:00+01:00",
        }
    )
    db_path = feed_db.execute("pragma database_list").fetchone()[2]
    assert (
        main(
            [
                "publish",
                "--db",
                db_path,
                "--out",
                str(tmp_path / "out"),
                "--as-of",
                AS_OF.isoformat(),
                "--base-url",
                BASE_URL,
            ]
        )
        == 0
    )
    out, err = capsys.readouterr()
    assert (
        "clusterfeeds publish: left out eccp: https://example.org/broken: start: "
        "month must be in 1..12 (item ev-broken)\n"
    ) in err
    assert (
        out.startswith(f"published {84 + len(DATED_ON_PAGE)} files to ")
        and (tmp_path / "out" / "index.html").exists()
    )


def test_an_unchanged_calendar_written_in_parts_is_hard_linked_too(feed_db, tmp_path):
    out = tmp_path / "site"
    first = publish(feed_db, out, AS_OF, BASE_URL).folder
    feed_db["items"].update("call-hostile", {"title": "R&D vouchers 2027"})
    second = publish(feed_db, out, AS_OF, BASE_URL).folder
    assert os.path.samefile(first / "events.ics", second / "events.ics")
    assert (first / "calls.ics").read_bytes() != (second / "calls.ics").read_bytes()
    assert not os.path.samefile(first / "calls.ics", second / "calls.ics")


def test_a_file_given_in_parts_is_written_whole_and_linked_only_when_the_same(tmp_path):
    out = tmp_path / "site"
    parts = [b"BEGIN:VCALENDAR\r\n", b"", b"X" * 70_000, b"END:VCALENDAR\r\n"]
    first, _ = feeds.release.swap_in(out, [("a.ics", iter(parts)), ("b.ics", iter(parts))])
    assert (first / "a.ics").read_bytes() == b"".join(parts)
    # Same size, one byte changed in the middle; and one part longer than before.
    changed = [*parts[:2], b"X" * 35_000 + b"Y" + b"X" * 34_999, parts[3]]
    second, names = feeds.release.swap_in(out, [("a.ics", iter(parts)), ("b.ics", iter(changed))])
    assert names == ["a.ics", "b.ics"]
    assert os.path.samefile(first / "a.ics", second / "a.ics")
    assert not os.path.samefile(first / "b.ics", second / "b.ics")
    assert (second / "b.ics").read_bytes() == b"".join(changed)
    third, _ = feeds.release.swap_in(out, [("a.ics", iter([*parts, b"more"])), ("b.ics", iter(changed))])
    assert (third / "a.ics").read_bytes() == b"".join(parts) + b"more"
    assert os.path.samefile(second / "b.ics", third / "b.ics")
    fourth, _ = feeds.release.swap_in(out, [("a.ics", iter(parts)), ("b.ics", iter(changed))])
    assert (fourth / "a.ics").read_bytes() == b"".join(parts)  # the start of the one before: not it
