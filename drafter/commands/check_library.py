"""``drafter check-library DIR``: check a team's library folder before anyone drafts with it."""

from __future__ import annotations

from pathlib import Path

import click

from .lint import FAIL_ON, exit_status, render_report, use_colour
from .options import report_options

EPILOG = """\b
Exit status (as for drafter lint): 0 when no finding reaches --fail-on; 1 when one does; 2 for
a usage error (the folder does not exist or holds no library).
"""


@click.command("check-library", epilog=EPILOG)
@click.argument("folder", type=click.Path(path_type=Path))
@report_options
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_ON),
    default="warning",
    show_default=True,
    help="Lowest severity that makes the exit status 1.",
)
@click.option("--force", is_flag=True, help="Overwrite an existing report file.")
@click.pass_context
def check_library(
    ctx: click.Context, folder: Path, fmt: str, output: Path | None, fail_on: str, force: bool
) -> None:
    """Check every file of the library FOLDER (templates/, clause_library/, checks/).

    Metadata, Jinja syntax, referenced clauses and templates, parameters declared and used,
    optional parameters and conditional questions guarded, authority ids, rules against their
    own examples, translations (<id>.fr.j2, a template's language entries) against the
    default-language version; then every example answers file in FOLDER/examples/ is drafted
    in every language its template offers and each draft linted.
    """
    from ..library_check import check_library as run_checks
    from ..output import write_output

    results = run_checks(folder)
    colour = use_colour(output is not None) and fmt == "text"
    report = render_report(
        fmt, results, [], [folder] if (folder / "clause_library").is_dir() else [], colour
    )
    if output is not None:
        write_output(output, report.encode("utf-8"), force)
    else:
        click.echo(report, nl=False, color=colour)
    ctx.exit(exit_status(results, fail_on))


__all__ = ["check_library"]
