"""Held-out statutes: the text rules and the reader on laws the rules were not written against.

Each file in tests/heldout/ is a statute in a real-world style (a Rwandan-style gazette, a
Canadian-style amendment act, a French "loi", an East-African "divisionism" law with "1°"
items, a Commonwealth act with a schedule). For each, the (code, article) findings of the text
rules must include the defects a reviewer sees by reading the text, and must exclude the
false positives found when these statutes were first linted. Sanction and structure rules
(DR104, DR106, DR304, DR4xx, DR503-DR509, DR6xx) are out of scope here.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from drafter.lint.api import lint_statute
from drafter.model import ArticleKind as K
from drafter.reading import read_document

HELDOUT = Path(__file__).resolve().parent / "heldout"

# The text rules checked here (the reader's kinds decide where each of them looks).
TEXT_RULES = {
    "DR101", "DR102", "DR103", "DR105",
    *(f"DR2{i:02d}" for i in range(1, 11)),
    "DR301", "DR302", "DR303", "DR305", "DR306", "DR307",
    "DR501", "DR502", "DR505", "DR506", "DR607",
}  # fmt: skip


@cache
def findings(name: str) -> frozenset[tuple[str, str | None]]:
    """Return the (code, article) pairs of the text rules' findings on a held-out file."""
    statute = read_document(HELDOUT / name)
    return frozenset(
        (f.code, f.location.article) for f in lint_statute(statute) if f.code in TEXT_RULES
    )


# (file, code, article): a defect a reader of the text finds there.
PRESENT = [
    # A "genocide ideology" law in the gazette style: thoughts as the crime, stretched groups.
    ("en_ideology_gazette.txt", "DR101", "2"),  # "an aggregate of thoughts"
    ("en_ideology_gazette.txt", "DR101", "3"),  # "the crime of genocide ideology"
    ("en_ideology_gazette.txt", "DR105", "2"),  # region, political opinion, physical appearance
    ("en_ideology_gazette.txt", "DR102", "2"),  # "and other acts"
    ("en_ideology_gazette.txt", "DR202", "2"),  # "aiming at"
    ("en_ideology_gazette.txt", "DR202", "3"),  # "aimed at"
    ("en_ideology_gazette.txt", "DR103", "3"),  # mocking, despising, "ill feelings"
    ("en_ideology_gazette.txt", "DR301", "3"),  # "negating the genocide"
    ("en_ideology_gazette.txt", "DR305", "3"),  # defaming
    ("en_ideology_gazette.txt", "DR201", "3"),
    ("en_ideology_gazette.txt", "DR204", "3"),
    ("en_ideology_gazette.txt", "DR210", "3"),
    # A French denial law: denial as such, the genocide "recognised by law".
    ("fr_negation_loi.txt", "DR301", "1er"),
    ("fr_negation_loi.txt", "DR302", "1er"),
    ("fr_negation_loi.txt", "DR303", "1er"),
    ("fr_negation_loi.txt", "DR208", "1er"),  # denial with no likelihood of violence
    # A divisionism law with "1°" definitions, Sections and a commission.
    ("en_sectarianism_law.txt", "DR103", "2"),  # "divisionism" defined by division
    ("en_sectarianism_law.txt", "DR306", "2"),  # disunity as the harm
    ("en_sectarianism_law.txt", "DR102", "4"),  # "by any means whatsoever"
    ("en_sectarianism_law.txt", "DR202", "3"),  # "aimed at dividing"
    ("en_sectarianism_law.txt", "DR205", "3"),  # "whether in public or in private"
    ("en_sectarianism_law.txt", "DR103", "4"),  # "despises"
    ("en_sectarianism_law.txt", "DR501", "7"),  # a Commission determines what is divisionism
    ("en_sectarianism_law.txt", "DR502", "7"),  # "its decision shall be final"
]

# (file, code, article): a false positive that must not come back.
ABSENT = [
    ("en_ideology_gazette.txt", "DR205", "5"),  # "a public or private body" is not private speech
    ("en_good_hate_propaganda.txt", "DR210", "2"),  # "with the intent that the group be destroyed"
    ("en_good_hate_propaganda.txt", "DR101", "2"),
    ("en_good_hate_propaganda.txt", "DR101", "3"),  # "an opinion" inside the defences of s. 3(2)
    ("en_good_hate_propaganda.txt", "DR210", "3"),
    ("en_good_hate_propaganda.txt", "DR208", "2"),  # incitement to genocide is inchoate
    ("en_good_hate_propaganda.txt", "DR208", "3"),  # "likely to lead to violence"
    ("fr_negation_loi.txt", "DR210", "1er"),  # a denial offence, not incitement to genocide
    ("fr_negation_loi.txt", "DR208", "2"),  # provocation à commettre un génocide
    ("fr_negation_loi.txt", "DR210", "2"),  # "dans l'intention de détruire"
    ("en_sectarianism_law.txt", "DR205", "2"),  # "public or private institution / school"
    ("en_sectarianism_law.txt", "DR205", "5"),  # "an official of a public or private institution"
    ("en_sectarianism_law.txt", "DR101", "2"),  # "political opinion" is a ground, not a thought
    ("en_sectarianism_law.txt", "DR105", "2"),  # not labelled genocide: wider grounds allowed
]


@pytest.mark.parametrize(("name", "code", "article"), PRESENT)
def test_true_findings_are_reported(name: str, code: str, article: str) -> None:
    assert (code, article) in findings(name)


@pytest.mark.parametrize(("name", "code", "article"), ABSENT)
def test_false_positives_stay_away(name: str, code: str, article: str) -> None:
    assert (code, article) not in findings(name)


@pytest.mark.parametrize("name", ["en_good_hate_propaganda.txt", "en_good_commonwealth_act.txt"])
def test_well_drafted_acts_raise_no_text_finding(name: str) -> None:
    assert findings(name) == frozenset()


KINDS = [
    ("en_good_hate_propaganda.txt", {"1": K.DEFINITIONS, "2": K.OFFENCE, "3": K.OFFENCE}),
    ("fr_negation_loi.txt", {"1er": K.OFFENCE, "2": K.OFFENCE, "3": K.FINAL}),
    ("en_ideology_gazette.txt", {"2": K.DEFINITIONS, "3": K.OFFENCE, "4": K.SANCTION}),
    (
        "en_sectarianism_law.txt",
        {"2": K.DEFINITIONS, "3": K.OFFENCE, "4": K.OFFENCE, "6": K.EXCEPTIONS, "7": K.PROCEDURE},
    ),
    (
        "en_good_commonwealth_act.txt",
        {"2": K.DEFINITIONS, "3": K.OFFENCE, "4": K.OFFENCE, "6": K.EXCEPTIONS, "9": K.GENERAL},
    ),
]


@pytest.mark.parametrize(("name", "expected"), KINDS)
def test_reader_classifies_heldout_articles(name: str, expected: dict[str, K]) -> None:
    statute = read_document(HELDOUT / name)
    got = {a.number: a.kind for a in statute.articles if a.number in expected}
    assert got == expected


def test_exception_items_keep_their_own_defects_out_of_the_offence() -> None:
    """Items led in by "No person shall be convicted" are defences, not offence wording."""
    statute = read_document(HELDOUT / "en_good_hate_propaganda.txt")
    section3 = statute.article("3")
    assert section3 is not None
    items = [p.text for p in section3.paragraphs if p.level == 1]
    assert any("opinion on a religious subject" in t for t in items)
    assert ("DR101", "3") not in findings("en_good_hate_propaganda.txt")
