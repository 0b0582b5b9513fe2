"""The rules the W3C feed validator and the JSON Feed 1.1 spec apply, checked
offline: each function returns the problems found (an empty list when valid)."""

from __future__ import annotations

import json
import re
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import lxml.html
from lxml import etree

ATOM = "{http://www.w3.org/2005/Atom}"
RFC822 = re.compile(
    r"(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|"
    r"Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} ([+-]\d{4}|GMT|UT)"
)
RFC3339 = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})")
LANGUAGE = re.compile(r"[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*")


def rss_problems(data: bytes, self_url: str) -> list[str]:
    problems, root = _parse(data)
    if root is None:
        return problems
    channel = root.find("channel")
    if root.tag != "rss" or root.get("version") != "2.0" or channel is None:
        return problems + ["not an RSS 2.0 document"]
    for name in ("title", "link", "description"):
        if not (channel.findtext(name) or "").strip():
            problems.append(f"channel lacks {name}")
    selfs = [link for link in channel.findall(f"{ATOM}link") if link.get("rel") == "self"]
    if [link.get("href") for link in selfs] != [self_url]:
        problems.append(f"self link {[link.get('href') for link in selfs]} is not {self_url}")
    problems += _absolute("channel link", channel.findtext("link"))
    for name in ("lastBuildDate", "pubDate"):
        problems += [f"{name} {d!r} is not RFC 822" for d in _texts(channel, name) if not _rfc822(d)]
    guids = []
    for item in channel.findall("item"):
        if not (item.findtext("title") or item.findtext("description")):
            problems.append("item without title or description")
        if item.find("link") is not None:
            problems += _absolute("item link", item.findtext("link"))
        problems += [f"pubDate {d!r} is not RFC 822" for d in _texts(item, "pubDate") if not _rfc822(d)]
        guids.append(item.findtext("guid"))
        problems += _html_links(item.findtext("description") or "")
    problems += _duplicates("guid", guids)
    return problems


def atom_problems(data: bytes, self_url: str) -> list[str]:
    problems, root = _parse(data)
    if root is None:
        return problems
    if root.tag != f"{ATOM}feed":
        return problems + ["not an Atom feed"]
    problems += _atom_common(root, "feed")
    selfs = [link.get("href") for link in root.findall(f"{ATOM}link") if link.get("rel") == "self"]
    if selfs != [self_url]:
        problems.append(f"self link {selfs} is not {self_url}")
    feed_author = root.find(f"{ATOM}author") is not None
    ids = []
    for entry in root.findall(f"{ATOM}entry"):
        problems += _atom_common(entry, "entry")
        ids.append(entry.findtext(f"{ATOM}id"))
        if not feed_author and entry.find(f"{ATOM}author") is None:
            problems.append("entry without author in a feed without author")
        if (
            not any(link.get("rel", "alternate") == "alternate" for link in entry.findall(f"{ATOM}link"))
            and entry.find(f"{ATOM}content") is None
        ):
            problems.append("entry without alternate link or content")
        published = entry.findtext(f"{ATOM}published")
        if published and not RFC3339.fullmatch(published):
            problems.append(f"published {published!r} is not RFC 3339")
        lang = entry.get("{http://www.w3.org/XML/1998/namespace}lang")
        if lang is not None and not LANGUAGE.fullmatch(lang):
            problems.append(f"xml:lang {lang!r} is not a language tag")
        content = entry.find(f"{ATOM}content")
        if content is not None and content.get("type") == "html":
            problems += _html_links(content.text or "")
    problems += _duplicates("entry id", ids)
    return problems


def json_feed_problems(data: bytes, self_url: str) -> list[str]:
    try:
        feed = json.loads(data)
    except ValueError as error:
        return [f"not JSON: {error}"]
    problems = []
    if feed.get("version") != "https://jsonfeed.org/version/1.1":
        problems.append("version is not JSON Feed 1.1")
    if not isinstance(feed.get("title"), str) or not feed["title"]:
        problems.append("no title")
    if feed.get("feed_url") != self_url:
        problems.append(f"feed_url {feed.get('feed_url')!r} is not {self_url}")
    problems += _absolute("home_page_url", feed.get("home_page_url"))
    for author in feed.get("authors", []):
        if not isinstance(author, dict) or not (author.get("name") or author.get("url")):
            problems.append("author without name or url")
    if not isinstance(feed.get("items"), list):
        return problems + ["items is not a list"]
    ids = []
    for item in feed["items"]:
        if not isinstance(item.get("id"), str):
            problems.append(f"item id {item.get('id')!r} is not a string")
        ids.append(item.get("id"))
        if not (item.get("content_html") or item.get("content_text")):
            problems.append(f"item {item.get('id')} has no content_html or content_text")
        if "url" in item:
            problems += _absolute("item url", item["url"])
        for name in ("date_published", "date_modified"):
            if name in item and not RFC3339.fullmatch(item[name]):
                problems.append(f"{name} {item[name]!r} is not RFC 3339")
        if not isinstance(item.get("tags", []), list):
            problems.append("tags is not a list")
        problems += _html_links(item.get("content_html") or "")
    problems += _duplicates("item id", ids)
    return problems


def _atom_common(node, what: str) -> list[str]:
    problems = []
    for name in ("id", "title", "updated"):
        if not (node.findtext(f"{ATOM}{name}") or "").strip():
            problems.append(f"{what} lacks {name}")
    node_id = node.findtext(f"{ATOM}id") or ""
    if not re.fullmatch(r"[a-zA-Z][a-zA-Z0-9+.-]*:\S+", node_id):
        problems.append(f"{what} id {node_id!r} is not an IRI")
    updated = node.findtext(f"{ATOM}updated") or ""
    if updated and not RFC3339.fullmatch(updated):
        problems.append(f"{what} updated {updated!r} is not RFC 3339")
    for link in node.findall(f"{ATOM}link"):
        problems += _absolute(f"{what} link", link.get("href"))
    return problems


def _parse(data: bytes):
    """Strict XML: undeclared namespace prefixes and bad characters are errors."""
    try:
        return [], etree.fromstring(data, etree.XMLParser(recover=False, resolve_entities=False))
    except etree.XMLSyntaxError as error:
        return [f"not well-formed XML: {error}"], None


def _texts(node, name: str) -> list[str]:
    return [child.text or "" for child in node.findall(name)]


def _rfc822(text: str) -> bool:
    if not RFC822.fullmatch(text):
        return False
    try:
        return parsedate_to_datetime(text) is not None
    except (TypeError, ValueError):
        return False


def _absolute(what: str, url: str | None) -> list[str]:
    parts = urlsplit(url or "")
    return [] if parts.scheme in ("http", "https") and parts.netloc else [f"{what} {url!r} is not absolute"]


def _html_links(html: str) -> list[str]:
    """Relative links inside escaped HTML content are a validator warning."""
    if not html.strip():
        return []
    fragment = lxml.html.fragment_fromstring(html, create_parent="div")
    return [
        problem
        for element in fragment.iter()
        for name in ("href", "src")
        if element.get(name) is not None
        for problem in _absolute("link in content", element.get(name))
    ]


def _duplicates(what: str, values: list) -> list[str]:
    return [f"duplicate {what} {value!r}" for value in set(values) if values.count(value) > 1]
