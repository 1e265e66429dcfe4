"""The literal index (drafter/lint/literal_index.py) and Context.admitted give exactly the texts
that each gate admits one by one."""

from __future__ import annotations

import re
from pathlib import Path

from drafter.lint import catalog, patterns
from drafter.lint.engine import Context
from drafter.lint.literal_index import LiteralIndex, StatuteIndex, bits_of, set_bits
from drafter.reading import read_text
from drafter.regexes import prefilter

ROOT = Path(__file__).resolve().parent
TEXTS = sorted((ROOT / "corpus").glob("*.txt")) + sorted((ROOT / "heldout").glob("*.txt"))


def _bits(index: LiteralIndex, gate: prefilter.Gate) -> list[int]:
    bits = index.admitted(gate)
    return [i for i in range(len(index.texts)) if bits >> i & 1]


def test_holding_finds_literals_inside_words_and_across_spaces():
    texts = ["the Minister shall decide", "ministerial order", "no such word", "l'état, or to x"]
    index = LiteralIndex([prefilter.fold(t) for t in texts])
    assert index.holding("minist") == 0b0011  # a word's start, in two texts
    assert index.holding("ister") == 0b0011  # inside a word
    assert index.holding("or to ") == 0b1000  # a space: searched in the texts themselves
    assert index.holding("l'ét") == 0b1000
    assert index.holding("absent") == 0


def test_admitted_matches_admits_on_every_catalogue_gate_and_corpus_article():
    folded = []
    for path in TEXTS:
        statute = read_text(path.read_text(encoding="utf-8"))
        folded += [prefilter.fold(f"{a.heading or ''}\n{a.text}") for a in statute.articles]
    index = LiteralIndex(folded)
    skipped = 0
    for rule in catalog.load_rules():
        for key, language in patterns.compile_rule(rule):
            gate = prefilter.gate(patterns.get(rule, key, language))
            expected = [i for i, text in enumerate(folded) if gate.admits(text)]
            assert _bits(index, gate) == expected, (rule.code, key, language)
            skipped += len(folded) - len(expected)
    assert skipped  # the gates do reject articles


def test_context_admitted_keeps_order_and_asks_unknown_articles_directly():
    statute = read_text(
        "Article 1 - Title\nThis Act may be cited as the Speech Act.\n\n"
        "Article 2 - Offence\nA person who incites genocide commits an offence.\n\n"
        "Article 3 - Penalty\nA person who incites hatred is liable to a fine.\n"
    )
    context = Context(statute=statute, language="en")
    gate = prefilter.gate(re.compile(r"\bincit\w*", re.IGNORECASE))
    articles = context.articles
    assert [a.number for a in context.admitted(gate, articles)] == ["2", "3"]
    assert [a.number for a in context.admitted(gate, articles[::-1])] == ["3", "2"]
    other = read_text("Article 9 - Other\nIncitement is punished.\n").articles
    assert [a.number for a in context.admitted(gate, other)] == ["9"]
    assert context.admitted(prefilter.ALWAYS, articles) == articles


def _corpus_statutes() -> list:
    return [read_text(path.read_text(encoding="utf-8")) for path in TEXTS]


def _catalogue_gates() -> list[prefilter.Gate]:
    gates = []
    for rule in catalog.load_rules():
        for key, language in patterns.compile_rule(rule):
            gates.append(prefilter.gate(patterns.get(rule, key, language)))
            gates += patterns.part_gates(rule, key, language) or []
    return gates


def test_bits_of_and_set_bits_are_inverse():
    for positions in ([], [0], [3, 7, 200], list(range(0, 3000, 3)), list(range(129))):
        bits = bits_of(positions, 3001)
        assert bits == sum(1 << p for p in positions)
        assert set_bits(bits) == positions


def test_literals_with_whitespace_are_found_only_where_they_occur():
    texts = ["or to both", "to or", "or\tto x", "shall be liable", "liable shall be"]
    index = LiteralIndex([prefilter.fold(t) for t in texts], positions=[0, 2, 4, 6, 8])
    assert index.holding("or to ") == 1 << 0  # both pieces in three texts, the literal in one
    assert index.holding("shall be lia") == 1 << 6
    assert index.holding("\t") == 1 << 4  # no piece: asked of each text
    assert index.holding("to") == 1 << 0 | 1 << 2 | 1 << 4


def test_statute_index_answers_each_paragraph_and_each_article_as_admits_does():
    """Per paragraph and per whole article (heading and text), over every catalogue gate."""
    articles = [a for s in _corpus_statutes() for a in s.articles]
    folded = [
        (prefilter.fold(a.heading or ""), [prefilter.fold(p.text) for p in a.paragraphs])
        for a in articles
    ]
    whole = [prefilter.fold(f"{a.heading or ''}\n{a.text}") for a in articles]
    index = StatuteIndex(folded)
    paragraph_bits = [
        index.first_paragraph[n] + k
        for n, (_, paras) in enumerate(folded)
        for k in range(len(paras))
    ]
    texts = [text for _, paras in folded for text in paras]
    for gate in _catalogue_gates() + [prefilter.Gate(((frozenset({"\nart"}),),))]:
        bits = index.paragraphs(gate)
        expected = [gate.admits(t) for t in texts]
        assert [bool(bits >> b & 1) for b in paragraph_bits] == expected
        held = index.articles(gate, lambda: whole)
        expected = [gate.admits(t) for t in whole]
        assert [bool(held >> g & 1) for g in index.guard] == expected


def test_context_admitted_units_are_the_units_each_gate_admits():
    for statute in _corpus_statutes()[:12]:
        context = Context(statute=statute, language=statute.language)
        scopes = [context.articles, context.articles_in_scope("offence"), context.articles[::-1]]
        for gate in _catalogue_gates()[::7]:
            for scope in scopes:
                expected = [
                    u for u in context.units(scope) if gate.admits(context.folded(u.paragraph))
                ]
                assert context.admitted_units(gate, scope) == expected
                whole = [a for a in scope if gate.admits(context.folded_article(a))]
                assert context.admitted(gate, scope) == whole


def test_definitions_and_sanctions_read_with_the_index_are_the_same():
    from drafter.lint import sanction_text, sanctions, terms

    for statute in _corpus_statutes():
        context = Context(statute=statute, language=statute.language)
        assert terms.definitions(statute, context.admitted) == terms.definitions(statute)
        test = sanction_text.offence_test(context)
        assert [test(a) for a in statute.articles] == [
            sanctions.is_offence_article(a) for a in statute.articles
        ]
        plain = sanctions.read_sanctions(statute)
        assert sanctions.read_sanctions(statute, context.admitted_units, test) == plain
