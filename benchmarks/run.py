"""Benchmark drafter as whole processes against the cost of merely reading the documents.

    python benchmarks/run.py                 # full sizes, writes BENCHMARKS.md's figures
    python benchmarks/run.py --quick         # small sizes, one run: a smoke test for CI
    python benchmarks/run.py --output FILE   # write the report elsewhere
    python benchmarks/run.py --sizes 20,2000 --only lint   # a partial run: printed only

Only a full run (every size, every group) writes BENCHMARKS.md; a quick or partial run writes
its table only where ``--output`` says.

Each figure is the median (and spread: max minus min) of several runs after a warm-up run, of
a fresh process, so that import and process start are counted as a user would feel them.

drafter is measured as installed: an installed package has its modules byte-compiled (pip
writes the .pyc files on install), as python-docx in the baseline does, so before measuring
the drafter package is byte-compiled into its ``__pycache__`` folders (``python -m compileall
-q``; .gitignore keeps them out of git), and the measured processes run without
``PYTHONDONTWRITEBYTECODE`` (benchmarks/measure.py), which would otherwise make each run of
an editable checkout compile every module again (~50 modules, about 0.05 s).
"""

from __future__ import annotations

import argparse
import compileall
import importlib.util
import re
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from corpus import words, write_statute
from measure import Measure, machine, measure

PY = sys.executable
DRAFTER = [PY, "-m", "drafter"]
BASELINE = "import docx, sys; [p.text for p in docx.Document(sys.argv[1]).paragraphs]"
BEGIN, END = "<!-- benchmark figures: begin -->", "<!-- benchmark figures: end -->"


def templates() -> list[tuple[str, Path]]:
    """Return each built-in template that an example answers file uses, with that file."""
    found: dict[str, Path] = {}
    for path in sorted((ROOT / "examples").glob("*")):
        if path.suffix not in (".yaml", ".yml", ".toml", ".json"):
            continue
        match = re.search(
            r"""^"?template"?\s*[:=]\s*["']?([\w-]+)""", path.read_text(), re.MULTILINE
        )
        if match:
            found.setdefault(match.group(1), path)
    return sorted(found.items())


def compile_drafter() -> Path:
    """Byte-compile the drafter package that ``python -m drafter`` runs; return its folder."""
    spec = importlib.util.find_spec("drafter")
    if spec is None or spec.origin is None:
        raise SystemExit("drafter is not importable: install it first (pip install -e .)")
    folder = Path(spec.origin).parent
    # compileall writes the files whatever PYTHONDONTWRITEBYTECODE says; quiet=1: errors only.
    if not compileall.compile_dir(str(folder), quiet=1):
        raise SystemExit(f"byte-compiling {folder} failed")
    return folder


def row(rows: list[list[str]], m: Measure, versus: Measure | None = None, target: str = "") -> None:
    """Append one table row: figures of ``m`` and its wall and CPU ratios to ``versus``."""
    ratio = f"{m.median / versus.median:.2f}x" if versus else ""
    cpu = f"{m.cpu / versus.cpu:.2f}x" if versus and versus.cpu else ""
    rows.append(
        [m.label, f"{m.median:.3f}", f"{m.spread:.3f}", f"{m.cpu:.3f}", f"{m.peak:.0f}", ratio,
         cpu, target]
    )  # fmt: skip


def table(rows: list[list[str]]) -> str:
    """Render rows as a Markdown table."""
    head = ["Measurement", "Median s", "Spread s", "CPU s", "Peak MiB", "Ratio", "CPU ratio",
            "Target"]  # fmt: skip
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines)


GROUPS = ("lint", "help", "draft", "jobs")
FULL_SIZES = [100, 1000, 2000, 5000]


def run(
    sizes: list[int],
    runs: int,
    folder_docs: int,
    work: Path,
    warm: bool = True,
    only: tuple[str, ...] = GROUPS,
) -> tuple[str, list[str]]:
    """Run the measurements of the groups in ``only``; return the table and target verdicts."""

    def timed(label: str, argv: list[str], count: int) -> Measure:
        return measure(label, argv, count, warm=warm)

    rows: list[list[str]] = []
    verdicts: list[str] = []
    lint_times: dict[int, Measure] = {}
    for n in sizes if "lint" in only else []:
        doc = write_statute(work / f"statute-{n}.docx", n)
        base = timed(f"baseline read, {n} articles ({words(doc)} words)",
                       [PY, "-c", BASELINE, str(doc)], runs)  # fmt: skip
        lint = timed(f"drafter lint --format json, {n} articles",
                       DRAFTER + ["lint", str(doc), "--format", "json"], runs)  # fmt: skip
        lint_times[n] = lint
        row(rows, base)
        row(rows, lint, base, "<= 3x baseline" if n == 2000 else "")
        mem = lint.peak / base.peak
        rows.append([f"peak memory, lint / baseline, {n}", "", "", "", "", f"{mem:.2f}x", "",
                     "<= 2x" if n == 2000 else ""])  # fmt: skip
        if n == 2000:
            verdicts.append(_verdict("lint 2000 <= 3x baseline", lint.median / base.median, 3))
            verdicts.append(_verdict("peak memory <= 2x baseline", mem, 2))
    if 2000 in lint_times and 5000 in lint_times:
        growth = lint_times[5000].median / lint_times[2000].median
        rows.append(["lint 5000 / lint 2000", "", "", "", "", f"{growth:.2f}x", "", "<= 2.75x"])
        verdicts.append(_verdict("5000 <= 2.75x 2000", growth, 2.75))

    if "help" in only:
        click = timed("python -c 'import click'", [PY, "-c", "import click"], runs)
        helps = timed("drafter --help", DRAFTER + ["--help"], runs)
        row(rows, click)
        row(rows, helps, click, "<= 2x")
        verdicts.append(_verdict("--help <= 2x import click", helps.median / click.median, 2))

    for name, answers in templates() if "draft" in only else []:
        out = work / f"{name}.docx"
        argv = DRAFTER + ["draft", name, "--answers", str(answers), "-o", str(out), "--force"]
        row(rows, timed(f"drafter draft {name}", argv, runs))

    if "jobs" in only:
        verdicts.append(_jobs(rows, timed, work, folder_docs, runs))
    return table(rows), verdicts


def _jobs(rows: list[list[str]], timed, work: Path, folder_docs: int, runs: int) -> str:
    """Measure ``--jobs 1`` against ``--jobs 2`` over a folder; return the verdict."""
    folder = work / "folder"
    for i in range(folder_docs):
        write_statute(folder / f"law-{i:03d}.docx", 40 + i % 20, seed=i)
    one = timed(f"drafter lint --jobs 1, {folder_docs} documents",
                  DRAFTER + ["lint", str(folder), "--format", "json", "--jobs", "1"], runs)  # fmt: skip
    two = timed(f"drafter lint --jobs 2, {folder_docs} documents",
                  DRAFTER + ["lint", str(folder), "--format", "json", "--jobs", "2"], runs)  # fmt: skip
    row(rows, one)
    row(rows, two, one)
    speedup = one.median / two.median
    rows.append(["speed-up, --jobs 2 over --jobs 1", "", "", "", "", f"{speedup:.2f}x", "",
                 ">= 1.7x"])  # fmt: skip
    return _verdict("--jobs 2 >= 1.7x faster", 1 / speedup, 1 / 1.7)


def _verdict(name: str, ratio: float, limit: float) -> str:
    return f"{name}: {'met' if ratio <= limit else 'NOT met'}"


def write_report(path: Path, body: str) -> None:
    """Put the figures between the markers of ``path`` (or append them), keeping the prose."""
    block = f"{BEGIN}\n{body}\n{END}"
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n\n"
    if BEGIN in text and END in text:
        text = text[: text.index(BEGIN)] + block + text[text.index(END) + len(END) :]
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    path.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Parse the options, run the benchmarks, print and write the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, one run (smoke test)")
    parser.add_argument("--runs", type=int, default=None, help="runs per measurement")
    parser.add_argument(
        "--output",
        type=Path,
        default=None,
        help="where to write the figures (default: BENCHMARKS.md, full runs only)",
    )
    parser.add_argument(
        "--sizes",
        type=_sizes,
        default=None,
        help="statute sizes to lint, comma-separated (a partial run)",
    )
    parser.add_argument(
        "--only",
        type=_groups,
        default=GROUPS,
        help=f"measurement groups, comma-separated, of {', '.join(GROUPS)}",
    )
    args = parser.parse_args(argv)  # fmt: skip
    sizes = args.sizes or ([20] if args.quick else FULL_SIZES)
    runs = args.runs or (1 if args.quick else 5)
    docs = 2 if args.quick else 100
    compile_drafter()
    with tempfile.TemporaryDirectory(prefix="drafter-bench-") as tmp:
        figures, verdicts = run(sizes, runs, docs, Path(tmp), not args.quick, args.only)
    full = not args.quick and sizes == FULL_SIZES and tuple(args.only) == GROUPS
    mode = "full" if full else "quick (smoke test, not comparable)" if args.quick else "partial"
    body = (
        f"Machine: {machine()}\n\nMode: {mode}; {runs} runs per figure after a warm-up run.\n\n"
        f"{figures}\n\n" + "\n".join(f"- {v}" for v in verdicts)
    )
    print(body)
    output = args.output or (ROOT / "BENCHMARKS.md" if full else None)
    if output is not None:
        write_report(output, body)
    return 0


def _sizes(text: str) -> list[int]:
    try:
        sizes = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a list of sizes: {text!r}") from None
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError(f"not a list of sizes: {text!r}")
    return sizes


def _groups(text: str) -> tuple[str, ...]:
    groups = tuple(part.strip() for part in text.split(",") if part.strip())
    unknown = sorted(set(groups) - set(GROUPS))
    if unknown or not groups:
        raise argparse.ArgumentTypeError(f"unknown group(s) {unknown}; choose from {GROUPS}")
    return groups


if __name__ == "__main__":
    sys.exit(main())
