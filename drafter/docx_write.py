"""Write Word documents with python-docx: the statute, its memorandum, and annotated copies.

Two things matter more than looks: legislative numbers are written as text computed from the
structure (never Word auto-numbering, which breaks when a document is edited or converted),
and the output is byte-identical for identical inputs, so a draft can be reproduced and diffed.
drafter/docx_annotate.py (comments on a reviewed document) shares this module's helpers; no
other module writes with python-docx.
"""

from __future__ import annotations

import copy
import io
import re
import zipfile
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph

from .errors import InputError
from .library_model import Draft
from .memo import Memo, build_memo
from .model import Article, Division, Statute
from .output import normalise_zip, source_date
from .style import division_caption, paragraph_marker, typeset

RESOURCES = Path(__file__).resolve().parent / "resources"
REFERENCE_DOCX = RESOURCES / "reference.docx"

# The named paragraph styles a reference document must define (scripts/make_reference_docx.py
# defines them in drafter's own reference document).
STATUTE_STYLES = (
    "Statute Title", "Long Title", "Statute Preamble", "Enacting Formula", "Part Heading",
    "Chapter Heading", "Article Heading", "Statute Paragraph", "Statute Text", "Statute Item",
    "Statute Subitem",
)  # fmt: skip
MEMO_STYLES = ("Memo Title", "Memo Subtitle", "Memo Heading", "Memo Subheading", "Memo Text",
               "Memo Bullet", "Memo Table")  # fmt: skip
LEVEL_STYLES = {1: "Statute Item", 2: "Statute Subitem"}
DIVISION_STYLES = {"part": "Part Heading", "title": "Part Heading"}  # others: "Chapter Heading"
TEMPLATE_TYPE = b"wordprocessingml.template.main+xml"
DOCUMENT_TYPE = b"wordprocessingml.document.main+xml"
PROPERTY_LIMIT = 255
LANGUAGE_TAGS = {"en": "en-GB", "fr": "fr-FR"}
CAPTION_SEPARATOR = " \u2013 "  # "Article 3 – Heading", as gazettes print it

# Characters XML 1.0 forbids; lxml refuses them, and Word would refuse the file.
ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
TEXT_TAGS = {qn("w:t"): None, qn("w:tab"): "\t", qn("w:br"): "\n", qn("w:cr"): "\n",
             qn("w:noBreakHyphen"): "-"}  # fmt: skip


def clean_text(text: str) -> str:
    """Remove characters XML 1.0 cannot hold."""
    return ILLEGAL_XML.sub("", text)


def _strip_rsids(document: DocxDocument) -> None:
    """Remove Word's random revision-session ids from every XML part."""
    rsid_attrs = {qn(f"w:{a}") for a in ("rsidR", "rsidRPr", "rsidRDefault", "rsidP", "rsidDel",
                                          "rsidSect", "rsidTr")}  # fmt: skip
    for part in document.part.package.iter_parts():
        root = getattr(part, "_element", None)
        if root is None:
            continue
        for el in root.iter():
            for attr in rsid_attrs.intersection(el.attrib):
                del el.attrib[attr]
        # w:rsids in settings, w:rsid in each style definition.
        for el in [e for e in root.iter(qn("w:rsids"), qn("w:rsid"))]:
            el.getparent().remove(el)


def _save(document: DocxDocument) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return normalise_zip(buffer.getvalue())


def _open_docx(path: Path, what: str) -> DocxDocument:
    """Open a .docx from a copy of its bytes (the file itself is never written)."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read {what}: {exc.strerror or exc}") from exc
    try:
        return docx.Document(io.BytesIO(_template_as_document(data)))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError(f"{path}: not a Word .docx document ({what})") from exc


def _template_as_document(data: bytes) -> bytes:
    """Relabel a Word template (.dotx), as house styles often come, as a document."""
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        types = package.read("[Content_Types].xml")
    except (zipfile.BadZipFile, KeyError):
        return data  # python-docx reports it
    if TEMPLATE_TYPE not in types:
        return data
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in package.infolist():
            body = package.read(info.filename)
            if info.filename == "[Content_Types].xml":
                body = body.replace(TEMPLATE_TYPE, DOCUMENT_TYPE)
            target.writestr(info, body)
    return out.getvalue()


def _start_document(
    reference_doc: Path | None, styles: tuple[str, ...], borrow: bool = False
) -> DocxDocument:
    """Open the reference document, check its styles, and empty its body.

    With ``borrow``, styles the reference lacks are copied from drafter's own reference
    (a State's house template defines statute styles, rarely memorandum styles); without
    it, a missing style is an InputError, so a misnamed house style is never silently ignored.
    """
    path = Path(reference_doc) if reference_doc else REFERENCE_DOCX
    document = _open_docx(path, "reference document")
    defined = {s.name for s in document.styles if s.type == WD_STYLE_TYPE.PARAGRAPH}
    missing = [name for name in styles if name not in defined]
    if missing and borrow and path != REFERENCE_DOCX:
        own = _open_docx(REFERENCE_DOCX, "drafter's reference document").styles
        for name in missing:
            document.styles.element.append(copy.deepcopy(own[name].element))
    elif missing:
        names = ", ".join(repr(m) for m in missing)
        raise InputError(
            f"{path}: reference document lacks paragraph style(s) {names}; "
            f"start from drafter's own reference.docx, which defines them all"
        )
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):  # keep the page setup, drop any sample content
            body.remove(child)
    return document


def _property(text: str) -> str:
    """Fit text into a core property, which Word and python-docx cap at 255 characters."""
    text = " ".join(clean_text(text).split())
    if len(text) <= PROPERTY_LIMIT:
        return text
    cut = text[: PROPERTY_LIMIT - 1].rsplit(" ", 1)[0]
    return f"{cut}\u2026"


def _set_properties(document: DocxDocument, title: str, subject: str,
                    draft: Draft, language: str) -> None:  # fmt: skip
    when = source_date().replace(tzinfo=None)  # python-docx writes naive datetimes as UTC
    version = draft.library_version or "unknown"
    props = document.core_properties
    props.title = _property(title)
    props.subject = _property(subject)
    props.author = "drafter"
    props.last_modified_by = "drafter"
    props.keywords = _property(f"template:{draft.template.name}; library:{version}")
    if language == "fr":
        props.comments = _property(
            f"Établi par drafter à partir du modèle {draft.template.name} "
            f"et de la bibliothèque de clauses version {version}."
        )
        props.category, props.content_status = "Projet de texte législatif", "Projet"
    else:
        props.comments = _property(
            f"Generated by drafter from template {draft.template.name} "
            f"with clause library version {version}."
        )
        props.category, props.content_status = "Draft legislation", "Draft"
    props.language = language
    props.created = props.modified = props.last_printed = when
    props.revision = 1


def _set_language(document: DocxDocument, language: str) -> None:
    """Mark the text's language on Normal, so Word spell-checks French as French."""
    code = LANGUAGE_TAGS.get(language, language)
    rpr = document.styles["Normal"].element.get_or_add_rPr()
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        # Schema order: in w:rPr only these may follow w:lang.
        rpr.insert_element_before(lang, "w:eastAsianLayout", "w:specVanish", "w:oMath")
    lang.set(qn("w:val"), code)


def _add(document: DocxDocument, style: str, text: str) -> Paragraph:
    return document.add_paragraph(clean_text(text), style=style)


def bookmark_name(article: Article, index: int) -> str:
    """Return the hidden bookmark that records an article's kind: "_drafter_offence_4".

    Word hides bookmarks whose name starts with "_"; they survive editing and renumbering,
    so a reader can recover the generator's article kind instead of guessing it.
    """
    return f"_drafter_{article.kind.value}_{index}"


def _bookmark(paragraph: Paragraph, name: str, bookmark_id: int) -> None:
    p = paragraph._p
    start = OxmlElement("w:bookmarkStart", attrs={qn("w:id"): str(bookmark_id), qn("w:name"): name})
    end = OxmlElement("w:bookmarkEnd", attrs={qn("w:id"): str(bookmark_id)})
    ppr = p.find(qn("w:pPr"))
    if ppr is not None:
        ppr.addnext(start)
    else:
        p.insert(0, start)
    p.append(end)


def _article_heading(article: Article) -> str:
    heading = (article.heading or "").strip()
    return f"{article.caption}{CAPTION_SEPARATOR}{heading}" if heading else article.caption


def _division_heading(division: Division, language: str) -> str:
    caption = division_caption(division, language)
    heading = (division.heading or "").strip()
    return f"{caption}{CAPTION_SEPARATOR}{heading}" if heading else caption


def write_statute(document: DocxDocument, statute: Statute) -> None:
    """Append a statute's paragraphs to a document, numbers written as text."""
    language = statute.language

    def _para(document: DocxDocument, style: str, text: str) -> Paragraph:
        return _add(document, style, typeset(text, language))

    if statute.title:
        _para(document, "Statute Title", statute.title)
    if statute.long_title:
        _para(document, "Long Title", statute.long_title)
    for text in statute.preamble:
        _para(document, "Statute Preamble", text)
    if statute.enacting_formula:
        _para(document, "Enacting Formula", statute.enacting_formula)
    articles = 0
    for block in statute.body:
        if isinstance(block, Division):
            style = DIVISION_STYLES.get(block.kind, "Chapter Heading")
            _para(document, style, _division_heading(block, statute.language))
            continue
        articles += 1
        heading = _para(document, "Article Heading", _article_heading(block))
        _bookmark(heading, bookmark_name(block, articles), articles)
        for para in block.paragraphs:
            if para.level == 0:
                style = "Statute Paragraph" if para.number else "Statute Text"
            else:
                style = LEVEL_STYLES.get(para.level, "Statute Subitem")
            # A tab after the marker lands on the hanging indent of the style.
            marker = paragraph_marker(para, statute.language)
            text = f"{marker}\t{para.text}" if marker else para.text
            _para(document, style, text)


def statute_docx(draft: Draft, reference_doc: Path | None = None) -> bytes:
    """Return the statute of a draft as a Word document built on the reference document."""
    statute = draft.statute
    document = _start_document(reference_doc, STATUTE_STYLES)
    write_statute(document, statute)
    _set_language(document, statute.language)
    title = statute.title or draft.template.title
    _set_properties(document, title, statute.long_title or "", draft, statute.language)
    _strip_rsids(document)
    return _save(document)


def _label_and_text(document: DocxDocument, label: str, text: str) -> Paragraph:
    paragraph = document.add_paragraph(style="Memo Text")
    paragraph.add_run(clean_text(label)).bold = True
    if text:
        paragraph.add_run(clean_text(text))
    else:  # a label introducing a list stays on the page of the list
        paragraph.paragraph_format.keep_with_next = True
    return paragraph


def _table(document: DocxDocument, header: tuple[str, ...], rows: list[tuple[str, ...]],
           shares: tuple[float, ...]) -> None:  # fmt: skip
    """Add a table; ``shares`` are the columns' fractions of the text width."""
    section = document.sections[-1]
    width = section.page_width - section.left_margin - section.right_margin
    table = document.add_table(rows=1, cols=len(header))
    if "Table Grid" in {s.name for s in document.styles}:
        table.style = "Table Grid"
    table.autofit = False
    # Word reads the cell widths, LibreOffice the grid columns: set both.
    for column, share in zip(table.columns, shares, strict=True):
        column.width = int(width * share)
    header_row = table.rows[0]
    header_row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))  # repeat on each page
    for row_values, bold in [(header, True)] + [(r, False) for r in rows]:
        row = header_row if bold else table.add_row()
        for cell, text, share in zip(row.cells, row_values, shares, strict=True):
            cell.width = int(width * share)
            paragraph = cell.paragraphs[0]
            paragraph.style = "Memo Table"
            paragraph.add_run(clean_text(text)).bold = bold


def _cited_for(captions: list[str], language: str) -> str:
    """Return the articles an authority is cited for: French "Articles premier, 2 et 4"."""
    numbers = [c.removeprefix("Article ") for c in captions]
    if language != "fr" or len(numbers) < 2 or len(numbers) != len(set(numbers)):
        return ", ".join(captions)
    return f"Articles {', '.join(numbers[:-1])} et {numbers[-1]}"


def write_memo(document: DocxDocument, memo: Memo) -> None:
    """Append the memorandum's content to a document (fixed labels in the memo's language)."""
    label = memo.labels

    def _para(document: DocxDocument, style: str, text: str) -> Paragraph:
        return _add(document, style, typeset(text, memo.language))

    def _labelled(document: DocxDocument, name: str, text: str) -> Paragraph:
        return _label_and_text(document, typeset(name, memo.language), typeset(text, memo.language))

    _para(document, "Memo Title", memo.title)
    _para(document, "Memo Subtitle", memo.statute_title)
    _para(document, "Memo Heading", label["introduction"])
    for text in memo.introduction:
        _para(document, "Memo Text", text)
    if memo.answers:
        header = (label["answer_key"], label["question"], label["answer"])
        rows = [tuple(typeset(cell, memo.language) for cell in row) for row in memo.answers]
        _table(document, header, rows, (0.3, 0.45, 0.25))
    _para(document, "Memo Heading", label["articles"])
    for note in memo.articles:
        caption = note.caption + (f"{CAPTION_SEPARATOR}{note.heading}" if note.heading else "")
        _para(document, "Memo Subheading", caption)
        if not note.clauses:
            _para(document, "Memo Text", label["no_clause"])
        for number, clause in enumerate(note.clauses):
            first = _labelled(document, label["clause"], f"{clause.title} ({clause.id})")
            if number:  # set off each further clause of the same article
                first.paragraph_format.space_before = Pt(9)
            if clause.commentary:
                _labelled(document, label["why"], clause.commentary)
            if clause.authorities:
                _labelled(document, label["standards"], "")
                for auth in clause.authorities:
                    _para(document, "Memo Bullet", f"\u2022\t{auth.title} [{auth.id}]")
            if clause.options:
                _labelled(document, label["options"], "")
                for opt in clause.options:
                    default = f" {label['default']}" if opt.is_default else ""
                    help_text = f" \u2013 {opt.help}" if opt.help else ""
                    _para(document, "Memo Bullet", f"\u2022\t{opt.name}: {opt.value}{default}"
                          f"{help_text}")  # fmt: skip
    _para(document, "Memo Heading", label["authorities"])
    if memo.authorities:
        rows = [(a.id, a.title, _cited_for(a.articles, memo.language)) for a in memo.authorities]
        rows = [tuple(typeset(cell, memo.language) for cell in row) for row in rows]
        header = (label["id"], label["authority"], label["cited_for"])
        _table(document, header, rows, (0.22, 0.58, 0.2))
    else:
        _para(document, "Memo Text", label["no_authority"])


def memo_docx(draft: Draft, reference_doc: Path | None = None) -> bytes:
    """Return the explanatory memorandum of a draft as a Word document."""
    memo = build_memo(draft)
    document = _start_document(reference_doc, MEMO_STYLES, borrow=True)
    write_memo(document, memo)
    _set_language(document, draft.statute.language)
    title = f"{memo.title}: {memo.statute_title}"
    _set_properties(document, title, draft.statute.long_title or "", draft, draft.statute.language)
    _strip_rsids(document)
    return _save(document)
