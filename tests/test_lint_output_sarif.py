"""The SARIF log written from templates is byte for byte json.dumps(sarif_data, indent=2)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from drafter.findings import Finding, Location, Severity
from drafter.lint.api import FileResult, LintOptions, Region, lint_path
from drafter.lint.catalog import load_rules
from drafter.lint.report_sarif import render_sarif, sarif_data

CORPUS = Path(__file__).parent / "corpus"
TEXTS = [
    None,
    "",
    "plain",
    'quote " \\ back',
    "ctrl \x00\x1f\t\n  x",
    "é « » — 𝄞 \u2028",
    "x" * 300,
]
RULES = load_rules()


def _reference(results, rules=(), suggestions=None) -> str:
    data = sarif_data(results, rules, suggestions)
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _random_finding(rng: random.Random, fingerprint: str) -> Finding:
    def number():
        return rng.choice([None, 0, 1, 17])

    return Finding(
        code=rng.choice(["DR101", "DR203", "DR508", "DR999"]),
        name=rng.choice(["catch-all", "é-name"]),
        severity=rng.choice(list(Severity)),
        message=rng.choice(TEXTS[1:]),
        location=Location(
            file="law.md",
            article=rng.choice([None, "", "3", "3bis", "premier"]),
            paragraph=number(),
            start=number(),
            end=number(),
            text=rng.choice(TEXTS),
        ),
        authorities=rng.sample(["RABAT", "ICTR-INCITEMENT", "UNKNOWN-ID"], k=rng.randint(0, 3)),
        suggestion=rng.choice([None, "", "offence.incitement_genocide", "missing.clause"]),
        fingerprint=fingerprint,
    )


def _random_result(rng: random.Random) -> FileResult:
    findings = [_random_finding(rng, f"fp{i}") for i in range(rng.randint(0, 6))]
    regions = {
        f.fingerprint: Region(
            line=rng.randint(1, 9),
            column=rng.choice([None, 3]),
            char_offset=rng.choice([None, 40]),
            char_length=rng.choice([None, 5]),
        )
        for f in findings
        if rng.random() < 0.4
    }
    return FileResult(
        path=rng.choice(["law.md", "dir/loi é.docx", "/abs/law 1.txt", 'odd "name".txt']),
        findings=findings,
        error=rng.choice([None, None, "law.docx: not a Word document"]),
        captions=rng.choice([{}, {"3": "Section 3", "premier": "Article premier"}]),
        markers=rng.choice([{}, {("3", 1): "(1)", ("3bis", 17): "(2)(a)"}]),
        regions=regions,
    )


SUGGESTIONS = {
    "offence.incitement_genocide": "Clause text\nwith « quotes ».",
    "missing.clause": None,
}


def test_random_logs_match_json_dumps():
    rng = random.Random(5)
    for _ in range(300):
        results = [_random_result(rng) for _ in range(rng.randint(0, 3))]
        rules = rng.choice([(), RULES])
        suggestions = rng.choice([None, {}, SUGGESTIONS])
        assert render_sarif(results, rules, suggestions) == _reference(results, rules, suggestions)


@pytest.mark.parametrize(
    "results", [[], [FileResult(path="a.md")], [FileResult(path="a", error="e")]]
)
def test_logs_without_results(results):
    assert render_sarif(results, RULES) == _reference(results, RULES)


@pytest.mark.parametrize(
    "location",
    [Location(paragraph=2.0), Location(article="1", paragraph=2.5), Location(article=3)],
)
def test_values_of_unexpected_types_are_encoded_the_general_way(location):
    finding = Finding("DR101", "n", Severity.INFO, "m", location, ["RABAT"], None, "f")
    results = [FileResult(path="a.md", findings=[finding])]
    assert render_sarif(results) == _reference(results)


@pytest.mark.parametrize(
    "path", sorted(CORPUS.glob("*.txt")) + sorted(CORPUS.glob("*.md")), ids=str
)
def test_corpus_logs_match_json_dumps(path):
    results = [lint_path(path, LintOptions())]
    suggestions = {"offence.incitement_genocide": "Text."}
    assert render_sarif(results, RULES, suggestions) == _reference(results, RULES, suggestions)
