"""The benchmark script runs end to end on small sizes (a smoke test: no timing assertions)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_quick_benchmark_writes_a_table(tmp_path: Path) -> None:
    out = tmp_path / "BENCHMARKS.md"
    out.write_text("# Benchmarks\n\nProse kept.\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick", "--output", str(out)],
        check=False,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    text = out.read_text(encoding="utf-8")
    assert "Prose kept." in text  # the figures go between markers, the prose stays
    for label in ("baseline read", "drafter lint --format json", "drafter --help",
                  "drafter draft incitement-act", "drafter draft amending-act",
                  "--jobs 2", "Machine:"):  # fmt: skip
        assert label in text, label
    assert "| Median s |" in done.stdout


def test_report_replaces_only_the_figures(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from run import write_report
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    out = tmp_path / "B.md"
    write_report(out, "first")
    out.write_text(out.read_text() + "\nAfter.\n")
    write_report(out, "second")
    text = out.read_text()
    assert "second" in text and "first" not in text and "After." in text


def test_synthetic_statute_is_linted_with_findings(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from corpus import write_statute
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    from drafter.lint.api import LintOptions, lint_path

    result = lint_path(write_statute(tmp_path / "s.docx", 30), LintOptions())
    assert result.error is None
    assert {f.location.article for f in result.findings} - {None}  # article-level findings


def test_progress_only_for_text_on_terminals(monkeypatch) -> None:
    from drafter.commands import lint as lint_cmd

    class Tty:
        def isatty(self) -> bool:
            return True

    class Pipe:
        def isatty(self) -> bool:
            return False

    streams = {"stderr": Tty(), "stdout": Tty()}
    monkeypatch.setattr(lint_cmd.sys, "stdout", streams["stdout"])
    monkeypatch.setattr(lint_cmd.sys, "stderr", streams["stderr"])
    monkeypatch.delenv("DRAFTER_NO_PROGRESS", raising=False)
    assert lint_cmd._show_progress("text", False, 3)
    assert not lint_cmd._show_progress("json", False, 3)  # machine formats: never
    assert not lint_cmd._show_progress("sarif", True, 3)
    assert not lint_cmd._show_progress("text", False, 1)  # one file: nothing to show
    monkeypatch.setattr(lint_cmd.sys, "stdout", Pipe())
    assert not lint_cmd._show_progress("text", False, 3)  # report piped to a program
    assert lint_cmd._show_progress("text", True, 3)  # report to a file, watching the terminal
    monkeypatch.setattr(lint_cmd.sys, "stderr", Pipe())
    assert not lint_cmd._show_progress("text", True, 3)


def test_lint_paths_reports_each_result(tmp_path: Path) -> None:
    from drafter.lint.api import LintOptions, lint_paths

    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("Article 1 - Title\nThis Act is the Test Act.\n")
    started, seen = [], []
    results = lint_paths([tmp_path], LintOptions(), started.append, seen.append)
    assert started == [2] and seen == results and len(results) == 2


def test_partial_run_prints_and_writes_nothing() -> None:
    report = ROOT / "BENCHMARKS.md"
    before = report.read_bytes() if report.exists() else None
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--sizes", "20", "--only", "lint",
         "--runs", "1"],
        check=False, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Mode: partial" in done.stdout
    assert "drafter lint --format json, 20 articles" in done.stdout
    assert "drafter --help" not in done.stdout  # only the lint group ran
    assert (report.read_bytes() if report.exists() else None) == before


def test_unknown_group_is_a_usage_error() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--only", "lint,bogus"],
        check=False, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 2
    assert "unknown group" in done.stderr


def test_drafter_is_measured_as_installed(monkeypatch) -> None:
    """The package is byte-compiled first and the measured runs may read and write .pyc files."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from measure import _env
        from run import compile_drafter
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    folder = compile_drafter()
    assert (folder / "__init__.py").is_file()
    compiled = {p.name.split(".")[0] for p in (folder / "lint" / "__pycache__").glob("*.pyc")}
    assert {"engine", "catalog", "kinds_text"} <= compiled
    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")
    assert "PYTHONDONTWRITEBYTECODE" not in _env()
    # git never sees the compiled files (checked where the sources are a git checkout).
    if shutil.which("git") and (ROOT / ".git").exists():
        pyc = ROOT / "drafter" / "lint" / "__pycache__" / "engine.cpython-311.pyc"
        ignored = subprocess.run(["git", "check-ignore", "-q", str(pyc)], cwd=ROOT, check=False)
        assert ignored.returncode == 0
