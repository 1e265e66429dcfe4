"""Running only the patterns of a set whose words a text holds finds what the whole set finds.

A phrase rule's patterns run as one alternation; on each paragraph the rules now run the
alternation of only the patterns whose prefilter admits it (drafter/lint/patterns.py
``subset``, drafter/lint/kinds_text.py ``searchers``). These tests check, over every pattern set
of the catalogue and every paragraph and article of the corpus, that the matches are the same.
"""

from __future__ import annotations

import re
from pathlib import Path

from drafter.lint import catalog, kinds_definitions, patterns
from drafter.lint.engine import Context, Rule
from drafter.lint.kinds_text import searchers
from drafter.reading import read_text
from drafter.regexes import prefilter

ROOT = Path(__file__).resolve().parent
TEXTS = sorted((ROOT / "corpus").glob("*.txt")) + sorted((ROOT / "heldout").glob("*.txt"))


def _texts() -> list[str]:
    texts: set[str] = set()
    for path in TEXTS:
        statute = read_text(path.read_text(encoding="utf-8"))
        for article in statute.articles:
            texts.add(f"{article.heading or ''}\n{article.text}")
            texts.update(p.text for p in article.paragraphs)
    return sorted(texts)


def _found(pattern: re.Pattern[str], text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in pattern.finditer(text)]


def test_the_admitted_patterns_of_a_set_find_what_the_set_finds():
    texts = _texts()
    folded = [prefilter.fold(t) for t in texts]
    narrowed = 0
    for rule in catalog.load_rules():
        for key, language in patterns.compile_rule(rule):
            whole = patterns.get(rule, key, language)
            gates = patterns.part_gates(rule, key, language)
            if whole.groups or len(gates) < 2:
                continue
            for text, fold in zip(texts, folded, strict=True):
                parts = tuple(i for i, g in enumerate(gates) if g.admits(fold))
                expected = _found(whole, text)
                if not parts:
                    assert expected == [], (rule.code, key, text)
                    continue
                narrowed += len(parts) < len(gates)
                subset = patterns.subset(rule, key, language, parts)
                assert _found(subset, text) == expected, (rule.code, key, parts, text)
    assert narrowed  # most texts hold the words of only some patterns of a set


def test_a_subset_keeps_the_order_of_the_set():
    rule = Rule(
        code="DR999", name="x", severity=None, scope="article", kind="phrase", message="",
        rationale="", authorities=[], fix_clause=None,
        options={"patterns": {"en": [r"\bfoo\b", r"\bfoo bar\b", r"\bbaz\b"]}},
    )  # fmt: skip
    whole = patterns.get(rule, "patterns", "en")
    text = "a foo bar"  # no "baz": the set without it finds the same ("foo", listed first)
    assert _found(patterns.subset(rule, "patterns", "en", (0, 1)), text) == [(2, 5, "foo")]
    assert _found(whole, text) == [(2, 5, "foo")]
    assert _found(patterns.subset(rule, "patterns", "en", (1,)), text) == [(2, 9, "foo bar")]


def test_searchers_give_each_paragraph_and_article_a_pattern_with_the_same_matches():
    rules = [r for r in catalog.load_rules() if r.kind in ("phrase", "element-required")]
    for path in TEXTS[::3]:
        statute = read_text(path.read_text(encoding="utf-8"))
        context = Context(statute=statute, language=statute.language)
        articles = context.articles
        for rule in rules:
            whole = patterns.get(rule, "patterns", context.language)
            if whole is None:
                continue
            gate = prefilter.gate(whole)
            units = context.admitted_units(gate, articles)
            run = searchers(rule, context, "patterns", whole, articles, units)
            for unit in context.units(articles):
                pattern = run.get(id(unit))
                found = _found(pattern, unit.paragraph.text) if pattern is not None else []
                assert found == _found(whole, unit.paragraph.text), (rule.code, unit.paragraph)
            admitted = context.admitted(gate, articles)
            run = searchers(rule, context, "patterns", whole, articles, admitted)
            for article in articles:
                pattern = run.get(id(article))
                hit = pattern is not None and pattern.search(article.text) is not None
                assert hit == (whole.search(article.text) is not None), rule.code


def test_capitalised_words_are_found_as_with_the_look_behind_first():
    before = re.compile(r"(?<=[a-z,;] )(?P<term>[A-Z][a-z]{3,})(?= [a-z])")
    texts = _texts() + ["the Hatred, Hostility; Mock x", "a Bcde f", "A Bcde f", "x, Word y"]
    for text in texts:
        assert _found(kinds_definitions.CAPITALISED, text) == _found(before, text)
