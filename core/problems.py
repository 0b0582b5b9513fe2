"""Reporting a problem with a page or a field: logged, and stored by the store
pipeline in the `problems` table, naming source, URL and field."""

from __future__ import annotations

import logging

logger = logging.getLogger("clusterfeeds")

# A Scrapy signal, sent with (source, url, field, message).
problem_found = object()


def report_problem(crawler, source: str, url: str, field: str, message: str) -> None:
    logger.warning("%s: %s: %s: %s", source, url, field, message)
    crawler.signals.send_catch_log(problem_found, source=source, url=url, field=field, message=message)
