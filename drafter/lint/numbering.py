"""Numbers as statutes print them: terms in words and digits ("ten (10)", "vingt-cinq"),
article numbers ("3", "3bis", "premier", "IV") and runs of paragraph and item numbers ("(1)",
"(a)", "(i)", "1°"), for the sanction reader and the numbering rules.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from ..model import Article
from ..regexes import regex_cache

# Number words up to the thousands, English and French; hyphens and spaces join them.
WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7, "huit": 8,
    "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15,
    "seize": 16, "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40, "cinquante": 50,
    "soixante": 60, "cent": 100, "cents": 100, "mille": 1000, "half": 0.5, "demi": 0.5,
}  # fmt: skip
_WORD = "(?:" + "|".join(sorted(WORDS, key=len, reverse=True)) + ")"
# "and" joins only after hundred/thousand ("one hundred and twenty"), "et" only before un/onze
# ("vingt et un"), so "between five and nine years" stays two numbers.
NUMBER = (
    rf"(?:\d+(?:[.,]\d+)?|\b{_WORD}(?:(?:[\s-]+|(?<=hundred)\s+and\s+|(?<=thousand)\s+and\s+"
    rf"|\s+et\s+(?=(?:un|une|onze)\b)){_WORD})*\b)(?:\s*\(\s*\d+(?:[.,]\d+)?\s*\))?"
)


def words_to_number(text: str) -> float | None:
    """Return the value of number words ("twenty five", "vingt-cinq", "quatre-vingts")."""
    total, current, previous = 0.0, 0.0, None
    tokens = [t for t in re.split(r"[\s-]+", text.lower()) if t and t not in ("and", "et")]
    if not tokens or any(t not in WORDS for t in tokens):
        return None
    for token in tokens:
        value = WORDS[token]
        if value == 100:
            current = max(current, 1) * 100
        elif value == 1000:
            total += max(current, 1) * 1000
            current = 0
        elif value == 20 and previous == "quatre":
            current += 80 - 4  # quatre-vingt(s) = 80
        else:
            current += value
        previous = token
    return total + current


def number_value(text: str) -> float:
    """Return the value of a number as printed: "10", "ten (10)", "twenty-five", "vingt-cinq"."""
    digits = re.search(r"\(\s*(\d+(?:[.,]\d+)?)\s*\)", text)  # "ten (10)": trust the digits
    if digits:
        return float(digits.group(1).replace(",", "."))
    bare = re.match(r"\s*(\d+(?:[.,]\d+)?)", text)
    if bare:
        return float(bare.group(1).replace(",", "."))
    value = words_to_number(text)
    if value is None:
        raise ValueError(f"not a number: {text!r}")
    return value


ORDINALS = {"premier": "1", "1er": "1", "first": "1"}  # "Article premier" is Article 1
# Compiled once: the functions below run for every article and paragraph run of a long code.
_ARTICLE_KEY = regex_cache.compile(r"(\d+)[-.]?([a-z]*)")
_LETTER_RUN = regex_cache.compile(r"([a-z])\1*")


def normalise_number(number: str) -> str:
    """Return an article number in a comparable form: "3 bis" -> "3bis", "premier" -> "1"."""
    text = "".join(number.lower().split()).rstrip(".")  # every blank removed, as by \s+
    return ORDINALS.get(text, text)


SUFFIXES = ["", "bis", "ter", "quater", "quinquies", "sexies", "septies", "octies"]
ROMAN = regex_cache.compile(r"^[ivxlcdm]+$", re.IGNORECASE)


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
    match = _ARTICLE_KEY.fullmatch(text)
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
    if all(_LETTER_RUN.fullmatch(c) for c in cleaned):
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


def run_problems(run: list[tuple[int, str]]) -> list[tuple[int, str, str, int]]:
    """Return (paragraph index, number, "gap" or "duplicate", expected) for one run.

    A run that goes backwards, or has both a duplicate and a gap, mixes two numbering levels
    that the reader flattened (German "(1)" paragraphs with "1." items, or sections merged
    into one article); nothing reliable can be said about it, so it yields nothing.
    """
    values = run_values([n for _, n in run])
    if values is None or len(values) < 2:
        return []  # a lone "(2)" is more often a heading the reader took for a paragraph
    if any(b < a for a, b in itertools.pairwise(values)):
        return []
    problems: list[tuple[int, str, str, int]] = []
    expected = 1
    seen: set[int] = set()
    for (index, number), value in zip(run, values, strict=True):
        if value in seen:
            problems.append((index, number, "duplicate", expected))
        elif value > expected:
            problems.append((index, number, "gap", expected))
        seen.add(value)
        expected = max(expected, value + 1)
    kinds = {kind for _, _, kind, _ in problems}
    return [] if kinds == {"gap", "duplicate"} else problems
