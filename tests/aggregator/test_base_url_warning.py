"""`publish` and `run` warn when the absolute addresses they write (feeds' self
links, calendar subscriptions) would point at this machine only."""

import subprocess
import sys

import pytest

from aggregator.cli import main
from core.db import connect


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "cf.db"
    stored = connect(path)
    stored["items"].insert(
        {
            "id": "e1",
            "source": "eccp",
            "kind": "event",
            "title": "Cluster days",
            "url": "https://example.org/e1",
            "start": "2026-12-01",
            "all_day": 1,
            **dict.fromkeys(("first_seen", "last_seen", "updated"), "2026-11-01T06:00:00+00:00"),
        }
    )
    stored.close()
    return path


def publish(db, out, capsys, *more):
    assert main(["publish", "--db", str(db), "--out", str(out), "--as-of", "2026-11-16", *more]) == 0
    return capsys.readouterr()


@pytest.mark.parametrize(
    "given, named",
    [
        ((), "no --base-url was given"),
        (("--base-url", "http://127.0.0.1:8000/"), "--base-url http://127.0.0.1:8000/ is this machine only"),
        (
            ("--base-url", "http://localhost/feeds/"),
            "--base-url http://localhost/feeds/ is this machine only",
        ),
        (("--base-url", "https://[::1]/"), "--base-url https://[::1]/ is this machine only"),
    ],
)
def test_a_loopback_or_missing_base_url_is_warned_about(db, tmp_path, capsys, given, named):
    result = publish(db, tmp_path / "out", capsys, *given)
    warning = result.err.strip()
    assert warning.startswith("clusterfeeds: warning: " + named), warning
    for broken in ("self links", "webcal://", "Google Calendar", "Outlook.com"):
        assert broken in warning
    assert "published " in result.out  # it still publishes
    # The default base is where the absolute addresses point: the warning names it.
    if not given:
        assert "http://localhost:8000/" in warning
        assert 'href="webcal://localhost:8000/calls.ics"' in (tmp_path / "out" / "index.html").read_text()


def test_a_public_base_url_is_not_warned_about(db, tmp_path, capsys):
    result = publish(db, tmp_path / "out", capsys, "--base-url", "https://feeds.example.org/cf/")
    assert result.err == ""
    assert 'href="webcal://feeds.example.org/cf/calls.ics"' in (tmp_path / "out" / "index.html").read_text()


def test_run_warns_after_its_own_lines_under_cron(tmp_path, snapshot):
    # A crawl needs a process of its own (Scrapy's reactor starts once per process).
    result = subprocess.run(
        [sys.executable, "-m", "aggregator.cli", "run", "innovasjonnorge", "--snapshot", str(snapshot.root)]
        + ["--db", str(tmp_path / "cf.db"), "--out", str(tmp_path / "public"), "--as-of", "2026-11-16"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0 and result.stdout == ""
    assert result.stderr.startswith("clusterfeeds: warning: no --base-url was given: ")
    assert (tmp_path / "public" / "index.html").is_file()
