"""Exploring the database in Datasette: what `clusterfeeds browse` serves.

The metadata gives every table and the items' columns a description, facets a
cluster manager filters by, and canned queries for the questions asked most.
Any query that returns whole `items` rows can also be had as a calendar
(`.ics`, rendered by feeds/ical.py through aggregator/datasette_calendar.py);
one that names its columns as datasette-atom asks (`atom_id`, `atom_title`,
`atom_updated`, `atom_link`) as an Atom feed, as the canned queries do.
"""

from __future__ import annotations

from datetime import date

TABLES = {
    "items": "One row per event, call for proposals or news item, as last seen on its source's page. "
    "Dates carry their UTC offset and IANA zone; a date without a time is all-day.",
    "changes": "Every change of a tracked field of an item: an extended deadline, a moved date, a new venue.",
    "crawls": "One row per source per run: pages, items, new and changed ones, errors, how it ended, "
    "the share of items with each field (coverage) and the fields whose share fell (degraded).",
    "problems": "What a crawl could not read, naming the source, page URL and field.",
    "day_keys": "Each event and call under its days and title stems, to find the same thing announced twice.",
}

ITEM_COLUMNS = {
    "id": "Stable: the same page gives the same id on every run",
    "source": "The source (`clusterfeeds sources`) whose page it is",
    "kind": "event, call or news",
    "country": "The source's country (ISO 3166-1 alpha-2, or EU)",
    "venue_country": "Where it takes place, read from the location",
    "venue_city": "The venue's city, read from the location",
    "online": "1 online, 0 in person, empty when the page does not say",
    "start": "When an event starts: YYYY-MM-DD (all day) or a time with its UTC offset",
    "end": "When an event ends, inclusive for all-day dates",
    "opens": "When a call opens for applications",
    "deadline": "A call's next cut-off on or after the crawl day, else its last one",
    "deadlines": "Every cut-off of a call (JSON)",
    "approximate": "1 when the page gives only an approximate date (mid-September)",
    "status": "What the page says: cancelled, closed or forthcoming (dates decide the rest)",
    "topics": "Topics found in the text (JSON list)",
    "entry_id": "Items announcing the same thing share it",
    "first_seen": "When a crawl first stored it",
    "updated": "When a tracked field last changed",
}

ATOM_COLUMNS = "id as atom_id, title as atom_title, updated as atom_updated, url as atom_link"

QUERIES = {
    "calls_closing_soon": {
        "title": "Calls closing within 30 days",
        "description": "Open calls whose next cut-off falls in the next 30 days, soonest first.",
        "sql": f"""select *, {ATOM_COLUMNS} from items
where kind = 'call' and coalesce(status, '') != 'cancelled'
  and substr(deadline, 1, 10) between date('now') and date('now', '+30 days')
order by deadline""",
    },
    "events_next_month": {
        "title": "Next month's events by country",
        "description": "Events starting next calendar month, by venue country (the source's when "
        "the venue is online or unknown); leave country empty for all.",
        "sql": f"""select *, {ATOM_COLUMNS} from items
where kind = 'event' and coalesce(status, '') != 'cancelled'
  and substr(start, 1, 7) = strftime('%Y-%m', date('now', 'start of month', '+1 month'))
  and (:country = '' or coalesce(venue_country, country) = upper(:country))
order by coalesce(venue_country, country), start""",
    },
    "changed_this_week": {
        "title": "What changed this week",
        "description": "Every tracked field that changed in the last 7 days, newest first.",
        "sql": """select changes.at, items.source, items.kind, items.title, changes.field,
       changes.old, changes.new, items.url
from changes join items on items.id = changes.item_id
where changes.at >= datetime('now', '-7 days')
order by changes.at desc""",
    },
}


def metadata(database_name: str, as_of: date | None = None) -> dict:
    """Datasette's metadata for the database file named ``database_name`` (its
    stem); the canned queries count from ``as_of`` when given, else from today."""
    queries = QUERIES
    if as_of:
        day = as_of.isoformat()
        queries = {
            name: {**query, "sql": query["sql"].replace("'now'", f"'{day}'")}
            for name, query in QUERIES.items()
        }
    tables = {name: {"description": text} for name, text in TABLES.items()}
    tables["items"].update(
        columns=ITEM_COLUMNS,
        facets=["source", "kind", "status", "venue_country", {"array": "topics"}],
        sort_desc="first_seen",
    )
    tables["crawls"]["sort_desc"] = "id"
    return {
        "title": "clusterfeeds",
        "description": "Events and funding calls crawled from European agencies' and platforms' sites.",
        "databases": {database_name: {"tables": tables, "queries": queries}},
    }
