"""Which feeds exist: scopes from the data, with safe and stable folder names."""

import re

import pytest
from feed_rows import AS_OF, BASE_URL, EVENTS

from feeds.catalog import Scope, scoped, slug
from feeds.load import load_entries
from feeds.publish import publish

SAFE = re.compile(r"[a-z0-9][a-z0-9_-]*")


@pytest.mark.parametrize(
    "value",
    [
        "../../etc/passwd",
        "Ålesund og omegn",
        "a/b",
        "a\\b",
        ".",
        "..",
        "CON",
        "x" * 300,
        "-",
        "Forskning & Utvikling",
        "\u202eevil",
        "nul\x00byte",
    ],
)
def test_slugs_are_safe_folder_names(value):
    name = slug(value)
    assert SAFE.fullmatch(name) and len(name) <= 60, name
    assert slug(value) == name  # the same on every publish


def test_plain_values_keep_their_name_and_others_never_collide():
    assert slug("NO") == "no" and slug("innovasjonnorge") == "innovasjonnorge"
    assert slug("a b") != slug("a-b") and slug("a/b") != slug("a b")


def test_scopes_come_from_every_entry_including_past_ones(feed_db):
    names = [scope.folder for scope, _ in scoped(load_entries(feed_db, AS_OF).entries)]
    assert names == [
        "",
        "country/eu/",
        "country/no/",
        "country/pl/",
        "source/eccp/",
        "source/innovasjonnorge/",
        "source/parp/",
        "source/siva/",
        "topic/digital/",
        "topic/green/",
    ]


def test_hostile_facet_values_publish_inside_the_folder(feed_db, tmp_path):
    feed_db["items"].insert(
        {
            **EVENTS[1],
            "id": "ev-odd",
            "country": "../../escape",
            "source": "Café/Ørsta",
            "topics": '["a b", "a-b"]',
        }
    )
    out = tmp_path / "out"
    published = publish(feed_db, out, AS_OF, BASE_URL)
    root = published.folder.resolve()
    for name in published.files:
        assert (root / name).resolve().is_relative_to(root), name
    assert not (tmp_path / "escape").exists()
    folders = {p.parent.relative_to(root).as_posix() for p in root.rglob("events.rss")}
    assert {
        "topic/a-b",
        f"topic/{slug('a b')}",
        f"country/{slug('../../escape')}",
        f"source/{slug('Café/Ørsta')}",
    } <= folders


def test_every_dated_kind_and_only_those_have_feed_files():
    from core.items import DATED_KINDS
    from feeds.catalog import KIND_FILE_NAMES

    assert tuple(KIND_FILE_NAMES) == DATED_KINDS
    assert Scope(None, None, "country/no/").file("call", "ics") == "country/no/calls.ics"
