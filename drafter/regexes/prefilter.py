"""Literal prefilters: skip a text at once when a regular expression cannot match it.

Most paragraphs of a long code contain none of the words a rule looks for, yet a rule's regex
(an alternation of word patterns, case-insensitive, with ``\\b`` at each start) is tried at
every character. Almost every such pattern needs some literal text: ``\\bincit\\w*`` cannot
match without "incit", ``\\bden(?:y|ies|ial)\\b`` without "deny", "denies" or "denial", and
``\\band ?/ ?or\\b`` without "and", "/" and "or". A ``Gate`` holds such requirements, read from
the parsed pattern: for each alternative of the pattern, clauses that must all be met, each a
set of strings one of which must occur. If a text (case-folded as the regex engine folds it)
meets no alternative, the pattern has no match in it, nor in any part of it (a sentence, a
prefix), because containment of a string is kept by every superstring. A pattern that needs
no literal (``\\w+``, an optional part only) gets a gate that admits every text, so a gate can
make a rule faster but never change what it finds (tests/test_prefilter.py).
"""

from __future__ import annotations

import atexit
import re
import sys
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

# Most alternative strings kept for one part of a pattern ("offen[cs]es?" -> 8 spellings).
MAX_ALTERNATIVES = 32
# Most literals one clause holds before the clause is dropped as no useful filter.
MAX_LITERALS = 200
# Clauses kept per alternative: the most selective ones (checking more costs more than it saves).
MAX_CLAUSES = 2
# Literals are cut to this many characters: any part of a required string is required too, and
# "calumniate", "calumniated", "calumnies" then become one check ("calumn") instead of three.
KEEP = 6
# Words found in almost every paragraph: a clause made of them filters nothing, so another
# clause of the same pattern is preferred ("with the purpose of": "purpose", not "the").
COMMON = frozenset(
    re.findall(
        r"\S+",
        """a an and any are as at be by for from in is it may no not of on or other shall that
        the this to was which with à au aux de des du en est et il la le les ne ou par pas pour
        que qui se son sur un une""",
    )
)

# Characters a literal may hold: those for which case-insensitive regex matching is exactly
# "same character after fold()" (tests/test_prefilter.py checks this over all of Unicode).
_SAFE = frozenset(
    [chr(c) for c in range(0x20, 0x7F)]
    + [chr(c) for c in range(0xC0, 0x250) if c not in (0xD7, 0xF7)]
    + list("’‘“”«»–—°§")
)
# The regex engine's own case equivalences that str.lower() does not give: "ı" and "İ" match
# "i", "ſ" matches "s" (re._compiler._EXTRA_CASES; "İ".lower() is even two characters).
_EXTRA = {0x130: "i", 0x131: "i", 0x17F: "s"}

Clause = frozenset[str]  # one of these strings occurs in every match
Conjunction = tuple[Clause, ...]  # every clause is met by every match


def fold(text: str) -> str:
    """Return text case-folded as the regex engine compares characters (same length)."""
    if not text.isascii() and ("İ" in text or "ı" in text or "ſ" in text):
        text = text.translate(_EXTRA)
    return text.lower()


@dataclass
class _Info:
    """What a part of a pattern matches: every string exactly (if few), or clauses it meets."""

    exact: frozenset[str] | None = None  # all the strings it can match, folded
    clauses: Conjunction = ()  # requirements of every match (empty: none known)


_EMPTY = _Info(exact=frozenset({""}))
_UNKNOWN = _Info()


def _clauses(info: _Info) -> Conjunction:
    """Return the clauses every match of a part meets."""
    if info.exact is not None:
        return (info.exact,) if "" not in info.exact else ()
    return info.clauses


def _score(clause: Clause) -> int:
    """Return how selective a clause is: its shortest string, common words counting as 1."""
    return min(1 if literal.strip() in COMMON else len(literal) for literal in clause)


def _best(clauses: Conjunction) -> Clause | None:
    """Return the most selective of clauses that are all required, or None if there is none."""
    return max(clauses, key=lambda c: (_score(c), -len(c)), default=None)


def _literal(code: int) -> _Info:
    char = chr(code)
    return _Info(exact=frozenset({fold(char)})) if char in _SAFE else _UNKNOWN


def _charset(items: list[Any]) -> _Info:
    chars = []
    for op, value in items:
        if op is not sre.LITERAL or chr(value) not in _SAFE:
            return _UNKNOWN  # ranges, classes (\w), negation: any character may do
        chars.append(fold(chr(value)))
    return _Info(exact=frozenset(chars)) if 0 < len(chars) <= 8 else _UNKNOWN


def _sequence(items: Any) -> _Info:
    """Combine the parts of a concatenation: runs of exact strings, and every clause."""
    clauses: list[Clause] = []
    run: frozenset[str] | None = frozenset({""})
    whole = True  # every part so far was exact
    for op, value in items:
        info = _item(op, value)
        if info.exact is not None:
            if run is not None and len(run) * len(info.exact) <= MAX_ALTERNATIVES:
                run = frozenset(a + b for a in run for b in info.exact)
                continue
            if run is not None:
                whole = False
                clauses += _clauses(_Info(exact=run))
            run = info.exact
            continue
        whole = False
        if run is not None:
            clauses += _clauses(_Info(exact=run))
        run = None
        clauses += info.clauses
    if whole and run is not None:
        return _Info(exact=run)
    if run is not None:
        clauses += _clauses(_Info(exact=run))
    return _Info(clauses=tuple(clauses))


def _branch(branches: list[Any]) -> _Info:
    """Combine alternatives: their exact strings, or one clause of the best of each."""
    infos = [_sequence(branch) for branch in branches]
    if all(i.exact is not None for i in infos):
        union = frozenset().union(*(i.exact for i in infos))  # type: ignore[misc]
        if len(union) <= MAX_ALTERNATIVES:
            return _Info(exact=union)
    best = [_best(_clauses(i)) for i in infos]
    if any(b is None for b in best):
        return _UNKNOWN
    return _Info(clauses=(frozenset().union(*best),))  # type: ignore[arg-type]


def _item(op: Any, value: Any) -> _Info:
    """Return what one parsed regex operator matches."""
    if op is sre.LITERAL:
        return _literal(value)
    if op is sre.IN:
        return _charset(value)
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return _EMPTY  # zero width: anchors, \b, lookarounds add nothing that is required
    if op is sre.SUBPATTERN:
        return _sequence(value[-1])
    if op is sre.ATOMIC_GROUP:
        return _sequence(value)
    if op is sre.BRANCH:
        return _branch(value[1])
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, high, body = value
        inner = _sequence(body)
        if low == high == 1:
            return inner
        if low == 0:
            if high == 1 and inner.exact is not None and len(inner.exact) < MAX_ALTERNATIVES:
                return _Info(exact=inner.exact | {""})  # "s?", "(?:of )?"
            return _UNKNOWN  # optional, repeated or not literal: requires nothing
        return _Info(clauses=_clauses(inner))  # at least once: what one copy needs
    return _UNKNOWN  # any character, a class, a back-reference, a conditional


def _cut(literal: str) -> str:
    """Return the part of a literal kept: KEEP characters, or KEEP more after an early space.

    Any part of a required string is required too. A short first word is too common to filter
    on its own ("three " of "three times" is in most paragraphs of a code): a literal with a
    space among its first KEEP characters keeps the KEEP characters that follow that space.
    """
    space = literal.find(" ", 0, KEEP)
    return literal[: KEEP if space < 0 else space + 1 + KEEP]


def _reduce(clause: Clause) -> Clause:
    """Return fewer, shorter literals that every text meeting the clause still holds."""
    cut = {_cut(literal) for literal in clause}
    # A literal that contains another one adds nothing: the shorter one is found whenever it is.
    return frozenset(a for a in cut if not any(b != a and b in a for b in cut))


def _conjunction(info: _Info) -> Conjunction | None:
    """Return the few most selective clauses of an alternative (None: it needs nothing)."""
    clauses = [c for c in _clauses(info) if c and "" not in c and len(c) <= MAX_LITERALS]
    if not clauses:
        return None
    clauses.sort(key=lambda c: (_score(c), -len(c)), reverse=True)
    return tuple(_reduce(c) for c in clauses[:MAX_CLAUSES])


def _alternatives(parsed: Any) -> list[Any]:
    """Return the top-level alternatives of a parsed pattern (itself if it has none).

    The parser moves a prefix that all alternatives share out of the alternation ("\\bfoo|
    \\bbar" is read as "\\b(?:foo|bar)"), so a sequence ending in an alternation is split
    too: "p(?:a|b)" has the alternatives "pa" and "pb".
    """
    items = list(parsed)
    while items:
        op, value = items[-1]
        if op is sre.SUBPATTERN:
            items = items[:-1] + list(value[-1])
        elif op is sre.BRANCH:
            prefix = items[:-1]
            return [prefix + alt for branch in value[1] for alt in _alternatives(branch)]
        else:
            break
    return [items]


Plan = tuple[tuple[tuple[str, ...], ...], ...]  # conjunctions of clauses, in checking order


def plan_of(conjunctions: tuple[Conjunction, ...]) -> Plan:
    """Return the order in which ``Gate.admits`` checks conjunctions: same answer, less work.

    A gate admits a text when some conjunction has all its clauses met, so a conjunction
    holding every clause of another one adds nothing (it is met only when the other one is
    too) and is dropped, as is a repeated one. Most texts meet no conjunction, and a text is
    ruled out of a conjunction by its first clause not met: the clause with the fewest
    literals goes first ('"', "'", "“" before thirteen words of a definition), since it
    costs least to check whether or not it is met.
    """
    sets = [frozenset(conjunction) for conjunction in conjunctions]
    kept: list[Conjunction] = []
    for k, (conjunction, clauses) in enumerate(zip(conjunctions, sets, strict=True)):
        # A proper subset of it elsewhere, or the same clauses earlier: it adds nothing.
        if any(o < clauses or (o == clauses and j < k) for j, o in enumerate(sets)):
            continue
        kept.append(conjunction)
    return tuple(
        tuple(tuple(sorted(clause)) for clause in sorted(set(conjunction), key=_checking_order))
        for conjunction in kept
    )


def _checking_order(clause: Clause) -> tuple[int, list[str]]:
    return len(clause), sorted(clause)


@dataclass(frozen=True)
class Gate:
    """Conjunctions of clauses, one per alternative of a pattern (None: admit every text)."""

    conjunctions: tuple[Conjunction, ...] | None

    @cached_property
    def plan(self) -> Plan | None:
        """Return the checking order of ``admits`` (``plan_of``), made on first use: most
        gates are only asked of a whole statute at once (lint/literal_index.py)."""
        return None if self.conjunctions is None else plan_of(self.conjunctions)

    def admits(self, folded: str) -> bool:
        """Return whether a folded text may hold a match (False: it certainly holds none)."""
        if self.plan is None:
            return True
        for conjunction in self.plan:
            for clause in conjunction:
                for literal in clause:
                    if literal in folded:
                        break
                else:
                    break  # this clause is not met: try the next alternative
            else:
                return True  # every clause met
        return False


ALWAYS = Gate(None)


def _merged(conjunctions: list[Conjunction]) -> tuple[Conjunction, ...]:
    """Merge the single-clause alternatives into one clause (fewer loops), keep the others."""
    single = [c[0] for c in conjunctions if len(c) == 1]
    others = [c for c in conjunctions if len(c) > 1]
    merged = [(_reduce(frozenset().union(*single)),)] if single else []
    return tuple(merged + others)


def conjunctions_of(pattern: str, flags: int = 0) -> list[Conjunction] | None:
    """Return what each alternative of a pattern needs (None: some alternative needs nothing)."""
    try:
        parsed = sre_parse.parse(pattern, flags)
    except re.error:
        return None
    found = []
    for alternative in _alternatives(parsed):
        conjunction = _conjunction(_sequence(alternative))
        if conjunction is None:
            return None
        found.append(conjunction)
    return found


class _Store:
    """The conjunctions of patterns read in earlier runs (a cache file; see drafter/cache_files.py).

    Reading a pattern's requirements parses it again (about 0.06 s for the catalogue, paid by
    every run however short the document), while the result depends only on the pattern, its
    flags, this module and the Python version; it is kept in ``prefilters.json`` keyed by the
    stamps of those. New entries are written once, when the process ends.
    """

    NAME = "prefilters.json"

    def __init__(self) -> None:
        self.entries: dict[str, Any] | None = None
        self.fresh: dict[str, Any] = {}

    def _code(self) -> str:
        from ..cache_files import stamp

        return f"{sys.version}|{stamp(Path(__file__))}"

    def conjunctions(self, pattern: str, flags: int) -> list[Conjunction] | None:
        """Return ``conjunctions_of(pattern, flags)``, remembered between runs."""
        from .. import cache_files

        if self.entries is None:
            self.entries = cache_files.read_entries(self.NAME, self._code())
        key = f"{flags}:{pattern}"
        known = self.entries.get(key, False)
        if known is not False:
            try:
                return None if known is None else [tuple(map(frozenset, c)) for c in known]
            except TypeError:
                pass  # not what this code writes: read the pattern again
        found = conjunctions_of(pattern, flags)
        if not self.fresh and cache_files.cache_file(self.NAME) is not None:
            atexit.register(self.save)
        self.fresh[key] = None if found is None else [[sorted(c) for c in j] for j in found]
        self.entries[key] = self.fresh[key]
        return found

    def save(self) -> None:
        """Write the entries read in this run to the cache file."""
        from .. import cache_files

        if self.fresh:
            cache_files.write_entries(self.NAME, self._code(), self.fresh)
            self.fresh = {}


_STORE = _Store()


_GATES: dict[tuple[str, int], Gate] = {}


def gate(pattern: re.Pattern[str]) -> Gate:
    """Return the (cached) gate of a compiled pattern."""
    # Keyed by source and flags: hashing a compiled pattern hashes its whole compiled code
    # (about 30 times slower), and the hot paths ask for the gate of a pattern per text.
    key = (pattern.pattern, pattern.flags)
    found = _GATES.get(key)
    if found is None:
        conjunctions = _STORE.conjunctions(pattern.pattern, pattern.flags)
        found = _GATES[key] = Gate(_merged(conjunctions)) if conjunctions else ALWAYS
    return found


def gate_any(patterns: tuple[re.Pattern[str], ...]) -> Gate:
    """Return one gate for several patterns: it admits a text any of them may match."""
    found: list[Conjunction] = []
    for pattern in patterns:
        conjunctions = _STORE.conjunctions(pattern.pattern, pattern.flags)
        if conjunctions is None:
            return ALWAYS
        found += conjunctions
    return Gate(_merged(found)) if found else ALWAYS
