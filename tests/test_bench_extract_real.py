"""bench/extract_real.py on a folder of pages written here (tests/bench_pages): the
pages are read through the real extractors and pipelines, and every fact is scored."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"
PAGES = Path(__file__).resolve().parent / "bench_pages"
sys.path.insert(0, str(BENCH))

from extract_real import score  # noqa: E402
from real_pages import Page, html_of  # noqa: E402


def run(*args: str) -> str:
    out = subprocess.run(
        [sys.executable, str(BENCH / "extract_real.py"), str(PAGES), *args],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr[-3000:]
    return out.stdout


def rows(printed: str) -> dict[str, list[str]]:
    """fact -> [generic, crawl, site] as "right/expected"."""
    return {
        line.split()[0]: re.findall(r"\d+/\d+", line)
        for line in printed.splitlines()
        if re.match(r"^(kind|title|published|start|end|deadline|opens|location|online|overall) ", line)
    }


@pytest.mark.slow
def test_labelled_dates_titles_and_a_page_without_item_are_read_right_by_every_reader():
    printed = run()
    assert "pages: 4 (call 1, news 2, none 1)" in printed
    # 04 is on the ECCP's host: its site extractor reads it (or falls back on the generic reading).
    assert "site: the 1 pages on hosts of a source with a site extractor" in printed
    table = rows(printed)
    assert table["kind"] == ["4/4", "4/4", "1/1"]
    assert table["title"] == ["3/3", "3/3", "1/1"]
    assert table["published"] == ["2/2", "2/2", "1/1"]
    assert table["deadline"] == ["1/1", "1/1", "0/0"]
    assert table["start"] == ["0/0", "0/0", "0/0"]
    assert table["overall"] == ["10/10", "10/10", "3/3"]


@pytest.mark.slow
def test_a_half_of_a_split_measures_only_its_pages(tmp_path):
    split = tmp_path / "split.json"
    split.write_text('{"tune": ["01", "03"], "blind": ["02", "04"]}')
    table = rows(run("--split", str(split), "--half", "tune"))
    assert table["kind"] == ["2/2", "2/2", "0/0"]
    assert table["overall"] == ["4/4", "4/4", "0/0"]


def page(**expected) -> Page:
    fields = {"id": "09", "url": "https://example.org/e", "title": "Cluster day", "deadline": [], **expected}
    return Page("09", fields["url"], fields, "")


def item(**fields) -> dict:
    base = dict(url="https://example.org/e", kind="event", title="Cluster day", deadlines=[])
    return {**base, **fields}


def test_each_fact_is_right_missed_or_read_wrong_and_what_the_page_does_not_say_is_extra():
    expected = page(kind="event", start="2027-06-02T10:00", end="2027-06-02", location="Brașov", online=False)
    found = item(
        start="2027-06-02T10:00:00+03:00",
        end="2027-06-03",
        location="Hotel Aro Palace, Brasov",
        online=None,
        deadlines=[{"at": "2027-05-01"}],
        published="2027-01-10",
    )
    results, extras = score(expected, [found], "generic")
    outcome = {fact: result for fact, result, _ in results}
    assert outcome == {
        "kind": "right",
        "title": "right",
        "start": "right",
        "end": "read wrong",
        "location": "right",
        "online": "not read",
    }
    assert sorted(extras) == ["deadline", "published"]


def test_a_page_with_no_item_misses_every_fact_and_an_item_on_a_static_page_is_wrong():
    results, _ = score(page(kind="call", deadline=["2027-05-14"]), [], "mita (no route for this URL)")
    assert {result for _, result, _ in results} == {"no item (no route for this URL)"}
    results, extras = score(page(kind="none"), [item(kind="news")], "generic")
    assert results[0][:2] == ("kind", "read wrong") and extras == ["item (news)"]


def test_a_text_becomes_a_page_with_its_title_line_as_heading_and_every_other_line_a_paragraph():
    markup = html_of("Skip to content\n\n  Cluster   day <2027>\nOn 2 June.\n", "Cluster day <2027>")
    assert "<title>Cluster day &lt;2027&gt;</title>" in markup
    assert "<p>Skip to content</p><h1>Cluster day &lt;2027&gt;</h1><p>On 2 June.</p>" in markup
