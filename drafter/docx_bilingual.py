"""Bilingual statutes printed as a table, one language per column: which column to read.

The gazettes of bilingual states (Belgium, Cameroon, Canada...) print each article beside its
translation, in a two-column table. Read row by row, such a table interleaves the two versions:
every article comes twice ("Article 1er" then "Article 1") and one language is linted with the
other's patterns. A table is bilingual when its two columns are in different languages, or when
its rows open with parallel headings ("Article 1er." | "Article 1.", "Section 2:" | "Article 2 :")
and the columns are not both in the same language (a before/after synopsis of an amending law
has parallel headings in one language). The reader keeps one column, the one in the language
asked (``--lang``) or else the first, and skips the other.
"""

from __future__ import annotations

from lxml import etree

from .docx_xml import W_P, W_T, W_TC, W_TR
from .reading import patterns as P
from .reading.language import detect_language

MIN_WORDS = 20  # fewer words in a column do not settle its language
MIN_PARALLEL_ROWS = 2  # rows opening with the same article number in both columns
FIRST_ARTICLE = frozenset({"1er", "premier", "one", "first"})


def paragraph_text(p: etree._Element) -> str:
    """Return the text of a paragraph's w:t elements (enough to judge its language)."""
    return "".join(t.text or "" for t in p.iter(W_T))


def column_language(texts: list[str]) -> str | None:
    """Return the language of a column's text, or None if too short or undecided."""
    text = " ".join(texts)
    if len(text.split()) < MIN_WORDS:
        return None
    language = detect_language(text, "en")
    # detect_language falls back to its default on a tie: a tie is no answer here.
    return language if detect_language(text, "fr") == language else None


def heading_number(cell: etree._Element) -> str | None:
    """Return the article number a cell opens with ("Art. 3." -> "3", "Article 1er" -> "1")."""
    for p in cell.iter(W_P):
        text = paragraph_text(p).strip()
        if not text:
            continue
        m = P.ARTICLE_HEAD.match(text)
        if m is None:
            return None
        number = m.group("num").lower().replace(" ", "")
        return "1" if number in FIRST_ARTICLE else number
    return None


def kept_column(table: etree._Element, language: str) -> int | None:
    """Return the column of a bilingual two-column table to read, or None if not bilingual."""
    rows = [row.findall(W_TC) for row in table.findall(W_TR)]
    pairs = [cells for cells in rows if len(cells) == 2]
    if not pairs or any(len(cells) > 2 for cells in rows):
        return None
    columns = [[paragraph_text(p) for cells in pairs for p in cells[i].iter(W_P)] for i in (0, 1)]
    languages = [column_language(texts) for texts in columns]
    decided = None not in languages
    if decided and languages[0] == languages[1]:
        return None
    if not decided:
        numbers = [(heading_number(a), heading_number(b)) for a, b in pairs]
        parallel = sum(1 for a, b in numbers if a is not None and a == b)
        if parallel < MIN_PARALLEL_ROWS:
            return None
    if language in languages and language is not None:
        return languages.index(language)
    known = [i for i, found in enumerate(languages) if found is not None]
    if language not in (None, "auto") and len(known) == 1:
        return 1 - known[0]  # the asked language is not the one column whose language is known
    return 0


def other_language_paragraphs(tables: list[etree._Element], language: str) -> set[etree._Element]:
    """Return the paragraphs (w:p) of the columns of bilingual tables that are not read."""
    skipped: set[etree._Element] = set()
    for table in tables:
        keep = kept_column(table, language)
        if keep is None:
            continue
        for row in table.findall(W_TR):
            cells = row.findall(W_TC)
            if len(cells) == 2:
                skipped.update(cells[1 - keep].iter(W_P))
    return skipped
