"""Compile the regular expressions of the rules once, per rule and language.

A *pattern set* is any rule option whose value maps language codes to lists of regular
expressions, e.g. ``patterns: {en: [...], fr: [...]}`` or ``unless: {en: [...]}``. Each set is
compiled into one case-insensitive alternation the first time it is needed (or when the
catalogue loads the rule, so that a bad expression is reported with its file) and kept on the
rule object, so linting many files never recompiles.

Language fallback: a rule that has no patterns for the statute's language does *nothing* for
that language; English patterns are never applied to French text, because a rule that fired
on the wrong language's words would be either silent by accident or noisy by accident.

Two conveniences make patterns generalise to documents in the wild: a literal space in a
pattern matches any run of whitespace (line breaks and non-breaking spaces from Word), and a
straight apostrophe also matches the typographic one ("l'intention" / "l’intention").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..regexes import prefilter, regex_cache

if TYPE_CHECKING:
    from .engine import Rule

LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}$")
FLAGS = re.IGNORECASE | re.UNICODE
_ATTR = "_compiled_patterns"
_PARTS = "_pattern_parts"  # gates of single patterns, alternations of some (see ``subset``)


def is_pattern_set(value: Any) -> bool:
    """Return whether an option value is a pattern set ({language: [regex, ...]})."""
    return (
        isinstance(value, dict)
        and bool(value)
        and all(isinstance(k, str) and LANGUAGE_CODE.match(k) for k in value)
        and all(isinstance(v, list) and all(isinstance(p, str) for p in v) for v in value.values())
    )


# Cached: the sanction reader prepares its patterns on every call (tens of thousands of times
# on a long code); the result depends on the pattern only.
@lru_cache(maxsize=4096)
def prepare(pattern: str) -> str:
    """Return a pattern with literal spaces widened to whitespace and apostrophes to both forms.

    A space becomes ``\\s+`` (or ``\\s`` before a quantifier, so that " ?" stays "optional
    whitespace"); inside a character class nothing is widened except the apostrophe.
    """
    out: list[str] = []
    in_class = False
    escaped = False
    for i, ch in enumerate(pattern):
        nxt = pattern[i + 1 : i + 2]
        if escaped:
            out.append(ch)
            escaped = False
        elif ch == "\\":
            out.append(ch)
            escaped = True
        elif in_class:
            out.append(ch + "’" if ch == "'" else ch)
            in_class = ch != "]"
        elif ch == "[":
            out.append(ch)
            in_class = True
        elif ch == " ":
            out.append(r"\s" if nxt in ("?", "*", "+", "{") else r"\s+")
        elif ch == "'":
            out.append("['’ʼ]")
        else:
            out.append(ch)
    return "".join(out)


def compile_set(patterns: list[str]) -> re.Pattern[str]:
    """Compile a list of patterns into one alternation (raises re.error on a bad one)."""
    try:  # the code of the alternation is cached between runs (regex_cache.py)
        return regex_cache.compile("|".join(f"(?:{prepare(p)})" for p in patterns), FLAGS)
    except re.error:
        pass  # find the culprit below; compiling each pattern up front doubled load time
    for pattern in patterns:  # compile alone so that an error names the pattern
        try:
            re.compile(prepare(pattern), FLAGS)
        except re.error as exc:
            raise re.error(f"bad pattern {pattern!r}: {exc}") from exc
    return re.compile("|".join(f"(?:{prepare(p)})" for p in patterns), FLAGS)


def attach(rule: Rule) -> None:
    """Give a rule the (empty) store of its compiled sets, shared by its shallow copies."""
    rule.__dict__.setdefault(_ATTR, {})
    rule.__dict__.setdefault(_PARTS, {})


def compile_rule(rule: Rule) -> dict[tuple[str, str], re.Pattern[str]]:
    """Compile every pattern set of a rule (all languages) and keep them on the rule."""
    compiled = rule.__dict__.setdefault(_ATTR, {})
    for key, value in rule.options.items():
        if is_pattern_set(value):
            for language, patterns in value.items():
                if patterns and (key, language) not in compiled:
                    compiled[(key, language)] = compile_set(patterns)
    return compiled


def get(rule: Rule, key: str, language: str) -> re.Pattern[str] | None:
    """Return the compiled pattern set ``key`` of a rule for a language, or None if absent."""
    # Compiled on first use, one set at a time: a statute in English never compiles the
    # French patterns (the catalogue compiles them all only when it validates a rule file).
    compiled = rule.__dict__.setdefault(_ATTR, {})
    found = compiled.get((key, language))
    if found is None:
        value = rule.options.get(key)
        if not (is_pattern_set(value) and value.get(language)):
            return None
        found = compiled[(key, language)] = compile_set(value[language])
    return found


def has_language(rule: Rule, language: str) -> bool:
    """Return whether a rule has any pattern set for a language."""
    return any(
        is_pattern_set(value) and bool(value.get(language)) for value in rule.options.values()
    )


def part_gates(rule: Rule, key: str, language: str) -> list[prefilter.Gate] | None:
    """Return the prefilter of each pattern of a set alone (None: the set has no patterns)."""
    store = rule.__dict__.setdefault(_PARTS, {})
    found = store.get(("gates", key, language))
    if found is None:
        value = rule.options.get(key)
        if not (is_pattern_set(value) and value.get(language)):
            return None
        found = store[("gates", key, language)] = [
            prefilter.gate(compile_set([p])) for p in value[language]
        ]
    return found


def subset(rule: Rule, key: str, language: str, parts: tuple[int, ...]) -> re.Pattern[str]:
    """Return the alternation of some patterns of a set (by their places in it), in set order.

    On a text where none of the other patterns has a match, it finds what the whole set finds:
    at each place the alternation takes the first alternative that matches there, and the
    others match nowhere (tests/test_pattern_subsets.py). Only for a set without groups: a
    group's number would change.
    """
    store = rule.__dict__.setdefault(_PARTS, {})
    found = store.get(("subset", key, language, parts))
    if found is None:
        sources = rule.options[key][language]
        found = store[("subset", key, language, parts)] = compile_set([sources[i] for i in parts])
    return found
