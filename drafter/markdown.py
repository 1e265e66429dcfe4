"""Write a Statute as Markdown: readable as plain text, rendered sensibly on a code forge.

Layout: the title as "#", the long title, preamble and enacting formula as paragraphs, each
division (part, title, chapter) as "##", each article as "### Article 3. Heading", numbered
paragraphs as "(1) text", items indented "(a)" and sub-items "(i)" (French: unnumbered alinéas,
items "1°", sub-items "a)", drafter.style). Every block is separated by
a blank line so that drafter's own reader (and any Markdown renderer) keeps them apart.
"""

from __future__ import annotations

import re

from .model import Article, Division, Statute
from .style import division_caption, paragraph_marker

__all__ = ["division_caption", "escape_inline", "escape_line", "statute_markdown"]

# Items are indented by two spaces, sub-items by three: four would start a code block.
INDENT = {0: "", 1: "  ", 2: "   "}
# Text that Markdown would read as syntax at the start of a line: headings, quotes, lists,
# tables, rules. A backslash before the first character keeps it literal.
LINE_SYNTAX = re.compile(r"^(?:#|>|\||[-+*](?:\s|$)|\d+[.)](?:\s|$)|={3,}|_{3,})")


def escape_line(text: str) -> str:
    """Escape Markdown syntax at the start of a line of statute text."""
    text = " ".join(text.split())  # statute text is one line per block
    match = LINE_SYNTAX.match(text)
    if not match:
        return text
    # "1." -> "1\.": escape the punctuation, not the digit (digits cannot be escaped).
    syntax = match.group(0).rstrip()
    if syntax[0].isdigit():
        digits = syntax.rstrip(".)")
        return f"{digits}\\{text[len(digits) :]}"
    return f"\\{text}"


def _division(division: Division, language: str) -> str:
    caption = division_caption(division, language)
    heading = escape_inline(division.heading or "")
    return f"## {caption} \u2013 {heading}" if heading else f"## {caption}"


def escape_inline(text: str) -> str:
    """Collapse whitespace in a heading (headings must stay on one line)."""
    return " ".join(text.split())


def _article(article: Article, language: str) -> list[str]:
    heading = escape_inline(article.heading or "")
    blocks = [f"### {article.caption}. {heading}" if heading else f"### {article.caption}"]
    for para in article.paragraphs:
        indent = INDENT.get(para.level, INDENT[2])
        text = escape_line(para.text)
        marker = paragraph_marker(para, language)
        blocks.append(f"{indent}{marker} {text}" if marker else f"{indent}{text}")
    return blocks


def statute_markdown(statute: Statute) -> str:
    """Return a statute as Markdown text ending with one newline."""
    blocks: list[str] = []
    if statute.title:
        blocks.append(f"# {escape_inline(statute.title)}")
    if statute.long_title:
        blocks.append(escape_line(statute.long_title))
    blocks.extend(escape_line(text) for text in statute.preamble)
    if statute.enacting_formula:
        blocks.append(escape_line(statute.enacting_formula))
    for block in statute.body:
        if isinstance(block, Division):
            blocks.append(_division(block, statute.language))
        else:
            blocks.extend(_article(block, statute.language))
    return "\n\n".join(blocks) + "\n"
