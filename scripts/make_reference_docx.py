"""Build drafter/resources/reference.docx: the house styles of drafted statutes and memoranda.

Run ``python scripts/make_reference_docx.py`` after changing a style and commit the result.
A user's ``--reference-doc`` must define the same named paragraph styles (see
drafter.docx_write.STATUTE_STYLES); the easiest way is to start from this file in Word.

Typography follows common legislative layout: a serif face, centred title and division
headings, bold article headings kept with their first paragraph, and hanging indents so that
the text of a numbered paragraph "(1)", item "(a)" or sub-item "(i)" aligns after its number.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from drafter import docx_write
from drafter.output import DEFAULT_EPOCH, normalise_zip

CENTER, JUSTIFY, LEFT = (
    WD_ALIGN_PARAGRAPH.CENTER,
    WD_ALIGN_PARAGRAPH.JUSTIFY,
    WD_ALIGN_PARAGRAPH.LEFT,
)
FONT = "Times New Roman"  # LibreOffice substitutes the metric-compatible Liberation Serif
STEP = Cm(1.0)  # the hanging indent of one numbering level
WIDE = Cm(1.3)  # the hanging indent of sub-items

APP_XML = (
    b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-'
    b'properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    b"<Application>drafter</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
    b"<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
    b"<HyperlinksChanged>false</HyperlinksChanged></Properties>"
)

# name -> (alignment, size pt, bold, italic, space before, space after, keep with next,
#          left indent, first-line indent)
STYLES: dict[str, tuple] = {
    "Statute Title": (CENTER, 16, True, False, 0, 12, True, None, None),
    "Long Title": (CENTER, 12, False, True, 0, 12, True, None, None),
    "Statute Preamble": (JUSTIFY, 12, False, False, 0, 6, False, None, None),
    "Enacting Formula": (JUSTIFY, 12, False, False, 6, 12, True, None, None),
    "Part Heading": (CENTER, 13, True, False, 18, 6, True, None, None),
    "Chapter Heading": (CENTER, 12, True, False, 12, 6, True, None, None),
    "Article Heading": (LEFT, 12, True, False, 12, 6, True, None, None),
    "Statute Text": (JUSTIFY, 12, False, False, 0, 6, False, None, None),
    "Statute Paragraph": (JUSTIFY, 12, False, False, 0, 6, False, STEP, -STEP),
    "Statute Item": (JUSTIFY, 12, False, False, 0, 4, False, STEP * 2, -STEP),
    # Wider: "(viii)" does not fit in one step and would push its text to the next tab.
    "Statute Subitem": (JUSTIFY, 12, False, False, 0, 4, False, STEP * 2 + WIDE, -WIDE),
    "Memo Title": (CENTER, 16, True, False, 0, 6, True, None, None),
    "Memo Subtitle": (CENTER, 13, False, True, 0, 18, True, None, None),
    "Memo Heading": (LEFT, 13, True, False, 18, 6, True, None, None),
    "Memo Subheading": (LEFT, 12, True, False, 12, 4, True, None, None),
    "Memo Text": (LEFT, 11, False, False, 0, 6, False, None, None),
    "Memo Bullet": (LEFT, 11, False, False, 0, 3, False, Cm(1.0), Cm(-0.5)),
    "Memo Table": (LEFT, 10, False, False, 1, 1, False, None, None),
}


def add_style(document, name: str, spec: tuple) -> None:
    """Define one paragraph style based on Normal."""
    align, size, bold, italic, before, after, keep, left, first = spec
    style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.quick_style = True
    style.font.name = FONT
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.italic = italic
    fmt = style.paragraph_format
    fmt.alignment = align
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    fmt.keep_with_next = keep
    fmt.widow_control = True
    if left is not None:
        fmt.left_indent = left
        fmt.first_line_indent = first
        # The tab after "(1)" stops where the text of the paragraph starts.
        fmt.tab_stops.add_tab_stop(left)
    if name.endswith(("Heading", "Title")):
        style.next_paragraph_style = document.styles["Normal"]


def add_page_number(document) -> None:
    """Put a centred PAGE field in the footer, as a field so Word updates it."""
    paragraph = document.sections[0].footer.paragraphs[0]
    paragraph.alignment = CENTER
    for kind, text in (("begin", None), ("instr", " PAGE "), ("separate", None), ("text", "1"),
                       ("end", None)):  # fmt: skip
        run = paragraph.add_run()
        run.font.name = FONT
        run.font.size = Pt(10)
        if kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        elif kind == "text":
            run.text = text
        else:
            run._r.append(OxmlElement("w:fldChar", attrs={qn("w:fldCharType"): kind}))


def build() -> bytes:
    """Return the reference document's bytes (deterministic)."""
    document = docx.Document()
    # python-docx's template carries a thumbnail of a blank page, and a Word 2010 copy of the
    # styles (stylesWithEffects) that would not carry ours; Word rebuilds it. Drop both.
    package = document.part.package
    for rid, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package.rels.pop(rid)
    for rid, rel in list(document.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            document.part.rels.pop(rid)
    # The template's app.xml claims the file was made by Word, with a page count; say who made
    # it instead and leave the counts out (they are optional, and Word recomputes them).
    for package_part in package.iter_parts():
        if package_part.partname == "/docProps/app.xml":
            package_part._blob = APP_XML
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(12)
    normal.paragraph_format.space_after = Pt(0)
    for name, spec in STYLES.items():
        add_style(document, name, spec)
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)  # A4
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.5))
    add_page_number(document)
    props = document.core_properties
    props.author = props.last_modified_by = "drafter"
    props.title = "drafter reference document"
    props.comments = "House styles for statutes and explanatory memoranda drafted by drafter."
    props.created = props.modified = DEFAULT_EPOCH.replace(tzinfo=None)
    props.revision = 1
    # The body stays empty: drafter empties it anyway, and a user copying styles sees them.
    docx_write._strip_rsids(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return normalise_zip(buffer.getvalue())


def main() -> None:
    """Write drafter/resources/reference.docx."""
    target = docx_write.REFERENCE_DOCX
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(build())
    print(f"wrote {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
