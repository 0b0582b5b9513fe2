"""The sources' files, read without Scrapy: each TOML file in spiders/sources/
and in the folder named by $CLUSTERFEEDS_SOURCES_DIR gives a source's facts
(core.sources.Source) and how the generic extractor reads its pages; the keys
are documented at the top of spiders/sources/*.toml. spiders/configured.py makes
each a spider; `clusterfeeds sources` and publish read the facts alone.

Each file stands alone: one that cannot be read (not a file, not UTF-8, not
TOML) or has a mistake is skipped with one line naming the file and the reason
(and the key); the other sources load.
"""

from __future__ import annotations

import codecs
import logging
import os
import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import regex

from core.items import KINDS
from core.sources import Source

logger = logging.getLogger(__name__)

# The bundled files through importlib.resources: inside an egg (Scrapyd) they are
# members of a zip file, not files of a folder.
BUNDLED = resources.files("spiders") / "sources"
ENVIRONMENT = "CLUSTERFEEDS_SOURCES_DIR"
REQUIRED = ("name", "title", "country", "language", "timezone", "kind", "start_urls")
OPTIONAL = ("homepage", "hosts", "follow", "url_kinds")
HOST = re.compile(r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*")
# Far more than a source needs; a bigger file is a mistake (a log, a dump) not to be read whole.
MAX_FILE_BYTES = 1_000_000


class SourceFileError(ValueError):
    """A mistake in a source file: at one key, or (``key`` None) in the file as a whole."""

    def __init__(self, key: str | None, message: str):
        super().__init__(f"{key}: {message}" if key else message)
        self.key = key


@dataclass(frozen=True)
class SkippedFile:
    path: Path
    reason: str

    def __str__(self) -> str:
        return f"source file {self.path} skipped: {self.reason}"


def source_files() -> list[Traversable]:
    """The bundled source files, then the user's."""
    bundled = sorted(
        (file for file in BUNDLED.iterdir() if file.name.endswith(".toml")), key=lambda f: f.name
    )
    folder = os.environ.get(ENVIRONMENT)
    return bundled + (sorted(Path(folder).glob("*.toml")) if folder else [])


def source_of(config: dict) -> Source:
    """The facts of a source file's valid table."""
    start_urls = tuple(config["start_urls"])
    url_kinds = config.get("url_kinds", {}).values()
    return Source(
        name=config["name"],
        title=config["title"],
        homepage=config.get("homepage") or f"https://{urlsplit(start_urls[0]).hostname}",
        country=config["country"],
        languages=(config["language"],),
        timezone=config["timezone"],
        kinds=tuple(dict.fromkeys([config["kind"], *url_kinds])),
        start_urls=start_urls,
        hosts=tuple(config.get("hosts", ())),
    )


def read_source(path: Traversable, taken: set[str] = frozenset()) -> dict:
    """The valid table a source file holds; SourceFileError names what is wrong."""
    config = read_table(path)
    validate(config, taken)
    return config


def read_table(path: Traversable) -> dict:
    """The TOML table a source file holds; SourceFileError says why it cannot be had."""
    if not isinstance(path, Path):  # a bundled file inside an egg
        return tomllib.loads(path.read_text(encoding="utf-8"))
    if path.is_symlink() and not path.exists():
        raise SourceFileError(None, f"a symbolic link to {os.readlink(path)}, which does not exist")
    if path.is_dir():
        raise SourceFileError(None, "a folder, not a file")
    if not path.is_file():  # a FIFO would block the reader for ever
        raise SourceFileError(None, "not a regular file")
    try:
        with open(path, "rb") as f:
            data = f.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise SourceFileError(None, f"cannot be read: {error.strerror or error}") from None
    if len(data) > MAX_FILE_BYTES:
        raise SourceFileError(None, f"larger than {MAX_FILE_BYTES:,} bytes")
    data = data.removeprefix(codecs.BOM_UTF8)  # as some Windows editors save UTF-8
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise SourceFileError(
            None, f"not UTF-8: byte 0x{data[error.start]:02x} at offset {error.start}"
        ) from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise SourceFileError(None, f"not valid TOML: {error}") from None
    except RecursionError:
        raise SourceFileError(None, "not valid TOML: arrays or tables nested too deep") from None


def validate(config: dict, taken: set[str]) -> None:
    for key in config:
        if key not in REQUIRED + OPTIONAL:
            raise SourceFileError(key, f"unknown key; known keys: {', '.join(REQUIRED + OPTIONAL)}")
    for key in REQUIRED:
        if key not in config:
            raise SourceFileError(key, "missing")
    name = config["name"]
    if not isinstance(name, str) or not re.fullmatch(r"[a-z0-9_]+", name):
        raise SourceFileError("name", f"{name!r} must be lower-case letters, digits and _")
    if name in taken:
        raise SourceFileError("name", f"{name!r} is already the name of another source")
    if (resources.files("spiders") / f"{name}.py").is_file():
        raise SourceFileError("name", f"{name!r} is the name of a source in code (spiders/{name}.py)")
    for key in ("title", "country"):
        if not isinstance(config[key], str) or not config[key].strip():
            raise SourceFileError(key, "must be a non-empty string")
    urls = config["start_urls"]
    if not isinstance(urls, list) or not urls or not all(is_http_url(u) for u in urls):
        raise SourceFileError("start_urls", "must be a non-empty list of http(s) URLs")
    hosts = config.get("hosts", [])
    if not isinstance(hosts, list) or not all(isinstance(h, str) and HOST.fullmatch(h) for h in hosts):
        raise SourceFileError(
            "hosts", f"{hosts!r} must be a list of lower-case host names such as 'www.example.org'"
        )
    if "homepage" in config and not is_http_url(config["homepage"]):
        raise SourceFileError("homepage", f"{config['homepage']!r} is not an http(s) URL")
    if not isinstance(config["language"], str) or not re.fullmatch(r"[a-z]{2}", config["language"]):
        raise SourceFileError("language", f"{config['language']!r} is not a two-letter code such as 'de'")
    try:
        ZoneInfo(config["timezone"])
    except (ZoneInfoNotFoundError, ValueError, TypeError, OSError):
        raise SourceFileError(
            "timezone", f"{config['timezone']!r} is not an IANA time zone such as 'Europe/Berlin'"
        ) from None
    check_kind("kind", config["kind"])
    follow = config.get("follow", [])
    if not isinstance(follow, list):
        raise SourceFileError("follow", "must be a list of regular expressions")
    for pattern in follow:
        check_regex("follow", pattern)
    url_kinds = config.get("url_kinds", {})
    if not isinstance(url_kinds, dict):
        raise SourceFileError("url_kinds", "must be a table of regular expression = kind")
    for pattern, kind in url_kinds.items():
        check_regex(f"url_kinds.{pattern!r}", pattern)
        check_kind(f"url_kinds.{pattern!r}", kind)


def check_kind(key: str, kind) -> None:
    if kind not in KINDS:
        raise SourceFileError(key, f"{kind!r} is not one of {', '.join(KINDS)}")


def check_regex(key: str, pattern) -> None:
    # The extractor runs them with the regex module, which bounds each search in time.
    try:
        regex.compile(pattern)
    except (regex.error, TypeError) as error:
        raise SourceFileError(key, f"{pattern!r} is not a regular expression: {error}") from None


def is_http_url(value) -> bool:
    return (
        isinstance(value, str)
        and urlsplit(value).scheme in ("http", "https")
        and bool(urlsplit(value).hostname)
    )


def read_all() -> tuple[list[tuple[Path | Traversable, dict]], list[SkippedFile]]:
    """Every valid source file with its table, and the files skipped (each logged)."""
    tables: list[tuple[Path | Traversable, dict]] = []
    skipped: list[SkippedFile] = []
    folder = os.environ.get(ENVIRONMENT)
    if folder and not Path(folder).is_dir():
        skipped.append(SkippedFile(Path(folder), f"${ENVIRONMENT} names no folder"))
    for path in source_files():
        try:
            tables.append((path, read_source(path, {config["name"] for _, config in tables})))
        except SourceFileError as error:
            skipped.append(SkippedFile(path, str(error)))
    for skip in skipped:
        logger.error("%s", skip)
    return tables, skipped


@cache
def loaded() -> tuple[list[tuple[Path | Traversable, dict]], list[SkippedFile]]:
    """read_all() as this process first did it: each file read, and each skip logged, once."""
    return read_all()
