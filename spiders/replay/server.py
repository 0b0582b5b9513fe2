"""Crawling a snapshot through Scrapy's real HTTP stack.

``ReplayServer`` serves a snapshot on 127.0.0.1: ``GET /<host>/<path>?<query>``
answers with the snapshot's page for ``https://<host>/<path>?<query>``, with
ETag and Last-Modified, conditional requests, and faults that tests inject.

``ReplayDownloadHandler`` is Scrapy's HTTP/1.1 handler that, when a snapshot is
configured, sends each request for a real URL to the replay server instead and
hands back the response under the real URL. Every middleware (robots.txt,
retries, redirects, throttling per site) still sees the real URLs, and stored
items keep them. With no snapshot configured it is the plain HTTP handler.
"""

from __future__ import annotations

import hashlib
import logging
import mimetypes
import socket
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler

from spiders.replay.snapshot import Page, Snapshot, scheme_less
from spiders.replay.warc import WarcArchive, open_snapshot

logger = logging.getLogger(__name__)


@dataclass
class Fault:
    """What the replay server does instead of answering normally.

    ``status``: answer with this HTTP status; ``delay``: wait this many seconds
    first; ``reset``: close the connection without an answer; ``truncate``:
    promise the whole body but send only this many bytes; ``redirect``: answer
    302 to this path (on the same host); ``headers``: extra or replaced headers;
    ``body``: serve these bytes instead of the snapshot's page.
    """

    status: int | None = None
    delay: float = 0.0
    reset: bool = False
    truncate: int | None = None
    redirect: str | None = None
    headers: dict[str, str] | None = None
    body: bytes | None = None


class ReplayServer:
    """A snapshot served on 127.0.0.1 in a background thread."""

    def __init__(self, snapshot: Snapshot | WarcArchive, port: int = 0):
        self.snapshot = snapshot
        self.faults: dict[str, Fault] = {}  # real URL (scheme-less "host/path?query") -> fault
        self.delay = 0.0  # seconds before every answer: a slow site
        self.requests: list[tuple[str, str, int, int]] = []  # (method, target, status, body bytes)
        # (host, arrived, answering) in time.monotonic() seconds, answering being when the
        # answer began to go out: how close together, and how many at once, a site was asked.
        self.visits: list[tuple[str, float, float]] = []
        self._httpd = ThreadingHTTPServer(("127.0.0.1", port), _handler_for(self))
        self._httpd.daemon_threads = True
        self._thread: threading.Thread | None = None

    @property
    def address(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"{host}:{port}"

    def start(self) -> ReplayServer:
        self._thread = threading.Thread(target=self._httpd.serve_forever, name="replay", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def __enter__(self) -> ReplayServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def inject(self, url: str, fault: Fault) -> None:
        """Make requests for ``url`` (any scheme) meet ``fault``."""
        self.faults[scheme_less(url)] = fault


def _handler_for(server: ReplayServer) -> type[BaseHTTPRequestHandler]:
    class Handler(_ReplayRequestHandler):
        replay = server

    return Handler


class _ReplayRequestHandler(BaseHTTPRequestHandler):
    replay: ReplayServer
    protocol_version = "HTTP/1.1"
    server_version = "clusterfeeds-replay"
    # Headers and body go out in two writes; with Nagle's algorithm each answer
    # would wait ~40 ms for the client's delayed ACK.
    disable_nagle_algorithm = True

    def do_GET(self) -> None:
        self._answer(send_body=True)

    def do_POST(self) -> None:
        # Search APIs are POSTs; the snapshot keys their pages by URL alone.
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self._answer(send_body=True)

    def do_HEAD(self) -> None:
        self._answer(send_body=False)

    def log_message(self, format: str, *args) -> None:
        logger.debug("replay: " + format, *args)

    def _answer(self, send_body: bool) -> None:
        arrived = self.answering = time.monotonic()
        try:
            self._answer_page(send_body)
        finally:
            host = self.path.lstrip("/").partition("/")[0]
            self.replay.visits.append((host, arrived, self.answering))

    def _answer_page(self, send_body: bool) -> None:
        target = self.path.lstrip("/")
        host, _, rest = target.partition("/")
        path, _, query = ("/" + rest).partition("?")
        fault = self.replay.faults.get(target)
        time.sleep(self.replay.delay + (fault.delay if fault else 0))
        if fault and fault.reset:
            self._reset()
            return
        if fault and fault.redirect:
            self._send(302, b"", {"Location": fault.redirect}, send_body)
            return
        try:
            page = self.replay.snapshot.page(host, path, query)
        except ValueError:
            self._send(400, b"bad snapshot path", {"Content-Type": "text/plain"}, send_body)
            return
        if fault and fault.body is not None:
            page = Page(fault.body, time.time(), name=page.name if page else "")
        elif page is None:
            self._send(404, b"<h1>Not Found</h1>", {"Content-Type": "text/html"}, send_body)
            return
        body = page.body
        headers = {
            "Content-Type": _content_type(page.name, body),
            "ETag": f'"{hashlib.sha1(body).hexdigest()[:16]}"',
            "Last-Modified": format_datetime(datetime.fromtimestamp(int(page.mtime), UTC), usegmt=True),
            **page.headers,
        }
        headers.update(fault.headers if fault and fault.headers else {})
        status = fault.status if fault and fault.status else page.status
        if status == 200 and fault is None and self._not_modified(headers):
            self._send(304, b"", {"ETag": headers["ETag"]}, send_body=False)
            return
        self._send(status, body, headers, send_body, truncate=fault.truncate if fault else None)

    def _not_modified(self, headers: dict[str, str]) -> bool:
        if etag := self.headers.get("If-None-Match"):
            return headers["ETag"] in [tag.strip() for tag in etag.split(",")]
        return self.headers.get("If-Modified-Since") == headers["Last-Modified"]

    def _send(
        self, status: int, body: bytes, headers: dict[str, str], send_body: bool, truncate: int | None = None
    ) -> None:
        self.answering = time.monotonic()
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.replay.requests.append((self.command, self.path, status, len(body) if send_body else 0))
        if send_body:
            self.wfile.write(body[:truncate] if truncate is not None else body)
        if truncate is not None:
            self.close_connection = True

    def _reset(self) -> None:
        self.answering = time.monotonic()
        # SO_LINGER with a zero timeout makes close() send a TCP RST.
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
        self.replay.requests.append((self.command, self.path, 0, 0))
        self.close_connection = True
        self.connection.close()


def _content_type(file_name: str, body: bytes) -> str:
    name = file_name.partition("@")[0]
    if name == "robots.txt":
        return "text/plain; charset=utf-8"
    guessed, _ = mimetypes.guess_type(name)
    if guessed is None:
        # Pages without an extension: what an API or a feed answers, else HTML.
        start = body.lstrip()[:5]
        guessed = (
            "application/json"
            if start[:1] in (b"{", b"[")
            else "application/xml"
            if start.startswith((b"<?xml", b"<rss"))
            else "text/html"
        )
    return f"{guessed}; charset=utf-8" if guessed.startswith("text/") or "json" in guessed else guessed


class ReplayDownloadHandler(HTTP11DownloadHandler):
    """Scrapy's HTTP/1.1 handler, routed to a replay server when a snapshot is set.

    Settings: ``CLUSTERFEEDS_REPLAY_ADDRESS`` (host:port of a running replay
    server, as tests start one) or ``CLUSTERFEEDS_SNAPSHOT`` (a snapshot folder or WARC file:
    the handler starts its own server for the crawl).
    """

    def __init__(self, crawler):
        super().__init__(crawler)
        self._server: ReplayServer | None = None
        self._address = crawler.settings.get("CLUSTERFEEDS_REPLAY_ADDRESS") or None
        snapshot = crawler.settings.get("CLUSTERFEEDS_SNAPSHOT")
        if not self._address and snapshot:
            self._server = ReplayServer(open_snapshot(Path(snapshot))).start()
            self._address = self._server.address

    async def download_request(self, request):
        if not self._address:
            return await super().download_request(request)
        loopback = request.replace(url=f"http://{self._address}/{scheme_less(request.url)}")
        response = await super().download_request(loopback)
        # replace() copied meta; what the download added (its latency, which
        # AutoThrottle paces the site by) belongs to the real request.
        request.meta.update(loopback.meta)
        return response.replace(url=request.url)

    async def close(self) -> None:
        await super().close()
        if self._server:
            self._server.stop()
