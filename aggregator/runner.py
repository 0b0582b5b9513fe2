"""Crawl sources into the database: the work behind `crawl`, `run` and `demo`.

All sources crawl side by side in one Scrapy process; each writes its own row
in `crawls`. Scrapy's reactor runs once per process, so a caller that needs
several crawls (tests) runs each in a process of its own.
"""

from __future__ import annotations

import signal
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from scrapy.crawler import CrawlerProcess

from aggregator.commands.failures import Interrupted
from aggregator.sources import project_settings, select_sources
from core import db as database


@dataclass(frozen=True)
class CrawlJob:
    db: Path
    as_of: date | None = None
    snapshot: Path | None = None  # crawl this snapshot instead of the live sites
    replay_address: str | None = None  # or a replay server that is already running
    log_level: str = "WARNING"
    log_file: Path | None = None
    progress: bool = False  # a status line on the terminal
    settings: dict = field(default_factory=dict)  # more Scrapy settings (tests, benchmarks)


class _StopAwareProcess(CrawlerProcess):
    """Scrapy's process, remembering the signal that asked it to stop."""

    stopped_by: int | None = None

    def _signal_shutdown(self, signum: int, frame) -> None:
        self.stopped_by = signum
        super()._signal_shutdown(signum, frame)


def crawl(job: CrawlJob, names: list[str] | None = None, spider_of=None) -> list[dict]:
    """Crawl the named sources (all by default); return this run's `crawls` rows.
    Interrupted if a signal stopped it. ``spider_of`` gives the spider class to
    run for a source's (the Redis writer's and workers' own)."""
    spiders = select_sources(names)
    settings = project_settings(
        CLUSTERFEEDS_DB=str(job.db),
        CLUSTERFEEDS_AS_OF=job.as_of.isoformat() if job.as_of else None,
        CLUSTERFEEDS_SNAPSHOT=str(job.snapshot) if job.snapshot else None,
        CLUSTERFEEDS_REPLAY_ADDRESS=job.replay_address,
        HTTPCACHE_DIR=str(job.db.resolve().with_name(job.db.name + ".httpcache")),
        LOG_LEVEL=job.log_level,
        LOG_FILE=str(job.log_file) if job.log_file else None,
        CLUSTERFEEDS_PROGRESS=job.progress,
        **job.settings,
    )
    # Scrapy installs its own handlers and leaves Python's defaults behind; the
    # command's own (aggregator/cli.py) must hold again for what follows the crawl.
    handlers = {signum: signal.getsignal(signum) for signum in (signal.SIGINT, signal.SIGTERM)}
    process = _StopAwareProcess(settings)
    crawlers = [process.create_crawler(spider_of(spider) if spider_of else spider) for spider in spiders]
    for crawler in crawlers:
        process.crawl(crawler)
    try:
        process.start()
    finally:
        for signum, handler in handlers.items():
            signal.signal(signum, handler)
    if job.progress:
        print(file=sys.stderr)
    crawls = _crawl_rows(job.db, crawlers)
    if process.stopped_by:
        raise Interrupted(process.stopped_by, crawls)
    return crawls


def _crawl_rows(path: Path, crawlers) -> list[dict]:
    """Each crawler's row in `crawls`. Where the store could not write its
    outcome (the database failed), or not even start its row, the outcome it
    kept in the crawl's stats stands in."""
    db = database.connect(path)
    try:
        rows = []
        for crawler in crawlers:
            stats = crawler.stats
            crawl_id = stats.get_value("clusterfeeds/crawl_id")
            row = (
                db["crawls"].get(crawl_id)
                if crawl_id
                else {**dict.fromkeys(database.CRAWL_COLUMNS), "source": crawler.spidercls.name}
            )
            if row["outcome"] in (None, "running"):
                row = {
                    **row,
                    "outcome": stats.get_value("clusterfeeds/outcome", "interrupted"),
                    "message": stats.get_value("clusterfeeds/message")
                    or f"ended without an outcome: {stats.get_value('finish_reason')}",
                }
            rows.append(row)
        return sorted(rows, key=lambda row: row["source"])
    finally:
        db.close()
