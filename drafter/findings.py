"""Findings: plain records that every output format is a pure function of."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from hashlib import sha256


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
    """Lower-case the text and collapse each run of whitespace to one space, trimmed.

    The same as ``re.sub(r"\\s+", " ", text.strip().lower())``: str.split and the regex agree on
    what is whitespace, and lower-casing neither makes nor removes any (see the tests in
    tests/test_findings_fingerprints.py).
    """
    return " ".join((text or "").lower().split())


def assign_fingerprints(findings: list[Finding], article_headings: dict[str, str]) -> None:
    """Give each finding a fingerprint that survives unrelated edits.

    The fingerprint hashes the rule code, the article's heading (not its number, which
    renumbering changes), the matched text, and the occurrence count of that same triple, so
    inserting an article elsewhere or editing another paragraph leaves it unchanged.
    """
    seen: dict[tuple[str, str, str], int] = {}
    # Thousands of findings share a few hundred articles and a few dozen matched texts:
    # each is normalised once.
    headings: dict[str, str] = {}
    texts: dict[str | None, str] = {}
    for finding in findings:
        loc = finding.location
        article = loc.article
        heading = ""
        if article:
            heading = headings.get(article)
            if heading is None:
                heading = headings[article] = _normalise(article_headings.get(article, ""))
        text = texts.get(loc.text)
        if text is None:
            text = texts[loc.text] = _normalise(loc.text)
        key = (finding.code, heading, text)
        count = seen[key] = seen.get(key, 0) + 1
        raw = f"{finding.code}\x1f{heading}\x1f{text}\x1f{count}"
        finding.fingerprint = sha256(raw.encode("utf-8")).hexdigest()[:16]
