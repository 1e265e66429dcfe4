"""The rule engine: rules are data (checks/*.yaml); the engine implements a few rule *kinds*.

A kind is a pure function ``(rule, context) -> Iterable[Finding]`` registered with
``@rule_kind("name")``. It never prints or opens files. Modules that define kinds are imported
by ``load_kinds()`` so that the registry is explicit.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ..findings import Finding, Location, Severity, assign_fingerprints
from ..model import Article, ArticleKind, Paragraph, Statute
from ..regexes.prefilter import Gate, fold

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

    def admitted(self, gate: Gate, articles: list[Article]) -> list[Article]:
        """Return the articles (in order) whose ``folded_article`` text a prefilter admits.

        The same articles as calling ``gate.admits`` on each, answered for all the statute's
        articles at once by a literal index (literal_index.py): asking each of thousands of
        articles for each of ~100 rules cost more than the rules' own patterns.
        """
        if gate.conjunctions is None:
            return list(articles)
        index = self.cache.get("engine.literal_index")
        if index is None:
            from .literal_index import LiteralIndex

            every = self.articles
            index = self.cache["engine.literal_index"] = LiteralIndex(
                [self.folded_article(a) for a in every]
            )
            self.cache["engine.position"] = {id(a): i for i, a in enumerate(every)}
        position = self.cache["engine.position"]
        bits = index.admitted(gate)
        out = []
        for article in articles:
            i = position.get(id(article))
            if i is None:  # not one of the statute's articles: asked directly
                if gate.admits(self.folded_article(article)):
                    out.append(article)
            elif bits >> i & 1:
                out.append(article)
        return out

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
