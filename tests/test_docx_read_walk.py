"""The .docx reader's cheaper walk: what it looks up once or on the way reads as Word shows it.

The walk finds a paragraph's w:pPr while collecting its text, remembers each style's list,
skips comments through the same table as other tags and adds one-line paragraphs without
split_breaks; these tests pin what each shortcut must still give.
"""

from __future__ import annotations

from pathlib import Path

from test_reading_docx import NUMBERING, W_NS, make_docx, num, p

from drafter.docx_read import read_docx_blocks
from drafter.reading.text import split_breaks

STYLES = f"""<w:styles xmlns:w="{W_NS}">
<w:style w:type="paragraph" w:styleId="Art"><w:name w:val="Article Heading"/>
<w:pPr><w:jc w:val="left"/></w:pPr><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Art2"><w:basedOn w:val="Art"/><w:name w:val="Art 2"/>
<w:name w:val="ignored second name"/></w:style>
<w:style w:type="paragraph" w:styleId="Plain"><w:name w:val="Plain Text"/></w:style></w:styles>"""


def run(text: str) -> str:
    """Return a w:r with one w:t."""
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def test_paragraph_properties_are_its_first_own_pPr(tmp_path: Path) -> None:
    """A w:pPr after a run counts, a second one or one inside a hyperlink does not."""
    body = (
        f"<w:p>{run('Scope')}<w:pPr><w:pStyle w:val='Art'/></w:pPr>"
        "<w:pPr><w:pStyle w:val='Plain'/></w:pPr></w:p>"
        f"<w:p><w:hyperlink><w:pPr><w:pStyle w:val='Art'/></w:pPr>{run('Text.')}</w:hyperlink></w:p>"
        + p("Offence", '<w:pStyle w:val="Art2"/>')
        + p("Again", '<w:pStyle w:val="Art2"/>')  # the style's list, remembered, still counts
    )
    path = make_docx(tmp_path / "props.docx", body, numbering=NUMBERING, styles=STYLES)
    blocks = read_docx_blocks(path)
    assert [(b.text, b.style) for b in blocks] == [
        ("Article 1 Scope", "Article Heading"),
        ("Text.", None),
        ("Article 2 Offence", "Art 2"),
        ("Article 3 Again", "Art 2"),
    ]


def test_original_view_numbers_from_the_properties_before_the_change(tmp_path: Path) -> None:
    """With changes="original", w:pPrChange gives the style and list number in force."""
    changed = (
        f"<w:pPr><w:pStyle w:val='Plain'/><w:pPrChange w:id='1' w:author='a'>"
        f"<w:pPr>{num(1)}</w:pPr></w:pPrChange></w:pPr>"
    )
    body = f"<w:p>{changed}{run('A person who speaks.')}</w:p>" + p("Next.", num(1))
    path = make_docx(tmp_path / "changed.docx", body, numbering=NUMBERING, styles=STYLES)
    accepted = [(b.text, b.style) for b in read_docx_blocks(path)]
    original = [(b.text, b.style) for b in read_docx_blocks(path, "original")]
    assert accepted == [("A person who speaks.", "Plain Text"), ("(1) Next.", None)]
    assert original == [("(1) A person who speaks.", None), ("(2) Next.", None)]


def test_comments_instructions_and_entities_in_runs_are_not_text(tmp_path: Path) -> None:
    """Nodes that are not elements are skipped at every depth, like before the action table."""
    body = (
        "<w:p><!-- a comment --><?pi data?><w:r><!-- c --><w:t>Incitement</w:t><?x y?>"
        "<w:tab/><w:t>is punished.</w:t></w:r><w:hyperlink><!-- c -->"
        f"{run(' Really.')}</w:hyperlink></w:p>"
    )
    path = make_docx(tmp_path / "nodes.docx", body)
    assert [b.text for b in read_docx_blocks(path)] == ["Incitement\tis punished. Really."]


def test_one_line_paragraph_is_added_as_split_breaks_would() -> None:
    """BlockList adds a paragraph without a line break whole: split_breaks must agree."""
    for text in ("", " ", "Article 3", "(1) A person who incites.", " x\t", "\u00a0Article 1"):
        assert split_breaks(text) == [text]
