"""The JSON report: a stable, versioned structure for other programs.

Shape (version 1; add keys only with a new version)::

    {"version": 1,
     "files": [{"path": ..., "error": null | message,
                "findings": [{"code", "name", "severity", "message",
                              "location": {"article", "paragraph", "start", "end", "text"},
                              "authorities": [{"id", "title"}],
                              "suggestion": {"clause", "text"} | null,
                              "fingerprint"}]}],
     "summary": {"files", "errors", "warnings", "info", "by_code": {code: count}}}
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..findings import Finding
from ..standards import AUTHORITIES
from .api import FileResult, summarise
from .json_text import INDENT, Unusual, dumps_indented, scalar_text

VERSION = 1


def authority_entries(ids: list[str]) -> list[dict[str, str]]:
    """Return [{"id", "title"}] for authority ids (an unknown id keeps its id as title)."""
    return [{"id": a, "title": AUTHORITIES.get(a, a)} for a in ids]


def finding_data(finding: Finding, suggestions: Mapping[str, str | None]) -> dict[str, Any]:
    """Return one finding as the JSON report writes it."""
    loc = finding.location
    suggestion = None
    if finding.suggestion:
        suggestion = {"clause": finding.suggestion, "text": suggestions.get(finding.suggestion)}
    return {
        "code": finding.code,
        "name": finding.name,
        "severity": finding.severity.value,
        "message": finding.message,
        "location": {
            "article": loc.article,
            "paragraph": loc.paragraph,
            "start": loc.start,
            "end": loc.end,
            "text": loc.text,
        },
        "authorities": authority_entries(finding.authorities),
        "suggestion": suggestion,
        "fingerprint": finding.fingerprint,
    }


def report_data(
    results: list[FileResult], suggestions: Mapping[str, str | None] | None = None
) -> dict[str, Any]:
    """Return the whole report as a JSON-ready dict."""
    suggestions = suggestions or {}
    return {
        "version": VERSION,
        "files": [
            {
                "path": r.path,
                "error": r.error,
                "findings": [finding_data(f, suggestions) for f in r.findings],
            }
            for r in results
        ],
        "summary": summarise(results),
    }


# Where the findings sit in the report: report > files > file > findings > finding.
FINDING_LEVEL = 4


class FindingWriter:
    """Writes findings as ``dumps_indented(finding_data(...), level)`` would, several times faster.

    A report of a long code has thousands of findings of a few dozen rules: the lines that
    depend only on the rule (code, name, severity, message, authorities, suggested clause with
    its long text) are encoded once per rule and reused, and only the location and the
    fingerprint are encoded per finding. A value of a type the template does not know raises
    Unusual (the caller then encodes the whole report the general way).
    """

    def __init__(self, suggestions: Mapping[str, str | None], level: int) -> None:
        self.suggestions = suggestions
        self.level = level
        self.item = "\n" + " " * (INDENT * (level + 1))  # a key of the finding
        self.inner = "\n" + " " * (INDENT * (level + 2))  # a key of the location
        self.close = "\n" + " " * (INDENT * level) + "}"
        self.heads: dict[tuple, str] = {}
        self.middles: dict[tuple, str] = {}

    def _head(self, finding: Finding) -> str:
        """Return the text from the opening brace to the location's first key."""
        key = (finding.code, finding.name, finding.severity, finding.message)
        head = self.heads.get(key)
        if head is None:
            item = self.item
            head = self.heads[key] = (
                f'{{{item}"code": {scalar_text(finding.code)},'
                f'{item}"name": {scalar_text(finding.name)},'
                f'{item}"severity": {scalar_text(finding.severity.value)},'
                f'{item}"message": {scalar_text(finding.message)},'
                f'{item}"location": {{{self.inner}"article": '
            )
        return head

    def _middle(self, finding: Finding) -> str:
        """Return the text from the location's closing brace to the fingerprint's value."""
        key = (tuple(finding.authorities), finding.suggestion)
        middle = self.middles.get(key)
        if middle is None:
            suggestion = None
            if finding.suggestion:
                clause = finding.suggestion
                suggestion = {"clause": clause, "text": self.suggestions.get(clause)}
            level, item = self.level + 1, self.item
            authorities = authority_entries(finding.authorities)
            middle = self.middles[key] = (
                f"{item}}},"
                f'{item}"authorities": {dumps_indented(authorities, level)},'
                f'{item}"suggestion": {dumps_indented(suggestion, level)},'
                f'{item}"fingerprint": '
            )
        return middle

    def write(self, finding: Finding, out: list[str]) -> None:
        """Append the finding's JSON text (its first line not indented) to ``out``."""
        loc = finding.location
        inner = self.inner
        out.append(self._head(finding))
        out.append(
            f"{scalar_text(loc.article)},"
            f'{inner}"paragraph": {scalar_text(loc.paragraph)},'
            f'{inner}"start": {scalar_text(loc.start)},'
            f'{inner}"end": {scalar_text(loc.end)},'
            f'{inner}"text": {scalar_text(loc.text)}'
        )
        out.append(self._middle(finding))  # long (a clause's text): appended, not copied
        out.append(scalar_text(finding.fingerprint) + self.close)


def _render_fast(results: list[FileResult], suggestions: Mapping[str, str | None]) -> str:
    """Return ``dumps_indented(report_data(...))`` written from templates (see FindingWriter)."""
    writer = FindingWriter(suggestions, FINDING_LEVEL)
    item = "\n" + " " * (INDENT * FINDING_LEVEL)  # a finding in its file's list
    out = [f'{{\n  "version": {VERSION},\n  "files": ']
    opening = "["
    for r in results:
        out.append(
            f'{opening}\n    {{\n      "path": {scalar_text(r.path)},'
            f'\n      "error": {scalar_text(r.error)},\n      "findings": '
        )
        opening = ","
        if not r.findings:
            out.append("[]")
        else:
            separator = "[" + item
            for finding in r.findings:
                out.append(separator)
                separator = "," + item
                writer.write(finding, out)
            out.append(item[:-INDENT] + "]")
        out.append("\n    }")
    out.append("\n  ]" if results else "[]")
    out.append(f',\n  "summary": {dumps_indented(summarise(results), 1)}\n}}\n')
    return "".join(out)


def render_json(
    results: list[FileResult], suggestions: Mapping[str, str | None] | None = None
) -> str:
    """Render the results as indented JSON (UTF-8 text kept readable, not escaped)."""
    suggestions = suggestions or {}
    try:
        return _render_fast(results, suggestions)
    except Unusual:  # a value of a type the templates do not know: encode it the general way
        return dumps_indented(report_data(results, suggestions)) + "\n"


__all__ = ["authority_entries", "finding_data", "render_json", "report_data"]
