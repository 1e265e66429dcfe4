"""Fingerprints are computed as they always were: the cheaper code hashes the same strings."""

from __future__ import annotations

import hashlib
import random
import re
import sys

from drafter.findings import Finding, Location, Severity, _normalise, assign_fingerprints


def _reference_normalise(text: str | None) -> str:
    return re.sub(r"\s+", " ", (text or "").strip().lower())


def _reference_fingerprints(findings: list[Finding], headings: dict[str, str]) -> list[str]:
    """The original formula, written plainly."""
    seen: dict[tuple[str, str, str], int] = {}
    out = []
    for finding in findings:
        loc = finding.location
        heading = _reference_normalise(headings.get(loc.article or "", "")) if loc.article else ""
        key = (finding.code, heading, _reference_normalise(loc.text))
        seen[key] = seen.get(key, 0) + 1
        raw = "\x1f".join([*key, str(seen[key])])
        out.append(hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16])
    return out


SPACES = [chr(i) for i in range(sys.maxunicode + 1) if re.match(r"\s", chr(i))]
CASED = list("aZİıſÉßΣς") + ["\u0130", "\u1e9e", "\u2126"]


def test_normalise_matches_the_regex_on_every_whitespace_and_tricky_case():
    rng = random.Random(11)
    alphabet = SPACES + CASED + list("x(1).")
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 10)))
        assert _normalise(text) == _reference_normalise(text), repr(text)
    assert _normalise(None) == ""


def test_lower_casing_never_makes_or_removes_whitespace():
    for i in range(sys.maxunicode + 1):
        char = chr(i)
        assert any(c.isspace() for c in char.lower()) == char.isspace(), hex(i)


def _finding(rng: random.Random) -> Finding:
    article = rng.choice([None, "", "1", "2", "3bis", "premier"])
    text = rng.choice([None, "", "Shall", " shall\u00a0 be ", "SHALL BE", "İncite", "x"])
    return Finding(
        code=rng.choice(["DR101", "DR203"]),
        name="n",
        severity=Severity.ERROR,
        message="m",
        location=Location(article=article, text=text),
    )


def test_fingerprints_match_the_original_formula():
    rng = random.Random(3)
    headings = {"1": "Purpose ", "2": "  Offences\tof  INCITEMENT", "premier": "Objet", "": "x"}
    for _ in range(200):
        findings = [_finding(rng) for _ in range(rng.randint(0, 30))]
        assign_fingerprints(findings, headings)
        assert [f.fingerprint for f in findings] == _reference_fingerprints(findings, headings)
