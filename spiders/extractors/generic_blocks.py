"""The lines a reader sees in a page's main text, for the generic extractor: leaf
blocks split at <br>, "label: value" for definition lists and table rows and
for inline labels, and what labels a <time> (the words before it, its markup)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import islice

from lxml import etree
from lxml.html import HtmlElement

from spiders.extractors.generic_labels import any_label, has_date, label_start, role_of
from spiders.extractors.tree import SPACE_BEFORE_PUNCTUATION, classes_of, line_of

INVISIBLE = ("script", "style", "template")
BLOCKS = set(
    "p li div dd dt td th tr h1 h2 h3 h4 h5 h6 section article header footer blockquote figcaption"
    " address ul ol dl table tbody main aside".split()
)
# What a <br> becomes while lines are read (source newlines are mere spaces).
LINE_BREAK = "\u2029"
# A block's visible text pieces and its <br>s, in page order.
TEXT_AND_BREAKS = etree.XPath(
    "descendant::text()[not(ancestor::script or ancestor::style or ancestor::template)] | descendant::br",
    smart_strings=False,
)
# How far (elements and pieces of text) after a <time> the next one may stand to
# make one range with it.
GAP_NODES = 40


def text_lines(main: HtmlElement) -> Iterable[tuple[HtmlElement, str]]:
    """(block, line) for each line a reader sees: leaf blocks split at <br>,
    and "label: value" for definition lists and table rows. Linear in the page:
    what holds a block and which value a label has are found in one pass each."""
    nodes = list(main.iter(etree.Element))
    holding_blocks = holders_of(main.iterdescendants(*BLOCKS))
    values, labelled = label_values(nodes)
    value_texts: dict[HtmlElement, str] = {}
    for node in nodes:
        if node.tag in ("dt", "th"):
            value = values.get(node)
            if value is not None:
                if value not in value_texts:
                    value_texts[value] = line_of(value) or ""
                yield value, f"{(line_of(node) or '').rstrip(':')}: {value_texts[value]}".strip()
            continue
        if node in labelled or node.tag not in BLOCKS or node in holding_blocks:
            continue
        label = inline_label(node)
        for part in text_with_breaks(node).split(LINE_BREAK):
            line = SPACE_BEFORE_PUNCTUATION.sub("", " ".join(part.split()))
            if label and line.startswith(label + " "):
                line = f"{label}: {line[len(label) + 1 :]}"
            if line:
                yield node, line


def text_with_breaks(node: HtmlElement) -> str:
    """The node's visible text pieces joined by spaces, each <br> a LINE_BREAK."""
    return " ".join(piece if isinstance(piece, str) else LINE_BREAK for piece in TEXT_AND_BREAKS(node))


def holders_of(elements: Iterable[HtmlElement]) -> set[HtmlElement]:
    """The elements that hold one of ``elements``: each walk up stops at an element
    marked already, as all above it are, so the whole costs one page. (The set
    keeps the elements alive, and with them their identity in lxml.)"""
    holders: set[HtmlElement] = set()
    for element in elements:
        for ancestor in element.iterancestors():
            if ancestor in holders:
                break
            holders.add(ancestor)
    return holders


def label_values(nodes: list[HtmlElement]) -> tuple[dict[HtmlElement, HtmlElement], set[HtmlElement]]:
    """For each <dt> or <th>, the first <dd> or <td> after it among its siblings;
    and the <dd>s and <td>s that follow a label."""
    values: dict[HtmlElement, HtmlElement] = {}
    labelled: set[HtmlElement] = set()
    for parent in nodes:
        waiting: list[HtmlElement] = []
        after_label = False
        for child in parent.iterchildren("dt", "th", "dd", "td"):
            if child.tag in ("dt", "th"):
                waiting.append(child)
                after_label = True
                continue
            values.update((label, child) for label in waiting)
            waiting = []
            if after_label:
                labelled.add(child)
    return values, labelled


def inline_label(node: HtmlElement) -> str | None:
    """The text of a label element that opens a block without a colon:
    ``<span class="label">Location</span> Online``."""
    first = first_shown(node)
    if first is None or first.tag not in ("span", "strong", "b", "label", "em"):
        return None
    text = line_of(first)
    if not text or text.endswith(":") or len(text) > 40 or any(ch.isdigit() for ch in text):
        return None
    return text


def first_shown(node: HtmlElement) -> HtmlElement | None:
    """The element a block opens with, passing over white space, <br>s and comments;
    None when it opens with text."""
    if (node.text or "").strip():
        return None
    for child in node.iterchildren(etree.Element):
        if child.tag != "br":
            return child
        if (child.tail or "").strip():
            return None
    return None


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


def time_role(stamp: HtmlElement, language: str) -> str | None:
    """What a <time> is, from the label before it in its block, else its markup."""
    stamp_text = line_of(stamp) or ""
    for ancestor in islice(stamp.iterancestors(), 4):
        text = line_of(ancestor) or ""
        prefix = text[: text.find(stamp_text)] if stamp_text and stamp_text in text else ""
        roles = [role_of(m.group(0), language) for m in any_label(language).finditer(prefix.lower())]
        if roles:
            return roles[-1]
        if ancestor.tag in BLOCKS - {"div"} and prefix.strip():
            break
    markup = " ".join(
        [
            stamp.get("itemprop", ""),
            *classes_of(stamp),
            *(c for a in islice(stamp.iterancestors(), 3) for c in classes_of(a)),
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


def between_is_short(first: HtmlElement, second: HtmlElement) -> bool:
    """Two <time>s written as one range: "<time>20.</time> bis <time>28. April</time>"."""
    gap = ""
    for node, holder in islice(following(first), GAP_NODES):
        if node is second:
            return len(gap.strip()) <= 12
        if isinstance(node, str) and holder is not first:
            gap += node if node.strip() else " "  # the white space of a page's indenting is one space
        if len(gap) > 40:
            return False
    return False


def following(first: HtmlElement) -> Iterator[tuple[HtmlElement | str, HtmlElement | None]]:
    """What follows the start of ``first`` in page order, lazily: (element, its parent)
    and (a piece of visible text, the element it stands in); comments are no text."""
    walk = page_order(first)
    next(walk)  # ``first`` itself
    yield from walk
    node = first
    while node is not None:
        for sibling in node.itersiblings():
            yield from page_order(sibling)
        node = node.getparent()
        if node is not None and node.tail:
            yield node.tail, node.getparent()


def page_order(element: HtmlElement) -> Iterator[tuple[HtmlElement | str, HtmlElement | None]]:
    """An element, the text and elements it holds, and the text after it, in page order."""
    for event, node in etree.iterwalk(element, events=("start", "end", "comment", "pi")):
        if event == "start":
            yield node, node.getparent()
            if node.text and node.tag not in INVISIBLE:
                yield node.text, node
        elif node.tail:  # the end of an element, or a comment
            yield node.tail, node.getparent()
