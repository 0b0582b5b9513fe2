"""Serving the published folder: feed content types, ETag and Last-Modified,
and 304 answers to conditional requests, so that feed readers and calendar
apps polling every few minutes cost almost nothing."""

from __future__ import annotations

import hashlib
import os
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


class FeedRequestHandler(SimpleHTTPRequestHandler):
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, **CONTENT_TYPES}

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            return super().send_head()
        stat = path.stat()
        etag = '"%s"' % hashlib.sha1(f"{stat.st_mtime_ns}-{stat.st_size}".encode()).hexdigest()[:16]
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

    def _not_modified(self, etag: str, mtime: float) -> bool:
        if match := self.headers.get("If-None-Match"):
            return etag in [tag.strip() for tag in match.split(",")] or match.strip() == "*"
        if since := self.headers.get("If-Modified-Since"):
            try:
                return int(mtime) <= parsedate_to_datetime(since).timestamp()
            except (TypeError, ValueError):
                return False
        return False


def make_server(folder: Path, host: str = "127.0.0.1", port: int = 8000) -> ThreadingHTTPServer:
    if not folder.is_dir():
        raise FileNotFoundError(f"nothing published at {folder} (run `clusterfeeds publish`)")
    handler = partial(FeedRequestHandler, directory=os.fspath(folder))
    return ThreadingHTTPServer((host, port), handler)
