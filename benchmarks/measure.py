"""Whole-process measurements: wall time and peak memory of a command, several runs each."""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

TIME = Path("/usr/bin/time")


@dataclass
class Measure:
    """Wall-clock seconds and peak resident memory (MiB) of several runs of one command."""

    label: str
    times: list[float]
    peaks: list[float]
    cpus: list[float]

    @property
    def median(self) -> float:
        """Median wall time in seconds."""
        return statistics.median(self.times)

    @property
    def spread(self) -> float:
        """Max minus min wall time in seconds."""
        return max(self.times) - min(self.times)

    @property
    def cpu(self) -> float:
        """Median CPU seconds (user + system, children included): steadier on a busy machine."""
        return statistics.median(self.cpus)

    @property
    def peak(self) -> float:
        """Median peak resident memory in MiB."""
        return statistics.median(self.peaks)


def run_once(argv: list[str], cwd: str | None = None) -> tuple[float, float, float]:
    """Run a command to completion; return (wall seconds, peak MiB, CPU seconds)."""
    # Under /usr/bin/time a forked copy of this (large) benchmark process never counts toward
    # the child's peak: Linux carries the forking process's high-water mark across exec.
    report = None
    if TIME.exists():
        handle, name = tempfile.mkstemp(suffix=".time")
        os.close(handle)
        report = Path(name)
        argv = [str(TIME), "-f", "%M", "-o", name, *argv]
    start = time.perf_counter()
    proc = subprocess.Popen(
        argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=_env()
    )
    # os.wait4 gives this child's own rusage (getrusage(RUSAGE_CHILDREN) would be the maximum
    # over every child so far); on Linux ru_maxrss is in KiB and covers waited grandchildren.
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    if proc.stderr:
        proc.stderr.close()
    if proc.returncode not in (0, 1):  # drafter lint exits 1 when it has findings
        raise RuntimeError(f"{' '.join(argv)} failed ({proc.returncode}): {err[-500:]}")
    peak_kib = usage.ru_maxrss
    cpu = usage.ru_utime + usage.ru_stime  # includes the process's waited children
    if report is not None:
        text = report.read_text(encoding="utf-8").split()
        report.unlink()
        if text and text[-1].isdigit():
            peak_kib = int(text[-1])
    return elapsed, peak_kib / 1024, cpu


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("FORCE_COLOR", None)
    # Measured as installed: imports read the .pyc files run.py wrote (and write any missing
    # ones), instead of compiling every module on every run.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["NO_COLOR"] = "1"
    return env


def measure(
    label: str, argv: list[str], runs: int, cwd: str | None = None, warm: bool = True
) -> Measure:
    """Run a command ``runs`` times (after a warm-up run) and collect its figures."""
    if warm:
        run_once(argv, cwd)  # warm the page cache and .pyc files so that runs are comparable
    results = [run_once(argv, cwd) for _ in range(runs)]
    return Measure(label, [r[0] for r in results], [r[1] for r in results], [r[2] for r in results])


def machine() -> str:
    """Describe the machine the figures come from."""
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            names = [line.split(":", 1)[1].strip() for line in fh if line.startswith("model name")]
        if names:
            cpu = names[0]
    except OSError:
        pass
    mem = ""
    try:
        with open("/proc/meminfo", encoding="utf-8") as fh:
            kib = int(fh.readline().split()[1])
        mem = f", {kib / 1024 / 1024:.1f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return (
        f"{cpu}, {os.cpu_count()} CPUs{mem}; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}"
    )
