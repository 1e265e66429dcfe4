"""Turn a flat sequence of text blocks (lines or Word paragraphs) into a Statute.

Documents in the wild are flat: a heading "Article 3 - Incitement", then paragraphs "(1)",
items "(a)", sub-items "(i)". This module recognises those shapes with or without Word heading
styles, in English and French. It never raises on odd input: whatever it cannot place becomes
an unnumbered paragraph, and a document without any article heading becomes a single
article "1" holding every paragraph after the title (so that whole-statute rules still run).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Article, Division, Paragraph, Statute
from ..regexes import regex_cache
from . import patterns as P
from .blocks import (
    CLOSED,
    STARTS_UPPER,
    Block,
    has_heading_style,
    heading_like,
    inline_heading,
    marker_of,
    normalise,
    split_rest,
)
from .conventions import (
    CONGRESS_SESSION,
    HISTORY_NOTE,
    SENTENCE_OPENER,
    SIGNATURE,
    TRAILER_START,
    letters_on_top,
)
from .front import drop_table_of_contents, front_matter

DEGREE = regex_cache.compile(r"^\d+\s*[°º]")  # "1°", the French item number
LEADING_DIGITS = regex_cache.compile(r"\d+")
SECTION_WORDS = ("section", "§", "s.", "clause")


@dataclass
class Header:
    """A recognised article heading."""

    designation: str
    number: str
    heading: str | None
    body: str | None  # text after the heading on the same line (first paragraph)


@dataclass
class State:
    """Numbering context inside the current article (to read "(i)" as a letter or a numeral)."""

    last_item: str | None = None
    last_roman: str | None = None
    degree: bool = False  # inside a list of "1°" items (their sub-items are "a)", "b)")
    pending_notes: list[Paragraph] = field(default_factory=list)


class Layout:
    """Reads blocks into a Statute; one instance per document."""

    def __init__(self, blocks: list[Block], language: str) -> None:
        # Word's generated table of contents ("TOC 1" styles) repeats the headings.
        # A block already normalised is kept (blocks are only read here), others copied.
        texts = [(normalise(b.text), b) for b in blocks]
        self.blocks = [
            b if text == b.text else Block(text, b.style, b.source_index, b.note, b.list_parent)
            for text, b in texts
            if text and not (b.style or "").lower().startswith("toc")
        ]
        self.language = language
        # Each line's article-heading match and how its rest splits, asked here and in run().
        self.heads: dict[str, tuple[re.Match[str] | None, tuple | None]] = {}
        words = [self._article_word(b.text) for b in self.blocks]
        self.schedule_heads = {
            i for i, b in enumerate(self.blocks) if P.SCHEDULE_HEAD.match(b.text) is not None
        }
        for i in self.schedule_heads:
            if i + 1 < len(words) and self.schedule_reference(i + 1):
                words[i + 1] = None
        self.uses_article_word = any(w in ("article", "art") for w in words)
        # French "Section 1" is a division; so is an English one in a statute of "Articles".
        self.section_is_division = self.uses_article_word or language == "fr"
        # What to call "3." headings: common-law statutes number sections, French ones articles.
        self.numbered_designation = "Article" if language == "fr" else "Section"
        self.line_above: str | None = None  # the text of the block before the current one
        self.section_marks = False  # does the current article number its paragraphs "§ 1"?
        self.in_schedule = False  # past a "SCHEDULE" heading: no more articles or divisions
        # A "SCHEDULE" line in an arrangement of sections (table of contents) is followed by
        # the title and enacting formula of the Act; the real schedule is not.
        self.schedule_lines: set[int] = set()
        for i, b in enumerate(self.blocks):
            if i in self.schedule_heads:
                self.schedule_lines.add(i)
            elif self.schedule_lines and (P.ENACTING.search(b.text) or P.LONG_TITLE.match(b.text)):
                self.schedule_lines.clear()
        # Sections headed "Section 3" or numbered "3 (1) ..." alone: the convention most
        # headings follow, so that one stray "Section 8" does not decide for the whole Act.
        section_words = sum(w in SECTION_WORDS for w in words)
        self.uses_words = self.uses_article_word or (
            section_words > 0
            and not self.section_is_division
            and section_words >= self.numbered_section_count()
        )
        self.previous_text = ""  # the block before the one being read

    def head(self, text: str) -> tuple[re.Match[str] | None, tuple | None]:
        """Return a line's article-heading match and ``split_rest`` of its rest (memoised)."""
        found = self.heads.get(text)
        if found is None:
            m = P.ARTICLE_HEAD.match(text) or P.SHORT_SECTION_HEAD.match(text)
            found = self.heads[text] = (m, split_rest(m.group("rest")) if m else None)
        return found

    def _article_word(self, text: str) -> str | None:
        m, parts = self.head(text)
        if not m or parts is None:
            return None
        word = m.group("word").lower().rstrip(".")
        return {"sec": "section"}.get(word, word if word != "s" else "s.")

    def schedule_reference(self, index: int) -> bool:
        """Return True for a lone "Section 8" right under a "SCHEDULE 1" heading.

        UK and Commonwealth Acts print the section that enables a schedule beside its title;
        it refers to that section and heads nothing.
        """
        m, parts = self.head(self.blocks[index].text)
        return m is not None and parts == (None, None) and index - 1 in self.schedule_heads

    def numbered_section_count(self) -> int:
        """Count the lines that head a section by its number alone.

        "318 (1) Every person..." (a number, then subsection 1) or a number in a Word heading
        style ("1 Incitement to genocide" in Heading 3); list items ("1. Genocide") are not
        counted, as they also appear in statutes of "Section 3" headings.
        """
        count = 0
        for block in self.blocks:
            m = P.NUMBERED_HEAD.match(block.text)
            if m and ((m.group("rest") or "").startswith("(1)") or has_heading_style(block)):
                count += 1
        return count

    # -- recognisers ---------------------------------------------------------------------

    def schedule(self, index: int, seen_article: bool) -> Article | None:
        """Return the schedule (annex) a heading line opens, as an article, or None."""
        if index not in self.schedule_lines or not seen_article:
            return None  # the usual block: not a schedule heading (matched in __init__)
        block = self.blocks[index]
        m = P.SCHEDULE_HEAD.match(block.text)
        if not m:
            return None
        if not heading_like(block.text, allow_period=False):
            return None
        rest = m.group("rest").strip() or None
        if rest and not (block.text.isupper() or has_heading_style(block) or rest[:1].isupper()):
            return None  # "Schedule of fees applies ..." is a sentence
        word = m.group("word").title()
        ordinal = m.group("ordinal")
        number = m.group("num") or ""
        name = " ".join(x for x in (ordinal and ordinal.title(), word, number) if x)
        # The printed name is the number: "Schedule", "First Schedule", "Annex 2".
        return Article(number=name, heading=rest, designation="", source_index=block.source_index)

    def division(self, block: Block) -> Division | None:
        """Return the division a block opens ("PART II - Offences"), or None."""
        m = P.DIVISION_HEAD.match(block.text)
        if not m:
            return None
        kind = P.DIVISION_WORDS[m.group("word").lower()]
        if m.group("word").lower() == "section" and not self.section_is_division:
            return None
        parts = split_rest(m.group("rest"))
        if parts is None or parts[1] is not None and not has_heading_style(block):
            return None
        number = m.group("num")
        heading = parts[0] or parts[1]
        return Division(kind, number, heading, block.source_index)

    def article(self, block: Block, last: Article | None) -> Header | None:
        """Return the article heading a block opens, or None."""
        m, parts = self.head(block.text)
        if m:
            word = m.group("word")
            if word.lower() in ("section", "sec.") and self.section_is_division:
                return None
            # "...an offence under sub-" / "section (2)": a designation in lower case after an
            # unfinished line is the rest of its sentence ("s. 130" is the abbreviation that
            # heads sections in lower case).
            if word[0].islower() and word != "s." and not self.previous_text.endswith(CLOSED):
                return None
            # Belgian and German style "Art. 3. § 1er. ... § 2. ...": once an article's
            # paragraphs are numbered with "§", a "§ 2" line is its next paragraph.
            if word == "§" and self.section_marks:
                return None
            if parts is None:
                return None
            designation = {"art": "Art.", "sec": "Sec."}.get(word.lower().rstrip("."), word)
            if designation.isupper() and len(designation) > 3:
                designation = designation.title()  # "ARTICLE" is typography, not a name
            return Header(designation, m.group("num").strip(), parts[0], parts[1])
        if self.uses_words:
            return self.numbered_among_words(block, last)
        return self.numbered(block, last)

    def numbered_among_words(self, block: Block, last: Article | None) -> Header | None:
        """Read "2. Commencement" as the next article in a statute of "Article 1" headings.

        Drafts mix styles: a final "2. Commencement" after "Article 1 - Offence". It is an
        article only if it is a bare heading numbered right after the last article, and that
        article neither numbers its own paragraphs nor ends with a list lead-in.
        """
        m = P.NUMBERED_HEAD.match(block.text)
        if m is None or last is None or not m.group("dot"):
            return None
        rest = (m.group("rest") or "").strip()
        if not rest or not STARTS_UPPER.match(rest) or len(rest.split()) > 6:
            return None
        if not heading_like(rest, allow_period=False) or P.FINITE_VERB.search(rest):
            return None
        key, prev = order(m.group("num")), order(last.number)
        if key[1] or key[0] != prev[0] + 1:
            return None
        if any(p.number is not None and p.level == 0 for p in last.paragraphs):
            return None  # "2." is the article's next numbered paragraph
        if last.paragraphs and last.paragraphs[-1].text.rstrip().endswith((":", "—", "-")):
            return None  # an item of a list
        return Header(last.designation, m.group("num"), rest, None)

    def numbered(self, block: Block, last: Article | None) -> Header | None:
        """Read "3.", "3. Heading", "130 Incitement", "3. (1) A person..." as article 3."""
        m = P.NUMBERED_HEAD.match(block.text)
        if not m or P.CHAPTER_CITATION.match(block.text) or CONGRESS_SESSION.match(block.text):
            return None
        number, rest = m.group("num"), (m.group("rest") or "").strip()
        key, prev = order(number), order(last.number) if last else (0, "")
        after = key > prev
        in_sequence = (
            (last is None and key[0] <= 1)
            or (key[0] == prev[0] + 1 and not key[1])
            or (key[0] == prev[0] and after)  # 51A, 51B after 51
        )
        # A number lower than the last one (section "2. Commencement" after the sections
        # 51A-51C that an amending Act inserts) heads an article unless it continues a list.
        listed = last is not None and any(p.number == str(key[0] - 1) for p in last.paragraphs)
        restart = key[0] >= 2 and not listed
        if not rest:
            return Header("", number, None, None) if in_sequence or after else None
        found = marker_of(rest)
        if found and found[1] == "para" and rest.startswith("("):
            return Header("", number, None, rest) if after or restart else None
        if not STARTS_UPPER.match(rest):
            return None
        if split := inline_heading(rest):
            return Header("", number, split[0], split[1]) if after or restart else None
        if heading_like(rest, allow_period=False) or has_heading_style(block):
            return Header("", number, rest, None) if after or restart else None
        if listed:
            return None
        # "3. A person who..." is section 3 written on one line, and so is "62. This Act
        # comes into operation..." after section 26: Acts and excerpts skip numbers.
        if not (in_sequence or m.group("dot") and after):
            return None
        # "1 This Act may be cited as..." (no dot) is a section only under a heading line.
        if not m.group("dot") and not self.after_heading_line():
            return None
        return Header("", number, None, rest)

    def after_heading_line(self) -> bool:
        """Return True if the block before the current one reads as a heading."""
        return self.line_above is not None and heading_like(self.line_above, allow_period=False)

    # -- paragraphs ----------------------------------------------------------------------

    def paragraph(
        self,
        text: str,
        article: Article,
        state: State,
        index: int | None,
        list_parent: int | None = None,
    ) -> Paragraph:
        """Read a paragraph's marker into its number and level.

        ``list_parent`` (Block.list_parent): the numbered paragraph a Word list nests this one
        under; a "1." there is an item of it, not a paragraph beside it.
        """
        found = marker_of(text)
        if not found:
            state.degree = False  # an unnumbered alinéa closes a list of "1°" items
            return Paragraph(text=text, source_index=index)
        m, kind = found
        body = text[m.end() :].strip()
        if text.startswith("§"):
            self.section_marks = True
        if not body and kind != "bullet":
            return Paragraph(text=text, source_index=index)
        if kind == "bullet":
            # A bullet sits under a numbered paragraph or a lead-in ending with ":", and
            # beside the bullet or plain paragraph before it.
            prev = article.paragraphs[-1] if article.paragraphs else None
            level = 0
            if prev is not None:
                deeper = prev.number is not None or prev.text.endswith(":")
                level = min(prev.level + deeper, 2)
            return Paragraph(text=body, number=None, level=level, source_index=index)
        number = m.group(1)
        prev = article.paragraphs[-1] if article.paragraphs else None
        lead_in = prev is not None and prev.text.rstrip().endswith((":", "—", "–"))
        if DEGREE.match(text) and (lead_in or state.degree):
            # "1°" after a lead-in ending with ":" (or after another "1°" item) is an item
            # of the paragraph above, as French statutes print lists; without a lead-in,
            # gazettes print "1°" at the level of paragraphs and it stays one.
            state.degree, state.last_item, state.last_roman = True, number, None
            return Paragraph(text=body, number=number, level=1, source_index=index)
        if state.degree and kind in ("item", "roman") and prev is not None and prev.level > 0:
            # "a)" under a "1°" item is a sub-item, whatever letter it is ("c)", "i)").
            state.last_roman = number
            return Paragraph(text=body, number=number, level=2, source_index=index)
        if kind == "roman" and self.is_letter(number, state, lead_in):
            kind = "item"
        if kind == "para" and list_parent is not None:
            level = nested_level(article, list_parent)
            if level is not None:
                state.degree, state.last_item, state.last_roman = False, number, None
                return Paragraph(text=body, number=number, level=level, source_index=index)
        if kind == "para":
            state.degree = False
            state.last_item = state.last_roman = None
            return Paragraph(text=body, number=number, level=0, source_index=index)
        if kind == "item":
            state.last_item, state.last_roman = number, None
            return Paragraph(text=body, number=number, level=1, source_index=index)
        state.last_roman = number
        return Paragraph(text=body, number=number, level=2, source_index=index)

    @staticmethod
    def is_letter(number: str, state: State, lead_in: bool = False) -> bool:
        """Decide whether "(i)", "(v)", "(x)"... continues a list of letters (h, i) or numerals.

        After a lead-in ending with ":" a "(i)" opens numerals; inside numerals, the next
        numeral continues them and anything else that follows the last letter is a letter
        ("(h) ... (i) (ii) (iii)" then "(i)" is the item after "(h)").
        """
        last = state.last_item
        if last and len(last) == len(number) and ord(number[0]) - ord(last[0].lower()) == 1:
            if lead_in:
                return False
            if state.last_roman is None:
                return True
            return roman_value(number) != roman_value(state.last_roman) + 1
        if number == "i" or len(number) > 1:
            return False
        return state.last_roman is None and number in "cdlm"

    # -- the document --------------------------------------------------------------------

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
                self.in_schedule, self.section_marks = True, False
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
            header = None if self.in_schedule else self.article(block, last_article)
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
                self.section_marks = False
                last_article, division, previous, signed = article, None, None, False
                statute.body.append(article)
                awaiting_heading = header.heading is None and header.body is None
                if header.body:
                    article.paragraphs.append(
                        self.paragraph(header.body, article, state, block.source_index)
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
                self.paragraph(block.text, target, state, block.source_index, block.list_parent)
            )
            previous = (target.paragraphs, block)
        self.close(article, state)
        if not statute.articles:
            return self.without_articles(statute, front)
        caught = drop_table_of_contents(statute)
        front_matter(statute, front + caught)
        return statute

    def heading_above(self, previous: tuple[list, Block], header: Header) -> bool:
        """Return True if the line above an article number is its heading (common-law style)."""
        container, block = previous
        text = block.text
        # A marginal note may end with a full stop ("Hate speech." above "13. (1) A person
        # ..."); a short sentence does not open with a determiner or a pronoun.
        note = heading_like(text) and not SENTENCE_OPENER.match(text)
        if not (note or heading_like(text, allow_period=False)) or not STARTS_UPPER.match(text):
            return False
        if P.ENACTING.search(text) or P.LONG_TITLE.match(text) or len(container) < 2:
            return False  # never take the title, or an article's only paragraph
        if isinstance(container[-1], Block) and (P.LAW_TITLE.search(text) or text.isupper()):
            return False  # "REPUBLIC OF X", "THE PRESS ACT": front matter, not a heading
        last = container[-1]
        if isinstance(last, Paragraph) and (last.number is not None or last.level > 0):
            return False
        # Only where the number line cannot have its heading below it.
        return has_heading_style(block) or header.body is not None or header.designation == ""

    @staticmethod
    def cross_heading(previous: tuple[list, Block]) -> bool:
        """Return True if the line above a headed article is a heading grouping articles."""
        container, block = previous
        text = block.text
        if len(container) < 2 or not isinstance(container[-1], Paragraph):
            return False  # never take an article's only paragraph, nor front matter
        last = container[-1]
        if last.number is not None or last.level > 0 or len(text.split()) > 6:
            return False
        return (
            heading_like(text, allow_period=False)
            and bool(STARTS_UPPER.match(text))
            and not P.FINITE_VERB.search(text)
            and not P.ENACTING.search(text)
        )

    def next_line_heading(self, block: Block) -> bool:
        """Return True if a block right after a bare "Article 3" line is that article's heading."""
        if has_heading_style(block):
            return True
        text = block.text
        return heading_like(text, allow_period=False) and bool(STARTS_UPPER.match(text))

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
                self.paragraph(block.text, article, state, block.source_index, block.list_parent)
            )
        return statute


def nested_level(article: Article, parent: int) -> int | None:
    """Return the level under the article's numbered paragraph at source index parent, if any."""
    for para in reversed(article.paragraphs):
        if para.source_index == parent and para.number is not None:
            return min(para.level + 1, 2)
    return None


def add_metadata(statute: Statute, key: str, text: str) -> None:
    """Append a line to one of the statute's metadata texts."""
    old = statute.metadata.get(key)
    statute.metadata[key] = f"{old}\n{text}" if old else text


def order(number: str) -> tuple[int, str]:
    """Return a sort key for a printed number: "51B" -> (51, "b"), "premier" -> (0, ...)."""
    m = LEADING_DIGITS.match(number)
    if not m:
        return (1, "") if number.lower() in ("premier", "1er", "one", "first") else (0, "")
    return int(m.group()), number[m.end() :].strip().lower()


def is_title(block: Block) -> bool:
    """Return True for a block in Word's Title style."""
    return (block.style or "").lower() in ("title", "titre")


def build_statute(blocks: list[Block], language: str) -> Statute:
    """Lay out blocks (lines or Word paragraphs) as a Statute, without kinds or references."""
    return Layout(blocks, language).run()


ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}


def roman_value(numeral: str) -> int:
    """Return the value of a lower-case Roman numeral ("iv" -> 4); 0 if it is not one."""
    total = 0
    values = [ROMAN_VALUES.get(ch, 0) for ch in numeral.lower()]
    if not values or 0 in values:
        return 0
    for value, following in zip(values, values[1:] + [0]):
        total += -value if value < following else value
    return total
