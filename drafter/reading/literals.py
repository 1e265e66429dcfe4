"""Literal strings a regex's every match holds, to rule texts out without running the regex.

Python's engine tries a case-insensitive alternation such as ``\\b(is|are) guilty of\\b`` at every
position of a text; checking first that the text holds " guilty of" (a fast substring test)
rules most paragraphs of a long statute out. ``required`` reads such strings off the parsed
pattern, so that they follow any edit of the pattern and need no list kept by hand.

The analysis is conservative: whatever it does not read (large classes, assertions, optional
groups, groups with their own flags) contributes nothing, and a pattern without any literal
gives None (no gate). Strings are returned folded like the texts they are looked for in (see
``fold``), so ``any(s in fold(text) for s in required(p))`` is False only if ``p`` cannot match.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

try:  # the engine's own parser and opcode names (private, but stable since Python 3.11)
    from re import _constants as C
    from re import _parser
except ImportError:  # pragma: no cover - another Python: no gates, the regexes decide alone
    C = _parser = None  # type: ignore[assignment]

MAX_CHOICES = 4  # strings a run of literals may spell: more cost more "in" tests than they save
REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT) if C else ()

Fold = Callable[[str], "str | None"]


def required(source: str, flags: int, fold: Fold) -> frozenset[str] | None:
    """Return folded strings one of which every match of ``source`` holds, or None if unknown."""
    if _parser is None:
        return None
    try:
        clauses = _sequence(_parser.parse(source, flags).data)
    except (re.error, TypeError, ValueError, AttributeError):  # an engine we do not know
        return None
    for clause in clauses:  # the most telling first
        folded = {fold(s) for s in clause}
        # A string that folding spoils (None) or blanks out rules nothing out.
        if None not in folded and all(s and s.strip() for s in folded):
            # A string holding another of the set adds nothing: "articles" holds "article".
            strings = {s for s in folded if s is not None}
            return frozenset(s for s in strings if not any(t != s and t in s for t in strings))
    return None


def _score(strings: frozenset[str]) -> tuple[int, int]:
    """Prefer rarer strings: longer ones, and accented ones (English never holds "alinéa"),
    then fewer of them."""
    return min(len(s) + 4 * (not s.isascii()) for s in strings), -len(strings)


def _sequence(items: Iterable[tuple]) -> list[frozenset[str]]:
    """Return string sets of a sequence of parsed items, best first; any match holds one of
    each set."""
    found: list[frozenset[str]] = []

    def consider(candidate: frozenset[str] | None) -> None:
        if candidate and all(candidate):
            found.append(candidate)

    def best(sub: Iterable[tuple]) -> frozenset[str] | None:
        clauses = _sequence(sub)
        return clauses[0] if clauses else None

    run = [""]  # the strings the literals read so far in a row may spell
    for op, av in items:
        choices = _strings(op, av)
        if choices is not None and len(run) * len(choices) <= MAX_CHOICES:
            run = [r + c for r in run for c in choices]
            continue
        consider(frozenset(run))
        if choices is not None:  # too many with the run before: a new run starts here
            run = choices
            continue
        run = [""]
        if op is C.SUBPATTERN and not av[1] and not av[2]:  # (group, add flags, del flags, sub)
            found.extend(_sequence(av[3]))
        elif op is C.BRANCH:
            alternatives = [best(sub) for sub in av[1]]
            if all(alternatives):
                consider(frozenset().union(*alternatives))  # type: ignore[arg-type]
        elif op in REPEATS and av[0] >= 1:  # (min, max, sub) repeated at least once
            found.extend(_sequence(av[2]))
        elif op is C.ATOMIC_GROUP:
            found.extend(_sequence(av))
    consider(frozenset(run))
    return sorted(found, key=_score, reverse=True)


def _strings(op: object, av: object) -> list[str] | None:
    """Return every string one parsed item can match, if it is made of literals and they are
    few: "a", "[cs]", "s?", "(a|an)", "(criminal )?"; else None."""
    if op is C.LITERAL:
        return [chr(av)]  # type: ignore[arg-type]
    if op is C.IN:
        if all(kind is C.LITERAL for kind, _ in av):  # type: ignore[attr-defined]
            return [chr(c) for _, c in av]  # type: ignore[attr-defined]
        return None
    if op is C.SUBPATTERN:
        return _spell(av[3]) if not av[1] and not av[2] else None  # type: ignore[index]
    if op is C.BRANCH:
        out: list[str] = []
        for sub in av[1]:  # type: ignore[index]
            spelt = _spell(sub)
            if spelt is None:
                return None
            out += spelt
        return out if len(out) <= MAX_CHOICES else None
    if op in REPEATS and av[0] in (0, 1) and av[1] == 1:  # type: ignore[index]
        spelt = _spell(av[2])  # type: ignore[index]
        if spelt is None:
            return None
        return ([""] if av[0] == 0 else []) + spelt  # type: ignore[index]
    return None


def _spell(items: Iterable[tuple]) -> list[str] | None:
    """Return every string a sequence of parsed items can match, if finite and few."""
    out = [""]
    for op, av in items:
        strings = _strings(op, av)
        if strings is None or len(out) * len(strings) > MAX_CHOICES:
            return None
        out = [a + b for a in out for b in strings]
    return out
