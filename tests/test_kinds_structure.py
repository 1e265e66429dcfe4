"""The structure kinds: required provisions, definitions, references and numbering."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from drafter.findings import Finding
from drafter.lint.catalog import parse_rule
from drafter.lint.engine import Rule, run_rules
from drafter.lint.numbering import article_key
from drafter.lint.terms import definitions, term_pattern
from drafter.model import Article, ArticleKind, Paragraph, Statute
from drafter.reading import read_text

CHECKS = Path(__file__).resolve().parent.parent / "checks"


@cache
def rule(code: str) -> Rule:
    """Load one rule from checks/ (validated by the catalogue)."""
    (path,) = CHECKS.glob(f"{code}-*.yaml")
    return parse_rule(path)


def lint(code: str, text: str, language: str = "auto") -> list[Finding]:
    """Read a plain-text statute and run one rule on it."""
    statute = read_text(text, language=language)
    return [f for f in run_rules(statute, [rule(code)]) if f.code == code]


HATRED = (
    "Article 3 - Incitement to hatred\nA person who publicly incites hatred against a religious "
    "group commits an offence and is liable to imprisonment not exceeding three years or to a "
    "fine.\n"
)
DENIAL = (
    "Article 4 - Denial\nA person who publicly denies a genocide established by a final "
    "judgment, in a manner likely to incite violence, commits an offence and is liable to "
    "imprisonment not exceeding two years or to a fine.\n"
)
GENOCIDE = (
    "Article 2 - Genocide\nA person who, with intent to destroy a national, ethnical, racial or "
    "religious group as such, kills members of the group commits genocide and is liable to "
    "imprisonment for life.\n"
)


def law(*articles: str) -> str:
    return "\n".join(articles)


CASES = [
    # DR304 exceptions: one finding per speech offence, none for genocide itself
    ("DR304", law(HATRED, DENIAL), 2),
    ("DR304", law(GENOCIDE), 0),
    ("DR304", law(HATRED, DENIAL, "Article 5 - Scope\nThis Act shall not apply to journalism, academic research or artistic works made in good faith.\n"), 0),
    # DR503 appeal, worded in several ways
    ("DR503", law(HATRED, "Article 6 - Appeal\nA right of appeal lies to the Court of Appeal against any conviction.\n"), 0),
    ("DR503", law(HATRED, "Article 6 - Review\nThe convicted person may appeal within thirty days.\n"), 0),
    ("DR503", law(HATRED, "Article 6 - Finality\nNo appeal lies against a decision under this Act.\n"), 1),
    ("DR503", "Article 1 - Purpose\nThis Act promotes tolerance.\n", 0),
    # DR504 independent prosecution
    ("DR504", law(HATRED, "Article 7 - Consent\nNo prosecution may be brought without the consent of the Prosecutor-General.\n"), 0),
    ("DR504", law(HATRED, "Article 7 - Police\nThe police shall investigate and bring proceedings for offences under this Act.\n"), 1),
    # DR507 review
    ("DR507", law(HATRED, "Article 9 - Sunset\nThis Act ceases to have effect five years after its commencement unless renewed.\n"), 0),
    ("DR507", law(HATRED, "Article 9 - Entry into force\nThis Act comes into force on publication.\n"), 1),
    # DR508 entry into force
    ("DR508", law(HATRED, "Article 9 - Commencement\nThis Act takes effect thirty days after its publication.\n"), 0),
    # DR509 judicial determination
    ("DR509", law("Article 3 - Offence\nA person who publicly incites hatred commits an offence.\n", "Article 6 - Sanctions\nThe Minister shall determine whether a statement incites hatred and impose a fine.\n"), 1),
    ("DR509", law(HATRED, "Article 6 - Jurisdiction\nOffences under this Act are tried by the High Court.\n"), 0),
    # DR104 undefined operative terms
    ("DR104", law("Article 1 - Interpretation\nWords used in this Act have the same meaning as in the Penal Code.\n", HATRED), 0),
    ("DR104", HATRED, 2),  # hatred, publicly/incites... one finding per term
    # DR106 circular definitions
    ("DR106", "Article 1 - Definitions\nIn this Act, \"group\" means a national, ethnical, racial or religious group.\n", 0),
    # DR601 defined but unused
    ("DR601", law("Article 1 - Definitions\nIn this Act, \"publicly\" means by means of communication to the public.\n", HATRED), 0),
    # DR602 used but undefined
    ("DR602", law("Article 4 - Commission\nThere is established a National Commission against Hatred (the \"Commission\").\n", "Article 5 - Complaints\nThe \"Commission\" shall receive complaints.\n"), 0),
    ("DR602", law(HATRED, "Article 5 - Complaints\nComplaints are received by the \"Board\".\n"), 1),
    # DR603 duplicate definitions
    ("DR603", "Article 1 - Definitions\nIn this Act:\n(a) \"hatred\" means an intense emotion of enmity;\n(b) \"hatred\" means contempt.\n", 1),
    # DR604 cross-references
    ("DR604", law("Article 3 - Incitement\n(1) A person who publicly incites hatred commits an offence.\n(2) Paragraph (1) does not apply to journalists.\n", "Article 4 - Penalty\nA person who commits an offence under Article 3(1) is liable to a fine.\n"), 0),
    ("DR604", law("Article 3 - Incitement\n(1) A person who publicly incites hatred commits an offence.\n(2) Paragraph (1) does not apply to journalists.\n", "Article 4 - Penalty\nA person who commits an offence under Article 3(1)(c) is liable to a fine.\n"), 1),
    # DR605 numbering gaps
    ("DR605", "Article 2 - Scope\nThis Act applies to:\n(a) broadcasts;\n(b) publications;\n(d) speeches.\n", 1),
    ("DR605", "Article 2 - Scope\nThis Act applies to:\n(a) broadcasts;\n(b) publications;\n(c) speeches.\n", 0),
    ("DR605", "Article 7 - Commencement\nThis Act comes into force on publication.\n\nArticle 8 - Repeal\nThe Law of 2008 is repealed.\n", 0),
    # DR606 numbering duplicates
    ("DR606", "Article 2 - Scope\nThis Act applies to:\n(a) broadcasts;\n(a) publications.\n", 1),
]  # fmt: skip


@pytest.mark.parametrize(("code", "text", "expected"), CASES)
def test_rule_fires_or_stays_silent(code: str, text: str, expected: int) -> None:
    found = lint(code, text)
    if code == "DR104" and expected:
        assert len(found) >= expected, [f.location for f in found]
    else:
        assert len(found) == expected, [(f.location, f.message) for f in found]


def test_missing_entry_into_force_is_anchored_to_the_last_article() -> None:
    (finding,) = lint("DR508", law(HATRED, DENIAL))
    assert finding.location.article == "4"


def test_missing_exceptions_are_anchored_to_each_speech_offence() -> None:
    found = lint("DR304", law(GENOCIDE, HATRED, DENIAL))
    assert sorted(f.location.article for f in found) == ["3", "4"]


def test_missing_appeal_is_anchored_to_the_procedure_article() -> None:
    text = law(
        HATRED, "Article 6 - Procedure\nOffences under this Act are tried by the High Court.\n"
    )
    (finding,) = lint("DR503", text)
    assert finding.location.article == "6"


def test_missing_provision_on_a_statute_without_articles_is_statute_level() -> None:
    statute = Statute(title="An Act")
    found = run_rules(statute, [rule("DR508")])
    assert len(found) == 1 and found[0].location.article is None


def test_undefined_terms_one_finding_per_term_in_first_use() -> None:
    found = lint("DR104", HATRED)
    names = sorted(f.message.split("(")[-1] for f in found)
    assert len(names) == len(set(names))
    assert any("'hatred'" in f.message for f in found)


def test_definitions_union_reader_and_patterns() -> None:
    statute = read_text(
        'Article 1 - Definitions\nIn this Act:\n(a) "hatred" means an intense emotion;\n'
        "(b) publicly: by means of communication to the public.\n\n"
        "Article 2 - Commission\nThere is established a Commission (hereinafter the "
        '"Commission").\n'
    )
    terms = sorted(d.term.lower() for d in definitions(statute))
    assert terms == ["commission", "hatred", "publicly"]


@pytest.mark.parametrize(
    ("term", "text", "used"),
    [
        ("incitement", "a person who incites others", True),
        ("publicly", "who publicly denies", True),
        ("protected group", "against protected groups", True),
        ("broadcaster", "a broadcast", False),
    ],
)
def test_term_uses_match_inflections(term: str, text: str, used: bool) -> None:
    assert bool(term_pattern(term).search(text)) is used


@pytest.mark.parametrize(
    ("number", "key"),
    [("3", (3, 0)), ("3bis", (3, 1)), ("3 ter", (3, 2)), ("premier", (1, 0)), ("1er", (1, 0)),
     ("12A", (12, 1)), ("IV", (4, 0)), ("x-y", None)],
)  # fmt: skip
def test_article_numbers_are_ordered(number: str, key: tuple[int, int] | None) -> None:
    assert article_key(number) == key


def test_broken_reference_in_a_statute_built_by_hand() -> None:
    statute = Statute(
        body=[
            Article("1", "Offence", [Paragraph("A person who publicly incites hatred commits an "
                    "offence.")], ArticleKind.OFFENCE),
            Article("2", "Penalty", [Paragraph("A person who commits an offence under Article 5 "
                    "is liable to a fine.")], ArticleKind.SANCTION),
        ]
    )  # fmt: skip
    (finding,) = run_rules(statute, [rule("DR604")])
    assert finding.location.article == "2" and finding.location.text == "Article 5"
