"""`clusterfeeds status`: how each source's crawls went; non-zero exit when one fails."""

from datetime import datetime, timezone

from aggregator import db as database
from aggregator.commands.common import (EXIT_OK, EXIT_SOURCE_FAILED, add_database_options,
                                        usage_error)

HELP = ("Per source: the last run and the last good run, items stored, new and changed, "
        "errors, and how old the data is. Exits 1 when a source is failing.")

LAST_RUNS = """
select c.* from crawls c
join (select source, max(id) id from crawls where outcome != 'running' group by source) last
  on c.id = last.id order by c.source
"""


def add_arguments(parser):
    add_database_options(parser)


def _age(stamp: str | None) -> str:
    if not stamp:
        return "never"
    hours = (datetime.now(timezone.utc) - datetime.fromisoformat(stamp)).total_seconds() / 3600
    return f"{hours:.0f} h ago" if hours < 48 else f"{hours / 24:.0f} days ago"


def run(args) -> int:
    if not args.db.exists():
        raise usage_error(f"status: no database at {args.db}")
    db = database.connect(args.db)
    stored = dict(db.execute("select source, count(*) from items group by source").fetchall())
    failing = []
    last_runs = list(db.query(LAST_RUNS))
    width = max((len(last["source"]) for last in last_runs), default=0)
    for last in last_runs:
        good = db.execute("select finished from crawls where source = ? and outcome in "
                          "('ok', 'partial') order by id desc limit 1",
                          [last["source"]]).fetchone()
        if last["outcome"] == "failed":
            failing.append(last["source"])
        print(f"{last['source']:<{width}}  {last['outcome'].upper():<8} last run {_age(last['finished'])}, "
              f"last good run {_age(good[0] if good else None)}; "
              f"{stored.get(last['source'], 0)} items stored; last run: {last['items'] or 0} items, "
              f"{last['new'] or 0} new, {last['changed'] or 0} changed, {last['errors'] or 0} errors"
              + (f" ({last['message']})" if last["message"] else ""))
    db.close()
    return EXIT_SOURCE_FAILED if failing else EXIT_OK
