"""The Statute model: the one structure the generator writes and the linter reads.

It imports neither click, docx nor spaCy. Paragraphs are kept flat, each with a level
(0 = numbered paragraph "(1)", 1 = item "(a)", 2 = sub-item "(i)"), because documents in the
wild are flat sequences of paragraphs and every rule works on one text unit at a time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class ArticleKind(StrEnum):
    """What an article does; most lint rules apply to one kind."""

    GENERAL = "general"  # purpose, scope, application
    DEFINITIONS = "definitions"
    OFFENCE = "offence"
    SANCTION = "sanction"
    PROCEDURE = "procedure"  # prosecution, courts, authorities, appeal, evidence
    EXCEPTIONS = "exceptions"
    FINAL = "final"  # repeal, transitional, review, entry into force


@dataclass
class Paragraph:
    """One text unit of an article: a paragraph, an item or a sub-item.

    ``number`` is the label as printed without brackets ("1", "a", "ii", "1°" -> "1"), or None
    for an unnumbered paragraph. ``source_index`` is the index of the block in the source
    document (a Word paragraph), used to place comments; None for generated text.
    """

    text: str
    number: str | None = None
    level: int = 0
    source_index: int | None = None

    @property
    def marker(self) -> str:
        """Return the number as printed in legislative style: "(1)", "(a)", "(i)" or ""."""
        return f"({self.number})" if self.number else ""


@dataclass
class Division:
    """A heading that groups articles: part, title, chapter or section group."""

    kind: str  # "part", "title", "chapter", "section"
    number: str | None
    heading: str | None
    source_index: int | None = None

    @property
    def caption(self) -> str:
        """Return the division's printed caption, e.g. "Part II" (language-neutral form)."""
        words = {"part": "Part", "title": "Title", "chapter": "Chapter", "section": "Section"}
        name = words.get(self.kind, self.kind.title())
        return f"{name} {self.number}" if self.number else name


@dataclass
class Article:
    """An article (or section): the unit that rules and findings are located by."""

    number: str  # as printed: "3", "130", "premier", "3bis"
    heading: str | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    kind: ArticleKind = ArticleKind.GENERAL
    label: str | None = None  # the generator's label for cross-references
    clause: str | None = None  # the library clause the article came from
    designation: str = "Article"  # the printed word: "Article", "Section", "§", "Art."
    source_index: int | None = None

    @property
    def caption(self) -> str:
        """Return the printed caption, e.g. "Article 3", "§ 130" or "Schedule"."""
        return f"{self.designation} {self.number}".strip()

    @property
    def text(self) -> str:
        """Return all paragraph text joined by newlines (for whole-article searches)."""
        return "\n".join([p.text for p in self.paragraphs])  # a list joins faster


@dataclass
class Definition:
    """A term defined in the statute."""

    term: str
    text: str
    article: str
    paragraph: int  # 1-based index into the article's paragraphs


@dataclass
class CrossReference:
    """A reference in the text to an article (and paragraph/item) of the same statute."""

    text: str  # as printed: "Article 7(2)(b)"
    article: str  # where the reference appears
    paragraph: int  # 1-based
    start: int
    end: int
    target_article: str
    target_paragraph: str | None = None
    target_item: str | None = None


@dataclass
class Sanction:
    """A penalty read from the text and attached to the offence it punishes."""

    article: str  # where the penalty is written
    paragraph: int  # 1-based
    start: int
    end: int
    text: str
    offence_article: str | None = None  # the article of the offence it punishes
    min_months: int | None = None
    max_months: int | None = None
    life: bool = False
    fine: bool = False
    non_custodial: bool = False  # community service, probation, warning...
    multiplier: float | None = None  # "doubled" -> 2.0
    mandatory_dissolution: bool = False


@dataclass
class Statute:
    """A whole statute: front matter, divisions and articles in document order."""

    title: str = ""
    long_title: str | None = None
    enacting_formula: str | None = None
    language: str = "en"
    body: list[Division | Article] = field(default_factory=list)
    preamble: list[str] = field(default_factory=list)  # text before the first article
    definitions: list[Definition] = field(default_factory=list)
    cross_references: list[CrossReference] = field(default_factory=list)
    sanctions: list[Sanction] = field(default_factory=list)
    metadata: dict[str, str] = field(default_factory=dict)
    source: str | None = None  # the file it was read from

    @property
    def articles(self) -> list[Article]:
        """Return the articles in document order."""
        return [b for b in self.body if isinstance(b, Article)]

    @property
    def divisions(self) -> list[Division]:
        """Return the parts, titles and chapters in document order."""
        return [b for b in self.body if isinstance(b, Division)]

    def article(self, number: str) -> Article | None:
        """Return the first article printed with this number, or None."""
        # A scan of the body, without building the article list first: callers that look up
        # many numbers in a statute that no longer changes keep their own index (the lint
        # engine's Context.article); an index here could go stale, as the body is mutable.
        for block in self.body:
            if isinstance(block, Article) and block.number == number:
                return block
        return None

    def articles_of_kind(self, kind: ArticleKind) -> list[Article]:
        """Return the articles of one kind."""
        return [b for b in self.body if isinstance(b, Article) and b.kind == kind]
