"""Where each side of a mismatch is: the places ``drafter compare`` reports.

A place names the file, the article, the paragraph as a lawyer of that language cites it
("Article 5(1)(a)", "Article 5, alinéa premier, 2°") and a short quote. The side that lacks
something gets the place where it would be ("between Article 3 and Article 4").
"""

from __future__ import annotations

from dataclasses import dataclass

from .compare_align import Pair
from .compare_facts import StatuteFacts, item_value, place_label, quote
from .lint.numbering import normalise_number
from .model import CrossReference


@dataclass
class Place:
    """Where one side of a mismatch is: the file, the article, the paragraph and a quote.

    ``missing`` marks the side that lacks the thing: its place is where it would be
    ("between Article 4 and Article 5") and its quote is empty.
    """

    file: str
    article: str | None  # the printed caption, "Article 5"; None: the statute as a whole
    number: str | None  # the article number as printed
    heading: str | None
    paragraph: int | None  # 1-based index into the article's paragraphs
    cite: str  # "Article 5(1)(a)", "Article 5, alinéa premier, 2°", "after Article 3, 2°"
    quote: str
    missing: bool = False


class Sides:
    """Builds the places of both sides; holds the pairing to translate numbers across."""

    def __init__(self, a: StatuteFacts, b: StatuteFacts, pairs: list[Pair]) -> None:
        self.a, self.b, self.pairs = a, b, pairs
        self.b_to_a = {j: i for i, j in pairs if i is not None and j is not None}
        self.a_to_b = {i: j for i, j in pairs if i is not None and j is not None}

    def article(self, side: StatuteFacts, i: int) -> Place:
        """Return the place of a whole article."""
        art = side.articles[i].article
        first = art.paragraphs[0].text if art.paragraphs else ""
        return Place(
            side.file, art.caption, art.number, art.heading, None, art.caption,
            quote(art.heading or first),
        )  # fmt: skip

    def paragraph(
        self, side: StatuteFacts, i: int, para: int, span: tuple[int, int] | None = None
    ) -> Place:
        """Return the place of a paragraph (1-based), quoting around ``span`` if given."""
        art = side.articles[i].article
        text = art.paragraphs[para - 1].text
        shown = quote(text, *span) if span else quote(text)
        cite = place_label(art, para, side.language)
        return Place(side.file, art.caption, art.number, art.heading, para, cite, shown)

    def article_gap(self, side: StatuteFacts, k: int, present: int) -> Place:
        """Return where the article of pair ``k`` would be on a side that lacks it."""
        before = [p[present] for p in self.pairs[:k] if p[present] is not None]
        after = [p[present] for p in self.pairs[k + 1 :] if p[present] is not None]
        arts = side.articles
        if before and after:
            cite = (
                f"between {arts[before[-1]].article.caption} and {arts[after[0]].article.caption}"
            )
        elif before:
            cite = f"after {arts[before[-1]].article.caption}, the last article"
        elif after:
            cite = f"before {arts[after[0]].article.caption}, the first article"
        else:
            cite = "no articles"
        near = arts[before[-1]].article if before else (arts[after[0]].article if after else None)
        return Place(
            side.file, near.caption if near else None, near.number if near else None,
            near.heading if near else None, None, cite, "", missing=True,
        )  # fmt: skip

    def paragraph_gap(
        self, side: StatuteFacts, i: int, pairs: list[Pair], k: int, present: int
    ) -> Place:
        """Return where the paragraph of pair ``k`` would be in article ``i`` of a side."""
        art = side.articles[i].article
        before = [p[present] for p in pairs[:k] if p[present] is not None]
        after = [p[present] for p in pairs[k + 1 :] if p[present] is not None]
        lang = side.language
        present_order = [p[present] for p in pairs if p[present] is not None]
        if present_order != sorted(present_order):
            # Definitions sorted in each language's own order: no "between" to speak of.
            cite = f"{art.caption}, none of its definitions"
        elif before and after:
            cite = (
                f"between {place_label(art, before[-1] + 1, lang)} and "
                f"{place_label(art, after[0] + 1, lang)}"
            )
        elif before:
            cite = f"after {place_label(art, before[-1] + 1, lang)}"
        elif after:
            cite = f"before {place_label(art, after[0] + 1, lang)}"
        else:
            cite = f"{art.caption}, which has no paragraphs"
        return Place(side.file, art.caption, art.number, art.heading, None, cite, "", True)

    def target(self, side: StatuteFacts, ref: CrossReference) -> tuple:
        """Return a reference's target in the numbering of side A, to compare across sides."""
        index = side.by_number.get(normalise_number(ref.target_article))
        if index is None:
            where: object = f"?{normalise_number(ref.target_article)}"
        elif side is self.a:
            where = index
        else:
            where = self.b_to_a.get(index, f"b{index}")
        paragraph = normalise_number(ref.target_paragraph) if ref.target_paragraph else None
        return (where, paragraph, item_value(ref.target_item))
