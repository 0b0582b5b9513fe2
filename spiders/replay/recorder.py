"""What a crawl fetched, saved for replay: a snapshot folder and a WARC file.

The ``Recorder`` extension runs when ``CLUSTERFEEDS_RECORD`` names a folder:
each answer the crawl receives goes into the WARC (``<folder>.warc.gz``, a
request and a response record each) and, when it is a page (200), into the
folder at its URL's place (spiders/replay/snapshot.py), under every URL that
redirected to it as well. The folder's snapshot.toml says it was captured today.
"""

from __future__ import annotations

import glob
import io
from datetime import UTC, date, datetime
from http import HTTPStatus
from pathlib import Path
from urllib.parse import urlsplit

from scrapy import signals
from scrapy.exceptions import NotConfigured
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from spiders.replay.snapshot import Snapshot
from spiders.replay.warc import TRANSPORT_HEADERS

SETTING = "CLUSTERFEEDS_RECORD"


def warc_path(folder: Path) -> Path:
    return folder.with_name(folder.name + ".warc.gz")


class Recorder:
    def __init__(self, folder: Path):
        self.snapshot = Snapshot(folder)
        folder.mkdir(parents=True, exist_ok=True)
        self.warc_file = open(warc_path(folder), "wb")
        self.warc = WARCWriter(self.warc_file, gzip=True)
        self.warc.write_record(
            self.warc.create_warcinfo_record(warc_path(folder).name, {"software": "clusterfeeds"})
        )

    @classmethod
    def from_crawler(cls, crawler):
        folder = crawler.settings.get(SETTING)
        if not folder:
            raise NotConfigured
        recorder = cls(Path(folder))
        crawler.signals.connect(recorder.response_received, signal=signals.response_received)
        crawler.signals.connect(recorder.close, signal=signals.engine_stopped)
        return recorder

    def response_received(self, response, request, spider=None) -> None:
        when = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        self.write_warc(request, response, when)
        if response.status == 200:
            for url in [*request.meta.get("redirect_urls", []), response.url]:
                self.write_page(url, response.body)

    def write_warc(self, request, response, when: str) -> None:
        parts = urlsplit(request.url)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        request_headers = [("Host", parts.netloc), *header_list(request.headers)]
        request_record = self.warc.create_warc_record(
            request.url,
            "request",
            payload=io.BytesIO(request.body),
            http_headers=StatusAndHeaders(
                f"{request.method} {target} HTTP/1.1", request_headers, is_http_request=True
            ),
            warc_headers_dict={"WARC-Date": when},
        )
        # The body is kept as the crawl read it: decoded, whole.
        headers = [(n, v) for n, v in header_list(response.headers) if n.lower() not in TRANSPORT_HEADERS]
        headers.append(("Content-Length", str(len(response.body))))
        response_record = self.warc.create_warc_record(
            response.url,
            "response",
            payload=io.BytesIO(response.body),
            http_headers=StatusAndHeaders(
                f"{response.status} {reason(response.status)}", headers, "HTTP/1.1"
            ),
            warc_headers_dict={
                "WARC-Date": when,
                "WARC-Concurrent-To": request_record.rec_headers.get_header("WARC-Record-ID"),
            },
        )
        self.warc.write_record(request_record)
        self.warc.write_record(response_record)

    def write_page(self, url: str, body: bytes) -> None:
        file = self.snapshot.path_for(url)
        for folder in reversed(file.relative_to(self.snapshot.root).parents[:-1]):
            if (self.snapshot.root / folder).is_file():
                page_to_folder(self.snapshot.root / folder)
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_bytes(body)

    def close(self) -> None:
        self.warc_file.close()
        (self.snapshot.root / "snapshot.toml").write_text(
            f"# Recorded by `clusterfeeds record`.\ncaptured = {date.today().isoformat()}\n"
        )


def page_to_folder(page: Path) -> None:
    """``/events`` was a page, and now ``/events/one`` is met: the page and its
    query pages (``events@page=2``) become the folder's index.html."""
    moved = page.with_name(page.name + ".moving")
    moved.mkdir()
    for file in [page, *page.parent.glob(f"{glob.escape(page.name)}@*")]:
        file.rename(moved / ("index.html" + file.name.removeprefix(page.name)))
    moved.rename(page)


def header_list(headers) -> list[tuple[str, str]]:
    return [
        (name.decode("latin-1"), value.decode("latin-1"))
        for name, values in headers.items()
        for value in values
    ]


def reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Unknown"
