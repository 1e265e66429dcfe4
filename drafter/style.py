"""How a statute prints in its language: paragraph markers, captions and references.

English statutes number paragraphs "(1)", items "(a)" and sub-items "(i)", and refer to
"Article 7(2)(b)". French statutes leave alinéas unnumbered, number items "1°", "2°" and
sub-items "a)", "b)", call the first article "Article premier", and refer to "article 7,
alinéa 2, 2°". The model (drafter.model) stays language-neutral; the writers ask here.
"""

from __future__ import annotations

import re
import unicodedata

from .citations import Step, alinea_count, cited, place_citation
from .model import Article, Division, Paragraph

ARTICLE_WORD = {"en": "Article", "fr": "Article"}
FIRST = {"fr": "premier"}  # "Article premier", "Chapitre premier"
DIVISION_WORDS = {
    "en": {"part": "Part", "title": "Title", "chapter": "Chapter", "section": "Section"},
    "fr": {"part": "Partie", "title": "Titre", "chapter": "Chapitre", "section": "Section"},
}
# What the markup's "::part" becomes: French statutes are divided in "Titres".
PART_KIND = {"fr": "title"}
QUOTES = {"en": ("\u201c", "\u201d"), "fr": ("\u00ab\u00a0", "\u00a0\u00bb")}
# French typography: a space before ; : ! ? » and after « must not break the line. Sources keep
# plain spaces (lint patterns and the reader are written with them; the reader turns
# non-breaking spaces back into plain ones), and the Word writer puts NBSP at print time.
FRENCH_SPACES = re.compile(r"(?<=\S) (?=[;:!?\u00bb])|(?<=\u00ab) (?=\S)")


def first_number(language: str, number: int) -> str:
    """Return an ordinal number as printed: 1 -> "premier" in French, else the digits."""
    return FIRST.get(language, "1") if number == 1 else str(number)


def paragraph_marker(para: Paragraph, language: str = "en") -> str:
    """Return a paragraph's printed marker: "(1)", "(a)", "(i)"; French "", "1°", "a)"."""
    if not para.number:
        return ""
    if language != "fr":
        return f"({para.number})"
    if para.level == 2:
        return f"{para.number})"
    # French items "1°"; a level-0 number is a gazette's "1°" alinéa read back as is.
    return f"{para.number}\u00b0"


def division_caption(division: Division, language: str = "en") -> str:
    """Return a division's caption in the statute's language: "Part II", "Titre II"."""
    words = DIVISION_WORDS.get(language)
    word = words.get(division.kind) if words else None
    if word is None:
        return division.caption
    return f"{word} {division.number}" if division.number else word


def item_number(letter: str) -> int:
    """Return the position of an item letter: "a" -> 1, "b" -> 2, "aa" -> 27."""
    return (ord(letter[0]) - ord("a") + 1) + 26 * (len(letter) - 1)


def reference_text(
    article: Article, paragraph: str | None, item: str | None, language: str = "en"
) -> str:
    """Return a printed reference: "Article 7(2)(b)"; French "article 7, alinéa 2, 2°"."""
    steps: list[Step] = []
    if paragraph:
        steps.append(Step(0, paragraph, int(paragraph)))
    if item:
        position = item_number(item) if item.isalpha() else int(item)
        steps.append(Step(1, str(position) if language == "fr" else item, position))
    if language == "fr":
        place = place_citation(steps, "fr", alinea_count(article))
        return cited(f"article {article.number}", place)
    return cited(article.caption, place_citation(steps, language))


def quoted(text: str, language: str = "en") -> str:
    """Return text between the language's quotation marks: “x”, « x »."""
    opening, closing = QUOTES.get(language, QUOTES["en"])
    return f"{opening}{text}{closing}"


def sort_key(text: str) -> tuple[str, str]:
    """Return a sort key that ignores case and accents ("écrit" sorts with "ecrit")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return plain, text


def typeset(text: str, language: str = "en") -> str:
    """Return text with the language's non-breaking spaces: French "oui\u00a0;", "«\u00a0x\u00a0»"."""
    if language != "fr":
        return text
    return FRENCH_SPACES.sub("\u00a0", text)
