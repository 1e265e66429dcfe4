"""``drafter answers``: print or write a commented starter answers file for a template."""

from __future__ import annotations

from pathlib import Path

import click

from .draft import language_option, library_option


@click.command()
@click.argument("template")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="Write to this file instead of standard output.",
)
@click.option("--force", is_flag=True, help="Overwrite an existing output file.")
@language_option
@library_option
def answers(
    template: str,
    output: Path | None,
    force: bool,
    language: str | None,
    libraries: tuple[Path, ...],
) -> int:
    """Print a starter answers file for TEMPLATE: every question, its help, type and default."""
    from ..answers import starter_yaml
    from ..errors import LibraryError
    from ..library import Library
    from ..output import write_output

    library = Library(libraries)
    library.template(template)
    if library.is_abstract(template):
        raise LibraryError(f"template {template!r} only exists to be extended; choose another one")
    tpl = library.template_in(template, language)
    text = starter_yaml(tpl)
    if output is None:
        click.echo(text, nl=False)
    else:
        write_output(output, text.encode("utf-8"), force)
        click.echo(f"wrote {output}", err=True)
    return 0
