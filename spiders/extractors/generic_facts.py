"""What a page's text and markup say, for the generic extractor: dates by role
from ``<time datetime>``, labelled lines and the main text's sentences (first
evidence first), and the page's place, status, title and summary."""

from __future__ import annotations

import re
from itertools import islice

from lxml import etree
from lxml.html import HtmlElement

from core.items import raw_item
from spiders.extractors.generic_blocks import between_is_short, holders_of, split_label, text_lines, time_role
from spiders.extractors.generic_cues import cue_pattern
from spiders.extractors.generic_labels import (
    PLACE_LABELS,
    PLAIN_DATE_LABELS,
    ROLES,
    STATUS_LABEL,
    TERM_LABELS,
    first_sentence,
    has_date,
    labelled,
    role_of,
)
from spiders.extractors.generic_lines import byline, glued_date_line, is_range, timeline, title_line
from spiders.extractors.generic_prose import LIST_MARK, DateRun, read_prose
from spiders.extractors.generic_where import online_in, place_in
from spiders.extractors.tree import first_of, line_of, meta_content, strings_of

ONLINE_WORDS = re.compile(r"\b(online|virtual|webinar|digital|zoom|teams|webex)\b", re.IGNORECASE)
SUMMARY_MIN_CHARS = 40
# A page's own dates come first; hundreds of <time>s are a listing's, and each costs a walk.
TIME_STAMPS = 50
YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
TIME_STAMPS_IN = etree.XPath(".//time[@datetime]")
ARTICLE_TAGS = etree.XPath("//meta[@property='article:tag']/@content", smart_strings=False)


class PageFacts:
    """Dates, place and title of a page from its HTML evidence, first evidence first:
    structured data, <time>s, labels, bylines, timelines, the date line by the title,
    and last the sentences of the text."""

    def __init__(
        self, url: str, root: HtmlElement, main: HtmlElement, language: str, kind: str, article: dict
    ):
        self.url, self.root, self.main, self.language, self.kind = url, root, main, language, kind
        self.roles: dict[str, list[str]] = {role: [] for role in ROLES}
        self.place: str | None = None
        self.status: str | None = None
        self.online: bool | None = None
        self.add("published", text_value(article.get("datePublished")))
        self.add("published", meta_content(root, "article:published_time"))
        lines = list(text_lines(main))
        self.stamped = holders_of(TIME_STAMPS_IN(main))
        # Lines not yet read as a label, byline, timeline step or the title's date line.
        self.free = {i for i, (node, _) in enumerate(lines) if node not in self.stamped}
        self.rest_of: dict[int, str] = {}  # what is left of a line once its glued date is read
        self.read_times(main)
        self.read_labels(lines)
        for role, text, *used in timeline([(node.tag, line) for node, line in lines], self.free, language):
            self.add(role, text)
            self.free -= set(used)
        self.read_title_line(lines)
        self.read_prose(
            [
                (node.tag == "li", self.rest_of.get(i, line))
                for i, (node, line) in enumerate(lines)
                if i in self.free
            ]
        )

    def add(self, role: str, text: str | None) -> None:
        if text and text not in self.roles[role]:
            self.roles[role].append(text)

    def read_times(self, main: HtmlElement) -> None:
        previous: tuple[HtmlElement, str] | None = None
        stamps = (stamp for stamp in main.iterdescendants("time") if stamp.get("datetime") is not None)
        for stamp in islice(stamps, TIME_STAMPS):
            if previous and previous[1] == "event" and between_is_short(previous[0], stamp):
                role = "end"
            else:
                role = time_role(stamp, self.language) or {"event": "event", "news": "published"}.get(
                    self.kind
                )
            if role:
                self.add(role, stamp.get("datetime").strip())
            previous = (stamp, role or "")

    def read_labels(self, lines: list[tuple[HtmlElement, str]]) -> None:
        for index, (_, line) in enumerate(lines):
            if index not in self.free:  # its <time> has been read
                continue
            line = LIST_MARK.sub("", line)  # "• Publié le mardi 09 octobre 2007"
            label, value = split_label(line, self.language)
            if label is None:
                if byline(line, self.language):
                    self.add("published", line)
                    self.free.discard(index)
                continue
            if labelled(label, PLACE_LABELS, self.language) and not self.place:
                self.place = value
            elif label.lower() == STATUS_LABEL and not self.status:
                self.status = value
            elif has_date(value, self.language) and (role := self.label_role(label, value)):
                self.add(role, first_sentence(line))
            else:
                continue
            self.free.discard(index)

    def label_role(self, label: str, value: str) -> str | None:
        """The role a label names. On a news page a plain "Date:" of one day is its
        publication's when nothing said so before; on an event's page "Termin:" is the
        event's, not a deadline; an earlier round's label ("Tidligere ansøgningsrunde")
        names none."""
        if cue_pattern("past", self.language).search(label):
            return None
        role = role_of(label, self.language)
        if self.kind == "news" and labelled(label, PLAIN_DATE_LABELS, self.language):
            if not self.roles["published"] and not is_range(value, self.language):
                return "published"
        if self.kind == "event" and role == "deadline" and labelled(label, TERM_LABELS, self.language):
            return "event"
        return role

    def read_title_line(self, lines: list[tuple[HtmlElement, str]]) -> None:
        """The bare date line by the title: the publication date, unless it spans days
        or hours, which on an event's page is the event's own time."""
        heading = next((i for i, (node, _) in enumerate(lines) if node.tag == "h1"), None)
        index = title_line([line for _, line in lines], heading, self.free, self.language)
        if index is None:
            return
        line = lines[index][1]
        if glued := glued_date_line(line, self.language):
            self.add("published", glued)
            self.rest_of[index] = line[len(glued) :]  # the sentence it ran into is still prose
            return
        if is_range(line, self.language):
            if self.kind == "event":
                self.add("event", line)
                self.free.discard(index)
            return
        self.add("published", line)
        self.free.discard(index)

    def read_prose(self, lines: list[tuple[bool, str]]) -> None:
        """The sentences' dates for what the evidence above left open: a call's
        deadlines (earlier rounds only when there is nothing else) and opening, an
        event's start; and an event's place and online mode from its sentences."""
        runs = read_prose(lines, self.language)
        if self.kind == "call" and not self.roles["deadline"]:
            self.read_call(runs)
        event = self.event_run(runs)
        if self.kind == "event" and not self.roles["event"]:
            self.add("event", event.text if event else None)
        if self.kind == "event" and not self.place:
            # The event's own paragraph first, then those of other dates with an event's cue.
            held = [event] if event else []
            held += [run for run in runs if run.role == "event" and run is not event]
            texts = []
            for run in held:
                offset = max(0, run.line.find(run.sentence))
                texts.append((run.line, offset + run.at, offset + run.until))
            self.place = place_in(texts, self.language)
            self.online = online_in([self.title() or "", *(run.sentence for run in held)]) or None

    def event_run(self, runs: list[DateRun]) -> DateRun | None:
        """The event's date: the first with an event's cue or a time of day; without a
        publication date to take the year from, the first such that writes its year
        ("on October 20th, 1:30 p.m." and later "On October 20, 2022 from 1:30 p.m.");
        else the first date no cue claims."""
        held = [run for run in runs if run.role == "event" or (run.role is None and run.timed)]
        dated = [run for run in held if not run.past and YEAR.search(run.text)]
        if self.roles["published"] or self.roles["updated"]:
            dated = []
        return next(iter(dated or held), None) or next((run for run in runs if run.role is None), None)

    def read_call(self, runs: list[DateRun]) -> None:
        current = [run for run in runs if not run.past]
        for past in (False, True):
            for run in runs if past else current:
                if run.role == "opens" and not run.window:
                    self.add("opens", run.text)
                elif run.role in ("deadline", "registration", "cut-off") or run.window:
                    self.add("deadline", run.text)
            if self.roles["deadline"] or self.roles["opens"]:
                return

    def title(self) -> str | None:
        heading = first_of(self.main, "h1")
        title = line_of(heading if heading is not None else first_of(self.root, "h1"))
        if not title:
            title = meta_content(self.root, "og:title")
        head_title = first_of(self.root, "title")
        if not title and head_title is not None:
            title = re.split(r"\s+[|–—-]\s+", " ".join(strings_of(head_title)).strip())[0]
        return " ".join(title.split()) if title else None

    def fields(self) -> dict:
        roles = self.roles
        deadlines = roles["deadline"] or (roles["registration"] if self.kind == "call" else [])
        # A place label saying "Online (Teams)" is no place; prose may say both: a hybrid event.
        place_online = bool(self.place and ONLINE_WORDS.search(self.place))
        online = True if place_online or self.online else False if self.place else None
        return dict(
            summary=self.summary(),
            start_text=next(iter(roles["event"]), None),
            end_text=next(iter(roles["end"]), None),
            deadline_texts=list(deadlines),
            opens_text=next(iter(roles["opens"]), None),
            published_text=next(iter(roles["published"] or roles["updated"]), None),
            location=None if place_online else self.place,
            online=online,
            status_text=self.status,
            tags=[tag for tag in ARTICLE_TAGS(self.root) if tag],
        )

    def summary(self) -> str | None:
        described = meta_content(self.root, "og:description") or meta_content(self.root, "description")
        if described:
            return described
        paragraph = next(
            (text for p in self.main.iter("p") if len(text := line_of(p) or "") >= SUMMARY_MIN_CHARS),
            None,
        )
        return paragraph

    def item(self) -> dict | None:
        """The page's one item, when the page gives the dates its kind needs."""
        fields, title = self.fields(), self.title()
        kind = self.kind
        if kind == "event" and not fields["start_text"] and fields["deadline_texts"]:
            kind = "call"  # an "event" source's page that names only a deadline is a call
        needed = {
            "event": fields["start_text"],
            "call": fields["deadline_texts"] or fields["opens_text"],
            # An update stamp dates an item but makes none: a static page has one too.
            "news": self.roles["published"],
        }[kind]
        if not needed or not title:
            return None
        return raw_item(kind, self.url, title, self.language, **fields)


def text_value(value) -> str | None:
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value")
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None
