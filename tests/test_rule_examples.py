"""Every rule's own examples: each fail example fires the rule, each pass example does not.

One parametrised test over every checks/*.yaml file (all families), as the rule format in
docs/architecture.md promises: the examples are small statutes in the plain-text layout,
read with ``read_text`` and linted with that one rule only.
"""

from __future__ import annotations

import pytest

from drafter.lint.catalog import load_rules
from drafter.lint.engine import run_rules
from drafter.reading import read_text


def _cases() -> list:
    cases = []
    for rule in load_rules():
        for label in ("fail", "pass"):
            for index, text in enumerate(rule.examples[label]):
                cases.append(pytest.param(rule, label, text, id=f"{rule.code}-{label}-{index}"))
    return cases


@pytest.mark.parametrize(("rule", "label", "text"), _cases())
def test_rule_example(rule, label, text):
    statute = read_text(text)
    findings = [f for f in run_rules(statute, [rule]) if f.code == rule.code]
    if label == "fail":
        assert findings, f"{rule.code} did not fire on its fail example:\n{text}"
    else:
        shown = [(f.location.article, f.location.text) for f in findings]
        assert not findings, f"{rule.code} fired on its pass example: {shown}\n{text}"


def test_every_rule_has_both_kinds_of_example():
    for rule in load_rules():
        assert rule.examples["fail"] and rule.examples["pass"], rule.code
