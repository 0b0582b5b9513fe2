"""Commands that do not crawl start without loading Scrapy and Twisted: they
answer in a fraction of a crawl command's start-up (bench/startup.py measures it)."""

import json
import subprocess
import sys

import pytest

from core import db as database
from tests.loopback import free_port

CRAWLER = ("scrapy", "twisted")
HEAVY = (*CRAWLER, "feeds", "spiders")
# What the sources' facts are read from: not the spiders, nor their extractors.
SPIDERS = ("spiders.base", "spiders.configured", "spiders.eccp", "spiders.extractors")

SERVED = """
import threading, time, urllib.error, urllib.request
threading.Thread(target=main, args=({argv!r},), daemon=True).start()
began = time.monotonic()
while True:
    try:
        urllib.request.urlopen("http://127.0.0.1:{port}/index.html", timeout=10).read()
        break
    except urllib.error.URLError:
        if time.monotonic() - began > 60:
            raise
        time.sleep(0.05)
"""


def modules_loaded_by(*argv: str, run: bool = True, served_on: int | None = None) -> set[str]:
    """The modules in sys.modules after ``clusterfeeds ARGV`` ran (or, with
    ``run=False``, had its command line read; with ``served_on``, answered a
    request on that port) in a fresh interpreter."""
    if served_on:
        call = SERVED.format(argv=list(argv), port=served_on)
    elif run:
        call = f"main({list(argv)!r})"
    else:
        call = f"build_parser({argv[0]!r}).parse_args({list(argv)!r})"
    script = (
        "import json, sys\n"
        "from aggregator.cli import build_parser, main\n"
        f"{call}\n"
        "sys.stdout.write('\\n' + json.dumps(sorted(sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return set(json.loads(out.stdout.splitlines()[-1]))


def packages(modules: set[str]) -> set[str]:
    return {module.split(".")[0] for module in modules}


def under(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if any(m == name or m.startswith(name + ".") for name in names))


@pytest.fixture
def stored_db(tmp_path):
    path = tmp_path / "cf.db"
    database.connect(path).close()
    return path


@pytest.mark.parametrize(
    "argv",
    [("parse-date", "29 września 2023", "--lang", "pl"), ("status", "--db", "{db}")],
    ids=lambda a: a[0],
)
def test_a_command_that_does_not_crawl_runs_without_scrapy_or_twisted(argv, stored_db):
    loaded = packages(modules_loaded_by(*(word.format(db=stored_db) for word in argv)))
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))


def test_listing_the_sources_loads_neither_scrapy_nor_a_spider(tmp_path):
    loaded = modules_loaded_by("sources", "--json")
    assert not packages(loaded) & {*CRAWLER, "feeds"}, sorted(packages(loaded) & {*CRAWLER, "feeds"})
    assert under(loaded, SPIDERS) == []


def test_publishing_loads_neither_scrapy_nor_a_spider(stored_db, tmp_path):
    loaded = modules_loaded_by("publish", "--db", str(stored_db), "--out", str(tmp_path / "out"))
    assert "feeds.publish" in loaded  # it did publish
    assert not packages(loaded) & set(CRAWLER), sorted(packages(loaded) & set(CRAWLER))
    assert under(loaded, SPIDERS) == []


def test_serving_loads_no_crawler(tmp_path):
    (tmp_path / "index.html").write_text("<!doctype html><title>feeds</title>", encoding="utf-8")
    port = free_port()
    loaded = modules_loaded_by("serve", "--out", str(tmp_path), "--port", str(port), served_on=port)
    assert "aggregator.serve" in loaded
    assert not packages(loaded) & set(HEAVY), sorted(packages(loaded) & set(HEAVY))


def test_reading_the_serve_command_line_loads_no_crawler():
    loaded = packages(modules_loaded_by("serve", "--port", "0", run=False))
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))


def test_reading_a_crawl_command_line_loads_only_its_own_command(stored_db):
    # The probes above would pass vacuously if the probe could not see Scrapy loaded.
    loaded = modules_loaded_by("crawl", "--db", str(stored_db), run=False)
    assert "scrapy" in packages(loaded) and under(loaded, ("spiders.base",))
