"""Every rule's own examples: each fail example fires the rule, each pass example does not.

One parametrised test over every checks/*.yaml file (all families), as the rule format in
docs/architecture.md promises: the examples are small statutes in the plain-text layout,
read with ``read_text`` and linted with that one rule only.
"""

from __future__ import annotations

import pytest

from drafter.lint.catalog import load_rules
from drafter.lint.engine import run_rules
from drafter.reading import read_text


def _cases() -> list:
    cases = []
    for rule in load_rules():
        for label in ("fail", "pass"):
            for index, text in enumerate(rule.examples[label]):
                cases.append(pytest.param(rule, label, text, id=f"{rule.code}-{label}-{index}"))
    return cases


@pytest.mark.parametrize(("rule", "label", "text"), _cases())
def test_rule_example(rule, label, text):
    statute = read_text(text)
    findings = [f for f in run_rules(statute, [rule]) if f.code == rule.code]
    if label == "fail":
        assert findings, f"{rule.code} did not fire on its fail example:\n{text}"
    else:
        shown = [(f.location.article, f.location.text) for f in findings]
        assert not findings, f"{rule.code} fired on its pass example: {shown}\n{text}"


def test_every_rule_has_both_kinds_of_example():
    for rule in load_rules():
        assert rule.examples["fail"] and rule.examples["pass"], rule.code


# Variants beyond the rules' own examples, in other drafting styles and words, so that a rule
# tuned to its examples fails here: (code, statute text, should the rule fire).
VARIANTS = [
    (
        "DR301",
        "Article 3 - Offences\nWhoever publicly denies the genocide, or incites hatred against survivors, shall be punished.",
        True,
    ),
    (
        "DR301",
        "Article 6 - Denial\nAny person who, in public, denies the genocide, or states that what happened was not genocide, commits an offence.",
        True,
    ),
    (
        "DR208",
        "Section 3 - Incitement to genocide\nA person commits an offence if the person intentionally and publicly urges another person, or a group of persons, to commit genocide.",
        False,
    ),
    (
        "DR101",
        "Article 3 - Offence\nWhoever holds or propagates genocidal views commits an offence.",
        True,
    ),
    (
        "DR101",
        "Article 3 - Offence\nA person who, whatever their religion or belief, intentionally and publicly incites violence commits an offence.",
        False,
    ),
    (
        "DR102",
        "Article 3 - Offence\nA person who intentionally does any act that promotes hatred commits an offence.",
        True,
    ),
    (
        "DR102",
        "Article 3 - Offence\nAny person who intentionally and publicly incites others to commit any of the acts listed in Article 2 commits an offence.",
        False,
    ),
    (
        "DR103",
        "Article 3 - Offence\nWhoever publicly belittles or ridicules a community commits an offence.",
        True,
    ),
    (
        "DR202",
        "Article 3 - Offence\nWhoever publishes material calculated to promote ethnic hatred commits an offence.",
        True,
    ),
    (
        "DR202",
        "Article 3 - Offence\nWhoever, with intent to incite violence, publishes material likely to incite violence commits an offence.",
        False,
    ),
    (
        "DR203",
        "Article 3 - Offence\nA person who publishes material and is reckless as to whether hatred will be stirred up commits an offence.",
        True,
    ),
    (
        "DR204",
        "Article 3 - Offence\nA person who intentionally incites others to commit genocide with intent to destroy a protected group commits an offence.",
        True,
    ),
    (
        "DR204",
        "Article 3 - Offence\nA person who, in a public place, intentionally incites violence against a religious group commits an offence.",
        False,
    ),
    (
        "DR205",
        "Article 3 - Offence\nA person who intentionally incites hatred, including in private messages, commits an offence.",
        True,
    ),
    (
        "DR206",
        "Article 3 - Offence\nWhoever incites, even indirectly, the commission of genocide shall be punished.",
        True,
    ),
    (
        "DR207",
        "Article 3 - Offence\nA person who intentionally and publicly glorifies the perpetrators of the genocide commits an offence.",
        True,
    ),
    (
        "DR208",
        "Article 3 - Offence\nA person who intentionally and publicly advocates hatred that constitutes incitement to violence commits an offence.",
        True,
    ),
    (
        "DR209",
        "Article 3 - Offence\nA person who publicly incites violence commits an offence under all circumstances.",
        True,
    ),
    (
        "DR210",
        "Article 3 - Offence\nWhoever publicly and directly incites another person to commit genocide, with intent to incite, shall be punished.",
        True,
    ),
    (
        "DR301",
        "Article 3 - Offence\nWhoever publicly approves, denies or grossly trivialises crimes of genocide shall be punished with imprisonment.",
        True,
    ),
    (
        "DR301",
        "Article 3 - Offence\nWhoever publicly denies a genocide in a manner likely to incite violence against the group shall be punished.",
        False,
    ),
    (
        "DR302",
        'Article 2 - Definitions\nIn this Act, "genocide" means the events that the Government has declared to be genocide, as listed by ministerial decree.',
        True,
    ),
    (
        "DR303",
        "Article 3 - Offence\nWhoever publicly denies the genocide against the Tutsi in a manner likely to incite violence shall be punished.",
        True,
    ),
    (
        "DR305",
        "Article 3 - Offence\nWhoever publicly slanders the memory of victims of the genocide shall be punished.",
        True,
    ),
    (
        "DR306",
        "Article 3 - Offence\nWhoever publicly makes statements threatening social cohesion shall be punished.",
        True,
    ),
    (
        "DR307",
        "Article 3 - Offence\nWhoever intimidates a witness of the genocide or publicly denies it shall be punished.",
        True,
    ),
    (
        "DR501",
        "Article 9 - Powers\nThe Media Council may, on its own motion, ban any publication it considers divisive.",
        True,
    ),
    (
        "DR501",
        "Article 9 - Judicial determination\nOnly a court may order the removal of a publication, on the application of the prosecutor.",
        False,
    ),
    ("DR502", "Article 9 - Decisions\nThe decision of the Council is final and conclusive.", True),
    (
        "DR505",
        "Article 20 - Application\nThis Law applies to statements made prior to its publication in the Gazette.",
        True,
    ),
    (
        "DR505",
        "Article 20 - Non-retroactivity\nThis Law applies only to statements made after its entry into force.",
        False,
    ),
    (
        "DR505",
        "Article 20 - Application\nThis Act applies to conduct before its entry into force.",
        True,
    ),
    (
        "DR505",
        "Article 20 - Non-retroactivity\nThis Act does not apply to conduct before its entry into force.",
        False,
    ),
    (
        "DR506",
        "Article 21 - Limitation\nOffences under this Law shall not be subject to any statute of limitations.",
        True,
    ),
    (
        "DR506",
        "Article 21 - Limitation\nProceedings for an offence under this Law must be commenced within three years.",
        False,
    ),
    ("DR607", "Article 5 - Penalty\nThe court may impose a fine and / or a warning.", True),
    (
        "DR604",
        (
            "Article 9 - Exceptions\n(1) Research is not an offence.\n(2) Where paragraph (1) or (3) "
            "applies, the prosecution must prove that it does not."
        ),
        True,
    ),
    (
        "DR604",
        (
            "Article 9 - Exceptions\n(1) Research is not an offence.\n(2) Reporting is not an "
            "offence.\n(3) Where paragraph (1) or (2) applies, the prosecution must prove that it "
            "does not."
        ),
        False,
    ),
    (
        "DR101",
        "Article 3 - Infraction\nQuiconque professe une idéologie génocidaire est puni de cinq ans d'emprisonnement.",
        True,
    ),
    (
        "DR102",
        "Article 3 - Infraction\nQuiconque commet tout acte de nature à troubler l'ordre public est puni d'un an d'emprisonnement.",
        True,
    ),
    (
        "DR103",
        "Article 3 - Infraction\nQuiconque tourne en dérision ou dénigre publiquement une communauté est puni d'un an d'emprisonnement.",
        True,
    ),
    (
        "DR201",
        "Article 3 - Incitation\nQuiconque incite publiquement à la violence contre un groupe religieux est puni d'un an d'emprisonnement.",
        True,
    ),
    (
        "DR201",
        "Article 3 - Incitation\nQuiconque incite intentionnellement et publiquement à la violence contre un groupe religieux est puni d'un an d'emprisonnement.",
        False,
    ),
    (
        "DR204",
        "Article 3 - Incitation\nQuiconque incite intentionnellement autrui à la violence contre un groupe religieux est puni d'un an d'emprisonnement.",
        True,
    ),
    (
        "DR205",
        "Article 3 - Incitation\nQuiconque incite intentionnellement, même dans un cadre privé, à la violence est puni d'un an d'emprisonnement.",
        True,
    ),
    (
        "DR206",
        "Article 3 - Provocation\nQuiconque provoque indirectement au génocide est puni de cinq ans d'emprisonnement.",
        True,
    ),
    (
        "DR209",
        "Article 3 - Provocation\nQuiconque provoque publiquement à la haine est puni, quelles que soient les circonstances, d'un an d'emprisonnement.",
        True,
    ),
    (
        "DR301",
        "Article 3 - Négation\nQuiconque nie ou minimise publiquement le génocide est puni de trois ans d'emprisonnement.",
        True,
    ),
    (
        "DR303",
        "Article 3 - Négation\nQuiconque nie publiquement le génocide, de manière à inciter à la haine, est puni d'un an d'emprisonnement.",
        True,
    ),
    (
        "DR305",
        "Article 3 - Offense\nQuiconque diffame publiquement les rescapés du génocide est puni d'un an d'emprisonnement.",
        True,
    ),
    (
        "DR306",
        "Article 3 - Infraction\nQuiconque porte atteinte à la cohésion sociale par des propos publics est puni d'un an d'emprisonnement.",
        True,
    ),
    (
        "DR501",
        "Article 9 - Pouvoirs\nLe ministre de l'information peut suspendre tout journal qui publie des propos haineux.",
        True,
    ),
    ("DR502", "Article 9 - Décisions\nLes décisions du Conseil sont sans recours.", True),
    (
        "DR505",
        "Article 20 - Application\nLa présente loi s'applique aux faits commis avant son entrée en vigueur.",
        True,
    ),
    (
        "DR506",
        "Article 21 - Prescription\nLes infractions prévues par la présente loi sont imprescriptibles.",
        True,
    ),
    (
        "DR607",
        "Article 5 - Peine\nLe tribunal peut prononcer une amende et/ou un avertissement.",
        True,
    ),
]


@pytest.mark.parametrize(("code", "text", "fires"), VARIANTS)
def test_rule_variant(code, text, fires):
    rule = next(r for r in load_rules() if r.code == code)
    statute = read_text(text)
    found = [f for f in run_rules(statute, [rule]) if f.code == code]
    assert bool(found) is fires, f"{code} {'missed' if fires else 'fired on'}: {text}"
