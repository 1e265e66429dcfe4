"""Read a statute's penalties and attach each to the offence it punishes.

Every sanction rule needs the same facts about a penalty (penalty_sentence.py reads them from
one sentence). They are read once per statute (``read_sanctions``) and cached in the lint
context, so each rule only compares numbers. A prefilter skips the paragraphs that cannot state
a penalty; with the lint context's paragraph index, each sentence is asked only the patterns
whose words its paragraph holds.

Each penalty is attached to the offence it punishes: its own article if that creates the
offence, else the article it refers to ("the offence referred to in Article 3"), else every
offence ("an offence under this Act"), else the nearest offence article before it
(offence_articles.py tells which articles create offences and which ones a text names).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..model import Article, ArticleKind, Sanction, Statute
from ..regexes import regex_cache
from ..regexes.prefilter import Gate, fold, gate_any
from ..regexes.prefilter import gate as pattern_gate
from .numbering import normalise_number
from .offence_articles import is_offence_article, referenced_numbers
from .penalty_sentence import (
    ALTERNATIVE,
    BARE_CUSTODIAL,
    CUSTODIAL,
    DEATH,
    DISSOLUTION,
    FINE,
    LIFE,
    MULTIPLIERS,
    PENALTY_START,
    SENTENCE_PATTERNS,
    MayMatch,
    no_prefilter,
    read_sentence,
    sentences,
)

# The paragraphs of some articles that a prefilter admits, in order, as objects with
# ``article``, ``index`` (1-based) and ``paragraph`` (engine.Context.admitted_units).
AdmittedUnits = Callable[[Gate, list[Article]], list[Any]]
# Whether an article creates an offence (is_offence_article, or a copy remembering answers).
OffenceTest = Callable[[Article], bool]

# A penalty for every offence of the statute: "offences under this Act".
WHOLE_ACT = regex_cache.compile(
    r"\b(?:offences?|crimes?) (?:under|created by|defined in|referred to in|provided for in|in) "
    r"(?:this|the present) (?:Act|Law|Part|Chapter|Code)\b|\binfractions? (?:prévues?|visées?|"
    r"définies?) (?:par|dans|à) (?:la présente loi|le présent (?:titre|chapitre))",
    re.IGNORECASE,
)


@dataclass
class ReadSanction(Sanction):
    """A Sanction with what the reader also knows: whether it imprisons at all.

    ``custodial`` is true for any prison term, including "liable to imprisonment" with no term
    (which the model's numeric fields cannot show).
    """

    custodial: bool = False
    death: bool = False  # the death penalty: the model has no field for it
    # The article object itself: two articles may be printed with the same number.
    source: Article | None = field(default=None, compare=False, repr=False)


@dataclass
class _Index:
    """What attachment needs about the statute, computed once per reading."""

    articles: list[Article]
    offences: set[str]  # numbers of the offence articles
    by_number: dict[str, Article]
    position: dict[int, int] = field(default_factory=dict)  # id(article) -> its index
    every_offence: list[str] = field(default_factory=list)  # offence numbers, document order
    # What each paragraph or heading names (``_named``), asked by every penalty after it.
    named: dict[Any, list[str] | None] = field(default_factory=dict)

    @classmethod
    def of(cls, statute: Statute, is_offence: OffenceTest | None = None) -> _Index:
        articles = statute.articles
        is_offence = is_offence or is_offence_article
        offences = {a.number for a in articles if is_offence(a)}
        by_number = {normalise_number(a.number): a for a in articles}
        position = {id(a): i for i, a in reversed(list(enumerate(articles)))}
        every = [a.number for a in articles if a.number in offences]
        return cls(articles, offences, by_number, position, every)


def _named(index: _Index, text: str) -> list[str] | None:
    """Return the offence articles a text names, or None if it names none."""
    by_number = index.by_number
    numbers = [n for n in referenced_numbers(text) if n in by_number]
    # "Articles 2 and 3" where 2 defines and 3 creates the offence: keep the offence.
    numbers = [n for n in numbers if by_number[n].number in index.offences] or numbers
    if numbers:
        return list(dict.fromkeys(by_number[n].number for n in numbers))
    if WHOLE_ACT.search(text) and index.offences:
        return list(index.every_offence)
    return None


def _targets(index: _Index, article: Article, para: int, sentence: str) -> list[str | None]:
    """Return the offence article(s) a penalty in ``article`` punishes."""
    if article.number in index.offences:
        return [article.number]
    # The nearest reference wins: the sentence, its paragraph, the paragraphs before it (a
    # penalty table's row names its offence in the cell before), the heading.
    found = _named(index, sentence)
    if found is not None:
        return found
    paragraphs = [(id(p), p.text) for p in reversed(article.paragraphs[:para])]
    for key, text in [*paragraphs, (("heading", id(article)), article.heading or "")]:
        if key not in index.named:
            index.named[key] = _named(index, text)
        named = index.named[key]
        if named is not None:
            return list(named)
    position = index.position[id(article)]
    for earlier in reversed(index.articles[:position]):
        if earlier.number in index.offences:
            return [earlier.number]
    return [None]


# "Est puni des mêmes peines", "is liable to the penalty provided for in Article 3": a penalty
# by reference, read as a copy of the one it refers to (or of the one just before it).
SAME_PENALTY = regex_cache.compile(
    r"\b(?:the same (?:penalty|penalties|punishment|sentence)|(?:liable|punishable|punished) "
    r"(?:to|by|with) the (?:penalty|penalties|punishment) (?:provided|prescribed|laid down|set out) "
    r"(?:for|in|under|by)|(?:des|les|aux) mêmes peines|(?:des|les|la) peines? (?:prévues?|prononcées?) "
    r"(?:à|aux|par) l(?:'|’|es )articles?)",
    re.IGNORECASE,
)
COPIED = ("min_months", "max_months", "life", "fine", "non_custodial", "custodial", "death")


def _copied(
    sentence: str, records: list[ReadSanction], index: _Index, may_match: MayMatch = no_prefilter
) -> dict[str, Any] | None:
    """Return the facts of the penalty a "same penalties" sentence refers to, or None."""
    if not (may_match(SAME_PENALTY) and SAME_PENALTY.search(sentence)) or not records:
        return None
    numbers = [
        index.by_number[n].number for n in referenced_numbers(sentence) if n in index.by_number
    ]
    source = next((r for r in records if r.article in numbers and r.custodial), None)
    source = source or next((r for r in reversed(records) if r.custodial or r.fine), None)
    return {name: getattr(source, name) for name in COPIED} if source else None


@lru_cache(maxsize=1)
def _penalty_gate() -> Gate:
    """Return the prefilter of the words without which no sentence states a penalty.

    ``read_sentence`` reads nothing from a sentence in which none of these patterns matches
    (a term counts only near a custodial word; a multiplier needs its own word), and
    ``_copied`` nothing without SAME_PENALTY; so a paragraph without any of their literals
    is skipped without splitting it into sentences.
    """
    words = [CUSTODIAL, BARE_CUSTODIAL, LIFE, DEATH, FINE, ALTERNATIVE, DISSOLUTION, SAME_PENALTY]
    return gate_any((*words, *(pattern for pattern, _ in MULTIPLIERS)))


def _holder_test(holders: dict[re.Pattern[str], set[int]], key: int) -> MayMatch:
    """Return whether a pattern may match in the paragraph ``key`` (its id) of ``holders``."""
    return lambda pattern: key in holders[pattern]


def read_sanctions(
    statute: Statute,
    admitted_units: AdmittedUnits | None = None,
    is_offence: OffenceTest | None = None,
) -> list[Sanction]:
    """Read every penalty of the statute, attach it to its offence and fill statute.sanctions.

    ``admitted_units`` (the lint context's) returns the paragraphs a prefilter admits, all at
    once; without it each paragraph is asked alone. Either way the same paragraphs are read.
    ``is_offence``: ``is_offence_article`` or a cached copy of it (the lint rules ask too).
    """
    found: list[Sanction] = []
    read: list[ReadSanction] = []  # one per penalty written, before attachment
    index = _Index.of(statute, is_offence)
    gate = _penalty_gate()
    articles = [a for a in index.articles if a.kind != ArticleKind.DEFINITIONS]
    # Per pattern of read_sentence, the paragraphs holding its words: a sentence of another
    # paragraph cannot match it (None: every sentence is asked).
    holders: dict[re.Pattern[str], set[int]] | None = None
    if admitted_units is not None:
        paragraphs = [(u.article, u.index, u.paragraph) for u in admitted_units(gate, articles)]
        holders = {
            pattern: {id(u.paragraph) for u in admitted_units(pattern_gate(pattern), articles)}
            for pattern in (*SENTENCE_PATTERNS, SAME_PENALTY)
        }
    else:
        paragraphs = [
            (article, number, para)
            for article in articles
            for number, para in enumerate(article.paragraphs, start=1)
            if gate.admits(fold(para.text))
        ]
    for article, number, para in paragraphs:
        may_match = no_prefilter if holders is None else _holder_test(holders, id(para))
        for start, end in sentences(para.text):
            sentence = para.text[start:end]
            facts = read_sentence(sentence, may_match) or _copied(sentence, read, index, may_match)
            if facts is None:
                continue
            cue = SAME_PENALTY.search(sentence) or PENALTY_START.search(sentence)
            begin = start + (cue.start() if cue else 0)
            text = para.text[begin:end].rstrip()
            record = ReadSanction(
                article=article.number, paragraph=number, start=begin,
                end=begin + len(text), text=text, source=article, **facts,
            )  # fmt: skip
            read.append(record)
            for target in _targets(index, article, number, sentence):
                found.append(dataclasses.replace(record, offence_article=target))
    statute.sanctions = found
    return found


def sanction_article(statute: Statute, sanction: Sanction) -> Article | None:
    """Return the article a penalty is written in (the object, even if its number repeats)."""
    return getattr(sanction, "source", None) or statute.article(sanction.article)


def cached_sanctions(
    statute: Statute,
    cache: dict[str, Any],
    admitted_units: AdmittedUnits | None = None,
    is_offence: OffenceTest | None = None,
) -> list[Sanction]:
    """Return the statute's sanctions, reading them once per lint run (shared by all rules)."""
    if "sanctions" not in cache:
        cache["sanctions"] = read_sanctions(statute, admitted_units, is_offence)
    return cache["sanctions"]
