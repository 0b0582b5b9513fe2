"""Crawling a snapshot over loopback from a test, in a process of its own
(Scrapy's reactor starts once per process)."""

import json
import socket
import subprocess
import sys
import textwrap

CRAWL = textwrap.dedent("""
    import json, sys
    from datetime import date
    from pathlib import Path
    from aggregator.runner import CrawlJob, crawl
    db, as_of, address, sources, settings = sys.argv[1:]
    job = CrawlJob(db=Path(db), as_of=date.fromisoformat(as_of), replay_address=address,
                   settings=json.loads(settings))
    print(json.dumps(crawl(job, json.loads(sources) or None)))
""")


def crawl_over_loopback(server, db_path, as_of, sources=(), **settings) -> list[dict]:
    """Crawl ``sources`` (all by default) through ``server``; the run's `crawls` rows."""
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            CRAWL,
            str(db_path),
            as_of.isoformat(),
            server.address,
            json.dumps(list(sources)),
            json.dumps(settings),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr[-3000:]
    return json.loads(out.stdout.splitlines()[-1])


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now, for a server a test starts."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
