"""``drafter lint``: review statutes against the standards and report in several formats."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Self

import click

from ..errors import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, InputError
from .options import library_dirs_option, report_options, rule_dirs_option

FAIL_ON = ("error", "warning", "info", "never")
# --fail-on level -> the lowest severity rank that fails (None: nothing fails).
THRESHOLDS = {"error": 2, "warning": 1, "info": 0, "never": None}
WORD_SUFFIXES = (".docx", ".docm")


def _codes(values: tuple[str, ...]) -> list[str] | None:
    """Split repeated, comma-separated code options; None when the option was not given."""
    codes = [c.strip().upper() for v in values for c in v.split(",") if c.strip()]
    return codes or None


def _is_terminal(name: str) -> bool:
    """Tell whether sys.stdout or sys.stderr (as the command sees it now) is a terminal."""
    stream = getattr(sys, name, None)
    return bool(stream is not None and getattr(stream, "isatty", lambda: False)())


def use_colour(to_file: bool) -> bool:
    """Colour only a terminal, never when NO_COLOR is set (https://no-color.org)."""
    if to_file or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return _is_terminal("stdout")


def _show_progress(fmt: str, to_file: bool, files: int) -> bool:
    """A progress bar only for a person watching: several files, a text report, terminals.

    Machine formats (JSON, SARIF, GitHub annotations) are read by programs, and a piped report
    means a program is reading; the bar goes to standard error, which must be a terminal too.
    """
    if files < 2 or fmt != "text" or os.environ.get("DRAFTER_NO_PROGRESS"):
        return False
    if not _is_terminal("stderr"):
        return False
    return to_file or _is_terminal("stdout")


class LintProgress:
    """A progress bar on standard error, with a line per file as its result arrives."""

    def __enter__(self) -> Self:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        self.progress = Progress(
            TextColumn("Linting"),
            BarColumn(),
            MofNCompleteColumn(),
            console=Console(stderr=True),
            transient=True,  # the bar goes when done; the per-file lines stay
        )
        self.progress.__enter__()
        self.task = self.progress.add_task("lint", total=None)
        return self

    def start(self, files: int) -> None:
        """Set the number of files to lint."""
        self.progress.update(self.task, total=files)

    def advance(self, result) -> None:
        """Print one file's outcome above the bar and move the bar on."""
        from rich.markup import escape

        if result.error is not None:
            line = f"[red]error[/red] {escape(result.path)}"
        else:
            counts = {"error": 0, "warning": 0, "info": 0}
            for finding in result.findings:
                counts[finding.severity.value] += 1
            shown = ", ".join(f"{n} {k}{'s' if n != 1 else ''}" for k, n in counts.items())
            line = f"{escape(result.path)}: {shown}"
        self.progress.console.print(line, highlight=False)
        self.progress.advance(self.task)

    def __exit__(self, *exc) -> None:
        self.progress.__exit__(*exc)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False


def _check_annotate(paths: tuple[Path, ...], out: Path, force: bool) -> None:
    """Refuse --annotate unless there is one Word input and the output is another file."""
    from ..output import check_writable

    if len(paths) != 1 or paths[0].is_dir() or paths[0].suffix.lower() not in WORD_SUFFIXES:
        raise InputError("--annotate needs exactly one .docx file to lint")
    if _same_file(paths[0], out):
        raise InputError(f"{out}: --annotate would overwrite the document being linted")
    if out.suffix.lower() not in WORD_SUFFIXES:
        raise InputError(f"{out}: the annotated copy must be a .docx file")
    check_writable(out, force)


def _comment_text(finding) -> str:
    """Return the text of the Word comment for one finding."""
    text = f"{finding.code} {finding.name} ({finding.severity.value}): {finding.message}"
    if finding.authorities:
        text += f" Authorities: {', '.join(finding.authorities)}."
    if finding.suggestion:
        text += f" Suggested clause: {finding.suggestion}."
    return text


def _suggestions(results, library_dirs: list[Path]) -> dict[str, str | None]:
    """Return the text of each fixing clause (None if the library lacks it), rendered once."""
    from ..lint.suggestions import suggestion_texts

    wanted: dict[str, str] = {}
    for result in results:
        for finding in result.findings:
            if finding.suggestion:
                wanted.setdefault(finding.suggestion, result.language)
    return suggestion_texts(wanted, library_dirs)


def exit_status(results, fail_on: str) -> int:
    """Return 2 if any file failed, 1 if any finding reaches --fail-on, else 0."""
    if any(r.error is not None for r in results):
        return EXIT_USAGE
    threshold = THRESHOLDS[fail_on]
    if threshold is None:
        return EXIT_OK
    worst = max((f.severity.rank for r in results for f in r.findings), default=-1)
    return EXIT_FINDINGS if worst >= threshold else EXIT_OK


EPILOG = """\b
Exit status: 0 when no finding reaches --fail-on; 1 when one does; 2 for a usage error or
when any input file could not be read (the others are still reported).
\b
Settings come from drafter.toml, or [tool.drafter] in pyproject.toml, found above the first
PATH (or --config FILE); flags given on the command line override it.
"""


def _quiet_collector(ctx: click.Context) -> None:
    """Make Python's cycle collector cheaper while this command runs (restored after).

    Reading a long statute and running the rules allocate a few hundred thousand objects that
    live until the report is written, and the collector would otherwise walk them, and every
    object the imports made, again and again (about 0.03 s of a 2000-article code). The
    objects that exist now are frozen (never walked, gc.freeze) and young objects are
    collected every 10,000 allocations instead of 700; both are undone when the command ends.
    """
    import gc

    threshold = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(10_000, threshold[1], threshold[2])

    def restore() -> None:
        gc.set_threshold(*threshold)
        gc.unfreeze()

    ctx.call_on_close(restore)


@click.command(epilog=EPILOG)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@report_options
@click.option(
    "--select",
    multiple=True,
    metavar="CODES",
    help="Only these rules: codes or prefixes, comma-separated (DR2,DR301).",
)
@click.option(
    "--ignore",
    multiple=True,
    metavar="CODES",
    help="Skip these rules: codes or prefixes, comma-separated.",
)
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_ON),
    default=None,
    help="Lowest severity that makes the exit status 1 (default: error, so "
    "warnings and info are reported without failing CI; 'never' always exits 0).",
)
@click.option(
    "--config",
    "config_file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Read settings from FILE instead of searching for drafter.toml.",
)
@click.option(
    "--lang",
    type=click.Choice(["auto", "en", "fr"]),
    default=None,
    help="Language of the statutes (default: auto-detect).",
)
@click.option(
    "--changes",
    type=click.Choice(["accepted", "original"]),
    default=None,
    help="Read Word tracked changes as accepted (default) or the original text.",
)
@click.option(
    "--baseline",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Hide the findings recorded in this baseline file.",
)
@click.option(
    "--write-baseline",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Record the current findings in FILE (then exit 0 unless a file failed).",
)
@click.option(
    "--annotate",
    type=click.Path(path_type=Path, dir_okay=False),
    metavar="OUT.docx",
    help="Write a copy of the (single) .docx input with a Word comment per finding.",
)
@click.option("--force", is_flag=True, help="Overwrite existing output files.")
@rule_dirs_option
@library_dirs_option("Extra library folder for the text of suggested clauses (repeatable).")
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Lint this many files in parallel.",
)
@click.pass_context
def lint(
    ctx: click.Context,
    paths: tuple[Path, ...],
    fmt: str,
    output: Path | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_on: str | None,
    config_file: Path | None,
    lang: str | None,
    changes: str | None,
    baseline: Path | None,
    write_baseline: Path | None,
    annotate: Path | None,
    force: bool,
    rule_dirs: tuple[Path, ...],
    library_dirs: tuple[Path, ...],
    jobs: int,
) -> None:
    """Review statutes (.docx, .md, .txt files or folders of them) against the standards."""
    _quiet_collector(ctx)
    from ..config import discover, merged
    from ..lint.api import LintOptions, collect_files, lint_paths
    from ..lint.catalog import load_rules, select_rules
    from ..output import write_output

    config = merged(
        discover(config_file, paths[0]),
        select=_codes(select),
        ignore=_codes(ignore),
        fail_on=fail_on,
        lang=lang,
        changes=changes,
        rules=list(rule_dirs),
        library=list(library_dirs),
        baseline=baseline,
    )
    inputs = collect_files(list(paths))
    if output is not None and any(_same_file(output, p) for p in inputs):
        raise InputError(f"{output}: --output would overwrite a file being linted")
    if annotate is not None:
        _check_annotate(paths, annotate, force)
    options = LintOptions(
        select=config.select,
        ignore=config.ignore,
        lang=config.lang,
        changes=config.changes,
        rule_dirs=config.rules,
        jobs=jobs,
    )
    rules = select_rules(load_rules(config.rules), config.select, config.ignore)
    show = _show_progress(fmt, output is not None, len(inputs))
    if show:
        with LintProgress() as progress:
            results = lint_paths(list(paths), options, progress.start, progress.advance)
    else:
        results = lint_paths(list(paths), options)

    status_results = results
    if write_baseline is not None:
        from ..lint.baseline import dump_baseline

        write_output(write_baseline, dump_baseline(results, write_baseline), force)
        count = sum(len(r.findings) for r in results if r.error is None)
        click.echo(f"drafter: recorded {count} findings in {write_baseline}", err=True)
        status_results = [r for r in results if r.error is not None]  # only failures count now
    elif config.baseline is not None:
        from ..lint.baseline import apply_baseline, load_baseline

        results, dropped = apply_baseline(results, load_baseline(config.baseline), config.baseline)
        status_results = results
        if dropped:
            click.echo(
                f"drafter: {dropped} findings hidden by baseline {config.baseline}", err=True
            )

    colour = use_colour(output is not None) and fmt == "text"
    report = render_report(fmt, results, rules, config.library, colour)
    if output is not None:
        write_output(output, report.encode("utf-8"), force)
    else:
        # JSON and SARIF escape every control character, so a report holds no colour code for
        # click to strip (it would search the whole report, megabytes for a long code).
        click.echo(report, nl=False, color=colour or fmt in ("json", "sarif"))

    if annotate is not None and results and results[0].error is None:
        from ..docx_annotate import Comment, annotate_docx

        comments = [
            Comment(
                source_index=f.location.source_index,
                start=f.location.start,
                end=f.location.end,
                text=_comment_text(f),
                quote=f.location.text,
            )
            for f in results[0].findings
        ]
        write_output(annotate, annotate_docx(paths[0], comments), force)
        click.echo(f"drafter: wrote {len(comments)} comments to {annotate}", err=True)

    for result in results:
        if result.error is not None:
            click.echo(f"drafter: error: {result.error}", err=True)
    ctx.exit(exit_status(status_results, config.fail_on))


def render_report(fmt: str, results, rules, library_dirs: list[Path], colour: bool) -> str:
    """Render the report in the chosen format."""
    if fmt == "text":
        from ..lint.report_text import render_text

        return render_text(results, color=colour)
    if fmt == "github":
        from ..lint.report_github import render_github

        return render_github(results)
    suggestions = _suggestions(results, library_dirs)
    if fmt == "json":
        from ..lint.report_json import render_json

        return render_json(results, suggestions)
    from ..lint.report_sarif import render_sarif

    return render_sarif(results, rules, suggestions)


__all__ = ["exit_status", "lint"]
