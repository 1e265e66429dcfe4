"""The structure kinds: required provisions, definitions, references and numbering."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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
    ("DR504", law(HATRED, "Article 7 - Avis\nLe Haut Conseil qualifie les propos. Ses avis lient le ministère public et les juridictions.\n"), 1),
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
    ("DR601", law("Article 2 - Definitions\nIn this Act, \"community\" means a group of persons sharing a religion.\n", "Article 3 - Enmity\nWhoever publicly incites hatred between communities commits an offence.\n"), 0),
    ("DR104", "Article 1 - Concorde\nEst puni d'un an d'emprisonnement quiconque sème la division entre les citoyens ou porte atteinte à la concorde nationale.\n", 2),
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
    ("DR605", "Article 3 - Scope\n(1) This Act applies to speech.\n(2) It applies to writing.\n(1) It applies online.\n(3) And offline.\n", 0),  # two levels flattened
    # DR604: an amending provision cites the amended law's numbering
    ("DR604", "Article 1 - Insertion\nThe Penal Code is amended by inserting the following after section 51.\n", 0),
    ("DR604", "Article 1 - Penalty\nA person who commits an offence under section 6 (1) of the Penal Code is liable to a fine.\n", 0),
    # DR602: capitalised as a defined term, while written in lower case elsewhere
    ("DR602", "Article 3 - Incitement to hatred\nA person who publicly advocates Hatred against a group commits an offence.\n", 1),
    ("DR602", "Article 3 - Appeal\nAn appeal lies to the Court of Appeal against any conviction for an offence.\n", 0),
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


def test_definitions_in_other_drafting_styles() -> None:
    canadian = read_text(
        "Loi sur la prévention de l'incitation au génocide\n\nTitre abrégé\n1 Loi sur la "
        "prévention.\n\nDéfinitions\n2 Les définitions qui suivent s'appliquent à la présente loi.\n"
        "génocide L'un des actes énumérés à l'article II de la Convention. (genocide)\n"
        "publiquement Dans un lieu public. (publicly)\n",
        language="fr",
    )
    assert "génocide" in [d.term for d in definitions(canadian)]
    philippine = read_text(
        "SECTION 2. Definition of Terms. – As used in this Act:\n(a) Hatred refers to an intense "
        "emotion of enmity;\n(b) Violence refers to the use of physical force.\n"
    )
    assert sorted(d.term.lower() for d in definitions(philippine)) == ["hatred", "violence"]


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
        ("community", "between communities", True),
        ("extremism", "extremist views", True),
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


# A well-drafted law words each provision its own way: every variant must satisfy the rule.
PROVISION_VARIANTS = [
    ("DR503", "A person convicted under this Act may appeal to the High Court."),
    ("DR503", "There is a right of appeal against every conviction and sentence under this Act."),
    ("DR503", "An appeal lies to the Court of Appeal from any decision under this Act."),
    ("DR503", "Le condamné peut interjeter appel du jugement."),
    (
        "DR503",
        "Les décisions rendues en application de la présente loi sont susceptibles de recours.",
    ),
    ("DR504", "Proceedings may be instituted only by the independent public prosecutor."),
    (
        "DR504",
        "No prosecution shall be brought without the consent of the Director of Public Prosecutions.",
    ),
    ("DR504", "No proceedings may be instituted except with the consent of the Attorney General."),
    ("DR504", "Proceedings require the prior consent of the Prosecutor-General."),
    ("DR504", "Les poursuites sont engagées par le ministère public."),
    (
        "DR507",
        "The Minister shall lay before Parliament an annual report on the operation of this Act.",
    ),
    (
        "DR507",
        "This Act shall be reviewed by an independent person three years after its commencement.",
    ),
    ("DR507", "Le Gouvernement publie chaque année des statistiques sur les poursuites."),
    ("DR508", "This Act comes into force on the day after its publication in the Gazette."),
    ("DR508", "This Act shall take effect on 1 January."),
    ("DR508", "La présente loi entre en vigueur le premier jour du mois suivant sa publication."),
    ("DR509", "Offences under this Act are triable only by the High Court."),
    ("DR509", "Only a court may determine whether an offence under this Act has been committed."),
    ("DR509", "Seuls les tribunaux correctionnels connaissent des infractions à la présente loi."),
    ("DR304", "Nothing in this Act applies to good-faith academic research, journalism or art."),
    (
        "DR304",
        "This Act does not apply to statements made in legal proceedings or in news reporting.",
    ),
    ("DR304", "La présente loi ne s'applique pas à la recherche historique ni au journalisme."),
]


@pytest.mark.parametrize(("code", "provision"), PROVISION_VARIANTS)
def test_provision_worded_differently_satisfies_the_rule(code: str, provision: str) -> None:
    french = ("Le ", "Les ", "La ", "Seuls ", " la ", " des ")
    language = "fr" if any(w in provision for w in french) else "en"
    offence = (
        HATRED
        if language == "en"
        else (
            "Article 3 - Haine\nQuiconque provoque publiquement à la haine est puni d'un an "
            "d'emprisonnement ou d'une amende.\n"
        )
    )
    text = law(offence, f"Article 9 - Provision\n{provision}\n")
    assert lint(code, text, language) == []
    assert lint(code, offence, language), f"{code} should fire without the provision"


WORDS = [
    "Article",
    "Section",
    "3",
    "3bis",
    "premier",
    "(1)",
    "(2)",
    "(a)",
    "(c)",
    "(ii)",
    "1°",
    '"hatred"',
    "means",
    "hatred",
    "Hatred",
    "as defined in this Act",
    "Article 9(2)",
    "publicly",
    "incites",
    "commits an offence",
    "appeal",
    "court",
    "\n",
    "\n\n",
    ".",
    ":",
    "« génocide »",
    "désigne",
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=80))
def test_no_rule_crashes_on_arbitrary_text(words: list[str]) -> None:
    statute = read_text(" ".join(words))
    codes = ["DR104", "DR106", "DR304", "DR503", "DR504", "DR507", "DR508", "DR509", "DR601",
             "DR602", "DR603", "DR604", "DR605", "DR606"]  # fmt: skip
    run_rules(statute, [rule(code) for code in codes])


# --- generalisation: drafting found in real statutes --------------------------------------

DEFENCE_IN_SECTION = (
    "Public incitement of hatred\n"
    "3. (1) Every person who, by communicating statements in a public place, wilfully incites "
    "hatred against any identifiable group is guilty of an offence punishable on summary "
    "conviction.\n"
    "(2) No person shall be convicted of an offence under subsection (1)\n"
    "(a) if the person establishes that the statements were true; or\n"
    "(b) if the statements were made in the course of scholarly research or teaching.\n"
)
DEFENCE_WITHOUT_ACTIVITY = (
    "Public incitement of hatred\n"
    "3. (1) Every person who, by communicating statements in a public place, wilfully incites "
    "hatred against any identifiable group is guilty of an offence punishable on summary "
    "conviction.\n"
    "(2) No person shall be convicted of an offence under subsection (1)\n"
    "(a) if the person establishes that the statements were true; or\n"
    "(b) if the person acted under duress.\n"
)


def test_defences_inside_the_offence_section_count_as_exceptions() -> None:
    assert lint("DR304", DEFENCE_IN_SECTION) == []
    assert len(lint("DR304", DEFENCE_WITHOUT_ACTIVITY)) == 1  # no protected activity named


@pytest.mark.parametrize(
    ("definition", "expected"),
    [
        ('"broadcasting" includes broadcasting by cable, satellite or the internet;', 0),
        ('"publish", and "publication" has a corresponding meaning;', 0),
        ('"broadcasting" means broadcasting or transmitting to the public;', 1),
    ],
)
def test_extending_and_corresponding_definitions_are_not_circular(
    definition: str, expected: int
) -> None:
    other = '"identifiable group" means a section of the public distinguished by religion.'
    text = f"Interpretation\n1. In this Act,\n{definition}\n{other}\n"
    assert len(lint("DR106", text)) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("incites genocide as defined in section 2 of the Penal Code", 0),
        ("incites genocide as defined in section 6 (1) of the Crimes Act", 0),
        ("incites genocide as defined in section 2", 1),
        ("incites genocide as defined in this Act", 1),
    ],
)
def test_definition_by_reference_to_another_law(sentence: str, expected: int) -> None:
    text = f"Article 3 - Offence\nA person who publicly {sentence} commits an offence.\n"
    assert len(lint("DR602", text)) == expected


def test_french_definition_by_reference_to_the_penal_code() -> None:
    ref = "Article 2\nEst puni de cinq ans d'emprisonnement le fait de provoquer à commettre un "
    assert lint("DR602", ref + "génocide tel que défini à l'article 211-1 du code pénal.\n") == []
    assert len(lint("DR602", ref + "génocide tel que défini à l'article 7.\n")) == 1


def test_term_defined_by_reference_later_counts_for_earlier_uses() -> None:
    text = (
        "Article 1er\nSeront punis d'un an d'emprisonnement ceux qui auront nié publiquement un "
        "génocide.\n\nArticle 2\nEst puni de cinq ans d'emprisonnement le fait de provoquer "
        "publiquement à commettre un génocide tel que défini à l'article 211-1 du code pénal.\n"
    )
    undefined = [f.message for f in lint("DR104", text, language="fr")]
    assert not any("'genocide'" in m for m in undefined)
    alone = text.split("\n\nArticle 2")[0] + "\n"
    assert any("'genocide'" in f.message for f in lint("DR104", alone, language="fr"))
