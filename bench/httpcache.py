"""The HTTP cache's cost per page: Scrapy's file-per-response storage (the
baseline) against spiders/http/storage.py's SQLite storage, in the same run.

    .venv/bin/python bench/httpcache.py [--pages 1000]

Stores then retrieves PAGES pages of about 21 kB (HTTPCACHE_GZIP on, as the
project sets it) and prints ms per store and per lookup, and bytes on disk per
page (files as the file system allocates them)."""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scrapy import Spider  # noqa: E402
from scrapy.extensions.httpcache import FilesystemCacheStorage  # noqa: E402
from scrapy.http import HtmlResponse, Request  # noqa: E402
from scrapy.utils.test import get_crawler  # noqa: E402

from spiders.http.storage import SqliteCacheStorage  # noqa: E402

WORDS = "cluster call deadline matchmaking innovation webinar Kaunas Gdańsk frist termin rok".split()


def pages(count: int) -> list[tuple[Request, HtmlResponse]]:
    rng = random.Random(7)
    made = []
    for n in range(count):
        text = " ".join(rng.choice(WORDS) for _ in range(2600))
        url = f"https://www.example.eu/event-calendar/event-{n}"
        made.append(
            (
                Request(url),
                HtmlResponse(
                    url,
                    headers={"Content-Type": "text/html; charset=utf-8", "ETag": f'"{n}"'},
                    body=f"<html><body><h1>Event {n}</h1><p>{text}</p></body></html>".encode(),
                ),
            )
        )
    return made


def disk_bytes(folder: Path) -> int:
    return sum(os.stat(path).st_blocks * 512 for path in folder.rglob("*") if path.is_file())


def measure(storage_class, folder: Path, made) -> tuple[float, float, int]:
    crawler = get_crawler(Spider, {"HTTPCACHE_DIR": str(folder), "HTTPCACHE_GZIP": True})
    spider = Spider.from_crawler(crawler, name="bench")
    storage = storage_class(crawler.settings)
    storage.open_spider(spider)
    began = time.perf_counter()
    for request, response in made:
        storage.store_response(spider, request, response)
    stored = time.perf_counter() - began
    began = time.perf_counter()
    for request, response in made:
        assert storage.retrieve_response(spider, request.copy()).body == response.body
    retrieved = time.perf_counter() - began
    storage.close_spider(spider)
    return stored, retrieved, disk_bytes(folder)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000)
    count = parser.parse_args().pages
    made = pages(count)
    print(f"{'storage':34} {'store ms/page':>14} {'lookup ms/page':>15} {'disk B/page':>12}")
    figures = {}
    for name, storage_class in (
        ("file per response (Scrapy, baseline)", FilesystemCacheStorage),
        ("SQLite (clusterfeeds)", SqliteCacheStorage),
    ):
        with tempfile.TemporaryDirectory() as folder:
            stored, retrieved, size = measure(storage_class, Path(folder), made)
        figures[name] = (stored, retrieved, size)
        print(
            f"{name:34} {stored / count * 1000:14.3f} {retrieved / count * 1000:15.3f} {size / count:12.0f}"
        )
    (base_store, base_lookup, base_size), (store, lookup, size) = figures.values()
    print(
        f"SQLite / file per response: store {store / base_store:.2f}, lookup {lookup / base_lookup:.2f}, "
        f"disk {size / base_size:.2f}"
    )


if __name__ == "__main__":
    main()
