"""`clusterfeeds browse`: the database in Datasette."""

from __future__ import annotations

import webbrowser

from aggregator.commands.common import add_database_options, usage_error
from aggregator.commands.failures import EXIT_OK

HELP = (
    "Explore the database in Datasette: facets by source, kind, status, venue country and topic; "
    "canned queries (calls closing soon, next month's events, this week's changes) as tables, "
    "calendars (.ics) and Atom feeds. Read-only."
)


def add_arguments(parser):
    add_database_options(parser)
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", type=int, default=8001)
    parser.add_argument("--open", action="store_true", help="open it in the web browser")


def run(args) -> int:
    if not args.db.is_file():
        raise usage_error(f"browse: no database at {args.db}")
    # Datasette and uvicorn load here: no other command pays for them.
    import uvicorn
    from datasette.app import Datasette
    from datasette.plugins import pm

    from aggregator import datasette_calendar
    from aggregator.browse import metadata
    from core import db as database

    database.connect(args.db).close()  # refuses a database that is not ours or newer, and says why
    if not pm.is_registered(datasette_calendar):
        pm.register(datasette_calendar, name="clusterfeeds-calendar")
    datasette = Datasette(
        [str(args.db)], metadata=metadata(args.db.stem, args.as_of), settings={"default_page_size": 50}
    )
    url = f"http://{args.host}:{args.port}/{args.db.stem}"
    print(f"Browsing {args.db} at {url} (Ctrl-C to stop)")
    if args.open:
        webbrowser.open(url)
    uvicorn.run(datasette.app(), host=args.host, port=args.port, log_level="warning")
    return EXIT_OK
