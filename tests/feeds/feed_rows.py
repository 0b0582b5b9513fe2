"""Realistic stored rows, as the pipelines write them, and what the feeds must show."""

import json
from datetime import date

AS_OF = date(2026, 11, 16)
BASE_URL = "https://feeds.example.org/cluster/"
HOSTILE_EVENT = '<script>alert("x")</script> Smart & Green Days'
HOSTILE_CALL = "R&D vouchers <b>2027</b> & <script>steal()</script>"


def cutoff(at, all_day=False, approximate=False, text=""):
    return {"at": at, "all_day": all_day, "approximate": approximate, "text": text}


def row(id, kind, title, first_seen, **fields):
    stored = {
        "id": id,
        "kind": kind,
        "title": title,
        "first_seen": first_seen,
        "updated": fields.pop("updated", first_seen),
        "last_seen": fields.pop("last_seen", "2026-11-16T06:00:00+00:00"),
        "source": fields.pop("source", "eccp"),
        "url": fields.pop("url", f"https://www.clustercollaboration.eu/content/{id}"),
        "language": "en",
        "country": fields.pop("country", "EU"),
        "all_day": 0,
        "summary": fields.pop("summary", f"About {title}."),
        "tags": json.dumps(fields.pop("tags", [])),
        "topics": json.dumps(fields.pop("topics", [])),
    }
    if "deadlines" in fields:
        fields["deadlines"] = json.dumps(fields["deadlines"])
    stored.update(fields)
    return stored


EVENTS = [
    row(
        "ev-arendal",
        "event",
        "Innovation days in Arendal",
        "2026-11-10T08:00:00+01:00",
        source="innovasjonnorge",
        country="NO",
        all_day=1,
        start="2026-12-01",
        end="2026-12-03",
        timezone="Europe/Oslo",
        location="Arendal, Norway",
        online=0,
        status="upcoming",
        url="https://www.innovasjonnorge.no/en/start-page/eea-norway-grants/events/arendal/",
    ),
    row(
        "ev-conference",
        "event",
        "European Cluster Conference",
        "2026-11-12T09:15:00+01:00",
        start="2026-11-25T09:30:00+01:00",
        end="2026-11-25T17:00:00+01:00",
        timezone="Europe/Brussels",
        location="Brussels",
        online=0,
        status="upcoming",
        tags=["clusters", "policy"],
        topics=["digital"],
        entry_id="ev-conference",
    ),
    # The same conference announced by a source ranked after ECCP (an unlisted one):
    # all-day, less informative.
    row(
        "ev-conference-no",
        "event",
        "European Cluster Conference 2026",
        "2026-11-11T07:00:00+01:00",
        source="siva",
        country="NO",
        all_day=1,
        start="2026-11-25",
        end="2026-11-25",
        timezone="Europe/Oslo",
        status="upcoming",
        language="no",
        summary="",
        topics=["green"],
        entry_id="ev-conference",
        url="https://siva.no/arrangementer/european-cluster-conference/",
    ),
    row(
        "ev-webinar",
        "event",
        "Webinar: EEA grants for SMEs",
        "2026-11-14T12:00:00+01:00",
        source="innovasjonnorge",
        country="NO",
        start="2026-11-20T10:00:00+01:00",
        end="2026-11-20T11:30:00+01:00",
        timezone="Europe/Oslo",
        online=1,
        status="upcoming",
    ),
    row(
        "ev-past",
        "event",
        "Matchmaking at Hannover Messe",
        "2026-03-02T10:00:00+01:00",
        all_day=1,
        start="2026-04-20",
        end="2026-04-24",
        timezone="Europe/Berlin",
        location="Hannover",
        status="past",
    ),
    row(
        "ev-cancelled",
        "event",
        "Cluster excellence workshop",
        "2026-11-01T10:00:00+01:00",
        start="2026-12-10T14:00:00+01:00",
        end="2026-12-10T16:00:00+01:00",
        timezone="Europe/Brussels",
        location="Brussels",
        status="cancelled",
    ),
    row(
        "ev-hostile",
        "event",
        HOSTILE_EVENT,
        "2026-11-15T18:00:00+01:00",
        all_day=1,
        start="2026-11-16",
        end="2026-11-16",
        timezone="Europe/Brussels",
        location="Gent <Flanders> & co",
        status="upcoming",
        summary="Bring <b>friends</b> & colleagues.",
    ),
    row(
        "ev-ongoing",
        "event",
        "Nordic cluster week",
        "2026-11-05T07:30:00+01:00",
        source="siva",
        country="NO",
        all_day=1,
        start="2026-11-10",
        end="2026-11-18",
        timezone="Europe/Oslo",
        location="Trondheim",
        online=1,
        status="upcoming",
        url="https://siva.no/2026/11/nordic-cluster-week/",
    ),
    # No longer listed by siva, whose last good crawl began after it was last seen:
    # upcoming, so it stays in the calendar as cancelled.
    row(
        "ev-gone",
        "event",
        "Arctic cluster summit",
        "2026-10-20T09:00:00+01:00",
        source="siva",
        country="NO",
        all_day=1,
        start="2026-12-05",
        end="2026-12-05",
        timezone="Europe/Oslo",
        location="Tromsø",
        status="upcoming",
        last_seen="2026-11-09T06:00:00+00:00",
        url="https://siva.no/2026/10/arctic-summit/",
    ),
    # Also no longer listed, but only after it was over: nothing is cancelled.
    row(
        "ev-gone-after",
        "event",
        "Cluster day in Bodø",
        "2026-09-01T09:00:00+02:00",
        source="siva",
        country="NO",
        all_day=1,
        start="2026-10-01",
        end="2026-10-01",
        timezone="Europe/Oslo",
        location="Bodø",
        status="past",
        last_seen="2026-10-02T06:00:00+00:00",
        url="https://siva.no/2026/09/bodo/",
    ),
]

CALLS = [
    row(
        "call-single",
        "call",
        "Cluster internationalisation call",
        "2026-11-11T10:00:00+01:00",
        deadline="2026-12-15T17:00:00+01:00",
        timezone="Europe/Brussels",
        status="open",
        deadlines=[cutoff("2026-12-15T17:00:00+01:00", text="15 December 2026, 17:00 Brussels time")],
    ),
    row(
        "call-several",
        "call",
        "Euroclusters open call for SMEs",
        "2026-02-01T09:00:00+01:00",
        updated="2026-11-02T09:00:00+01:00",
        deadline="2027-01-20T23:59:00+01:00",
        timezone="Europe/Brussels",
        status="open",
        deadlines=[
            cutoff("2026-03-01", all_day=True, text="1 March 2026"),
            cutoff("2027-01-20T23:59:00+01:00", text="20 January 2027, 23:59 Brussels time"),
            cutoff("2027-06-01", all_day=True, text="1 June 2027"),
        ],
    ),
    row(
        "call-yearly",
        "call",
        "Norwegian Innovation Clusters",
        "2026-06-01T08:00:00+02:00",
        source="innovasjonnorge",
        country="NO",
        url="https://www.innovasjonnorge.no/tjeneste/norwegian-innovation-clusters",
        all_day=1,
        deadline="2026-09-15",
        timezone="Europe/Oslo",
        status="forthcoming",
        approximate=1,
        earliest="2026-09-10",
        latest="2026-09-20",
        recurrence="yearly",
        deadlines=[
            cutoff(
                "2026-09-15",
                all_day=True,
                approximate=True,
                text="Søknadsfrist er midten av september hvert år",
            )
        ],
    ),
    row(
        "call-closed",
        "call",
        "Utgått: Forprosjekt i klynger",
        "2026-08-01T08:00:00+02:00",
        source="innovasjonnorge",
        country="NO",
        all_day=1,
        deadline="2026-10-01",
        timezone="Europe/Oslo",
        status="closed",
        deadlines=[cutoff("2026-10-01", all_day=True, text="1. oktober 2026")],
    ),
    row(
        "call-closed-early",
        "call",
        "Utgått: Klyngeprosjekt 2027",
        "2026-09-01T08:00:00+02:00",
        source="innovasjonnorge",
        country="NO",
        all_day=1,
        deadline="2026-12-01",
        timezone="Europe/Oslo",
        status="closed",
        deadlines=[cutoff("2026-12-01", all_day=True, text="1. desember 2026")],
    ),
    row(
        "call-hostile",
        "call",
        HOSTILE_CALL,
        "2026-11-13T11:00:00+01:00",
        source="parp",
        country="PL",
        url="https://feng.parp.gov.pl/component/grants/grants/rd-vouchers",
        deadline="2026-11-30T16:00:00+01:00",
        timezone="Europe/Warsaw",
        status="open",
        deadlines=[cutoff("2026-11-30T16:00:00+01:00", text="30 listopada 2026 r., godz. 16:00")],
    ),
]

# The latest good and complete crawl of each source; a failed one after it does not count.
CRAWLS = [
    {"source": "eccp", "started": "2026-11-16T05:00:00+00:00", "outcome": "ok", "complete": 1},
    {"source": "siva", "started": "2026-11-16T05:30:00+00:00", "outcome": "partial", "complete": 1},
    {"source": "innovasjonnorge", "started": "2026-11-15T05:00:00+00:00", "outcome": "ok", "complete": 1},
    {"source": "innovasjonnorge", "started": "2026-11-16T07:00:00+00:00", "outcome": "failed", "complete": 0},
]
# call-several changed at two instants (two fields at the first): SEQUENCE 2.
CHANGES = [
    {"item_id": "call-several", "at": "2026-10-01T09:00:00+00:00", "field": "deadline"},
    {"item_id": "call-several", "at": "2026-10-01T09:00:00+00:00", "field": "deadlines"},
    {"item_id": "call-several", "at": "2026-11-02T08:00:00+00:00", "field": "title"},
]

NEWS = [
    row(
        "news-1",
        "news",
        "Cluster news of the week",
        "2026-11-15T08:00:00+01:00",
        published="2026-11-15",
        status="published",
    )
]

# Newest first_seen first, as the RSS feeds must list them.
# (the conference was first seen when its Norwegian announcement was, at 07:00 on the 11th);
# the RSS/Atom/JSON feeds hold events not yet over and open or forthcoming calls.
EVENTS_NEWEST_FIRST = [
    "ev-hostile",
    "ev-webinar",
    "ev-conference",
    "ev-arendal",
    "ev-ongoing",
    "ev-cancelled",
    "ev-gone",
]
CALLS_NEWEST_FIRST = ["call-hostile", "call-single", "call-yearly", "call-several"]
# Every event in the calendar window (the last six months and on), once per entry.
CALENDAR_EVENTS = [
    "ev-arendal",
    "ev-conference",
    "ev-webinar",
    "ev-cancelled",
    "ev-hostile",
    "ev-ongoing",
    "ev-gone",
    "ev-gone-after",
]
# What index.html shows as of AS_OF, soonest first (not what its source dropped).
UPCOMING_EVENTS = ["ev-ongoing", "ev-hostile", "ev-webinar", "ev-conference", "ev-arendal"]
OPEN_CALLS = ["call-hostile", "call-single", "call-several", "call-yearly"]
# Each has a date, so each has a calendar of its own (entry/<id>.ics).
DATED_ON_PAGE = UPCOMING_EVENTS + OPEN_CALLS
