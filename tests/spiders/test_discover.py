"""What a page offers a crawler (spiders/discover.py), read as `clusterfeeds add` reads it."""

from spiders.discover import discover

PAGE = """<html lang="da"><head><title>Arrangementer</title>
<link rel="alternate" type="application/rss+xml" href="/nyheder/rss">
<link rel="alternate" type="application/atom+xml" href="https://klynge.example.dk/atom.xml">
<link rel="stylesheet" href="/style.css"></head>
<body><main><p>Se vores kalender: <a href="webcal://klynge.example.dk/kalender.ics">abonnér</a>
eller <a href="/filer/kalender.ics">hent</a>.</p>
<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
 {"@type": "Event", "name": "Klyngedag", "startDate": "2027-03-04"},
 {"@type": "Organization", "name": "Klyngen"}]}</script>
<a href="/arrangementer/klyngedag-2027">Klyngedag</a> <a href="/arrangementer/webinar-eu-midler">Webinar</a>
<a href="/arrangementer/b2b-moede">B2B-møde</a> <a href="/filer/program.pdf">Program</a>
<a href="/om-os">Om os</a></main></body></html>"""


def test_feeds_calendars_events_and_a_listing_are_found():
    found = discover("https://klynge.example.dk/arrangementer", PAGE)
    assert found.language == "da" and found.title == "Arrangementer"
    assert found.feeds == [
        ("https://klynge.example.dk/nyheder/rss", "rss"),
        ("https://klynge.example.dk/atom.xml", "atom"),
        ("https://klynge.example.dk/kalender.ics", "ical"),
        ("https://klynge.example.dk/filer/kalender.ics", "ical"),
    ]
    assert found.events_on_page == 1
    assert found.listing == [
        "https://klynge.example.dk/arrangementer/klyngedag-2027",
        "https://klynge.example.dk/arrangementer/webinar-eu-midler",
        "https://klynge.example.dk/arrangementer/b2b-moede",
    ]
    assert found.follow == "/arrangementer/[^/?#]+$"
    assert found.kind_guess() == "event"


def test_two_links_of_a_shape_are_no_listing():
    page = '<main><a href="/a/one">1</a><a href="/a/two">2</a><a href="/b/three">3</a></main>'
    found = discover("https://example.org/", page)
    assert (found.listing, found.follow, found.feeds, found.events_on_page) == ([], None, [], 0)
