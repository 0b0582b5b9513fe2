"""The project deployed on Scrapyd as its users' teams run it: scrapyd on
127.0.0.1, `scrapyd-deploy` building and uploading the egg, a spider scheduled
through the HTTP API against the bundled snapshot, its items in SQLite."""

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from loopback import free_port

from aggregator.bundled import FOLDER as SNAPSHOT
from spiders.registry import all_sources

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def api(base, endpoint, **form):
    data = urllib.parse.urlencode(form, doseq=True).encode() if form else None
    with urllib.request.urlopen(f"{base}/{endpoint}", data=data, timeout=30) as answer:
        return json.loads(answer.read())


@pytest.fixture(scope="module")
def scrapyd(tmp_path_factory):
    if not (BIN / "scrapyd").exists() or not (BIN / "scrapyd-deploy").exists():
        pytest.skip("scrapyd and scrapyd-client are not installed (pip install -e '.[test]')")
    home = tmp_path_factory.mktemp("scrapyd")
    port = free_port()
    (home / "scrapyd.conf").write_text(
        f"[scrapyd]\nbind_address = 127.0.0.1\nhttp_port = {port}\neggs_dir = {home}/eggs\n"
        f"logs_dir = {home}/logs\nitems_dir =\ndbs_dir = {home}/dbs\nmax_proc = 1\npoll_interval = 0.5\n"
    )
    server = subprocess.Popen(
        [str(BIN / "scrapyd")], cwd=home, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            api(base, "daemonstatus.json")
            break
        except OSError:
            if server.poll() is not None:
                pytest.fail(f"scrapyd exited: {server.stderr.read()}")
            time.sleep(0.2)
    yield base, home
    server.terminate()
    server.wait(timeout=20)


@pytest.fixture(scope="module")
def deployed(scrapyd):
    base, home = scrapyd
    # scrapyd-deploy reads its targets from scrapy.cfg files, the user's among them.
    (home / ".scrapy.cfg").write_text(f"[deploy:test]\nurl = {base}/\nproject = clusterfeeds\n")
    out = subprocess.run(
        [str(BIN / "scrapyd-deploy"), "test", "--version", "1"],
        cwd=ROOT,
        env={**os.environ, "HOME": str(home)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    shutil.rmtree(ROOT / "build", ignore_errors=True)  # what bdist_egg leaves in the checkout
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["status"] == "ok"
    return base, home


def test_every_source_is_a_spider_of_the_deployed_project(deployed):
    base, _ = deployed
    spiders = api(base, "listspiders.json?project=clusterfeeds")["spiders"]
    assert sorted(spiders) == sorted(spider.name for spider in all_sources())


def test_a_scheduled_crawl_stores_its_items_in_sqlite(deployed):
    base, home = deployed
    db = home / "crawled.db"
    job = api(
        base,
        "schedule.json",
        project="clusterfeeds",
        spider="gocluster",
        setting=[f"CLUSTERFEEDS_SNAPSHOT={SNAPSHOT}", f"CLUSTERFEEDS_DB={db}"],
    )["jobid"]
    for _ in range(300):
        finished = {j["id"] for j in api(base, "listjobs.json?project=clusterfeeds")["finished"]}
        if job in finished:
            break
        time.sleep(0.5)
    else:
        pytest.fail("the scheduled crawl did not finish in 150 s")
    stored = sqlite3.connect(db)
    [(outcome, items)] = stored.execute(
        "select outcome, items from crawls where source = 'gocluster'"
    ).fetchall()
    assert outcome == "ok" and items > 0
    assert stored.execute("select count(*) from items where source = 'gocluster'").fetchone()[0] == items
