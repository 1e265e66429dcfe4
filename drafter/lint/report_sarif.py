"""The SARIF 2.1.0 report, for code-scanning dashboards (GitHub, Azure DevOps, IDE viewers).

Every rule that ran is described in ``tool.driver.rules`` (its message, rationale and
authorities), every finding is a result with a physical location (the file; in a plain-text
file also the line and characters) and a logical location (the article, as a lawyer cites it),
and a ``partialFingerprints`` entry that survives unrelated edits, so dashboards track a
finding across revisions of the law. Files that could not be read are tool notifications.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import quote

from .. import __version__
from ..findings import Finding
from ..standards import AUTHORITIES
from .api import FileResult
from .engine import Rule
from .json_text import dumps_indented

SCHEMA_URI = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT_KEY = "drafter/v1"


def artifact_uri(path: str) -> str:
    """Return a file path as a URI reference: relative paths stay relative, with "/"."""
    p = Path(path)
    if p.is_absolute():
        return p.as_uri()
    return quote(p.as_posix(), safe="/")


def rule_descriptor(rule: Rule) -> dict[str, Any]:
    """Describe one rule as a SARIF reportingDescriptor."""
    authorities = [f"{a}: {AUTHORITIES.get(a, a)}" for a in rule.authorities]
    help_text = rule.rationale
    if authorities:
        help_text += "\n\nAuthorities:\n" + "\n".join(f"- {a}" for a in authorities)
    if rule.fix_clause:
        help_text += f"\n\nFixing clause: {rule.fix_clause}"
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.message},
        "fullDescription": {"text": rule.rationale},
        "help": {"text": help_text},
        "defaultConfiguration": {"level": LEVELS[rule.severity.value]},
        "properties": {
            "authorities": list(rule.authorities),
            "family": rule.family,
            "scope": rule.scope,
            "fixClause": rule.fix_clause,
            "tags": [rule.family, *rule.authorities],
        },
    }


def _finding_descriptor(finding: Finding) -> dict[str, Any]:
    """Describe a rule known only from its finding (a rule not passed in)."""
    return {
        "id": finding.code,
        "name": finding.name,
        "shortDescription": {"text": finding.message},
        "defaultConfiguration": {"level": LEVELS[finding.severity.value]},
        "properties": {"authorities": list(finding.authorities)},
    }


def _location(result: FileResult, finding: Finding) -> dict[str, Any]:
    """Return the SARIF location of a finding: the file (and region) plus the article."""
    loc = finding.location
    physical: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(result.path)}}
    region = result.regions.get(finding.fingerprint)
    if region is not None:
        data: dict[str, Any] = {"startLine": region.line}
        if region.column is not None:
            data["startColumn"] = region.column
        if region.char_offset is not None and region.char_length is not None:
            data["charOffset"] = region.char_offset
            data["charLength"] = region.char_length
        if loc.text:
            data["snippet"] = {"text": loc.text}
        physical["region"] = data
    location: dict[str, Any] = {"physicalLocation": physical}
    if loc.article is not None:
        location["logicalLocations"] = [
            {"name": result.caption(loc.article), "fullyQualifiedName": result.place(finding)}
        ]
    return location


def _result(
    result: FileResult,
    finding: Finding,
    index: int,
    suggestions: Mapping[str, str | None],
) -> dict[str, Any]:
    text = finding.message
    if finding.location.text:
        text = f"'{' '.join(finding.location.text.split())}': {text}"
    properties: dict[str, Any] = {"authorities": list(finding.authorities)}
    if finding.location.paragraph is not None:
        properties["paragraph"] = finding.location.paragraph
    if finding.suggestion:
        properties["suggestion"] = {
            "clause": finding.suggestion,
            "text": suggestions.get(finding.suggestion),
        }
    return {
        "ruleId": finding.code,
        "ruleIndex": index,
        "level": LEVELS[finding.severity.value],
        "message": {"text": text},
        "locations": [_location(result, finding)],
        "partialFingerprints": {FINGERPRINT_KEY: finding.fingerprint},
        "properties": properties,
    }


def sarif_data(
    results: list[FileResult],
    rules: Iterable[Rule] = (),
    suggestions: Mapping[str, str | None] | None = None,
) -> dict[str, Any]:
    """Return the SARIF log as a JSON-ready dict."""
    suggestions = suggestions or {}
    descriptors = {r.code: rule_descriptor(r) for r in rules}
    for result in results:
        for finding in result.findings:
            descriptors.setdefault(finding.code, _finding_descriptor(finding))
    codes = sorted(descriptors)
    index = {code: i for i, code in enumerate(codes)}
    sarif_results = [_result(r, f, index[f.code], suggestions) for r in results for f in r.findings]
    notifications = [
        {
            "level": "error",
            "message": {"text": r.error},
            "locations": [
                {"physicalLocation": {"artifactLocation": {"uri": artifact_uri(r.path)}}}
            ],
        }
        for r in results
        if r.error is not None
    ]
    invocation: dict[str, Any] = {"executionSuccessful": not notifications}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    driver = {
        "name": "drafter",
        "version": __version__,
        "semanticVersion": __version__,
        "rules": [descriptors[c] for c in codes],
    }
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                "invocations": [invocation],
                "columnKind": "unicodeCodePoints",
                "results": sarif_results,
            }
        ],
    }


def render_sarif(
    results: list[FileResult],
    rules: Iterable[Rule] = (),
    suggestions: Mapping[str, str | None] | None = None,
) -> str:
    """Render the results as a SARIF 2.1.0 log."""
    return dumps_indented(sarif_data(results, rules, suggestions)) + "\n"


__all__ = ["artifact_uri", "render_sarif", "rule_descriptor", "sarif_data"]
