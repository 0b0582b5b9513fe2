"""The addresses a calendar or feed is subscribed at: ``webcal://``, Google
Calendar's and Outlook.com's "add by URL" links, and whether those services can
reach a base URL at all. page.js builds the same shapes from the address the
page is served at (the browser test checks they agree)."""

from __future__ import annotations

import ipaddress
from urllib.parse import quote, urlsplit, urlunsplit

# Where a folder published without --base-url is assumed to be served (`clusterfeeds serve`).
LOCAL_BASE_URL = "http://localhost:8000/"


def webcal(url: str) -> str | None:
    """The ``webcal://`` address calendar apps subscribe to, for an http(s) URL."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return None
    return urlunsplit(parts._replace(scheme="webcal"))


def google_calendar(url: str) -> str:
    """Google Calendar's "add by URL" for a calendar at ``url``."""
    return "https://calendar.google.com/calendar/render?cid=" + quote(webcal(url) or url, safe="")


def outlook_calendar(url: str, name: str) -> str:
    """Outlook.com's "add from web" for a calendar at ``url``."""
    return f"https://outlook.live.com/calendar/0/addfromweb?url={quote(url, safe='')}&name={quote(name, safe='')}"


def loopback(url: str) -> bool:
    """Whether ``url``'s host is this machine only (localhost, 127.x, ::1)."""
    host = (urlsplit(url).hostname or "").rstrip(".")
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def publicly_reachable(url: str) -> bool:
    """Google Calendar and Outlook.com fetch a calendar from their own servers,
    over https only: they can add it only from such an address."""
    return urlsplit(url).scheme == "https" and not loopback(url)
