"""The walk over a Word body's paragraphs and runs: visible text, tracked changes, list numbers.

Each ``w:p`` of the body (table cells and text boxes included) becomes the text Word shows with
all tracked changes accepted (``w:ins``/``w:moveTo`` kept, ``w:del``/``w:moveFrom`` dropped) or,
with ``changes="original"``, the reverse; a paragraph whose mark a change removes joins the next.
Hidden text, field codes and comment marks are left out; the footnotes and endnotes a paragraph
cites follow it as note blocks.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from .docx_bilingual import other_language_paragraphs
from .docx_numbering import ListNesting, Numbering, Styles, left_indent, numpr_values
from .docx_tables import BlockList, data_rows
from .docx_xml import (
    MC_FALLBACK,
    W_NUMPR,
    W_P,
    W_PPR,
    W_PSTYLE,
    W_R,
    W_RPR,
    W_T,
    W_TBL,
    W_VAL,
    first_child,
    first_grandchild,
    qn,
    val,
)
from .reading.blocks import Block

TRACKED = ("w:del", "w:moveFrom", "w:ins", "w:moveTo")  # the marks of tracked changes
SKIP = {qn(t) for t in ("w:pPr", "w:rPr", "w:txbxContent", "w:instrText", "w:delInstrText",
                        "w:commentReference", "mc:Fallback", "w:sectPr", "w:p")}  # fmt: skip


# What run_text does with an element, by its tag (Clark name), decided once per tag: the tests
# run in the order they were written, so that the names outside w: keep their meaning.
TEXT, DESCEND, RUN, SKIPPED = "text", "descend", "run", "skip"
DELETED_TEXT, INSERTED, DELETED, NOTE = "delText", "ins", "del", "note"
CHARACTERS = {"tab": "\t", "ptab": "\t", "br": "\n", "cr": "\n", "noBreakHyphen": "-"}
# Comments, processing instructions and unresolved entities have a function for a tag: they
# are skipped like any non-text element, through the same look-up.
ACTIONS: dict[object, str] = {etree.Comment: SKIPPED, etree.PI: SKIPPED, etree.Entity: SKIPPED}
MAX_ACTIONS = 4096  # tags remembered; Word's vocabulary is a few hundred
W_PPR_CHANGE, W_VANISH = qn("w:pPrChange"), qn("w:vanish")


def tag_action(tag: str) -> str:
    """Return (and remember) what run_text does with an element of this tag."""
    local = tag.rsplit("}", 1)[-1]
    if tag in SKIP:
        action = SKIPPED
    elif tag == W_T:
        action = TEXT
    elif local == "delText":
        action = DELETED_TEXT
    elif local in CHARACTERS:
        action = CHARACTERS[local]
    elif local in ("ins", "moveTo"):
        action = INSERTED
    elif local in ("del", "moveFrom"):
        action = DELETED
    elif local in ("footnoteReference", "endnoteReference"):
        action = NOTE
    elif tag == W_R:
        action = RUN  # read unless hidden
    else:
        action = DESCEND
    if len(ACTIONS) < MAX_ACTIONS:  # a hostile file may invent any number of tags
        ACTIONS[tag] = action
    return action


@dataclass
class Reader:
    """Walks the document body and produces blocks."""

    changes: str
    styles: Styles
    numbering: Numbering
    notes: dict[tuple[str, str], str]
    # Whether the part being read has hidden text (w:vanish) at all: most have none, and then
    # no run needs its properties looked at.
    vanish: bool = True
    # (numId, ilvl) each paragraph style gives, once looked up along its basedOn chain.
    style_lists: dict[str, tuple[str | None, int | None]] = field(default_factory=dict)
    # The language asked for (--lang): the column read of a bilingual table.
    language: str = "auto"

    def run_text(
        self, el: etree._Element, out: list[str], refs: list[tuple[str, str]]
    ) -> etree._Element | None:
        """Collect the visible text under el, honouring tracked changes and skipping non-text.

        Return el's first w:pPr child: called on a paragraph, its own properties, found on the
        way rather than by a second look at its children.
        """
        props = None
        for child in el:
            tag = child.tag
            action = ACTIONS.get(tag) or tag_action(tag)
            if action is TEXT:
                out.append(child.text or "")
            elif action is RUN:
                if self.vanish and hidden(child):
                    continue
                # Most runs hold only their properties and text: read those here, without a
                # call per run; a run with anything else is read again, in full, by a call.
                mark = len(out)
                for part in child:
                    part_tag = part.tag
                    if part_tag == W_T:
                        out.append(part.text or "")
                    elif part_tag != W_RPR:
                        del out[mark:]
                        self.run_text(child, out, refs)
                        break
            elif action is SKIPPED:
                if props is None and tag == W_PPR:
                    props = child
            elif action is DESCEND:
                self.run_text(child, out, refs)
            elif action is DELETED_TEXT:
                if self.changes != "accepted":
                    out.append(child.text or "")
            elif action is INSERTED:
                if self.changes == "accepted":
                    self.run_text(child, out, refs)
            elif action is DELETED:
                if self.changes != "accepted":
                    self.run_text(child, out, refs)
            elif action is NOTE:
                local = tag.rsplit("}", 1)[-1]
                refs.append((local[: -len("Reference")], val(child, "w:id") or ""))
            else:  # a character: tab, break, non-breaking hyphen
                out.append(action)
        return props

    def paragraph_props(self, ppr: etree._Element) -> etree._Element:
        """Return the paragraph properties in force in the chosen view of the changes.

        ``ppr`` is the paragraph's own w:pPr (the first one, as ``run_text`` returns it).
        """
        if self.changes == "original":
            old = first_grandchild(ppr, W_PPR_CHANGE, W_PPR)
            if old is not None:
                return old
        return ppr

    def mark_removed(self, p: etree._Element) -> bool:
        """Return True if the paragraph mark is gone in this view (the paragraph joins the next)."""
        rpr = first_grandchild(p, W_PPR, W_RPR)
        if rpr is None:
            return False
        gone = ("w:del", "w:moveFrom") if self.changes == "accepted" else ("w:ins", "w:moveTo")
        return any(first_child(rpr, qn(tag)) is not None for tag in gone)

    def style_and_label(
        self, ppr: etree._Element
    ) -> tuple[str | None, str, tuple[str, int] | None]:
        """Return the style id of a paragraph, its list number as Word shows it, and its list.

        The number is "" and the list None for a paragraph that is not numbered; the list is
        the level (numId, ilvl) the number comes from. ``ppr`` is the paragraph's properties
        in force (``paragraph_props``).
        """
        style_el = num_pr = None
        for prop in ppr.iterchildren(W_PSTYLE, W_NUMPR):  # the first of each, in one look
            if prop.tag == W_PSTYLE:
                style_el = prop if style_el is None else style_el
            elif num_pr is None:
                num_pr = prop
        style_id = None if style_el is None else style_el.get(W_VAL)
        if style_id:
            if (found := self.style_lists.get(style_id)) is None:
                found = self.style_lists[style_id] = self.styles.numbering(style_id)
            num_id, ilvl = found
        else:
            num_id = ilvl = None  # what Styles.numbering gives a paragraph without a style
        if num_pr is not None:
            own_id, own_lvl = numpr_values(num_pr)
            num_id = own_id if own_id is not None else num_id
            ilvl = own_lvl if own_lvl is not None else ilvl
        if not num_id or num_id == "0":
            return style_id, "", None
        label = self.numbering.label(num_id, ilvl or 0)
        return style_id, label, (num_id, ilvl or 0) if label else None

    def list_parent(
        self, ppr: etree._Element, listed: tuple[str, int], nesting: ListNesting, index: int
    ) -> int | None:
        """Return the source index of the numbered paragraph a list paragraph is nested under.

        ``ppr`` is the paragraph's properties in force, ``listed`` its list level (numId, ilvl).
        """
        abstract, ilvl, fmt, pattern, indent = self.numbering.list_level(*listed)
        own = left_indent(ppr)  # the paragraph's own indent wins over its list level's
        indent = own if own is not None else indent
        return nesting.parent((abstract, ilvl), (fmt, pattern), indent or 0, index)

    def blocks(self, body: etree._Element) -> list[Block]:
        """Return the blocks of the body in document order."""
        tables = list(body.iter(W_TBL))
        skipped = other_language_paragraphs(tables, self.language) if tables else set()
        out = BlockList(data_rows(tables, skipped))
        nesting = ListNesting()
        carry: tuple[str, int, list] | None = None  # a paragraph whose mark was removed
        # Most documents have no text box: then no paragraph needs its ancestors looked at.
        boxes = next(body.iter(MC_FALLBACK), None) is not None
        # Likewise a paragraph mark is removed only by a tracked change, and hidden text
        # needs w:vanish: without them (the usual case) the per-paragraph checks are skipped.
        tracked = next(body.iter(*(qn(t) for t in TRACKED)), None) is not None
        self.vanish = next(body.iter(W_VANISH), None) is not None
        names = self.styles.names
        unstyled = names.get("")  # the name of a style without w:styleId, if any (as before)
        for index, p in enumerate(body.iter(W_P)):
            if boxes and next(p.iterancestors(MC_FALLBACK), None) is not None:
                continue  # the VML copy of a text box already read from mc:Choice
            if skipped and p in skipped:
                # The other language's column; its list numbers still count, as Word counts.
                if (own := first_child(p, W_PPR)) is not None:
                    self.style_and_label(self.paragraph_props(own))
                continue
            pieces: list[str] = []
            refs: list[tuple[str, str]] = []
            ppr = self.run_text(p, pieces, refs)
            text = "".join(pieces)
            if tracked and self.mark_removed(p):
                # Word joins the text of the two paragraphs as it is, without a space.
                if carry is not None:
                    text, index, refs = carry[0] + text, carry[1], carry[2] + refs
                carry = (text, index, refs)
                continue
            if carry is not None:
                text, index, refs = carry[0] + text, carry[1], carry[2] + refs
                carry = None
            parent = None
            if ppr is None:
                style = unstyled
            else:
                props = self.paragraph_props(ppr)
                style_id, number, listed = self.style_and_label(props)
                if listed and text.strip():
                    text = f"{number} {text.lstrip()}"
                    parent = self.list_parent(props, listed, nesting, index)
                style = names.get(style_id or "", style_id)
            notes = self.note_blocks(refs, style, index) if refs else []
            if parent is None:
                out.add(p, text, style, index, notes)
            else:
                out.add_nested(p, text, style, index, notes, parent)
        if carry is not None:
            out.add(None, carry[0], None, carry[1], self.note_blocks(carry[2], None, carry[1]))
        self.vanish = True  # notes and any other part: look at every run
        return out.finish()

    def note_blocks(
        self, refs: list[tuple[str, str]], style: str | None, index: int
    ) -> list[Block]:
        """Return the footnotes and endnotes a paragraph cites, as note blocks."""
        notes = []
        for kind, note_id in refs:
            if note := self.notes.get((kind, note_id)):
                caption = "Footnote" if kind == "footnote" else "Endnote"
                notes.append(Block(f"[{caption} {note_id}] {note}", style, index, note=True))
        return notes


def hidden(run: etree._Element) -> bool:
    """Return True for a run formatted as hidden text (w:vanish), which Word does not show."""
    vanish = first_grandchild(run, W_RPR, W_VANISH)
    return vanish is not None and vanish.get(W_VAL) not in ("0", "false", "off")
