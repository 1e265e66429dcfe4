"""The lint context's shared lookups (drafter/lint/engine.py) and Statute.article (model.py)."""

from __future__ import annotations

from drafter.lint.engine import Context
from drafter.model import Article, ArticleKind, Division, Paragraph, Statute


def _statute() -> Statute:
    first = Article("3", "First", [Paragraph("One.")], kind=ArticleKind.OFFENCE)
    again = Article("3", "Printed twice", [Paragraph("Two.")])
    other = Article("4", "Other", [Paragraph("Three.")], kind=ArticleKind.OFFENCE)
    return Statute(body=[Division("part", "I", None), first, again, other])


def test_article_lookup_returns_the_first_article_with_a_number():
    statute = _statute()
    context = Context(statute=statute, language="en")
    assert context.article("3") is statute.body[1] is statute.article("3")
    assert context.article("4") is statute.body[3] is statute.article("4")
    assert context.article("9") is None and statute.article("9") is None
    assert context.article(None) is None
    assert [a.number for a in statute.articles_of_kind(ArticleKind.OFFENCE)] == ["3", "4"]


def test_statute_lookup_follows_changes_to_the_body():
    statute = _statute()
    assert statute.article("5") is None
    statute.body.insert(1, Article("5"))
    assert statute.article("5") is statute.body[1]  # no stale index in the model


def test_context_computes_shared_analysis_once():
    context = Context(statute=_statute(), language="en")
    calls = []
    assert context.memo("key", lambda: calls.append(1) or "value") == "value"
    assert context.memo("key", lambda: calls.append(1) or "other") == "value"
    assert calls == [1]
    article = context.articles[0]
    assert context.article_text(article) == "First\nOne."
    assert context.folded_article(article) == "first\none."
    assert context.folded(article.paragraphs[0]) == "one."
