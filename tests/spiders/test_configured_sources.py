"""Sources without code: TOML files become spiders, a bad file is skipped with
an error naming file and key, and each bundled source crawls its snapshot
through the whole pipeline into the database."""

import logging
import os
import sqlite3
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest
import sqlite_utils

from feeds.load import load_entries
from spiders import configured, source_files
from spiders.base import SourceSpider

ROOT = Path(__file__).resolve().parents[2]
BUNDLED = ("gocluster", "interreg", "clusterexcellencedenmark")

USER_SOURCE = """
name = "my_cluster"
title = "My cluster's events"
country = "FI"
language = "fi"
timezone = "Europe/Helsinki"
kind = "event"
start_urls = ["https://cluster.example.fi/tapahtumat/"]
follow = ['/tapahtumat/[^/]+/$']
"""


def run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        args, cwd=ROOT, capture_output=True, text=True, timeout=300, env={**os.environ, **(env or {})}
    )


def test_bundled_sources_are_spiders():
    spiders = {s.name: s for s in configured.load_all()[0].values()}
    assert set(BUNDLED) <= set(spiders)
    gocluster = spiders["gocluster"]
    assert issubclass(gocluster, SourceSpider) and gocluster.__module__ == "spiders.configured"
    assert (gocluster.country, gocluster.languages, gocluster.timezone, gocluster.kinds) == (
        "DE",
        ("de",),
        "Europe/Berlin",
        ("event", "news"),
    )
    assert gocluster.allowed_domains == ["www.clusterplattform.de"]
    assert spiders["interreg"].kinds == ("call", "event")


def test_scrapy_list_shows_bundled_and_user_sources_and_skips_a_bad_file(tmp_path):
    (tmp_path / "mine.toml").write_text(USER_SOURCE, encoding="utf-8")
    (tmp_path / "broken.toml").write_text(
        USER_SOURCE.replace('"my_cluster"', '"other"').replace("Europe/Helsinki", "Europe/Helsinky"),
        encoding="utf-8",
    )
    listed = run(str(ROOT / ".venv/bin/scrapy"), "list", env={"CLUSTERFEEDS_SOURCES_DIR": str(tmp_path)})
    assert listed.returncode == 0, listed.stderr[-2000:]
    names = listed.stdout.split()
    assert set(BUNDLED) | {"my_cluster"} <= set(names) and "other" not in names
    assert f"{tmp_path / 'broken.toml'}" in listed.stderr and "timezone: 'Europe/Helsinky'" in listed.stderr


def test_without_the_environment_variable_only_bundled_files_load(monkeypatch, tmp_path):
    (tmp_path / "mine.toml").write_text(USER_SOURCE, encoding="utf-8")
    monkeypatch.delenv(source_files.ENVIRONMENT, raising=False)
    assert all(path.parent == source_files.BUNDLED for path in source_files.source_files())
    monkeypatch.setenv(source_files.ENVIRONMENT, str(tmp_path))
    assert source_files.source_files()[-1] == tmp_path / "mine.toml"


@pytest.mark.parametrize(
    "change, key",
    [
        (('name = "my_cluster"', 'name = "My Cluster"'), "name"),
        (('name = "my_cluster"', 'name = "gocluster"'), "name"),
        (('["https://cluster.example.fi/tapahtumat/"]', '["ftp://cluster.example.fi/"]'), "start_urls"),
        (('"Europe/Helsinki"', '"Helsinki"'), "timezone"),
        (('kind = "event"', 'kind = "webinar"'), "kind"),
        (('language = "fi"', 'language = "finnish"'), "language"),
        (("['/tapahtumat/[^/]+/$']", "['/tapahtumat/[^/+/$']"), "follow"),
        (('kind = "event"', 'kind = "event"\nstart_url = "x"'), "start_url"),
        (('country = "FI"\n', ""), "country"),
        (('kind = "event"', 'kind = "event"\nhosts = "cluster.example.fi"'), "hosts"),
        (('kind = "event"', 'kind = "event"\nhosts = ["https://cluster.example.fi/"]'), "hosts"),
        (('"Europe/Helsinki"', "5"), "timezone"),
        (('"Europe/Helsinki"', '"' + "x" * 5000 + '"'), "timezone"),
        (('"Europe/Helsinki"', '["Europe/Helsinki"]'), "timezone"),
        (("['/tapahtumat/[^/]+/$']", "[1]"), "follow"),
        (("['/tapahtumat/[^/]+/$']", "'/tapahtumat/'"), "follow"),
        (("['/tapahtumat/[^/]+/$']", "['a{99999999999}']"), "follow"),
        (('["https://cluster.example.fi/tapahtumat/"]', "[1]"), "start_urls"),
        (('kind = "event"', "kind = []"), "kind"),
        (('name = "my_cluster"', 'name = ["my_cluster"]'), "name"),
        (('name = "my_cluster"', 'name = "eccp"'), "name"),
        (('title = "My cluster\'s events"', "title = 5"), "title"),
        (('language = "fi"', "language = 5"), "language"),
        (('kind = "event"', 'kind = "event"\nhomepage = 5'), "homepage"),
        (('kind = "event"', 'kind = "event"\nurl_kinds = 3'), "url_kinds"),
    ],
)
def test_a_bad_file_is_skipped_with_an_error_naming_file_and_key(tmp_path, monkeypatch, caplog, change, key):
    (tmp_path / "bad.toml").write_text(USER_SOURCE.replace(*change), encoding="utf-8")
    monkeypatch.setenv(source_files.ENVIRONMENT, str(tmp_path))
    with caplog.at_level(logging.ERROR, logger="spiders.source_files"):
        spiders = {s.name for s in configured.load_all()[0].values()}
    assert set(BUNDLED) <= spiders and "my_cluster" not in spiders
    [record] = [r for r in caplog.records if "bad.toml" in r.getMessage()]
    assert f"skipped: {key}:" in record.getMessage()


def test_a_source_s_hosts_are_its_start_urls_hosts_unless_it_names_them(tmp_path):
    (tmp_path / "s.toml").write_text(USER_SOURCE, encoding="utf-8")
    assert configured.load_source(tmp_path / "s.toml").hosts == ("cluster.example.fi",)
    (tmp_path / "s.toml").write_text(
        USER_SOURCE + 'hosts = ["cluster.example.fi", "events.example.fi"]\n', encoding="utf-8"
    )
    spider = configured.load_source(tmp_path / "s.toml")
    assert spider.hosts == ("cluster.example.fi", "events.example.fi")
    assert spider.allowed_domains == ["cluster.example.fi", "events.example.fi"]


def fifo(path: Path) -> None:
    os.mkfifo(path)


def dangling_link(path: Path) -> None:
    path.symlink_to(path.with_name("gone.toml"))


@pytest.mark.parametrize(
    "make, reason",
    [
        (
            lambda path: path.write_bytes(USER_SOURCE.replace("My cluster", "Mój klaster").encode("cp1250")),
            "not UTF-8: byte 0xf3 at offset",
        ),
        (lambda path: path.write_text(USER_SOURCE.replace("title = ", "title = = ")), "not valid TOML: "),
        (
            lambda path: path.write_text(USER_SOURCE + "x = " + "[" * 50_000 + "]" * 50_000),
            "not valid TOML: arrays or tables nested too deep",
        ),
        (
            lambda path: path.write_text(USER_SOURCE + "#" * source_files.MAX_FILE_BYTES),
            "larger than 1,000,000 bytes",
        ),
        (Path.mkdir, "a folder, not a file"),
        (dangling_link, "a symbolic link to"),
        (fifo, "not a regular file"),
        # A file whose every read fails, even for root.
        pytest.param(
            lambda path: path.symlink_to("/proc/self/mem"),
            "cannot be read: Input/output error",
            marks=pytest.mark.skipif(not Path("/proc/self/mem").exists(), reason="Linux only"),
        ),
    ],
)
def test_a_file_that_cannot_be_read_is_skipped_with_its_path_and_reason(
    tmp_path, monkeypatch, caplog, make, reason
):
    (tmp_path / "mine.toml").write_text(USER_SOURCE, encoding="utf-8")
    make(tmp_path / "bad.toml")
    monkeypatch.setenv(source_files.ENVIRONMENT, str(tmp_path))
    with caplog.at_level(logging.ERROR, logger="spiders.source_files"):
        spiders, skipped = configured.load_all()
    assert set(BUNDLED) | {"my_cluster"} <= {s.name for s in spiders.values()}
    [skip] = skipped
    assert skip.path == tmp_path / "bad.toml" and skip.reason.startswith(reason)
    assert [r.getMessage() for r in caplog.records] == [
        f"source file {tmp_path / 'bad.toml'} skipped: {skip.reason}"
    ]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_file_is_skipped(tmp_path, monkeypatch):
    (tmp_path / "bad.toml").write_text(USER_SOURCE, encoding="utf-8")
    (tmp_path / "bad.toml").chmod(0)
    monkeypatch.setenv(source_files.ENVIRONMENT, str(tmp_path))
    [skip] = configured.load_all()[1]
    assert skip.reason == "cannot be read: Permission denied"


def test_a_sources_folder_that_is_not_there_is_reported(tmp_path, monkeypatch):
    monkeypatch.setenv(source_files.ENVIRONMENT, str(tmp_path / "nowhere"))
    spiders, [skip] = configured.load_all()
    assert set(BUNDLED) <= {s.name for s in spiders.values()}
    assert (
        str(skip)
        == f"source file {tmp_path / 'nowhere'} skipped: ${source_files.ENVIRONMENT} names no folder"
    )


def test_names_that_differ_only_by_underscores_are_two_sources(tmp_path, monkeypatch):
    for name in ("a1b", "a1_b"):
        (tmp_path / f"{name}.toml").write_text(USER_SOURCE.replace("my_cluster", name), encoding="utf-8")
    monkeypatch.setenv(source_files.ENVIRONMENT, str(tmp_path))
    spiders, skipped = configured.load_all()
    assert {"a1b", "a1_b"} <= {s.name for s in spiders.values()} and skipped == []


def test_the_sources_command_names_each_skipped_file_and_exits_1(tmp_path):
    (tmp_path / "mine.toml").write_text(USER_SOURCE, encoding="utf-8")
    (tmp_path / "latin.toml").write_bytes("title = 'Café'".encode("latin-1"))
    (tmp_path / "folder.toml").mkdir()
    dangling_link(tmp_path / "link.toml")
    listed = run(
        sys.executable, "-m", "aggregator.cli", "sources", env={"CLUSTERFEEDS_SOURCES_DIR": str(tmp_path)}
    )
    assert listed.returncode == 1
    assert "my_cluster: My cluster's events" in listed.stdout and "gocluster:" in listed.stdout
    assert listed.stderr.splitlines() == [
        f"source file {tmp_path / 'folder.toml'} skipped: a folder, not a file",
        f"source file {tmp_path / 'latin.toml'} skipped: not UTF-8: byte 0xe9 at offset 12",
        f"source file {tmp_path / 'link.toml'} skipped: a symbolic link to {tmp_path / 'gone.toml'}, "
        "which does not exist",
    ]


def test_url_kinds_must_name_kinds(tmp_path):
    (tmp_path / "s.toml").write_text(
        USER_SOURCE + '\n[url_kinds]\n"/uutiset/" = "article"\n', encoding="utf-8"
    )
    with pytest.raises(source_files.SourceFileError) as error:
        configured.load_source(tmp_path / "s.toml")
    assert error.value.key == "url_kinds.'/uutiset/'"


def test_the_extractor_reads_a_feed_or_a_page(snapshot):
    spiders = {s.name: s for s in configured.load_all()[0].values()}
    feed_url = "https://www.clusterexcellencedenmark.dk/feed/"
    feed = spiders["clusterexcellencedenmark"].extractor(feed_url, snapshot.read(feed_url))
    assert len(feed.items) == 6 and feed.links == []
    listing_url = "https://www.clusterplattform.de/CLUSTER/Navigation/DE/Service/Termine/termine.html"
    listing = spiders["gocluster"].extractor(listing_url, snapshot.read(listing_url))
    assert listing.items == []
    assert len([link for link in listing.links if "/Redaktion/DE/Termine/" in link]) == 4
    assert listing.next_page == listing_url + "?gtp=816018_list%253D2"


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    db = tmp_path_factory.mktemp("configured") / "generic.db"
    out = run(
        sys.executable,
        "-m",
        "aggregator.cli",
        "crawl",
        *BUNDLED,
        "--snapshot",
        "aggregator/snapshot",
        "--as-of",
        "2026-11-16",
        "--db",
        str(db),
        "--quiet",
    )
    assert out.returncode == 0, out.stdout[-2000:] + out.stderr[-3000:]
    connection = sqlite3.connect(db)
    connection.row_factory = sqlite3.Row
    return connection


def rows(crawled, source: str) -> dict[str, dict]:
    """The source's rows, each event's and call's status as the feeds give it on the
    crawl's day (the page's words, else the dates)."""
    query = (
        "select kind, status, title, url, start, end, deadline, opens, published, timezone, "
        "location, online from items where source = ?"
    )
    status_of = {
        member.url: member.status
        for entry in load_entries(sqlite_utils.Database(crawled), date(2026, 11, 16)).entries
        for member in entry.members
    }
    return {
        row["title"]: {**row, "status": status_of.get(row["url"], row["status"])}
        for row in map(dict, crawled.execute(query, [source]))
    }


def test_the_crawl_met_no_problem(crawled):
    assert crawled.execute("select source, url, field, message from problems").fetchall() == []
    outcomes = crawled.execute("select source, outcome, items from crawls").fetchall()
    assert sorted((s, o) for s, o, _ in outcomes) == sorted((s, "ok") for s in BUNDLED)


def test_gocluster_rows(crawled):
    found = rows(crawled, "gocluster")
    assert len(found) == 9
    conference = found["Jahreskonferenz go-cluster 2027: Cluster als Motor der Transformation"]
    assert (conference["kind"], conference["status"], conference["start"], conference["end"]) == (
        "event",
        "upcoming",
        "2027-03-10T09:30:00+01:00",
        "2027-03-11T16:00:00+01:00",
    )
    assert conference["location"].startswith("bcc Berlin Congress Center") and conference["online"] == 0
    webinar = found["Webinar: Förderaufrufe 2027 für Clustermanagements im Überblick"]
    assert (webinar["start"], webinar["end"], webinar["online"], webinar["timezone"]) == (
        "2026-12-03T10:00:00+01:00",
        "2026-12-03T11:30:00+01:00",
        1,
        "Europe/Berlin",
    )
    fair = found["go-cluster-Gemeinschaftsstand auf der HANNOVER MESSE 2027"]
    assert (fair["start"], fair["end"], fair["status"]) == ("2027-04-12", "2027-04-16", "upcoming")
    old_fair = found["go-cluster auf der HANNOVER MESSE 2017"]  # "vom 20. bis 28. April 2017" in running text
    assert (old_fair["start"], old_fair["end"], old_fair["status"]) == ("2017-04-20", "2017-04-28", "past")
    assert found["Cluster trifft Region: Wasserstoffwirtschaft in Mitteldeutschland"]["start"] == "2027-02-04"
    assert found["Clusterkonferenz 2023: Resilienz in Wertschöpfungsketten"]["status"] == "past"
    news = found["Zwölf neue Mitglieder im Programm go-cluster"]  # "Meldung 04.05.2023"
    assert (news["kind"], news["status"], news["published"]) == ("news", None, "2023-05-04")


def test_gocluster_follows_the_real_sites_paths_without_session_or_print_parameters(crawled):
    # The listing links its news with ";jsessionid=…" and "?view=renderPrint", the
    # sidebars without: each page is fetched and stored once, under its plain URL.
    site = "https://www.clusterplattform.de/CLUSTER/Redaktion/DE"
    news = {
        row["url"]: row["kind"]
        for row in rows(crawled, "gocluster").values()
        if "/Termine/" not in row["url"]
    }
    assert news == {
        f"{site}/Kurzmeldungen/Aktuelles/2026/4_Quartal/20261112_clusterwettbewerb_2027.html": "news",
        f"{site}/Kurzmeldungen/Aktuelles/2023/2_quartal/20230504_neue_go_cluster_mitglieder.html": "news",
        f"{site}/Standardartikel/ClusterERFOLGE/61_rueckblick_clusterwoche_2026.html": "news",
    }


def test_interreg_rows(crawled):
    found = rows(crawled, "interreg")
    assert len(found) == 5
    second = found["Second call for project proposals"]
    assert (second["kind"], second["status"], second["opens"], second["deadline"], second["timezone"]) == (
        "call",
        "closed",
        "2023-03-15",
        "2023-06-09T12:00:00+02:00",
        "Europe/Paris",
    )
    fifth = found["Fifth call for project proposals"]
    assert (fifth["status"], fifth["opens"], fifth["deadline"]) == (
        "forthcoming",
        "2027-03-01",
        "2027-05-27T12:00:00+02:00",
    )
    webinar = found["Lead applicant webinar: fifth call"]
    assert (webinar["kind"], webinar["start"], webinar["end"], webinar["online"]) == (
        "event",
        "2027-03-16T10:00:00+01:00",
        "2027-03-16T12:00:00+01:00",
        1,
    )
    review = found["Peer review on cluster policies"]
    assert (review["start"], review["end"], review["status"]) == ("2026-12-08", "2026-12-09", "upcoming")
    # The current call is at /next-call-for-projects; earlier ones under /projects/apply-for-funding/.
    assert (fifth["url"], second["url"]) == (
        "https://interregeurope.eu/next-call-for-projects",
        "https://www.interregeurope.eu/projects/apply-for-funding/second-call-for-proposals",
    )


def test_feed_source_rows(crawled):
    found = rows(crawled, "clusterexcellencedenmark")
    assert len(found) == 7, sorted(found)  # six from the feed, one old Nyhed.aspx page (see below)
    conference = found["Klyngekonference 2027: Grøn omstilling i de danske klynger"]
    assert (conference["kind"], conference["start"], conference["end"], conference["timezone"]) == (
        "event",
        "2027-03-03T09:30:00+01:00",
        "2027-03-03T15:30:00+01:00",
        "Europe/Copenhagen",
    )
    pool = found["Internationaliseringspuljen for klynger 2027"]
    assert (pool["kind"], pool["status"], pool["deadline"]) == ("call", "open", "2027-02-01T12:00:00+01:00")
    old_pool = found[
        "Klyngepuljen 2024 er åben for ansøgninger"
    ]  # "Den 15. maj 2024 til 13. august 2024 kl. 12.00"
    assert (old_pool["status"], old_pool["deadline"]) == ("closed", "2024-08-13T12:00:00+02:00")
    assert found["Danish Cluster Days 2027 finder sted i Aarhus"]["start"] == "2027-04-22"
    assert found["Ny national klyngestrategi offentliggjort"]["kind"] == "news"


def test_the_old_danish_news_pages_are_told_apart_by_their_query(snapshot):
    spider = {s.name: s for s in configured.load_all()[0].values()}["clusterexcellencedenmark"]
    listing = "https://clusterexcellencedenmark.dk/da-DK/Nyheder.aspx?M=NewsV2&PID=19"
    page = "https://clusterexcellencedenmark.dk/da-DK/Nyhed.aspx?Action=1&NewsId={}&M=NewsV2&PID=19"
    assert spider.extractor(listing, snapshot.read(listing)).links == [page.format(913), page.format(907)]


@pytest.mark.xfail(
    strict=True,
    reason="the generic reader takes the bare DD-MM-YY line above the title of NewsId=913 for its "
    "publication date, not yet that of NewsId=907 (03-11-26; the cause is not found yet)",
)
def test_the_old_danish_news_pages_give_their_news(crawled):
    found = rows(crawled, "clusterexcellencedenmark")
    page = "https://clusterexcellencedenmark.dk/da-DK/Nyhed.aspx?Action=1&NewsId={}&M=NewsV2&PID=19"
    news = {row["url"]: row["published"] for row in found.values() if "Nyhed.aspx" in row["url"]}
    assert news == {page.format(913): "2026-11-12", page.format(907): "2026-11-03"}


def test_feed_publication_times_keep_their_offset(crawled):
    published = rows(crawled, "clusterexcellencedenmark")["Ny national klyngestrategi offentliggjort"][
        "published"
    ]
    # "Mon, 05 Oct 2026 07:00:00 +0000": the same instant, whichever zone writes it.
    assert datetime.fromisoformat(published) == datetime.fromisoformat("2026-10-05T09:00:00+02:00")
