"""Text copied from a PDF: remove the printed page around the statute's own lines.

A PDF copied as text keeps what the printer put on every page: running heads and feet
("Official Gazette no Special of 30/09/2018", "•HR 8412 IH", "Current to October 1, 2026   348
À jour au ..."), page numbers on their own line, and, in US bills, line numbers 1-25 at the
start of every line. Left in, they land inside sentences, make phantom sections ("2 tives of
the United States" read as section 2) and keep wrapped sentences apart. Both functions here
look only at the shape of the whole text, never at one publisher's words.
"""

from __future__ import annotations

import re
from collections import Counter

from ..regexes import regex_cache
from . import patterns as P
from .blocks import marker_of

# A gap of three spaces or more inside a line separates columns laid out by the PDF (a running
# head with the title left and the page number right; the two languages of a bilingual page).
COLUMN_GAP = regex_cache.compile(r"\S\s{3,}\S")
COLUMN_SPLIT = regex_cache.compile(r"\s{3,}")
DIGITS = regex_cache.compile(r"\d+")
# "12", "- 12 -", "Page 12", "12/40", "Page 3 of 9"
PAGE_NUMBER = regex_cache.compile(
    r"^[-–—\s]*(?:page\s+)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?[-–—\s]*$", re.IGNORECASE
)
# The end mark of a printed bill ("Æ", "•") on a line of its own.
END_MARK = regex_cache.compile(r"^\W?\w?\W?$")
LINE_NUMBER = regex_cache.compile(r"^(\d{1,2})\s+(?=\S)")
MIN_NUMBERED_RUN = 10  # consecutive numbered lines that prove a line-numbered page
MIN_PAGE_RUN = 3  # once proven, a short last page still has this many
UNFINISHED = regex_cache.compile(r"[^.;:!?»”\"')\]]$")  # a line that does not close its sentence


def key(text: str) -> str:
    """Return what a running head keeps from page to page: case-folded, numbers as "#"."""
    return " ".join(DIGITS.sub("#", text.lower()).split())


def columns(text: str) -> list[str]:
    """Return the keys of a line's columns (one for a line without a column gap)."""
    return [key(part) for part in COLUMN_SPLIT.split(text.strip()) if part.strip()]


def line_key(text: str) -> str:
    """Return a line's key with its columns sorted: the left and right pages swap them."""
    return " | ".join(sorted(columns(text)))


def structural(text: str) -> bool:
    """Return True for a heading or a numbered paragraph: never page furniture.

    A bullet is not structure here: "•HR 8412 IH" is the foot of every page of a US bill.
    """
    found = marker_of(text)
    return (found is not None and found[1] != "bullet") or any(
        p.match(text) for p in (P.ARTICLE_HEAD, P.DIVISION_HEAD, P.SCHEDULE_HEAD)
    )


def page_furniture(lines: list[str]) -> set[int]:
    """Return the indexes of running heads, page numbers and the blank lines around them.

    A running head is a line that recurs (numbers aside) and looks printed by the page, not
    by the drafter: its columns are set apart by wide gaps, it stands alone between blank
    lines, or it sits next to a page number. Headings and numbered paragraphs recur in
    tables of contents and are never furniture. A page number is a lone number next to a
    running head, or one that interrupts a sentence (the line before is unfinished and the
    line after starts in lower case). The blank lines around them are returned too, so that
    a sentence broken by the page joins up again.
    """
    stripped = [line.strip() for line in lines]
    groups = group_sizes(stripped)
    keys = [line_key(s) if s else "" for s in stripped]
    counts = Counter(k for k in keys if k)
    column_counts = Counter(c for s in stripped if s for c in set(columns(s)))
    page_like: Counter[str] = Counter()
    for i, s in enumerate(stripped):
        if not s or structural(s) or counts[keys[i]] < 2:
            continue
        alone = groups[i] == 1 and DIGITS.search(s) is not None
        if COLUMN_GAP.search(s) or alone or next_to_page_number(stripped, i):
            page_like[keys[i]] += 1
    furniture = {i for i, k in enumerate(keys) if page_like[k] >= 2}
    for i, s in enumerate(stripped):
        # A bilingual page head repeats the first page's lines side by side in two columns
        # ("Criminal Code      Code criminel"), next to the page's other furniture.
        if s and i not in furniture and COLUMN_GAP.search(s):
            repeated = all(column_counts[c] >= 2 for c in columns(s))
            if repeated and near(furniture, stripped, i):
                furniture.add(i)
    for i, s in enumerate(stripped):
        if i in furniture or not s:
            continue
        if PAGE_NUMBER.match(s):
            lone = near(furniture, stripped, i) or interrupts(stripped, i)
        else:
            mark = END_MARK.match(s) is not None and not structural(s)  # not "(a)"
            lone = mark and near(furniture, stripped, i)
        if lone:
            furniture.add(i)
    return furniture | blanks_around(furniture, stripped)


def group_sizes(stripped: list[str]) -> list[int]:
    """Return, for each line, how many lines its run of non-blank lines has."""
    sizes = [0] * len(stripped)
    start = 0
    for i in range(len(stripped) + 1):
        if i == len(stripped) or not stripped[i]:
            for j in range(start, i):
                sizes[j] = i - start
            start = i + 1
    return sizes


def neighbours(stripped: list[str], i: int) -> list[int]:
    """Return the nearest non-blank lines before and after line i."""
    found = []
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(stripped) and not stripped[j]:
            j += step
        if 0 <= j < len(stripped):
            found.append(j)
    return found


def next_to_page_number(stripped: list[str], i: int) -> bool:
    """Return True if a page number is the nearest line above or below line i."""
    return any(PAGE_NUMBER.match(stripped[j]) for j in neighbours(stripped, i))


def near(furniture: set[int], stripped: list[str], i: int) -> bool:
    """Return True if the nearest line above or below line i is page furniture."""
    return any(j in furniture for j in neighbours(stripped, i))


def interrupts(stripped: list[str], i: int) -> bool:
    """Return True if line i stands between an unfinished line and its lower-case sequel."""
    around = neighbours(stripped, i)
    if len(around) != 2:
        return False
    before, after = (stripped[j] for j in around)
    return bool(UNFINISHED.search(before)) and after[:1].islower()


def blanks_around(furniture: set[int], stripped: list[str]) -> set[int]:
    """Return the blank lines next to furniture (through runs of blanks and furniture)."""
    blanks: set[int] = set()
    for i in furniture:
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(stripped) and (not stripped[j] or j in furniture):
                if not stripped[j]:
                    blanks.add(j)
                j += step
    return blanks


def strip_line_numbers(lines: list[str], skip: set[int]) -> list[str]:
    """Remove printed line numbers (1, 2, 3 ... at the start of consecutive lines).

    US bills number every line of a page from 1 to 25. A run of at least ten lines numbered
    one after the other proves the layout (paragraphs numbered "1 Celui qui..." in the Swiss
    style never run that long line by line); then every run of three or more is stripped,
    so that a short last page is too. Blank lines and ``skip`` (page furniture) do not
    break a run.
    """
    runs: list[list[int]] = []
    run: list[int] = []
    last = 0
    for i, line in enumerate(lines):
        if i in skip or not line.strip():
            continue
        m = LINE_NUMBER.match(line.strip())
        number = int(m.group(1)) if m else 0
        if m and run and number == last + 1:
            run.append(i)
        else:
            if len(run) >= MIN_PAGE_RUN:
                runs.append(run)
            run = [i] if m else []
        last = number
    if len(run) >= MIN_PAGE_RUN:
        runs.append(run)
    if not any(len(r) >= MIN_NUMBERED_RUN for r in runs):
        return lines
    out = list(lines)
    for r in runs:
        for i in r:
            out[i] = LINE_NUMBER.sub("", lines[i].strip(), count=1)
    return out
