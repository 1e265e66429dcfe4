"""The JSON report written from templates is byte for byte json.dumps(report_data, indent=2)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from drafter.findings import Finding, Location, Severity
from drafter.lint.api import FileResult, LintOptions, lint_path
from drafter.lint.report_json import render_json, report_data

CORPUS = Path(__file__).parent / "corpus"
TEXTS = [None, "", "plain", 'quote " \\ back', "ctrl \x00\x1f\t\n", "é « » — 𝄞 \u2028", "x" * 300]


def _reference(results, suggestions=None) -> str:
    data = report_data(results, suggestions)
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _random_finding(rng: random.Random) -> Finding:
    def number():
        return rng.choice([None, 0, 1, 17, 10**20])

    return Finding(
        code=rng.choice(["DR101", "DR203", "DR508"]),
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
        authorities=rng.sample(
            ["RABAT", "ICTR-INCITEMENT", "UNKNOWN-ID", "ICCPR-20"], k=rng.randint(0, 3)
        ),
        suggestion=rng.choice([None, "", "offence.incitement_genocide", "missing.clause"]),
        fingerprint=rng.choice(["0123456789abcdef", "", "é"]),
    )


def _random_results(rng: random.Random) -> list[FileResult]:
    return [
        FileResult(
            path=rng.choice(["law.md", "dir/loi é.docx", 'odd "name".txt']),
            findings=[_random_finding(rng) for _ in range(rng.randint(0, 6))],
            error=rng.choice([None, None, "law.docx: not a Word document"]),
        )
        for _ in range(rng.randint(0, 3))
    ]


SUGGESTIONS = {
    "offence.incitement_genocide": "Clause text\nwith « quotes ».",
    "missing.clause": None,
}


def test_random_reports_match_json_dumps():
    rng = random.Random(5)
    for _ in range(400):
        results = _random_results(rng)
        suggestions = rng.choice([None, {}, SUGGESTIONS])
        assert render_json(results, suggestions) == _reference(results, suggestions)


@pytest.mark.parametrize(
    "results", [[], [FileResult(path="a.md")], [FileResult(path="a", error="e")]]
)
def test_reports_without_findings(results):
    assert render_json(results) == _reference(results)


@pytest.mark.parametrize(
    "location",
    [Location(paragraph=2.0), Location(start=True, end=False), Location(article=3)],
)
def test_values_of_unexpected_types_are_encoded_the_general_way(location):
    finding = Finding("DR101", "n", Severity.INFO, "m", location, ["RABAT"], None, "f")
    results = [FileResult(path="a.md", findings=[finding])]
    assert render_json(results) == _reference(results)


@pytest.mark.parametrize(
    "path", sorted(CORPUS.glob("*.txt")) + sorted(CORPUS.glob("*.md")), ids=str
)
def test_corpus_reports_match_json_dumps(path):
    results = [lint_path(path, LintOptions())]
    suggestions = {"offence.incitement_genocide": "Text."}
    assert render_json(results, suggestions) == _reference(results, suggestions)
