"""Recognise what a line heads: an article ("Article 3", "Section 3", "3."), division or schedule.

A statute's headings follow one convention, which ``Headings`` settles from the whole document
before reading it: does it head its provisions "Article 3", "Section 3" or "3 (1) ..."; is
"Section 1" a division (French codes, statutes of "Articles") or a provision; which "SCHEDULE"
lines open a schedule rather than list one in an arrangement of sections. Its recognisers then
tell, line by line, whether a line opens an article (``article``: its designation, number and
heading), a division or a schedule, and whether the line above or below a number is its heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Article, Division, Paragraph
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
    split_rest,
)
from .conventions import CONGRESS_SESSION, SENTENCE_OPENER

LEADING_DIGITS = regex_cache.compile(r"\d+")
SECTION_WORDS = ("section", "§", "s.", "clause")


@dataclass
class Header:
    """A recognised article heading."""

    designation: str
    number: str
    heading: str | None
    body: str | None  # text after the heading on the same line (first paragraph)


class Headings:
    """What the lines of one document head, given the conventions its headings follow.

    ``Layout`` (layout.py) reads the document with these recognisers and keeps ``line_above``
    and ``previous_text`` up to date as it goes.
    """

    def __init__(self, blocks: list[Block], language: str) -> None:
        self.blocks = blocks
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
        # Where the reader is, set by Layout.run as it goes: the block before the current one.
        self.line_above: str | None = None  # its text, if it went into an article or the front
        self.previous_text = ""  # its text, whatever it was
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

    def article(self, block: Block, last: Article | None, section_marks: bool) -> Header | None:
        """Return the article heading a block opens, or None.

        ``section_marks``: the current article numbers its paragraphs "§ 1" (State).
        """
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
            if word == "§" and section_marks:
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


def order(number: str) -> tuple[int, str]:
    """Return a sort key for a printed number: "51B" -> (51, "b"), "premier" -> (0, ...)."""
    m = LEADING_DIGITS.match(number)
    if not m:
        return (1, "") if number.lower() in ("premier", "1er", "one", "first") else (0, "")
    return int(m.group()), number[m.end() :].strip().lower()
