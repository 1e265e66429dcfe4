"""Numbers as statutes print them: article numbers ("3", "3bis", "premier", "IV") and runs of
paragraph and item numbers ("(1)", "(a)", "(i)", "1°"), for the numbering rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Article
from .sanctions import normalise_number

SUFFIXES = ["", "bis", "ter", "quater", "quinquies", "sexies", "septies", "octies"]
ROMAN = re.compile(r"^[ivxlcdm]+$", re.IGNORECASE)


def roman_value(text: str) -> int:
    """Return the value of a Roman numeral ("iv" -> 4)."""
    values = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
    total = 0
    for i, ch in enumerate(text.lower()):
        value = values[ch]
        following = values[text.lower()[i + 1]] if i + 1 < len(text) else 0
        total += -value if value < following else value
    return total


def article_key(number: str) -> tuple[int, int] | None:
    """Return (base, suffix rank) for an article number: "3" -> (3, 0), "3bis" -> (3, 1)."""
    text = normalise_number(number)
    match = re.fullmatch(r"(\d+)[-.]?([a-z]*)", text)
    if match:
        suffix = match.group(2)
        if suffix in SUFFIXES:
            return int(match.group(1)), SUFFIXES.index(suffix)
        if len(suffix) == 1:
            return int(match.group(1)), ord(suffix) - ord("a") + 1
        return None
    if ROMAN.match(text):
        return roman_value(text), 0
    return None


def run_values(numbers: list[str]) -> list[int] | None:
    """Return the values of a run of paragraph or item numbers (digits, letters or Roman)."""
    cleaned = [n.strip("().° ").lower() for n in numbers]
    if all(c.isdigit() for c in cleaned):
        return [int(c) for c in cleaned]
    roman = (
        all(ROMAN.match(c) for c in cleaned)
        and cleaned[0] == "i"
        and (len(cleaned) == 1 or cleaned[1] == "ii")
    )
    if roman:
        return [roman_value(c) for c in cleaned]
    if all(re.fullmatch(r"([a-z])\1*", c) for c in cleaned):
        return [(ord(c[0]) - ord("a") + 1) + 26 * (len(c) - 1) for c in cleaned]
    return None


def paragraph_runs(article: Article) -> list[list[tuple[int, str]]]:
    """Group an article's numbered paragraphs into runs: level-0 paragraphs, items per parent."""
    runs: dict[tuple[int, int], list[tuple[int, str]]] = {}
    parents = [0, 0, 0]
    for index, para in enumerate(article.paragraphs, start=1):
        level = min(para.level, 2)
        parents[level] = index
        for deeper in range(level + 1, 3):
            parents[deeper] = 0
        if para.number:
            parent = parents[level - 1] if level else 0
            runs.setdefault((level, parent), []).append((index, para.number))
    return list(runs.values())


def sequence_problems(
    article_numbers: list[tuple[Article, tuple[int, int] | None]],
) -> Iterator[tuple[Article, str, Article | None]]:
    """Yield (article, kind, previous) for gaps and duplicates in the article numbering."""
    previous: tuple[Article, tuple[int, int]] | None = None
    seen: set[tuple[int, int]] = set()
    for article, key in article_numbers:
        if key is None:
            continue
        if key in seen:
            yield article, "duplicate", previous[0] if previous else None
        elif previous is not None:
            base, suffix = key
            last_base = previous[1][0]
            if suffix == 0 and base > last_base + 1 and base != 1:
                yield article, "gap", previous[0]
        seen.add(key)
        previous = (article, key)
