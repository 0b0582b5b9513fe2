"""Where a snapshot keeps the page of a URL.

A snapshot is a folder with one sub-folder per host, holding each page at its
URL path: ``https://host/a/b`` is ``host/a/b``; a path ending in ``/`` (or naming
a folder) is ``index.html`` inside it; a query string is kept after an ``@``:
``/search-results?type=x&page=1`` is ``search-results@type=x&page=1``.
The scheme is not kept: a snapshot answers for http and https alike.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import unquote, urlsplit


@dataclass(frozen=True)
class Page:
    """What the replay server answers for a URL: ``headers`` are the archived
    answer's own (a WARC keeps them; a folder keeps none), ``mtime`` when it was
    captured (seconds since the epoch)."""

    body: bytes
    mtime: float
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    name: str = ""  # the file name, which tells the content type where no header does


@dataclass(frozen=True)
class Snapshot:
    root: Path

    @property
    def captured(self) -> date:
        """The date the snapshot's pages were captured (written as of)."""
        with open(self.root / "snapshot.toml", "rb") as f:
            return tomllib.load(f)["captured"]

    def path_for(self, url: str) -> Path:
        """The file holding the page of ``url`` (it may not exist)."""
        parts = urlsplit(url)
        return self.path_for_host_path(parts.hostname or "", parts.path, parts.query)

    def path_for_host_path(self, host: str, path: str, query: str = "") -> Path:
        relative = unquote(path).lstrip("/")
        if ".." in Path(relative).parts or host in ("", ".", ".."):
            raise ValueError(f"not a snapshot path: {host!r} {path!r}")
        target = self.root / host / relative
        if not relative or path.endswith("/") or target.is_dir():
            target = target / "index.html"
        if query:
            target = target.with_name(f"{target.name}@{unquote(query)}")
        return target

    def page(self, host: str, path: str, query: str = "") -> Page | None:
        """The page kept for the URL, or None; ValueError for a path outside the snapshot."""
        file = self.path_for_host_path(host, path, query)
        if not file.is_file():
            return None
        return Page(file.read_bytes(), file.stat().st_mtime, name=file.name)

    def pages(self, host: str, folder_slash: bool = True) -> list[str]:
        """The https URL of every page kept for ``host`` (robots.txt aside): the
        inverse of path_for. A folder's page is ``/folder/``, or ``/folder`` for a
        site whose folder URLs have no trailing slash (``folder_slash=False``)."""
        root = self.root / host
        urls = []
        for file in sorted(root.rglob("*")):
            if not file.is_file() or file.relative_to(root).as_posix() == "robots.txt":
                continue
            path, _, query = ("/" + file.relative_to(root).as_posix()).partition("@")
            if path.endswith("/index.html"):
                path = path.removesuffix("index.html")
                if not folder_slash and path != "/":
                    path = path.rstrip("/")
            urls.append(f"https://{host}{path}" + (f"?{query}" if query else ""))
        return urls

    def read(self, url: str) -> str:
        return self.path_for(url).read_text(encoding="utf-8")


def scheme_less(url: str) -> str:
    """``url`` as the replay server is asked for it: ``host/path?query``."""
    parts = urlsplit(url)
    return f"{parts.netloc}{parts.path or '/'}" + (f"?{parts.query}" if parts.query else "")
