"""Hostile documents given to `drafter lint`: one line naming the file and problem, status 2.

Each case is generated in a temporary folder (see generators.py), linted together with a good
document after it, and must fail alone: bounded time and memory, no traceback, no output file,
and the good document is still reported.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from . import generators as gen
from .harness import assert_bounded, run_cli

SECRET = "TOP-SECRET-ENTITY-CONTENT"

CASES: list[tuple[str, object, tuple[str, ...]]] = [
    ("corrupt zip", gen.corrupt_zip, ("corrupt",)),
    ("truncated zip", gen.truncated_zip, ("truncated",)),
    ("not a document", gen.not_a_document, ("not a valid .docx",)),
    ("encrypted docx", gen.encrypted_docx, ("encrypted",)),
    ("legacy doc", gen.legacy_doc, ("legacy Word .doc",)),
    ("empty file", gen.empty_file, ("is empty",)),
    ("zip bomb, declared size", gen.zip_bomb_declared, ("zip bomb", "DRAFTER_MAX_DOCUMENT_BYTES")),
    ("zip bomb, forged size", gen.zip_bomb_lying, ("corrupt part word/document.xml",)),
    ("billion laughs", gen.entity_expansion, ("word/document.xml", "DTD")),
    (
        "billion laughs in styles",
        lambda d: gen.entity_expansion(d, "word/styles.xml"),
        ("word/styles.xml", "DTD"),
    ),
    ("paragraph of megabytes", gen.huge_paragraph, ("paragraph 3", "characters long")),
    ("latin-1 text", gen.latin1_text, ("not UTF-8",)),
    ("binary text", gen.binary_text, ("not UTF-8",)),
]


@pytest.mark.parametrize(("name", "make", "words"), CASES, ids=[c[0] for c in CASES])
def test_hostile_document(tmp_path: Path, name: str, make, words: tuple[str, ...]) -> None:
    bad = make(tmp_path)
    good = gen.valid_docx(tmp_path, "zz-good.docx")
    before = sorted(p.name for p in tmp_path.iterdir())
    data = bad.read_bytes()
    run = run_cli("lint", str(bad), str(good), cwd=tmp_path)
    assert run.status == 2
    errors = run.errors()
    assert len(errors) == 1, run.stderr
    assert str(bad) in errors[0]
    for word in words:
        assert word in errors[0], errors[0]
    assert "\n" not in errors[0]
    assert "zz-good.docx" in run.stdout  # lint went on to the next file
    assert_bounded(run)
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # nothing written
    assert bad.read_bytes() == data  # the input is never modified


def test_external_entity_is_refused_and_never_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET)
    bad = gen.external_entity(tmp_path, secret)
    run = run_cli("lint", str(bad), "--format", "json", cwd=tmp_path)
    assert run.status == 2
    assert "DTD" in run.errors()[0] and str(bad) in run.errors()[0]
    assert SECRET not in run.stdout + run.stderr
    assert_bounded(run)


def test_dtd_in_a_part_is_refused_even_without_entities(tmp_path: Path) -> None:
    from drafter.docx_read import read_docx_blocks
    from drafter.errors import InputError

    path = tmp_path / "dtd.docx"
    xml = gen.document_xml(prolog="<!DOCTYPE w:document>")
    path.write_bytes(gen.package({"word/document.xml": xml}))
    with pytest.raises(InputError, match="DTD"):
        read_docx_blocks(path)
    path.write_bytes(gen.package({"word/document.xml": gen.document_xml()}))
    assert read_docx_blocks(path)  # the same document without the DTD reads


def test_size_limit_is_configurable(tmp_path: Path) -> None:
    doc = gen.huge_paragraph(tmp_path, megabytes=2)
    run = run_cli("lint", str(doc), cwd=tmp_path, env={"DRAFTER_MAX_DOCUMENT_BYTES": "1000000"})
    assert run.status == 2
    assert "over the limit of 1000000 (DRAFTER_MAX_DOCUMENT_BYTES)" in run.errors()[0]
    bad = run_cli("lint", str(doc), cwd=tmp_path, env={"DRAFTER_MAX_DOCUMENT_BYTES": "lots"})
    assert bad.status == 2 and "DRAFTER_MAX_DOCUMENT_BYTES='lots'" in bad.errors()[0]
    assert_bounded(run)


def test_docm_is_refused_in_one_line(tmp_path: Path) -> None:
    # A .docm is a Word package with a VBA part: refused before any part is opened.
    doc = gen.docm_with_macros(tmp_path)
    run = run_cli("lint", str(doc), cwd=tmp_path)
    assert run.status == 2
    (line,) = run.errors()
    assert str(doc.name) in line and "macro-enabled Word document (.docm)" in line
    assert_bounded(run)


def test_document_without_text_reads_as_an_empty_statute(tmp_path: Path) -> None:
    # A blank document is readable: it has no offence to lint, only whole-statute notes.
    doc = gen.no_text(tmp_path)
    run = run_cli("lint", str(doc), "--format", "json", cwd=tmp_path)
    assert run.status in (0, 1) and not run.errors()
    assert_bounded(run)


def test_annotate_refuses_to_write_over_its_input(tmp_path: Path) -> None:
    doc = gen.valid_docx(tmp_path)
    data = doc.read_bytes()
    run = run_cli("lint", str(doc), "--annotate", str(doc), "--force", cwd=tmp_path)
    assert run.status == 2
    assert "overwrite the document being linted" in run.errors()[0]
    assert doc.read_bytes() == data


def test_annotate_of_a_hostile_document_writes_nothing(tmp_path: Path) -> None:
    bad = gen.entity_expansion(tmp_path)
    out = tmp_path / "reviewed.docx"
    run = run_cli("lint", str(bad), "--annotate", str(out), cwd=tmp_path)
    assert run.status == 2 and not out.exists()
    assert not list(tmp_path.glob(".*.tmp"))


@pytest.mark.parametrize(
    ("start", "fmt", "ilvl"),
    [
        ("9" * 5000, "decimal", "0"),  # too many digits for int()
        ("99999999999", "lowerLetter", "0"),  # would print a 4 GB list number
        ("999999999", "upperRoman", "0"),
        ("1", "decimal", "x"),
        ("1", "decimal", "99999999999999999999"),
    ],
    ids=["digits", "letters", "roman", "ilvl-text", "ilvl-huge"],
)
def test_absurd_list_numbering_reads_quickly(
    tmp_path: Path, start: str, fmt: str, ilvl: str
) -> None:
    import time

    from drafter.docx_read import read_docx_blocks

    began = time.monotonic()
    blocks = read_docx_blocks(gen.hostile_numbering(tmp_path, start, fmt, ilvl))
    assert time.monotonic() - began < 2
    assert len(blocks) == 1 and blocks[0].text.endswith("commits an offence.")
    assert len(blocks[0].text) < 2000  # the list number is clamped to Word's own bounds
