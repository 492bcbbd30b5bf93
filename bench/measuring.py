"""Running one command and reading what it cost: wall time from a
monotonic clock, CPU time and peak memory from the kernel's accounting of
the child (os.wait4's resource usage), not from sampling."""

from __future__ import annotations

import os
import statistics
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Run:
    wall: float      # seconds
    cpu: float       # user + system seconds of the child
    peak_rss: int    # bytes (ru_maxrss is KiB on Linux)


class CommandFailed(RuntimeError):
    pass


def measure(command: list[str], cwd: Path, log: Path) -> Run:
    """Run command to completion; its output goes to log."""
    with log.open("ab") as output:
        output.write(("\n$ " + " ".join(command) + "\n").encode())
        output.flush()
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=output, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise CommandFailed(f"{command[0]}... exited {process.returncode}; see {log}")
    return Run(wall=wall, cpu=usage.ru_utime + usage.ru_stime, peak_rss=usage.ru_maxrss * 1024)


@dataclass
class Series:
    name: str
    runs: list[Run] = field(default_factory=list)

    @property
    def wall(self) -> float:
        return statistics.median(run.wall for run in self.runs)

    @property
    def cpu(self) -> float:
        return statistics.median(run.cpu for run in self.runs)

    @property
    def peak_rss(self) -> int:
        return max(run.peak_rss for run in self.runs)


MIB = 1024 * 1024


def table(title: str, ours: Series, plain: Series) -> str:
    """Medians of each, and the ratio ours / plain."""
    rows = [
        f"{title}",
        f"  {'':<22}{'wall (median)':>15}{'CPU (median)':>15}{'peak RSS (max)':>16}  runs",
    ]
    for series in (ours, plain):
        rows.append(
            f"  {series.name:<22}{series.wall:>14.2f}s{series.cpu:>14.2f}s"
            f"{series.peak_rss / MIB:>12.0f} MiB  {len(series.runs)}"
        )
    rows.append(
        f"  {'ratio project/plain':<22}{ours.wall / plain.wall:>14.2f}x{ours.cpu / plain.cpu:>14.2f}x"
        f"{ours.peak_rss / plain.peak_rss:>12.2f}x"
    )
    return "\n".join(rows)
