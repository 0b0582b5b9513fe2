"""`clusterfeeds check`: one page read as the crawl reads it, said field by field."""

import json

import pytest

from aggregator.bundled import bundled
from aggregator.cli import main
from spiders.replay.server import ReplayServer
from spiders.replay.snapshot import Snapshot

EVENT = (
    "https://www.clustercollaboration.eu/event-calendar/cluster-academy-managing-cross-regional-partnerships"
)
AS_OF = ["--as-of", "2026-11-16"]

SOURCE_FILE = """
name = "exampleevents"
title = "Example cluster events"
country = "DK"
language = "en"
timezone = "Europe/Copenhagen"
kind = "event"
start_urls = ["https://events.example.eu/agenda/"]
"""
MEETUP = """<html lang="en"><head><title>Regional cluster meetup</title></head><body><main><article>
<h1>Regional cluster meetup</h1>
<p>Date: {date}</p>
<p>Location: Aarhus</p>
<p>Managers of the region's clusters meet to plan joint applications.</p>
</article></main></body></html>"""


def check(capsys, *args) -> tuple[int, str]:
    status = main(["check", *args])
    return status, capsys.readouterr().out


@pytest.fixture
def example_site(tmp_path):
    """A snapshot of a site that a source file describes, with one page."""
    (tmp_path / "exampleevents.toml").write_text(SOURCE_FILE)
    snapshot = Snapshot(tmp_path / "snap")
    (snapshot.root / "snapshot.toml").parent.mkdir()
    (snapshot.root / "snapshot.toml").write_text("captured = 2026-11-16\n")
    (snapshot.root / "events.example.eu").mkdir()
    (snapshot.root / "events.example.eu" / "robots.txt").write_text("User-agent: *\nDisallow: /private/\n")
    return snapshot, tmp_path / "exampleevents.toml"


def page(snapshot, url, text):
    file = snapshot.path_for(url)
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(text)
    return file


def test_a_saved_page_of_a_snapshot_its_reader_fields_and_dates(capsys):
    status, out = check(capsys, str(bundled().path_for(EVENT)), *AS_OF)
    assert status == 0
    lines = out.splitlines()
    assert lines[0] == f"{EVENT}  (source eccp, HTTP 200)"
    assert "read by spiders.extractors.eccp.node_page" in lines
    assert "  route '/event-calendar/[^/]+/?$' (event)" in lines
    assert "  title: Cluster Academy: Managing Cross-Regional Partnerships" in lines
    assert (
        "  start_text 'Start: 12 January 2027, 14:00' -> start 2027-01-12T14:00, end -, zone Europe/Brussels"
        in lines
    )
    assert lines[-1] == "problems: 0"


def test_a_url_through_the_replay_server_picks_the_source_by_host(capsys):
    with ReplayServer(bundled()) as server:
        status, out = check(capsys, EVENT, "--snapshot-server", server.address, "--json", *AS_OF)
        assert ("GET", "/www.clustercollaboration.eu/robots.txt") in [r[:2] for r in server.requests]
    report = json.loads(out)
    assert status == 0 and report["source"] == "eccp" and report["status"] == 200
    saved = json.loads(check(capsys, str(bundled().path_for(EVENT)), "--json", *AS_OF)[1])
    assert report == saved
    [item] = report["items"]
    [end] = item["dates"]["end_text"]
    assert (end["start"], end["tz"], end["error"]) == ("2027-01-12T16:00", "Europe/Brussels", None)


def test_a_source_file_s_page_and_each_date_problem_named(capsys, example_site):
    snapshot, source_file = example_site
    url = "https://events.example.eu/agenda/meetup.html"
    page(snapshot, url, MEETUP.format(date="31 February 2027"))
    status, out = check(capsys, url, "--snapshot", str(snapshot.root), "--toml", str(source_file), "--json")
    report = json.loads(out)
    assert status == 1
    assert report["reader"]["reader"] == f"the generic reader, as {source_file} describes"
    [item] = report["items"]
    assert item["fields"]["location"] == "Aarhus"
    [reading] = item["dates"]["start_text"]
    assert reading["start"] is None and reading["error"]
    assert report["problems"] == [
        {"field": "start_text", "message": f"{reading['error']}: 'Date: 31 February 2027'"}
    ]


def test_the_date_s_zone_and_language_can_be_given(capsys, example_site):
    snapshot, source_file = example_site
    file = page(
        snapshot, "https://events.example.eu/agenda/meetup.html", MEETUP.format(date="4 February 2027, 10:00")
    )
    status, out = check(capsys, str(file), "--toml", str(source_file), "--tz", "Europe/Vilnius", "--json")
    [reading] = json.loads(out)["items"][0]["dates"]["start_text"]
    assert status == 0 and (reading["start"], reading["tz"]) == ("2027-02-04T10:00", "Europe/Vilnius")


def test_robots_txt_is_obeyed(capsys, example_site):
    snapshot, source_file = example_site
    url = "https://events.example.eu/private/board.html"
    page(snapshot, url, MEETUP.format(date="4 February 2027"))
    with pytest.raises(SystemExit) as stop:
        check(capsys, url, "--snapshot", str(snapshot.root), "--toml", str(source_file))
    assert stop.value.code == 2 and "does not allow" in capsys.readouterr().err


@pytest.mark.parametrize(
    "args, says",
    [
        (["https://nobody.example.net/events"], "no source has the host nobody.example.net"),
        (["page.html"], "give its address with --url"),
        ([EVENT, "--source", "nosuch"], "unknown source(s): nosuch"),
        ([EVENT, "--tz", "Mars/Olympus"], "unknown time zone"),
    ],
)
def test_usage_errors(capsys, tmp_path, monkeypatch, args, says):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "page.html").write_text("<html></html>")
    with pytest.raises(SystemExit) as stop:
        main(["check", *args])
    assert stop.value.code == 2 and says in capsys.readouterr().err


def test_the_fields_the_generic_reading_gave_are_named(capsys):
    # The page of a past edition shows no date fields: the generic reading finds the date in its text.
    past = (
        "https://www.clustercollaboration.eu/events/organised-by-eccp/clusters-meet-regions/"
        "clusters-meet-regions-timisoara-romania"
    )
    status, out = check(capsys, str(bundled().path_for(past)), *AS_OF)
    assert status == 0
    assert (
        "read by spiders.extractors.eccp.node_page; the generic reader gave start_text, location, online"
        in out.splitlines()
    )
