"""The benchmarks run end to end at a tiny size and print their figures (no
timing is asserted: only that every figure is there and that they add up)."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

BENCH = Path(__file__).resolve().parent.parent / "bench"
NUMBER = r"\d+(?:\.\d+)?"


def run_bench(script: str, *args: str) -> str:
    out = subprocess.run(
        [sys.executable, str(BENCH / script), *args], capture_output=True, text=True, timeout=600
    )
    assert out.returncode == 0, out.stderr[-3000:]
    return out.stdout


def close(printed: float, computed: float, decimals: int) -> bool:
    """``printed`` is ``computed`` rounded to ``decimals`` (from figures themselves rounded)."""
    return abs(printed - computed) <= 10**-decimals + 0.02 * abs(computed)


def ratio_of_rounded(printed: float, numerator: float, denominator: float, decimals: int, out: int) -> bool:
    """``printed`` (to ``out`` decimals) is a ratio of two figures printed to ``decimals``:
    it lies between the ratios their roundings allow."""
    half, slack = 0.5 * 10**-decimals, 0.5 * 10**-out
    low = (numerator - half) / (denominator + half)
    high = (numerator + half) / (denominator - half) if denominator > half else float("inf")
    return low - slack <= printed <= high + slack


def crawl_rows(printed: str) -> dict[str, dict]:
    """The runs table of bench/crawl.py's output: a label of 56 characters, then figures."""
    rows = {}
    for line in printed.splitlines():
        figures = line[56:].split()
        if len(figures) in (7, 8) and all(re.fullmatch(NUMBER, figure) for figure in figures):
            pages, megabytes, seconds, rate, cpu_ms, peak_mb, server_ms, *items = figures
            rows[line[:56].strip()] = {
                "pages": int(pages),
                "seconds": float(seconds),
                "rate": float(rate),
                "cpu_ms": float(cpu_ms),
                "peak_mb": float(peak_mb),
                "items": int(items[0]) if items else None,
            }
    return rows


def site_pages(printed: str) -> int:
    return int(re.search(r"^generated site: (\d+) pages", printed, re.M).group(1))


def ratio(printed: str, pattern: str) -> float:
    return float(re.search(pattern, printed, re.M).group(1))


def test_crawl_benchmark_shows_pipeline_both_scrapy_floors_and_a_client():
    printed = run_bench("crawl.py", "--pages", "20")
    pages = site_pages(printed)
    rows = crawl_rows(printed)
    assert list(rows) == [
        "pipeline, polite (2/site, AutoThrottle)",
        "pipeline, politeness lifted (16/site)",
        "bare Scrapy: parse, follow links (16/site)",
        "Scrapy engine: URL list, no parsing (16/site)",
        "aiohttp client, concurrency 2",
        "aiohttp client, concurrency 16",
        "aiohttp client, concurrency 2, threaded replay server",
        "aiohttp client, concurrency 16, threaded replay server",
    ], printed
    for label, row in rows.items():
        assert row["pages"] == pages, (label, printed)  # every page once, robots.txt aside
        # Seconds are printed to the millisecond: the rate lies between the bounds they allow.
        fastest, slowest = (
            row["pages"] / max(row["seconds"] - 0.0005, 1e-6),
            row["pages"] / (row["seconds"] + 0.0005),
        )
        assert slowest - 0.05 <= row["rate"] <= fastest + 0.05, (label, printed)
        assert row["cpu_ms"] > 0 and row["peak_mb"] > 10
    polite, lifted, bare, engine, client_2, client_16, replay_2, replay_16 = rows.values()
    # Three listing pages at this size; every other page gives an item.
    assert polite["items"] == lifted["items"] >= pages - 3
    # Each process's own peak: the client does not inherit the pipeline's (or this bench's) memory.
    assert client_16["peak_mb"] < lifted["peak_mb"] / 2
    from_this, from_replay = re.search(
        rf"^client 16 / client 2 pages/s: ({NUMBER}) from this server .*, ({NUMBER}) from the threaded",
        printed,
        re.M,
    ).groups()
    assert close(float(from_this), client_16["rate"] / client_2["rate"], 2)
    assert close(float(from_replay), replay_16["rate"] / replay_2["rate"], 2)
    assert close(
        ratio(printed, rf"^client 16 from this server / from the threaded replay server: ({NUMBER})$"),
        client_16["rate"] / replay_16["rate"],
        2,
    )
    for name, floor in (("Scrapy engine", engine), ("bare Scrapy", bare)):
        assert close(
            ratio(printed, rf"^pipeline / {name}, lifted: pages/s ({NUMBER}),"),
            lifted["rate"] / floor["rate"],
            2,
        )
        assert close(
            ratio(printed, rf"^pipeline / {name}, lifted: .* CPU per page ({NUMBER})$"),
            lifted["cpu_ms"] / floor["cpu_ms"],
            2,
        )
    assert len(re.findall(r"^peak RSS pipeline.*\(goal <= 150 MB: (met|NOT met)\)$", printed, re.M)) == 2
    last = printed.splitlines()[-1]
    assert re.fullmatch(rf"pipeline / bare Scrapy: {NUMBER}", last), last
    assert close(float(last.split(": ")[1]), lifted["rate"] / bare["rate"], 2)


def test_crawl_stages_add_up_to_the_unprofiled_crawl():
    printed = run_bench("crawl_stages.py", "--pages", "20")
    unprofiled = ratio(printed, rf"pages: ({NUMBER}) CPU ms/page unprofiled")
    table = dict(
        (stage, (float(ms), float(share)))
        for stage, ms, share in re.findall(rf"^([a-z]+)\s+({NUMBER})\s+({NUMBER})$", printed, re.M)
    )
    stages = ["download", "parse", "extract", "dates", "clean", "cache", "store", "imports", "other"]
    assert list(table) == [*stages, "total"], printed
    assert table["total"] == (unprofiled, 100.0)
    assert abs(sum(table[s][0] for s in stages) - unprofiled) <= 0.01 * len(stages)
    assert abs(sum(table[s][1] for s in stages) - 100) <= 0.1 * len(stages)
    # Every stage of the pipeline does some work on these pages.
    assert all(table[s][0] > 0 for s in ("download", "parse", "extract", "dates", "clean", "cache", "store"))


def test_crawl_growth_compares_each_full_database_with_an_empty_one():
    printed = run_bench("crawl_growth.py", "--pages", "20", "--stored", "300")
    pages = site_pages(printed)
    rows = crawl_rows(printed)
    assert list(rows) == [
        "pipeline (16/site) into 0 stored items",
        "pipeline (16/site) into 300 stored items",
    ], printed
    empty, full = rows.values()
    assert empty["pages"] == full["pages"] == pages
    assert empty["items"] == full["items"] >= pages - 3  # items added by the crawl, not those stored before
    assert close(
        ratio(printed, rf"^into 300 stored / into empty: time ({NUMBER}),"),
        full["seconds"] / empty["seconds"],
        2,
    )


def test_publish_benchmark_at_two_sizes_against_raw_serialisers():
    printed = run_bench("publish.py", "--items", "40", "120")
    rows = {
        (int(count), task): tuple(map(float, figures.split()))
        for count, task, figures in re.findall(
            r"^\s*(\d+) (publish|feedgen|icalendar)\s+((?:\s*\d+(?:\.\d+)?){6})$", printed, re.M
        )
    }
    assert sorted(rows) == sorted((n, t) for n in (40, 120) for t in ("publish", "feedgen", "icalendar"))
    for (count, _task), (files, mib_out, seconds, ms_per_item, peak, imported) in rows.items():
        assert files >= 1 and mib_out >= 0 and seconds > 0
        # The seconds are printed to 3 decimals: at 40 items their rounding alone moves ms/item by 0.0125.
        assert abs(ms_per_item - 1000 * seconds / count) <= 0.001 + 1000 * 0.0005 / count
        assert peak >= imported > 10
    assert rows[(120, "publish")][0] > 10  # every scope's feeds, not one file
    for count in (40, 120):
        for raw in ("feedgen", "icalendar"):
            assert ratio_of_rounded(
                ratio(printed, rf"^{count} items, publish / {raw}: time ({NUMBER}),"),
                rows[(count, "publish")][2],
                rows[(count, raw)][2],
                3,
                2,
            )
    per_item = ratio(printed, rf"^publish at 120 / at 40 items: time per item ({NUMBER}),")
    assert ratio_of_rounded(per_item, rows[(120, "publish")][3], rows[(40, "publish")][3], 3, 2)
    assert re.search(
        r"^publish peak RSS at 120 items: \d+\.\d MiB \(goal <= 250: (met|NOT met)\)$", printed, re.M
    )


def test_incremental_benchmark_shows_the_second_run_costs_no_body():
    printed = run_bench("incremental_crawl.py", "--sources", "eccp")
    first, second = re.search(r"^TOTAL\s+1\s+(.*)\n\s+2\s+(.*)$", printed, re.M).groups()
    requests, ok, not_modified, other, kilobytes = first.split()
    assert int(requests) == int(ok) + int(not_modified) + int(other) and int(ok) > 10
    assert float(kilobytes) > 100
    requests, ok, not_modified, other, kilobytes = second.split()
    assert int(ok) == 0 and int(not_modified) > 10 and float(kilobytes) == 0
    assert re.search(r"^second run / first run: requests \d\.\d{3}, body bytes 0\.000 ", printed, re.M)


def test_http_cache_benchmark_compares_both_storages():
    printed = run_bench("httpcache.py", "--pages", "20")
    rows = re.findall(rf"^(.+?)\s+({NUMBER})\s+({NUMBER})\s+(\d+)$", printed, re.M)
    assert [name for name, *_ in rows] == ["file per response (Scrapy, baseline)", "SQLite (clusterfeeds)"]
    (_, base_store, base_lookup, base_disk), (_, store, lookup, disk) = rows
    assert close(
        ratio(printed, rf"^SQLite / file per response: store ({NUMBER}),"),
        float(store) / float(base_store),
        2,
    )
    assert close(ratio(printed, rf", lookup ({NUMBER}),"), float(lookup) / float(base_lookup), 2)
    assert close(ratio(printed, rf"disk ({NUMBER})$"), int(disk) / int(base_disk), 2)


def test_startup_benchmark_times_every_command_against_an_empty_interpreter():
    printed = run_bench("startup.py", "--repeat", "1")
    rows = re.findall(rf"^(.+?)\s+({NUMBER})\s+({NUMBER})$", printed, re.M)
    names = [name for name, *_ in rows]
    assert names[0] == "empty interpreter (baseline)" and "clusterfeeds status" in names
    empty = float(rows[0][1])
    for _, seconds, times in rows:
        assert close(float(times), float(seconds) / empty, 1)


def test_scale_benchmark_counts_every_generated_page_with_each_worker_count():
    printed = run_bench("scale.py", "--sites", "3", "--pages", "4", "--workers", "1,2")
    sites, per_site, generated = map(
        int, re.search(r"^generated: (\d+) sites x (\d+) pages = (\d+) pages$", printed, re.M).groups()
    )
    assert (sites, generated) == (3, sites * per_site)
    rows = {}
    for line in printed.splitlines():
        figures = line.split()
        if len(figures) == 11 and figures[0] in ("1", "2"):
            workers, pages, seconds, rate, *cpu_ms, peaks, writer_mb, redis_mb, items = figures
            rows[int(workers)] = (int(pages), float(seconds), float(rate), peaks.split("/"), int(items))
    assert set(rows) == {1, 2}
    for workers, (pages, seconds, rate, peaks, items) in rows.items():
        assert pages == generated  # every page of every site fetched once, whatever the worker count
        assert close(rate, pages / seconds, 1)
        assert len(peaks) == workers and all(float(peak) > 0 for peak in peaks)
        assert items > 0
    assert rows[1][4] == rows[2][4]  # the same items stored through one worker as through two
    assert f"pages generated per run: {generated}" in printed
    assert re.search(r"^scaling stops", printed, re.M)
