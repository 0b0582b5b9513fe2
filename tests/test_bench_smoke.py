"""The crawl benchmarks run end to end at a tiny size and print their figures
(no timing is asserted: only that every figure is there and adds up)."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

BENCH = Path(__file__).resolve().parent.parent / "bench"


def run_bench(script: str, *args: str) -> str:
    out = subprocess.run(
        [sys.executable, str(BENCH / script), *args], capture_output=True, text=True, timeout=300
    )
    assert out.returncode == 0, out.stderr[-3000:]
    return out.stdout


def test_crawl_benchmark_prints_rate_cpu_and_memory_of_pipeline_and_client():
    printed = run_bench("crawl.py", "--pages", "20")
    site_pages = int(re.search(r"generated site: (\d+) pages", printed).group(1))
    assert site_pages >= 20
    # The table's label column is 42 characters wide; the figures follow.
    rows = {
        line[:42].strip(): line[42:].split()
        for line in printed.splitlines()
        if line.startswith(("pipeline", "aiohttp client"))
    }
    assert len(rows) == 4, printed
    for label, figures in rows.items():
        pages, megabytes, seconds, rate, cpu_ms, peak_mb = map(float, figures[:6])
        assert pages == site_pages, (label, printed)
        assert seconds > 0 and rate > 0 and cpu_ms > 0 and peak_mb > 10
    pipeline_items = [int(figures[7]) for label, figures in rows.items() if label.startswith("pipeline")]
    # Three listing pages at this size; every other page gives an item or more.
    assert all(items >= site_pages - 3 for items in pipeline_items)
    assert (
        len(re.findall(r"^rate pipeline.*: \d+\.\d\d \(goal >= 0\.20: (met|NOT met)\)$", printed, re.M)) == 3
    )
    assert len(re.findall(r"^peak RSS pipeline.*goal < 150 MB: (met|NOT met)\)$", printed, re.M)) == 2


def test_incremental_benchmark_shows_the_second_run_costs_no_body():
    printed = run_bench("incremental_crawl.py", "--sources", "eccp")
    first, second = re.search(r"^TOTAL\s+1\s+(.*)\n\s+2\s+(.*)$", printed, re.M).groups()
    requests, ok, not_modified, other, kilobytes = first.split()
    assert int(requests) == int(ok) + int(not_modified) + int(other) and int(ok) > 10
    assert float(kilobytes) > 100
    requests, ok, not_modified, other, kilobytes = second.split()
    assert int(ok) == 0 and int(not_modified) > 10 and float(kilobytes) == 0
    assert re.search(r"^second run / first run: requests \d\.\d{3}, body bytes 0\.000 ", printed, re.M)
