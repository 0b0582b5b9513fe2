"""`clusterfeeds add URL`: a new source from a site's address, served here from
snapshot folders written for the test (a Finnish cluster's event listing, a
Polish agency's page with an RSS feed, a page built by scripts)."""

import re
import subprocess
import sys
import tomllib

import pytest

LISTING = """<!doctype html><html lang="fi"><head><title>Tapahtumat – Klusteri Tampere</title></head>
<body><nav><a href="/">Etusivu</a><a href="/uutiset/">Uutiset</a><a href="/yhteystiedot/">Yhteystiedot</a></nav>
<main><h1>Tapahtumat</h1>
<ul>
<li><a href="/tapahtumat/vetytalous-aamupaiva/">Vetytalouden aamupäivä</a> 12.3.2027</li>
<li><a href="/tapahtumat/klusteripaiva-2027/">Klusteripäivä 2027</a> 14.4.2027</li>
<li><a href="/tapahtumat/rahoitusinfo-pk-yrityksille/">Rahoitusinfo pk-yrityksille</a> 20.4.2027</li>
<li><a href="/tapahtumat/matchmaking-tallinna/">Matchmaking Tallinnassa</a> 5.5.2027</li>
</ul></main><footer><a href="/tietosuoja/">Tietosuoja</a></footer></body></html>"""

EVENT = """<!doctype html><html lang="fi"><head><title>{title} – Klusteri Tampere</title></head>
<body><main><article><h1>{title}</h1>
<p>Aika: {day} klo 9.00–12.00</p><p>Paikka: Tampere-talo, Tampere</p>
<p>Tervetuloa kuulemaan klusterin ajankohtaisista hankkeista ja verkostoitumaan.</p>
</article></main></body></html>"""

FEED_PAGE = """<!doctype html><html lang="pl"><head><title>Aktualności – Agencja</title>
<link rel="alternate" type="application/rss+xml" title="RSS" href="/aktualnosci/feed.xml"></head>
<body><main><h1>Aktualności</h1><p>Najnowsze wiadomości agencji.</p></main></body></html>"""

FEED = """<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Agencja</title>
<link>https://www.agencja-example.pl/aktualnosci</link><description>Aktualności</description>
<item><title>Nabór wniosków: bony na innowacje</title><link>https://www.agencja-example.pl/aktualnosci/nabor-bony</link>
<pubDate>Mon, 09 Nov 2026 10:00:00 +0100</pubDate><description>Nabór trwa do 15 stycznia 2027 r.</description></item>
<item><title>Forum klastrów 2027</title><link>https://www.agencja-example.pl/aktualnosci/forum-klastrow</link>
<pubDate>Thu, 12 Nov 2026 09:00:00 +0100</pubDate><description>Zapraszamy na forum.</description></item>
</channel></rss>"""

SCRIPTED = """<!doctype html><html lang="de"><head><title>Veranstaltungen</title></head>
<body><div id="app"></div><script src="/static/app.js"></script></body></html>"""


@pytest.fixture
def snapshot(tmp_path):
    root = tmp_path / "snapshot"
    (root / "snapshot.toml").parent.mkdir(parents=True)
    (root / "snapshot.toml").write_text("captured = 2026-11-16\n")
    pages = {
        "klusteri-example.fi/tapahtumat/index.html": LISTING,
        "www.agencja-example.pl/aktualnosci/index.html": FEED_PAGE,
        "www.agencja-example.pl/aktualnosci/feed.xml": FEED,
        "www.verein-example.de/veranstaltungen/index.html": SCRIPTED,
    }
    for slug, title, day in (
        ("vetytalous-aamupaiva", "Vetytalouden aamupäivä", "12.3.2027"),
        ("klusteripaiva-2027", "Klusteripäivä 2027", "14.4.2027"),
        ("rahoitusinfo-pk-yrityksille", "Rahoitusinfo pk-yrityksille", "20.4.2027"),
        ("matchmaking-tallinna", "Matchmaking Tallinnassa", "5.5.2027"),
    ):
        pages[f"klusteri-example.fi/tapahtumat/{slug}/index.html"] = EVENT.format(title=title, day=day)
    for path, text in pages.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")
    return root


def add(snapshot, tmp_path, url, *more):
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "aggregator.cli",
            "add",
            url,
            "--snapshot",
            str(snapshot),
            "--out-dir",
            str(tmp_path / "sources"),
            "--as-of",
            "2026-11-16",
            *more,
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_listing_becomes_a_source_with_a_follow_rule(snapshot, tmp_path):
    out = add(snapshot, tmp_path, "https://klusteri-example.fi/tapahtumat/")
    assert out.returncode == 0, out.stdout + out.stderr
    config = tomllib.loads((tmp_path / "sources" / "klusteri_example.toml").read_text())
    assert (config["name"], config["country"], config["language"], config["timezone"], config["kind"]) == (
        "klusteri_example",
        "FI",
        "fi",
        "Europe/Helsinki",
        "event",
    )
    assert config["start_urls"] == ["https://klusteri-example.fi/tapahtumat/"]
    [rule] = config["follow"]
    assert re.search(rule, "https://klusteri-example.fi/tapahtumat/klusteripaiva-2027/")
    assert not re.search(rule, "https://klusteri-example.fi/tietosuoja/")
    assert "way in: listing" in out.stdout
    assert "Klusteripäivä 2027" in out.stdout and "would store" in out.stdout


def test_a_page_that_links_its_feed_becomes_a_source_of_that_feed(snapshot, tmp_path):
    out = add(snapshot, tmp_path, "https://www.agencja-example.pl/aktualnosci", "--name", "agencja")
    assert out.returncode == 0, out.stdout + out.stderr
    config = tomllib.loads((tmp_path / "sources" / "agencja.toml").read_text())
    assert config["start_urls"] == ["https://www.agencja-example.pl/aktualnosci/feed.xml"]
    assert (config["country"], config["timezone"], config["language"]) == ("PL", "Europe/Warsaw", "pl")
    assert "Nabór wniosków: bony na innowacje" in out.stdout


def test_a_page_built_by_scripts_writes_nothing_and_says_why(snapshot, tmp_path):
    out = add(snapshot, tmp_path, "https://www.verein-example.de/veranstaltungen/")
    assert out.returncode == 1
    assert "nothing written" in out.stdout and "built by scripts" in out.stdout
    assert not (tmp_path / "sources").exists()


def test_an_existing_source_file_is_kept_unless_forced(snapshot, tmp_path):
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "agencja.toml").write_text("# mine\n")
    out = add(snapshot, tmp_path, "https://www.agencja-example.pl/aktualnosci", "--name", "agencja")
    assert out.returncode == 2 and "exists" in out.stderr
    assert (tmp_path / "sources" / "agencja.toml").read_text() == "# mine\n"
    forced = add(
        snapshot, tmp_path, "https://www.agencja-example.pl/aktualnosci", "--name", "agencja", "--force"
    )
    assert forced.returncode == 0 and "feed.xml" in (tmp_path / "sources" / "agencja.toml").read_text()
