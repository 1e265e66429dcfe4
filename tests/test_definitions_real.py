"""Definitions as good statutes write them, read end to end: DR104 quiet on what they define.

Terms defined together ("“hatred” and “hostility” mean ...") beside other definitions in the
same paragraph, and the typed doubled quotes of US bills ("The term ``publicly'' means") in a
text file, which the Markdown cleaning must not take for a code span.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.lint.catalog import load_rules
from drafter.lint.engine import run_rules
from drafter.model import Statute
from drafter.reading import read_document, read_text
from drafter.reading.extract import terms_in

JOINT_AND_SINGLE = (
    "In this section, “hatred” and “hostility” mean intense and irrational emotions towards "
    "the group; “violence” means the intentional use of physical force; “discrimination” "
    "means any distinction based on race that impairs the equal enjoyment of rights."
)


def test_joint_terms_beside_other_definitions() -> None:
    assert terms_in(JOINT_AND_SINGLE, False, True) == [
        ("hatred", "intense and irrational emotions towards the group"),
        ("hostility", "intense and irrational emotions towards the group"),
        ("violence", "the intentional use of physical force"),
        ("discrimination", "any distinction based on race that impairs the equal enjoyment of rights."),
    ]  # fmt: skip


def test_joint_terms_after_a_single_definition() -> None:
    text = "“violence” means physical force; “hatred” or “hostility” means intense emotions."
    assert terms_in(text, False, False) == [
        ("violence", "physical force"),
        ("hatred", "intense emotions."),
        ("hostility", "intense emotions."),
    ]


def test_alias_is_still_one_definition_of_two_names() -> None:
    assert [t for t, _ in terms_in('"the Act" or "this Act" means the Act.', False, False)] == [
        "the Act",
        "this Act",
    ]


def test_quoted_words_in_a_sentence_define_nothing() -> None:
    assert terms_in("“Hatred” and hostility are emotions.", False, False) == []


def test_typed_doubled_quotes_survive_the_text_reader(tmp_path: Path) -> None:
    path = tmp_path / "bill.txt"
    path.write_text(
        "SEC. 2. DEFINITIONS.\n"
        "(1) The term ``publicly'' means in a place to which the public has access.\n"
        "(2) The terms ``hatred'' and ``hostility'' mean intense and irrational emotions.\n",
        encoding="utf-8",
    )
    statute = read_document(path)
    assert [d.term for d in statute.definitions] == ["publicly", "hatred", "hostility"]
    assert "``publicly''" in statute.articles[0].paragraphs[0].text


def test_single_backquote_code_span_is_still_markdown() -> None:
    statute = read_text("Article 1 - Scope\nThis Act applies as set out in `Article 2`.\n")
    assert statute.articles[0].paragraphs[0].text == "This Act applies as set out in Article 2."


def _undefined_terms(statute: Statute) -> list[str]:
    (rule,) = [r for r in load_rules() if r.code == "DR104"]
    return [f.location.text for f in run_rules(statute, [rule]) if f.code == "DR104"]


OFFENCE = (
    "Section 1 - Incitement to hatred\n"
    "(1) Whoever intentionally advocates hatred that constitutes incitement to violence, "
    "hostility or discrimination against a group, where in the circumstances—\n"
    "(a) violence against members of the group is likely and imminent; or\n"
    "(b) discrimination against, or hostility towards, members of the group is likely and "
    "imminent,\n"
    "shall be punished with imprisonment for a term not exceeding three (3) years or a fine.\n"
)


def test_joint_definition_quiets_dr104_and_an_undefined_term_still_fires() -> None:
    statute = read_text(OFFENCE + f"(2) {JOINT_AND_SINGLE}\n", language="en")
    # incitement is used and defined nowhere: still a finding.
    assert _undefined_terms(statute) == ["incitement"]


@pytest.mark.parametrize(
    ("definitions", "undefined"),
    [
        (
            (
                "(2) The terms ``hatred'' and ``hostility'' mean intense and irrational emotions; "
                "the term ``violence'' means physical force; the term ``discrimination'' means "
                "any distinction based on race; the term ``incitement'' means a call to act.\n"
            ),
            [],
        ),
        (
            (
                "(2) The term ``hatred'' means intense and irrational emotions; the term "
                "``violence'' means physical force; the term ``discrimination'' means any "
                "distinction based on race; the term ``incitement'' means a call to act.\n"
            ),
            ["hostility"],
        ),
    ],
)
def test_typed_doubled_quotes_define_terms_end_to_end(
    tmp_path: Path, definitions: str, undefined: list[str]
) -> None:
    path = tmp_path / "law.txt"
    path.write_text(OFFENCE + definitions, encoding="utf-8")
    assert _undefined_terms(read_document(path)) == undefined
