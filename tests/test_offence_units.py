"""Elements judged per offence-creating provision (drafter/lint/offence_units.py)."""

from __future__ import annotations

import pytest

from drafter.lint.catalog import load_rules
from drafter.lint.engine import run_rules
from drafter.lint.offence_units import provisions
from drafter.reading import read_text


def fired(code: str, text: str, language: str = "en") -> list[tuple[str | None, int | None]]:
    """Return (article, paragraph) of the findings of one rule on a small statute."""
    (rule,) = [r for r in load_rules() if r.code == code]
    statute = read_text(text, language=language)
    return [(f.location.article, f.location.paragraph) for f in run_rules(statute, [rule])]


def test_provisions_tell_offences_from_definitions_defences_and_penalties() -> None:
    statute = read_text(
        "Section 3 - Hatred\n"
        "(1) Every person who incites hatred against a group is guilty of an offence.\n"
        "(2) In this section, “group” means any section of the public distinguished by colour.\n"
        "(3) No person shall be convicted of an offence under subsection (1)—\n"
        "(a) if the statements were true;\n"
        "(4) A person guilty of an offence under this section is liable to a fine.\n",
        language="en",
    )
    kinds = [p.kind for p in provisions(statute.articles[0], "en")]
    assert kinds == ["offence", "definition", "exception", "other"]


def test_each_offence_of_a_section_needs_its_own_intent() -> None:
    text = (
        "Section 319 - Hatred\n"
        "(1) Every person who, in any public place, incites hatred against a group where it is "
        "likely to lead to a breach of the peace is guilty of an offence.\n"
        "(2) Every person who, other than in private conversation, wilfully promotes hatred "
        "against a group is guilty of an offence.\n"
    )
    assert fired("DR201", text) == [("319", 1)]
    assert fired("DR208", text) == [("319", 2)]


@pytest.mark.parametrize(
    "text",
    [
        # The element in the lead-in governs its items.
        (
            "Section 3 - Hatred\n"
            "(1) A person commits an offence who intentionally and publicly—\n"
            "(a) incites hatred against a group; or\n"
            "(b) distributes material inciting hatred against a group.\n"
        ),
        # The element stated once for every offence of the section.
        (
            "Section 3 - Hatred\n"
            "(1) A person who publicly incites hatred against a group commits an offence.\n"
            "(2) A person who publicly distributes material inciting hatred commits an offence.\n"
            "(3) A person commits an offence under this section only if he intends to stir up "
            "hatred against a group.\n"
        ),
        # A penalty paragraph for the offence above is not another offence.
        (
            "Article 6 - Provocation à la haine\n"
            "Commet une infraction quiconque, intentionnellement et publiquement, provoque à la "
            "haine contre un groupe.\n"
            "Quiconque commet l'infraction est puni d'un an d'emprisonnement ou d'une amende.\n"
        ),
    ],
)
def test_elements_stated_for_the_whole_provision_count(text: str) -> None:
    language = "fr" if "Article 6" in text else "en"
    assert fired("DR201", text, language) == []


def test_alternative_items_of_a_who_lead_in_each_need_the_element() -> None:
    text = (
        "Section 13 - Hate speech\n"
        "(1) A person who—\n"
        "(a) uses threatening words or behaviour;\n"
        "(b) presents the public performance of a play,\n"
        "which is threatening, commits an offence if he intends to stir up ethnic hatred.\n"
    )
    assert fired("DR204", text) == [("13", 2)]
    assert fired("DR201", text) == []


def test_element_words_inside_a_definition_do_not_count() -> None:
    text = (
        "Section 318 - Advocating genocide\n"
        "(1) Every person who wilfully advocates or promotes genocide is guilty of an offence.\n"
        "(2) In this section, genocide means any of the following acts committed with intent "
        "to destroy in whole or in part any identifiable group.\n"
        "(3) In this section, identifiable group means any section of the public distinguished "
        "by colour or race.\n"
    )
    assert fired("DR210", text) == [("318", 1)]
    assert fired("DR204", text) == [("318", 1)]
