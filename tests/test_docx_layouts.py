"""Real-world Word layouts: bilingual tables (one language per column) and lists nested in lists.

A bilingual gazette prints each article beside its translation in a two-column table: the
reader keeps one column (the --lang one, else the first) instead of interleaving the versions.
A German-style statute numbers subsections with one Word list ("(1)") and the items inside a
subsection with another, indented deeper ("1."): those items nest under their subsection. Data
tables (schedules of penalties) and drafter's own layouts read as before.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from drafter.docx_numbering import ListNesting
from drafter.docx_read import read_docx_blocks
from drafter.reading import read_document
from drafter.reading.language import detect_language

HELDOUT = Path(__file__).resolve().parent / "heldout"

FRENCH = [
    "Le Parlement a adopté et le Président promulgue la loi dont la teneur suit :",
    (
        "Article 1er. Est puni d'un emprisonnement d'un an au plus quiconque, publiquement et "
        "dans l'intention d'inciter à la violence, nie le génocide qui a été constaté par une "
        "juridiction."
    ),
    (
        "Art. 2. Le tribunal peut, en outre, ordonner la publication du jugement aux frais du "
        "condamné."
    ),
    (
        "Art. 3. L'article 1er ne s'applique pas aux travaux de recherche historique ou "
        "scientifique, ni à l'enseignement."
    ),
]
ENGLISH = [
    "Parliament has adopted and the President promulgates the law that follows:",
    (
        "Article 1. Anyone who, publicly and with intent to incite violence, denies the genocide "
        "that a court has found shall be punished by imprisonment for a term of not more than one "
        "year."
    ),
    (
        "Art. 2. The court may also order that the judgment be published at the expense of the "
        "person convicted."
    ),
    "Art. 3. Article 1 does not apply to historical or scientific research, nor to teaching.",
]


def table_doc(path: Path, rows: list[tuple[str, ...]], title: str = "Loi / Act") -> Path:
    """Write a document: a title paragraph, then a table with one row per tuple of cells."""
    doc = docx.Document()
    doc.add_paragraph(title)
    table = doc.add_table(rows=0, cols=len(rows[0]))
    for cells in rows:
        row = table.add_row().cells
        for cell, text in zip(row, cells, strict=True):
            cell.text = text
    doc.save(path)
    return path


def articles(path: Path, language: str = "auto") -> list[tuple[str, str]]:
    """Return the (designation, number) of each article the reader finds."""
    return [(a.designation, a.number) for a in read_document(path, language=language).articles]


def first_texts(path: Path, language: str = "auto") -> list[str]:
    """Return the first words of each article's first paragraph."""
    statute = read_document(path, language=language)
    return [" ".join(a.paragraphs[0].text.split()[:2]) for a in statute.articles]


# -- bilingual tables ------------------------------------------------------------------------


def test_french_english_table_reads_the_french_column(tmp_path: Path) -> None:
    """FR | EN: one set of articles, in French; English never interleaved."""
    path = table_doc(tmp_path / "fr_en.docx", list(zip(FRENCH, ENGLISH, strict=True)))
    statute = read_document(path)
    assert statute.language == "fr"
    assert [(a.designation, a.number) for a in statute.articles] == [
        ("Article", "1er"),
        ("Art.", "2"),
        ("Art.", "3"),
    ]
    assert first_texts(path) == ["Est puni", "Le tribunal", "L'article 1er"]


def test_french_english_table_reads_the_english_column_with_lang_en(tmp_path: Path) -> None:
    """--lang en picks the English column of an FR | EN table."""
    path = table_doc(tmp_path / "fr_en.docx", list(zip(FRENCH, ENGLISH, strict=True)))
    assert articles(path, "en") == [("Article", "1"), ("Art.", "2"), ("Art.", "3")]
    assert first_texts(path, "en") == ["Anyone who,", "The court", "Article 1"]


def test_english_french_table_reads_english_by_default_and_french_on_request(
    tmp_path: Path,
) -> None:
    """EN | FR: the first column unless --lang fr asks for the second."""
    path = table_doc(tmp_path / "en_fr.docx", list(zip(ENGLISH, FRENCH, strict=True)))
    assert read_document(path).language == "en"
    assert articles(path) == [("Article", "1"), ("Art.", "2"), ("Art.", "3")]
    assert first_texts(path, "fr") == ["Est puni", "Le tribunal", "L'article 1er"]
    assert articles(path, "fr")[0] == ("Article", "1er")


def test_skipped_column_keeps_source_indexes_and_drops_its_paragraphs(tmp_path: Path) -> None:
    """Source indexes still count every w:p, the other column's included."""
    path = table_doc(tmp_path / "fr_en.docx", list(zip(FRENCH, ENGLISH, strict=True)))
    blocks = read_docx_blocks(path)
    assert [b.source_index for b in blocks] == [0, 1, 3, 5, 7]
    assert not any("Anyone" in b.text for b in blocks)
    english = read_docx_blocks(path, language="en")
    assert [b.source_index for b in english] == [0, 2, 4, 6, 8]


def test_parallel_headings_mark_a_short_bilingual_table(tmp_path: Path) -> None:
    """Too little text to tell the languages: rows opening "Section N" | "Article N" suffice."""
    rows = [
        ("Section 1: Scope.", "Article 1er : Champ."),
        ("Section 2: Offence.", "Article 2 : Infraction."),
    ]
    path = table_doc(tmp_path / "short.docx", rows)
    assert [b.text for b in read_docx_blocks(path)] == [
        "Loi / Act",
        "Section 1: Scope.",
        "Section 2: Offence.",
    ]
    assert read_docx_blocks(path, language="fr")[1].text == "Section 1: Scope."  # the first
    # Only the English column is long enough to tell: --lang fr reads the other one.
    short = [" ".join(fr.split()[:3]) for fr in FRENCH[1:]]
    rows = list(zip(ENGLISH[1:], short, strict=True))
    path = table_doc(tmp_path / "half.docx", rows)
    assert [b.text for b in read_docx_blocks(path, language="fr")][1:] == short
    assert [b.text for b in read_docx_blocks(path, language="en")][1:] == ENGLISH[1:]


def test_same_language_parallel_headings_are_not_bilingual(tmp_path: Path) -> None:
    """A before/after synopsis in one language keeps both columns, as before (a data table)."""
    old = "Article 1. A person who publicly denies the genocide commits an offence and is liable "
    new = "Article 1. A person who publicly and intentionally denies the genocide commits an "
    rows = [(old + "to a fine.", new + "offence."), (old + "to prison.", new + "offence too.")]
    path = table_doc(tmp_path / "synopsis.docx", rows)
    assert [b.text for b in read_docx_blocks(path)][1:] == [f"{a} | {b}" for a, b in rows]


def test_data_table_rows_read_as_before(tmp_path: Path) -> None:
    """A schedule of penalties: each row one block, cells joined by " | "."""
    rows = [
        ("Offence", "Maximum imprisonment", "Maximum fine"),
        ("Incitement to genocide (section 2)", "Imprisonment for 6 years", "50,000 dollars"),
        ("Incitement to violence (section 3)", "Imprisonment for 2 years", "10,000 dollars"),
    ]
    path = table_doc(tmp_path / "schedule.docx", rows, "Schedule of penalties")
    assert [b.text for b in read_docx_blocks(path)] == [
        "Schedule of penalties",
        "Offence | Maximum imprisonment | Maximum fine",
        "Incitement to genocide (section 2) | Imprisonment for 6 years | 50,000 dollars",
        "Incitement to violence (section 3) | Imprisonment for 2 years | 10,000 dollars",
    ]
    two = [(a, b) for a, b, _ in rows]
    path = table_doc(tmp_path / "two.docx", two, "Schedule")
    assert [b.text for b in read_docx_blocks(path)][1:] == [f"{a} | {b}" for a, b in two]


def test_notes_and_list_numbers_of_the_skipped_column(tmp_path: Path) -> None:
    """The other column's footnotes go with it; its list numbers still count, as Word prints."""
    notes = [b.text for b in read_docx_blocks(HELDOUT / "en_cm_bilingual_good.docx")]
    assert sum(t.startswith("[Footnote") for t in notes) == 2  # both cited in the English
    french = read_docx_blocks(HELDOUT / "en_cm_bilingual_good.docx", language="fr")
    assert not any(b.text.startswith("[Footnote") for b in french)
    doc = docx.Document()
    shared = word_list(doc, [("(%1)", None)])
    table = doc.add_table(rows=0, cols=2)
    for english, french_text in zip(ENGLISH[1:], FRENCH[1:], strict=True):
        row = table.add_row().cells
        for cell, text in ((row[0], english), (row[1], french_text)):
            paragraph = cell.paragraphs[0]
            paragraph.text = text
            number(paragraph._p, shared)
    doc.save(tmp_path / "shared.docx")
    texts = [b.text[:4] for b in read_docx_blocks(tmp_path / "shared.docx")]
    assert texts == ["(1) ", "(3) ", "(5) "]


# -- lists nested in lists -------------------------------------------------------------------


_abstract_ids = iter(range(700, 800))


def word_list(doc: docx.document.Document, levels: list[tuple[str, int | None]]) -> int:
    """Add a Word list (lvlText, left indent or None) per level; return its numId."""
    numbering = doc.part.numbering_part.element
    abstract_id = next(_abstract_ids)
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), str(abstract_id))
    for ilvl, (text, indent) in enumerate(levels):
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), str(ilvl))
        for tag, value in (("w:start", "1"), ("w:numFmt", "decimal"), ("w:lvlText", text)):
            element = OxmlElement(tag)
            element.set(qn("w:val"), value)
            lvl.append(element)
        if indent is not None:
            ppr, ind = OxmlElement("w:pPr"), OxmlElement("w:ind")
            ind.set(qn("w:left"), str(indent))
            ppr.append(ind)
            lvl.append(ppr)
        abstract.append(lvl)
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), str(abstract_id))
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), str(abstract_id))
    num.append(ref)
    numbering.append(num)
    return abstract_id


def number(p: object, num_id: int, ilvl: int = 0) -> object:
    """Number a w:p by a Word list level; return its w:pPr."""
    ppr = p.get_or_add_pPr()
    num_pr, level, list_id = OxmlElement("w:numPr"), OxmlElement("w:ilvl"), OxmlElement("w:numId")
    level.set(qn("w:val"), str(ilvl))
    list_id.set(qn("w:val"), str(num_id))
    num_pr.extend([level, list_id])
    ppr.append(num_pr)
    return ppr


def numbered(doc: docx.document.Document, text: str, num_id: int, ilvl: int = 0,
             indent: int | None = None) -> None:  # fmt: skip
    """Add a paragraph numbered by a Word list (with its own left indent, if given)."""
    ppr = number(doc.add_paragraph(text)._p, num_id, ilvl)
    if indent is not None:
        ind = OxmlElement("w:ind")
        ind.set(qn("w:left"), str(indent))
        ppr.append(ind)


def section_130(path: Path, item_indent: int | None, own_indent: int | None = None) -> Path:
    """Write a StGB-style section: subsections "(%1)" at indent 0, items "%1." at item_indent."""
    doc = docx.Document()
    doc.add_paragraph("Section 130 Incitement of masses")
    subsections = word_list(doc, [("(%1)", 0)])
    items = word_list(doc, [("%1.", item_indent)])
    numbered(doc, "Whoever, in a manner capable of disturbing the public peace,", subsections)
    numbered(doc, "incites hatred against a national group, or", items, indent=own_indent)
    numbered(doc, "violates the human dignity of others by insulting that group,", items)
    doc.add_paragraph("incurs a penalty of imprisonment for a term not exceeding five years.")
    numbered(doc, "Whoever publicly denies the genocide incurs the same penalty.", subsections)
    numbered(doc, "Subsections (1) and (2) do not apply to teaching.", subsections)
    doc.save(path)
    return path


def layout(path: Path) -> list[tuple[str | None, int]]:
    """Return the (number, level) of the paragraphs of the first article."""
    return [(p.number, p.level) for p in read_document(path).articles[0].paragraphs]


NESTED = [("1", 0), ("1", 1), ("2", 1), (None, 0), ("2", 0), ("3", 0)]
FLAT = [("1", 0), ("1", 0), ("2", 0), (None, 0), ("2", 0), ("3", 0)]


def test_deeper_list_nests_items_under_the_subsection(tmp_path: Path) -> None:
    """Items "1." "2." of subsection (1), indented deeper by their list, are its items."""
    assert layout(section_130(tmp_path / "stgb.docx", 720)) == NESTED


def test_paragraph_indent_overrides_the_list_indent(tmp_path: Path) -> None:
    """A paragraph's own w:ind counts over its list level's (here: no deeper, not nested)."""
    path = section_130(tmp_path / "flat.docx", None, own_indent=0)
    assert layout(path) == FLAT
    assert layout(section_130(tmp_path / "own.docx", 0, own_indent=720))[:2] == NESTED[:2]


def test_list_at_the_same_indent_stays_beside(tmp_path: Path) -> None:
    """Without a deeper indent, another list's "1." is read as before (level 0)."""
    assert layout(section_130(tmp_path / "same.docx", 0)) == FLAT


def test_multilevel_list_level_with_paragraph_numbers_nests(tmp_path: Path) -> None:
    """One list, ilvl 0 "(%1)" and ilvl 1 "%2." indented deeper: the same nesting."""
    doc = docx.Document()
    doc.add_paragraph("Section 5 Offences")
    both = word_list(doc, [("(%1)", 0), ("%2.", 720)])
    numbered(doc, "Whoever publicly", both)
    numbered(doc, "incites hatred, or", both, 1)
    numbered(doc, "denies the genocide,", both, 1)
    numbered(doc, "Teaching is exempt.", both)
    doc.save(tmp_path / "multi.docx")
    assert layout(tmp_path / "multi.docx") == [("1", 0), ("1", 1), ("2", 1), ("2", 0)]


def test_article_list_above_subsections_changes_nothing(tmp_path: Path) -> None:
    """A list numbering articles ("Article %1.") is not a paragraph: "(1)" stays level 0."""
    doc = docx.Document()
    both = word_list(doc, [("Article %1.", 0), ("(%2)", 720)])
    numbered(doc, "Offence", both)
    numbered(doc, "A person who publicly incites genocide commits an offence.", both, 1)
    numbered(doc, "The offence is punishable by imprisonment.", both, 1)
    doc.save(tmp_path / "articles.docx")
    statute = read_document(tmp_path / "articles.docx")
    assert [(a.number, a.heading) for a in statute.articles] == [("1", "Offence")]
    assert layout(tmp_path / "articles.docx") == [("1", 0), ("2", 0)]


def test_list_nesting_closes_deeper_lists_when_a_shallower_one_goes_on() -> None:
    """ListNesting: parents by indent, the deeper list reopening under the next paragraph."""
    nesting = ListNesting()
    para, item, sub = ("p", 0), ("i", 0), ("s", 0)  # (abstract list, level)
    paras, items, subs = ("decimal", "(%)"), ("decimal", "%."), ("lowerLetter", "%)")
    assert nesting.parent(para, paras, 0, 10) is None
    assert nesting.parent(item, items, 720, 11) == 10
    assert nesting.parent(sub, subs, 1440, 12) == 11
    assert nesting.parent(item, items, 720, 13) == 10
    assert nesting.parent(para, paras, 0, 14) is None
    assert nesting.parent(item, items, 720, 15) == 14
    # A deeper list whose numbers look the same is not nested.
    assert nesting.parent(("other", 0), items, 1440, 16) is None


# -- the evaluation files ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "language", "expected"),
    [
        (
            "fr_be_negation_bilingue.docx",
            "auto",
            [("Article", "1er"), ("Art.", "2"), ("Art.", "3"), ("Art.", "4")],
        ),
        (
            "fr_be_negation_bilingue.docx",
            "en",
            [("Article", "1"), ("Art.", "2"), ("Art.", "3"), ("Art.", "4")],
        ),
        ("en_cm_bilingual_good.docx", "auto", [("Section", str(n)) for n in range(1, 7)]),
        (
            "en_cm_bilingual_good.docx",
            "fr",
            [("Article", "1er")] + [("Article", str(n)) for n in range(2, 7)],
        ),
    ],
)
def test_heldout_bilingual_gazettes_read_one_column(
    name: str, language: str, expected: list[tuple[str, str]]
) -> None:
    """The bilingual gazettes: one set of articles, in one language, never interleaved."""
    statute = read_document(HELDOUT / name, language=language)
    assert [(a.designation, a.number) for a in statute.articles] == expected
    want = statute.language
    other = {"en": "fr", "fr": "en"}[want]
    for article in statute.articles:
        text = " ".join(p.text for p in article.paragraphs if not p.text.startswith("["))
        if len(text.split()) >= 12:  # long enough to tell
            assert detect_language(text, other) == want, (article.number, text[:80])


def test_heldout_stgb_items_nest_under_subsection_1() -> None:
    """StGB s.130: subsections (1)-(4), items 1. and 2. inside (1); s.130a (1)-(2)."""
    statute = read_document(HELDOUT / "en_de_stgb130.docx")
    assert [a.number for a in statute.articles] == ["130", "130a"]
    section, other = statute.articles
    assert [(p.number, p.level) for p in section.paragraphs] == [
        ("1", 0),
        ("1", 1),
        ("2", 1),
        (None, 0),
        ("2", 0),
        ("3", 0),
        ("4", 0),
    ]
    assert [(p.number, p.level) for p in other.paragraphs] == [("1", 0), ("2", 0)]
