"""The Word writer: layout as text numbers, house styles, determinism, annotated copies."""

from __future__ import annotations

import copy
import hashlib
import io
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from drafter import output
from drafter.docx_annotate import Comment, annotate_docx
from drafter.docx_write import (
    MEMO_STYLES,
    REFERENCE_DOCX,
    STATUTE_STYLES,
    clean_text,
    memo_docx,
    statute_docx,
)
from drafter.errors import InputError
from drafter.markup import parse_markup

sys.path.insert(0, str(Path(__file__).resolve().parent / "golden"))
from docx_dump import docx_outline
from sample_draft import sample_draft

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def part(data: bytes, name: str) -> str:
    return zipfile.ZipFile(io.BytesIO(data)).read(name).decode("utf-8")


# --- the statute ----------------------------------------------------------------------


def test_numbers_are_text_and_styles_are_named() -> None:
    outline = docx_outline(statute_docx(sample_draft()))
    assert outline[0] == ("Statute Title", "Prevention of Incitement to Genocide Act")
    assert outline[1][0] == "Long Title"
    assert ("Part Heading", "Part I \u2013 General provisions") in outline
    assert ("Chapter Heading", "Chapter 1 \u2013 Offences") in outline
    assert ("Article Heading", "Article 2 \u2013 Incitement to genocide") in outline
    paragraphs = [t for s, t in outline if s == "Statute Paragraph"]
    assert paragraphs[0].startswith("(1)\tA person who directly and publicly incites")
    assert [t[:4] for s, t in outline if s == "Statute Item"] == ["(a)\t", "(b)\t"]
    assert [t[:5] for s, t in outline if s == "Statute Subitem"] == ["(i)\tb", "(ii)\t"]
    # A single paragraph is not numbered, and references are resolved.
    nothing = "Nothing in Article 2(1) applies to good-faith academic or historical research,"
    assert ("Statute Text", f"{nothing} journalism, or artistic creation.") in outline


def test_no_word_auto_numbering_and_no_rsids() -> None:
    data = statute_docx(sample_draft())
    document = part(data, "word/document.xml")
    assert "<w:numPr" not in document
    for name in zipfile.ZipFile(io.BytesIO(data)).namelist():
        if name.endswith(".xml"):
            found = "w:rsid" in part(data, name)  # a bool: no huge diff on failure
            assert not found, name


def test_core_properties_record_the_draft() -> None:
    props = docx.Document(io.BytesIO(statute_docx(sample_draft()))).core_properties
    assert props.title == "Prevention of Incitement to Genocide Act"
    assert props.subject.startswith("An Act to prevent and punish")
    assert "incitement-act" in props.keywords and "0.1.0" in props.keywords
    assert "incitement-act" in props.comments and "0.1.0" in props.comments
    assert props.author == "drafter"
    assert props.revision == 1
    assert props.created.year == 2000 and props.modified == props.created


def test_long_titles_are_shortened_in_properties_not_in_the_text() -> None:
    draft = sample_draft()
    draft.statute.long_title = (
        "An Act " + "to prevent incitement and " * 20 + "for related matters."
    )
    data = statute_docx(draft)
    props = docx.Document(io.BytesIO(data)).core_properties
    assert len(props.subject) <= 255 and props.subject.endswith("\u2026")
    assert props.subject.startswith("An Act to prevent incitement and")
    assert ("Long Title", draft.statute.long_title) in docx_outline(data)


def test_identical_inputs_give_identical_bytes_with_fixed_zip_metadata() -> None:
    first, second = statute_docx(sample_draft()), statute_docx(sample_draft())
    assert first == second
    infos = zipfile.ZipFile(io.BytesIO(first)).infolist()
    assert infos[0].filename == "[Content_Types].xml"
    assert [i.filename for i in infos[2:]] == sorted(i.filename for i in infos[2:])
    assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
    assert {i.external_attr >> 16 for i in infos} == {0o644}


def test_bytes_do_not_depend_on_the_process(tmp_path: Path) -> None:
    golden = Path(__file__).resolve().parent / "golden"
    script = (
        f"import sys; sys.path.insert(0, {str(golden)!r}); from sample_draft import sample_draft;"
        "from drafter.docx_write import statute_docx, memo_docx; d = sample_draft();"
        "sys.stdout.buffer.write(statute_docx(d) + memo_docx(d))"
    )
    outputs = [
        subprocess.run(
            [sys.executable, "-c", script], capture_output=True, check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2")
    ]  # fmt: skip
    assert outputs[0] == outputs[1] and outputs[0].startswith(b"PK")


def test_source_date_epoch_sets_dates(monkeypatch) -> None:
    default = statute_docx(sample_draft())
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 2023-11-14T22:13:20Z
    data = statute_docx(sample_draft())
    assert data != default and data == statute_docx(sample_draft())
    props = docx.Document(io.BytesIO(data)).core_properties
    assert (props.created.year, props.created.month, props.created.day) == (2023, 11, 14)
    infos = zipfile.ZipFile(io.BytesIO(data)).infolist()
    assert {i.date_time for i in infos} == {(2023, 11, 14, 22, 13, 20)}


def test_different_text_gives_different_bytes() -> None:
    draft = sample_draft()
    draft.statute.articles[-1].paragraphs[0].text += " Amended."
    assert statute_docx(draft) != statute_docx(sample_draft())


def test_control_characters_are_removed() -> None:
    draft = sample_draft()
    draft.statute.title = "Bad\x07 title\x00"
    draft.statute.articles[0].paragraphs[0].text = "In\x0b this\x1f Act:"
    outline = docx_outline(statute_docx(draft))
    assert outline[0] == ("Statute Title", "Bad title")
    assert ("Statute Text", "In this Act:") in outline
    assert clean_text("a\ud800b\ufffec\td\ne") == "abc\td\ne"


def test_french_statute_words_and_language_tag() -> None:
    markup = (
        "::title Loi\n::part Généralités\n::article Objet\n::para Texte.\n::para Suite :\n"
        "::item un ;\n::subitem sous-point ;\n::item deux.\n"
    )
    draft = sample_draft(markup)
    draft.statute = parse_markup(markup, language="fr")
    data = statute_docx(draft)
    outline = docx_outline(data)
    assert ("Part Heading", "Titre I \u2013 Généralités") in outline
    assert ("Article Heading", "Article premier \u2013 Objet") in outline
    # Alinéas unnumbered, items "1°", sub-items "a)"; no line break before ";" or ":".
    assert ("Statute Text", "Suite\u00a0:") in outline
    assert ("Statute Item", "1\u00b0\tun\u00a0;") in outline
    assert ("Statute Subitem", "a)\tsous-point\u00a0;") in outline
    assert ("Statute Item", "2\u00b0\tdeux.") in outline
    assert 'w:lang w:val="fr-FR"' in part(data, "word/styles.xml")
    assert 'w:name="_drafter_general_1"' in part(data, "word/document.xml")


def test_article_kinds_are_recorded_in_hidden_bookmarks() -> None:
    document = part(statute_docx(sample_draft()), "word/document.xml")
    for name in ("_drafter_definitions_1", "_drafter_offence_2", "_drafter_exceptions_3",
                 "_drafter_final_4"):  # fmt: skip
        assert f'w:name="{name}"' in document


# --- reference documents --------------------------------------------------------------


def test_shipped_reference_defines_every_style_with_legislative_layout() -> None:
    document = docx.Document(str(REFERENCE_DOCX))
    names = {s.name for s in document.styles}
    assert set(STATUTE_STYLES) | set(MEMO_STYLES) <= names
    para = document.styles["Statute Paragraph"]
    assert para.font.name == "Times New Roman"
    fmt = para.paragraph_format
    assert fmt.first_line_indent < 0 and fmt.left_indent == -fmt.first_line_indent  # hanging
    assert document.styles["Statute Title"].paragraph_format.alignment == 1  # centred
    assert len(document.element.body) == 1  # only the section properties


def test_reference_docx_is_up_to_date() -> None:
    sys.path.insert(0, str(REFERENCE_DOCX.parents[2] / "scripts"))
    import make_reference_docx

    assert make_reference_docx.build() == REFERENCE_DOCX.read_bytes(), (
        "run python scripts/make_reference_docx.py"
    )


def test_user_reference_doc_keeps_styles_and_drops_sample_content(tmp_path: Path) -> None:
    document = docx.Document(str(REFERENCE_DOCX))
    document.add_paragraph("LETTERHEAD SAMPLE TEXT")
    document.styles["Statute Title"].font.size = docx.shared.Pt(20)
    ref = tmp_path / "house.docx"
    document.save(str(ref))
    before = ref.read_bytes()
    data = statute_docx(sample_draft(), reference_doc=ref)
    assert "LETTERHEAD" not in part(data, "word/document.xml")
    out = docx.Document(io.BytesIO(data))
    assert out.styles["Statute Title"].font.size == docx.shared.Pt(20)
    assert ref.read_bytes() == before


def test_reference_may_be_a_word_template(tmp_path: Path) -> None:
    source = zipfile.ZipFile(REFERENCE_DOCX)
    dotx = tmp_path / "house.dotx"
    with zipfile.ZipFile(dotx, "w") as target:
        for name in source.namelist():
            body = source.read(name)
            if name == "[Content_Types].xml":
                body = body.replace(b"document.main+xml", b"template.main+xml")
            target.writestr(name, body)
    data = statute_docx(sample_draft(), reference_doc=dotx)
    assert b"document.main+xml" in zipfile.ZipFile(io.BytesIO(data)).read("[Content_Types].xml")
    assert docx_outline(data)[0][0] == "Statute Title"


def test_reference_doc_missing_a_style_is_an_input_error(tmp_path: Path) -> None:
    ref = tmp_path / "plain.docx"
    docx.Document().save(str(ref))
    with pytest.raises(InputError, match=r"plain\.docx: .*lacks paragraph style.*'Statute Title'"):
        statute_docx(sample_draft(), reference_doc=ref)


def test_memo_borrows_missing_memo_styles_from_drafters_reference(tmp_path: Path) -> None:
    document = docx.Document(str(REFERENCE_DOCX))
    document.styles["Memo Title"].delete()
    document.styles["Statute Title"].font.size = docx.shared.Pt(20)
    ref = tmp_path / "house.docx"
    document.save(str(ref))
    out = docx.Document(io.BytesIO(memo_docx(sample_draft(), reference_doc=ref)))
    assert out.paragraphs[0].style.name == "Memo Title"
    assert out.paragraphs[0].style.font.bold
    assert out.styles["Statute Title"].font.size == docx.shared.Pt(20)  # the house's own
    docx.Document().save(str(tmp_path / "plain.docx"))  # no drafter style at all
    outline = docx_outline(memo_docx(sample_draft(), reference_doc=tmp_path / "plain.docx"))
    assert outline[0] == ("Memo Title", "Explanatory memorandum")


def test_reference_doc_that_is_not_a_docx(tmp_path: Path) -> None:
    ref = tmp_path / "notes.docx"
    ref.write_text("hello")
    with pytest.raises(InputError, match="notes.docx: not a Word .docx"):
        statute_docx(sample_draft(), reference_doc=ref)
    with pytest.raises(InputError, match="missing.docx: cannot read"):
        statute_docx(sample_draft(), reference_doc=tmp_path / "missing.docx")


# --- the memorandum -------------------------------------------------------------------


def test_memo_explains_each_article_with_full_authorities() -> None:
    data = memo_docx(sample_draft())
    outline = docx_outline(data)
    texts = [t for _, t in outline]
    assert outline[0] == ("Memo Title", "Explanatory memorandum")
    assert outline[1] == ("Memo Subtitle", "Prevention of Incitement to Genocide Act")
    at = texts.index("Article 2 \u2013 Incitement to genocide")
    section = texts[at : texts.index("Article 3 \u2013 Exceptions")]
    assert any("(offence.incitement_genocide)" in t for t in section)
    assert any("Requires both the intent to incite and genocidal intent." in t for t in section)
    assert any(t.startswith("\u2022\tConvention on the Prevention and Punishment of the Crime "
                            "of Genocide (1948), article III(c)") for t in section)  # fmt: skip
    assert any("max_years: 5 (default)" in t for t in section)
    assert ("Memo Heading", "Table of authorities") in outline
    assert any(s == "[table]" and t.startswith("RABAT | Rabat Plan of Action") and
               t.endswith("| Article 2, Article 3") for s, t in outline)  # fmt: skip
    assert data == memo_docx(sample_draft())
    assert "<w:numPr" not in part(data, "word/document.xml")


# --- annotated copies -----------------------------------------------------------------


def comments_of(data: bytes) -> list[tuple[str, str, str]]:
    root = etree.fromstring(part(data, "word/comments.xml").encode())
    return [
        (c.get(f"{W}id"), c.get(f"{W}author"), "".join(c.itertext()))
        for c in root.iter(f"{W}comment")
    ]


def anchored(data: bytes, cid: str) -> str:
    """Return the visible text between a comment's range markers."""
    root = etree.fromstring(part(data, "word/document.xml").encode())
    inside, text = False, []
    for el in root.iter():
        if el.tag == f"{W}commentRangeStart" and el.get(f"{W}id") == cid:
            inside = True
        elif el.tag == f"{W}commentRangeEnd" and el.get(f"{W}id") == cid:
            return "".join(text)
        elif inside and el.tag == f"{W}t":
            text.append(el.text or "")
        elif inside and el.tag == f"{W}tab":
            text.append("\t")
    raise AssertionError(f"no range for comment {cid}")


@pytest.fixture
def statute_file(tmp_path: Path) -> Path:
    path = tmp_path / "law.docx"
    path.write_bytes(statute_docx(sample_draft()))
    return path


def paragraph_index(path: Path, startswith: str) -> int:
    document = docx.Document(str(path))
    for i, p in enumerate(document.element.body.iter(qn("w:p"))):
        if "".join(t.text or "" for t in p.iter(qn("w:t"))).startswith(startswith):
            return i
    raise AssertionError(startswith)


def test_comment_anchors_on_exactly_the_span(statute_file: Path) -> None:
    before = hashlib.sha256(statute_file.read_bytes()).hexdigest()
    index = paragraph_index(statute_file, "(1)")
    text = "(1)\tA person who directly and publicly incites"
    start = text.index("publicly")
    note = Comment(index, start, start + len("publicly"), "DR204: define 'publicly'.")
    data = annotate_docx(statute_file, [note])
    assert comments_of(data) == [("0", "drafter", "DR204: define 'publicly'.")]
    assert anchored(data, "0") == "publicly"
    assert hashlib.sha256(statute_file.read_bytes()).hexdigest() == before
    # The text of the document is unchanged by the split runs and markers.
    new = docx.Document(io.BytesIO(data))
    old = docx.Document(str(statute_file))
    assert [p.text for p in new.paragraphs] == [p.text for p in old.paragraphs]
    assert "<w:commentReference" in part(data, "word/document.xml")


def test_whole_paragraph_and_first_paragraph_defaults(statute_file: Path) -> None:
    index = paragraph_index(statute_file, "Nothing in Article")
    data = annotate_docx(statute_file, [
        Comment(index, None, None, "whole"),
        Comment(None, None, None, "statute-wide", author="Reviewer One"),
        Comment(10_000, 0, 3, "out of range: first paragraph"),
    ])  # fmt: skip
    assert anchored(data, "0").startswith("Nothing in Article 2(1)")
    assert anchored(data, "1") == "Prevention of Incitement to Genocide Act"
    assert anchored(data, "2") == "Pre"
    assert comments_of(data)[1][1] == "Reviewer One"


def test_quote_corrects_offsets_that_miss_the_marker(statute_file: Path) -> None:
    index = paragraph_index(statute_file, "(2)")
    # Offsets computed on the text without "(2)\t" are 4 short; the quote puts it right.
    text = "A person convicted of an offence under paragraph (1) is liable to imprisonment"
    start = text.index("imprisonment")
    note = Comment(index, start, start + 12, "DR411", quote="imprisonment")
    assert anchored(annotate_docx(statute_file, [note]), "0") == "imprisonment"


def test_two_comments_in_one_paragraph(statute_file: Path) -> None:
    index = paragraph_index(statute_file, "(1)")
    text = "(1)\tA person who directly and publicly incites others to commit genocide"
    notes = [
        Comment(index, text.index("directly"), text.index("directly") + 8, "first"),
        Comment(index, text.index("genocide"), text.index("genocide") + 8, "second"),
    ]
    data = annotate_docx(statute_file, notes)
    assert anchored(data, "0") == "directly"
    assert anchored(data, "1") == "genocide"


def tracked_document(path: Path) -> None:
    """Write a document whose second paragraph has a tracked insertion and deletion."""
    document = docx.Document()
    document.add_paragraph("Article 1 - Offence")
    p = document.add_paragraph("A person who ")
    deleted = OxmlElement("w:del", attrs={qn("w:id"): "1", qn("w:author"): "A"})
    r = OxmlElement("w:r")
    t = OxmlElement("w:delText")
    t.text = "negligently "
    r.append(t)
    deleted.append(r)
    inserted = OxmlElement("w:ins", attrs={qn("w:id"): "2", qn("w:author"): "A"})
    r2 = copy.deepcopy(p.runs[0]._r)
    r2.find(qn("w:t")).text = "intentionally "
    inserted.append(r2)
    p._p.append(deleted)
    p._p.append(inserted)
    p.add_run("incites genocide.")
    table = document.add_table(rows=1, cols=1)
    table.cell(0, 0).paragraphs[0].add_run("cell text to flag")
    document.save(str(path))


def test_tracked_changes_and_tables(tmp_path: Path) -> None:
    path = tmp_path / "tracked.docx"
    tracked_document(path)
    text = "A person who intentionally incites genocide."  # the accepted view
    start = text.index("intentionally")
    data = annotate_docx(path, [
        Comment(1, start, start + len("intentionally"), "inside an insertion"),
        Comment(1, text.index("incites"), text.index("incites") + 7, "after the change"),
        Comment(2, 0, 4, "in a table cell"),
    ])  # fmt: skip
    assert anchored(data, "0") == "intentionally "  # the whole tracked insertion
    assert anchored(data, "1") == "incites"
    assert anchored(data, "2") == "cell"
    document = part(data, "word/document.xml")
    assert "negligently" in document  # the deletion is kept as it was


def test_span_across_formatted_runs_keeps_formatting(tmp_path: Path) -> None:
    document = docx.Document()
    p = document.add_paragraph("A person who ")
    p.add_run("publicly").bold = True
    p.add_run(" incites\tothers.")
    path = tmp_path / "runs.docx"
    document.save(str(path))
    text = "A person who publicly incites\tothers."
    start, end = text.index("who"), text.index("\tothers") + 2
    data = annotate_docx(path, [Comment(0, start, end, "span")])
    assert anchored(data, "0") == "who publicly incites\to"
    out = docx.Document(io.BytesIO(data)).paragraphs[0]
    assert out.text == text
    assert [r.text for r in out.runs if r.bold] == ["publicly"]


@settings(max_examples=40, deadline=None)
@given(
    pieces=st.lists(st.text(alphabet="ab c\t", min_size=1, max_size=6), min_size=1, max_size=5),
    data=st.data(),
)
def test_any_span_over_any_runs_is_anchored_exactly(pieces: list[str], data) -> None:
    text = "".join(pieces)
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    document = docx.Document()
    paragraph = document.add_paragraph()
    for i, piece in enumerate(pieces):
        paragraph.add_run(piece).italic = i % 2 == 1
    buffer = io.BytesIO()
    document.save(buffer)
    path = Path(tempfile.mkdtemp()) / "p.docx"
    path.write_bytes(buffer.getvalue())
    out = annotate_docx(path, [Comment(0, start, end, "x")])
    assert anchored(out, "0") == text[start:end]
    runs = docx.Document(io.BytesIO(out)).paragraphs[0].runs
    assert "".join(r.text for r in runs) == text
    italic = "".join(r.text for r in runs if r.italic)
    assert italic == "".join(p for i, p in enumerate(pieces) if i % 2 == 1)


def test_annotate_rejects_a_file_that_is_not_docx(tmp_path: Path) -> None:
    bad = tmp_path / "law.docx"
    bad.write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(InputError, match="law.docx"):
        annotate_docx(bad, [Comment(None, None, None, "x")])


def test_annotation_is_reproducible_with_source_date_epoch(statute_file: Path, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    notes = [Comment(0, 0, 4, "x")]
    assert annotate_docx(statute_file, notes) == annotate_docx(statute_file, notes)
    assert 'w:date="2023-11-14T22:13:20Z"' in part(annotate_docx(statute_file, notes),
                                                  "word/comments.xml")  # fmt: skip


def test_zip_normalisation_keeps_content() -> None:
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w") as z:
        z.writestr("b.xml", "B")
        z.writestr("[Content_Types].xml", "C")
        z.writestr("a.xml", "A")
    out = zipfile.ZipFile(io.BytesIO(output.normalise_zip(raw.getvalue())))
    assert out.namelist() == ["[Content_Types].xml", "a.xml", "b.xml"]
    assert out.read("a.xml") == b"A"
