"""Read statutes from Word, Markdown and plain text into the Statute model.

``read_text`` lays out plain text (used by the rule examples); ``read_document`` opens a file
and dispatches by extension to the Word reader (drafter.docx_read) or the text reader. Both
then lay out the blocks (layout.py), classify the articles (classify.py) and extract
definitions and references (extract.py).

Conventions a caller can rely on:

- ``Paragraph.source_index`` / ``Article.source_index``: for Word, the index of the paragraph
  among all ``w:p`` of the body (tables and text boxes included); for text, the 0-based line
  number where the block starts (wrapped lines are joined into one block).
- Numbers are kept as printed without brackets ("1", "a", "ii", "3bis", "premier", "One");
  ``designation`` is the printed word ("Article", "Art.", "Section", "§", "s.").
- Footnotes and endnotes become unnumbered paragraphs "[Footnote 3] ..." at the end of the
  article that cites them; a row of a data table (schedule) is one paragraph, its cells
  joined by " | " (Markdown table rows too).
- A document without any article heading becomes one article "1" (or, if Word heading styles
  mark provisions, one article per heading, numbered 1, 2, 3...).
- A table of contents printed before the body goes to ``statute.metadata["contents"]``;
  Canadian history notes ("R.S., 1985, c. C-46, s. 318; ...") to ``metadata["history"]`` and
  the signature under the last article ("Done at Kigali, on ...") to ``metadata["signature"]``.
- Text copied from a PDF (pages.py, text.py) loses its running heads, page numbers and printed
  line numbers; hard-wrapped lines are joined into sentences and words hyphenated at a line
  break are joined up; footnotes printed after the last article become footnote paragraphs.
- Defined terms are stored as printed (compare them case-insensitively).
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

    blocks = read_file_blocks(Path(path), changes, language)
    return statute_from_blocks(blocks, str(path), language)
