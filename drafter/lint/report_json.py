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
from .json_text import dumps_indented

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


def render_json(
    results: list[FileResult], suggestions: Mapping[str, str | None] | None = None
) -> str:
    """Render the results as indented JSON (UTF-8 text kept readable, not escaped)."""
    return dumps_indented(report_data(results, suggestions)) + "\n"


__all__ = ["authority_entries", "finding_data", "render_json", "report_data"]
