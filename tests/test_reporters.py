"""Every report format on fixed findings: exact structure, escaping, colour, SARIF schema."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from drafter.findings import Finding, Location, Severity
from drafter.lint.api import FileResult, Region
from drafter.lint.engine import Rule
from drafter.lint.report_github import escape_data, escape_property, render_github
from drafter.lint.report_json import render_json
from drafter.lint.report_sarif import render_sarif
from drafter.lint.report_text import render_text, summary_line
from drafter.standards import AUTHORITIES

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-2.1.0.json").read_text("utf-8"))
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def make_rule(code: str, name: str, severity: str) -> Rule:
    return Rule(
        code=code,
        name=name,
        severity=Severity(severity),
        scope="offence",
        kind="phrase",
        message=f"Message of {name}.",
        rationale=f"Why {name} matters.",
        authorities=["RABAT", "ICTR-INCITEMENT"],
        fix_clause="offence.incitement_genocide",
    )


RULES = [
    make_rule("DR203", "negligence-or-recklessness", "error"),
    make_rule("DR102", "catch-all-conduct", "warning"),
    make_rule("DR508", "missing-entry-into-force", "info"),
]


def finding(code, name, severity, article, paragraph, text, fp, start=None, suggestion=None):
    end = start + len(text) if start is not None and text else None
    return Finding(
        code=code,
        name=name,
        severity=Severity(severity),
        message=f"Message of {name}.",
        location=Location(
            file="law.md", article=article, paragraph=paragraph, start=start, end=end, text=text
        ),
        authorities=["RABAT", "ICTR-INCITEMENT"],
        suggestion=suggestion,
        fingerprint=fp,
    )


@pytest.fixture
def results() -> list[FileResult]:
    law = FileResult(
        path="laws/law.md",
        findings=[
            finding(
                "DR203",
                "negligence-or-recklessness",
                "error",
                "3",
                2,
                "negligently",
                "f1",
                start=12,
                suggestion="offence.incitement_genocide",
            ),
            finding("DR102", "catch-all-conduct", "warning", "3", 3, "by any means", "f2", start=0),
            finding("DR508", "missing-entry-into-force", "info", None, None, None, "f3"),
        ],
        captions={"3": "Section 3"},
        markers={("3", 2): "(2)", ("3", 3): "(2)(a)"},
        regions={"f1": Region(line=7, column=14, char_offset=120, char_length=11)},
    )
    broken = FileResult(path="laws/broken.docx", error="laws/broken.docx: not a Word document")
    return [law, broken]


def test_text_report_groups_by_file_and_article(results):
    out = render_text(results)
    assert out == (
        "laws/law.md\n"
        "  Section 3\n"
        "    DR203 error   (2) 'negligently': Message of negligence-or-recklessness. "
        "[RABAT, ICTR-INCITEMENT] -> fix: offence.incitement_genocide\n"
        "    DR102 warning (2)(a) 'by any means': Message of catch-all-conduct. "
        "[RABAT, ICTR-INCITEMENT]\n"
        "  Whole statute\n"
        "    DR508 info    Message of missing-entry-into-force. [RABAT, ICTR-INCITEMENT]\n"
        "\n"
        "1 error, 1 warning, 1 info in 2 files; 1 file could not be read\n"
    )
    assert not ANSI.search(out)


def test_text_report_colour_only_when_asked(results):
    assert ANSI.search(render_text(results, color=True))
    assert ANSI.sub("", render_text(results, color=True)) == render_text(results)


def test_summary_counts_plural():
    many = FileResult(
        path="a.txt",
        findings=[finding("DR203", "n", "error", "1", 1, "x", f"e{i}") for i in range(3)]
        + [finding("DR102", "c", "warning", "1", 1, "y", f"w{i}") for i in range(2)]
        + [finding("DR508", "m", "info", None, None, None, "i")],
    )
    assert (
        summary_line([many, FileResult(path="b.txt")]) == "3 errors, 2 warnings, 1 info in 2 files"
    )


def test_json_report_exact_structure(results):
    data = json.loads(render_json(results, {"offence.incitement_genocide": "Clause text."}))
    rabat = {"id": "RABAT", "title": AUTHORITIES["RABAT"]}
    ictr = {"id": "ICTR-INCITEMENT", "title": AUTHORITIES["ICTR-INCITEMENT"]}
    assert data == {
        "version": 1,
        "files": [
            {
                "path": "laws/law.md",
                "error": None,
                "findings": [
                    {
                        "code": "DR203",
                        "name": "negligence-or-recklessness",
                        "severity": "error",
                        "message": "Message of negligence-or-recklessness.",
                        "location": {
                            "article": "3",
                            "paragraph": 2,
                            "start": 12,
                            "end": 23,
                            "text": "negligently",
                        },
                        "authorities": [rabat, ictr],
                        "suggestion": {
                            "clause": "offence.incitement_genocide",
                            "text": "Clause text.",
                        },
                        "fingerprint": "f1",
                    },
                    {
                        "code": "DR102",
                        "name": "catch-all-conduct",
                        "severity": "warning",
                        "message": "Message of catch-all-conduct.",
                        "location": {
                            "article": "3",
                            "paragraph": 3,
                            "start": 0,
                            "end": 12,
                            "text": "by any means",
                        },
                        "authorities": [rabat, ictr],
                        "suggestion": None,
                        "fingerprint": "f2",
                    },
                    {
                        "code": "DR508",
                        "name": "missing-entry-into-force",
                        "severity": "info",
                        "message": "Message of missing-entry-into-force.",
                        "location": {
                            "article": None,
                            "paragraph": None,
                            "start": None,
                            "end": None,
                            "text": None,
                        },
                        "authorities": [rabat, ictr],
                        "suggestion": None,
                        "fingerprint": "f3",
                    },
                ],
            },
            {
                "path": "laws/broken.docx",
                "error": "laws/broken.docx: not a Word document",
                "findings": [],
            },
        ],
        "summary": {
            "files": 2,
            "errors": 1,
            "warnings": 1,
            "info": 1,
            "by_code": {"DR102": 1, "DR203": 1, "DR508": 1},
        },
    }


def test_json_suggestion_without_library_text(results):
    data = json.loads(render_json(results))
    assert data["files"][0]["findings"][0]["suggestion"] == {
        "clause": "offence.incitement_genocide",
        "text": None,
    }


def test_sarif_validates_against_official_schema(results):
    log = json.loads(render_sarif(results, RULES, {"offence.incitement_genocide": "Clause."}))
    validator = jsonschema.Draft4Validator(SCHEMA)
    errors = sorted(validator.iter_errors(log), key=str)
    assert not errors, errors[0].message if errors else ""


def test_sarif_content(results):
    log = json.loads(render_sarif(results, RULES))
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "drafter"
    assert [r["id"] for r in driver["rules"]] == ["DR102", "DR203", "DR508"]
    dr203 = driver["rules"][1]
    assert dr203["name"] == "negligence-or-recklessness"
    assert dr203["fullDescription"]["text"] == "Why negligence-or-recklessness matters."
    assert dr203["properties"]["authorities"] == ["RABAT", "ICTR-INCITEMENT"]
    first, second, third = run["results"]
    assert (first["ruleId"], first["ruleIndex"], first["level"]) == ("DR203", 1, "error")
    assert (second["level"], third["level"]) == ("warning", "note")
    location = first["locations"][0]
    assert location["physicalLocation"]["artifactLocation"]["uri"] == "laws/law.md"
    assert location["physicalLocation"]["region"] == {
        "startLine": 7,
        "startColumn": 14,
        "charOffset": 120,
        "charLength": 11,
        "snippet": {"text": "negligently"},
    }
    assert location["logicalLocations"] == [
        {"name": "Section 3", "fullyQualifiedName": "Section 3(2)"}
    ]
    assert first["partialFingerprints"] == {"drafter/v1": "f1"}
    assert "region" not in second["locations"][0]["physicalLocation"]  # place unknown: no guess
    assert "logicalLocations" not in third["locations"][0]  # whole statute
    invocation = run["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert invocation["toolExecutionNotifications"][0]["message"]["text"].startswith(
        "laws/broken.docx"
    )


def test_sarif_uri_escapes_spaces():
    result = FileResult(
        path="my laws/loi n°1.txt",
        findings=[finding("DR203", "n", "error", "1", 1, "x", "f")],
    )
    log = json.loads(render_sarif([result], RULES))
    uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert uri["uri"] == "my%20laws/loi%20n%C2%B01.txt"
    assert not list(jsonschema.Draft4Validator(SCHEMA).iter_errors(log))


def test_github_commands(results):
    lines = render_github(results).splitlines()
    assert lines[0] == (
        "::error file=laws/law.md,line=7,col=14,title=DR203 negligence-or-recklessness::"
        "Section 3(2): 'negligently': Message of negligence-or-recklessness. "
        "[RABAT, ICTR-INCITEMENT] Fix: library clause offence.incitement_genocide."
    )
    assert lines[1].startswith("::warning file=laws/law.md,title=DR102 catch-all-conduct::")
    assert lines[1].split("::")[2].startswith("Section 3(2)(a): 'by any means'")
    assert lines[2].startswith("::notice file=laws/law.md,title=DR508 missing-entry-into-force::")
    assert "Whole statute: " in lines[2]
    assert lines[3] == (
        "::error file=laws/broken.docx,title=drafter::laws/broken.docx: not a Word document"
    )


def test_github_escaping():
    assert escape_data("100% sure\r\nnext") == "100%25 sure%0D%0Anext"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    weird = FileResult(
        path="dir,x/a:b.txt",
        findings=[finding("DR203", "n", "error", "1", 1, "50%\nof", "f")],
    )
    (line,) = render_github([weird]).splitlines()
    assert line.startswith("::error file=dir%2Cx/a%3Ab.txt,title=DR203 n::")
    assert "'50% of'" not in line and "50%25 of" in line  # quote whitespace collapsed, % escaped
    assert "\n" not in line and "\r" not in line


def test_schema_is_strict_enough_to_catch_mistakes(results):
    log = json.loads(render_sarif(results, RULES))
    log["runs"][0]["results"][2]["level"] = "info"  # SARIF calls it "note"
    assert list(jsonschema.Draft4Validator(SCHEMA).iter_errors(log))
