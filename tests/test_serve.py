"""`clusterfeeds serve`: content types, validators, conditional requests."""

import threading
import urllib.error
import urllib.request

import pytest

from aggregator.serve import make_server


@pytest.fixture
def served(tmp_path):
    (tmp_path / "events.ics").write_text("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
    (tmp_path / "events.rss").write_text("<rss/>")
    (tmp_path / "index.html").write_text("<html></html>")
    server = make_server(tmp_path, port=0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def get(url, headers=None):
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers or {})) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, b""


def test_feed_content_types(served):
    assert get(served + "/events.ics")[1]["Content-Type"] == "text/calendar; charset=utf-8"
    assert get(served + "/events.rss")[1]["Content-Type"] == "application/rss+xml; charset=utf-8"
    assert get(served + "/")[1]["Content-Type"] == "text/html; charset=utf-8"


def test_conditional_requests_get_304(served):
    status, headers, body = get(served + "/events.ics")
    assert status == 200 and body.startswith(b"BEGIN:VCALENDAR")
    assert get(served + "/events.ics", {"If-None-Match": headers["ETag"]})[0] == 304
    assert get(served + "/events.ics", {"If-Modified-Since": headers["Last-Modified"]})[0] == 304
    assert get(served + "/events.ics", {"If-None-Match": '"stale"'})[0] == 200


def test_missing_files_are_404(served):
    assert get(served + "/nope.rss")[0] == 404


def test_refuses_a_folder_that_does_not_exist(tmp_path):
    with pytest.raises(FileNotFoundError, match="nothing published"):
        make_server(tmp_path / "missing", port=0)
