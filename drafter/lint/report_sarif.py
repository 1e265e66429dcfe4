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
from .json_text import INDENT, Unusual, dumps_indented, scalar_text

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


def _location(result: FileResult, uri: str, finding: Finding) -> dict[str, Any]:
    """Return the SARIF location of a finding: the file (and region) plus the article."""
    loc = finding.location
    physical: dict[str, Any] = {"artifactLocation": {"uri": uri}}
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


def _message(finding: Finding) -> str:
    """Return a result's message: the finding's, after the matched text when there is one."""
    text = finding.message
    if finding.location.text:
        text = f"'{' '.join(finding.location.text.split())}': {text}"
    return text


def _result(
    result: FileResult,
    uri: str,
    finding: Finding,
    index: int,
    suggestions: Mapping[str, str | None],
) -> dict[str, Any]:
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
        "message": {"text": _message(finding)},
        "locations": [_location(result, uri, finding)],
        "partialFingerprints": {FINGERPRINT_KEY: finding.fingerprint},
        "properties": properties,
    }


def _run_parts(
    results: list[FileResult], rules: Iterable[Rule]
) -> tuple[dict[str, Any], dict[str, Any], dict[str, int]]:
    """Return the run's tool driver, its invocation, and each rule's index in the driver."""
    descriptors = {r.code: rule_descriptor(r) for r in rules}
    for result in results:
        for finding in result.findings:
            descriptors.setdefault(finding.code, _finding_descriptor(finding))
    codes = sorted(descriptors)
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
    return driver, invocation, {code: i for i, code in enumerate(codes)}


def sarif_data(
    results: list[FileResult],
    rules: Iterable[Rule] = (),
    suggestions: Mapping[str, str | None] | None = None,
) -> dict[str, Any]:
    """Return the SARIF log as a JSON-ready dict."""
    suggestions = suggestions or {}
    driver, invocation, index = _run_parts(results, rules)
    sarif_results = []
    for r in results:
        uri = artifact_uri(r.path)  # once per file: building it is most of a result's cost
        sarif_results += [_result(r, uri, f, index[f.code], suggestions) for f in r.findings]
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


# Where the results sit in the log: log > runs > run > results > result.
RESULT_LEVEL = 4


class ResultWriter:
    """Writes results as ``dumps_indented(_result(...), level)`` would, several times faster.

    A long code has thousands of results of a few dozen rules: what depends only on the rule
    or the file (its id, index and level, the authorities, the suggested clause and its long
    text, the file's location) is encoded once and reused. A value of a type the template
    does not know raises Unusual (the caller then encodes the whole log the general way).
    """

    def __init__(self, suggestions: Mapping[str, str | None], level: int) -> None:
        self.suggestions = suggestions
        self.level = level
        self.pads = ["\n" + " " * (INDENT * n) for n in range(level + 6)]
        self.heads: dict[tuple[str, int, str], str] = {}
        self.tails: dict[tuple[tuple[str, ...], str | None], tuple[str, str]] = {}
        self.physical: dict[str, str] = {}

    def _head(self, finding: Finding, index: int) -> str:
        """Return the text from the opening brace to the message's text."""
        level = LEVELS[finding.severity.value]
        key = (finding.code, index, level)
        head = self.heads.get(key)
        if head is None:
            pad, inner = self.pads[self.level + 1], self.pads[self.level + 2]
            head = self.heads[key] = (
                f'{{{pad}"ruleId": {scalar_text(finding.code)},'
                f'{pad}"ruleIndex": {scalar_text(index)},'
                f'{pad}"level": {scalar_text(level)},'
                f'{pad}"message": {{{inner}"text": '
            )
        return head

    def _location(self, result: FileResult, uri: str, finding: Finding) -> str:
        """Return the text of the finding's one location (the general way in a text file)."""
        level = self.level + 2
        if result.regions.get(finding.fingerprint) is not None:
            return dumps_indented(_location(result, uri, finding), level)
        physical = self.physical.get(uri)
        if physical is None:
            data = {"artifactLocation": {"uri": uri}}
            physical = self.physical[uri] = dumps_indented(data, level + 1)
        pads = self.pads
        text = f'{{{pads[level + 1]}"physicalLocation": {physical}'
        article = finding.location.article
        if article is not None:
            name = scalar_text(result.caption(article))
            place = scalar_text(result.place(finding))
            text += (
                f',{pads[level + 1]}"logicalLocations": [{pads[level + 2]}{{'
                f'{pads[level + 3]}"name": {name},'
                f'{pads[level + 3]}"fullyQualifiedName": {place}'
                f"{pads[level + 2]}}}{pads[level + 1]}]"
            )
        return text + pads[level] + "}"

    def _tail(self, finding: Finding) -> tuple[str, str]:
        """Return the properties' text before and after the paragraph's place in them."""
        key = (tuple(finding.authorities), finding.suggestion)
        tail = self.tails.get(key)
        if tail is None:
            level, pads = self.level + 2, self.pads
            before = (
                f'{pads[level - 1]}"properties": {{'
                f'{pads[level]}"authorities": {dumps_indented(list(finding.authorities), level)}'
            )
            after = ""
            if finding.suggestion:
                clause = finding.suggestion
                data = {"clause": clause, "text": self.suggestions.get(clause)}
                after = f',{pads[level]}"suggestion": {dumps_indented(data, level)}'
            after += f"{pads[level - 1]}}}{pads[level - 2]}}}"
            tail = self.tails[key] = (before, after)
        return tail

    def write(
        self, result: FileResult, uri: str, finding: Finding, index: int, out: list[str]
    ) -> None:
        """Append the result's JSON text (its first line not indented) to ``out``."""
        pads, level = self.pads, self.level
        before, after = self._tail(finding)
        paragraph = finding.location.paragraph
        out.append(self._head(finding, index))
        out.append(
            f"{scalar_text(_message(finding))}{pads[level + 1]}}},"
            f'{pads[level + 1]}"locations": [{pads[level + 2]}'
            f"{self._location(result, uri, finding)}{pads[level + 1]}],"
            f'{pads[level + 1]}"partialFingerprints": {{'
            f"{pads[level + 2]}{scalar_text(FINGERPRINT_KEY)}: {scalar_text(finding.fingerprint)}"
            f"{pads[level + 1]}}},{before}"
        )
        if paragraph is not None:
            out.append(f',{pads[level + 2]}"paragraph": {scalar_text(paragraph)}')
        out.append(after)  # long (a clause's text): appended, not copied


def _render_fast(
    results: list[FileResult], rules: Iterable[Rule], suggestions: Mapping[str, str | None]
) -> str:
    """Return ``dumps_indented(sarif_data(...))`` written from templates (see ResultWriter)."""
    driver, invocation, index = _run_parts(results, rules)
    writer = ResultWriter(suggestions, RESULT_LEVEL)
    item = writer.pads[RESULT_LEVEL]  # a result in the run's list
    head = (
        f'{{\n  "$schema": {scalar_text(SCHEMA_URI)},\n  "version": "2.1.0",'
        f'\n  "runs": [\n    {{\n      "tool": {dumps_indented({"driver": driver}, 3)},'
        f'\n      "invocations": {dumps_indented([invocation], 3)},'
        f'\n      "columnKind": "unicodeCodePoints",\n      "results": '
    )
    out = [head]
    separator = "[" + item
    for r in results:
        uri = artifact_uri(r.path)
        for finding in r.findings:
            out.append(separator)
            separator = "," + item
            writer.write(r, uri, finding, index[finding.code], out)
    out.append("[]" if separator.startswith("[") else item[:-INDENT] + "]")
    out.append("\n    }\n  ]\n}\n")
    return "".join(out)


def render_sarif(
    results: list[FileResult],
    rules: Iterable[Rule] = (),
    suggestions: Mapping[str, str | None] | None = None,
) -> str:
    """Render the results as a SARIF 2.1.0 log."""
    suggestions = suggestions or {}
    try:
        return _render_fast(results, rules, suggestions)
    except Unusual:  # a value of a type the templates do not know: encode it the general way
        return dumps_indented(sarif_data(results, rules, suggestions)) + "\n"


__all__ = ["artifact_uri", "render_sarif", "rule_descriptor", "sarif_data"]
