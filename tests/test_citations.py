"""Places cited as each language's legislative style cites them (drafter.citations).

One function prints a paragraph's place for a draft's references, compare's mismatches and
lint's findings in French statutes: "article 7, alinéa premier, 2°", "Article 2, 3°",
"alinéa 2". English places print as they always have.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.citations import Step, cited, paragraph_places, place_citation
from drafter.compare import compare_statutes
from drafter.findings import Finding, Location, Severity
from drafter.lint.api import FileResult, LintOptions, lint_path, paragraph_markers
from drafter.lint.report_text import render_text
from drafter.markdown import statute_markdown
from drafter.markup import parse_markup
from drafter.model import Article, Paragraph, Statute
from drafter.reading import read_text
from drafter.style import reference_text

ROOT = Path(__file__).resolve().parent.parent

# An alinéa with two items, the second with a sub-item, then a second alinéa.
ARTICLE = Article(
    "7",
    paragraphs=[
        Paragraph("Lead-in :", None, 0),
        Paragraph("one ;", "1", 1),
        Paragraph("two :", "2", 1),
        Paragraph("sub.", "a", 2),
        Paragraph("Second.", None, 0),
    ],
)
# One alinéa and its items: the items are cited without the alinéa.
SOLE = Article(
    "2", paragraphs=[Paragraph("On entend par :"), *(Paragraph("x", n, 1) for n in "123")]
)


@pytest.mark.parametrize(
    ("steps", "language", "alineas", "expected"),
    [
        ([Step(0, None, 2)], "fr", 2, "alinéa 2"),
        ([Step(0, None, 1)], "fr", 2, "alinéa premier"),
        ([Step(0, None, 1)], "fr", 1, "alinéa premier"),
        ([Step(0, None, 2), Step(1, "3", 3)], "fr", 2, "alinéa 2, 3°"),
        ([Step(0, None, 1), Step(1, "3", 3)], "fr", 1, "3°"),
        ([Step(0, None, 1), Step(1, "2", 2), Step(2, "a", 1)], "fr", 1, "2°, a)"),
        ([Step(0, None, 1), Step(1, "b", 2)], "fr", 2, "alinéa premier, b)"),
        ([Step(0, None, 1), Step(1, None, 4)], "fr", 1, "4°"),
        ([Step(0, "3", 2)], "fr", 3, "alinéa 2"),  # counted by position, as French prints
        ([Step(0, "2", 2), Step(1, "b", 2)], "en", 2, "(2)(b)"),
        ([Step(0, None, 2), Step(1, "b", 2)], "en", 2, "(b)"),
        ([Step(0, None, 2)], "en", 2, "paragraph 2"),
    ],
)
def test_place_citation(steps, language, alineas, expected) -> None:
    assert place_citation(steps, language, alineas) == expected


def test_paragraph_places_and_captions() -> None:
    assert paragraph_places(ARTICLE, "fr") == [
        "alinéa premier", "alinéa premier, 1°", "alinéa premier, 2°",
        "alinéa premier, 2°, a)", "alinéa 2",
    ]  # fmt: skip
    assert paragraph_places(SOLE, "fr") == ["alinéa premier", "1°", "2°", "3°"]
    assert cited("Article 7", "(2)(b)") == "Article 7(2)(b)"
    assert cited("Article 7", "alinéa 2") == "Article 7, alinéa 2"
    assert cited("Article 7", "") == "Article 7"


def test_first_alinea_is_printed_premier_and_reads_back() -> None:
    markup = "::article Objet {label=x}\n::para Un :\n::item a ;\n::item b.\n::para Deux.\n"
    statute = parse_markup(markup + "::article Renvoi\n::para Voir l'[[ref:x/1/b]].\n", "fr")
    target, referring = statute.articles
    assert reference_text(target, "1", None, "fr") == "article premier, alinéa premier"
    assert referring.paragraphs[0].text == "Voir l'article premier, alinéa premier, 2°."
    back = read_text(statute_markdown(statute), language="fr")
    refs = [(r.target_article, r.target_paragraph, r.target_item) for r in back.cross_references]
    assert refs == [("premier", "1", "2")]


def test_first_alinea_reference_lines_up_with_english() -> None:
    markup = (
        "::article Scope {label=x}\n::para One:\n::item a;\n::item b.\n::para Two.\n"
        "::article Reference\n::para See [[ref:x/1/b]] and [[ref:x/1]].\n"
    )
    en = read_text(statute_markdown(parse_markup(markup, "en")), language="en")
    fr = read_text(statute_markdown(parse_markup(markup, "fr")), language="fr")
    assert "alinéa premier, 2°" in fr.articles[1].paragraphs[0].text
    comparison = compare_statutes(en, fr, "en.md", "fr.md")
    assert comparison.mismatches == [], [m.message for m in comparison.mismatches]


def test_french_lint_text_cites_items_and_alineas() -> None:
    result = lint_path(ROOT / "tests/corpus/fr_bad_renvois.txt", LintOptions())
    lines = render_text([result]).splitlines()
    assert "    DR106 warning 3° 'haine': " in "\n".join(lines)
    assert any(line.startswith("    DR603 warning alinéa 2 'publiquement'") for line in lines)
    assert any(line.startswith("    DR605 info    alinéa premier, 4° ") for line in lines)
    assert not any("¶" in line or " (3) " in line for line in lines)


def test_french_markers_cite_every_paragraph_and_places_join_with_a_comma() -> None:
    only = Article("9", paragraphs=[Paragraph("Seul.")])
    statute = Statute(body=[ARTICLE, SOLE, only], language="fr")
    markers = paragraph_markers(statute)
    assert markers[("7", 4)] == "alinéa premier, 2°, a)"
    assert markers[("2", 3)] == "2°"
    assert markers[("9", 1)] == "alinéa premier"  # never empty: no "¶1" in French reports
    location = Location(article="2", paragraph=3, text="x")
    finding = Finding("DR601", "n", Severity.INFO, "m", location, [], None, "f")
    result = FileResult("loi.txt", [finding], language="fr", markers=markers)
    assert result.place(finding) == "Article 2, 2°"
    english = FileResult("act.txt", [finding], markers={("2", 3): "(1)(b)"})
    assert english.place(finding) == "Article 2(1)(b)"


def test_placeholder_reference_in_clause_text_says_alinea_premier() -> None:
    from drafter.assemble import markup_to_plain

    text = markup_to_plain(
        "::article\n::para\nVoir [[ref:offence/1/b]] et [[ref:offence/2]].", "fr"
    )
    assert "article [offence], alinéa premier, 2°" in text
    assert "article [offence], alinéa 2" in text
