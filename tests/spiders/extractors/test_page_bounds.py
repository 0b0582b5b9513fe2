"""Hostile pages cost a bounded time: nesting 100,000 deep, JSON-LD by the
hundred thousand, regexes from a source file that backtrack for ever, and wide
tables of labels. Each is read in time linear in the page, and each cut or
overrun is a problem."""

import json
import threading

import pytest

from spiders.extractors import eeagrants
from spiders.extractors.feeds_in import extract_feed
from spiders.extractors.generic import PATTERN_SECONDS, extract_page
from spiders.extractors.tree import MAX_DEPTH, MAX_JSON_LD_OBJECTS, json_ld_nodes, text_of, tree_of

URL = "https://agency.example.org/events/cluster-day"
EVENT = "<h1>Cluster Day</h1><p>Start: 3 March 2027, 10:00</p><p>Venue: Oslo</p>"
# Far more than the work takes when linear; quadratic work on these pages takes hours.
BOUND = 120


def within_bound(function, *args, **kwargs):
    """function(*args, **kwargs), failing the test if it is still running after BOUND seconds."""
    outcome = {}
    worker = threading.Thread(target=lambda: outcome.update(value=function(*args, **kwargs)), daemon=True)
    worker.start()
    worker.join(BOUND)
    assert not worker.is_alive(), f"still running after {BOUND} s"
    return outcome["value"]


def page(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html lang='en'><head><title>Events</title>{head}</head><body><main>{body}</main></body></html>"


def depth_of(root) -> int:
    return max(sum(1 for _ in element.iterancestors()) for element in root.iter())


@pytest.mark.parametrize(
    "opening, closing",
    [
        ("<div>", "</div>"),
        ("<span>", "</span>"),
        ("<ul><li>", "</li></ul>"),
        ("<table><tr><td>", "</td></tr></table>"),
        ("<dl><dt>Start</dt><dd>", "</dd></dl>"),
        ("<section><p>x</p><blockquote>", "</blockquote></section>"),
    ],
)
def test_html_nested_100000_deep_is_read_and_its_text_kept(opening, closing):
    html = page(EVENT + opening * 100_000 + "the bottom" + closing * 100_000)
    root = within_bound(tree_of, html)
    assert depth_of(root) <= MAX_DEPTH and "the bottom" in text_of(root)
    [item] = within_bound(extract_page, URL, html, language="en", kind="event").items
    assert (item["title"], item["start_text"], item["location"]) == (
        "Cluster Day",
        "Start: 3 March 2027, 10:00",
        "Oslo",
    )


def test_a_wide_table_of_labels_is_read_in_linear_time():
    row = "<th>Label</th>" * 10_000 + "<td>Deadline: 30 June 2027</td>"
    html = page(f"<h1>Open call</h1><table><tr>{row}</tr></table>" + "<p>x</p>" * 10_000)
    [item] = within_bound(extract_page, URL, html, language="en", kind="call").items
    assert item["deadline_texts"] == ["Deadline: 30 June 2027"]


def test_a_page_of_20000_time_stamps_is_read():
    stamps = "".join(f'<li><time datetime="2027-03-{n % 28 + 1:02d}">{n}</time></li>' for n in range(20_000))
    html = page(f"<h1>Cluster Day</h1><ul>{stamps}</ul>")
    [item] = within_bound(extract_page, URL, html, language="en", kind="event").items
    assert item["start_text"] == "2027-03-01"


def json_ld(data) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def event(n: int) -> dict:
    return {"@type": "Event", "name": f"Event {n}", "startDate": "2027-03-04", "url": f"/events/{n}"}


@pytest.mark.parametrize(
    "head",
    [
        json_ld([event(n) for n in range(100_000)]),
        json_ld({"@graph": [event(n) for n in range(100_000)]}),
        "".join(json_ld(event(n)) for n in range(20_000)),
    ],
    ids=["100,000 in one list", "100,000 in one graph", "20,000 in a script each"],
)
def test_json_ld_events_by_the_ten_thousand_are_cut_at_the_cap_and_the_cut_named(head):
    extraction = within_bound(extract_page, URL, page("<h1>Events</h1>", head), language="en", kind="event")
    assert len(extraction.items) == MAX_JSON_LD_OBJECTS
    assert extraction.items[-1]["title"] == f"Event {MAX_JSON_LD_OBJECTS - 1}"
    assert extraction.problems == [
        (
            "json-ld",
            f"more than {MAX_JSON_LD_OBJECTS} schema.org objects; only the first {MAX_JSON_LD_OBJECTS} read",
        )
    ]


def test_json_ld_nested_deeper_than_json_reads_is_passed_over():
    head = (
        '<script type="application/ld+json">'
        + "[" * 100_000
        + "]" * 100_000
        + "</script>"
        + json_ld({"@graph": [[[event(1)]]]})
    )
    assert [node["name"] for node in json_ld_nodes(tree_of(page("", head)))] == ["Event 1"]


LONG_URL = "https://agency.example.org/" + "a" * 40 + "!"
BACKTRACKING = "(a|aa)+$"


def test_a_follow_regex_that_backtracks_for_ever_is_stopped_reported_and_dropped():
    links = "".join(
        f'<a href="{href}">x</a>' for href in (LONG_URL, LONG_URL + "!", "/events/b", "/events/c")
    )
    extraction = within_bound(
        extract_page, URL, page(links), language="en", kind="event", follow=[BACKTRACKING, "/events/[a-z]$"]
    )
    assert extraction.links == ["https://agency.example.org/events/b", "https://agency.example.org/events/c"]
    assert extraction.problems == [
        (
            "follow",
            f"{BACKTRACKING!r} took over {PATTERN_SECONDS} s on {LONG_URL} "
            "(catastrophic backtracking); not used on the rest of this page",
        )
    ]


def test_a_url_kinds_regex_that_backtracks_for_ever_is_stopped_in_a_feed_too():
    feed = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>
      <item><title>One</title><link>{LONG_URL}</link><pubDate>Mon, 05 Oct 2026 07:00:00 +0000</pubDate></item>
      <item><title>Two</title><link>{LONG_URL}</link><pubDate>Mon, 05 Oct 2026 07:00:00 +0000</pubDate></item>
    </channel></rss>"""
    extraction = within_bound(
        extract_feed, URL, feed, language="en", kind="news", url_kinds=[(BACKTRACKING, "event")]
    )
    assert [item["kind"] for item in extraction.items] == ["news", "news"]
    [(field, message)] = extraction.problems
    assert field == "url_kinds" and message.startswith(f"{BACKTRACKING!r} took over")


def test_a_paragraph_of_40000_short_elements_is_read_in_linear_time_by_a_site_extractor():
    # Each short element may be a label whose value follows it in its parent's text:
    # that text is read once per parent, not once per element.
    words = "<span>word</span> " * 40_000
    html = page(f"<h1>Green call</h1><p><strong>Call status:</strong> Open</p><p>{words}</p>")
    extraction = within_bound(eeagrants.extract, "https://www.innovationnorway.ro/calls/green-call/", html)
    [call] = extraction.items
    assert (call["title"], call["status_text"]) == ("Green call", "Open")
