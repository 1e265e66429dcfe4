"""Read a paragraph's marker into its number and level: "(1)", "(a)", "(i)", "1°", bullets.

Paragraphs "(1)" are level 0, items "(a)" level 1, sub-items "(i)" level 2. Some markers depend
on what came before in the article (``State``): "(i)" after "(h)" is a letter, after a lead-in
a numeral; "1°" after a lead-in ending with ":" is an item (French lists), and "a)" under it a
sub-item; a Word list nests a "1." under the numbered paragraph it belongs to.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Article, Paragraph
from ..regexes import regex_cache
from .blocks import marker_of

DEGREE = regex_cache.compile(r"^\d+\s*[°º]")  # "1°", the French item number


@dataclass
class State:
    """Numbering context inside the current article (to read "(i)" as a letter or a numeral)."""

    last_item: str | None = None
    last_roman: str | None = None
    degree: bool = False  # inside a list of "1°" items (their sub-items are "a)", "b)")
    pending_notes: list[Paragraph] = field(default_factory=list)
    section_marks: bool = False  # does the article number its paragraphs "§ 1"?


def read_paragraph(
    text: str,
    article: Article,
    state: State,
    index: int | None,
    list_parent: int | None = None,
) -> Paragraph:
    """Read a paragraph's marker into its number and level.

    ``list_parent`` (Block.list_parent): the numbered paragraph a Word list nests this one
    under; a "1." there is an item of it, not a paragraph beside it.
    """
    found = marker_of(text)
    if not found:
        state.degree = False  # an unnumbered alinéa closes a list of "1°" items
        return Paragraph(text=text, source_index=index)
    m, kind = found
    body = text[m.end() :].strip()
    if text.startswith("§"):
        state.section_marks = True
    if not body and kind != "bullet":
        return Paragraph(text=text, source_index=index)
    if kind == "bullet":
        # A bullet sits under a numbered paragraph or a lead-in ending with ":", and
        # beside the bullet or plain paragraph before it.
        prev = article.paragraphs[-1] if article.paragraphs else None
        level = 0
        if prev is not None:
            deeper = prev.number is not None or prev.text.endswith(":")
            level = min(prev.level + deeper, 2)
        return Paragraph(text=body, number=None, level=level, source_index=index)
    number = m.group(1)
    prev = article.paragraphs[-1] if article.paragraphs else None
    lead_in = prev is not None and prev.text.rstrip().endswith((":", "—", "–"))
    if DEGREE.match(text) and (lead_in or state.degree):
        # "1°" after a lead-in ending with ":" (or after another "1°" item) is an item
        # of the paragraph above, as French statutes print lists; without a lead-in,
        # gazettes print "1°" at the level of paragraphs and it stays one.
        state.degree, state.last_item, state.last_roman = True, number, None
        return Paragraph(text=body, number=number, level=1, source_index=index)
    if state.degree and kind in ("item", "roman") and prev is not None and prev.level > 0:
        # "a)" under a "1°" item is a sub-item, whatever letter it is ("c)", "i)").
        state.last_roman = number
        return Paragraph(text=body, number=number, level=2, source_index=index)
    if kind == "roman" and is_letter(number, state, lead_in):
        kind = "item"
    if kind == "para" and list_parent is not None:
        level = nested_level(article, list_parent)
        if level is not None:
            state.degree, state.last_item, state.last_roman = False, number, None
            return Paragraph(text=body, number=number, level=level, source_index=index)
    if kind == "para":
        state.degree = False
        state.last_item = state.last_roman = None
        return Paragraph(text=body, number=number, level=0, source_index=index)
    if kind == "item":
        state.last_item, state.last_roman = number, None
        return Paragraph(text=body, number=number, level=1, source_index=index)
    state.last_roman = number
    return Paragraph(text=body, number=number, level=2, source_index=index)


def is_letter(number: str, state: State, lead_in: bool = False) -> bool:
    """Decide whether "(i)", "(v)", "(x)"... continues a list of letters (h, i) or numerals.

    After a lead-in ending with ":" a "(i)" opens numerals; inside numerals, the next
    numeral continues them and anything else that follows the last letter is a letter
    ("(h) ... (i) (ii) (iii)" then "(i)" is the item after "(h)").
    """
    last = state.last_item
    if last and len(last) == len(number) and ord(number[0]) - ord(last[0].lower()) == 1:
        if lead_in:
            return False
        if state.last_roman is None:
            return True
        return roman_value(number) != roman_value(state.last_roman) + 1
    if number == "i" or len(number) > 1:
        return False
    return state.last_roman is None and number in "cdlm"


def nested_level(article: Article, parent: int) -> int | None:
    """Return the level under the article's numbered paragraph at source index parent, if any."""
    for para in reversed(article.paragraphs):
        if para.source_index == parent and para.number is not None:
            return min(para.level + 1, 2)
    return None


ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}


def roman_value(numeral: str) -> int:
    """Return the value of a lower-case Roman numeral ("iv" -> 4); 0 if it is not one."""
    total = 0
    values = [ROMAN_VALUES.get(ch, 0) for ch in numeral.lower()]
    if not values or 0 in values:
        return 0
    for value, following in zip(values, values[1:] + [0]):
        total += -value if value < following else value
    return total
