"""The rule engine: rules are data (checks/*.yaml); the engine implements a few rule *kinds*.

A kind is a pure function ``(rule, context) -> Iterable[Finding]`` registered with
``@rule_kind("name")``. It never prints or opens files. Modules that define kinds are imported
by ``load_kinds()`` so that the registry is explicit.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import pairwise
from operator import is_
from typing import Any

from ..findings import Finding, Location, Severity, assign_fingerprints
from ..model import Article, ArticleKind, Paragraph, Statute
from ..regexes.prefilter import Gate, fold
from .literal_index import StatuteIndex, set_bits

KindFn = Callable[["Rule", "Context"], Iterable[Finding]]
KINDS: dict[str, KindFn] = {}

# Modules whose import registers rule kinds (explicit registry, no plugin magic).
KIND_MODULES = [
    "drafter.lint.kinds_text",
    "drafter.lint.kinds_sanctions",
    "drafter.lint.kinds_sanction_text",
    "drafter.lint.kinds_structure",
    "drafter.lint.kinds_definitions",
]

FAMILIES = {
    "1": "legality",
    "2": "elements",
    "3": "expression",
    "4": "sanctions",
    "5": "institutions",
    "6": "hygiene",
}
SCOPES = {
    "offence",
    "definitions",
    "sanction",
    "procedure",
    "exceptions",
    "final",
    "general",
    "article",
    "statute",
}


def rule_kind(name: str) -> Callable[[KindFn], KindFn]:
    """Register a function as the implementation of a rule kind."""

    def register(fn: KindFn) -> KindFn:
        KINDS[name] = fn
        return fn

    return register


def load_kinds() -> None:
    """Import every module that registers rule kinds."""
    for module in KIND_MODULES:
        importlib.import_module(module)


@dataclass
class Rule:
    """A lint rule as declared in its checks/ file."""

    code: str  # DRnnn
    name: str  # kebab-case
    severity: Severity
    scope: str  # one of SCOPES
    kind: str  # a key of KINDS
    message: str
    rationale: str
    authorities: list[str]
    fix_clause: str | None
    options: dict[str, Any] = field(default_factory=dict)  # kind-specific: patterns per language...
    examples: dict[str, list[str]] = field(default_factory=dict)  # {"fail": [...], "pass": [...]}
    path: str = ""

    @property
    def family(self) -> str:
        """Return the family name from the code's first digit."""
        return FAMILIES.get(self.code[2:3], "unknown")


@dataclass
class Unit:
    """One text unit to analyse: a paragraph of an article, with where it is."""

    article: Article
    index: int  # 1-based index in article.paragraphs
    paragraph: Paragraph


@dataclass
class Context:
    """What a rule kind sees: the statute, its language, and shared per-paragraph analysis."""

    statute: Statute
    language: str
    file: str | None = None
    cache: dict[str, Any] = field(default_factory=dict)  # analysis shared between rules

    @property
    def articles(self) -> list[Article]:
        """Return the statute's articles in document order (one list shared by every rule)."""
        # Statute.articles rebuilds its list on every call; the statute does not change while
        # the rules run, so the list is built once. Callers must not change it.
        found = self.cache.get("engine.articles")
        if found is None:
            found = self.cache["engine.articles"] = self.statute.articles
        return found

    def article(self, number: str | None) -> Article | None:
        """Return the first article printed with this number (None: no such article)."""
        index = self.cache.get("engine.article_index")
        if index is None:
            index = self.cache["engine.article_index"] = {}
            for article in self.articles:
                index.setdefault(article.number, article)
        return index.get(number) if number is not None else None

    def folded(self, paragraph: Paragraph) -> str:
        """Return a paragraph's text case-folded for literal prefilters (drafter/regexes/prefilter.py)."""
        found = self.cache.setdefault("engine.folded", {})
        text = found.get(id(paragraph))
        if text is None:
            text = found[id(paragraph)] = fold(paragraph.text)
        return text

    def article_text(self, article: Article) -> str:
        """Return an article's heading and text, for conditions on the whole article."""
        found = self.cache.setdefault("engine.article_text", {})
        text = found.get(id(article))
        if text is None:
            text = found[id(article)] = f"{article.heading or ''}\n{article.text}"
        return text

    def folded_article(self, article: Article) -> str:
        """Return ``article_text`` case-folded for literal prefilters."""
        found = self.cache.setdefault("engine.folded_article", {})
        text = found.get(id(article))
        if text is None:
            text = found[id(article)] = fold(self.article_text(article))
        return text

    def _index(self) -> StatuteIndex:
        """Return the literal index of the statute's headings and paragraphs (built once)."""
        index = self.cache.get("engine.literal_index")
        if index is None:
            every = self.articles
            index = self.cache["engine.literal_index"] = StatuteIndex(
                [(fold(a.heading or ""), [self.folded(p) for p in a.paragraphs]) for a in every]
            )
            self.cache["engine.position"] = {id(a): i for i, a in enumerate(every)}
        return index

    def owns(self, article: Article) -> bool:
        """Return whether an article is one of the statute's (not a copy or another's)."""
        self._index()
        return id(article) in self.cache["engine.position"]

    def _span(self, articles: list[Article]) -> int | None:
        """Return the index bits of some articles' paragraphs and guards (None: not answerable).

        Only a list of the statute's own articles in document order is answered from the
        index (the answer comes out in bit order); one list is asked by many rules (a scope),
        so its bits are made once.
        """
        # Most calls ask again about the list of the call before (one rule asking for each of
        # its patterns): checked by identity, item by item, cheaper than a key of every id.
        last = self.cache.get("engine.last_span")
        if (
            last is not None
            and last[0] is articles
            and len(articles) == len(last[1])
            and all(map(is_, articles, last[1]))
        ):
            return last[2]
        key = tuple(map(id, articles))
        spans = self.cache.setdefault("engine.spans", {})
        if key in spans:
            self.cache["engine.last_span"] = (articles, list(articles), spans[key])
            return spans[key]
        index = self._index()
        position = self.cache["engine.position"]
        numbers = [position.get(k, -1) for k in key]
        span = None
        if -1 not in numbers and all(a < b for a, b in pairwise(numbers)):
            # One flag per bit, highest first, set a whole article at a time: a base-2 numeral.
            flags = bytearray(b"0" * index.size)
            top = index.size - 1
            for n in numbers:
                first, guard = index.first_paragraph[n], index.guard[n]
                flags[top - guard : top - first + 1] = b"1" * (guard - first + 1)
            span = int(flags, 2) if flags else 0
        spans[key] = span
        self.cache["engine.last_span"] = (articles, list(articles), span)
        return span

    def _by_bit(self) -> dict[int, Any]:
        """Return what each bit of the index stands for: a paragraph's Unit, an article's guard."""
        found = self.cache.get("engine.by_bit")
        if found is None:
            index = self._index()
            found = self.cache["engine.by_bit"] = {}
            for n, article in enumerate(self.articles):
                found[index.guard[n]] = article
                for bit, unit in enumerate(self.units([article]), start=index.first_paragraph[n]):
                    found[bit] = unit
        return found

    def admitted(self, gate: Gate, articles: list[Article]) -> list[Article]:
        """Return the articles (in order) whose ``folded_article`` text a prefilter admits.

        The same articles as calling ``gate.admits`` on each, answered for all the statute's
        articles at once by a literal index (literal_index.py): asking each of thousands of
        articles for each of ~100 rules cost more than the rules' own patterns.
        """
        if gate.conjunctions is None:
            return list(articles)
        index = self._index()
        bits = index.articles(gate, lambda: [self.folded_article(a) for a in self.articles])
        span = self._span(articles)
        if span is not None:
            by_bit = self._by_bit()
            return [by_bit[bit] for bit in set_bits(bits & span)]
        position = self.cache["engine.position"]
        held = set(set_bits(bits))
        out = []
        for article in articles:
            i = position.get(id(article))
            if i is None:  # not one of the statute's articles: asked directly
                if gate.admits(self.folded_article(article)):
                    out.append(article)
            elif index.guard[i] in held:
                out.append(article)
        return out

    def admitted_units(self, gate: Gate, articles: list[Article]) -> list[Unit]:
        """Return the paragraphs (as Units, in order) of some articles that a prefilter admits.

        The same units as ``units(articles)`` whose ``folded`` paragraph ``gate.admits``,
        answered by the literal index: asking each paragraph cost ~2 µs a time, 40,000 times.
        """
        if gate.conjunctions is None:
            return list(self.units(articles))
        span = self._span(articles)
        if span is None:
            return [u for u in self.units(articles) if gate.admits(self.folded(u.paragraph))]
        by_bit = self._by_bit()
        return [by_bit[bit] for bit in set_bits(self._index().paragraphs(gate) & span)]

    def memo(self, key: str, compute: Callable[[], Any]) -> Any:
        """Return ``compute()``, computed once per lint run and shared by every rule."""
        if key not in self.cache:
            self.cache[key] = compute()
        return self.cache[key]

    def articles_in_scope(self, scope: str) -> list[Article]:
        """Return the articles a rule with this scope looks at ("article": all of them)."""
        # Cached per scope: Statute.articles rebuilds its list on every call, and every rule
        # asks; the statute does not change while the rules run.
        key = f"engine.scope.{scope}"
        found = self.cache.get(key)
        if found is None:
            articles = self.articles
            if scope not in ("article", "statute"):
                articles = [a for a in articles if a.kind == ArticleKind(scope)]
            found = self.cache[key] = articles
        return list(found)

    def units(self, articles: Iterable[Article]) -> Iterator[Unit]:
        """Yield every paragraph of the given articles as a Unit."""
        # The units of an article are built once and shared by every rule (no rule changes a
        # unit): building them afresh for each of ~100 rules was a visible share of lint time.
        built = self.cache.get("engine.units")
        if built is None:
            built = self.cache["engine.units"] = {}
        for article in articles:
            units = built.get(id(article))
            if units is None or len(units) != len(article.paragraphs):
                units = built[id(article)] = [
                    Unit(article, index, para)
                    for index, para in enumerate(article.paragraphs, start=1)
                ]
            yield from units

    def finding(
        self,
        rule: Rule,
        article: Article | None,
        paragraph: int | None = None,
        start: int | None = None,
        end: int | None = None,
        message: str | None = None,
    ) -> Finding:
        """Build a finding of ``rule`` located in ``article`` (None: the whole statute)."""
        text = None
        source_index = article.source_index if article else None
        if article is not None and paragraph is not None:
            para = article.paragraphs[paragraph - 1]
            source_index = para.source_index if para.source_index is not None else source_index
            if start is not None and end is not None:
                text = para.text[start:end]
        return Finding(
            code=rule.code,
            name=rule.name,
            severity=rule.severity,
            message=message or rule.message,
            location=Location(
                file=self.file,
                article=article.number if article else None,
                paragraph=paragraph,
                start=start,
                end=end,
                text=text,
                source_index=source_index,
            ),
            authorities=list(rule.authorities),
            suggestion=rule.fix_clause,
        )


def run_rules(statute: Statute, rules: list[Rule], file: str | None = None) -> list[Finding]:
    """Run every rule on the statute and return its findings in document order."""
    load_kinds()
    context = Context(statute=statute, language=statute.language, file=file)
    findings: list[Finding] = []
    for rule in rules:
        findings.extend(KINDS[rule.kind](rule, context))
    # Document order of articles, so statutes without source positions (markup) sort right too.
    order: dict[str, int] = {}
    for position, article in enumerate(statute.articles):
        order.setdefault(article.number, position)
    findings.sort(key=lambda f: f.sort_key(order))
    headings = {a.number: a.heading or "" for a in statute.articles}
    assign_fingerprints(findings, headings)
    return findings
