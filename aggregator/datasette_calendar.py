"""A Datasette output renderer: `.ics` of any query that returns whole `items`
rows, written by the same code as the published calendars (feeds/ical.py).

datasette-ics is not used: it writes an all-day date as an event at midnight
and names time zones without the VTIMEZONE a client needs to place them.
Events give one VEVENT each; calls one per cut-off."""

from __future__ import annotations

from datetime import date

from datasette import hookimpl
from datasette.utils.asgi import Response

from feeds.entries import Unpublishable, entry_from_row
from feeds.ical import Calendars
from feeds.load import decoded
from feeds.publish import zone_span

NEEDED = {"id", "kind", "title", "url", "source", "start", "deadlines", "timezone", "all_day", "first_seen"}


@hookimpl
def register_output_renderer():
    return {"extension": "ics", "render": render_calendar, "can_render": can_render_calendar}


def can_render_calendar(columns):
    return NEEDED.issubset(columns)


def render_calendar(rows, columns, query_name, table):
    today = date.today()
    entries, left_out = [], []
    for row in rows:
        try:
            entries.append(entry_from_row(decoded(dict(zip(columns, row, strict=True))), today))
        except Unpublishable as why:
            left_out.append(str(why))
    calendars = Calendars(zone_span(entries, today), today)
    name = f"clusterfeeds: {query_name or table or 'query'}"
    calls = [e for e in entries if e.kind == "call"]
    events = [e for e in entries if e.kind == "event"]
    body = calendars.deadlines(calls, name) if calls and not events else calendars.events(events, name)
    headers = {"X-Clusterfeeds-Left-Out": str(len(left_out))} if left_out else {}
    return Response(body, content_type="text/calendar; charset=utf-8", headers=headers)
