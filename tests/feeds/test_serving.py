"""The published link served by `clusterfeeds serve`: new releases show at once,
and a file a release did not change keeps its ETag, so polling clients get 304.
Idle connections are closed, connections past the cap turned away, folders
never listed."""

import socket
import threading
import time
import urllib.error
import urllib.request
from contextlib import contextmanager

import pytest
from feed_rows import AS_OF, BASE_URL

from aggregator.serve import make_server
from feeds.publish import publish


@contextmanager
def serving(folder, **limits):
    server = make_server(folder, port=0, **limits)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def served(published):
    with serving(published) as url:
        yield url


def get(url, headers=None):
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers or {})) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, b""


@pytest.mark.parametrize(
    "name, content_type",
    [
        ("events.rss", "application/rss+xml"),
        ("calls.atom", "application/atom+xml"),
        ("country/no/events.json", "application/feed+json"),
        ("topic/green/events.ics", "text/calendar"),
        ("", "text/html"),
        ("feeds.html", "text/html"),
        ("page.js", "text/javascript"),
        ("style.css", "text/css"),
    ],
)
def test_every_kind_of_file_has_its_content_type(served, name, content_type):
    status, headers, body = get(served + name)
    assert status == 200 and body
    assert headers["Content-Type"] == f"{content_type}; charset=utf-8"


def test_a_republish_keeps_etags_of_unchanged_files_and_serves_changed_ones(served, feed_db, published):
    _, rss_headers, _ = get(served + "country/no/events.rss")
    _, calls_headers, old_calls = get(served + "calls.rss")
    feed_db["items"].update(
        "call-hostile", {"title": "R&D vouchers 2027", "updated": "2026-11-16T07:00:00+01:00"}
    )
    publish(feed_db, published, AS_OF, BASE_URL)
    assert get(served + "country/no/events.rss", {"If-None-Match": rss_headers["ETag"]})[0] == 304
    status, headers, body = get(served + "calls.rss", {"If-None-Match": calls_headers["ETag"]})
    assert status == 200 and headers["ETag"] != calls_headers["ETag"]
    assert b"R&amp;D vouchers 2027" in body and body != old_calls


@pytest.fixture
def plain_folder(tmp_path):
    (tmp_path / "events.ics").write_text("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
    (tmp_path / "events.rss").write_text("<rss/>")
    (tmp_path / "index.html").write_text("<html></html>")
    with serving(tmp_path) as url:
        yield url


def test_conditional_requests_get_304_by_etag_or_date(plain_folder):
    status, headers, body = get(plain_folder + "events.ics")
    assert status == 200 and body.startswith(b"BEGIN:VCALENDAR")
    assert get(plain_folder + "events.ics", {"If-None-Match": headers["ETag"]})[0] == 304
    assert get(plain_folder + "events.ics", {"If-Modified-Since": headers["Last-Modified"]})[0] == 304
    assert get(plain_folder + "events.ics", {"If-None-Match": '"stale"'})[0] == 200


def test_missing_files_are_404(plain_folder):
    assert get(plain_folder + "nope.rss")[0] == 404


def test_refuses_a_folder_that_does_not_exist(tmp_path):
    with pytest.raises(FileNotFoundError, match="nothing published"):
        make_server(tmp_path / "missing", port=0)


def test_a_folder_without_index_is_404_not_a_listing(plain_folder, tmp_path):
    (tmp_path / "country" / "no").mkdir(parents=True)
    (tmp_path / "country" / "no" / "events.rss").write_text("<rss/>")
    for path in ("country/", "country/no/", "country"):
        status, _, body = get(plain_folder + path)
        assert status == 404 and b"events.rss" not in body, path
    assert get(plain_folder + "country/no/events.rss")[0] == 200


def test_a_folder_with_an_index_serves_it(plain_folder, tmp_path):
    (tmp_path / "topic").mkdir()
    (tmp_path / "topic" / "index.html").write_text("<html>topics</html>")
    status, headers, body = get(plain_folder + "topic/")
    assert (status, body) == (200, b"<html>topics</html>")
    assert get(plain_folder + "")[2] == b"<html></html>"


def connect(url):
    host, port = url.split("//")[1].rstrip("/").split(":")
    return socket.create_connection((host, int(port)), timeout=10)


def test_an_idle_connection_is_closed_after_the_timeout(tmp_path):
    (tmp_path / "events.rss").write_text("<rss/>")
    with serving(tmp_path, idle_timeout=0.5) as url:
        idle = connect(url)
        assert idle.recv(1024) == b""  # closed by the server, well before our 10 s
        half = connect(url)
        half.sendall(b"GET /events.rss HTTP/1.1\r\nHost: x\r\n")  # never finished
        assert half.recv(1024) == b""
        assert get(url + "events.rss")[0] == 200


def test_connections_past_the_cap_get_503_and_the_slots_come_back(tmp_path):
    (tmp_path / "events.rss").write_text("<rss/>")
    with serving(tmp_path, idle_timeout=30, max_connections=2) as url:
        holders = [connect(url), connect(url)]
        status, headers, _ = get(url + "events.rss")
        assert status == 503 and headers["Retry-After"]
        for holder in holders:
            holder.sendall(b"GET /events.rss HTTP/1.0\r\n\r\n")
            assert holder.recv(1024).startswith(b"HTTP/1.0 200")
            holder.close()
        # Each slot is given back as its thread ends, just after the answer.
        for _ in range(100):
            status = get(url + "events.rss")[0]
            if status == 200:
                break
            time.sleep(0.05)
        assert status == 200


def test_the_command_refuses_limits_that_make_no_sense(tmp_path, capsys):
    from aggregator.cli import main

    with pytest.raises(SystemExit) as exit:
        main(["serve", "--out", str(tmp_path), "--max-connections", "0", "--port", "0"])
    assert exit.value.code == 2 and "--max-connections" in capsys.readouterr().err
