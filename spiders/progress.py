"""On a terminal, one status line that follows every source's crawl:
pages fetched, items found, problems met."""

from __future__ import annotations

import shutil
import sys
import time

from scrapy import signals
from scrapy.exceptions import NotConfigured

from core.problems import problem_found


class Progress:
    # Shared by the crawlers of one process: all sources on one line.
    board: dict[str, list[int]] = {}
    last_drawn = 0.0

    def __init__(self, crawler):
        self.crawler = crawler
        for handler, signal in (
            (self.on_page, signals.response_received),
            (self.on_item, signals.item_scraped),
            (self.on_problem, problem_found),
            (self.on_closed, signals.spider_closed),
        ):
            crawler.signals.connect(handler, signal=signal)

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.getbool("CLUSTERFEEDS_PROGRESS"):
            raise NotConfigured
        return cls(crawler)

    def _count(self, column: int) -> None:
        counts = self.board.setdefault(self.crawler.spider.name, [0, 0, 0])
        counts[column] += 1
        if time.monotonic() - Progress.last_drawn > 0.2:
            self.draw()

    def on_page(self, **_) -> None:
        self._count(0)

    def on_item(self, **_) -> None:
        self._count(1)

    def on_problem(self, **_) -> None:
        self._count(2)

    def on_closed(self, **_) -> None:
        self.draw()

    @classmethod
    def draw(cls) -> None:
        cls.last_drawn = time.monotonic()
        line = " · ".join(f"{name} {p}p {i}i {e}e" for name, (p, i, e) in sorted(cls.board.items()))
        width = shutil.get_terminal_size().columns - 1
        sys.stderr.write("\r" + line[:width].ljust(width))
        sys.stderr.flush()
