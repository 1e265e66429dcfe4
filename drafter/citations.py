"""Where a paragraph is in its article, cited as a lawyer of the statute's language cites it.

One function, ``place_citation``, prints every such place: the references of a generated
draft ("Article 7(2)(b)", "article 7, alinéa 2, 2°"), the places of ``drafter compare``'s
mismatches and where a lint finding is in a French statute ("alinéa 2, 3°"). Kept apart from
drafter.style, which the linter does not otherwise need, so that linting imports little.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import NamedTuple

from .model import Article


class Step(NamedTuple):
    """One level of a paragraph's place in its article: its alinéa, item or sub-item."""

    level: int  # 0 paragraph (alinéa), 1 item, 2 sub-item
    number: str | None  # as printed without brackets or degree sign: "2", "b", "ii"
    position: int  # 1-based among the paragraphs of its level under the same parent


def _paragraph_trails(article: Article) -> Iterator[tuple[Step, ...]]:
    """Yield, for each paragraph of an article in order, the steps down to it from the article."""
    trail: tuple[Step, ...] = ()
    counts = [0, 0, 0]
    for para in article.paragraphs:
        level = min(max(0, para.level), 2)
        counts[level] += 1
        counts[level + 1 :] = [0] * (2 - level)
        trail = (*(s for s in trail if s.level < level), Step(level, para.number, counts[level]))
        yield trail


def place_citation(steps: Sequence[Step], language: str = "en", alineas: int = 2) -> str:
    """Return where a paragraph is inside its article, as a lawyer of that language cites it.

    English: "(2)(b)", or "paragraph 2" for an unnumbered paragraph. French (``alineas`` is
    the number of alinéas of the article): "alinéa 2, 3°", "alinéa premier", "2°, a)"; the
    items of an article's only alinéa are cited without it ("article 2, 3°"), and alinéas
    are counted by position, as French prints no number on them.
    """
    if language != "fr":
        text = "".join(f"({s.number})" for s in steps if s.number)
        if not text and len(steps) == 1 and steps[0].level == 0:
            return f"paragraph {steps[0].position}"
        return text
    parts: list[str] = []
    for depth, step in enumerate(steps, start=1):
        number = step.number
        if step.level == 0:
            if alineas > 1 or depth == len(steps):
                position = step.position
                parts.append(f"alin\u00e9a {'premier' if position == 1 else position}")
        elif number and not number.isdigit():
            parts.append(f"{number})")  # "a)" sub-items, or item letters a reader kept
        elif step.level == 1:
            parts.append(f"{number or step.position}\u00b0")
        else:
            parts.append(f"{chr(ord('a') + step.position - 1)})")
    return ", ".join(parts)


def alinea_count(article: Article) -> int:
    """Return how many paragraphs (French alinéas) an article has, items not counted."""
    return sum(1 for p in article.paragraphs if p.level <= 0)


def paragraph_places(article: Article, language: str = "en") -> list[str]:
    """Return where each paragraph of an article is inside it: ["alinéa premier", "3°", ...]."""
    alineas = alinea_count(article)
    return [place_citation(steps, language, alineas) for steps in _paragraph_trails(article)]


def cited(caption: str, place: str) -> str:
    """Return an article's caption with a place in it: "Article 7(2)", "Article 7, alinéa 2"."""
    if not place:
        return caption
    return caption + place if place.startswith("(") else f"{caption}, {place}"
