"""A WARC made elsewhere, replayed: each response's body and headers at its URL."""

import gzip
import io
import urllib.error
import urllib.request

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from spiders.replay.server import ReplayServer
from spiders.replay.warc import WarcArchive, open_snapshot

LISTING = b'<html><body><a href="/agenda/day-of-clusters">Day of clusters</a></body></html>'
EVENT = b"<html><head><title>Day of clusters</title></head><body><p>12 March 2027</p></body></html>"
PDF = b"%PDF-1.4 a programme of two pages"


def chunked(body: bytes) -> bytes:
    half = len(body) // 2
    return b"".join(b"%x\r\n%s\r\n" % (len(part), part) for part in (body[:half], body[half:])) + b"0\r\n\r\n"


def write_pair(writer, url, status, headers, payload, when):
    """A request record and its response, as wget writes them."""
    path = url.split("/", 3)[3]
    request = writer.create_warc_record(
        url,
        "request",
        payload=io.BytesIO(b""),
        http_headers=StatusAndHeaders(
            f"GET /{path} HTTP/1.1", [("Host", url.split("/")[2])], is_http_request=True
        ),
        warc_headers_dict={"WARC-Date": when},
    )
    response = writer.create_warc_record(
        url,
        "response",
        payload=io.BytesIO(payload),
        http_headers=StatusAndHeaders(status, headers, protocol="HTTP/1.1"),
        warc_headers_dict={"WARC-Date": when},
    )
    writer.write_record(request)
    writer.write_record(response)
    return response


@pytest.fixture
def wget_style_warc(tmp_path):
    path = tmp_path / "site.warc.gz"
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        writer.write_record(writer.create_warcinfo_record("site.warc.gz", {"software": "a test"}))
        write_pair(
            writer,
            "https://clusters.example.eu/agenda/",
            "200 OK",
            [
                ("Content-Type", "text/html; charset=utf-8"),
                ("Transfer-Encoding", "chunked"),
                ("ETag", '"v1"'),
            ],
            chunked(LISTING),
            "2026-11-20T08:00:00Z",
        )
        original = write_pair(
            writer,
            "https://clusters.example.eu/agenda/day-of-clusters",
            "200 OK",
            [
                ("Content-Type", "text/html"),
                ("Content-Encoding", "gzip"),
                ("Last-Modified", "Fri, 13 Nov 2026 10:00:00 GMT"),
            ],
            gzip.compress(EVENT),
            "2026-11-20T08:00:01Z",
        )
        write_pair(
            writer,
            "https://clusters.example.eu/files/programme.pdf",
            "200 OK",
            [("Content-Type", "application/pdf"), ("Content-Length", str(len(PDF)))],
            PDF,
            "2026-11-20T08:00:02Z",
        )
        # The same page met again under a query string: the body is the earlier one's.
        writer.write_record(
            writer.create_revisit_record(
                "https://clusters.example.eu/agenda/day-of-clusters?lang=en",
                original.rec_headers.get_header("WARC-Payload-Digest"),
                "https://clusters.example.eu/agenda/day-of-clusters",
                "2026-11-20T08:00:01Z",
                http_headers=StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1"),
                warc_headers_dict={"WARC-Date": "2026-11-20T08:00:03Z"},
            )
        )
        # A revisit may carry no HTTP headers at all: the earlier answer's stand.
        writer.write_record(
            writer.create_revisit_record(
                "https://clusters.example.eu/agenda/day-of-clusters?lang=da",
                original.rec_headers.get_header("WARC-Payload-Digest"),
                "https://clusters.example.eu/agenda/day-of-clusters",
                "2026-11-20T08:00:01Z",
                warc_headers_dict={"WARC-Date": "2026-11-20T08:00:04Z"},
            )
        )
    return path


def fetch(server, target):
    try:
        with urllib.request.urlopen(f"http://{server.address}/{target}", timeout=5) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def test_serves_each_response_decoded_with_its_headers(wget_style_warc):
    archive = open_snapshot(wget_style_warc)
    assert isinstance(archive, WarcArchive) and archive.captured.isoformat() == "2026-11-20"
    with ReplayServer(archive) as server:
        status, headers, body = fetch(server, "clusters.example.eu/agenda/")
        assert (status, body, headers["ETag"]) == (200, LISTING, '"v1"')
        assert "Transfer-Encoding" not in headers and headers["Content-Length"] == str(len(LISTING))
        status, headers, body = fetch(server, "clusters.example.eu/agenda/day-of-clusters")
        assert (status, body) == (200, EVENT) and "Content-Encoding" not in headers
        assert headers["Last-Modified"] == "Fri, 13 Nov 2026 10:00:00 GMT"
        status, headers, body = fetch(server, "clusters.example.eu/files/programme.pdf")
        assert (status, headers["Content-Type"], body) == (200, "application/pdf", PDF)
        assert fetch(server, "clusters.example.eu/agenda/day-of-clusters?lang=en")[2] == EVENT
        status, headers, body = fetch(server, "clusters.example.eu/agenda/day-of-clusters?lang=da")
        assert (status, body, headers["Last-Modified"]) == (200, EVENT, "Fri, 13 Nov 2026 10:00:00 GMT")
        assert fetch(server, "clusters.example.eu/agenda/missing")[0] == 404


def test_request_and_warcinfo_records_are_not_pages(wget_style_warc):
    assert sorted(WarcArchive.read(wget_style_warc).pages_by_url) == [
        "clusters.example.eu/agenda/",
        "clusters.example.eu/agenda/day-of-clusters",
        "clusters.example.eu/agenda/day-of-clusters?lang=da",
        "clusters.example.eu/agenda/day-of-clusters?lang=en",
        "clusters.example.eu/files/programme.pdf",
    ]
