"""``drafter templates`` and ``drafter clauses``: browse the library (built-in and user folders)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import click

from .draft import language_option, library_option

WIDTH = 88


def _table(rows: list[tuple[str, ...]], header: tuple[str, ...]) -> None:
    """Print rows as aligned columns; the last column is not padded."""
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header) - 1)]
    for row in [header, *rows]:
        cells = [cell.ljust(widths[i]) for i, cell in enumerate(row[:-1])] + [row[-1]]
        click.echo("  ".join(cells).rstrip())


def _wrapped(label: str, text: str, indent: int = 2) -> None:
    pad = " " * indent
    body = textwrap.fill(" ".join(text.split()), WIDTH, initial_indent=pad, subsequent_indent=pad)
    click.echo(f"{label}\n{body}" if label else body)


def _parameter_line(p) -> str:
    from ..answers import _describe

    default = "" if p.default is None else f" = {p.default!r}"
    return f"{p.name}{default}  ({_describe(p)})"


@click.group(invoke_without_command=True)
@library_option
@click.pass_context
def templates(ctx: click.Context, libraries: tuple[Path, ...]) -> int:
    """List the statute templates (name, title, origin); `templates show NAME` for its questions."""
    ctx.obj = libraries
    if ctx.invoked_subcommand is not None:
        return 0
    from ..library import Library, offered_languages

    rows = [
        (t.name, ",".join(offered_languages(t)), t.title, t.origin)
        for t in Library(libraries).templates()
    ]
    _table(rows, ("NAME", "LANGUAGES", "TITLE", "ORIGIN"))
    return 0


@templates.command("show")
@click.argument("name")
@language_option
@library_option
@click.pass_obj
def show_template(
    parent_libraries: tuple[Path, ...],
    name: str,
    language: str | None,
    libraries: tuple[Path, ...],
) -> int:
    """Show a template's description and every question it asks (defaults in --lang)."""
    from ..library import Library, offered_languages

    tpl = Library((*libraries, *(parent_libraries or ()))).template_in(name, language)
    click.echo(f"{tpl.name}: {tpl.title}")
    click.echo(f"origin: {tpl.origin}; language: {tpl.language}"
               f"; languages: {', '.join(offered_languages(tpl))}"
               + (f"; extends: {tpl.extends}" if tpl.extends else ""))  # fmt: skip
    if tpl.description:
        _wrapped("", tpl.description, 0)
    click.echo("\nQuestions:")
    for q in tpl.questions:
        click.echo(f"  {_parameter_line(q)}")
        if q.help:
            _wrapped("", q.help, 6)
    return 0


@click.group(invoke_without_command=True)
@click.option("--category", help="Only clauses of this category (offence, definitions, ...).")
@click.option("--source", help="Only clauses citing this authority id (e.g. RABAT).")
@click.option("--lang", "--language", "language", help="Only clauses in this language (e.g. fr).")
@library_option
@click.pass_context
def clauses(ctx: click.Context, category: str | None, source: str | None, language: str | None,
            libraries: tuple[Path, ...]) -> int:  # fmt: skip
    """List the library's clauses; `clauses show ID` for one clause in full."""
    ctx.obj = libraries
    if ctx.invoked_subcommand is not None:
        return 0
    from ..errors import LibraryError
    from ..library import CATEGORIES, Library, did_you_mean
    from ..standards import AUTHORITIES

    if category and category not in CATEGORIES:
        raise LibraryError(f"unknown category {category!r}{did_you_mean(category, CATEGORIES)}")
    if source and source not in AUTHORITIES:
        raise LibraryError(f"unknown authority id {source!r}{did_you_mean(source, AUTHORITIES)}")
    found = Library(libraries).clauses(language=language, category=category, source=source)
    rows = [(c.id, c.language, c.title, c.origin) for c in found]
    if not rows:
        click.echo("no clauses match", err=True)
        return 0
    _table(rows, ("ID", "LANG", "TITLE", "ORIGIN"))
    return 0


@clauses.command("show")
@click.argument("clause_id")
@click.option(
    "--lang",
    "--language",
    "language",
    default="en",
    show_default=True,
    help="The clause's language (en, fr).",
)
@library_option
@click.pass_obj
def show_clause(parent_libraries: tuple[Path, ...], clause_id: str, language: str,
                libraries: tuple[Path, ...]) -> int:  # fmt: skip
    """Show a clause: metadata, parameters, commentary, and its text with default values."""
    from ..library import Library
    from ..standards import AUTHORITIES

    library = Library((*libraries, *(parent_libraries or ())))
    c = library.clause(clause_id, language)
    click.echo(f"{c.id}: {c.title}")
    click.echo(f"category: {c.category}; language: {c.language}; origin: {c.origin}")
    if c.path:
        click.echo(f"file: {c.path}")
    if c.variant_of:
        click.echo(f"alternative to: {c.variant_of}")
    for label, values in (
        ("introduces", c.introduces),
        ("uses terms", c.uses),
        ("satisfies", c.satisfies),
    ):
        if values:
            click.echo(f"{label}: {', '.join(values)}")
    click.echo("sources:")
    for sid in c.sources:
        click.echo(f"  {sid}: {AUTHORITIES.get(sid, '?')}")
    if c.parameters:
        click.echo("parameters:")
        for p in c.parameters:
            click.echo(f"  {_parameter_line(p)}")
            if p.help:
                _wrapped("", p.help, 6)
    _wrapped("commentary:", c.commentary)
    click.echo("text (with default values):")
    for line in library.clause_text(c.id, language).splitlines():
        click.echo(textwrap.fill(line, WIDTH, initial_indent="  ", subsequent_indent="      "))
    return 0
