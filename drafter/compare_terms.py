"""Where a defined term is used, for comparing two language versions term by term.

Terms differ across languages ("publicly", "publiquement"), so the versions are compared by
definition: the nth definition's term must be used in the same articles in both. A use counts
only when it is certain: the term as printed (plural too), or a form its definition gives a
corresponding meaning ('"incite" and "incites" have corresponding meanings'); a capitalised
use inside a sentence ("the Prosecutor-General") is a name, not the term. An absence counts
only when even a loose search (stems: "juridictionnelle" for « juridiction ») finds nothing,
so that a translator's choice of a derived word is not reported as a missing term.
"""

from __future__ import annotations

import re

from .compare_facts import StatuteFacts
from .lint.terms import term_pattern
from .model import Definition

QUOTED = re.compile(r"[«\"“]\s?(?P<form>[^»\"”\n]{1,40}?)\s?[»\"”]")
CORRESPONDING = re.compile(r"correspond", re.IGNORECASE)
SENTENCE_START = re.compile(r"(?:^|[.;:!?]\s+|\(\w{1,4}\)\s*)[\"“«]?\s*$")


def term_forms(definition: Definition) -> list[str]:
    """Return the printed forms of a defined term: the term and its corresponding forms."""
    forms = [definition.term]
    if CORRESPONDING.search(definition.text):
        forms += [m.group("form") for m in QUOTED.finditer(definition.text)]
    return list(dict.fromkeys(f.strip() for f in forms if f.strip()))


def _certain(match: re.Match[str], text: str, form: str) -> bool:
    """Return whether a match is a use of the term, not part of a name or a compound."""
    printed = match.group(0)
    if text[match.end() : match.end() + 1] == "-" or text[max(0, match.start() - 1)] == "-":
        return False  # "Prosecutor-General": a compound
    if printed[:1].isupper() and not form[:1].isupper():
        return bool(SENTENCE_START.search(text[: match.start()]))
    return True


def term_uses(
    side: StatuteFacts, definition: Definition, loose: bool = False
) -> dict[int, tuple[int, int, int]]:
    """Return, per article index, the first use of a term: (paragraph, start, end).

    ``loose`` also accepts words sharing the term's stem and names containing it. The
    articles that define terms are left out: a definitions list uses its terms in each
    other's definitions, in an order each language sorts its own way.
    """
    forms = term_forms(definition)
    patterns = [(f, term_pattern(f, stem=False, language=side.language)) for f in forms]
    if loose:
        patterns += [(f, term_pattern(f, stem=True, language=side.language)) for f in forms]
    defining = {a.index for a in side.articles for p in a.paragraphs if p.definitions}
    found: dict[int, tuple[int, int, int]] = {}
    for article in side.articles:
        if article.index in defining:
            continue
        for para in article.paragraphs:
            hits = [
                m
                for form, pattern in patterns
                for m in pattern.finditer(para.text)
                if loose or _certain(m, para.text, form)
            ]
            if hits:
                first = min(hits, key=lambda m: m.start())
                found[article.index] = (para.index, first.start(), first.end())
                break
    return found
