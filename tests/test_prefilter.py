"""Literal prefilters (drafter/regexes/prefilter.py) and the option matcher (drafter/lint/options.py).

A gate may only ever skip a text in which its pattern has no match: these tests check that
over every pattern of the catalogue and every paragraph of the corpus, and that the case
folding agrees with the regex engine over all of Unicode.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from drafter.lint import catalog, patterns
from drafter.lint.options import first_match, option_patterns
from drafter.reading import read_text
from drafter.regexes import prefilter

ROOT = Path(__file__).resolve().parent
TEXTS = sorted((ROOT / "corpus").glob("*.txt")) + sorted((ROOT / "heldout").glob("*.txt"))


def _all_characters() -> str:
    return "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)


def test_fold_keeps_length_and_matches_the_regex_engine():
    everything = _all_characters()
    assert len(prefilter.fold(everything)) == len(everything)  # offsets stay valid
    for char in sorted(prefilter._SAFE):
        matched = re.findall(re.escape(char), everything, re.IGNORECASE)
        # Every character the engine takes for this one folds to the same character.
        assert {prefilter.fold(m) for m in matched} == {prefilter.fold(char)}, repr(char)


def test_gate_reads_required_words():
    gate = prefilter.gate(re.compile(r"\band ?/ ?or\b", re.IGNORECASE))
    assert gate.admits(prefilter.fold("fines and/or imprisonment"))
    assert not gate.admits(prefilter.fold("fines and imprisonment or both"))  # no "/"
    denial = prefilter.gate(re.compile(r"\bden(?:y|ies|ial)\b", re.IGNORECASE))
    assert denial.admits(prefilter.fold("The DENIAL of genocide"))
    assert not denial.admits(prefilter.fold("A person who incites hatred"))


def test_gate_admits_everything_when_nothing_is_required():
    for pattern in (r"\w+", r"(?:foo)?\d", r"(\w)\1", r"[a-z]{3}"):
        gate = prefilter.gate(re.compile(pattern))
        assert gate.admits("") and gate.admits("zzz")


def _corpus_texts() -> list[str]:
    texts: set[str] = set()
    for path in TEXTS:
        statute = read_text(path.read_text(encoding="utf-8"))
        for article in statute.articles:
            texts.add(f"{article.heading or ''}\n{article.text}")
            texts.update(p.text for p in article.paragraphs)
    return sorted(texts)


def _catalogue_patterns() -> list[re.Pattern[str]]:
    """Return every pattern set of the catalogue (each the alternation of its patterns)."""
    found = []
    for rule in catalog.load_rules():
        for key, language in patterns.compile_rule(rule):
            found.append(patterns.get(rule, key, language))
    return found


def test_gates_never_skip_a_text_with_a_match():
    texts = _corpus_texts()
    folded = [prefilter.fold(t) for t in texts]
    skipped = 0
    for pattern in _catalogue_patterns():
        gate = prefilter.gate(pattern)
        for text, fold in zip(texts, folded, strict=True):
            if not gate.admits(fold):
                skipped += 1
                assert pattern.search(text) is None, (pattern.pattern, text)
    assert skipped  # the gates do skip most paragraphs: they are not all "admit everything"


def test_first_match_is_the_earliest_match_of_any_pattern_first_listed_on_a_tie():
    compiled = option_patterns({"en": [r"\bbar\b", r"\bfoo bar\b", r"\bfoo\b"]}, "en")
    assert compiled.combined is not None
    match = first_match(compiled, "x foo bar")
    assert (match.start(), match.group(0)) == (2, "foo bar")  # earliest start, then list order
    assert first_match(compiled, "nothing here") is None
    # The same answer as searching each pattern in turn.
    text = "bar and foo"
    one_by_one = min((m for p in compiled if (m := p.search(text))), key=lambda m: m.start())
    assert first_match(compiled, text).span() == one_by_one.span()


def test_patterns_with_back_references_are_searched_one_by_one():
    compiled = option_patterns([r"\b(\w+) \1\b", r"\bzz\b"], "en")
    assert compiled.combined is None
    assert first_match(compiled, "it is is so").group(0) == "is is"
    assert first_match(option_patterns([], "en"), "anything") is None


def test_penalty_prefilter_changes_no_sanction(monkeypatch):
    from drafter.lint import sanctions

    statutes = [read_text(path.read_text(encoding="utf-8")) for path in TEXTS]
    gated = [sanctions.read_sanctions(s) for s in statutes]
    monkeypatch.setattr(sanctions, "_penalty_gate", lambda: prefilter.ALWAYS)
    assert [sanctions.read_sanctions(s) for s in statutes] == gated
    assert sum(map(len, gated)) > 50  # the corpus has penalties to read
