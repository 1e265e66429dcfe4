"""Reports of ``drafter compare``: text grouped by article, and JSON (a stable, documented shape).

Both are pure functions of a Comparison. The JSON shape (version 1) is::

    {
      "version": 1,
      "aligned": false,
      "files": {"a": {"path", "language", "articles"}, "b": {...}},
      "articles": [{"a": "5" | null, "b": "5" | null}, ...],   # the pairing, by number
      "summary": {"mismatches": 2, "by_code": {"CMP005": 1, ...}, "compared": {...}},
      "mismatches": [
        {"code": "CMP005", "name": "penalty", "message": "...",
         "a": PLACE, "b": PLACE}, ...
      ]
    }

where PLACE is {"file", "article" (caption, or null for the whole statute), "number",
"heading", "paragraph" (1-based index into the article's paragraphs and items, or null),
"cite" (as a lawyer cites it, or where the missing thing would be), "quote", "missing"}.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict

from .compare import CODES, Comparison, Mismatch
from .compare_facts import StatuteFacts, is_figure_penalty

FORMAT_VERSION = 1


def _compared(side: StatuteFacts) -> dict[str, int]:
    """Count what a side has that the comparison looked at."""
    paras = [p for a in side.articles for p in a.paragraphs]
    return {
        "articles": len(side.articles),
        "paragraphs": len(paras),
        "figures": sum(len(p.figures) for p in paras),
        "cross_references": sum(len(p.refs) for p in paras),
        "penalties": sum(1 for p in paras for s in p.penalties if is_figure_penalty(s)),
        "definitions": sum(len(p.definitions) for p in paras),
    }


def summary(comparison: Comparison) -> dict[str, object]:
    """Return the counts every report shows: mismatches by code and what was compared."""
    by_code = Counter(m.code for m in comparison.mismatches)
    return {
        "mismatches": len(comparison.mismatches),
        "by_code": {code: by_code[code] for code in sorted(by_code)},
        "compared": {"a": _compared(comparison.a), "b": _compared(comparison.b)},
    }


def render_json(comparison: Comparison) -> str:
    """Render the comparison as JSON (the shape in this module's docstring)."""
    a, b = comparison.a, comparison.b

    def number(side: StatuteFacts, index: int | None) -> str | None:
        return None if index is None else side.articles[index].article.number

    data = {
        "version": FORMAT_VERSION,
        "aligned": comparison.aligned,
        "files": {
            "a": {"path": a.file, "language": a.language, "articles": len(a.articles)},
            "b": {"path": b.file, "language": b.language, "articles": len(b.articles)},
        },
        "articles": [{"a": number(a, i), "b": number(b, j)} for i, j in comparison.pairs],
        "summary": summary(comparison),
        "mismatches": [
            {
                "code": m.code,
                "name": m.name,
                "message": m.message,
                "a": asdict(m.a),
                "b": asdict(m.b),
            }
            for m in comparison.mismatches
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _group_title(comparison: Comparison, group: int) -> str:
    """Return the heading of a group of mismatches: the pair of articles it is about."""
    if group >= len(comparison.pairs):
        return "End of the statute"
    i, j = comparison.pairs[group]
    left = comparison.a.articles[i].article if i is not None else None
    right = comparison.b.articles[j].article if j is not None else None
    shown = left or right
    heading = f" – {shown.heading}" if shown and shown.heading else ""
    return f"{left.caption if left else '(none)'} | {right.caption if right else '(none)'}{heading}"


def _n(count: int, word: str, plural: str | None = None) -> str:
    return f"{count} {word if count == 1 else plural or word + 's'}"


def _place_line(place, width: int) -> str:
    text = f"    {place.file:<{width}}  {place.cite}"
    if place.quote:
        text += f': "{place.quote}"'
    return text


def render_text(comparison: Comparison) -> str:
    """Render the comparison as text, grouped by pair of articles."""
    a, b = comparison.a, comparison.b
    lines = [
        f"Comparing {a.file} ({a.language}, {len(a.articles)} articles) with "
        + f"{b.file} ({b.language}, {len(b.articles)} articles)"
    ]
    width = max(len(a.file), len(b.file))
    groups: dict[int, list[Mismatch]] = {}
    for mismatch in comparison.mismatches:
        groups.setdefault(mismatch.group, []).append(mismatch)
    for group in sorted(groups):
        lines += ["", _group_title(comparison, group)]
        for m in groups[group]:
            lines.append(f"  {m.code} {m.name}: {m.message}")
            lines.append(_place_line(m.a, width))
            lines.append(_place_line(m.b, width))
    info = summary(comparison)
    lines.append("")
    if comparison.aligned:
        counts = info["compared"]["a"]  # type: ignore[index]
        lines.append(
            f"Aligned: {_n(counts['articles'], 'article')}, "
            f"{_n(counts['paragraphs'], 'paragraph')} and items, "
            f"{_n(counts['figures'], 'figure')}, {_n(counts['cross_references'], 'cross-reference')}, "
            f"{_n(counts['penalties'], 'penalty', 'penalties')} and "
            f"{_n(counts['definitions'], 'definition')} line up."
        )
    else:
        by_code = ", ".join(f"{c} {n}" for c, n in info["by_code"].items())  # type: ignore[union-attr]
        count = len(comparison.mismatches)
        lines.append(
            f"{count} mismatch{'es' if count != 1 else ''} ({by_code}): the versions do not line up."
        )
    return "\n".join(lines) + "\n"


__all__ = ["CODES", "render_json", "render_text", "summary"]
