"""Markdown output: layout, escaping, and a round trip through drafter's own reader."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from drafter.markdown import escape_line, statute_markdown
from drafter.markup import parse_markup

sys.path.insert(0, str(Path(__file__).resolve().parent / "golden"))
from sample_draft import sample_draft


def test_layout() -> None:
    text = statute_markdown(sample_draft().statute)
    blocks = text.split("\n\n")
    assert blocks[0] == "# Prevention of Incitement to Genocide Act"
    assert blocks[1].startswith("An Act to prevent and punish")
    assert blocks[3] == "Be it enacted by the Parliament of the Republic of Aurelia as follows:"
    assert "## Part I \u2013 General provisions" in blocks
    assert "## Chapter 1 \u2013 Offences" in blocks
    assert "### Article 2. Incitement to genocide" in blocks
    assert any(b.startswith("(1) A person who directly and publicly incites") for b in blocks)
    assert any(b.startswith('  (a) "genocide" means') for b in blocks)
    assert "   (ii) publication on a website open to all." in blocks
    assert "Nothing in Article 2(1) applies" in text  # references resolved, markers gone
    assert "[[" not in text and text.endswith(".\n") and not text.endswith("\n\n")


def test_no_line_is_indented_into_a_code_block() -> None:
    for line in statute_markdown(sample_draft().statute).splitlines():
        assert not line.startswith("    "), line


def test_article_without_heading_and_multi_line_text() -> None:
    statute = parse_markup("::title T\n::article {kind=final}\n::para One\nline.\n")
    assert statute_markdown(statute) == "# T\n\n### Article 1\n\nOne line.\n"


def test_french_statute_uses_french_words() -> None:
    markup = "::title Loi\n::part Dispositions générales\n::chapter Infractions\n::article Objet\n::para Texte.\n"
    text = statute_markdown(parse_markup(markup, language="fr"))
    assert "## Titre I \u2013 Dispositions générales" in text
    assert "## Chapitre premier \u2013 Infractions" in text
    assert "### Article premier. Objet" in text


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("# not a heading", "\\# not a heading"),
        ("1. not a list", "1\\. not a list"),
        ("12) not a list", "12\\) not a list"),
        ("- not a bullet", "\\- not a bullet"),
        ("> not a quote", "\\> not a quote"),
        ("| not a table", "\\| not a table"),
        ("-dash word", "-dash word"),
        ("A person who", "A person who"),
        ("2026 is a year", "2026 is a year"),
    ],
)
def test_escape_line(text: str, escaped: str) -> None:
    assert escape_line(text) == escaped


def test_round_trip_through_the_reader() -> None:
    reading = pytest.importorskip("drafter.reading")
    read_text = getattr(reading, "read_text", None)
    if read_text is None:
        pytest.skip("drafter.reading.read_text is not available yet")
    original = sample_draft().statute
    back = read_text(statute_markdown(original), source="law.md", language="en")
    assert back.title == original.title
    assert [(a.number, a.heading) for a in back.articles] == [
        (a.number, a.heading) for a in original.articles
    ]
    for mine, theirs in zip(original.articles, back.articles, strict=True):
        assert [(p.number, p.level, p.text) for p in theirs.paragraphs] == [
            (p.number, p.level, p.text) for p in mine.paragraphs
        ]
