"""Annotate a reviewed .docx: a Word comment on each flagged span (``drafter lint --annotate``).

Part of the Word writer (drafter/docx_write.py), split out because placing a comment means
splitting runs at character offsets, which the statute and memo writers never do.
"""

from __future__ import annotations

import copy
import datetime as dt
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from .docx_write import TEXT_TAGS, _open_docx, _save, clean_text
from .output import source_date

HIDDEN_ANCESTORS = {qn("w:del"), qn("w:moveFrom")}  # deleted text: not what the document says


@dataclass
class Comment:
    """A Word comment to attach to a span of one paragraph of a document.

    ``source_index`` counts every ``w:p`` of the main body in document order (tables and text
    boxes included), as drafter's reader numbers them; None attaches to the first paragraph.
    ``start``/``end`` are offsets into the paragraph's visible text (tracked insertions in,
    deletions out, tab "\\t", line break "\\n"); None means the whole paragraph. ``quote``, if
    given, is the text expected there: when the offsets do not point at it (e.g. they were
    computed without the paragraph's printed number), the nearest occurrence is used instead.
    """

    source_index: int | None
    start: int | None
    end: int | None
    text: str
    author: str = "drafter"
    quote: str | None = None


SPLITTABLE = {qn("w:rPr"), qn("w:t"), *TEXT_TAGS}


def _run_piece(child) -> str:
    """Return the text one child of a run contributes: w:t text, a tab, a break or nothing."""
    return (child.text or "") if child.tag == qn("w:t") else TEXT_TAGS.get(child.tag) or ""


def _visible_runs(p) -> Iterator[tuple[object, str]]:
    """Yield (w:r, text) for the runs of a paragraph as the document reads, in order."""
    for r in p.iter(qn("w:r")):
        ancestor, hidden = r.getparent(), False
        while ancestor is not None and ancestor is not p:
            if ancestor.tag in HIDDEN_ANCESTORS or ancestor.tag == qn("w:p"):
                hidden = True  # deleted, or inside a text box's own paragraph
                break
            ancestor = ancestor.getparent()
        vanish = r.find(f"{qn('w:rPr')}/{qn('w:vanish')}")
        if vanish is not None and vanish.get(qn("w:val")) not in ("0", "false", "off"):
            hidden = True  # hidden text: Word does not show it, drafter's reader skips it
        if not hidden:
            yield r, "".join(_run_piece(child) for child in r)


def _split_run(r, offset: int):
    """Split a simple run at a text offset; return the new second run (None if not simple)."""
    if any(child.tag not in SPLITTABLE for child in r):
        return None  # fields, drawings, footnote marks: keep the run whole
    atoms: list[object] = []  # one entry per character: a str, or a tab/break element
    for child in r:
        if child.tag == qn("w:t"):
            atoms.extend(child.text or "")
        elif child.tag != qn("w:rPr"):
            atoms.append(child)
    second = copy.deepcopy(r)
    for part, pieces in ((r, atoms[:offset]), (second, atoms[offset:])):
        for child in list(part):
            if child.tag != qn("w:rPr"):
                part.remove(child)
        text = ""
        for atom in [*pieces, None]:
            if isinstance(atom, str):
                text += atom
                continue
            if text:
                t = OxmlElement("w:t")
                t.text = text
                t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                part.append(t)
                text = ""
            if atom is not None:
                part.append(copy.deepcopy(atom))
    r.addnext(second)
    return second


def _locate(text: str, comment: Comment) -> tuple[int, int] | None:
    """Return the [start, end) span to anchor, or None for the whole paragraph."""
    start, end = comment.start, comment.end
    if start is not None and end is not None:
        start, end = max(0, start), min(len(text), end)
    if comment.quote and (start is None or text[start:end] != comment.quote):
        hits = [m.start() for m in re.finditer(re.escape(comment.quote), text)]
        if not hits:
            return None
        best = min(hits, key=lambda h: abs(h - (start or 0)))
        start, end = best, best + len(comment.quote)
    if start is None or end is None or start >= end:
        return None
    return start, end


def _top_level(p, el):
    """Return the child of paragraph ``p`` that contains ``el`` (a run in w:ins, a hyperlink)."""
    while el.getparent() is not p:
        el = el.getparent()
    return el


def _anchor(p, span: tuple[int, int] | None):
    """Return (first, last) children of ``p`` covering the span, splitting runs where simple."""
    runs = list(_visible_runs(p))
    if span is not None:
        start, end = span
        pos, chosen = 0, []
        for r, text in runs:
            r_start, r_end = pos, pos + len(text)
            pos = r_end
            if r_end <= start or r_start >= end or not text:
                continue
            if r.getparent() is p and r_start < start:  # split only runs not inside a change
                second = _split_run(r, start - r_start)
                if second is not None:
                    r, r_start, text = second, start, text[start - r_start :]
            if r.getparent() is p and r_start + len(text) > end:
                _split_run(r, end - r_start)
            chosen.append(r)
        if chosen:
            return _top_level(p, chosen[0]), _top_level(p, chosen[-1])
    content = [r for r, _ in runs]
    if content:
        return _top_level(p, content[0]), _top_level(p, content[-1])
    return None, None


def _initials(author: str) -> str:
    return "".join(word[0] for word in author.split() if word).upper()[:4] or "D"


def annotate_docx(src: Path, comments: list[Comment]) -> bytes:
    """Return a copy of a .docx with a Word comment on each flagged span."""
    document = _open_docx(src, "document to annotate")
    body = document.element.body
    paragraphs = list(body.iter(qn("w:p")))
    if not paragraphs:
        paragraphs = [document.add_paragraph()._p]
    raw_date = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    when = source_date() if raw_date.isdigit() else dt.datetime.now(dt.UTC)
    for note in comments:
        index = note.source_index
        found = index is not None and 0 <= index < len(paragraphs)
        p = paragraphs[index] if found else paragraphs[0]
        text = "".join(t for _, t in _visible_runs(p))
        first, last = _anchor(p, _locate(text, note))
        comment = document.comments.add_comment(
            text=clean_text(note.text),
            author=clean_text(note.author),
            initials=_initials(clean_text(note.author)),
        )
        element = getattr(comment, "_comment_elm", None)
        if element is not None:
            element.date = when.replace(microsecond=0)
        cid = str(comment.comment_id)
        start = OxmlElement("w:commentRangeStart", attrs={qn("w:id"): cid})
        end = OxmlElement("w:commentRangeEnd", attrs={qn("w:id"): cid})
        reference = OxmlElement("w:r")
        reference.append(OxmlElement("w:commentReference", attrs={qn("w:id"): cid}))
        if first is None:  # an empty paragraph: a point comment at its end
            p.append(start)
            p.append(end)
            p.append(reference)
        else:
            first.addprevious(start)
            last.addnext(end)
            end.addnext(reference)
    return _save(document)
