"""What a benchmark's process measures of itself: wall time, CPU time, peak memory.

Peak memory is the kernel's high-water mark of this process's resident set,
``VmHWM`` in /proc/self/status. Not ``ru_maxrss``: on Linux a child process
starts with its parent's maximum (the memory map copied at fork counts until
exec replaces it), so a child of a 300 MB parent reports 300 MB while it uses
11 MB. VmHWM belongs to the process's own memory map, made at exec.
"""

from __future__ import annotations

import json
import os
import resource
import time
from pathlib import Path


def status_kib(field: str, pid: int | str = "self") -> int:
    """A ``kB`` figure of /proc/PID/status (VmHWM, VmRSS …)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name == field:
            return int(value.split()[0])
    raise KeyError(f"no {field} in /proc/{pid}/status")


def peak_rss_mib() -> float:
    return status_kib("VmHWM") / 1024


def rss_mib() -> float:
    return status_kib("VmRSS") / 1024


def cpu_seconds() -> float:
    """User and system CPU time of this process so far."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def cpu_seconds_of(pid: int) -> float:
    """User and system CPU time of another running process (a server's worker)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    utime, stime = int(fields[11]), int(fields[12])  # fields 14 and 15 of proc(5)
    return (utime + stime) / os.sysconf("SC_CLK_TCK")


def measured(run) -> None:
    """Run ``run()`` and print one JSON line: its result, seconds, CPU seconds,
    and this process's peak RSS in MiB (imports included: what the command costs)."""
    wall, began = time.perf_counter(), cpu_seconds()
    result = run()
    print(
        json.dumps(
            {
                "result": result,
                "seconds": time.perf_counter() - wall,
                "cpu_seconds": cpu_seconds() - began,
                "peak_rss_mib": peak_rss_mib(),
            }
        )
    )
