"""Run the drafter CLI as a subprocess and measure its exit status, time and peak memory."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

# A small wrapper process runs drafter as its only child, so RUSAGE_CHILDREN is drafter's peak
# resident memory alone (pytest's own children would otherwise be mixed in).
WRAPPER = (
    "import resource, subprocess, sys\n"
    "code = subprocess.run(sys.argv[1:]).returncode\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)\n"
    "sys.exit(code)\n"
)
MAX_SECONDS = 20.0  # generous for a loaded CI machine; the cases take about a second
MAX_RSS_MB = 400  # spaCy and lxml loaded take ~120 MB; a bomb that inflated would take GBs


@dataclass
class Run:
    """The outcome of one CLI run."""

    status: int
    stdout: str
    stderr: str
    seconds: float
    rss_mb: float

    def errors(self) -> list[str]:
        """Return the "drafter: error:" lines of stderr."""
        return [ln for ln in self.stderr.splitlines() if ln.startswith("drafter: error")]


def run_cli(*args: str, cwd: Path, env: dict[str, str] | None = None) -> Run:
    """Run ``drafter ARGS`` in ``cwd``; return its status, output, time and peak memory."""
    full_env = {**os.environ, **(env or {})}
    start = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", WRAPPER, sys.executable, "-m", "drafter", *args],
        check=False,
        cwd=cwd,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    seconds = time.monotonic() - start
    *lines, rss = done.stderr.rstrip("\n").split("\n")
    return Run(done.returncode, done.stdout, "\n".join(lines), seconds, int(rss) / 1024)


def assert_bounded(run: Run) -> None:
    """Assert the run took bounded time and memory and printed no traceback."""
    assert run.seconds < MAX_SECONDS, f"took {run.seconds:.1f} s"
    assert run.rss_mb < MAX_RSS_MB, f"peak memory {run.rss_mb:.0f} MB"
    assert "Traceback" not in run.stderr + run.stdout, run.stderr[-2000:]
