"""Crawl sources into the database: the work behind `crawl`, `run` and `demo`.

All sources crawl side by side in one Scrapy process; each writes its own row
in `crawls`. Scrapy's reactor runs once per process, so a caller that needs
several crawls (tests) runs each in a process of its own.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from scrapy.crawler import CrawlerProcess

from aggregator import db as database
from aggregator.sources import project_settings, select_sources


@dataclass(frozen=True)
class CrawlJob:
    db: Path
    as_of: date | None = None
    snapshot: Path | None = None        # crawl this snapshot instead of the live sites
    replay_address: str | None = None   # or a replay server that is already running
    log_level: str = "WARNING"
    log_file: Path | None = None
    progress: bool = False              # a status line on the terminal
    settings: dict = field(default_factory=dict)  # more Scrapy settings (tests, benchmarks)


def crawl(job: CrawlJob, names: list[str] | None = None) -> list[dict]:
    """Crawl the named sources (all by default); return this run's `crawls` rows."""
    spiders = select_sources(names)
    db = database.connect(job.db)
    last_id = db.execute("select coalesce(max(id), 0) from crawls").fetchone()[0]
    db.close()
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
    process = CrawlerProcess(settings)
    for spider in spiders:
        process.crawl(spider)
    process.start()
    if job.progress:
        print(file=sys.stderr)
    db = database.connect(job.db)
    try:
        return list(db.query("select * from crawls where id > ? order by source", [last_id]))
    finally:
        db.close()
