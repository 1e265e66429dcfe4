"""Turn a flat sequence of text blocks (lines or Word paragraphs) into a Statute.

Documents in the wild are flat: a heading "Article 3 - Incitement", then paragraphs "(1)",
items "(a)", sub-items "(i)". This module recognises those shapes with or without Word heading
styles, in English and French. It never raises on odd input: whatever it cannot place becomes
an unnumbered paragraph, and a document without any article heading becomes a single
article "1" holding every paragraph after the title (so that whole-statute rules still run).

The recognisers of headings are in headings.py, the reading of paragraph markers in
paragraph_levels.py.
"""

from __future__ import annotations

from ..model import Article, Division, Paragraph, Statute
from . import patterns as P
from .blocks import Block, has_heading_style, heading_like, normalise
from .conventions import HISTORY_NOTE, SIGNATURE, TRAILER_START, letters_on_top
from .front import drop_table_of_contents, front_matter
from .headings import Headings
from .paragraph_levels import State, read_paragraph


class Layout(Headings):
    """Reads blocks into a Statute; one instance per document."""

    def __init__(self, blocks: list[Block], language: str) -> None:
        # Word's generated table of contents ("TOC 1" styles) repeats the headings.
        # A block already normalised is kept (blocks are only read here), others copied.
        texts = [(normalise(b.text), b) for b in blocks]
        blocks = [
            b if text == b.text else Block(text, b.style, b.source_index, b.note, b.list_parent)
            for text, b in texts
            if text and not (b.style or "").lower().startswith("toc")
        ]
        super().__init__(blocks, language)
        self.in_schedule = False  # past a "SCHEDULE" heading: no more articles or divisions

    def run(self) -> Statute:
        """Return the Statute these blocks lay out."""
        statute = Statute(language=self.language)
        article: Article | None = None
        last_article: Article | None = None
        division: Division | None = None
        state = State()
        awaiting_heading = False
        signed = False  # past the signature under the last article
        front: list[Block] = []
        # What the previous block became: (the list it went into, the block), so that a
        # heading printed *above* the number ("Offence of incitement" / "1 (1) A person...")
        # can be taken back.
        previous: tuple[list, Block] | None = None
        for index, block in enumerate(self.blocks):
            if block.note:
                note = Paragraph(text=block.text, source_index=block.source_index)
                if article is not None:
                    state.pending_notes.append(note)
                elif last_article is not None:
                    last_article.paragraphs.append(note)  # cited in a division heading
                else:
                    front.append(block)
                continue
            annex = self.schedule(index, last_article is not None)
            if annex is not None:
                self.close(article, state)
                statute.body.append(annex)
                article = last_article = annex
                state, division, previous, signed = State(), None, None, False
                self.in_schedule = True
                awaiting_heading = annex.heading is None
                continue
            new_div = None if self.in_schedule else self.division(block)
            if new_div is not None:
                self.close(article, state)
                article, division, awaiting_heading = None, new_div, new_div.heading is None
                statute.body.append(new_div)
                previous = None
                continue
            self.line_above = previous[1].text if previous else None
            self.previous_text = self.blocks[index - 1].text if index else ""
            header = (
                None if self.in_schedule else self.article(block, last_article, state.section_marks)
            )
            if header is not None:
                self.close(article, state)
                if header.heading is None and previous and self.heading_above(previous, header):
                    container, above = previous
                    container.pop()
                    header.heading = above.text.rstrip(".")
                elif header.heading is not None and previous and self.cross_heading(previous):
                    # "Offences" above "2 Incitement to genocide": a UK-style cross-heading
                    # groups the sections that follow; it is not the last line of the section
                    # before.
                    container, above = previous
                    container.pop()
                    statute.body.append(Division("section", None, above.text, above.source_index))
                article = Article(
                    number=header.number,
                    heading=header.heading,
                    designation=header.designation or self.numbered_designation,
                    source_index=block.source_index,
                )
                state = State()
                last_article, division, previous, signed = article, None, None, False
                statute.body.append(article)
                awaiting_heading = header.heading is None and header.body is None
                if header.body:
                    article.paragraphs.append(
                        read_paragraph(header.body, article, state, block.source_index)
                    )
                continue
            if awaiting_heading and index and self.schedule_reference(index):
                # "SCHEDULE 1" / "Section 8" / "Consequential amendments": the title is below
                # the enabling reference, which stays in the schedule's text.
                assert article is not None
                article.paragraphs.append(
                    Paragraph(text=block.text, source_index=block.source_index)
                )
                continue
            if awaiting_heading and self.next_line_heading(block):
                if article is not None:
                    article.heading = block.text.rstrip(".")
                elif division is not None:
                    division.heading = block.text
                awaiting_heading, previous = False, None
                continue
            awaiting_heading = False
            if article is None and last_article is None:
                front.append(block)  # before the first article: title, preamble...
                previous = (front, block)
                continue
            # Neither the history notes nor the signature are the article's text; rules
            # reading them would find "s. 318" references to amending Acts, or a decree.
            trailer = block.text[:1] in TRAILER_START
            if trailer and HISTORY_NOTE.match(block.text):
                add_metadata(statute, "history", block.text)
                previous = None
                continue
            signed = signed or trailer and SIGNATURE.match(block.text) is not None
            if signed:
                add_metadata(statute, "signature", block.text)
                previous = None
                continue
            # Text between a division heading and its first article stays with the article
            # before it rather than being lost.
            target = article or last_article
            assert target is not None
            target.paragraphs.append(
                read_paragraph(block.text, target, state, block.source_index, block.list_parent)
            )
            previous = (target.paragraphs, block)
        self.close(article, state)
        if not statute.articles:
            return self.without_articles(statute, front)
        caught = drop_table_of_contents(statute)
        front_matter(statute, front + caught)
        return statute

    @staticmethod
    def close(article: Article | None, state: State) -> None:
        """Attach the footnotes cited in an article at its end; settle lettered subsections."""
        if article is not None:
            letters_on_top(article)
            article.paragraphs.extend(state.pending_notes)
        state.pending_notes.clear()

    def without_articles(self, statute: Statute, front: list[Block]) -> Statute:
        """Lay out a document without article headings.

        If Word heading styles mark two or more provisions, each heading starts an article
        numbered 1, 2, 3... in order; otherwise the text after the title is one article "1".
        Either way whole-statute rules still see every paragraph.
        """
        blocks = [b for b in self.blocks if not b.note]
        head: list[Block] = []
        if len(blocks) > 1 and (
            heading_like(blocks[0].text, allow_period=False) or is_title(blocks[0])
        ):
            head.append(blocks[0])
        rest = blocks[len(head) :]
        while rest and (P.LONG_TITLE.match(rest[0].text) or P.ENACTING.search(rest[0].text)):
            head.append(rest.pop(0))
        headed = [b for b in rest if has_heading_style(b) and not is_title(b)]
        starts = {id(b) for b in headed} if len(headed) >= 2 else set()
        if starts:
            first = next(i for i, b in enumerate(rest) if id(b) in starts)
            head.extend(rest[:first])
            rest = rest[first:]
        front_matter(statute, head)
        article: Article | None = None
        state = State()
        for block in rest:
            if article is None or id(block) in starts:
                article = Article(
                    number=str(len(statute.body) + 1),
                    designation="Article",
                    source_index=block.source_index,
                )
                statute.body.append(article)
                state = State()
                if id(block) in starts:
                    article.heading = block.text
                    continue
            article.paragraphs.append(
                read_paragraph(block.text, article, state, block.source_index, block.list_parent)
            )
        return statute


def add_metadata(statute: Statute, key: str, text: str) -> None:
    """Append a line to one of the statute's metadata texts."""
    old = statute.metadata.get(key)
    statute.metadata[key] = f"{old}\n{text}" if old else text


def is_title(block: Block) -> bool:
    """Return True for a block in Word's Title style."""
    return (block.style or "").lower() in ("title", "titre")


def build_statute(blocks: list[Block], language: str) -> Statute:
    """Lay out blocks (lines or Word paragraphs) as a Statute, without kinds or references."""
    return Layout(blocks, language).run()
