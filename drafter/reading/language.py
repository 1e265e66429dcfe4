"""Detect whether a statute is written in English or French, deterministically.

A statute is long enough that counting very common function words settles the question; the
ratio of accented letters breaks ties. No model is loaded, so the answer is reproducible.
"""

from __future__ import annotations

import re
from collections import Counter

from ..regexes import regex_cache

WORD = regex_cache.compile(r"[a-zà-öø-ÿœ']+", re.IGNORECASE)
# The same words in a lower-cased text, a third faster: after str.lower() the only characters
# WORD matches that LOWER_WORD does not are the dotless i and the long s (case-insensitive
# equivalents of i and s); texts holding either use WORD (tests/test_reading_perf.py).
LOWER_WORD = regex_cache.compile(r"[a-zà-öø-ÿœ']+")
LOWER_WORD_MISSES = ("\u0131", "\u017f")

# Words that are frequent in one language and rare (or absent) in the other.
EN_WORDS = "the of and to in is shall be by or any which that for who with this act person section"
FR_WORDS = "le la les des du de et est une un qui que dans pour par sur au aux ne pas sont être à"
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset(EN_WORDS.split(" ") + ["under", "not", "may", "has", "have", "are", "such"]),
    "fr": frozenset(FR_WORDS.split(" ") + ["il", "elle", "présente", "loi", "personne", "ou"]),
}
ELIDED = frozenset({"l", "d", "qu", "n", "s", "c", "j"})  # "l'", "qu'": French elisions
ACCENTED = regex_cache.compile(r"[àâçéèêëîïôûùüÿœ]", re.IGNORECASE)
LANGUAGES = ("en", "fr")
ACCENT_WEIGHT = 3  # French words the accent ratio is worth per percent of accented letters


def detect_language(text: str, default: str = "en") -> str:
    """Return "en" or "fr" for a text by function-word counts (accents break ties)."""
    counts = {lang: 0 for lang in LANGUAGES}
    # Count each distinct word once (Counter runs in C); a code repeats the same words. No
    # word holds white space, so the words of the text are those of its white-space separated
    # tokens: str.split and Counter count the tokens in C, and the regex reads each distinct
    # token once (half the cost of reading every word of a long code).
    lower = text.lower()
    words = WORD if any(c in lower for c in LOWER_WORD_MISSES) else LOWER_WORD
    for token, seen in Counter(lower.split()).items():
        for word in words.findall(token):
            # "l'article" -> "article"; elided articles count as French.
            if "'" in word:
                head, _, word = word.partition("'")
                if head in ELIDED:
                    counts["fr"] += seen
            for lang in LANGUAGES:
                if word in FUNCTION_WORDS[lang]:
                    counts[lang] += seen
    # The accent bonus below is at most 300 (accented letters are letters: the ratio is at
    # most 1), so it decides only when English leads by 0 to 300 words; a long statute is
    # settled by its words without walking every character twice more.
    lead = counts["en"] - counts["fr"]
    if lead < 0 or lead > ACCENT_WEIGHT * 100:
        return "fr" if lead < 0 else "en"
    letters = sum(map(str.isalpha, text)) or 1  # map: a third of a generator's cost
    accent_ratio = len(ACCENTED.findall(text)) / letters
    # French prose has roughly 2-4 % accented letters; English almost none.
    counts["fr"] += int(accent_ratio * 100 * ACCENT_WEIGHT)
    if counts["fr"] == counts["en"]:
        return default
    return "fr" if counts["fr"] > counts["en"] else "en"


def resolve_language(language: str, text: str) -> str:
    """Return the language to use: the given one, or the detected one for "auto"."""
    if language and language != "auto":
        return language
    return detect_language(text)
