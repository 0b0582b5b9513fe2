"""What the feeds show: entries (events and calls) with real date values.

A stored row becomes a ``Entry`` whose status is the one its dates give as of
the day the feeds are built, else the one its page states (the only place a
status is decided: ``Entry.status_on``), whose dates are ``date``/aware ``datetime``
values in their own zone, so renderers never parse text, and whose texts hold no
control character, whatever an older version stored. A row that cannot be read
raises ``Unpublishable`` naming its source, URL and field.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from core.bounds import without_controls
from core.db import day_of
from core.items import SAID_STATUSES, Kind, Status

# A call in these states is not open, whatever its dates say.
NOT_OPEN = (Status.CLOSED, Status.CANCELLED)
# A label in capitals up to this long is an acronym ("EU", "FENG"); a longer one shouts.
LONGEST_ACRONYM = 6
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
MICROSECOND = timedelta(microseconds=1)


class Unpublishable(ValueError):
    """An item or entry left out of the feeds: a stored value that cannot be read,
    or one that a feed format cannot carry (``field_name`` then names the format)."""

    def __init__(self, item_id: str, field_name: str, problem: str, source: str = "?", url: str = "?"):
        super().__init__(f"{source}: {url}: {field_name}: {problem} (item {item_id})")
        self.item_id, self.field_name, self.source, self.url = item_id, field_name, source, url


@dataclass(frozen=True, slots=True)
class Moment:
    """A day (``all_day``) or an aware instant shown in ``zone``."""

    value: date | datetime
    all_day: bool
    zone: str | None
    approximate: bool = False

    def day(self) -> date:
        """The calendar day, in the moment's own zone."""
        return self.value if self.all_day else self.value.date()


@dataclass(frozen=True, slots=True)
class Cutoff:
    """One deadline of a call; ``index`` is its place in the stored list."""

    index: int
    at: Moment
    text: str


@dataclass(frozen=True, slots=True)
class Link:
    """Where an entry is announced: a page and the source that has it."""

    source: str
    url: str


@dataclass(frozen=True, slots=True)
class Entry:
    """One real-world event or call; ``id`` is its entry id, stable over time."""

    id: str
    kind: str
    source: str
    title: str
    url: str
    summary: str
    country: str | None
    language: str | None
    tags: tuple[str, ...]
    location: str | None
    online: bool | None
    venue_country: str | None  # where it takes place; ``country`` is its source's
    said: Status | None  # what its page says (pipelines/classify.py)
    start: Moment | None
    end: Moment | None
    cutoffs: tuple[Cutoff, ...]
    earliest: date | None
    latest: date | None
    recurrence: str | None
    first_seen: datetime
    updated: datetime
    last_seen: datetime | None = None
    published: Moment | None = None  # the date its page gives it, if any
    status: Status | None = None  # as of the feeds' day: status_on (entry_from_row)
    opens: date | None = None  # the day a call opens
    topics: tuple[str, ...] = ()
    also: tuple[Link, ...] = ()  # related pages; once grouped (feeds.load), the other members' too
    # Filled when members are grouped (feeds.load):
    members: tuple[Entry, ...] = ()  # every member, the one the entry shows first
    countries: frozenset[str] = field(default=frozenset())
    sources: frozenset[str] = field(default=frozenset())
    languages: frozenset[str] = field(default=frozenset())
    sequence: int = 0  # rises whenever the entry changes
    gone_since: datetime | None = None  # no longer listed by any of its sources

    @property
    def listed_country(self) -> str | None:
        """The country it is filed under: its venue's; online or unknown, its source's."""
        return self.venue_country or self.country

    @property
    def categories(self) -> tuple[str, ...]:
        """Its topics and tags, each once whatever its case (``merged_labels``)."""
        return merged_labels((*self.topics, *self.tags))

    @property
    def cancelled(self) -> bool:
        return self.status == Status.CANCELLED

    def withdrawn_before(self, day: date) -> bool:
        """Cancelled, or gone from its sources by ``day`` (an event's last day, a
        cut-off's day): a calendar shows it as cancelled. Gone only after it is
        not withdrawn: listings drop what is over."""
        return self.cancelled or (self.gone_since is not None and self.gone_since.date() <= day)

    def next_deadline(self, as_of: date) -> tuple[date, Cutoff] | None:
        """The soonest cut-off on or after ``as_of``, with the day it is due (yearly ones recur)."""
        due = [
            (day, c) for c in self.cutoffs if (day := occurrence_on_or_after(c.at, self.recurrence, as_of))
        ]
        return min(due, key=lambda pair: (pair[0], pair[1].index), default=None)

    def is_current(self, as_of: date) -> bool:
        """Upcoming event (starts or ends on/after ``as_of``) or open or forthcoming call."""
        if self.kind == Kind.EVENT:
            return not self.cancelled and self.is_ahead(as_of)
        return self.status not in NOT_OPEN and (
            self.next_deadline(as_of) is not None
            or (not self.cutoffs and self.status in (Status.OPEN, Status.FORTHCOMING))
        )

    def is_ahead(self, as_of: date) -> bool:
        """An event that has not ended by ``as_of``, cancelled or not."""
        last = self.end or self.start
        return last is not None and occurrence_on_or_after(last, self.recurrence, as_of) is not None

    def status_on(self, as_of: date) -> Status | None:
        """As of ``as_of``: the dates first, then the words, None when neither says.

        Words go stale (an API still says "Forthcoming" two years after the deadline),
        dates do not: a call whose last cut-off has passed is closed and one whose
        opening is ahead is forthcoming, whatever its page says. Only "cancelled" beats
        the dates, as dates never tell it; a page's "closed" still counts between
        opening and deadline (a call can close early), its "forthcoming" no longer
        once the opening day has come."""
        if self.said == Status.CANCELLED:
            return self.said
        if self.kind == Kind.EVENT:
            if not (self.end or self.start):
                return None
            return Status.UPCOMING if self.is_ahead(as_of) else Status.PAST
        if self.cutoffs and not self.next_deadline(as_of):
            return Status.CLOSED
        if self.opens and self.opens > as_of:
            return Status.FORTHCOMING
        if self.said and not (self.said == Status.FORTHCOMING and self.opens):
            return self.said
        return Status.OPEN if self.cutoffs or self.opens else None

    def moments(self) -> list[Moment]:
        """Every date of the entry: start, end, each cut-off."""
        return [m for m in (self.start, self.end, *(c.at for c in self.cutoffs)) if m]

    def main_day(self) -> date | None:
        """The event's first day, or the call's last cut-off."""
        if self.start:
            return self.start.day()
        return max((c.at.day() for c in self.cutoffs), default=None)


def web_url(url: str) -> str | None:
    """The URL if it is http(s): a crawled ``javascript:`` link must never become a link."""
    return url if urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc else None


def merged_labels(labels) -> tuple[str, ...]:
    """The labels, blank ones dropped, each once whatever its case ("funding",
    "Funding"), in the best-cased form: one with capitals, as a page wrote a name
    or an acronym, over all lower case, a whole word in capitals last; in the
    order they first came."""
    forms: dict[str, list[str]] = {}
    for label in labels:
        if label.strip():
            forms.setdefault(label.casefold(), []).append(label)
    return tuple(min(found, key=_casing_rank) for found in forms.values())


def _casing_rank(label: str) -> int:
    shouted = label.isupper() and len(label) > LONGEST_ACRONYM
    return 2 if shouted else 1 if label.islower() else 0


def occurrence_on_or_after(moment: Moment, recurrence: str | None, as_of: date) -> date | None:
    """The day ``moment`` falls on, or for a yearly one its next year's, if not before as_of."""
    day = moment.day()
    if recurrence == "yearly":
        while day < as_of:
            day = _same_day_in_year(day, day.year + 1)
    return day if day >= as_of else None


def entry_from_row(row: dict, as_of: date) -> Entry:
    """One row, its JSON columns decoded (see ``feeds.load``), as an entry of its own
    with its status as of ``as_of``."""
    item_id = row.get("id") or "?"
    source, url = (row.get(name) if isinstance(row.get(name), str) else "?" for name in ("source", "url"))

    def read(name: str, parse, *args):
        try:
            return parse(*args)
        except (ValueError, TypeError, KeyError, AttributeError, OverflowError) as error:
            raise Unpublishable(item_id, name, f"{error}", source, url) from error

    def text(name: str) -> str | None:
        return read(name, _text, row.get(name))

    zone = text("timezone")
    all_day = bool(row.get("all_day"))
    approximate = bool(row.get("approximate"))
    cutoffs = read("deadlines", _cutoffs, row, zone, all_day, approximate)
    required = {name: (text(name) or "").strip() for name in ("title", "url", "source", "kind")}
    for name, value in required.items():
        if not value:
            raise Unpublishable(item_id, name, "missing", source, url)
    first_seen = read("first_seen", instant, row.get("first_seen"))
    entry = Entry(
        id=row["id"],
        **required,
        summary=text("summary") or "",
        country=text("country"),
        language=text("language"),
        tags=tuple(read("tags", _texts, row.get("tags"))),
        topics=tuple(read("topics", _texts, row.get("topics"))),
        location=text("location"),
        online=None if row.get("online") is None else bool(row["online"]),
        venue_country=text("venue_country"),
        said=read("status", _said, row.get("status")),
        opens=read("opens", day_of, row.get("opens")),
        start=read("start", _optional_moment, row.get("start"), all_day, zone, approximate),
        end=read("end", _optional_moment, row.get("end"), all_day, zone, approximate),
        cutoffs=cutoffs,
        earliest=read("earliest", _day_or_none, row.get("earliest")),
        latest=read("latest", _day_or_none, row.get("latest")),
        recurrence=text("recurrence"),
        first_seen=first_seen,
        updated=read("updated", instant, row.get("updated")) if row.get("updated") else first_seen,
        last_seen=read("last_seen", instant, row.get("last_seen")) if row.get("last_seen") else None,
        published=read("published", _optional_moment, row.get("published"), False, zone, False),
        also=(Link(row["source"], row["related_url"]),) if row.get("related_url") else (),
    )
    return replace(entry, status=entry.status_on(as_of))


def moment(text: str, all_day: bool, zone: str | None, approximate: bool = False) -> Moment:
    """A stored date (``YYYY-MM-DD``) or timestamp with offset, shown in ``zone``."""
    if all_day or len(text) == 10:
        return Moment(date.fromisoformat(text[:10]), True, zone, approximate)
    value = instant(text)
    try:
        value = value.astimezone(ZoneInfo(zone)) if zone else value
    except (ZoneInfoNotFoundError, ValueError):
        zone = None  # an unknown zone name: keep the stored offset, which is exact
    return Moment(value, False, zone, approximate)


def microseconds(instant: datetime) -> int:
    """An aware instant as an integer that sorts as the instants do."""
    return (instant - EPOCH) // MICROSECOND


def instant(text: str) -> datetime:
    """An ISO timestamp; one stored without an offset is taken as UTC."""
    value = datetime.fromisoformat(text)
    value = value if value.tzinfo else value.replace(tzinfo=UTC)
    try:
        value.astimezone(UTC)  # every feed says it in UTC
    except OverflowError:
        raise ValueError(f"{text!r} is out of range in UTC") from None
    return value


def _cutoffs(row: dict, zone: str | None, all_day: bool, approximate: bool) -> tuple[Cutoff, ...]:
    cutoffs = [
        Cutoff(
            i,
            moment(d["at"], bool(d.get("all_day")), zone, bool(d.get("approximate"))),
            _text(d.get("text")) or "",
        )
        for i, d in enumerate(row.get("deadlines") or [])
        if d.get("at")
    ]
    if not cutoffs and row.get("deadline"):
        cutoffs = [Cutoff(0, moment(row["deadline"], all_day, zone, approximate), "")]
    return tuple(cutoffs)


def _optional_moment(text: str | None, all_day: bool, zone: str | None, approximate: bool) -> Moment | None:
    return moment(text, all_day, zone, approximate) if text else None


def _said(value) -> Status | None:
    """The status its page states; a time-based one an older clusterfeeds stored
    gives way to the dates."""
    return Status(value) if value in SAID_STATUSES else None


def _text(value) -> str | None:
    """A stored text without control characters; None when empty."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise TypeError(f"not a text: {value!r}")
    return without_controls(value) or None


def _texts(values) -> list[str]:
    if values is None:
        return []
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise TypeError("not a list of texts")
    return [text for text in map(_text, values) if text]


def _day_or_none(text: str | None) -> date | None:
    return date.fromisoformat(text[:10]) if text else None


def _same_day_in_year(day: date, year: int) -> date:
    return day.replace(year=year) if (day.month, day.day) != (2, 29) else date(year, 2, 28)
