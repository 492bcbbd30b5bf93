"""Running one command and reading what it cost: wall time from a
monotonic clock, CPU time and peak memory from the kernel's accounting of
the child (os.wait4's resource usage: CPU of the child and of every
process it waited for, peak of the largest of them), not from sampling."""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

MIB = 1024 * 1024


@dataclass
class Run:
    wall: float      # seconds
    cpu: float       # user + system seconds of the child and what it waited for
    peak_rss: int    # bytes (ru_maxrss is KiB on Linux): the largest of its processes

    def __add__(self, other: Run) -> Run:
        """Two steps one after the other: times add up, the peak is the larger."""
        return Run(self.wall + other.wall, self.cpu + other.cpu, max(self.peak_rss, other.peak_rss))


class CommandFailed(RuntimeError):
    pass


# Runs each command for Launcher.measure and reports what it cost.
LAUNCHER = """
import json, os, subprocess, sys, time
for line in sys.stdin:
    request = json.loads(line)
    with open(request["log"], "ab") as output:
        start = time.perf_counter()
        process = subprocess.Popen(request["command"], cwd=request["cwd"], stdout=output,
                                   stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
    print(json.dumps([os.waitstatus_to_exitcode(status), wall, usage.ru_utime + usage.ru_stime,
                      usage.ru_maxrss * 1024]), flush=True)
"""


class Launcher:
    """Starts the measured commands from a small process of its own.

    The kernel counts into a process's peak the memory of the process it
    was started from, as it was when it called exec (Linux keeps the old
    address space's high-water mark): started from the bench itself, which
    holds Pelican, Babel and the corpus, every command would seem to need
    at least the bench's 50 MiB. Started from this launcher (a bare Python
    with no imports of note), the floor is the launcher's few MiB."""

    def __init__(self, log: Path):
        self.log = log
        self.process = subprocess.Popen([sys.executable, "-I", "-S", "-c", LAUNCHER], text=True,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def close(self):
        self.process.stdin.close()
        self.process.wait()

    def measure(self, command: list[str], cwd: Path) -> Run:
        """Run command to completion; its output goes to the log."""
        with self.log.open("a", encoding="utf-8") as output:
            output.write("\n$ " + " ".join(command) + "\n")
        request = {"command": [str(part) for part in command], "cwd": str(cwd), "log": str(self.log)}
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        returncode, wall, cpu, peak_rss = json.loads(self.process.stdout.readline())
        if returncode != 0:
            raise CommandFailed(f"{command[0]}... exited {returncode}; see {self.log}")
        return Run(wall=wall, cpu=cpu, peak_rss=peak_rss)


@dataclass
class Series:
    """The runs of one step; medians of time, the largest peak."""

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

    def __add__(self, other: Series) -> Series:
        """Two steps run in turn, paired run by run (the same round of the
        bench): what doing both costs."""
        return Series(f"{self.name} + {other.name}", [a + b for a, b in zip(self.runs, other.runs)])

    def row(self, label: str | None = None) -> str:
        return (f"  {label or self.name:<46}{self.wall:>9.2f} s{self.cpu:>9.2f} s"
                f"{self.peak_rss / MIB:>8.0f} MiB{len(self.runs):>5}")


HEADER = f"  {'':<46}{'wall':>11}{'CPU':>11}{'peak RSS':>12}{'runs':>5}"
