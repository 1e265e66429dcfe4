"""Parse the plain-text statute markup that templates render to into a Statute.

The markup is line-oriented; docs/markup.md documents it. Directives start a line with "::";
any other non-blank line continues the previous block. Numbers are never written in the
markup: articles, paragraphs, items, parts and chapters are numbered here from the structure,
and ``[[ref:label/2/b]]`` is resolved afterwards to "Article 7(2)(b)" (in French "article 7,
alinéa 2, 2°"; drafter.style prints each language).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import AssemblyError
from .model import Article, ArticleKind, Division, Paragraph, Statute
from .style import ARTICLE_WORD, PART_KIND, first_number, reference_text

DIRECTIVE = re.compile(r"^::([a-z-]+)\s*(.*)$")
ATTRS = re.compile(r"\{([^{}]*)\}\s*$")
REF = re.compile(r"\[\[ref:([A-Za-z0-9_.-]+)(?:/([0-9]+))?(?:/([a-z]+))?\]\]")
TERM = re.compile(r"\[\[term:([^\]|]+)(?:\|([^\]]+))?\]\]")

FRONT = {"title": "title", "long-title": "long_title", "enacting": "enacting_formula"}
LEVELS = {"para": 0, "item": 1, "subitem": 2}
KINDS = {k.value for k in ArticleKind}


@dataclass
class MarkupLine:
    """A directive with its text and the line of the markup it started on."""

    directive: str
    text: str
    line: int


def tokenize(markup: str) -> list[MarkupLine]:
    """Split markup into directives, joining continuation lines to the block before them."""
    blocks: list[MarkupLine] = []
    for lineno, raw in enumerate(markup.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        match = DIRECTIVE.match(line)
        if match:
            blocks.append(MarkupLine(match.group(1), match.group(2).strip(), lineno))
        elif blocks:
            prev = blocks[-1]
            prev.text = f"{prev.text} {line}".strip()
        else:
            raise AssemblyError(f"markup line {lineno}: text before any directive: {line[:60]!r}")
    return blocks


def parse_attrs(text: str, lineno: int) -> tuple[str, dict[str, str]]:
    """Split "Heading {label=x kind=offence}" into the heading and its attributes."""
    match = ATTRS.search(text)
    if not match:
        return text.strip(), {}
    attrs: dict[str, str] = {}
    for pair in match.group(1).split():
        key, sep, value = pair.partition("=")
        if not sep:
            raise AssemblyError(f"markup line {lineno}: attribute {pair!r} needs a value")
        attrs[key] = value
    return text[: match.start()].strip(), attrs


def roman(n: int) -> str:
    """Return n in lower-case Roman numerals."""
    out = []
    for value, letters in (
        (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
        (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
    ):  # fmt: skip
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def letter(n: int) -> str:
    """Return the n-th item letter: a..z, then aa, bb, ... as legislative drafting does."""
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def parse_markup(markup: str, language: str = "en") -> Statute:
    """Parse markup into a numbered Statute with references resolved."""
    statute = Statute(language=language)
    article: Article | None = None
    labels: dict[str, Article] = {}
    counts = {"part": 0, "chapter": 0, "title": 0}
    for block in tokenize(markup):
        d = block.directive
        if d in FRONT:
            setattr(statute, FRONT[d], block.text)
        elif d == "preamble":
            statute.preamble.append(block.text)
        elif d in counts:
            counts[d] += 1
            if d == "part":
                kind, number = PART_KIND.get(language, d), roman(counts[d]).upper()
            else:  # "Chapter 1", "Chapitre premier"
                kind, number = d, first_number(language, counts[d])
            statute.body.append(Division(kind, number, block.text or None))
            article = None
        elif d == "article":
            heading, attrs = parse_attrs(block.text, block.line)
            kind = attrs.get("kind", "general")
            if kind not in KINDS:
                raise AssemblyError(f"markup line {block.line}: unknown article kind {kind!r}")
            article = Article(
                number="",
                heading=heading or None,
                kind=ArticleKind(kind),
                label=attrs.get("label"),
                clause=attrs.get("clause"),
                designation=ARTICLE_WORD.get(language, "Article"),
            )
            if article.label:
                if article.label in labels:
                    raise AssemblyError(
                        f"markup line {block.line}: article label {article.label!r} used twice"
                    )
                labels[article.label] = article
            statute.body.append(article)
        elif d in LEVELS:
            if article is None:
                raise AssemblyError(f"markup line {block.line}: ::{d} outside an article")
            article.paragraphs.append(Paragraph(text=block.text, level=LEVELS[d]))
        elif d == "definitions":
            raise AssemblyError(
                f"markup line {block.line}: ::definitions was not expanded by the assembler"
            )
        else:
            raise AssemblyError(f"markup line {block.line}: unknown directive ::{d}")
    number_statute(statute)
    resolve_references(statute, labels)
    return statute


def number_statute(statute: Statute) -> None:
    """Number articles continuously and paragraphs, items and sub-items within each article."""
    for index, article in enumerate(statute.articles, start=1):
        article.number = first_number(statute.language, index)
        top = [p for p in article.paragraphs if p.level == 0]
        # French alinéas are not numbered in print (references count them by position), and
        # items are numbered "1°", "2°" with sub-items "a)", "b)".
        french = statute.language == "fr"
        counters = [0, 0, 0]
        for para in article.paragraphs:
            counters[para.level] += 1
            for deeper in range(para.level + 1, 3):
                counters[deeper] = 0
            if para.level == 0:
                para.number = str(counters[0]) if len(top) > 1 and not french else None
            elif para.level == 1:
                para.number = str(counters[1]) if french else letter(counters[1])
            else:
                para.number = letter(counters[2]) if french else roman(counters[2])


def resolve_references(statute: Statute, labels: dict[str, Article]) -> None:
    """Replace [[ref:...]] markers by printed references; a dangling one is an error."""

    def replace(match: re.Match[str], where: Article) -> str:
        label, para, item = match.groups()
        target = labels.get(label)
        if target is None:
            known = ", ".join(sorted(labels)) or "none"
            raise AssemblyError(
                f"{where.caption}: reference to unknown article label {label!r} (labels: {known})"
            )
        top = [p for p in target.paragraphs if p.level == 0]
        if para and (int(para) > len(top) or len(top) < 2):
            raise AssemblyError(
                f"{where.caption}: reference to paragraph {para} of {target.caption}, "
                f"which has {len(top)} numbered paragraph(s)"
            )
        return reference_text(target, para, item, statute.language)

    for article in statute.articles:
        for para in article.paragraphs:
            para.text = REF.sub(lambda m, a=article: replace(m, a), para.text)
            para.text = TERM.sub(lambda m: m.group(2) or m.group(1), para.text)
        if article.heading:
            article.heading = TERM.sub(lambda m: m.group(2) or m.group(1), article.heading)
    for attr in ("title", "long_title", "enacting_formula"):
        value = getattr(statute, attr)
        if value:
            setattr(statute, attr, TERM.sub(lambda m: m.group(2) or m.group(1), value))


def terms_used(markup: str) -> set[str]:
    """Return the defined terms marked with [[term:...]] in a piece of markup."""
    return {m.group(1).strip() for m in TERM.finditer(markup)}
