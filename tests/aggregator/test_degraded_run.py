"""Field coverage over loopback: a site redesigned so that its list stays but its
dates are gone no longer passes silently. The second `run` marks the source
degraded with the fields named, exits 3 and still publishes; `status` shows it.

The site is Cluster Excellence Denmark's WordPress RSS feed in shape (its path,
`content:encoded` with `Dato:` and `Sted:` lines, Danish dates), written here.
The redesign moves the event's date into a field the feed no longer carries."""

import json
import subprocess
import sys
from pathlib import Path

from core import db as database

FEED = "www.clusterexcellencedenmark.dk/feed/index.html"
NEWS = "clusterexcellencedenmark.dk/da-DK/Nyheder.aspx@M=NewsV2&PID=19"
EVENTS = [
    ("netvaerksdag-maritime-klynger", "Netværksdag for de maritime klynger", "20. januar 2027", "Esbjerg"),
    ("klyngeforum-life-science", "Klyngeforum: life science og sundhed", "9. februar 2027", "Odense"),
    ("workshop-cirkulaer-omstilling", "Workshop om cirkulær omstilling", "2. marts 2027", "Kolding"),
    ("temadag-energiklynger", "Temadag for energiklyngerne", "17. marts 2027", "Aalborg"),
    ("innovationsdag-foedevarer", "Innovationsdag for fødevareklynger", "21. april 2027", "Aarhus"),
    ("klyngeledelse-kompakt", "Klyngeledelse kompakt", "11. maj 2027", "Roskilde"),
]


def entry(slug: str, title: str, day: str, place: str, dated: bool) -> str:
    when = f"<strong>Dato:</strong> {day} kl. 10.00<br />" if dated else ""
    return f"""<item>
<title>{title}</title>
<link>https://www.clusterexcellencedenmark.dk/arrangementer/{slug}/</link>
<pubDate>Mon, 02 Nov 2026 09:00:00 +0000</pubDate>
<category><![CDATA[Arrangementer]]></category>
<guid isPermaLink="false">https://www.clusterexcellencedenmark.dk/?post_type=arrangement&amp;p={slug}</guid>
<content:encoded><![CDATA[<p>Klyngerne mødes om fælles projekter og nye samarbejder.</p>
<p>{when}<strong>Sted:</strong> {place}</p>]]></content:encoded>
</item>"""


def write_site(root: Path, dated: bool) -> Path:
    """The site as a snapshot folder: its feed of six events, and a news list with none."""
    (root / FEED).parent.mkdir(parents=True)
    (root / NEWS).parent.mkdir(parents=True)
    (root / NEWS).write_text(
        '<!DOCTYPE html><html lang="da"><head><title>Nyheder</title></head>'
        "<body><main><h1>Nyheder</h1><p>Ingen nyheder endnu.</p></main></body></html>",
        encoding="utf-8",
    )
    (root / "snapshot.toml").write_text("captured = 2026-11-16\n")
    items = "\n".join(entry(*event, dated) for event in EVENTS)
    (root / FEED).write_text(
        f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Cluster Excellence Denmark</title><link>https://www.clusterexcellencedenmark.dk</link>
<language>da-DK</language>
{items}
</channel></rss>
""",
        encoding="utf-8",
    )
    return root


def clusterfeeds(*args):
    return subprocess.run(
        [sys.executable, "-m", "aggregator.cli", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=300,
    )


def run(tmp_path, site):
    return clusterfeeds(
        "run",
        "clusterexcellencedenmark",
        "--snapshot",
        site,
        "--db",
        tmp_path / "cf.db",
        "--out",
        tmp_path / "public",
    )


def test_a_site_that_loses_its_dates_is_degraded_and_still_published(tmp_path):
    site = write_site(tmp_path / "site", dated=True)
    redesigned = write_site(tmp_path / "redesigned", dated=False)
    first = run(tmp_path, site)
    assert first.returncode == 0, first.stderr
    again = run(tmp_path, site)
    assert again.returncode == 0, again.stderr  # the same pages again: nothing fell
    release = (tmp_path / "public").readlink()
    after = run(tmp_path, redesigned)
    assert after.returncode == 3, after.stderr
    assert "clusterexcellencedenmark  degraded" in after.stderr
    assert "field coverage fell: start/deadline 100% → 0%" in after.stderr

    db = database.connect(tmp_path / "cf.db")
    rows = list(db.query("select outcome, degraded, coverage from crawls order by id"))
    assert [row["degraded"] for row in rows] == [None, None, "start/deadline 100% → 0%"]
    # Still an ok crawl, whose coverage is kept: the list and the places are all there.
    assert rows[-1]["outcome"] == "ok"
    assert json.loads(rows[-1]["coverage"]) == {
        "title": [6, 6],
        "url": [6, 6],
        "start/deadline": [0, 6],
        "location": [6, 6],
    }
    # Degraded is a warning, not a stop: a new release of the feeds was published.
    assert (tmp_path / "public").readlink() != release

    status = clusterfeeds("status", "--db", tmp_path / "cf.db")
    assert status.returncode == 3, status.stderr
    line = next(line for line in status.stdout.splitlines() if line.startswith("clusterexcellencedenmark"))
    assert "DEGRADED" in line
    assert "field coverage fell against the last good run: start/deadline 100% → 0%" in line

    # A degraded run is no yardstick: the next run of the redesign is degraded too,
    # and the dates coming back clear it.
    assert run(tmp_path, redesigned).returncode == 3
    back = run(tmp_path, site)
    assert back.returncode == 0, back.stderr
    assert clusterfeeds("status", "--db", tmp_path / "cf.db").returncode == 0
