"""Shortcuts of the lint rules that must give the answers of what they replace.

``Gate.admits`` checks a plan (prefilter.plan_of: subsumed conjunctions dropped, the cheapest
clause first), and a few searches are skipped or rewritten where a cheap test shows the
answer. Each is compared here with
the plain computation, on generated inputs and on every paragraph of the corpus.
"""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.lint.kinds_definitions import written_in_lower_case
from drafter.lint.kinds_structure import CITED_BEFORE, _cited_before
from drafter.lint.numbering import normalise_number
from drafter.reading import read_text
from drafter.regexes import prefilter

ROOT = Path(__file__).resolve().parent
TEXTS = sorted((ROOT / "corpus").glob("*.txt")) + sorted((ROOT / "heldout").glob("*.txt"))

LITERALS = st.text(alphabet="ab c,", min_size=1, max_size=3)
CLAUSES = st.frozensets(LITERALS, min_size=0, max_size=3)
CONJUNCTIONS = st.lists(st.lists(CLAUSES, min_size=1, max_size=3).map(tuple), max_size=4)


def _paragraphs() -> list[str]:
    found: set[str] = set()
    for path in TEXTS:
        for article in read_text(path.read_text(encoding="utf-8")).articles:
            found.update(p.text for p in article.paragraphs)
    return sorted(found)


def _plainly_admits(conjunctions: list[tuple[frozenset[str], ...]], folded: str) -> bool:
    return any(all(any(x in folded for x in clause) for clause in c) for c in conjunctions)


@settings(max_examples=400, deadline=None)
@given(CONJUNCTIONS, st.text(alphabet="ab c,", max_size=12))
def test_admits_by_its_plan_is_admits_of_every_conjunction(conjunctions, text):
    gate = prefilter.Gate(tuple(conjunctions))
    assert gate.admits(text) == _plainly_admits(conjunctions, text)


def test_plan_drops_conjunctions_that_add_nothing_and_checks_small_clauses_first():
    words, quotes, more = frozenset({"means", "includ"}), frozenset({'"'}), frozenset({"x"})
    plan = prefilter.plan_of(((words, quotes), (words, quotes), (words, quotes, more)))
    assert plan == ((('"',), ("includ", "means")),)
    assert prefilter.Gate(None).plan is None


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="Aaeir _-é1\n", max_size=30), st.sampled_from(["Area", "Aire", "Eire"]))
def test_written_in_lower_case_is_a_whole_word_search(text, word):
    expected = re.search(rf"\b{word.lower()}\b", text) is not None
    assert written_in_lower_case(word, text) == expected


def test_written_in_lower_case_on_the_corpus():
    whole = "\n".join(_paragraphs())
    words = set(re.findall(r"\b[A-Z][a-z]{3,}\b", whole)) | {"Zzzz", "Hatred"}
    for word in sorted(words)[:400]:
        assert written_in_lower_case(word, whole) == bool(re.search(rf"\b{word.lower()}\b", whole))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="Act Code c.5-(),\n\t ", max_size=30))
def test_cited_before_is_the_citation_search(before):
    assert _cited_before(before) == (CITED_BEFORE.search(before) is not None)


def test_cited_before_on_the_corpus():
    for text in _paragraphs():
        for end in range(0, len(text), 7):
            before = text[max(0, end - 120) : end]
            assert _cited_before(before) == (CITED_BEFORE.search(before) is not None)


@given(st.text(alphabet="3 bis\t\u00a0\u2003.IVPremier\n", max_size=12))
def test_normalise_number_removes_every_blank_as_a_regex_does(number):
    text = re.sub(r"\s+", "", number.strip().lower()).rstrip(".")
    assert normalise_number(number) == {"premier": "1", "1er": "1", "first": "1"}.get(text, text)
