"""Options that several commands share, declared once."""

from __future__ import annotations

from pathlib import Path

import click

# The report formats of lint and check-library (renderers in drafter/lint/report_*.py).
FORMATS = ("text", "json", "sarif", "github")


def report_options(command):
    """Add the shared -f/--format and -o/--output report options to a command."""
    command = click.option(
        "-o",
        "--output",
        type=click.Path(path_type=Path, dir_okay=False),
        help="Write the report to FILE instead of standard output.",
    )(command)
    return click.option(
        "-f",
        "--format",
        "fmt",
        type=click.Choice(FORMATS),
        default="text",
        show_default=True,
        help="Report format.",
    )(command)


rule_dirs_option = click.option(
    "--rules",
    "rule_dirs",
    multiple=True,
    metavar="DIR",
    type=click.Path(path_type=Path, file_okay=False),
    help="Extra folder of rule files (repeatable; searched before the built-in rules).",
)


def library_dirs_option(help_text: str):
    """Return a repeatable --library DIR option for the text of suggested clauses."""
    return click.option(
        "--library",
        "library_dirs",
        multiple=True,
        metavar="DIR",
        type=click.Path(path_type=Path, file_okay=False),
        help=help_text,
    )
