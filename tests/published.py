"""What every published set must be, whatever happened to the run that made it."""

import feedparser
import icalendar


def published_set_is_whole(out):
    for name in ("events.rss", "calls.rss"):
        assert feedparser.parse((out / name).read_bytes()).bozo == 0, name
    for name in ("events.ics", "calls.ics"):
        icalendar.Calendar.from_ical((out / name).read_bytes())
    assert (out / "index.html").read_text().rstrip().endswith("</html>")
