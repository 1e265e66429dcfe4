"""The literal index (drafter/lint/literal_index.py) and Context.admitted give exactly the texts
that each gate admits one by one."""

from __future__ import annotations

import re
from pathlib import Path

from drafter.lint import catalog, patterns
from drafter.lint.engine import Context
from drafter.lint.literal_index import LiteralIndex
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
