"""WordprocessingML names and the small element look-ups every part of the .docx reader shares.

Clark names ("{namespace}local") are what lxml compares tags with; the reader computes them once
(``qn``) rather than per element, and finds children with ``iterchildren`` rather than lxml's
``find`` path machinery, which costs a Python-level path parse per call.
"""

from __future__ import annotations

from functools import cache

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
REL = "http://schemas.openxmlformats.org/package/2006/relationships"


@cache  # called for every paragraph and run of the body
def qn(tag: str) -> str:
    """Return the Clark name of a "w:tag" or "mc:tag"."""
    prefix, _, local = tag.partition(":")
    return f"{{{ {'w': W, 'mc': MC}[prefix] }}}{local}"


W_P, W_T, W_R, MC_FALLBACK = qn("w:p"), qn("w:t"), qn("w:r"), qn("mc:Fallback")
W_PPR, W_PSTYLE, W_NUMPR, W_RPR = qn("w:pPr"), qn("w:pStyle"), qn("w:numPr"), qn("w:rPr")
W_TBL, W_TR, W_TC = qn("w:tbl"), qn("w:tr"), qn("w:tc")
W_VAL = qn("w:val")


def val(el: etree._Element | None, name: str = "w:val") -> str | None:
    """Return a w: attribute of an element, or None."""
    return None if el is None else el.get(qn(name))


def first_child(el: etree._Element, tag: str) -> etree._Element | None:
    """Return ``el.find(tag)`` (the first child of that tag) without lxml's path machinery."""
    for found in el.iterchildren(tag):
        return found
    return None


def first_grandchild(el: etree._Element, child: str, grandchild: str) -> etree._Element | None:
    """Return ``el.find("child/grandchild")`` without lxml's (Python-level) path machinery."""
    for middle in el.iterchildren(child):
        for found in middle.iterchildren(grandchild):
            return found
    return None
