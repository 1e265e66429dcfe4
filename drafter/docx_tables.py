"""Collecting a Word body's blocks, with the rows of data tables joined into one block each.

A schedule's row ("Incitement (Article 2) | Imprisonment for 5 years") is one provision, so the
cells of a data table (two or more columns of short cells) are read as one block, cells joined
by " | ". Tables used for page layout are read paragraph by paragraph like the rest of the body.
"""

from __future__ import annotations

from lxml import etree

from .docx_xml import W_P, W_TC, W_TR
from .reading.blocks import Block
from .reading.text import split_breaks

MAX_CELL_CHARS = 300  # longer cells are prose laid out in a table, not a schedule


def data_rows(tables: list[etree._Element], skipped: set[etree._Element]) -> set[etree._Element]:
    """Return the rows (w:tr) of data tables: two or more columns of short cells.

    A row of a schedule ("Incitement (Article 2) | Imprisonment for 5 years") is one provision
    and is read as one block; tables used for page layout are read paragraph by paragraph, and
    so are bilingual tables (one column of which, holding the ``skipped`` paragraphs, is not
    read: docx_bilingual).
    """
    rows: set[etree._Element] = set()
    for table in tables:
        table_rows = table.findall(W_TR)
        cells = [row.findall(W_TC) for row in table_rows]
        if not table_rows or any(len(c) < 2 for c in cells):
            continue
        if skipped and any(p in skipped for p in table.iter(W_P)):
            continue  # a bilingual table: its kept column is read paragraph by paragraph
        if all(len("".join(tc.itertext())) <= MAX_CELL_CHARS for row in cells for tc in row):
            rows.update(table_rows)
    return rows


class BlockList:
    """Collects blocks, joining the cells of a data-table row into one block."""

    def __init__(self, rows: set[etree._Element]) -> None:
        self.rows = rows
        self.blocks: list[Block] = []
        self.row: etree._Element | None = None
        self.cells: dict[etree._Element, list[str]] = {}
        self.row_start = 0
        self.row_notes: list[Block] = []

    def add(self, p: etree._Element | None, text: str, style: str | None, index: int,
            notes: list[Block]) -> None:  # fmt: skip
        """Add one paragraph's text (and the notes it cites)."""
        # Without data tables (the usual case) no paragraph can be in a row: skip the walk up.
        row = next(p.iterancestors(W_TR), None) if p is not None and self.rows else None
        if row is not None and row in self.rows:
            if row is not self.row:
                self.flush()
                self.row, self.row_start = row, index
            cell = next(p.iterancestors(W_TC))
            self.cells.setdefault(cell, []).append(text.replace("\n", " "))
            self.row_notes.extend(notes)
            return
        if self.row is not None:
            self.flush()
        if "\n" in text:
            self.blocks.extend(Block(piece, style, index) for piece in split_breaks(text))
        else:  # what split_breaks returns for one line, without its cost per paragraph
            self.blocks.append(Block(text, style, index))
        if notes:
            self.blocks.extend(notes)

    def add_nested(self, p: etree._Element, text: str, style: str | None, index: int,
                   notes: list[Block], list_parent: int) -> None:  # fmt: skip
        """Add a list paragraph that a Word list nests under another numbered paragraph.

        ``list_parent`` is that paragraph's source index (docx_numbering.ListNesting); it goes
        with the paragraph's first line (in a data-table row, the row is the provision).
        """
        start = len(self.blocks)
        self.add(p, text, style, index, notes)
        if self.row is None:  # not joined to a row (the row before, if any, came first)
            for block in self.blocks[start:]:
                if block.source_index == index:
                    block.list_parent = list_parent
                    break

    def flush(self) -> None:
        """Emit the row being collected, cells joined by " | "."""
        if self.row is not None:
            texts = [
                " ".join(t.strip() for t in parts if t.strip()) for parts in self.cells.values()
            ]
            self.blocks.append(Block(" | ".join(t for t in texts if t), None, self.row_start))
            self.blocks.extend(self.row_notes)
        self.row, self.cells, self.row_notes = None, {}, []

    def finish(self) -> list[Block]:
        """Return all blocks."""
        self.flush()
        return self.blocks
