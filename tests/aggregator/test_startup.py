"""Commands that do not crawl start without loading Scrapy and Twisted: they
answer in a fraction of a crawl command's start-up (bench/startup.py measures it)."""

import json
import subprocess
import sys

import pytest

from core import db as database

HEAVY = ("scrapy", "twisted", "feeds", "spiders")


def modules_loaded_by(*argv: str, run: bool = True) -> set[str]:
    """The top-level packages in sys.modules after ``clusterfeeds ARGV`` ran (or,
    with ``run=False``, had its command line read) in a fresh interpreter."""
    call = f"main({list(argv)!r})" if run else f"build_parser({argv[0]!r}).parse_args({list(argv)!r})"
    script = (
        "import json, sys\n"
        "from aggregator.cli import build_parser, main\n"
        f"{call}\n"
        "sys.stdout.write('\\n' + json.dumps(sorted({m.split('.')[0] for m in sys.modules})))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    return set(json.loads(out.stdout.splitlines()[-1]))


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
    loaded = modules_loaded_by(*(word.format(db=stored_db) for word in argv))
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))


def test_reading_the_serve_command_line_loads_no_crawler():
    loaded = modules_loaded_by("serve", "--port", "0", run=False)
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))


def test_reading_a_crawl_command_line_loads_only_its_own_command(stored_db):
    # The probes above would pass vacuously if the probe could not see Scrapy loaded.
    loaded = modules_loaded_by("crawl", "--db", str(stored_db), run=False)
    assert "scrapy" in loaded
