"""The memorandum's content, as plain data built from a draft."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from drafter.library_model import ClauseUse
from drafter.memo import build_memo, format_value
from drafter.standards import AUTHORITIES

sys.path.insert(0, str(Path(__file__).resolve().parent / "golden"))
from sample_draft import sample_draft


def test_title_introduction_and_answers() -> None:
    memo = build_memo(sample_draft())
    assert memo.title == "Explanatory memorandum"
    assert memo.statute_title == "Prevention of Incitement to Genocide Act"
    intro = " ".join(memo.introduction)
    assert "incitement-act" in intro and "version 0.1.0" in intro and "4 articles" in intro
    # The denial question was not asked (its `when` was false): it is not listed.
    assert memo.answers == [
        ("state.name", "The name of the State.", "Republic of Aurelia"),
        ("tiers.hatred", "Include the incitement to hatred tier.", "no"),
    ]


def test_one_note_per_article_with_its_clauses() -> None:
    memo = build_memo(sample_draft())
    assert [(n.caption, n.heading) for n in memo.articles] == [
        ("Article 1", "Definitions"),
        ("Article 2", "Incitement to genocide"),
        ("Article 3", "Exceptions"),
        ("Article 4", "Entry into force"),
    ]
    definitions, offence, _, final = memo.articles
    # The definitions article lists the clause it names and every clause placed in it.
    assert [c.id for c in definitions.clauses] == ["definitions.genocide", "definitions.publicly"]
    assert final.clauses == []  # written in the template
    (clause,) = offence.clauses
    assert clause.title == "Direct and public incitement to commit genocide"
    assert clause.commentary == "Requires both the intent to incite and genocidal intent."
    assert [a.id for a in clause.authorities] == ["GENOCIDE-IIIc", "ICTR-INCITEMENT", "RABAT"]
    assert clause.authorities[0].title == AUTHORITIES["GENOCIDE-IIIc"]
    (option,) = clause.options
    assert (option.name, option.value, option.is_default) == ("max_years", "5", True)
    assert option.help == "Maximum term of imprisonment in years."


def test_commentary_whitespace_is_folded() -> None:
    note = build_memo(sample_draft()).articles[0].clauses[0]
    assert "\n" not in note.commentary and "word for word, so that the crime" in note.commentary


def test_non_default_option_and_clause_used_in_two_articles() -> None:
    draft = sample_draft()
    draft.uses[2] = ClauseUse("offence.incitement_genocide", {"max_years": 7}, "incitement")
    draft.statute.articles[2].clause = "offence.incitement_genocide"  # used again elsewhere
    draft.uses.append(ClauseUse("offence.incitement_genocide", {"max_years": 3}, "exceptions"))
    memo = build_memo(draft)
    first = memo.articles[1].clauses[0].options[0]
    assert (first.value, first.is_default) == ("7", False)
    second = [c for c in memo.articles[2].clauses if c.id == "offence.incitement_genocide"]
    assert second[0].options[0].value == "3"


def test_table_of_authorities_is_in_canonical_order_with_articles() -> None:
    memo = build_memo(sample_draft())
    ids = [a.id for a in memo.authorities]
    order = list(AUTHORITIES)
    assert ids == sorted(ids, key=order.index)
    assert set(ids) == {"GENOCIDE-II", "ICTR-INCITEMENT", "GENOCIDE-IIIc", "RABAT",
                        "ICCPR-19-3", "GC34-49"}  # fmt: skip
    rabat = next(a for a in memo.authorities if a.id == "RABAT")
    assert rabat.articles == ["Article 2", "Article 3"]
    assert all(a.title == AUTHORITIES[a.id] for a in memo.authorities)


def test_unknown_authority_is_printed_as_its_id() -> None:
    draft = sample_draft()
    draft.clauses["exceptions.protected"].sources.append("NOT-A-SOURCE")
    memo = build_memo(draft)
    assert memo.authorities[-1].id == memo.authorities[-1].title == "NOT-A-SOURCE"


@pytest.mark.parametrize(
    ("value", "printed"),
    [(True, "yes"), (False, "no"), (None, "(not given)"), (3, "3"), ("x", "x"),
     (["a", "b"], "a; b"), ([], "(none)"), ({"k": 1}, "k: 1")],
)  # fmt: skip
def test_format_value(value, printed) -> None:
    assert format_value(value) == printed


def test_every_authority_has_a_french_title_and_a_french_memo_prints_it() -> None:
    from drafter.standards import AUTHORITIES_FR, authority_title

    assert set(AUTHORITIES_FR) == set(AUTHORITIES)
    assert authority_title("GC34-25", "fr").startswith("Comité des droits de l'homme")
    assert authority_title("GC34-25", "de") == AUTHORITIES["GC34-25"]  # no German: English
    draft = sample_draft()
    draft.statute.language = "fr"
    memo = build_memo(draft)
    assert memo.authorities and all(a.title == AUTHORITIES_FR[a.id] for a in memo.authorities)
    note = memo.articles[1].clauses[0]
    assert all(a.title == AUTHORITIES_FR[a.id] for a in note.authorities)
