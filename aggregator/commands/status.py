"""`clusterfeeds status`: how each source's crawls went; non-zero exit when one fails
or is degraded."""

from datetime import UTC, datetime

from aggregator.commands.common import add_database_options, usage_error
from aggregator.commands.failures import EXIT_DEGRADED, EXIT_OK, EXIT_SOURCE_FAILED
from core import db as database
from core.lock import is_held, lock_of

HELP = (
    "Per source: the last run and the last good run, items stored, new and changed, "
    "errors, how old the data is, and the fields whose coverage fell. Exits 1 when a "
    "source is failing, 3 when one is degraded."
)

# The newest row of each source, a `running` one included: a run killed before
# it could record its outcome leaves its row so.
LAST_RUNS = """
select c.* from crawls c
join (select source, max(id) id from crawls group by source) last
  on c.id = last.id order by c.source
"""
# A source whose last run ended otherwise is failing.
WELL = ("ok", "partial")
LEFT_RUNNING = "left running: its run ended without recording an outcome"


def add_arguments(parser):
    add_database_options(parser)


def _age(stamp: str | None) -> str:
    if not stamp:
        return "never"
    hours = (datetime.now(UTC) - datetime.fromisoformat(stamp)).total_seconds() / 3600
    return f"{hours:.0f} h ago" if hours < 48 else f"{hours / 24:.0f} days ago"


def run(args) -> int:
    if not args.db.exists():
        raise usage_error(f"status: no database at {args.db}")
    # Only a live run holds the lock; a `running` row without one is what a
    # killed run left.
    live_run = is_held(lock_of(args.db))
    db = database.connect(args.db)
    stored = dict(db.execute("select source, count(*) from items group by source").fetchall())
    failing, degraded = [], []
    last_runs = list(db.query(LAST_RUNS))
    width = max((len(last["source"]) for last in last_runs), default=0)
    for last in last_runs:
        good = db.execute(
            "select finished from crawls where source = ? and outcome in "
            "('ok', 'partial') order by id desc limit 1",
            [last["source"]],
        ).fetchone()
        if last["outcome"] == "running" and not live_run:
            last = {**last, "outcome": "interrupted", "message": LEFT_RUNNING}
        if last["outcome"] not in (*WELL, "running"):
            failing.append(last["source"])
        elif last["degraded"]:
            degraded.append(last["source"])
            last = {
                **last,
                "outcome": "degraded",
                "message": f"field coverage fell against the last good run: {last['degraded']}",
            }
        print(
            f"{last['source']:<{width}}  {last['outcome'].upper():<11} "
            f"last run {_age(last['finished'] or last['started'])}, "
            f"last good run {_age(good[0] if good else None)}; "
            f"{stored.get(last['source'], 0)} items stored; last run: {last['items'] or 0} items, "
            f"{last['new'] or 0} new, {last['changed'] or 0} changed, {last['errors'] or 0} errors"
            + (f" ({last['message']})" if last["message"] else "")
        )
    db.close()
    return EXIT_SOURCE_FAILED if failing else EXIT_DEGRADED if degraded else EXIT_OK
