"""The lines a reader sees in a page's main text, for the generic extractor: leaf
blocks split at <br>, "label: value" for definition lists and table rows and
for inline labels, and what labels a <time> (the words before it, its markup)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import islice

from bs4 import NavigableString, Tag

from spiders.extractors.generic_labels import any_label, has_date, label_start, role_of
from spiders.extractors.page import SPACE_BEFORE_PUNCTUATION, line_of

BLOCKS = set(
    "p li div dd dt td th tr h1 h2 h3 h4 h5 h6 section article header footer blockquote figcaption"
    " address ul ol dl table tbody main aside".split()
)
# What a <br> becomes while lines are read (source newlines are mere spaces).
LINE_BREAK = "\u2029"


def text_lines(main: Tag) -> Iterable[tuple[Tag, str]]:
    """(block, line) for each line a reader sees: leaf blocks split at <br>,
    and "label: value" for definition lists and table rows. Linear in the page:
    what holds a block and which value a label has are found in one pass each."""
    for br in main.find_all("br"):
        br.replace_with(NavigableString(LINE_BREAK))
    nodes = [main, *main.find_all(True)]
    holding_blocks = holders_of(main.find_all(list(BLOCKS)))
    values, labelled = label_values(nodes)
    value_texts: dict[int, str] = {}
    for node in nodes:
        if node.name in ("dt", "th"):
            value = values.get(id(node))
            if value is not None:
                if id(value) not in value_texts:
                    value_texts[id(value)] = line_of(value) or ""
                yield value, f"{(line_of(node) or '').rstrip(':')}: {value_texts[id(value)]}".strip()
            continue
        if id(node) in labelled or node.name not in BLOCKS or id(node) in holding_blocks:
            continue
        label = inline_label(node)
        for part in node.get_text(" ").split(LINE_BREAK):
            line = SPACE_BEFORE_PUNCTUATION.sub("", " ".join(part.split()))
            if label and line.startswith(label + " "):
                line = f"{label}: {line[len(label) + 1 :]}"
            if line:
                yield node, line


def holders_of(tags: list[Tag]) -> set[int]:
    """The ids of the elements that hold one of ``tags``: each walk up stops at an
    element marked already, as all above it are, so the whole costs one page."""
    holders: set[int] = set()
    for tag in tags:
        for ancestor in tag.parents:
            if id(ancestor) in holders:
                break
            holders.add(id(ancestor))
    return holders


def label_values(nodes: list[Tag]) -> tuple[dict[int, Tag], set[int]]:
    """For each <dt> or <th> by id, the first <dd> or <td> after it among its
    siblings; and the ids of the <dd>s and <td>s that follow a label."""
    values: dict[int, Tag] = {}
    labelled: set[int] = set()
    for parent in nodes:
        waiting: list[Tag] = []
        after_label = False
        for child in parent.contents:
            if child.name not in ("dt", "th", "dd", "td"):  # a string's name is None
                continue
            if child.name in ("dt", "th"):
                waiting.append(child)
                after_label = True
                continue
            values.update((id(label), child) for label in waiting)
            waiting = []
            if after_label:
                labelled.add(id(child))
    return values, labelled


def inline_label(node: Tag) -> str | None:
    """The text of a label element that opens a block without a colon:
    ``<span class="label">Location</span> Online``."""
    first = next((c for c in node.children if not (isinstance(c, NavigableString) and not c.strip())), None)
    if not isinstance(first, Tag) or first.name not in ("span", "strong", "b", "label", "em"):
        return None
    text = line_of(first)
    if not text or text.endswith(":") or len(text) > 40 or any(ch.isdigit() for ch in text):
        return None
    return text


def split_label(line: str, language: str) -> tuple[str | None, str]:
    """("Deadline", "30 June 2027") from "Deadline: 30 June 2027" or "Meldung 04.05.2023"."""
    label, colon, value = line.partition(":")
    time_colon = label[-1:].isdigit() and value[:1].isdigit()  # "… 14.05.2026 10:15"
    if colon and 0 < len(label) <= 50 and not label.strip().isdigit() and not time_colon:
        return label.strip(), value.strip()
    match = label_start(language).match(line)
    if match and has_date(line[match.end() : match.end() + 24], language):
        return match.group(0).strip(), line[match.end() :].strip()
    return None, line


def time_role(stamp: Tag, language: str) -> str | None:
    """What a <time> is, from the label before it in its block, else its markup."""
    stamp_text = line_of(stamp) or ""
    for ancestor in islice(stamp.parents, 4):
        text = line_of(ancestor) or ""
        prefix = text[: text.find(stamp_text)] if stamp_text and stamp_text in text else ""
        roles = [role_of(m.group(0), language) for m in any_label(language).finditer(prefix.lower())]
        if roles:
            return roles[-1]
        if ancestor.name in BLOCKS - {"div"} and prefix.strip():
            break
    markup = " ".join(
        [
            stamp.get("itemprop", ""),
            *stamp.get("class", []),
            *(c for a in islice(stamp.parents, 3) for c in a.get("class", [])),
        ]
    ).lower()
    for role, pattern in MARKUP_ROLES:
        if pattern.search(markup):
            return role
    return None


MARKUP_ROLES = (
    ("published", re.compile(r"datepublished|publish|posted|submitted|created|byline")),
    ("deadline", re.compile(r"deadline|closing")),
    ("end", re.compile(r"enddate|date-end|end-date")),
    ("event", re.compile(r"startdate|date-start|start-date|event-date")),
)


def between_is_short(first: Tag, second: Tag) -> bool:
    """Two <time>s written as one range: "<time>20.</time> bis <time>28. April</time>"."""
    gap = ""
    for node in islice(first.next_elements, 40):
        if node is second:
            return len(gap.strip()) <= 12
        if isinstance(node, NavigableString) and node.parent is not first:
            gap += node
        if len(gap) > 40:
            return False
    return False
