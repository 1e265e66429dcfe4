"""The GitHub Actions report: one workflow command per finding, shown as an annotation.

``::error file=law.md,line=12,title=DR203 negligence-or-recklessness::Article 3(2): message``.
Workflow commands are parsed by the runner, so values are escaped as it expects: in the
message ``%``, CR and LF; in properties also ``:`` and ``,`` (which would end a property).
"""

from __future__ import annotations

from ..findings import Finding
from .api import FileResult

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """Escape a workflow command's message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a workflow command's property value (file, title)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _command(
    result: FileResult, file_property: str, finding: Finding, titles: dict[tuple[str, str], str]
) -> str:
    """Return a finding's workflow command; the file's property and the titles come escaped."""
    properties = [file_property]
    region = result.regions.get(finding.fingerprint)
    if region is not None:
        properties.append(f"line={region.line}")
        if region.column is not None and region.char_length is not None:
            properties.append(f"col={region.column}")
    key = (finding.code, finding.name)
    title = titles.get(key)
    if title is None:
        title = titles[key] = f"title={escape_property(f'{finding.code} {finding.name}')}"
    properties.append(title)
    message = f"{result.place(finding)}: "
    if finding.location.text:
        message += f"'{' '.join(finding.location.text.split())}': "
    message += finding.message
    if finding.authorities:
        message += f" [{', '.join(finding.authorities)}]"
    if finding.suggestion:
        message += f" Fix: library clause {finding.suggestion}."
    command = COMMANDS[finding.severity.value]
    return f"::{command} {','.join(properties)}::{escape_data(message)}"


def render_github(results: list[FileResult]) -> str:
    """Render the results as workflow commands, one line per finding or unreadable file."""
    lines: list[str] = []
    titles: dict[tuple[str, str], str] = {}  # escaped once per rule, not once per finding
    for result in results:
        file_property = f"file={escape_property(result.path)}"
        if result.error is not None:
            lines.append(f"::error {file_property},title=drafter::{escape_data(result.error)}")
        lines.extend(_command(result, file_property, f, titles) for f in result.findings)
    return "".join(line + "\n" for line in lines)


__all__ = ["escape_data", "escape_property", "render_github"]
