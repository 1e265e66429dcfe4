"""Options that several commands share, declared once."""

from __future__ import annotations

from pathlib import Path

import click

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
