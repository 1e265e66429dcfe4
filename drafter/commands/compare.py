"""``drafter compare``: check that two language versions of one law line up."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import EXIT_FINDINGS, EXIT_OK, InputError

EPILOG = """\b
Codes: CMP001 article missing or extra, CMP002 paragraph/alinéa/item structure, CMP003
figures, CMP004 cross-references, CMP005 penalties, CMP006 definitions, CMP007 defined term
used in other articles, CMP008 parts and chapters.
\b
Exit status: 0 when the versions line up; 1 when they do not; 2 when a file cannot be read
or for a usage error.
"""


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False


@click.command(epilog=EPILOG)
@click.argument("file_a", type=click.Path(path_type=Path))
@click.argument("file_b", type=click.Path(path_type=Path))
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Report format.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write the report to FILE instead of standard output.",
)
@click.option("--force", is_flag=True, help="Overwrite an existing output file.")
@click.option(
    "--lang-a",
    type=click.Choice(["auto", "en", "fr"]),
    default="auto",
    show_default=True,
    help="Language of FILE_A (auto: detect it).",
)
@click.option(
    "--lang-b",
    type=click.Choice(["auto", "en", "fr"]),
    default="auto",
    show_default=True,
    help="Language of FILE_B (auto: detect it).",
)
@click.option(
    "--changes",
    type=click.Choice(["accepted", "original"]),
    default="accepted",
    show_default=True,
    help="Read Word tracked changes as accepted or the original text.",
)
@click.option(
    "--ignore",
    multiple=True,
    metavar="CODES",
    help="Skip these checks: codes or prefixes, comma-separated (CMP007).",
)
@click.pass_context
def compare(
    ctx: click.Context,
    file_a: Path,
    file_b: Path,
    fmt: str,
    output: Path | None,
    force: bool,
    lang_a: str,
    lang_b: str,
    changes: str,
    ignore: tuple[str, ...],
) -> None:
    """Check that FILE_A and FILE_B, two language versions of one law, line up.

    Both are read as `drafter lint` reads them (.docx, .md, .txt, English or French). Their
    articles are paired in order (an article one version lacks is reported once), then
    each pair is checked for the same paragraphs, alinéas and items, the same figures
    ("five", "cinq", "5"), cross-references, penalties and definitions. Each mismatch shows
    both places and a quote from each.
    """
    from ..compare import compare_files, parse_codes
    from ..output import check_writable, write_output

    codes = parse_codes(ignore)
    if output is not None:
        for source in (file_a, file_b):
            if _same_file(output, source):
                raise InputError(f"{output}: --output would overwrite a file being compared")
        check_writable(output, force)  # fail before reading, not after
    comparison = compare_files(file_a, file_b, lang_a, lang_b, changes, codes)
    if fmt == "json":
        from ..compare_report import render_json

        report = render_json(comparison)
    else:
        from ..compare_report import render_text

        report = render_text(comparison)
    if output is not None:
        write_output(output, report.encode("utf-8"), force)
    else:
        click.echo(report, nl=False)
    ctx.exit(EXIT_OK if comparison.aligned else EXIT_FINDINGS)


__all__ = ["compare"]
