"""Country feeds and the page's country filter go by where an event takes place;
an online event, or one whose venue is unknown, by its source's country."""

import feedparser
import lxml.html
import pytest
from feed_rows import AS_OF, BASE_URL, row

from core.db import connect
from feeds.publish import publish

ROWS = [
    # An EU-wide source's conference in Warsaw.
    row(
        "ev-warsaw",
        "event",
        "European Cluster Conference",
        "2026-11-12T09:15:00+01:00",
        all_day=1,
        start="2026-12-02",
        end="2026-12-03",
        timezone="Europe/Warsaw",
        location="Warsaw, Poland",
        venue_country="PL",
        venue_city="Warsaw",
        online=0,
    ),
    # The same source's webinar: no venue, so it stays under EU.
    row(
        "ev-webinar",
        "event",
        "Webinar: cluster internationalisation",
        "2026-11-13T09:00:00+01:00",
        all_day=1,
        start="2026-12-04",
        end="2026-12-04",
        timezone="Europe/Brussels",
        location="Online (Zoom)",
        online=1,
    ),
    # A Norwegian source's trip to Vilnius.
    row(
        "ev-vilnius",
        "event",
        "Klyngetur til Vilnius",
        "2026-11-14T09:00:00+01:00",
        source="innovasjonnorge",
        country="NO",
        all_day=1,
        start="2026-12-08",
        end="2026-12-09",
        timezone="Europe/Vilnius",
        location="Vilnius, Litauen",
        venue_country="LT",
        venue_city="Vilnius",
        online=0,
        url="https://www.innovasjonnorge.no/arrangementer/klyngetur-vilnius/",
    ),
]


@pytest.fixture
def site(tmp_path):
    db = connect(tmp_path / "venues.db")
    db["items"].insert_all(ROWS)
    out = tmp_path / "site"
    publish(db, out, AS_OF, BASE_URL)
    return out


def titles_in(site, folder):
    path = site / folder / "events.rss"
    return {e.title for e in feedparser.parse(path.read_bytes()).entries} if path.exists() else set()


def test_an_eu_source_event_in_warsaw_is_under_poland_not_eu(site):
    assert titles_in(site, "country/pl") == {"European Cluster Conference"}
    assert titles_in(site, "country/eu") == {"Webinar: cluster internationalisation"}


def test_a_national_sources_event_abroad_is_under_the_venues_country(site):
    assert titles_in(site, "country/lt") == {"Klyngetur til Vilnius"}
    assert titles_in(site, "country/no") == set()
    # The source's own feed still has it.
    assert titles_in(site, "source/innovasjonnorge") == {"Klyngetur til Vilnius"}


def test_the_pages_country_filter_uses_the_venue(site):
    page = lxml.html.parse(str(site / "index.html")).getroot()
    countries = {li.get("id"): li.get("data-country") for li in page.xpath("//ul[@class='entries']/li")}
    assert countries == {"ev-warsaw": "|PL|", "ev-webinar": "|EU|", "ev-vilnius": "|LT|"}
    options = page.xpath('//form[@id="filters"]//select[@name="country"]/option/@value')
    assert options == ["", "EU", "LT", "PL"]
