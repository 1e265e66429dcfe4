"""Baselines: stable files, round trips, relative paths, malformed files, stable fingerprints."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from drafter.errors import ConfigError
from drafter.findings import Finding, Location, Severity
from drafter.lint.api import FileResult, lint_statute
from drafter.lint.baseline import apply_baseline, dump_baseline, load_baseline
from drafter.lint.catalog import load_rules, select_rules
from drafter.reading import read_text


def fake(code: str, fingerprint: str) -> Finding:
    return Finding(
        code, "name", Severity.ERROR, "message", Location(article="1"), fingerprint=fingerprint
    )


def results(tmp_path: Path) -> list[FileResult]:
    return [
        FileResult(str(tmp_path / "b.md"), [fake("DR203", "ff"), fake("DR102", "aa")]),
        FileResult(str(tmp_path / "a.md"), [fake("DR601", "cc")]),
        FileResult(str(tmp_path / "broken.docx"), error="broken"),
    ]


def test_dump_is_sorted_stable_and_relative(tmp_path):
    path = tmp_path / "baseline.json"
    first = dump_baseline(results(tmp_path), path)
    shuffled = [
        FileResult(r.path, list(reversed(r.findings)), r.error) for r in reversed(results(tmp_path))
    ]
    assert dump_baseline(shuffled, path) == first
    assert first.endswith(b"\n")
    assert json.loads(first) == {
        "version": 1,
        "files": {
            "a.md": [{"code": "DR601", "fingerprint": "cc"}],
            "b.md": [
                {"code": "DR102", "fingerprint": "aa"},
                {"code": "DR203", "fingerprint": "ff"},
            ],
        },
    }


def test_round_trip_drops_only_recorded_findings(tmp_path):
    path = tmp_path / "baseline.json"
    path.write_bytes(dump_baseline(results(tmp_path), path))
    table = load_baseline(path)
    later = [
        FileResult(str(tmp_path / "b.md"), [fake("DR203", "ff"), fake("DR203", "new")]),
        FileResult(str(tmp_path / "a.md"), [fake("DR102", "cc")]),  # same hash, other rule
        FileResult(str(tmp_path / "c.md"), [fake("DR601", "cc")]),  # same finding, other file
    ]
    kept, dropped = apply_baseline(later, table, path)
    assert dropped == 1
    assert [[f.fingerprint for f in r.findings] for r in kept] == [["new"], ["cc"], ["cc"]]


def test_paths_resolve_from_any_working_directory(tmp_path, monkeypatch):
    (tmp_path / "ci").mkdir()
    path = tmp_path / "ci" / "baseline.json"
    monkeypatch.chdir(tmp_path)
    path.write_bytes(dump_baseline([FileResult("law.md", [fake("DR203", "ff")])], path))
    assert "../law.md" in json.loads(path.read_text())["files"]
    monkeypatch.chdir(tmp_path / "ci")
    kept, dropped = apply_baseline(
        [FileResult(os.path.join("..", "law.md"), [fake("DR203", "ff")])], load_baseline(path), path
    )
    assert dropped == 1 and kept[0].findings == []


@pytest.mark.parametrize(
    "text, problem",
    [
        ("{not json", "not valid JSON"),
        ('{"version": 2, "files": {}}', "not a drafter baseline"),
        ("[]", "not a drafter baseline"),
        ('{"version": 1, "files": []}', "'files' must map"),
        ('{"version": 1, "files": {"a.md": {}}}', "must be a list"),
        (
            '{"version": 1, "files": {"a.md": [{"code": "DR101"}]}}',
            "needs 'code' and 'fingerprint'",
        ),
    ],
)
def test_malformed_baseline(tmp_path, text, problem):
    path = tmp_path / "baseline.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=problem) as info:
        load_baseline(path)
    assert str(path) in str(info.value)


def test_missing_baseline(tmp_path):
    with pytest.raises(ConfigError, match="does not exist"):
        load_baseline(tmp_path / "none.json")


LAW = """\
Article 1 - Offence
(1) A person who negligently spreads hatred by any means whatsoever commits an offence.
(2) The offence is punishable by a fine.

Article 2 - Publication
The Minister publishes the list of decisions.
"""


def fingerprints(text: str) -> dict[tuple[str, str], str]:
    rules = select_rules(load_rules(), ["DR102", "DR203"])
    findings = lint_statute(read_text(text), rules)
    return {(f.code, f.location.text or ""): f.fingerprint for f in findings}


def test_fingerprints_survive_unrelated_edits():
    before = fingerprints(LAW)
    assert {code for code, _ in before} == {"DR102", "DR203"}
    inserted = "Article 1 - Short title\nThis Act is the Hatred Act.\n\n" + LAW.replace(
        "Article 1 - Offence", "Article 2 - Offence"
    ).replace("Article 2 - Publication", "Article 3 - Publication")
    edited = inserted.replace("publishes the list", "publishes every year the list")
    assert fingerprints(edited) == before
    # Editing the flagged paragraph's own words changes nothing for the other finding.
    moved = LAW.replace("spreads hatred", "spreads messages of hatred")
    assert fingerprints(moved) == before
