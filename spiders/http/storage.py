"""The HTTP cache in one SQLite file per source, beside the database.

Scrapy's file-per-response storage writes six files and two folders for each
page (most of its cost is the kernel's), and its DBM storage takes whichever
DBM module Python was built with (often only the slow `dbm.dumb`). A table
keyed by the request's fingerprint costs one indexed row per page.

What is kept and when it is reused is the policy's business
(spiders/http/cache.py): every page is asked for again with its validators.
"""

from __future__ import annotations

import json
import sqlite3
import time
import zlib
from pathlib import Path

from scrapy.extensions.httpcache import response_from_dict
from scrapy.http import Request, Response
from scrapy.settings import BaseSettings
from scrapy.spiders import Spider
from scrapy.utils.project import data_path

from core.problems import report_problem

SCHEMA = """
create table if not exists responses (
    fingerprint text primary key,
    url text not null,
    status integer not null,
    headers text not null,   -- JSON: [[name, [value, ...]], ...], latin-1 as HTTP sends them
    body blob not null,      -- zlib-compressed when HTTPCACHE_GZIP is on
    compressed integer not null,
    stored real not null
)
"""


def kept_headers_and_body(response: Response, compress: bool) -> tuple[str, bytes]:
    """The response's headers as JSON text and its body, compressed if asked."""
    headers = [
        [name.decode("latin-1"), [value.decode("latin-1") for value in values]]
        for name, values in response.headers.items()
    ]
    return json.dumps(headers), zlib.compress(response.body, 6) if compress else response.body


def cached_response(url: str, status: int, headers: str, body: bytes, compressed: bool) -> Response:
    """The response kept_headers_and_body() kept."""
    return response_from_dict(
        {
            "url": url,
            "status": status,
            "headers": {
                name.encode("latin-1"): [v.encode("latin-1") for v in values]
                for name, values in json.loads(headers)
            },
            "body": zlib.decompress(body) if compressed else body,
        }
    )


class SqliteCacheStorage:
    def __init__(self, settings: BaseSettings):
        self.cachedir = Path(data_path(settings["HTTPCACHE_DIR"], createdir=True))
        self.expiration_secs = settings.getint("HTTPCACHE_EXPIRATION_SECS")
        self.compress = settings.getbool("HTTPCACHE_GZIP")
        self.db: sqlite3.Connection | None = None

    def open_spider(self, spider: Spider) -> None:
        self.db = sqlite3.connect(self.cachedir / f"{spider.name}.sqlite3", isolation_level=None)
        # WAL with NORMAL sync: a crash may lose the last pages stored, which
        # only costs refetching them; it never leaves a torn row.
        self.db.execute("pragma journal_mode=wal")
        self.db.execute("pragma synchronous=normal")
        self.db.execute(SCHEMA)
        self._fingerprinter = spider.crawler.request_fingerprinter
        self.storing = True

    def close_spider(self, spider: Spider) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None

    def retrieve_response(self, spider: Spider, request: Request) -> Response | None:
        row = self.db.execute(
            "select url, status, headers, body, compressed, stored from responses where fingerprint = ?",
            (self._key(request),),
        ).fetchone()
        if row is None:
            return None
        url, status, headers, body, compressed, stored = row
        if 0 < self.expiration_secs < time.time() - stored:
            return None
        request.meta["cache_timestamp"] = stored
        return cached_response(url, status, headers, body, compressed)

    def store_response(self, spider: Spider, request: Request, response: Response) -> None:
        if not self.storing:
            return
        headers, body = kept_headers_and_body(response, self.compress)
        try:
            self._store(request, response.url, response.status, headers, body)
        except sqlite3.Error as error:
            # A cache that cannot be written (a full disk) costs the next run
            # full downloads; it must not cost this run its pages.
            self.storing = False
            report_problem(
                spider.crawler,
                spider.name,
                response.url,
                "http cache",
                f"cannot store pages in {self.cachedir}: {error}; crawling on without caching",
            )

    def _store(self, request: Request, url: str, status: int, headers: str, body: bytes) -> None:
        self.db.execute(
            "insert or replace into responses values (?, ?, ?, ?, ?, ?, ?)",
            (
                self._key(request),
                url,
                status,
                headers,
                body,
                int(self.compress),
                time.time(),
            ),
        )

    def _key(self, request: Request) -> str:
        return self._fingerprinter.fingerprint(request).hex()
