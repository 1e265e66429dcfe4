"""The console entry point ends the process without tearing the interpreter down, unseen."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

CORPUS = Path(__file__).parent / "corpus"
ROOT = Path(__file__).parent.parent


def _run(code: str, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        check=False,
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
    )


ENTRY = "import sys; from drafter.__main__ import run; sys.argv[0] = 'drafter'; run()"


def test_lint_report_status_and_exit_handlers():
    code = "import atexit; atexit.register(lambda: print('handler ran'));" + ENTRY
    path = str(CORPUS / "en_bad_catchall.txt")
    done = _run(code, "lint", path, "--format", "json", "--fail-on", "info")
    assert done.returncode == 1
    report, _, tail = done.stdout.rpartition("}\n")
    assert json.loads(report + "}")["summary"]["files"] == 1
    assert tail == "handler ran\n"  # exit handlers run after main, and their output is flushed


def test_usage_error_status_and_stderr():
    done = _run(ENTRY, "lint", "no-such-file.txt")
    assert done.returncode == 2
    assert done.stderr.startswith("drafter: error:")


def test_running_threads_are_waited_for():
    code = (
        "import threading, time;"
        "threading.Thread(target=lambda: (time.sleep(0.2), print('thread done'))).start();" + ENTRY
    )
    done = _run(code, "--version")
    assert done.returncode == 0
    assert done.stdout.endswith("thread done\n")


def test_stream_that_cannot_be_flushed_exits_the_usual_way():
    # The reader of the output goes away once main has returned: the flush at exit fails,
    # and Python reports it and exits with status 120, as it always did.
    code = (
        "import atexit, io, sys\n"
        "class Gone(io.StringIO):\n"
        "    closed_pipe = False\n"
        "    def flush(self):\n"
        "        if self.closed_pipe: raise BrokenPipeError(32, 'Broken pipe')\n"
        "sys.stdout = Gone()\n"
        "atexit.register(lambda: setattr(sys.stdout, 'closed_pipe', True))\n" + ENTRY
    )
    done = _run(code, "--version")
    assert done.returncode == 120
    assert "BrokenPipeError" in done.stderr
