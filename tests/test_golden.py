"""Golden files: every template with every example answers file, drafted to Word and Markdown.

Each case assembles a draft, writes the statute and memorandum .docx and the Markdown, and
compares a normalised dump (one line per paragraph: style name, TAB, text) with
tests/golden/<template>__<example>.{txt,memo.txt,md} (and <template>__<example>__fr.* for
each other language the template offers, drafted from the same answers file). After an intended change, run
``python scripts/regen_golden.py`` and review the diff. A hand-built sample draft is always a
case, so the writers are covered even without templates.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from roundtrip import assert_reads_back

from drafter.docx_annotate import Comment, annotate_docx
from drafter.docx_write import memo_docx, statute_docx
from drafter.library_model import Draft
from drafter.markdown import statute_markdown
from drafter.style import paragraph_marker, typeset

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"
EXAMPLES = ROOT / "examples"
sys.path.insert(0, str(GOLDEN))

from docx_dump import docx_outline
from sample_draft import sample_draft

Case = tuple[str, Callable[[], Draft]]


def _example_template(path: Path) -> str | None:
    """Return the template an example answers file is for (its top-level ``template:`` key)."""
    if path.suffix.lower() not in (".yaml", ".yml", ".toml", ".json"):
        return None
    from drafter.answers import load_answers
    from drafter.errors import DrafterError

    try:
        data = load_answers(path)
    except DrafterError:
        return None  # a broken example fails in the answers tests, not here
    name = data.get("template") if isinstance(data, dict) else None
    return name if isinstance(name, str) else None


def _assembled(
    template_name: str, example: Path, language: str | None = None
) -> Callable[[], Draft]:
    def build() -> Draft:
        from drafter.answers import load_answers, validate_answers
        from drafter.assemble import assemble
        from drafter.library import Library

        library = Library()
        template = library.template_in(template_name, language)
        answers = validate_answers(template, load_answers(example), source=str(example))
        return assemble(template, answers, library)

    return build


def golden_cases() -> list[Case]:
    """Return (name, draft builder) for the sample and every template x example x language.

    The template's own language is "<template>__<example>"; each other language it offers is
    "<template>__<example>__<language>" (the examples give their text answers in each).
    """
    cases: list[Case] = [("sample__sample", sample_draft)]
    try:
        from drafter.library import Library

        templates = {t.name: t for t in Library().templates()}
    except Exception:  # noqa: BLE001 - no library or templates yet (or broken): sample only
        return cases
    for example in sorted(EXAMPLES.rglob("*")) if EXAMPLES.is_dir() else []:
        name = _example_template(example)
        if name in templates and name != "base":
            cases.append((f"{name}__{example.stem}", _assembled(name, example)))
            for language in sorted(templates[name].languages):
                case = f"{name}__{example.stem}__{language}"
                cases.append((case, _assembled(name, example, language)))
    return cases


def render_case(build: Callable[[], Draft]) -> dict[str, str]:
    """Return the golden texts of one case: statute dump, memorandum dump, Markdown."""
    draft = build()

    def dump(data: bytes) -> str:
        return "".join(f"{style}\t{text}\n" for style, text in docx_outline(data))

    return {
        ".txt": dump(statute_docx(draft)),
        ".memo.txt": dump(memo_docx(draft)),
        ".md": statute_markdown(draft.statute),
    }


CASES = golden_cases()


@pytest.mark.parametrize(("name", "build"), CASES, ids=[c[0] for c in CASES])
def test_matches_golden(name: str, build: Callable[[], Draft]) -> None:
    for suffix, text in render_case(build).items():
        path = GOLDEN / f"{name}{suffix}"
        assert path.exists(), f"{path.name} missing: run python scripts/regen_golden.py"
        expected = path.read_text(encoding="utf-8")
        assert text == expected, f"{path.name} differs: run scripts/regen_golden.py and review"


@pytest.mark.parametrize(("name", "build"), CASES, ids=[c[0] for c in CASES])
def test_two_runs_give_identical_bytes(name: str, build: Callable[[], Draft]) -> None:
    assert statute_docx(build()) == statute_docx(build())
    assert memo_docx(build()) == memo_docx(build())


def test_no_stale_golden_files() -> None:
    known = {c[0] for c in CASES}
    for path in GOLDEN.glob("*__*.*[dt]"):  # .txt, .memo.txt, .md
        stem = path.name.split(".")[0]
        assert stem in known, f"{path.name} has no case any more: delete it or regenerate"


def _office() -> str | None:
    return shutil.which("libreoffice") or shutil.which("soffice")


@pytest.mark.skipif(_office() is None, reason="LibreOffice (libreoffice/soffice) is not on PATH")
@pytest.mark.parametrize(("name", "build"), CASES[:2], ids=[c[0] for c in CASES[:2]])
def test_libreoffice_renders_a_pdf(name: str, build: Callable[[], Draft], tmp_path: Path) -> None:
    draft = build()
    for stem, data in (("statute", statute_docx(draft)), ("memo", memo_docx(draft))):
        (tmp_path / f"{stem}.docx").write_bytes(data)
    profile = tmp_path / "profile"  # a private profile: no clash with a running LibreOffice
    result = subprocess.run(
        [_office(), f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
         "pdf", "--outdir", str(tmp_path), "statute.docx", "memo.docx"],
        cwd=tmp_path, capture_output=True, text=True, timeout=240, check=False,
    )  # fmt: skip
    for stem in ("statute", "memo"):
        pdf = tmp_path / f"{stem}.pdf"
        assert pdf.exists(), result.stderr or result.stdout
        data = pdf.read_bytes()
        assert data.startswith(b"%PDF")
        assert len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data)) >= 1, f"{stem}: no page"


@pytest.mark.parametrize(("name", "build"), CASES, ids=[c[0] for c in CASES])
def test_reader_reads_back_what_the_writer_wrote(name, build, tmp_path: Path) -> None:
    read_document = pytest.importorskip("drafter.reading").read_document
    draft = build()
    path = tmp_path / "law.docx"
    path.write_bytes(statute_docx(draft))
    back = read_document(path, language=draft.statute.language)
    mine = draft.statute
    assert_reads_back(back, mine)
    # The reader's source_index and annotate_docx count paragraphs the same way: a comment
    # on each paragraph of the longest article covers exactly that paragraph's text.
    article = max(back.articles, key=lambda a: len(a.paragraphs))
    comments = [Comment(p.source_index, None, None, f"c{i}") for i, p in
                enumerate(article.paragraphs)]  # fmt: skip
    from test_docx_write import anchored

    data = annotate_docx(path, comments)
    for i, para in enumerate(article.paragraphs):
        marker = paragraph_marker(para, mine.language)
        printed = typeset(f"{marker}\t{para.text}" if marker else para.text, mine.language)
        assert anchored(data, str(i)) == printed
