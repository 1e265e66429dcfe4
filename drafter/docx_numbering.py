"""List numbers Word generates: numbering.xml definitions, their counters, and list styles.

Word does not store "(1)", "a)" or "Article 3" in the text of a numbered paragraph: it prints
them from the list definitions of numbering.xml (w:abstractNum, w:num and their overrides) and
from paragraph styles that carry a list (w:numPr in styles.xml, heading numbering). This module
replays Word's counters so that the reader can prefix each paragraph with its number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from .docx_xml import W_NUMPR, W_PPR, first_child, qn, val


@dataclass
class Numbering:
    """Word's list definitions and the running counters that generate list numbers."""

    levels: dict[str, dict[int, tuple[int, str, str, bool]]] = field(default_factory=dict)
    nums: dict[str, str] = field(default_factory=dict)  # numId -> abstractNumId
    overrides: dict[tuple[str, int], int] = field(default_factory=dict)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)
    started: set[tuple[str, int]] = field(default_factory=set)
    style_links: dict[str, str] = field(default_factory=dict)  # abstractNumId -> list style
    indents: dict[tuple[str, int], int] = field(default_factory=dict)  # (abstract, ilvl) -> left

    @classmethod
    def parse(cls, root: etree._Element | None) -> Numbering:
        """Read numbering.xml (None: a document without lists)."""
        numbering = cls()
        if root is None:
            return numbering
        for abstract in root.iter(qn("w:abstractNum")):
            abstract_id = val(abstract, "w:abstractNumId") or ""
            levels = numbering.levels.setdefault(abstract_id, {})
            if (link := val(abstract.find(qn("w:numStyleLink")))) is not None:
                numbering.style_links[abstract_id] = link
            for lvl in abstract.iter(qn("w:lvl")):
                ilvl = word_int(val(lvl, "w:ilvl"), 0, MAX_ILVL)
                levels[ilvl] = level_definition(lvl)
                indent = left_indent(lvl.find(qn("w:pPr")))
                if indent is not None:
                    numbering.indents[(abstract_id, ilvl)] = indent
        for num in root.iter(qn("w:num")):
            num_id = val(num, "w:numId") or ""
            numbering.nums[num_id] = val(num.find(qn("w:abstractNumId"))) or ""
            for override in num.iter(qn("w:lvlOverride")):
                start = val(override.find(qn("w:startOverride")))
                if start is not None and start.isdigit():
                    ilvl = word_int(val(override, "w:ilvl"), 0, MAX_ILVL)
                    numbering.overrides[(num_id, ilvl)] = word_int(start, 1, MAX_START)
        return numbering

    def link_styles(self, styles: Styles) -> None:
        """Resolve lists defined through a list style (w:numStyleLink) to their definition."""
        for abstract_id, style_id in self.style_links.items():
            num_id, _ = styles.numbering(style_id)
            target = self.nums.get(num_id or "")
            if target and target != abstract_id and self.levels.get(target):
                # Point every list instance of the linking definition at the real one, so
                # that both share their counters as Word does.
                self.nums.update({n: target for n, a in self.nums.items() if a == abstract_id})

    def label(self, num_id: str, ilvl: int) -> str:
        """Advance the counters for a numbered paragraph and return its number as printed."""
        abstract = self.nums.get(num_id)
        levels = self.levels.get(abstract or "")
        if not levels or ilvl not in levels:
            return ""
        counters = self.counters.setdefault(abstract or "", {})
        # A list instance with a start override restarts the shared list the first time.
        if (num_id, ilvl) in self.overrides and (num_id, ilvl) not in self.started:
            self.started.add((num_id, ilvl))
            counters[ilvl] = self.overrides[(num_id, ilvl)] - 1
        counters[ilvl] = counters.get(ilvl, levels[ilvl][0] - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        text, legal = levels[ilvl][2], levels[ilvl][3]  # isLgl: this level shows all decimal
        for k in range(9):
            if f"%{k + 1}" in text:
                start, fmt, _, _ = levels.get(k, (1, "decimal", "", False))
                value = counters.get(k, start)
                text = text.replace(f"%{k + 1}", format_number(value, fmt, legal))
        if levels[ilvl][1] == "bullet":
            return "-"
        return text.strip()

    def list_level(self, num_id: str, ilvl: int) -> tuple[str, int, str, str, int | None]:
        """Return (abstract list, level, numFmt, lvlText pattern, indent) of a list level.

        The pattern is lvlText with its counters as "%" ("(%1)" -> "(%)"), so that the levels
        of two lists compare by how their numbers look; the indent is the level's left indent
        in twips, None if the level sets none.
        """
        abstract = self.nums.get(num_id) or ""
        _, fmt, text, _ = self.levels[abstract][ilvl]
        return abstract, ilvl, fmt, COUNTER.sub("%", text), self.indents.get((abstract, ilvl))


COUNTER = re.compile(r"%[1-9]")


@dataclass
class OpenList:
    """A Word list being read: its level, how its numbers look, and its indent."""

    key: tuple[str, int]  # (abstract list, level)
    look: tuple[str, str]  # (numFmt, lvlText pattern)
    indent: int
    parent: int | None  # source index of the numbered paragraph this list is nested under
    last: int  # source index of the list's latest paragraph


@dataclass
class ListNesting:
    """Finds the Word lists nested under a numbered paragraph of another list.

    German-style statutes number subsections with one list ("(1)", "(2)") and the items inside
    a subsection with another, indented deeper ("1.", "2."): the numbers alone read as more
    subsections. A list level printed at a deeper indent than the numbered paragraph before it,
    with numbers that look different, is nested under that paragraph; the lists at the same or
    a deeper indent close when a shallower list goes on.
    """

    open: list[OpenList] = field(default_factory=list)

    def parent(
        self, key: tuple[str, int], look: tuple[str, str], indent: int, index: int
    ) -> int | None:
        """Record a numbered paragraph; return the source index of the one it is nested under."""
        lists = self.open
        while lists and lists[-1].key != key and lists[-1].indent >= indent:
            lists.pop()
        if lists and lists[-1].key == key:
            lists[-1].last = index
            return lists[-1].parent
        outer = lists[-1] if lists else None
        parent = outer.last if outer is not None and outer.look != look else None
        lists.append(OpenList(key, look, indent, parent, index))
        return parent


def left_indent(ppr: etree._Element | None) -> int | None:
    """Return the left indent (twips) a w:pPr sets with w:ind (w:left or w:start), or None."""
    ind = None if ppr is None else first_child(ppr, qn("w:ind"))
    if ind is None:
        return None
    raw = ind.get(qn("w:left"), ind.get(qn("w:start")))
    if raw is None or not raw.lstrip("-").isdigit() or len(raw) > 12:
        return None
    return int(raw)


# Word's own bounds: list levels 0-8, list starts up to 32767. A document claiming more is
# hostile (a start of 10**11 in letters would print a 4 GB list number).
MAX_ILVL, MAX_START = 8, 32767


def word_int(text: str | None, default: int | None, maximum: int) -> int | None:
    """Return a non-negative integer attribute clamped to ``maximum``, or default if not one."""
    if not text or not text.isdigit():
        return default
    return min(int(text[:12]) if len(text) <= 12 else maximum, maximum)


def level_definition(lvl: etree._Element) -> tuple[int, str, str, bool]:
    """Return (start, numFmt, lvlText, isLgl) of a w:lvl."""
    start = val(lvl.find(qn("w:start")))
    fmt = val(lvl.find(qn("w:numFmt"))) or "decimal"
    text = val(lvl.find(qn("w:lvlText")))
    legal = lvl.find(qn("w:isLgl")) is not None
    return word_int(start, 1, MAX_START), fmt, text or "", legal


def format_number(n: int, fmt: str, legal: bool = False) -> str:
    """Format a list counter as Word does for the common formats."""
    from .markup import letter, roman

    if legal or fmt in ("decimal", "ordinal", "cardinalText", "ordinalText"):
        return str(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("lowerLetter", "upperLetter"):
        text = letter(n) if n > 0 else ""
        return text.upper() if fmt == "upperLetter" else text
    if fmt in ("lowerRoman", "upperRoman"):
        text = roman(n)
        return text.upper() if fmt == "upperRoman" else text
    if fmt == "none":
        return ""
    return str(n)


@dataclass
class Styles:
    """Paragraph style names and the list numbering styles carry (heading numbering)."""

    names: dict[str, str] = field(default_factory=dict)
    based_on: dict[str, str] = field(default_factory=dict)
    num_pr: dict[str, tuple[str | None, int | None]] = field(default_factory=dict)

    @classmethod
    def parse(cls, root: etree._Element | None) -> Styles:
        """Read styles.xml (None: no styles part)."""
        styles = cls()
        if root is None:
            return styles
        style_id, name, based_on = qn("w:styleId"), qn("w:name"), qn("w:basedOn")
        for style in root.iter(qn("w:style")):
            sid = style.get(style_id) or ""
            # The first w:name, w:basedOn and w:pPr/w:numPr, in one look at the children
            # rather than three path look-ups (a template has some 150 styles).
            name_el = base_el = num_pr = None
            for prop in style.iterchildren(name, based_on, W_PPR):
                tag = prop.tag
                if tag == name:
                    name_el = prop if name_el is None else name_el
                elif tag == based_on:
                    base_el = prop if base_el is None else base_el
                elif num_pr is None:
                    num_pr = first_child(prop, W_NUMPR)
            styles.names[sid] = val(name_el) or sid
            if (base := val(base_el)) is not None:
                styles.based_on[sid] = base
            if num_pr is not None:
                styles.num_pr[sid] = numpr_values(num_pr)
        return styles

    def numbering(self, style_id: str | None) -> tuple[str | None, int | None]:
        """Return (numId, ilvl) a style gives its paragraphs, following basedOn."""
        seen: set[str] = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            if style_id in self.num_pr:
                return self.num_pr[style_id]
            style_id = self.based_on.get(style_id)
        return None, None


def numpr_values(num_pr: etree._Element) -> tuple[str | None, int | None]:
    """Return (numId, ilvl) of a w:numPr; either may be missing."""
    ilvl = val(num_pr.find(qn("w:ilvl")))
    return val(num_pr.find(qn("w:numId"))), word_int(ilvl, None, MAX_ILVL)
