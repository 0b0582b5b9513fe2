"""A WARC file as a snapshot: its responses served at their URLs.

Reads WARCs as wget (``--warc-file``), warcio and ``clusterfeeds record`` write
them: warcinfo, request and response records; bodies chunked or gzipped as the
site sent them (served decoded); revisit records (an answer identical to an
earlier one) served with the earlier answer's body. Other records are skipped.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator

from spiders.replay.snapshot import Page, Snapshot, scheme_less

SUFFIXES = (".warc", ".warc.gz")
# How the site sent the body, not what it is: the body is served decoded and whole.
TRANSPORT_HEADERS = {"content-encoding", "transfer-encoding", "content-length", "connection", "keep-alive"}
# The spellings the replay server looks headers up by.
CANONICAL = {"etag": "ETag", "last-modified": "Last-Modified", "content-type": "Content-Type"}


def is_warc(path: Path) -> bool:
    return path.name.endswith(SUFFIXES)


@dataclass(frozen=True)
class WarcArchive:
    path: Path
    pages_by_url: dict[str, Page]  # scheme-less "host/path?query" -> page
    captured: date  # the day of its first answer

    @classmethod
    def read(cls, path: Path) -> WarcArchive:
        pages: dict[str, Page] = {}
        by_digest: dict[str, Page] = {}
        revisits = []
        first_date = None
        with open(path, "rb") as stream:
            for record in ArchiveIterator(stream):
                when = datetime.fromisoformat(
                    record.rec_headers.get_header("WARC-Date").replace("Z", "+00:00")
                )
                kind = record.rec_type
                # A response without HTTP headers is no web page (Heritrix's dns: records);
                # a revisit may have none, and takes the earlier answer's.
                if kind not in ("response", "revisit") or (kind == "response" and not record.http_headers):
                    continue
                first_date = min(first_date or when, when)
                url = record.rec_headers.get_header("WARC-Target-URI").strip("<>")
                http = record.http_headers
                page = Page(
                    body=record.content_stream().read(),
                    mtime=when.timestamp(),
                    status=int(http.get_statuscode() or 200) if http else 200,
                    headers=served_headers(http.headers if http else []),
                    name=urlsplit(url).path.rsplit("/", 1)[-1],
                )
                digest = record.rec_headers.get_header("WARC-Payload-Digest")
                if kind == "revisit":
                    refers_to = record.rec_headers.get_header("WARC-Refers-To-Target-URI") or url
                    revisits.append((url, page, digest, refers_to.strip("<>")))
                    continue
                pages[scheme_less(url)] = page
                if digest:
                    by_digest.setdefault(digest, page)
        for url, page, digest, refers_to in revisits:
            earlier = by_digest.get(digest) or pages.get(scheme_less(refers_to))
            if earlier is not None:
                pages[scheme_less(url)] = replace(
                    earlier, mtime=page.mtime, headers={**earlier.headers, **page.headers}
                )
        return cls(path, pages, (first_date or datetime.now()).date())

    def page(self, host: str, path: str, query: str = "") -> Page | None:
        return self.pages_by_url.get(f"{host}{path or '/'}" + (f"?{query}" if query else ""))


def served_headers(headers: list[tuple[str, str]]) -> dict[str, str]:
    return {
        CANONICAL.get(name.lower(), name): value
        for name, value in headers
        if name.lower() not in TRANSPORT_HEADERS
    }


def open_snapshot(path: Path) -> Snapshot | WarcArchive:
    """A snapshot folder, or a WARC file read as one."""
    return WarcArchive.read(path) if is_warc(path) else Snapshot(path)
