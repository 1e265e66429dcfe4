"""Rule options that hold regexes: compiled once per process, searched with a prefilter.

Many rule kinds read options such as ``speech: {en: [...], fr: [...]}`` or ``near: [...]`` and
ask for the earliest match of any of their patterns in a text. ``option_patterns`` compiles an
option once (a space matches any whitespace, ' either apostrophe, as everywhere in the
catalogue) and ``first_match`` searches their alternation after a literal prefilter
(prefilter.py), instead of each pattern in turn over every text.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from ..regexes import regex_cache
from ..regexes.prefilter import ALWAYS, Gate, fold, gate_any
from .patterns import prepare


class PatternList(list):  # type: ignore[type-arg]
    """The compiled patterns of a rule option, with what ``first_match`` needs to be quick.

    ``combined`` is the patterns' alternation: its leftmost match is the leftmost match of
    any pattern, the first pattern in the list winning a tie, exactly as ``first_match``
    picks one (None when the patterns cannot be joined: back-references, inline flags).
    ``gate`` is their literal prefilter (prefilter.py).
    """

    combined: re.Pattern[str] | None = None
    gate: Gate = ALWAYS


@cache  # never evicted: kinds key caches by the identity of the result
def _compiled(raw: tuple[str, ...]) -> PatternList:
    """Compile prepared patterns once per process (options are read for every sanction)."""
    # Their code is cached between runs (regex_cache.py): compiling them is a fixed cost.
    compiled = PatternList(regex_cache.compile(prepare(p), re.IGNORECASE) for p in raw)
    joinable = compiled and not any(
        p.groupindex or BACKREFERENCE.search(p.pattern) for p in compiled
    )
    if joinable:
        try:
            compiled.combined = regex_cache.compile(
                "|".join(f"(?:{p.pattern})" for p in compiled), re.IGNORECASE
            )
        except re.error:  # e.g. a global inline flag that is only allowed at the start
            compiled.combined = None
    compiled.gate = gate_any(tuple(compiled))
    return compiled


# Numbered or named back-references and conditionals: a pattern that holds one keeps its meaning
# only with its own group numbers, so it is never joined into an alternation.
BACKREFERENCE = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")


def option_patterns(value: Any, language: str) -> list[re.Pattern[str]]:
    """Compile a rule option holding regexes per language ({en: [...], fr: [...]}, or a list).

    A statute in a language the option does not list is searched with every language's
    patterns, so a rule still works on a bilingual or unlabelled text.
    """
    if not value:
        return PatternList()
    if isinstance(value, str):
        raw = [value]
    elif isinstance(value, list):
        raw = list(value)
    elif language in value:
        raw = list(value[language])
    else:
        raw = [p for patterns in value.values() for p in patterns]
    # The catalogue's conventions: a space matches any whitespace, ' either apostrophe.
    return _compiled(tuple(raw))


def first_match(patterns: list[re.Pattern[str]], text: str) -> re.Match[str] | None:
    """Return the earliest match of any pattern in text, or None (the first pattern on a tie)."""
    combined = getattr(patterns, "combined", None)
    if combined is not None:
        # The literal prefilter first: most texts hold none of the words the patterns need.
        if not patterns.gate.admits(fold(text)):  # type: ignore[attr-defined]
            return None
        return combined.search(text)
    matches = [m for m in (p.search(text) for p in patterns) if m]
    return min(matches, key=lambda m: m.start()) if matches else None
