"""Blocks of source text and the tests that tell headings, markers and sentences apart."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..regexes import regex_cache
from . import patterns as P

CLOSED = (".", ";", ":", "!", "?")  # the endings of a finished sentence or lead-in
STARTS_UPPER = regex_cache.compile(r"^[\"'“‘«(\[]?\s*[A-ZÀ-ÖØ-Þ0-9]")
INITIAL = regex_cache.compile(r"^[A-Z]\.")  # "A. Scope": a lettered heading, not a marker
LEADING_SEPARATOR = regex_cache.compile(r"^\s*[-–—:.]")
HEADING_STYLE = regex_cache.compile(
    r"^(heading|titre|title|subtitle|article|section|chapter|part)", re.IGNORECASE
)


@dataclass
class Block:
    """One unit of source text: a line of a text file or a paragraph of a Word document.

    ``style`` is the Word paragraph style name (a hint only); ``source_index`` is the index of
    the Word paragraph among all ``w:p`` of the body (for text, the 0-based line number);
    ``note`` marks footnote/endnote text, which is attached at the end of the citing article;
    ``list_parent`` is, for a Word list paragraph nested under a numbered paragraph of another
    list (items "1." inside a subsection "(1)"), that paragraph's ``source_index``.
    """

    text: str
    style: str | None = None
    source_index: int | None = None
    note: bool = False
    list_parent: int | None = None


def normalise(text: str) -> str:
    """Collapse white space (tabs after numbers, non-breaking spaces) into single spaces."""
    # str.split() splits on exactly the characters regex \s matches (str.isspace, which
    # includes U+00A0), five times faster than re.sub(r"\s+", ...); the zero-width space
    # is not white space and is dropped.
    if "\u200b" in text:
        text = text.replace("\u200b", "")
    return " ".join(text.split())


def has_heading_style(block: Block) -> bool:
    """Return True if the Word style says the block is a heading."""
    return bool(block.style and HEADING_STYLE.match(block.style))


def heading_like(text: str, allow_period: bool = True) -> bool:
    """Return True for a short line that reads as a heading rather than a sentence."""
    if len(text) > 150:
        return False  # before splitting: most paragraphs are long
    words = text.split()
    if not words or len(words) > 15:
        return False
    if marker_of(text) is not None and not INITIAL.match(text):
        return False
    if P.SENTENCE_END.search(text):
        # "Definitions." is a heading; "This Act applies to all." is a short sentence.
        return (
            allow_period
            and text.rstrip().endswith(".")
            and len(words) <= 8
            and not P.FINITE_VERB.search(text)
        )
    return True


# The first character of every marker in P.MARKERS: a text starting otherwise ("A person",
# "Article 3") has none, which one match rules out instead of fourteen.
MARKER_START = regex_cache.compile(r"[(§\dIVXa-z\-–—•·*▪◦‣]")


# "(2.1)": a subsection inserted between (2) and (3) by an amendment (Canadian codes).
INSERTED_PARA = regex_cache.compile(r"^\((\d+\.\d+)\)\s*")


def marker_of(text: str) -> tuple[re.Match[str], str] | None:
    """Return the paragraph marker at the start of text and its kind, if any."""
    if MARKER_START.match(text) is None:
        return None
    for pattern, kind in P.MARKERS:
        m = pattern.match(text)
        if m:
            return m, kind
    m = INSERTED_PARA.match(text)
    return (m, "para") if m else None


def split_rest(rest: str) -> tuple[str | None, str | None] | None:
    """Split what follows a heading number into (heading, first paragraph); None if prose."""
    if not rest.strip():
        return None, None
    if rest[0] == "(":
        return None  # "Article 5(2) shall..." is a reference in a sentence
    had_sep = LEADING_SEPARATOR.match(rest) is not None
    body = P.SEPARATOR.sub("", rest, count=1).strip()
    if not body:
        return None, None
    if not had_sep and not STARTS_UPPER.match(body):
        return None  # "Article 3 of the Penal Code is repealed."
    found = marker_of(body)
    if found and found[1] != "bullet":
        return None, body
    if split := inline_heading(body):
        return split
    if heading_like(body):
        return body.rstrip(".").strip() or None, None
    # "Article 3 – Incitement. A person who ..." (a bold caption run into the text)
    m = HEADING_SENTENCE.match(body) if had_sep else None
    if m and caption_like(m.group("h")):
        return m.group("h"), m.group("b")
    return None, body


# "Short Title. – This Act ...", "Promoting enmity between groups, etc.—(1) Whoever ..."
INLINE_HEADING = regex_cache.compile(
    r"^(?P<h>[^:–—]{2,300}?)\s*[.:]\s*(?P<dash>[-–—]+)\s*(?P<b>\S.*)$"
)
HEADING_SENTENCE = regex_cache.compile(r"^(?P<h>[^.:;,]{2,60}?)\.\s+(?P<b>[A-ZÀ-ÖØ-Þ(«\"“].{20,})$")


def caption_like(text: str) -> bool:
    """Return True for a few words without a verb: "Incitement", "Penalties for leaders"."""
    return (
        heading_like(text, allow_period=False)
        and len(text.split()) <= 6
        and not P.FINITE_VERB.search(text)
    )


def inline_heading(text: str) -> tuple[str, str] | None:
    """Split "Short Title. – This Act may be cited..." into its heading and its text."""
    m = INLINE_HEADING.match(text)
    if not m or not STARTS_UPPER.match(m.group("h")):
        return None
    heading = m.group("h").strip()
    # The old ".—" convention marks even a long heading unambiguously.
    long_ok = m.group("dash") == "—" and len(heading.split()) <= 40
    if heading_like(heading, allow_period=False) or long_ok:
        return heading, m.group("b")
    return None
