"""Every RSS and Atom feed passes the W3C Feed Validation Service's own code
(``../shared/tools/validate_feeds.py``) with no error and no warning."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SPELLED_MARKUP = (
    "title should not contain HTML",
    "title should not contain HTML unless declared in the type attribute",
    "summary should not contain HTML unless declared in the type attribute",
)


def validator() -> Path:
    """The validator in ``shared/`` beside the clone, or beside the main checkout
    for a git worktree."""
    common = subprocess.run(
        ["git", "rev-parse", "--path-format=absolute", "--git-common-dir"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    ).stdout.strip()
    checkouts = [ROOT, *([Path(common).parent] if common else [])]
    for checkout in checkouts:
        script = checkout.parent / "shared" / "tools" / "validate_feeds.py"
        if script.exists():
            return script
    looked = ", ".join(str(c.parent / "shared") for c in checkouts)
    if os.environ.get("CI"):
        pytest.fail(f"the W3C feed validator is not in {looked}")
    pytest.skip(f"the W3C feed validator is not in {looked}")


def validate(folder: Path) -> list[str]:
    """What the validator reports on the folder's feeds, as ``feed: message`` lines."""
    folder = folder.resolve()
    feeds = sorted(p for p in folder.rglob("*") if p.suffix in (".rss", ".atom"))
    assert feeds, folder
    result = subprocess.run(
        [sys.executable, str(validator()), *map(str, feeds)], capture_output=True, text=True, timeout=600
    )
    assert result.stderr == ""
    *lines, counts = result.stdout.splitlines()
    problems = [line.removeprefix(f"{folder}/") for line in lines if not line.endswith(": clean")]
    assert (result.returncode == 0) == (problems == []), counts
    return problems


def test_every_feed_the_demo_publishes_passes(demo):
    assert validate(demo / "public") == []


def test_the_test_rows_feeds_pass_but_for_the_markup_a_hostile_title_spells(published):
    """A title that spells out markup stays the text it is (escaped, never stripped),
    which the validator flags as a warning; nothing else is reported."""
    problems = validate(published)
    assert problems
    for problem in problems:
        feed, _, message = problem.partition(": ")
        assert message.endswith(
            (
                "title should not contain HTML",
                "summary should not contain HTML unless declared in the type attribute",
                "title should not contain HTML unless declared in the type attribute",
            )
        ), problem
