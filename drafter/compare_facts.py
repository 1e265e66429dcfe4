"""The language-independent facts of each paragraph that ``drafter compare`` lines up.

Two language versions of a law share no words, but they share their skeleton and their
figures: the level of every paragraph and item, the numbers written in digits or in words
("seven (7)", "sept"), the articles and paragraphs they refer to, the penalties they set and
where terms are defined. This module reads those facts once per statute, with the reader's
cross-references and definitions and the linter's sanction reader, so that the comparison only
has to compare plain values.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .citations import cited, paragraph_places
from .lint.numbering import NUMBER, article_key, normalise_number, number_value, roman_value
from .lint.sanctions import read_sanctions
from .model import Article, CrossReference, Definition, Sanction, Statute

NUMBER_RE = re.compile(NUMBER, re.IGNORECASE)
# "one"/"un"/"une" alone are far more often a pronoun or an article ("one of the following",
# "une amende") than a figure; they count only with digits after them: "one (1) year".
BARE_ONE = re.compile(r"^(?:one|un|une)$", re.IGNORECASE)
# Idioms with a number word and no counterpart number in the other language: "ou de l'une de
# ces deux peines" is the French for "or to both".
IDIOMS = re.compile(r"\b(?:ces|les|des) deux(?= peines\b|\s*$|[,;.])", re.IGNORECASE)
# What is left of a reference after the reader's spans are blanked: article, paragraph and item
# numbering is structure, compared by the reference check, not figures.
REF_WORD = (
    r"(?:articles?|art\.|sections?|ss?\.|§§?|paragraphs?|paragraphes?|subsections?|"
    r"sub-sections?|alinéas?|items?|points?|parts?|chapters?|chapitres?|titres?)"
)
REF_NUM = r"(?:\d+[A-Za-z]?(?:\s?(?:bis|ter|quater))?|premier|1er|[IVXLC]+\b)"
REF_TAIL = r"(?:\s*\(\w{1,4}\))*(?:\s*°)?"
REF_STRIP = re.compile(
    rf"\b{REF_WORD}\s*\(?{REF_NUM}\)?{REF_TAIL}"
    rf"(?:\s*(?:,|and|or|to|à|et|ou|-|–)\s*(?:l['’])?(?:{REF_WORD}\s*)?\(?{REF_NUM}\)?{REF_TAIL})*",
    re.IGNORECASE,
)
ITEM_REF = re.compile(r"(?<![\w(])\d+\s*°")  # "2°" inside "article 7, alinéa 2, 2°"
# A duration after a figure ("seven (7) years", "sept ans", "six mois"): a term, also a penalty.
TERM_AFTER = re.compile(
    r"^\s*(?:\(\s*\d+\s*\)\s*)?[\s-]*(?:years?|months?|weeks?|days?|ans?|années?|mois|"
    r"semaines?|jours?)\b",
    re.IGNORECASE,
)
# Thousands separated by a comma, a dot or a (non-breaking) space: a separator followed by
# exactly three digits; "2,5" and "2.5" stay decimals.
THOUSANDS = re.compile(r"(?<![\d.,])\d{1,3}(?:[,.\u00a0\u202f ]\d{3})+(?![\d]|[.,]\d)")
YEAR = re.compile(r"\b(?:1[89]|2[01])\d\d\b")


@dataclass(frozen=True)
class Figure:
    """A number written in a paragraph: its value and where it is printed."""

    value: str  # "7", "2.5": comparable across languages
    start: int
    end: int
    duration: bool  # followed by years/months/ans/mois: a term, compared as a penalty too


@dataclass
class ParaFacts:
    """What one paragraph (or item) says that a translation must keep."""

    index: int  # 1-based into Article.paragraphs
    level: int
    text: str
    figures: list[Figure] = field(default_factory=list)
    refs: list[CrossReference] = field(default_factory=list)
    penalties: list[Sanction] = field(default_factory=list)
    definitions: list[Definition] = field(default_factory=list)

    def values(self, durations: bool = True) -> Counter[str]:
        """Return the multiset of figures, optionally without the terms of years or months."""
        return Counter(f.value for f in self.figures if durations or not f.duration)


@dataclass
class ArticleFacts:
    """An article and the facts of its paragraphs."""

    article: Article
    index: int  # 0-based position among the statute's articles
    paragraphs: list[ParaFacts]
    key: tuple[int, int] | None  # the comparable article number, None if not numeric

    @property
    def shape(self) -> tuple[int, ...]:
        """Return the levels of the paragraphs in order: the article's skeleton."""
        return tuple(p.level for p in self.paragraphs)

    def values(self) -> Counter[str]:
        """Return the multiset of figures of the whole article."""
        total: Counter[str] = Counter()
        for para in self.paragraphs:
            total.update(para.values())
        return total


@dataclass
class StatuteFacts:
    """A statute read for comparison: its articles' facts and where terms are defined."""

    statute: Statute
    file: str
    articles: list[ArticleFacts]
    by_number: dict[str, int]  # normalised article number -> index (first one printed so)

    @property
    def language(self) -> str:
        """Return the statute's language."""
        return self.statute.language


def figures_in(text: str, blanks: list[tuple[int, int]], ignore: set[str]) -> list[Figure]:
    """Return the numbers of a text, skipping the spans in ``blanks`` and the values ``ignore``."""
    clean = text
    # The patterns first, on the text as printed: once a reader's span is blanked, "paragraph
    # (1) or (2)" would leave a bare "(2)" behind.
    for pattern in (REF_STRIP, ITEM_REF, IDIOMS):
        clean = pattern.sub(lambda m: " " * len(m.group(0)), clean)
    chars = list(clean)
    for start, end in blanks:
        chars[start:end] = " " * (end - start)
    # "100,000", "100 000" and "100.000" are one figure: drop the separators, keep the offsets.
    clean = THOUSANDS.sub(
        lambda m: re.sub(r"\D", "", m.group(0)).ljust(len(m.group(0))), "".join(chars)
    )
    found: list[Figure] = []
    for match in NUMBER_RE.finditer(clean):
        printed = match.group(0).strip()
        if not printed or BARE_ONE.match(printed):
            continue
        try:
            value = number_value(printed)
        except ValueError:
            continue
        shown = str(int(value)) if float(value).is_integer() else str(value)
        if shown in ignore:
            continue
        duration = bool(TERM_AFTER.match(clean[match.end() :]))
        found.append(Figure(shown, match.start(), match.end(), duration))
    return found


def act_years(*statutes: Statute) -> set[str]:
    """Return the years printed in the titles: the year of the Act is not a figure to compare."""
    years: set[str] = set()
    for statute in statutes:
        years.update(YEAR.findall(f"{statute.title} {statute.long_title or ''}"))
    return years


def penalties_by_paragraph(statute: Statute) -> dict[tuple[int, int], list[Sanction]]:
    """Return each penalty once, keyed by (article position, paragraph index)."""
    position = {id(a): i for i, a in enumerate(statute.articles)}
    first = {a.number: i for i, a in reversed(list(enumerate(statute.articles)))}
    found: dict[tuple[int, int], list[Sanction]] = {}
    seen: set[tuple[int, int, int]] = set()
    for sanction in read_sanctions(statute):
        source = getattr(sanction, "source", None)
        article = position.get(id(source), first.get(sanction.article, -1))
        key = (article, sanction.paragraph, sanction.start)
        if key in seen:
            continue  # one record per offence it punishes: the penalty is written once
        seen.add(key)
        found.setdefault((article, sanction.paragraph), []).append(sanction)
    return found


def statute_facts(statute: Statute, file: str, ignore: set[str]) -> StatuteFacts:
    """Read the facts of every paragraph of a statute."""
    articles = statute.articles
    first: dict[str, int] = {}
    for i, article in enumerate(articles):
        first.setdefault(article.number, i)
    refs: dict[tuple[int, int], list[CrossReference]] = {}
    for ref in statute.cross_references:
        refs.setdefault((first.get(ref.article, -1), ref.paragraph), []).append(ref)
    defs: dict[tuple[int, int], list[Definition]] = {}
    for definition in statute.definitions:
        key = (first.get(definition.article, -1), definition.paragraph)
        defs.setdefault(key, []).append(definition)
    penalties = penalties_by_paragraph(statute)
    facts: list[ArticleFacts] = []
    for i, article in enumerate(articles):
        paras: list[ParaFacts] = []
        for index, para in enumerate(article.paragraphs, start=1):
            own_refs = refs.get((i, index), [])
            blanks = [(r.start, r.end) for r in own_refs]
            paras.append(
                ParaFacts(
                    index=index,
                    level=max(0, para.level),
                    text=para.text,
                    figures=figures_in(para.text, blanks, ignore),
                    refs=own_refs,
                    penalties=penalties.get((i, index), []),
                    definitions=defs.get((i, index), []),
                )
            )
        facts.append(ArticleFacts(article, i, paras, article_key(article.number)))
    by_number: dict[str, int] = {}
    for i, article in enumerate(articles):
        by_number.setdefault(normalise_number(article.number), i)
    return StatuteFacts(statute, file, facts, by_number)


def item_value(item: str | None) -> str | None:
    """Return an item reference in comparable form: "(b)" and "2°" are both "2"."""
    if item is None:
        return None
    text = item.strip("()° ").lower()
    if text.isdigit():
        return str(int(text))
    if len(text) == 1 and text.isalpha():
        return str(ord(text) - ord("a") + 1)
    if re.fullmatch(r"[ivxlcdm]+", text):
        return f"r{roman_value(text)}"
    return text


def penalty_figures(sanction: Sanction) -> tuple:
    """Return what a penalty fixes: minimum and maximum months, life, death, fine, multiplier."""
    return (
        sanction.min_months,
        sanction.max_months,
        sanction.life,
        bool(getattr(sanction, "death", False)),
        sanction.fine,
        sanction.multiplier,
    )


def is_figure_penalty(sanction: Sanction) -> bool:
    """Return whether a penalty states a term, life, death or a multiplier (not a bare fine).

    A sentence that only mentions a fine ("no authority may impose a fine") is read as a
    penalty in one language and not in the other too easily to compare.
    """
    return bool(
        sanction.min_months
        or sanction.max_months
        or sanction.life
        or getattr(sanction, "death", False)
        or sanction.multiplier
    )


def describe_penalty(sanction: Sanction, language: str = "en") -> str:
    """Return a penalty's figures in words a reader can check: "max 7 years, or a fine"."""
    parts: list[str] = []

    def span(months: int) -> str:
        if months % 12 == 0:
            years = months // 12
            return f"{years} year{'s' if years != 1 else ''}"
        return f"{months} month{'s' if months != 1 else ''}"

    if sanction.life:
        parts.append("life imprisonment")
    if getattr(sanction, "death", False):
        parts.append("death penalty")
    if sanction.min_months:
        parts.append(f"minimum {span(sanction.min_months)}")
    if sanction.max_months:
        parts.append(f"maximum {span(sanction.max_months)}")
    if sanction.multiplier:
        parts.append(f"multiplied by {sanction.multiplier:g}")
    if sanction.fine:
        parts.append("fine")
    return ", ".join(parts) or "penalty"


def place_label(article: Article, index: int | None, language: str) -> str:
    """Return where a paragraph is, as a lawyer of that language cites it.

    English: "Article 5(1)(a)" (an unnumbered paragraph: "Article 4, paragraph 1"); French:
    "Article 5, alinéa premier, 2°, a)" (see ``drafter.citations.place_citation``).
    """
    caption = article.caption
    if index is None or not 0 < index <= len(article.paragraphs) or len(article.paragraphs) == 1:
        return caption  # an article of one paragraph is cited as the article
    return cited(caption, paragraph_places(article, language)[index - 1])


def quote(text: str, start: int = 0, end: int | None = None, width: int = 70) -> str:
    """Return a short quote of a text around [start, end), with ellipses where it is cut."""
    if end is None:
        text = " ".join(text.split())
        return text if len(text) <= width else text[: width - 1].rstrip() + "…"
    if len(text) <= width:
        return " ".join(text.split())
    end = min(end, start + width)  # a long penalty sentence: its beginning says enough
    margin = max(0, (width - (end - start)) // 2)
    left = max(0, start - margin)
    right = min(len(text), max(end, left + width))
    piece = " ".join(text[left:right].split())
    return ("…" if left > 0 else "") + piece + ("…" if right < len(text) else "")
