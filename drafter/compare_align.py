"""Line up the articles, and the paragraphs of two articles, of two language versions.

Versions are aligned by order. When one has an article (or a paragraph) the other lacks, a
plain zip would pair every later article with the wrong one and report a mismatch on each; so
the pairing is the order-preserving one that makes the paired units most alike, judged by what
a translation keeps: the skeleton of paragraphs and items, the figures, the penalties, the
number of references and definitions, the length, and the article number when both versions
number comparably. The missing unit is then reported once and everything after it lines up.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from .compare_facts import ArticleFacts, ParaFacts, is_figure_penalty, penalty_figures
from .lint.numbering import normalise_number

Pair = tuple[int | None, int | None]
# What pairing two units earns on top of their likeness (0..1): leaving one unit of each side
# unpaired must be worth it, so that two versions of equal length pair by order by default.
MATCH_BONUS = 0.1
# Equal lengths and every pair in order at least this alike: no search needed.
GOOD_ENOUGH = 0.6
SURE = 0.97  # so alike that pairing them needs no search (same number, skeleton, figures...)
# How far from the diagonal (beyond the difference in length) articles may pair: each version
# may lack this many articles more than the other has missing, and still pair the rest.
BAND = 12
MIN_DEFINITION_LIKENESS = 0.35  # below this, two definitions are not each other's translation
# French runs 10-30 % longer than English; a length ratio above this is as alike as it gets.
LENGTH_TOLERANCE = 0.75


def align(
    n: int, m: int, likeness: Callable[[int, int], float], band: int | None = None
) -> list[Pair]:
    """Return the order-preserving pairing of n and m units that is most alike in total.

    ``likeness(i, j)`` is in [0, 1]. Unpaired units appear as (i, None) or (None, j), in order.
    With ``band``, unit i is only paired with units within ``band`` of the diagonal: enough for
    a few missing units, and linear rather than quadratic on a long statute.
    """
    if n == m and all(likeness(i, i) >= GOOD_ENOUGH for i in range(n)):
        return [(i, i) for i in range(n)]
    # Units that are alike beyond doubt at both ends pair by order; search only the middle.
    head = 0
    while head < min(n, m) and likeness(head, head) >= SURE:
        head += 1
    tail = 0
    while tail < min(n, m) - head and likeness(n - 1 - tail, m - 1 - tail) >= SURE:
        tail += 1
    if head or tail:
        middle = align(
            n - head - tail, m - head - tail, lambda i, j: likeness(i + head, j + head), band
        )
        shifted = [
            (None if i is None else i + head, None if j is None else j + head) for i, j in middle
        ]
        ends = [(n - tail + k, m - tail + k) for k in range(tail)]
        return [(k, k) for k in range(head)] + shifted + ends
    width = max(n, m) if band is None else abs(n - m) + band
    low = float("-inf")
    # score[i][j]: best total for the first i units of one side and the first j of the other.
    score = [[low] * (m + 1) for _ in range(n + 1)]
    move = [[""] * (m + 1) for _ in range(n + 1)]
    score[0][0] = 0.0
    for i in range(1, min(n, width) + 1):
        score[i][0], move[i][0] = 0.0, "a"
    for j in range(1, min(m, width) + 1):
        score[0][j], move[0][j] = 0.0, "b"
    for i in range(1, n + 1):
        row, above = score[i], score[i - 1]
        for j in range(max(1, i - width), min(m, i + width) + 1):
            best, how = low, ""
            if above[j - 1] > low:
                best, how = above[j - 1] + MATCH_BONUS + likeness(i - 1, j - 1), "="
            # Strictly better only, so that ties keep the pairing in order.
            if above[j] > best:
                best, how = above[j], "a"
            if row[j - 1] > best:
                best, how = row[j - 1], "b"
            row[j], move[i][j] = best, how
    pairs: list[Pair] = []
    i, j = n, m
    while i > 0 or j > 0:
        how = move[i][j]
        if how == "=":
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif how == "a":
            pairs.append((i - 1, None))
            i -= 1
        else:
            pairs.append((None, j - 1))
            j -= 1
    return pairs[::-1]


def _overlap(a: Counter[str], b: Counter[str]) -> float:
    """Return how alike two multisets are (1 when equal, both empty included)."""
    if a == b:
        return 1.0
    return sum((a & b).values()) / sum((a | b).values())


def _length(a: int, b: int) -> float:
    """Return 1 for lengths within translation tolerance, less as they drift apart."""
    if not a and not b:
        return 1.0
    ratio = min(a, b) / max(a, b)
    return min(1.0, ratio / LENGTH_TOLERANCE)


def _penalties(paras: list[ParaFacts]) -> Counter[tuple]:
    return Counter(penalty_figures(s) for p in paras for s in p.penalties if is_figure_penalty(s))


@lru_cache(maxsize=8192)
def _trigrams(text: str) -> frozenset[str]:
    """Return the letter triples of a text's words, accents and case folded."""
    folded = "".join(
        c if c.isalnum() else " "
        for c in unicodedata.normalize("NFKD", text.lower())
        if not unicodedata.combining(c)
    )
    grams: set[str] = set()
    for word in folded.split():
        padded = f" {word} "
        grams.update(padded[i : i + 3] for i in range(len(padded) - 2))
    return frozenset(grams)


def _cognates(a: str, b: str) -> float:
    """Return how many letter triples two texts share (0..1), scaled for translations.

    Legal vocabulary is largely shared between English and French ("measures"/"mesures",
    "transferring"/"transfert", "genocide"/"génocide"); a translation shares a fifth to a third
    of its triples with the original, an unrelated text of the same length far fewer.
    """
    return _shared(_trigrams(a), _trigrams(b))


def _shared(ga: frozenset[str], gb: frozenset[str]) -> float:
    """Return the scaled share of letter triples two texts have in common (see _cognates)."""
    if not ga and not gb:
        return 1.0
    return min(1.0, 3 * len(ga & gb) / len(ga | gb))


def paragraph_likeness(a: ParaFacts, b: ParaFacts) -> float:
    """Return how alike two paragraphs of two language versions are (0..1)."""
    if a.level != b.level:
        return 0.0
    weights = (
        (2.0, _overlap(a.values(), b.values())),
        (1.0, _overlap(_penalties([a]), _penalties([b]))),
        (1.0, 1.0 if len(a.refs) == len(b.refs) else 0.0),
        (1.0, 1.0 if len(a.definitions) == len(b.definitions) else 0.0),
        (1.5, _length(len(a.text), len(b.text))),
        (1.0, _cognates(a.text, b.text)),
    )
    return sum(w * v for w, v in weights) / sum(w for w, _ in weights)


@dataclass
class _Profile:
    """What article likeness compares, computed once per article."""

    kind: str
    shape: tuple[int, ...]
    levels: Counter[int]
    values: Counter[str]
    penalties: Counter[tuple]
    refs: Counter[str]  # the article numbers referred to (those before a gap stay the same)
    definitions: int
    length: int
    key: tuple[int, int] | None
    heading: str
    grams: frozenset[str]  # letter triples of the text, for cognates

    @classmethod
    def of(cls, facts: ArticleFacts) -> _Profile:
        paras = facts.paragraphs
        return cls(
            kind=str(facts.article.kind),
            shape=facts.shape,
            levels=Counter(facts.shape),
            values=facts.values(),
            penalties=_penalties(paras),
            refs=Counter(normalise_number(r.target_article) for p in paras for r in p.refs),
            definitions=sum(len(p.definitions) for p in paras),
            length=sum(len(p.text) for p in paras),
            key=facts.key,
            heading=facts.article.heading or "",
            grams=_trigrams(" ".join(p.text for p in paras)),
        )


def article_likeness(a: _Profile, b: _Profile, numbered: bool) -> float:
    """Return how alike two articles of two language versions are (0..1).

    ``numbered`` says whether both versions number their articles comparably; the number then
    counts, but less than the content, so that a version renumbered after a dropped article
    still pairs each article with its translation.
    """
    if a.shape == b.shape:
        shape = 1.0
    else:  # the same kinds of units in other numbers or order: partly alike
        total = max(len(a.shape), len(b.shape))
        shape = 0.8 * sum((a.levels & b.levels).values()) / total
    weights = [
        (1.0, 1.0 if a.kind == b.kind else 0.0),
        (2.0, shape),
        (2.0, _overlap(a.values, b.values)),
        (1.0, _overlap(a.penalties, b.penalties)),
        (1.0, _overlap(a.refs, b.refs)),
        (0.5, 1.0 if a.definitions == b.definitions else 0.0),
        (1.0, _length(a.length, b.length)),
        (0.5, _cognates(a.heading, b.heading)),
        (2.0, _shared(a.grams, b.grams)),
    ]
    if numbered:
        weights.append((1.0, 1.0 if a.key == b.key else 0.0))
    return sum(w * v for w, v in weights) / sum(w for w, _ in weights)


def align_articles(a: list[ArticleFacts], b: list[ArticleFacts]) -> list[Pair]:
    """Pair the articles of two versions (by order, recovering after a missing article)."""
    numbered = all(x.key is not None for x in a + b)
    pa, pb = [_Profile.of(x) for x in a], [_Profile.of(x) for x in b]
    return align(len(a), len(b), lambda i, j: article_likeness(pa[i], pb[j], numbered), BAND)


def _blocks(paras: list[ParaFacts]) -> list[list[int]] | None:
    """Split a definitions list into units: the lead-in(s), then one block per definition.

    A block is a paragraph that defines a term with the deeper items under it. Returns None
    when the article is not such a list (fewer than two definitions, or text between them).
    """
    units: list[list[int]] = []
    opened = False
    for n, para in enumerate(paras):
        if para.definitions:
            units.append([n])
            opened = True
        elif opened and para.level > paras[units[-1][0]].level:
            units[-1].append(n)
        elif opened:
            return None  # something other than a definition inside the list: keep the order
        else:
            units.append([n])
    defining = [u for u in units if paras[u[0]].definitions]
    return units if len(defining) >= 2 else None


def block_likeness(a: list[ParaFacts], b: list[ParaFacts]) -> float:
    """Return how alike two definitions (a defining item and its sub-items) are (0..1).

    The terms themselves count too, by shared letter triples: many legal terms are cognates
    ("genocide", "génocide"; "incitement", "incitation").
    """
    terms = _cognates(a[0].definitions[0].term, b[0].definitions[0].term)
    weights = (
        (2.0, 1.0 if [p.level for p in a] == [p.level for p in b] else 0.0),
        (1.5, _overlap(sum((p.values() for p in a), Counter()), sum((p.values() for p in b), Counter()))),
        (0.5, 1.0 if sum(len(p.refs) for p in a) == sum(len(p.refs) for p in b) else 0.0),
        (1.5, _length(sum(len(p.text) for p in a), sum(len(p.text) for p in b))),
        (2.0, terms),
        (2.0, _cognates(" ".join(p.text for p in a), " ".join(p.text for p in b))),
    )  # fmt: skip
    return sum(w * v for w, v in weights) / sum(w for w, _ in weights)


def definition_order(a: ArticleFacts, b: ArticleFacts) -> list[int] | None:
    """Return B's paragraph indexes reordered so that each definition faces its counterpart.

    Each language sorts its definitions alphabetically by its own terms (as bilingual statute
    books do), so "génocide" may be the third definition where "genocide" is the fifth.
    Definitions are matched by likeness, most alike first; None if the articles are not both
    definitions lists.
    """
    units_a, units_b = _blocks(a.paragraphs), _blocks(b.paragraphs)
    if units_a is None or units_b is None:
        return None
    defs_a = [u for u in units_a if a.paragraphs[u[0]].definitions]
    defs_b = [u for u in units_b if b.paragraphs[u[0]].definitions]
    scored = sorted(
        (
            (-block_likeness([a.paragraphs[n] for n in ua], [b.paragraphs[n] for n in ub]), x, y)
            for x, ua in enumerate(defs_a)
            for y, ub in enumerate(defs_b)
        )
    )
    match: dict[int, int] = {}  # definition of B -> definition of A
    for score, x, y in scored:
        if -score >= MIN_DEFINITION_LIKENESS and y not in match and x not in match.values():
            match[y] = x
    # Unmatched definitions of B stay after the one they followed.
    keys: list[float] = []
    previous = -1.0
    for y in range(len(defs_b)):
        previous = float(match[y]) if y in match else previous + 0.001
        keys.append(previous)
    ordered = [defs_b[y] for y in sorted(range(len(defs_b)), key=lambda y: (keys[y], y))]
    lead = [u for u in units_b if not b.paragraphs[u[0]].definitions]
    return [n for unit in lead + ordered for n in unit]


def align_paragraphs(a: ArticleFacts, b: ArticleFacts) -> list[Pair]:
    """Pair the paragraphs and items of two aligned articles."""
    pa, pb = a.paragraphs, b.paragraphs
    order = definition_order(a, b)
    if order is None:
        if a.shape == b.shape:
            return [(i, i) for i in range(len(pa))]
        order = list(range(len(pb)))
    pairs = align(len(pa), len(order), lambda i, j: paragraph_likeness(pa[i], pb[order[j]]))
    return [(i, None if j is None else order[j]) for i, j in pairs]
