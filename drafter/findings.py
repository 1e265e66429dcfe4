"""Findings: plain records that every output format is a pure function of."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    """How serious a finding is; ordered so that ``--fail-on`` can compare."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        """Return 0 for info, 1 for warning, 2 for error."""
        return ["info", "warning", "error"].index(self.value)


@dataclass(frozen=True)
class Location:
    """Where a finding is: article as printed, 1-based paragraph index, offsets in that text.

    ``article`` is None only for a finding about the whole statute; ``paragraph`` is None for
    a finding about a whole article (e.g. a missing element). ``source_index`` is the index of
    the source block (Word paragraph) for annotation, when known.
    """

    file: str | None = None
    article: str | None = None
    paragraph: int | None = None
    start: int | None = None
    end: int | None = None
    text: str | None = None
    source_index: int | None = None


@dataclass
class Finding:
    """One problem found by one rule at one place."""

    code: str
    name: str
    severity: Severity
    message: str
    location: Location
    authorities: list[str] = field(default_factory=list)
    suggestion: str | None = None  # id of the library clause that fixes it
    fingerprint: str = ""

    def sort_key(self, article_order: dict[str, int] | None = None) -> tuple:
        """Order findings by file, then article (document order when known), then position."""
        loc = self.location
        order = article_order or {}
        article = -1 if loc.article is None else order.get(loc.article, len(order))
        return (
            loc.file or "",
            article,
            loc.source_index if loc.source_index is not None else -1,
            loc.paragraph or 0,
            loc.start or 0,
            self.code,
        )


def _normalise(text: str | None) -> str:
    return re.sub(r"\s+", " ", (text or "").strip().lower())


def assign_fingerprints(findings: list[Finding], article_headings: dict[str, str]) -> None:
    """Give each finding a fingerprint that survives unrelated edits.

    The fingerprint hashes the rule code, the article's heading (not its number, which
    renumbering changes), the matched text, and the occurrence count of that same triple, so
    inserting an article elsewhere or editing another paragraph leaves it unchanged.
    """
    seen: dict[tuple[str, str, str], int] = {}
    for finding in findings:
        loc = finding.location
        heading = _normalise(article_headings.get(loc.article or "", "")) if loc.article else ""
        key = (finding.code, heading, _normalise(loc.text))
        seen[key] = seen.get(key, 0) + 1
        raw = "\x1f".join([*key, str(seen[key])])
        finding.fingerprint = hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]
