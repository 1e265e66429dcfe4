"""Read statutes from Word, Markdown and plain text into the Statute model.

``read_text`` lays out plain text (used by the rule examples); ``read_document`` opens a file
and dispatches by extension to the Word reader (drafter.docx_read) or the text reader. Both
then lay out the blocks, classify the articles and extract definitions and references.
"""

from __future__ import annotations

from pathlib import Path

from ..model import Statute
from .blocks import Block
from .classify import classify_statute
from .extract import extract
from .language import resolve_language
from .layout import build_statute
from .text import text_blocks

__all__ = ["Block", "read_document", "read_text", "statute_from_blocks"]


def statute_from_blocks(
    blocks: list[Block], source: str | None = None, language: str = "auto"
) -> Statute:
    """Lay out blocks, detect the language, classify articles, find definitions and references."""
    language = resolve_language(language, "\n".join(b.text for b in blocks))
    statute = build_statute(blocks, language)
    statute.source = source
    classify_statute(statute)
    extract(statute)
    return statute


def read_text(text: str, source: str | None = None, language: str = "auto") -> Statute:
    """Read a statute laid out as plain text or Markdown."""
    return statute_from_blocks(text_blocks(text), source, language)


def read_document(path: Path, changes: str = "accepted", language: str = "auto") -> Statute:
    """Read a .docx, .docm, .md or .txt file into a Statute (InputError if unreadable)."""
    from .files import read_file_blocks

    blocks = read_file_blocks(Path(path), changes)
    return statute_from_blocks(blocks, str(path), language)
