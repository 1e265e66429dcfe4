"""Dump a .docx body as (style name, text) rows: the golden files' normalised form."""

from __future__ import annotations

import io

import docx
from docx.table import Table


def docx_outline(data: bytes) -> list[tuple[str, str]]:
    """Return a .docx body as (style name, text) per paragraph; table rows as ("[table]", ...)."""
    document = docx.Document(io.BytesIO(data))  # tests may read with python-docx
    rows: list[tuple[str, str]] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                rows.append(("[table]", " | ".join(c.text for c in row.cells)))
        else:
            rows.append((block.style.name if block.style is not None else "", block.text))
    return rows
