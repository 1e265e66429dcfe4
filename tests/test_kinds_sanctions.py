"""The sanction rule kinds, run through their checks/ files on statutes beyond the examples."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.findings import Finding
from drafter.lint.catalog import parse_rule
from drafter.lint.engine import Rule, run_rules
from drafter.reading import read_text

CHECKS = Path(__file__).resolve().parent.parent / "checks"


@cache
def rule(code: str) -> Rule:
    """Load one rule from checks/ (validated by the catalogue)."""
    (path,) = CHECKS.glob(f"{code}-*.yaml")
    return parse_rule(path)


def lint(code: str, text: str) -> list[Finding]:
    """Read a plain-text statute and run one rule on it."""
    return [f for f in run_rules(read_text(text), [rule(code)]) if f.code == code]


INCITE_5 = (
    "Article 3 - Incitement to genocide\nA person who directly and publicly incites others to "
    "commit genocide commits an offence and is liable to imprisonment for a term not exceeding "
    "{term}.\n"
)

CASES = [
    # DR401 missing maximum
    ("DR401", "Article 3 - Hatred\nA person who publicly incites hatred commits an offence and shall be punished in accordance with article 49 of the Penal Code.\n", 0),
    ("DR401", "Article 3 - Hatred\nA person who publicly incites hatred commits an offence and is liable to a fine.\n", 0),
    ("DR401", "Article 3 - Hatred\nA person who publicly incites hatred shall be liable to imprisonment of at least two years.\n", 1),
    # DR402 excessive maximum, by offence type
    ("DR402", INCITE_5.format(term="eight years"), 0),
    ("DR402", INCITE_5.format(term="ten (10) years"), 1),
    ("DR402", "Section 4 - Denial\nA person who publishes statements denying the genocide commits an offence and is liable to imprisonment for 5 years.\n", 1),
    ("DR402", "Section 4 - Denial\nA person who publishes statements denying the genocide commits an offence and is liable to imprisonment for 2 years.\n", 0),
    ("DR402", "Article 4 - Idéologie\nQuiconque diffuse l'idéologie du génocide est puni de vingt-cinq ans d'emprisonnement.\n", 1),
    # DR403 life imprisonment
    ("DR403", "Article 3 - Ideology\nA person who disseminates genocide ideology commits an offence.\n\nArticle 4 - Penalty\nA person convicted of the offence referred to in Article 3 shall be sentenced to life imprisonment.\n", 1),
    ("DR403", INCITE_5.format(term="five years"), 0),
    ("DR403", "Article 3 - Propaganda\nA person who disseminates propaganda against the nation shall be sentenced to death.\n", 1),
    # DR404 minimum
    ("DR404", "Article 3 - Hatred\nA person who publicly incites hatred commits an offence and shall be punished by imprisonment of between five and nine years.\n", 1),
    ("DR404", INCITE_5.format(term="five years"), 0),
    # DR405 multipliers
    ("DR405", "Article 6 - Repeat offences\nThe penalty for a repeat offence under Article 3 shall be tripled.\n", 1),
    ("DR405", "Article 6 - Repeat offences\nFor a repeat offence the maximum penalty may be doubled by the court.\n", 0),
    # DR406 single band
    ("DR406", "Article 3 - Hatred\nA person who publicly incites hatred is liable to imprisonment not exceeding three years.\n\nArticle 4 - Denial\nA person who publicly denies a genocide established by a final judgment is liable to imprisonment not exceeding three years.\n", 0),
    ("DR406", "Article 3 - Hatred\nA person who publicly incites hatred shall be punished by imprisonment of ten to twenty-five years.\n\nArticle 4 - Denial\nA person who publicly denies the genocide shall be punished by imprisonment of ten to twenty-five years.\n", 1),
    ("DR406", "Article 2\nCommet l'infraction quiconque tient des propos ou adopte des comportements de nature à propager la haine, notamment en raillant autrui.\n\nArticle 3\nL'infraction prévue à l'article 2 est punie d'un emprisonnement de cinq à dix ans.\n", 1),
    ("DR406", "Article 2 - Hatred\nA person who publicly incites hatred, such as by calling for expulsions, is liable to imprisonment not exceeding three years.\n", 0),
    # DR407 status aggravation
    ("DR407", "Article 5 - Officials\nWhere the offence under Article 3 is committed by a public servant, the penalty is imprisonment of ten (10) years.\n", 1),
    ("DR407", "Article 5 - Assessment\nThe court shall take into account whether the speaker is a public official with influence over the audience.\n", 0),
    ("DR407", "Article 2\nLa peine est doublée lorsque l'auteur est un élu ou un fonctionnaire.\n", 1),
    # DR408 dissolution
    ("DR408", "Article 8 - Associations\nAn association whose member is convicted under this Act shall be dissolved.\n", 1),
    ("DR408", "Article 8 - Associations\nThe court may order the suspension or, as a last resort, the dissolution of an association convicted under this Act.\n", 0),
    ("DR408", "Section 51C - Parties\nWhere an offence under section 51A is committed by a member of a political party, the Registrar shall deregister the party.\n", 1),
    # DR409 children
    ("DR409", "Article 9 - Minors\nA minor who commits an offence under this Act shall be liable to half of the penalty.\n", 1),
    ("DR409", "Article 2 - Minimum age\nNo person under the age of fourteen shall be criminally liable under this Act.\n\nArticle 9 - Minors\nA minor who commits an offence under this Act is dealt with under the juvenile justice law.\n", 0),
    ("DR409", "Article 2 - Minimum age\nThe age of criminal responsibility is fourteen.\n\nArticle 9 - Children\nChildren under ten years who commit an offence under this Act shall be placed in a rehabilitation centre.\n", 1),
    ("DR409", "Article 3 - Incitement\nA person who publicly incites children under eighteen to commit violence is liable to imprisonment not exceeding three years.\n", 0),
    ("DR409", "Article 5\nLe mineur de plus de dix ans est pénalement responsable des infractions prévues par la présente loi.\n", 1),
    ("DR409", "Clause 5 - Schools\nWhere a pupil commits an offence under this Act on school premises, the head teacher is guilty of the same offence.\n", 0),
    ("DR401", "Clause 5 - Schools\nWhere a pupil commits an offence under this Act on school premises, the head teacher is guilty of the same offence.\n", 0),
    # DR410 parents and teachers
    ("DR410", "Article 11 - Teachers\nA teacher whose pupil expresses genocide ideology shall be liable to a fine.\n", 1),
    ("DR410", "Article 11 - Parents\nParents shall be informed of any proceedings against a child.\n", 0),
    # DR411 alternatives
    ("DR411", "Article 3 - Hatred\nA person who publicly incites hatred shall be liable to imprisonment not exceeding two years and a fine.\n", 1),
    ("DR411", "Article 3 - Hatred\nA person who publicly incites hatred shall be liable to imprisonment not exceeding two years or a fine.\n", 0),
    ("DR411", "Article 3 - Haine\nQuiconque provoque publiquement à la haine est puni d'un emprisonnement de dix à vingt ans et d'une amende.\n", 1),
    ("DR411", "Article 2 - Genocide\nA person who kills members of a national, ethnical, racial or religious group with intent to destroy it commits genocide and is liable to imprisonment for twenty years.\n", 0),
    # DR412 insult and defamation
    ("DR412", "Article 5 - Defamation\nA person who defames a group commits an offence and is liable to imprisonment not exceeding six months or a fine.\n", 1),
    ("DR412", "Article 5 - Defamation\nA person who defames a group commits an offence and is liable to a fine.\n", 0),
    ("DR412", "Article 1 - Definitions\nIn this Act, \"contempt of faith\" means any act capable of insulting a religion.\n\nArticle 2 - Offence\nAnyone who commits contempt of faith shall be punished with imprisonment of up to two years.\n", 1),
]  # fmt: skip


@pytest.mark.parametrize(("code", "text", "expected"), CASES)
def test_rule_fires_or_stays_silent(code: str, text: str, expected: int) -> None:
    found = lint(code, text)
    assert len(found) == expected, [f.location for f in found]


def test_findings_are_anchored_to_the_penalty_words() -> None:
    text = INCITE_5.format(term="twelve years")
    (finding,) = lint("DR402", text)
    loc = finding.location
    assert (loc.article, loc.paragraph) == ("3", 1)
    assert loc.text.startswith("liable to imprisonment")
    assert "12 years" in finding.message and "8 years" in finding.message


def test_missing_penalty_is_anchored_to_the_offence_article() -> None:
    text = (
        "Article 1 - Purpose\nThis Act prevents incitement.\n\n"
        "Article 2 - Incitement\nA person who publicly incites hatred commits an offence.\n"
    )
    (finding,) = lint("DR401", text)
    assert finding.location.article == "2"


def test_one_penalty_for_several_offences_gives_one_finding_per_place() -> None:
    text = (
        "Article 3 - Hatred\nIt is an offence publicly to incite hatred.\n\n"
        "Article 4 - Denial\nIt is an offence publicly to deny the genocide.\n\n"
        "Article 5 - Penalties\nA person who commits an offence under Article 3 or 4 shall be "
        "sentenced to imprisonment of ten to twenty-five years.\n"
    )
    assert len(lint("DR402", text)) == 1
    assert len(lint("DR404", text)) == 1


WORDS = [
    "Article",
    "3",
    "3bis",
    "(1)",
    "(a)",
    "1°",
    "A",
    "person",
    "who",
    "incites",
    "hatred",
    "shall",
    "be",
    "liable",
    "to",
    "imprisonment",
    "of",
    "ten",
    "(10)",
    "twenty-five",
    "years",
    "months",
    "not",
    "exceeding",
    "at",
    "least",
    "or",
    "a",
    "fine",
    "doubled",
    "life",
    "child",
    "under",
    "twelve",
    "parent",
    "leader",
    "dissolved",
    "Article 9",
    "under this Act",
    "\n",
    "\n\n",
    '"hatred"',
    "means",
    "est",
    "puni",
    "de",
    "cinq",
    "ans",
    "d'emprisonnement",
    ".",
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=80))
def test_no_rule_crashes_on_arbitrary_text(words: list[str]) -> None:
    statute = read_text(" ".join(words))
    codes = ["DR401", "DR402", "DR403", "DR404", "DR405", "DR406", "DR407", "DR408", "DR409",
             "DR410", "DR411", "DR412"]  # fmt: skip
    run_rules(statute, [rule(code) for code in codes])


HYBRID = (
    "Public incitement of hatred\n"
    "3. (1) Every person who, by communicating statements in a public place, wilfully incites "
    "hatred against any identifiable group where such incitement is likely to lead to violence "
    "is guilty of\n"
    "(a) an indictable offence and liable to imprisonment for a term not exceeding two years; or\n"
    "(b) an offence punishable on summary conviction.\n"
    "(2) No person shall be convicted of an offence under subsection (1)\n"
    "(a) if the statements were true;\n"
    "(b) if the statements were relevant to a subject of public interest;\n"
    "(c) if the statements were made in the course of research or teaching.\n"
)
LONG_LIST = (
    "Article 3 - Offence\nA person who publicly does any of the following commits an offence:\n"
    "(a) mocks a group;\n(b) insults a group;\n(c) threatens a group;\n(d) degrades a group;\n"
    "(e) incites the killing of members of a group.\n"
    "Article 4 - Penalty\nAn offence under Article 3 is punishable by imprisonment of five "
    "to ten years.\n"
)


def test_penalty_routes_and_defences_are_not_conducts() -> None:
    assert lint("DR406", HYBRID) == []
    assert len(lint("DR406", LONG_LIST)) == 1  # five real conducts under one band


def test_summary_conviction_route_is_a_non_custodial_alternative() -> None:
    assert lint("DR411", HYBRID) == []
    indictable_only = HYBRID.replace("; or\n(b) an offence punishable on summary conviction", "")
    assert len(lint("DR411", indictable_only)) == 1


def test_nested_option_regexes_are_checked_when_the_catalogue_loads(tmp_path: Path) -> None:
    from drafter.errors import LibraryError

    (source,) = CHECKS.glob("DR402-*.yaml")
    folder = tmp_path / "checks"
    folder.mkdir()
    bad = source.read_text(encoding="utf-8").replace(r"\bincit\w*", r"\bincit(\w*", 1)
    assert bad != source.read_text(encoding="utf-8")
    (folder / source.name).write_text(bad, encoding="utf-8")
    with pytest.raises(LibraryError, match=r"DR402-.*offence_types\[\d+\]\.patterns"):
        parse_rule(folder / source.name)
