"""Open an input file, check it is something we can read, and turn it into blocks.

Every problem a user can cause (a missing file, a folder, an empty or corrupt file, a legacy or
encrypted Word file, text that is not UTF-8) is an InputError naming the file on one line.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from .blocks import Block
from .text import decode, text_blocks

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # compound file: .doc, or an encrypted .docx
ZIP_MAGIC = b"PK"
WORD_EXTENSIONS = {".docx", ".dotx"}
# Macro-enabled Word files arrive by e-mail as a classic attack vector; they are refused rather
# than read, so that a reviewer saves a macro-free .docx copy knowingly.
MACRO_EXTENSIONS = {".docm", ".dotm"}
TEXT_EXTENSIONS = {".md", ".markdown", ".txt", ".text"}
UNSUPPORTED = {
    ".pdf": "PDF is not supported; export the law as .docx or .txt",
    ".odt": "OpenDocument text is not supported; save it as .docx",
    ".rtf": "RTF is not supported; save it as .docx",
}
MAX_TEXT_BYTES = 64 * 1024 * 1024  # no statute is this long; refuse rather than exhaust memory
# The longest paragraphs of real statutes (a definitions list run together, a schedule row) are
# a few thousand characters; the language models need ~1 GB per 100,000 and refuse 1,000,000.
MAX_PARAGRAPH_CHARS = 200_000


def ole_kind(path: Path) -> str:
    """Tell an encrypted Office file from a legacy .doc (both are OLE compound files)."""
    # Office encryption stores the real package in a compound file whose directory holds an
    # "EncryptionInfo" stream; directory names are UTF-16LE.
    with path.open("rb") as handle:
        data = handle.read(MAX_TEXT_BYTES)
    if "EncryptionInfo".encode("utf-16-le") in data:
        return "is encrypted (password-protected); save an unprotected copy as .docx"
    return "is a legacy Word .doc file; legacy Word .doc is not supported; save it as .docx"


def check_file(path: Path) -> bytes:
    """Return the first bytes of a readable, non-empty file, or raise InputError."""
    if not path.exists():
        raise InputError(f"{path}: file not found")
    if path.is_dir():
        raise InputError(f"{path}: is a directory, not a document")
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    if not head:
        raise InputError(f"{path}: is empty")
    return head


def read_file_blocks(path: Path, changes: str = "accepted", language: str = "auto") -> list[Block]:
    """Return the blocks of a .docx, .md or .txt file (by extension, then by content).

    ``language`` is the one asked for (--lang): a Word file's bilingual table is read in it.
    """
    if changes not in ("accepted", "original"):
        raise InputError(f"{path}: changes must be 'accepted' or 'original', not {changes!r}")
    head = check_file(path)
    suffix = path.suffix.lower()
    if head.startswith(OLE_MAGIC):
        raise InputError(f"{path}: {ole_kind(path)}")
    if suffix == ".doc":
        raise InputError(f"{path}: legacy Word .doc is not supported; save it as .docx")
    if suffix in MACRO_EXTENSIONS:
        raise InputError(
            f"{path}: macro-enabled Word document ({suffix}) is not read; save it as .docx"
        )
    if suffix in UNSUPPORTED:
        raise InputError(f"{path}: {UNSUPPORTED[suffix]}")
    if suffix in WORD_EXTENSIONS or (suffix not in TEXT_EXTENSIONS and head.startswith(ZIP_MAGIC)):
        from ..docx_read import read_docx_blocks  # lxml only when a Word file is read

        return check_paragraphs(path, read_docx_blocks(path, changes, language))
    if path.stat().st_size > MAX_TEXT_BYTES:
        raise InputError(f"{path}: text file larger than {MAX_TEXT_BYTES // 2**20} MB")
    text = decode(path.read_bytes(), str(path))
    return check_paragraphs(path, text_blocks(text))


def check_paragraphs(path: Path, blocks: list[Block]) -> list[Block]:
    """Return the blocks, or raise InputError if one is too long to be a statute's paragraph."""
    for number, block in enumerate(blocks, 1):
        if len(block.text) > MAX_PARAGRAPH_CHARS:
            raise InputError(
                f"{path}: paragraph {number} is {len(block.text)} characters long, over the "
                f"limit of {MAX_PARAGRAPH_CHARS}; split it or check the file"
            )
    return blocks
