"""The human-readable report: findings grouped by file, then by article, then a summary line.

A pure function of the results: colour is a parameter (the command decides it from the
terminal and NO_COLOR), so the same findings always render the same text.
"""

from __future__ import annotations

from functools import lru_cache

import click

from ..findings import Finding
from .api import FileResult, summarise

COLOURS = {"error": "red", "warning": "yellow", "info": "blue"}
QUOTE_LIMIT = 60  # longer flagged text is shortened: the reader needs to find it, not reread it


def _plural(count: int, word: str) -> str:
    if word == "info":
        return f"{count} info"
    return f"{count} {word}{'' if count == 1 else 's'}"


def summary_line(results: list[FileResult]) -> str:
    """Return "3 errors, 2 warnings, 1 info in 2 files" (plus unreadable files, if any)."""
    counts = summarise(results)
    line = (
        f"{_plural(counts['errors'], 'error')}, {_plural(counts['warnings'], 'warning')}, "
        f"{_plural(counts['info'], 'info')} in {_plural(counts['files'], 'file')}"
    )
    failed = sum(1 for r in results if r.error is not None)
    if failed:
        line += f"; {_plural(failed, 'file')} could not be read"
    return line


@lru_cache(maxsize=4096)  # findings of a long code quote the same few texts again and again
def _quote(text: str | None) -> str:
    if not text:
        return ""
    text = " ".join(text.split())
    if len(text) > QUOTE_LIMIT:
        text = text[: QUOTE_LIMIT - 1].rstrip() + "…"
    return f"'{text}': "


def finding_line(result: FileResult, finding: Finding, color: bool = False) -> str:
    """Return one finding as a line: code, severity, paragraph, quote, message, authorities, fix."""
    loc = finding.location
    severity = finding.severity.value
    where = ""
    if loc.article is not None and loc.paragraph is not None:
        where = result.markers.get((loc.article, loc.paragraph)) or f"¶{loc.paragraph}"
        where += " "
    code = click.style(finding.code, bold=True) if color else finding.code
    level = f"{severity:<8}"
    if color:
        level = click.style(level, fg=COLOURS.get(severity), bold=severity == "error")
    line = f"{code} {level}{where}{_quote(loc.text)}{finding.message}"
    if finding.authorities:
        line += f" [{', '.join(finding.authorities)}]"
    if finding.suggestion:
        line += f" -> fix: {finding.suggestion}"
    return line


def _groups(result: FileResult) -> list[tuple[str | None, list[Finding]]]:
    """Group a file's findings by article in order of appearance; whole-statute ones last."""
    order: list[str | None] = []
    groups: dict[str | None, list[Finding]] = {}
    for finding in result.findings:
        article = finding.location.article
        if article not in groups:
            groups[article] = []
            order.append(article)
        groups[article].append(finding)
    order.sort(key=lambda a: a is None)  # stable: keeps document order among articles
    return [(a, groups[a]) for a in order]


def render_text(results: list[FileResult], color: bool = False) -> str:
    """Render the results as the terminal report (ends with the summary line and a newline)."""
    lines: list[str] = []
    for result in results:
        if result.error is not None or not result.findings:
            continue
        lines.append(click.style(result.path, bold=True, underline=True) if color else result.path)
        for article, findings in _groups(result):
            lines.append(f"  {result.caption(article)}")
            lines.extend(f"    {finding_line(result, f, color)}" for f in findings)
        lines.append("")
    summary = summary_line(results)
    if color:
        counts = summarise(results)
        summary = click.style(summary, bold=True, fg="red" if counts["errors"] else None)
    lines.append(summary)
    return "\n".join(lines) + "\n"


__all__ = ["finding_line", "render_text", "summary_line"]
