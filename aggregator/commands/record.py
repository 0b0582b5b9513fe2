"""``clusterfeeds record SOURCE --out PATH``: crawl a source and keep what it fetched."""

from __future__ import annotations

import argparse
import dataclasses
import tempfile
from pathlib import Path

from aggregator.commands.common import add_crawl_options, crawl_job, report_crawls, usage_error
from aggregator.runner import crawl
from aggregator.sources import project_settings
from spiders.replay.recorder import SETTING, warc_path

HELP = (
    "Crawl one source as `crawl` does and save every page it fetched as a snapshot "
    "folder (PATH) and a WARC file (PATH.warc.gz), for `--snapshot` to replay."
)
RECORDER = "spiders.replay.recorder.Recorder"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", metavar="SOURCE", help="the source's name (see `sources`)")
    parser.add_argument(
        "--out", type=Path, required=True, metavar="PATH", help="the snapshot folder to write"
    )
    parser.add_argument(
        "--max-pages", type=int, metavar="N", help="stop after N pages (default: the whole crawl)"
    )
    add_crawl_options(parser)


def run(args: argparse.Namespace) -> int:
    if args.out.exists() and (not args.out.is_dir() or any(args.out.iterdir())):
        raise usage_error(f"record: --out {args.out} exists and is not an empty folder")
    if warc_path(args.out).exists():
        raise usage_error(f"record: {warc_path(args.out)} exists already")
    if args.max_pages is not None and args.max_pages < 1:
        raise usage_error("record: --max-pages must be at least 1")
    # A database of its own: nothing known beforehand, so every page is fetched.
    with tempfile.TemporaryDirectory(prefix="clusterfeeds-record-") as scratch:
        args.db, args.as_of, args.sources = Path(scratch) / "record.db", None, [args.source]
        job = crawl_job(args)
        extensions = {**project_settings().getdict("EXTENSIONS"), RECORDER: 900}
        recording = {SETTING: str(args.out.resolve()), "EXTENSIONS": extensions}
        if args.max_pages:
            recording["CLOSESPIDER_PAGECOUNT"] = args.max_pages
        crawls = crawl(dataclasses.replace(job, settings={**job.settings, **recording}), [args.source])
    status = report_crawls(crawls, args.quiet)
    if not args.quiet:
        print(f"recorded into {args.out} and {warc_path(args.out)}")
    return status
