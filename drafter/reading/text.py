"""Read plain-text and Markdown statutes: decode the bytes, split the lines into blocks.

Decoding is strict: UTF-8 (with or without a byte-order mark) or UTF-16 with a byte-order mark.
Anything else is an InputError naming the first bad byte; guessing Latin-1 silently would turn
"é" into "Ã©" and make French rules miss.

Lines are blocks; a hard-wrapped sentence is joined back (``continues``). The Word reader uses
``split_breaks`` for the same question inside one paragraph with manual line breaks.
"""

from __future__ import annotations

import codecs
import re

from ..errors import InputError
from ..regexes import regex_cache
from . import patterns as P
from .blocks import CLOSED, STARTS_UPPER, Block, heading_like, marker_of, normalise
from .pages import page_furniture, strip_line_numbers

MD_HEADING = regex_cache.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
MD_EMPHASIS = regex_cache.compile(r"(\*\*|__)(.+?)\1")
MD_TABLE_RULE = regex_cache.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")
MD_LINK = regex_cache.compile(r"!?\[([^\]]*)\]\([^)]*\)")
# A code span in single backquotes; a doubled one is the typed opening quote of US bills
# ("``term''"), which extract.py reads as a quote.
MD_CODE = regex_cache.compile(r"(?<!`)`([^`\n]+)`(?!`)")
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


def starts_block(line: str, prev: str | None = None) -> bool:
    """Return True if a line can only start a new block (a heading or a numbered paragraph).

    After an unfinished line (``prev`` without closing punctuation), a lower-case designation
    or a number followed by lower-case words is the rest of a reference broken by the wrap:
    "...an offence under sub-" / "section (2)", "...provided for in Article" / "5 of this Law."
    """
    if marker_of(line) is not None:
        # "...under subsection (2) or" / "(2.1) shall be instituted": a bracketed number
        # after a designation word or "(2) or" is a reference, not a paragraph marker.
        return prev is None or not line.startswith("(") or not REFERENCE_END.search(prev)
    if not any(p.match(line) for p in STRUCTURAL):
        return False
    return prev is None or not unfinished(prev) or not in_sentence(line)


REFERENCE_END = regex_cache.compile(
    r"(?:\b(?:sub)?(?:section|paragraph|article|clause)s?|\(\w+(?:\.\d+)?\) (?:or|and|to))$",
    re.IGNORECASE,
)


LEAD_IN = ("—", "–")  # "...requires—": a list follows


def unfinished(line: str) -> bool:
    """Return True if a line does not close its sentence (it may run on to the next line)."""
    return not line.endswith(CLOSED)


def in_sentence(line: str) -> bool:
    """Return True for a line that opens like a heading but reads as words of a sentence.

    A designation in lower case ("section (2) ...") or a number followed by lower-case words
    ("5 of this Law.", "318 or subsection (1)") never heads an article; "s. 130" is the
    lower-case abbreviation that does.
    """
    m = P.NUMBERED_HEAD.match(line)
    if m:
        return (m.group("rest") or "")[:1].islower()
    if line[:1].isdigit():
        return marker_of(line) is None  # "1091(a) of title 18"
    return line[:1].islower() and not P.SHORT_SECTION_HEAD.match(line)


def heading_rest(line: str) -> str:
    """Return the text after a heading's number ("" if none or not a heading line)."""
    for pattern in STRUCTURAL:
        m = pattern.match(line)
        if m:
            return P.SEPARATOR.sub("", m.group("rest") or "", count=1).strip()
    return ""


def line_measure(lines: list[str], skip: set[int]) -> int:
    """Return the length of a full line of a hard-wrapped text (its 90th percentile).

    The longest line is often a title or a citation set wider than the text ("R.S., 1985,
    c. C-46, s. 318; 2004, c. 14, s. 1; ..."); measured against it, no line of the body
    would reach the margin.
    """
    lengths = sorted(
        len(s) for i, line in enumerate(lines) if i not in skip and (s := line.strip())
    )
    return lengths[int(0.9 * (len(lengths) - 1))] if lengths else 0


def heading_continues(rest: str, heading: str, line: str, width: int, measure: int) -> bool:
    """Return True if a line continues the text after a heading's number.

    "SEC. 4. GENOCIDE DENIAL IN FEDERALLY FUNDED" / "PROGRAMS." is one caption printed in
    capitals; "Art. 2. - Le 21 mars de chaque année, date retenue par l'Organisation des" /
    "Nations Unies ..." is the article's first sentence (French Journal officiel style puts
    the text after "Art. N. -"). A caption in ordinary case ("Article 3 - Incitement") never
    takes the next line.
    """
    if heading.endswith(CLOSED):
        return False
    if line[:1].islower() or in_sentence(line):
        return True
    if width < MIN_WRAP_WIDTH or len(heading) < 0.75 * measure or heading.endswith(LEAD_IN):
        return False
    if rest.isupper():
        return line.isupper()
    # A sentence has commas and verbs, and a line may break it after "of" or "des"; a
    # caption has none of these.
    return "," in rest or bool(P.FINITE_VERB.search(rest) or FUNCTION_WORD_END.search(rest))


FUNCTION_WORD_END = regex_cache.compile(
    r"\b(?:the|a|an|of|to|in|by|for|and|or|le|la|les|des|du|de|et|ou|à|au|aux|par|pour|sur)$",
    re.IGNORECASE,
)


def text_blocks(text: str, markdown: bool = True) -> list[Block]:
    """Split text into blocks: one per line, joining lines that wrap a sentence.

    Text copied from a PDF first loses its page furniture (running heads, page numbers) and
    printed line numbers (pages.py); a word hyphenated at the end of a line is joined up.
    """
    lines = text.splitlines()
    skip = page_furniture(lines)
    lines = strip_line_numbers(lines, skip)
    # A hard-wrapped file has no line much longer than a terminal; in a file with one
    # paragraph per line, lines are never joined.
    width = max((len(line.strip()) for i, line in enumerate(lines) if i not in skip), default=0)
    wrapped = width <= WRAP_WIDTH
    measure = line_measure(lines, skip) if wrapped else width
    compounds = hyphenated_words(text) if wrapped else frozenset()
    notes_start, notes = trailing_notes(lines, skip)
    blocks: list[Block] = []
    joinable = False  # may the next line continue the last block?
    rest = ""  # the text after the number, when the last block is a heading line
    last_raw = ""
    in_fence = False
    for lineno, raw in enumerate(lines[:notes_start]):
        if lineno in skip:
            continue  # a page break is not a paragraph break
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
            and not starts_block(line, last_raw)
            and (
                heading_continues(rest, last_raw, line, width, measure)
                if rest
                else continues(blocks[-1].text, last_raw, line, width, measure)
            )
        ):
            blocks[-1].text = join_lines(blocks[-1].text, line, compounds)
            last_raw = line
            continue
        blocks.append(Block(line, style, lineno))
        # A heading line ("Article 3", "PART II") continues onto the next line only when text
        # follows its number ("318 (1) Every person who ... is" / "guilty of ...").
        rest = heading_rest(line)
        joinable = style is None and (bool(rest) or not any(s.match(line) for s in STRUCTURAL))
        last_raw = line
    return blocks + notes


NOTE_CALL = regex_cache.compile(r"\((\d{1,2})\)$")
NOTE_START = regex_cache.compile(r"^\((\d{1,2})\)\s+(?=\S)")


def trailing_notes(lines: list[str], skip: set[int]) -> tuple[int, list[Block]]:
    """Find the footnotes printed at the end of a text; return where they start and them.

    A gazette copy ends with the notes of its last page: "(1) Travaux préparatoires : ..."
    answering the call "(1)" printed at the end of the title. Read as text they would be
    paragraph (1) of the last article. The last run of lines (after a blank line) is notes
    if it opens with "(N)" and an earlier line ends with that call; each "(N)" line with a
    call starts a note, and the lines after it are its text.
    """
    kept = [i for i, line in enumerate(lines) if i not in skip]
    end = len(kept)
    while end and not lines[kept[end - 1]].strip():
        end -= 1
    start = end
    while start and lines[kept[start - 1]].strip():
        start -= 1
    if start == 0 or start == end:
        return len(lines), []
    calls = {m.group(1) for i in kept[:start] if (m := NOTE_CALL.search(lines[i].rstrip()))}
    first = NOTE_START.match(lines[kept[start]].strip())
    if not first or first.group(1) not in calls:
        return len(lines), []
    notes: list[Block] = []
    for i in kept[start:end]:
        line = lines[i].strip()
        m = NOTE_START.match(line)
        if m and m.group(1) in calls:
            notes.append(Block(f"[Footnote {m.group(1)}] {line[m.end() :]}", None, i, note=True))
        else:
            notes[-1].text = f"{notes[-1].text} {line}"
    return kept[start], notes


BRACKETED_END = regex_cache.compile(r"[.;]\s*\([^()]{2,60}\)$")


# "communicating includes ...", "hate propaganda means ...": a Canadian definition, printed
# without quotation marks on a line of its own.
DEFINITION_START = regex_cache.compile(
    r"^[a-zà-ÿ][\w’'-]*(?: [\w’'-]+){0,4} (?:means|includes|has the (?:same )?meaning)\b"
)


def continues(block: str, prev_line: str, line: str, width: int, measure: int) -> bool:
    """Return True if line wraps the sentence of the block before it (hard-wrapped text).

    ``width`` is the longest line (a file of short lines is a list, never wrapped prose) and
    ``measure`` the length of a full line of text (see ``line_measure``).
    """
    if block.endswith(CLOSED):
        return False
    # A Canadian definition ends with the other language's term: "... by colour. (groupe
    # identifiable)"; the next definition starts with a lower-case term but is a new line,
    # and so is the first one, after "In this section,".
    if BRACKETED_END.search(block) or (block.endswith(",") and DEFINITION_START.match(line)):
        return False
    if line[:1].islower() or in_sentence(line):
        return True
    # An upper-case start continues only a line that ran to the wrap margin, and not the
    # dash that announces a list ("unless the context otherwise requires—" / "“Commission”").
    if block.endswith(LEAD_IN):
        return False
    return width >= MIN_WRAP_WIDTH and len(prev_line) >= 0.75 * measure


# A word broken at the end of a line: letters, then the hyphen.
HYPHEN_BREAK = regex_cache.compile(r"([^\W\d_]+)-$")
HYPHENATED = regex_cache.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+")
LEADING_WORD = regex_cache.compile(r"[^\W\d_]+")
# First elements that stand as words before a hyphen ("non-appartenance", "self-determination",
# "sous-section"); a syllable break ("justi-" / "fies") never ends so.
COMPOUND_FIRST = frozenset(
    {"non", "self", "ex", "quasi", "vice", "semi", "demi", "sous", "mini", "multi", "cross"}
)


def hyphenated_words(text: str) -> frozenset[str]:
    """Return the hyphenated words printed inside lines (to keep them when a line breaks them)."""
    if "-\n" not in text and "-\r" not in text:
        return frozenset()
    return frozenset(m.lower() for m in HYPHENATED.findall(text))


def join_lines(block: str, line: str, compounds: frozenset[str]) -> str:
    """Join a wrapped line to its block; undo the hyphenation of a word broken across them.

    "justi-" / "fies" is "justifies": a hyphen at the end of a line before a lower-case
    start is a syllable break, unless the document prints the word with its hyphen elsewhere
    or the part before it is a word that forms compounds ("non-" / "appartenance"). Dropping
    a real hyphen costs little ("nonappartenance" is still read), keeping a break hides words
    from every rule ("justi- fies genocide"), hence the default. Before a capital the hyphen is
    kept, without a space ("Anti-" / "Incitement").
    """
    m = HYPHEN_BREAK.search(block)
    if m is None:
        return f"{block} {line}"
    if not line[:1].islower():
        return block + line if line[:1].isalpha() else f"{block} {line}"
    before = m.group(1).lower()
    after = LEADING_WORD.match(line)
    whole = f"{before}-{after.group().lower()}" if after else ""
    if whole in compounds or before in COMPOUND_FIRST:
        return block + line
    return block[:-1] + line


def split_breaks(text: str) -> list[str]:
    """Split a paragraph at manual line breaks where they separate a heading from its text.

    "Article 3<br>Incitement<br>(1) A person..." is three blocks; a break in the middle of a
    sentence (text pasted from a PDF) is read as a space, or joins a hyphenated word up; a
    line that reads as words of a sentence ("sub-<br>section (2)") is never a new block.
    """
    pieces = text.split("\n")
    if len(pieces) == 1:
        return pieces
    compounds = hyphenated_words(text)
    out = [pieces[0]]
    for piece in pieces[1:]:
        prev, line = normalise(out[-1]), normalise(piece)
        if not prev or not line:
            out[-1] = f"{out[-1]} {piece}"
        elif (
            starts_block(line, prev)
            or starts_block(prev)
            and not marker_of(prev)
            and not in_sentence(line)
            or heading_like(prev, allow_period=False)
            and STARTS_UPPER.match(line)
            and len(prev.split()) <= 8
        ):
            out.append(piece)
        elif prev.endswith("-"):
            out[-1] = join_lines(prev, line, compounds)
        else:
            out[-1] = f"{out[-1]} {piece}"
    return out
