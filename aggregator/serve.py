"""Serving the published folder: feed content types, ETag and Last-Modified,
and 304 answers to conditional requests, so that feed readers and calendar
apps polling every few minutes cost almost nothing.

Each connection has a thread, so an idle one is closed after a timeout and
connections past a cap are turned away with a 503; folders are never listed."""

from __future__ import annotations

import hashlib
import os
import socket
import threading
from email.utils import formatdate, parsedate_to_datetime
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

CONTENT_TYPES = {
    ".rss": "application/rss+xml; charset=utf-8",
    ".atom": "application/atom+xml; charset=utf-8",
    ".ics": "text/calendar; charset=utf-8",
    ".json": "application/feed+json; charset=utf-8",
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
}


IDLE_TIMEOUT = 30  # seconds a connection may send nothing
MAX_CONNECTIONS = 64
BUSY = b"HTTP/1.0 503 Service Unavailable\r\nRetry-After: 5\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"


class FeedRequestHandler(SimpleHTTPRequestHandler):
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, **CONTENT_TYPES}

    def __init__(self, *args, idle_timeout: float = IDLE_TIMEOUT, **kwargs):
        self.timeout = idle_timeout  # read by setup(), which the base __init__ calls
        super().__init__(*args, **kwargs)

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            return super().send_head()
        stat = path.stat()
        etag = f'"{hashlib.sha1(f"{stat.st_mtime_ns}-{stat.st_size}".encode()).hexdigest()[:16]}"'
        if self._not_modified(etag, stat.st_mtime):
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return None
        file = open(path, "rb")
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Length", str(stat.st_size))
        self.send_header("Last-Modified", formatdate(stat.st_mtime, usegmt=True))
        self.send_header("ETag", etag)
        self.send_header("Cache-Control", "max-age=300")
        self.end_headers()
        return file

    def list_directory(self, path):
        self.send_error(404, "File not found")
        return None

    def _not_modified(self, etag: str, mtime: float) -> bool:
        if match := self.headers.get("If-None-Match"):
            return etag in [tag.strip() for tag in match.split(",")] or match.strip() == "*"
        if since := self.headers.get("If-Modified-Since"):
            try:
                return int(mtime) <= parsedate_to_datetime(since).timestamp()
            except (TypeError, ValueError):
                return False
        return False


class FeedServer(ThreadingHTTPServer):
    """A thread per connection, at most ``max_connections`` of them."""

    daemon_threads = True

    def __init__(self, address, handler, max_connections: int):
        super().__init__(address, handler)
        self.slots = threading.BoundedSemaphore(max_connections)

    def process_request(self, request, client_address):
        if not self.slots.acquire(blocking=False):
            self._turn_away(request)
            return
        try:
            super().process_request(request, client_address)
        except BaseException:
            self.slots.release()
            raise

    def process_request_thread(self, request, client_address):
        try:
            super().process_request_thread(request, client_address)
        finally:
            self.slots.release()

    def _turn_away(self, request: socket.socket) -> None:
        try:
            request.settimeout(1)  # never let one client stall the accepting thread
            request.sendall(BUSY)
        except OSError:
            pass
        self.shutdown_request(request)


def make_server(
    folder: Path,
    host: str = "127.0.0.1",
    port: int = 8000,
    idle_timeout: float = IDLE_TIMEOUT,
    max_connections: int = MAX_CONNECTIONS,
) -> FeedServer:
    if not folder.is_dir():
        raise FileNotFoundError(f"nothing published at {folder} (run `clusterfeeds publish`)")
    handler = partial(FeedRequestHandler, directory=os.fspath(folder), idle_timeout=idle_timeout)
    return FeedServer((host, port), handler, max_connections)
