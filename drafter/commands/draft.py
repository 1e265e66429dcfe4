"""``drafter draft``: answers -> validated answers -> assembled statute -> lint -> Word/Markdown."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import EXIT_FINDINGS, LibraryError, OutputError

library_option = click.option(
    "--library",
    "libraries",
    multiple=True,
    metavar="DIR",
    type=click.Path(path_type=Path),
    envvar="DRAFTER_LIBRARY",  # several folders separated by os.pathsep (":" on POSIX)
    help="A folder with templates/ and/or clause_library/, searched before the built-in ones "
    "(repeatable; the first wins) [env: DRAFTER_LIBRARY].",
)

language_option = click.option(
    "--lang",
    "language",
    metavar="CODE",
    help="The language to draft in, e.g. fr [default: the template's own language].",
)


@click.command()
@click.argument("template")
@click.option(
    "--answers",
    "answers_file",
    metavar="FILE",
    type=click.Path(path_type=Path),
    help="YAML, TOML or JSON answers file.",
)
@click.option(
    "--interactive",
    is_flag=True,
    help="Ask for the answers the file does not give (or all of them).",
)
@click.option(
    "-o",
    "--output",
    required=True,
    metavar="OUT",
    type=click.Path(path_type=Path),
    help="The statute to write (.docx, .md or .xml).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["docx", "md", "akn"]),
    help="Output format: Word, Markdown or Akoma Ntoso 3.0 XML "
    "[default: from the -o extension (.md, .xml/.akn), else docx].",
)
@click.option(
    "--memo",
    metavar="MEMO.docx",
    type=click.Path(path_type=Path),
    help="Also write the explanatory memorandum.",
)
@click.option(
    "--reference-doc",
    metavar="REF.docx",
    type=click.Path(path_type=Path),
    help="A Word document whose styles the statute and memorandum use.",
)
@click.option("--force", is_flag=True, help="Overwrite existing output files.")
@language_option
@library_option
@click.option(
    "--allow-findings",
    is_flag=True,
    help="Write the draft even if the linter finds problems in it.",
)
def draft(
    template: str,
    answers_file: Path | None,
    interactive: bool,
    output: Path,
    fmt: str | None,
    memo: Path | None,
    reference_doc: Path | None,
    force: bool,
    language: str | None,
    libraries: tuple[Path, ...],
    allow_findings: bool,
) -> int:
    """Assemble TEMPLATE with the answers and write the statute (and memorandum).

    The draft is linted before it is written; if the linter reports a warning or an error the
    command lists the findings and writes nothing (exit status 1) unless --allow-findings is
    given. Nothing is written either if any output file could not be: no partial set.
    """
    from ..answers import load_answers, prompt_answers, validate_answers
    from ..assemble import assemble
    from ..library import Library
    from ..output import check_writable, write_output

    library = Library(libraries)
    library.template(template)
    if library.is_abstract(template):
        raise LibraryError(f"template {template!r} only exists to be extended; draft another one")
    tpl = library.template_in(template, language)

    fmt = fmt or _format_of(output)
    outputs = [output] + ([memo] if memo else [])
    if memo and memo.resolve() == output.resolve():
        raise OutputError(f"{memo}: the memorandum and the statute need different files")
    if reference_doc and not reference_doc.is_file():
        raise OutputError(f"{reference_doc}: reference document not found")
    # Refuse early, before any work, if an output could not be written.
    for path in outputs:
        check_writable(path, force)

    given = load_answers(answers_file) if answers_file else {}
    if interactive:
        given = prompt_answers(tpl, given, ask_all=answers_file is None)
    source = str(answers_file) if answers_file else "answers"
    if not answers_file and not interactive:
        source = "answers (no --answers file given)"
    answers = validate_answers(tpl, given, source=source)
    result = assemble(tpl, answers, library)

    found = _lint(result.statute)
    # Information notes are shown but do not stop the draft; warnings and errors do.
    findings = [f for f in found if f.severity.rank >= 1]
    for note in (f for f in found if f.severity.rank < 1):
        click.echo(f"note: {note.code} {_where(note)}: {note.message}", err=True)
    if findings and not allow_findings:
        click.echo(
            f"drafter: the draft has {len(findings)} lint finding(s); nothing written:", err=True
        )
        for f in findings:
            click.echo(f"  {f.code} {_where(f)}: {f.message}", err=True)
        click.echo("Fix the template or answers, or use --allow-findings.", err=True)
        return EXIT_FINDINGS

    data = {output: _statute_bytes(result, fmt, reference_doc)}
    if memo:
        from ..docx_write import memo_docx

        data[memo] = memo_docx(result, reference_doc)
    for path in outputs:  # again: the lint and rendering took time, and nothing is written yet
        check_writable(path, force)
    written: list[Path] = []
    try:
        for path, content in data.items():
            existed = path.exists()
            write_output(path, content, force)
            if not existed:
                written.append(path)
    except OutputError:
        # No partial set: remove the files this run created before the failure.
        for path in written:
            path.unlink(missing_ok=True)
        raise
    for path in outputs:
        click.echo(f"wrote {path}", err=True)
    return 0


def _where(finding) -> str:
    """Return "Article 4" or "statute" for a finding's location in the draft."""
    # The paragraph index of a finding counts items too, so it is not the printed "(2)".
    return f"Article {finding.location.article}" if finding.location.article else "statute"


def _format_of(output: Path) -> str:
    """Return the output format implied by a file name's extension (docx if none matches)."""
    suffix = output.suffix.lower()
    if suffix in (".md", ".markdown"):
        return "md"
    return "akn" if suffix in (".xml", ".akn") else "docx"


def _statute_bytes(result, fmt: str, reference_doc: Path | None) -> bytes:
    """Render the statute in the chosen format."""
    if fmt == "akn":
        from ..akn import statute_akn

        return statute_akn(result.statute, result.answers)
    if fmt == "md":
        from ..markdown import statute_markdown

        return statute_markdown(result.statute).encode("utf-8")
    from ..docx_write import statute_docx

    return statute_docx(result, reference_doc)


def _lint(statute) -> list:
    """Lint the assembled statute; an empty list if the linter is not installed in this build."""
    try:
        from ..lint.api import lint_statute
    except ModuleNotFoundError as exc:
        if exc.name != "drafter.lint.api":
            raise
        # The linter is built alongside; until it lands the draft is written unchecked.
        return []
    return list(lint_statute(statute))
