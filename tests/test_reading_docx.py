"""Reading Word documents: tables, notes, text boxes, tracked changes, list numbers, errors."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from drafter.docx_read import read_docx_blocks
from drafter.errors import InputError
from drafter.model import ArticleKind
from drafter.reading import read_document

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = (
    f'xmlns:w="{W_NS}" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)
CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml"
 ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>"""
PACKAGE_RELS = """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Target="word/document.xml"
 Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>
</Relationships>"""
REL_BASE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def p(text: str, extra: str = "") -> str:
    """Return a simple w:p with one run (extra goes into w:pPr)."""
    ppr = f"<w:pPr>{extra}</w:pPr>" if extra else ""
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def make_docx(path: Path, body: str, **parts: str) -> Path:
    """Write a minimal .docx with the given body XML and optional parts (numbering=...)."""
    rels = []
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        zf.writestr("_rels/.rels", PACKAGE_RELS)
        zf.writestr(
            "word/document.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><w:document {NS}><w:body>{body}'
            "</w:body></w:document>",
        )
        for i, (name, xml) in enumerate(parts.items()):
            zf.writestr(f"word/{name}.xml", f'<?xml version="1.0" encoding="UTF-8"?>{xml}')
            rels.append(f'<Relationship Id="r{i}" Type="{REL_BASE}{name}" Target="{name}.xml"/>')
        zf.writestr(
            "word/_rels/document.xml.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            + "".join(rels)
            + "</Relationships>",
        )
    return path


def texts(path: Path, changes: str = "accepted") -> list[str]:
    """Return the non-empty block texts of a document."""
    return [b.text for b in read_docx_blocks(path, changes) if b.text.strip()]


def test_python_docx_document_with_table_and_styles(tmp_path: Path) -> None:
    doc = docx.Document()
    doc.add_paragraph("Incitement Act", style="Title")
    doc.add_heading("Article 1 - Definitions", level=2)
    doc.add_paragraph(
        'In this Act, "genocide" means an act listed in Article II of the Convention.'
    )
    doc.add_heading("Article 2", level=2)
    doc.add_heading("Incitement", level=3)
    # A one-column table used for layout: read paragraph by paragraph.
    table = doc.add_table(rows=2, cols=1)
    table.cell(0, 0).text = "(1) A person who publicly incites genocide commits an offence."
    table.cell(1, 0).add_paragraph("(2) The offence is punishable by imprisonment.")
    doc.add_paragraph("Comment-free closing paragraph.")
    path = tmp_path / "act.docx"
    doc.save(path)
    statute = read_document(path)
    assert statute.title == "Incitement Act"
    assert [(a.number, a.heading, a.kind) for a in statute.articles] == [
        ("1", "Definitions", ArticleKind.DEFINITIONS),
        ("2", "Incitement", ArticleKind.OFFENCE),
    ]
    para = statute.articles[1].paragraphs
    assert [(x.number, x.text[:8]) for x in para[:2]] == [("1", "A person"), ("2", "The offe")]
    assert statute.source == str(path)
    # source_index is the index among ALL body w:p, the definition annotate_docx uses.
    body = docx.Document(path).element.body
    all_p = list(body.iter(qn("w:p")))
    for x in para[:2]:
        assert "".join(t.text or "" for t in all_p[x.source_index].iter(qn("w:t"))).strip()
    idx = para[0].source_index
    assert "A person who" in "".join(t.text for t in all_p[idx].iter(qn("w:t")))


TRACKED = (
    p("Article 1 - Offence")
    + "<w:p><w:r><w:t xml:space='preserve'>A person who </w:t></w:r>"
    + "<w:ins w:id='1' w:author='R'><w:r><w:t xml:space='preserve'>intentionally </w:t></w:r></w:ins>"
    + "<w:del w:id='2' w:author='R'><w:r><w:delText xml:space='preserve'>negligently </w:delText>"
    + "</w:r></w:del>"
    + "<w:r><w:t>incites genocide commits an offence.</w:t></w:r></w:p>"
    + "<w:p><w:pPr><w:rPr><w:moveFrom w:id='5' w:author='R'/></w:rPr></w:pPr>"
    + "<w:moveFrom w:id='3' w:author='R'><w:r><w:t>Moved away.</w:t></w:r></w:moveFrom></w:p>"
    + "<w:p><w:moveTo w:id='4' w:author='R'><w:r><w:t>Moved here.</w:t></w:r></w:moveTo></w:p>"
)


def test_tracked_changes_accepted_and_original(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "tracked.docx", TRACKED)
    accepted = texts(path, "accepted")
    original = texts(path, "original")
    assert "A person who intentionally incites genocide commits an offence." in accepted
    assert "A person who negligently incites genocide commits an offence." in original
    assert "Moved here." in accepted and "Moved away." not in accepted
    assert "Moved away." in original and "Moved here." not in original
    statute = read_document(path, changes="original")
    assert "negligently" in statute.articles[0].text


def test_deleted_paragraph_mark_joins_paragraphs(tmp_path: Path) -> None:
    body = (
        p("Article 1")
        + "<w:p><w:pPr><w:rPr><w:del w:id='5' w:author='R'/></w:rPr></w:pPr>"
        + "<w:r><w:t xml:space='preserve'>First half</w:t></w:r></w:p>"
        + p(" and second half.")
    )
    path = make_docx(tmp_path / "join.docx", body)
    assert texts(path) == ["Article 1", "First half and second half."]
    assert texts(path, "original") == ["Article 1", "First half", " and second half."]


NUMBERING = f"""<w:numbering xmlns:w="{W_NS}">
<w:abstractNum w:abstractNumId="0">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="(%1)"/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl>
 <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%3)"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="Article %1"/>
 </w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="2">
 <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="0"/>
 <w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>
</w:numbering>"""


def num(num_id: int, ilvl: int = 0) -> str:
    """Return a w:numPr for a paragraph."""
    return f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'


def test_word_list_numbers_are_recovered(tmp_path: Path) -> None:
    body = (
        p("Offence", num(2))
        + p("A person who:", num(1))
        + p("speaks;", num(1, 1))
        + p("writes, by:", num(1, 1))
        + p("print;", num(1, 2))
        + p("broadcast,", num(1, 2))
        + p("commits an offence.", num(1))
        + p("Penalty", num(2))
        + p("A fine.", num(3))
        + p("A warning.", num(3))
        + p("bulleted", num(4))
    )
    path = make_docx(tmp_path / "numbered.docx", body, numbering=NUMBERING)
    assert texts(path) == [
        "Article 1 Offence",
        "(1) A person who:",
        "(a) speaks;",
        "(b) writes, by:",
        "(i) print;",
        "(ii) broadcast,",
        "(2) commits an offence.",
        "Article 2 Penalty",
        "(1) A fine.",
        "(2) A warning.",
        "- bulleted",
    ]
    statute = read_document(path)
    assert [(a.number, a.heading) for a in statute.articles] == [
        ("1", "Offence"),
        ("2", "Penalty"),
    ]
    levels = [(x.number, x.level) for x in statute.articles[0].paragraphs]
    assert levels == [("1", 0), ("a", 1), ("b", 1), ("i", 2), ("ii", 2), ("2", 0)]


def test_numbering_from_style(tmp_path: Path) -> None:
    styles = f"""<w:styles xmlns:w="{W_NS}">
<w:style w:type="paragraph" w:styleId="ArticleHeading"><w:name w:val="Article Heading"/>
<w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Art2"><w:name w:val="Article Heading 2"/>
<w:basedOn w:val="ArticleHeading"/></w:style></w:styles>"""
    body = (
        p("Scope", '<w:pStyle w:val="ArticleHeading"/>')
        + p("Text.")
        + p("Offence", '<w:pStyle w:val="Art2"/>')
    )
    path = make_docx(tmp_path / "styled.docx", body, numbering=NUMBERING, styles=styles)
    blocks = read_docx_blocks(path)
    assert [b.text for b in blocks] == ["Article 1 Scope", "Text.", "Article 2 Offence"]
    assert blocks[0].style == "Article Heading"


FOOTNOTES = f"""<w:footnotes xmlns:w="{W_NS}">
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:id="1"><w:p><w:r><w:t>As amended by Law No. 5 of 2020.</w:t></w:r></w:p></w:footnote>
</w:footnotes>"""
ENDNOTES = f"""<w:endnotes xmlns:w="{W_NS}">
<w:endnote w:id="2"><w:p><w:r><w:t>See the travaux.</w:t></w:r></w:p></w:endnote>
</w:endnotes>"""


def test_footnotes_and_endnotes_attached_to_citing_article(tmp_path: Path) -> None:
    body = (
        p("Article 1 - Offence")
        + "<w:p><w:r><w:t>(1) A person who incites commits an offence.</w:t></w:r>"
        + "<w:r><w:footnoteReference w:id='1'/></w:r></w:p>"
        + "<w:p><w:r><w:t>(2) Second.</w:t></w:r><w:r><w:endnoteReference w:id='2'/></w:r></w:p>"
        + p("Article 2 - Entry into force")
        + p("This Act comes into force on publication.")
    )
    path = make_docx(tmp_path / "notes.docx", body, footnotes=FOOTNOTES, endnotes=ENDNOTES)
    statute = read_document(path)
    first, second = statute.articles
    assert [x.text for x in first.paragraphs] == [
        "A person who incites commits an offence.",
        "Second.",
        "[Footnote 1] As amended by Law No. 5 of 2020.",
        "[Endnote 2] See the travaux.",
    ]
    assert first.paragraphs[2].number is None
    assert first.paragraphs[2].source_index == first.paragraphs[0].source_index
    assert len(second.paragraphs) == 1


def test_text_box_read_once_and_comments_ignored(tmp_path: Path) -> None:
    box = "<w:txbxContent>" + p("Article 2 - Boxed") + p("Text in a box.") + "</w:txbxContent>"
    body = (
        p("Article 1 - Scope")
        + "<w:p><w:r><w:t>Before the box.</w:t></w:r><w:r><mc:AlternateContent>"
        + f"<mc:Choice Requires='wps'><w:drawing><wps:txbx>{box}</wps:txbx></w:drawing></mc:Choice>"
        + f"<mc:Fallback><w:pict><v:textbox>{box}</v:textbox></w:pict></mc:Fallback>"
        + "</mc:AlternateContent></w:r></w:p>"
        + "<w:p><w:commentRangeStart w:id='0'/><w:r><w:t>Commented text.</w:t></w:r>"
        + "<w:commentRangeEnd w:id='0'/><w:r><w:commentReference w:id='0'/></w:r></w:p>"
    )
    comments = (
        f'<w:comments xmlns:w="{W_NS}"><w:comment w:id="0"><w:p><w:r>'
        "<w:t>REVIEWER NOTE</w:t></w:r></w:p></w:comment></w:comments>"
    )
    path = make_docx(tmp_path / "box.docx", body, comments=comments)
    blocks = read_docx_blocks(path)
    assert [(b.text, b.source_index) for b in blocks] == [
        ("Article 1 - Scope", 0),
        ("Before the box.", 1),
        ("Article 2 - Boxed", 2),
        ("Text in a box.", 3),
        ("Commented text.", 6),  # 4 and 5 are the VML fallback copy, counted but not read
    ]
    assert not any("REVIEWER" in b.text for b in blocks)


def test_field_codes_and_hidden_text_are_not_text(tmp_path: Path) -> None:
    body = (
        "<w:p><w:r><w:t xml:space='preserve'>See </w:t></w:r>"
        "<w:r><w:fldChar w:fldCharType='begin'/></w:r>"
        "<w:r><w:instrText> REF _Ref1 \\h </w:instrText></w:r>"
        "<w:r><w:fldChar w:fldCharType='separate'/></w:r><w:r><w:t>Article 3</w:t></w:r>"
        "<w:r><w:fldChar w:fldCharType='end'/></w:r>"
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden</w:t></w:r><w:r><w:t>.</w:t></w:r></w:p>"
    )
    path = make_docx(tmp_path / "field.docx", body)
    assert texts(path) == ["See Article 3."]


# -- errors ----------------------------------------------------------------------------------


def expect_error(path: Path, fragment: str, **kwargs: str) -> None:
    with pytest.raises(InputError) as info:
        read_document(path, **kwargs)
    message = str(info.value)
    assert str(path) in message and fragment in message
    assert "\n" not in message


def test_missing_file_and_directory(tmp_path: Path) -> None:
    expect_error(tmp_path / "nope.docx", "not found")
    expect_error(tmp_path, "directory")


def test_empty_file(tmp_path: Path) -> None:
    for name in ("empty.docx", "empty.txt"):
        (tmp_path / name).write_bytes(b"")
        expect_error(tmp_path / name, "empty")


def test_corrupt_and_truncated_zip(tmp_path: Path) -> None:
    good = make_docx(tmp_path / "good.docx", p("Article 1"))
    truncated = tmp_path / "truncated.docx"
    truncated.write_bytes(good.read_bytes()[:60])
    expect_error(truncated, "corrupt or truncated")
    garbage = tmp_path / "garbage.docx"
    garbage.write_bytes(b"this is not a zip file at all")
    expect_error(garbage, "corrupt or truncated")


def test_zip_without_word_document(tmp_path: Path) -> None:
    path = tmp_path / "sheet.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
    expect_error(path, "no word/document.xml")


def test_invalid_xml_in_document(tmp_path: Path) -> None:
    path = tmp_path / "bad.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("word/document.xml", "<w:document><unclosed>")
    expect_error(path, "invalid XML")


def test_entities_are_not_expanded(tmp_path: Path) -> None:
    path = tmp_path / "xxe.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(
            "word/document.xml",
            '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p>'
            "</w:body></w:document>",
        )
    try:
        blocks = read_docx_blocks(path)
    except InputError:
        return
    assert all("root:" not in b.text for b in blocks)


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


def test_encrypted_docx_and_legacy_doc(tmp_path: Path) -> None:
    encrypted = tmp_path / "secret.docx"
    encrypted.write_bytes(OLE + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 64)
    expect_error(encrypted, "is encrypted")
    legacy = tmp_path / "old.docx"
    legacy.write_bytes(OLE + "WordDocument".encode("utf-16-le"))
    expect_error(legacy, "legacy Word .doc is not supported; save it as .docx")
    doc = tmp_path / "old.doc"
    doc.write_bytes(b"anything")
    expect_error(doc, "legacy Word .doc is not supported; save it as .docx")


def test_text_encodings(tmp_path: Path) -> None:
    body = "Article 1 - Définitions\nLe « génocide » désigne les actes.\n"
    for name, data in [
        ("utf8.txt", body.encode("utf-8")),
        ("bom.md", b"\xef\xbb\xbf" + body.encode("utf-8")),
        ("utf16.txt", body.encode("utf-16")),  # with a BOM
    ]:
        (tmp_path / name).write_bytes(data)
        statute = read_document(tmp_path / name)
        assert statute.articles[0].heading == "Définitions"
        assert statute.language == "fr"
        assert [d.term for d in statute.definitions] == ["génocide"]
    latin = tmp_path / "latin1.txt"
    latin.write_bytes(body.encode("latin-1"))
    expect_error(latin, "byte 0xE9 at offset 13")


def test_changes_mode_is_checked(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "x.docx", p("Article 1"))
    expect_error(path, "changes must be", changes="both")


def test_unknown_extension_is_sniffed_and_docm_refused(tmp_path: Path) -> None:
    source = make_docx(tmp_path / "x.docx", p("Article 1 - Scope") + p("Text."))
    target = tmp_path / "law"
    target.write_bytes(source.read_bytes())
    assert read_document(target).articles[0].heading == "Scope"
    macro = tmp_path / "law.docm"
    macro.write_bytes(source.read_bytes())
    expect_error(macro, "macro-enabled Word document (.docm) is not read; save it as .docx")


def test_manual_line_breaks_split_headings_from_text(tmp_path: Path) -> None:
    body = (
        "<w:p><w:r><w:t>Article 3</w:t><w:br/><w:t>Incitement</w:t><w:br/>"
        "<w:t>(1) A person who</w:t><w:br/><w:t>incites genocide commits an offence.</w:t>"
        "</w:r></w:p>"
    )
    path = make_docx(tmp_path / "breaks.docx", body)
    blocks = read_docx_blocks(path)
    assert [b.text for b in blocks] == [
        "Article 3",
        "Incitement",
        "(1) A person who incites genocide commits an offence.",
    ]
    assert {b.source_index for b in blocks} == {0}
    article = read_document(path).articles[0]
    assert (article.heading, article.paragraphs[0].number) == ("Incitement", "1")


def test_word_table_of_contents_is_skipped(tmp_path: Path) -> None:
    styles = f"""<w:styles xmlns:w="{W_NS}">
<w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/></w:style></w:styles>"""
    toc = '<w:pStyle w:val="TOC1"/>'
    body = (
        p("Article 1 - Scope\t1", toc)
        + p("Article 2 - Offence\t2", toc)
        + p("Article 1 - Scope")
        + p("Text.")
        + p("Article 2 - Offence")
        + p("Text.")
    )
    path = make_docx(tmp_path / "toc.docx", body, styles=styles)
    statute = read_document(path)
    assert [(a.number, a.source_index) for a in statute.articles] == [("1", 2), ("2", 4)]


def test_schedule_table_rows_are_one_block_each(tmp_path: Path) -> None:
    doc = docx.Document()
    doc.add_paragraph("Article 4 - Schedule of penalties")
    table = doc.add_table(rows=3, cols=2)
    rows = [
        ("Offence", "Penalty"),
        ("Incitement to genocide (Article 2)", "Imprisonment for 5 years"),
        ("Incitement to hatred (Article 3)", "A fine"),
    ]
    for r, (offence, penalty) in enumerate(rows):
        table.cell(r, 0).text = offence
        table.cell(r, 1).text = penalty
    table.cell(2, 1).add_paragraph("or community service")
    path = tmp_path / "schedule.docx"
    doc.save(path)
    article = read_document(path).articles[0]
    assert [x.text for x in article.paragraphs] == [
        "Offence | Penalty",
        "Incitement to genocide (Article 2) | Imprisonment for 5 years",
        "Incitement to hatred (Article 3) | A fine or community service",
    ]
    body = docx.Document(path).element.body
    first_cell = list(body.iter(qn("w:p")))[article.paragraphs[1].source_index]
    assert "".join(t.text for t in first_cell.iter(qn("w:t"))).startswith("Incitement to genocide")


def test_list_style_links_and_multilevel_numbers(tmp_path: Path) -> None:
    numbering = f"""<w:numbering xmlns:w="{W_NS}">
<w:abstractNum w:abstractNumId="5">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/>
 </w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:isLgl/>
  <w:lvlText w:val="%1.%2"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="6"><w:numStyleLink w:val="LegalList"/></w:abstractNum>
<w:num w:numId="7"><w:abstractNumId w:val="5"/></w:num>
<w:num w:numId="8"><w:abstractNumId w:val="6"/></w:num>
</w:numbering>"""
    styles = f"""<w:styles xmlns:w="{W_NS}">
<w:style w:type="numbering" w:styleId="LegalList"><w:name w:val="Legal List"/>
<w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style></w:styles>"""
    body = p("first", num(8)) + p("sub", num(8, 1)) + p("sub", num(8, 1)) + p("second", num(7))
    path = make_docx(tmp_path / "linked.docx", body, numbering=numbering, styles=styles)
    assert texts(path) == ["I. first", "1.1 sub", "1.2 sub", "II. second"]


def test_headings_without_numbers_become_articles(tmp_path: Path) -> None:
    doc = docx.Document()
    doc.add_paragraph("Speech Decree", style="Title")
    doc.add_heading("Incitement", level=2)
    doc.add_paragraph("A person who publicly incites genocide commits an offence.")
    doc.add_heading("Entry into force", level=2)
    doc.add_paragraph("This Decree comes into force on signature.")
    path = tmp_path / "unnumbered.docx"
    doc.save(path)
    statute = read_document(path)
    assert statute.title == "Speech Decree"
    assert [(a.number, a.heading, a.kind) for a in statute.articles] == [
        ("1", "Incitement", ArticleKind.OFFENCE),
        ("2", "Entry into force", ArticleKind.FINAL),
    ]


def _shape(statute) -> list:
    """Return what a round trip must keep: front matter, divisions, articles and paragraphs."""
    return [
        (statute.title, statute.long_title, statute.enacting_formula, statute.language),
        [(d.kind, d.number, d.heading) for d in statute.divisions],
        [
            (a.number, a.heading, a.kind, [(p.number, p.level, p.text) for p in a.paragraphs])
            for a in statute.articles
        ],
    ]


def test_round_trip_of_generated_drafts(tmp_path: Path) -> None:
    """draft -> .docx (and Markdown) -> read -> the same structure, text and kinds."""
    from drafter.answers import load_answers, validate_answers
    from drafter.assemble import assemble
    from drafter.docx_write import statute_docx
    from drafter.library import Library
    from drafter.markdown import statute_markdown
    from drafter.reading import read_text

    examples = Path(__file__).resolve().parents[1] / "examples"
    library = Library()
    template = library.template("incitement-act")
    answers = validate_answers(template, load_answers(examples / "republic-of-aurelia.yaml"))
    draft = assemble(template, answers, library)
    path = tmp_path / "draft.docx"
    path.write_bytes(statute_docx(draft))
    assert _shape(read_document(path)) == _shape(draft.statute)
    assert _shape(read_text(statute_markdown(draft.statute))) == _shape(draft.statute)
