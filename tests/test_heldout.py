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
from drafter.lint.sanctions import read_sanctions
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
    # A Criminal Code excerpt (ss. 318-320, PDF copy): each offence judged on its own elements.
    ("en_ca_criminal_code.txt", "DR201", "318"),  # "advocates or promotes genocide"
    ("en_ca_criminal_code.txt", "DR204", "318"),  # no public element ("section of the public"
    ("en_ca_criminal_code.txt", "DR210", "318"),  # is a group; intent to destroy is in (2) only)
    ("en_ca_criminal_code.txt", "DR105", "318"),  # age, sex, sexual orientation, disability
    ("en_ca_criminal_code.txt", "DR201", "319"),  # 319(1) "incites" with no wilful element
    ("en_ca_criminal_code.txt", "DR208", "319"),  # 319(2) "wilfully promotes", no likelihood
    # A Rwandan-style ideology law, PDF copy with running heads and hyphenation.
    ("en_rw_ideology_2018.txt", "DR101", "2"),
    ("en_rw_ideology_2018.txt", "DR101", "3"),
    ("en_rw_ideology_2018.txt", "DR102", "2"),  # "or by any other means"
    ("en_rw_ideology_2018.txt", "DR102", "5"),
    ("en_rw_ideology_2018.txt", "DR302", "2"),  # "as recognised by the United Nations"
    ("en_rw_ideology_2018.txt", "DR105", "3"),
    ("en_rw_ideology_2018.txt", "DR210", "3"),
    ("en_rw_ideology_2018.txt", "DR301", "5"),  # "stating ... that the genocide is not a genocide"
    ("en_rw_ideology_2018.txt", "DR301", "6"),
    ("en_rw_ideology_2018.txt", "DR301", "7"),
    ("en_rw_ideology_2018.txt", "DR303", "5"),
    # A US bill with printed line numbers: the funding section, not the amended 18 U.S.C. 1091.
    ("en_us_bill.txt", "DR501", "4"),  # the Secretary of Education determines
    ("en_us_bill.txt", "DR502", "4"),  # "shall not be subject to judicial review"
    ("en_us_bill.txt", "DR302", "4"),  # "designated as genocide by the Secretary of State"
    ("en_us_bill.txt", "DR102", "4"),  # "in any manner whatsoever"
    ("en_us_bill.txt", "DR301", "4"),  # "No institution shall permit ... to deny, minimize"
    ("en_us_bill.txt", "DR303", "4"),
    # A loi Gayssot-style amending law (JORF copy): « Art. 24 bis » inserted into the 1881 law.
    ("fr_gayssot_loi.txt", "DR301", "9"),  # "nié, minoré ou banalisé" as such
    ("fr_gayssot_loi.txt", "DR201", "9"),
    # A Burundi-style law: "Le crime de X est caractérisé par ...", "servitude pénale".
    ("fr_bi_ideologie.docx", "DR101", "2"),
    ("fr_bi_ideologie.docx", "DR101", "3"),
    ("fr_bi_ideologie.docx", "DR102", "2"),  # "tous autres actes"
    ("fr_bi_ideologie.docx", "DR102", "3"),  # "tout comportement"
    ("fr_bi_ideologie.docx", "DR105", "2"),
    ("fr_bi_ideologie.docx", "DR209", "2"),  # "en temps normal ou en temps de guerre"
    ("fr_bi_ideologie.docx", "DR202", "2"),  # "visant à"
    ("fr_bi_ideologie.docx", "DR201", "3"),  # items 1° and 2° have no intent of their own
    ("fr_bi_ideologie.docx", "DR204", "3"),
    ("fr_bi_ideologie.docx", "DR207", "3"),
    ("fr_bi_ideologie.docx", "DR208", "3"),
    ("fr_bi_ideologie.docx", "DR103", "3"),  # dégrader, mépriser, se moquer
    ("fr_bi_ideologie.docx", "DR305", "3"),  # diffamer
    ("fr_bi_ideologie.docx", "DR306", "3"),  # semer la zizanie
    ("fr_bi_ideologie.docx", "DR501", "5"),  # the Commission qualifies and sanctions
    ("fr_bi_ideologie.docx", "DR502", "5"),  # "n'est susceptible d'aucun recours"
    ("fr_bi_ideologie.docx", "DR505", "6"),
    ("fr_bi_ideologie.docx", "DR506", "6"),  # the ideology crime (not genocide) imprescriptible
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
    ("en_ca_criminal_code.txt", "DR301", "319"),  # (2.1) requires promoting antisemitism
    ("en_ca_criminal_code.txt", "DR101", "319"),  # "an opinion on a religious subject": defence
    ("en_ca_criminal_code.txt", "DR205", "319"),  # "other than in private conversation"
    ("en_ca_criminal_code.txt", "DR204", "319"),  # ... is a public element
    ("en_ca_criminal_code.txt", "DR210", "319"),  # hatred offences, not incitement to genocide
    ("en_rw_ideology_2018.txt", "DR307", "8"),  # evidence offence kept apart from speech
    # Section 3 amends 18 U.S.C. 1091(c): direct, public, intended, genocidal intent.
    *(("en_us_bill.txt", code, "3") for code in ("DR201", "DR204", "DR207", "DR208", "DR210")),
    ("fr_gayssot_loi.txt", "DR303", "9"),  # both alinéas limited to crimes judged by a court
    ("fr_gayssot_loi.txt", "DR302", "9"),
    ("fr_gayssot_loi.txt", "DR210", "9"),  # a denial offence ("minoré"), not incitement
    ("fr_bi_ideologie.docx", "DR210", "2"),  # a definition, not an offence
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
    ("en_ca_criminal_code.txt", {"318": K.OFFENCE, "319": K.OFFENCE}),
    (
        "fr_bi_ideologie.docx",
        {"2": K.DEFINITIONS, "3": K.OFFENCE, "4": K.SANCTION, "5": K.PROCEDURE},
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


# --- sanction and structure rules on the held-out statutes --------------------------------
# (The text rules above are checked by TEXT_RULES; these are the DR104, DR106, DR304, DR4xx,
# DR5xx and DR6xx rules, owned with the reader.)


@cache
def all_findings(name: str) -> frozenset[tuple[str, str | None]]:
    """Return the (code, article) pairs of every rule's findings on a held-out file."""
    statute = read_document(HELDOUT / name)
    return frozenset((f.code, f.location.article) for f in lint_statute(statute))


def codes(name: str) -> set[str]:
    return {code for code, _ in all_findings(name)}


STRUCTURE_PRESENT = [
    # A francophone-African law: heavy ranges with minimums, doubling, life for leaders.
    ("fr_afrique_code.txt", "DR402", "2"),  # five to ten years for "genocide ideology"
    ("fr_afrique_code.txt", "DR404", "2"),
    ("fr_afrique_code.txt", "DR404", "3"),
    ("fr_afrique_code.txt", "DR404", "4"),
    ("fr_afrique_code.txt", "DR405", "5"),  # "portées au double"
    ("fr_afrique_code.txt", "DR403", "6"),  # réclusion criminelle à perpétuité
    ("fr_afrique_code.txt", "DR407", "6"),  # leaders and public agents
    ("fr_afrique_code.txt", "DR406", "2"),  # "notamment en" under a five-year floor
    ("fr_afrique_code.txt", "DR412", "2"),  # "en injuriant autrui" punished with prison
    ("fr_afrique_code.txt", "DR304", "2"),
    ("fr_afrique_code.txt", "DR304", "3"),
    ("en_ideology_gazette.txt", "DR412", "4"),  # Article 4 punishes "defamatory speeches"
    ("en_ideology_gazette.txt", "DR405", "4"),  # "the penalty shall be doubled"
    ("en_ca_criminal_code.txt", "DR411", "318"),  # imprisonment only
    ("en_rw_ideology_2018.txt", "DR402", "4"),  # nine years
    ("en_rw_ideology_2018.txt", "DR404", "4"),  # "more than five (5) years" is a minimum
    ("en_rw_ideology_2018.txt", "DR404", "5"),
    ("en_rw_ideology_2018.txt", "DR411", "4"),
    ("en_rw_ideology_2018.txt", "DR411", "5"),
    ("en_rw_ideology_2018.txt", "DR408", "9"),  # dissolution automatic
    ("fr_bi_ideologie.docx", "DR402", "4"),  # "servitude pénale de dix à vingt-cinq ans"
    ("fr_bi_ideologie.docx", "DR404", "4"),
    ("fr_bi_ideologie.docx", "DR405", "4"),  # "portée au double"
    ("fr_bi_ideologie.docx", "DR604", "8"),  # "l'article 12" does not exist
]
STRUCTURE_ABSENT = [
    # Exceptions written inside the offence section (s. 3(2)) govern the Act's offences.
    ("en_good_hate_propaganda.txt", "DR304", "2"),
    ("en_good_hate_propaganda.txt", "DR304", "3"),
    # The (a)/(b) penalty routes and the defence items are not "five conducts".
    ("en_good_hate_propaganda.txt", "DR406", "3"),
    # "(b) an offence punishable on summary conviction" is the non-custodial route.
    ("en_good_hate_propaganda.txt", "DR411", "3"),
    # '"communicating" includes communicating by telephone' extends, it does not circle.
    ("en_good_hate_propaganda.txt", "DR106", "1"),
    # "génocide tel que défini à l'article 211-1 du code pénal" is a definition by reference.
    ("fr_negation_loi.txt", "DR602", "2"),
    # Leaders and parents are punished for the offence; the insult is punished in Article 4.
    ("en_ideology_gazette.txt", "DR412", "5"),
    ("en_ideology_gazette.txt", "DR412", "7"),
    # Insult is not part of the denial or divisionism offences.
    ("fr_afrique_code.txt", "DR412", "3"),
    ("fr_afrique_code.txt", "DR412", "4"),
    # Incitement to genocide capped at five years: "advocates or promotes genocide", and
    # "incites another to violate subsection (a)" under the heading "Incitement to genocide".
    ("en_ca_criminal_code.txt", "DR402", "318"),
    ("en_us_bill.txt", "DR402", "3"),
    ("en_us_bill.txt", "DR401", "3"),
    ("en_us_bill.txt", "DR411", "3"),  # "or both": a fine alone is possible
]
# (file, codes): statute-level and reference rules that must stay quiet anywhere in the file.
QUIET = [
    ("en_ca_criminal_code.txt", {"DR504", "DR401", "DR606", "DR602"}),  # AG consent in 318(3)
    # SEC. 6 exceptions, SEC. 5(b)(2) annual report, SEC. 7 commencement; references inside
    # the quoted amendment and to title 18 point outside the bill.
    ("en_us_bill.txt", {"DR304", "DR507", "DR508", "DR505", "DR604", "DR602"}),
    # « Art. 24 bis » and « Art. 48-2 » are inserted into the 1881 law; art. 2 annual report.
    ("fr_gayssot_loi.txt", {"DR604", "DR507", "DR302", "DR303"}),
    ("en_rw_ideology_2018.txt", {"DR307", "DR508", "DR604"}),
    ("fr_bi_ideologie.docx", {"DR508"}),
]


@pytest.mark.parametrize(("name", "code", "article"), STRUCTURE_PRESENT)
def test_sanction_and_structure_defects_are_reported(name: str, code: str, article: str) -> None:
    assert (code, article) in all_findings(name)


@pytest.mark.parametrize(("name", "code", "article"), STRUCTURE_ABSENT)
def test_sanction_and_structure_false_positives_stay_away(
    name: str, code: str, article: str
) -> None:
    assert (code, article) not in all_findings(name)


@pytest.mark.parametrize(("name", "quiet"), QUIET)
def test_statute_level_false_positives_stay_away(name: str, quiet: set[str]) -> None:
    assert codes(name) & quiet == set()


def test_term_defined_by_reference_anywhere_is_defined() -> None:
    statute = read_document(HELDOUT / "fr_negation_loi.txt")
    undefined = [f.message for f in lint_statute(statute) if f.code == "DR104"]
    assert not any("'genocide'" in m for m in undefined)


def test_uk_style_act_is_read_section_by_section() -> None:
    """ "1 Meaning of ..." sections, cross-headings, a chapter citation and a Schedule."""
    statute = read_document(HELDOUT / "en_uk_style_act.txt")
    assert [a.number for a in statute.articles] == [*"12345678", "Schedule 1"]
    assert statute.article("1").kind == K.DEFINITIONS
    assert statute.article("2").kind == K.OFFENCE
    assert statute.article("3").kind == K.OFFENCE
    assert statute.article("4").kind == K.EXCEPTIONS
    assert statute.article("8").kind == K.FINAL
    # Cross-headings ("Offences", "Proceedings") group sections; they are not paragraphs.
    assert [d.heading for d in statute.divisions] == ["Offences", "Proceedings", "Supplementary"]
    assert all(p.number for a in statute.articles[:8] for p in a.paragraphs if a.number != "5")
    assert {d.term for d in statute.definitions} >= {"genocide", "racial group"}


def test_uk_style_penalties_are_read_with_their_routes() -> None:
    statute = read_document(HELDOUT / "en_uk_style_act.txt")
    penalties = {(s.offence_article, s.max_months, s.fine, s.custodial) for s in
                 read_sanctions(statute)}  # fmt: skip
    # Section 2: on indictment, 7 years or a fine (or both).
    assert ("2", 84, True, True) in penalties
    # Section 3: a level 5 fine summarily; 2 years or a fine (or both) on indictment.
    assert ("3", None, True, False) in penalties
    assert ("3", 24, True, True) in penalties


def test_well_drafted_uk_style_act_passes_the_sanction_and_structure_rules() -> None:
    clean = {"DR106", "DR304", "DR401", "DR402", "DR403", "DR404", "DR405", "DR406", "DR407",
             "DR408", "DR409", "DR410", "DR411", "DR412", "DR503", "DR504", "DR507", "DR508",
             "DR509", "DR601", "DR602", "DR603", "DR604", "DR605", "DR606"}  # fmt: skip
    assert codes("en_uk_style_act.txt") & clean == set()


def test_francophone_african_law_is_read_by_titre_and_chapitre() -> None:
    statute = read_document(HELDOUT / "fr_afrique_code.txt")
    assert statute.language == "fr"
    assert [a.number for a in statute.articles] == ["premier", *"2345678"]
    assert statute.article("premier").kind == K.DEFINITIONS
    assert {statute.article(n).kind for n in "234"} == {K.OFFENCE}
    kinds = [d.kind for d in statute.divisions]
    assert kinds.count("title") == 3 and kinds.count("chapter") == 3


def test_francophone_african_penalties_are_read() -> None:
    statute = read_document(HELDOUT / "fr_afrique_code.txt")
    by_offence = {}
    for s in read_sanctions(statute):
        by_offence.setdefault((s.article, s.offence_article), []).append(s)
    (art2,) = by_offence[("2", "2")]
    assert (art2.min_months, art2.max_months, art2.fine, art2.non_custodial) == (60, 120, True,
                                                                                 False)  # fmt: skip
    (art3,) = by_offence[("3", "3")]
    assert (art3.min_months, art3.max_months) == (60, 108)
    (art4,) = by_offence[("4", "4")]
    assert (art4.min_months, art4.max_months) == (24, 60)
    # "En cas de récidive, les peines prévues aux articles 2 à 4 sont portées au double."
    doubled = {s.offence_article for s in read_sanctions(statute) if s.multiplier == 2.0}
    assert doubled == {"2", "3", "4"}
    (life,) = by_offence[("6", "2")]
    assert life.life
