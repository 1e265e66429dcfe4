"""Read plain-text and Markdown statutes: decode the bytes, split the lines into blocks.

Decoding is strict: UTF-8 (with or without a byte-order mark) or UTF-16 with a byte-order mark.
Anything else is an InputError naming the first bad byte; guessing Latin-1 silently would turn
"é" into "Ã©" and make French rules miss.

Lines are blocks; a hard-wrapped sentence is joined back (``continues``). The Word reader uses
``split_breaks`` for the same question inside one paragraph with manual line breaks.
"""

from __future__ import annotations

import codecs

from ..errors import InputError
from ..regexes import regex_cache
from . import patterns as P
from .blocks import STARTS_UPPER, Block, heading_like, marker_of, normalise

MD_HEADING = regex_cache.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
MD_EMPHASIS = regex_cache.compile(r"(\*\*|__)(.+?)\1")
MD_TABLE_RULE = regex_cache.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")
MD_LINK = regex_cache.compile(r"!?\[([^\]]*)\]\([^)]*\)")
MD_CODE = regex_cache.compile(r"`([^`]*)`")
MD_COMMENT = regex_cache.compile(r"<!--.*?-->")
MD_ESCAPE = regex_cache.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")
FENCE = regex_cache.compile(r"^(```|~~~)")
WRAP_WIDTH = 100  # longest line of a hard-wrapped text file
MIN_WRAP_WIDTH = 60  # narrower files are lists of short lines, not wrapped prose
STRUCTURAL = [P.ARTICLE_HEAD, P.SHORT_SECTION_HEAD, P.DIVISION_HEAD, P.NUMBERED_HEAD]


def decode(data: bytes, name: str) -> str:
    """Decode a text file's bytes: UTF-8 (BOM optional) or UTF-16 with a BOM, else InputError."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"{name}: invalid UTF-16 text at byte {exc.start}") from exc
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = data[exc.start]
        raise InputError(
            f"{name}: not UTF-8 text (byte 0x{bad:02X} at offset {exc.start}); save it as UTF-8"
        ) from exc
    if "\x00" in text:
        raise InputError(f"{name}: contains NUL bytes; it is binary or UTF-16 without a BOM")
    return text


def clean_markdown(line: str) -> tuple[str, str | None]:
    """Strip Markdown syntax from a line; return the text and a style hint ("Heading 2")."""
    style = None
    m = MD_HEADING.match(line)
    if m:
        level = len(m.group(1))
        style = "Title" if level == 1 else f"Heading {level - 1}"
        line = m.group(2)
    if line.startswith(">"):
        line = line.lstrip("> ")
    line = MD_COMMENT.sub("", line)
    line = MD_LINK.sub(r"\1", line)
    line = MD_CODE.sub(r"\1", line)
    line = MD_EMPHASIS.sub(r"\2", line)
    line = MD_ESCAPE.sub(r"\1", line)
    return line.strip(), style


def starts_block(line: str) -> bool:
    """Return True if a line can only start a new block (a heading or a numbered paragraph)."""

    return marker_of(line) is not None or any(p.match(line) for p in STRUCTURAL)


def text_blocks(text: str, markdown: bool = True) -> list[Block]:
    """Split text into blocks: one per line, joining lines that wrap a sentence."""
    lines = text.splitlines()
    # A hard-wrapped file has no line much longer than a terminal; in a file with one
    # paragraph per line, lines are never joined.
    width = max((len(line.strip()) for line in lines), default=0)
    wrapped = width <= WRAP_WIDTH
    blocks: list[Block] = []
    joinable = False  # may the next line continue the last block?
    last_raw = ""
    in_fence = False
    for lineno, raw in enumerate(lines):
        line = raw.strip()
        if markdown and FENCE.match(line):
            in_fence = not in_fence
            continue
        if not line or (markdown and MD_TABLE_RULE.match(line)):
            joinable = False
            continue
        style = None
        if markdown and not in_fence:
            if line.startswith("|") and line.endswith("|"):
                # A table row is one provision ("Incitement | 5 years"), as in Word tables.
                cells = [clean_markdown(c.strip())[0] for c in line.strip("|").split("|")]
                if any(cells):
                    blocks.append(Block(" | ".join(c for c in cells if c), None, lineno))
                joinable = False
                continue
            line, style = clean_markdown(line)
            if not line:
                continue
        if (
            wrapped
            and joinable
            and style is None
            and not starts_block(line)
            and continues(blocks[-1].text, last_raw, line, width)
        ):
            blocks[-1].text = f"{blocks[-1].text} {line}"
            last_raw = line
            continue
        blocks.append(Block(line, style, lineno))
        # A heading line ("Article 3", "PART II") never continues onto the next line.
        joinable = style is None and not any(s.match(line) for s in STRUCTURAL)
        last_raw = line
    return blocks


BRACKETED_END = regex_cache.compile(r"[.;]\s*\([^()]{2,60}\)$")


def continues(block: str, prev_line: str, line: str, width: int) -> bool:
    """Return True if line wraps the sentence of the block before it (hard-wrapped text)."""
    if block.endswith((".", ";", ":", "!", "?")):
        return False
    # A Canadian definition ends with the other language's term: "... by colour. (groupe
    # identifiable)"; the next definition starts with a lower-case term but is a new line.
    if BRACKETED_END.search(block):
        return False
    if line[:1].islower():
        return True
    # An upper-case start continues only a line that ran to the wrap margin.
    return width >= MIN_WRAP_WIDTH and len(prev_line) >= 0.75 * width


def split_breaks(text: str) -> list[str]:
    """Split a paragraph at manual line breaks where they separate a heading from its text.

    "Article 3<br>Incitement<br>(1) A person..." is three blocks; a break in the middle of a
    sentence (text pasted from a PDF) is read as a space.
    """
    pieces = text.split("\n")
    out = [pieces[0]]
    for piece in pieces[1:]:
        prev, line = normalise(out[-1]), normalise(piece)
        if not prev or not line:
            out[-1] = f"{out[-1]} {piece}"
        elif (
            starts_block(line)
            or starts_block(prev)
            and not marker_of(prev)
            or heading_like(prev, allow_period=False)
            and STARTS_UPPER.match(line)
            and len(prev.split()) <= 8
        ):
            out.append(piece)
        else:
            out[-1] = f"{out[-1]} {piece}"
    return out
