"""A small but complete Draft built without the assembler, for the writers' tests.

It is written in statute markup and parsed with drafter.markup, with Clause/Template/ClauseUse
records made by hand, so the writers can be tested even when no template is installed.
"""

from __future__ import annotations

from drafter.library_model import Clause, ClauseUse, Draft, Parameter, Template
from drafter.markup import parse_markup

MARKUP = """\
::title Prevention of Incitement to Genocide Act
::long-title An Act to prevent and punish direct and public incitement to commit genocide,
in conformity with the Convention on the Prevention and Punishment of the Crime of Genocide.
::preamble Recalling that the Republic of Aurelia is a party to the Convention on the
Prevention and Punishment of the Crime of Genocide;
::enacting Be it enacted by the Parliament of the Republic of Aurelia as follows:
::part General provisions
::article Definitions {label=definitions kind=definitions clause=definitions.genocide}
::para In this Act:
::item "genocide" means any of the acts listed in article II of the Convention, committed
with intent to destroy, in whole or in part, a national, ethnical, racial or religious group,
as such;
::item "publicly" means in a place open to the public or by a means of communication to the
public, including:
::subitem broadcasting; and
::subitem publication on a website open to all.
::part Offences and penalties
::chapter Offences
::article Incitement to genocide {label=incitement kind=offence clause=offence.incitement_genocide}
::para A person who directly and [[term:publicly]] incites others to commit [[term:genocide]],
intending to incite them and intending to destroy the group, commits an offence.
::para A person convicted of an offence under paragraph (1) is liable to imprisonment for a
term not exceeding five (5) years or to a fine, or both.
::article Exceptions {label=exceptions kind=exceptions clause=exceptions.protected}
::para Nothing in [[ref:incitement/1]] applies to good-faith academic or historical research,
journalism, or artistic creation.
::article Entry into force {kind=final}
::para This Act enters into force on the day after its publication.
"""


def sample_clauses() -> dict[str, Clause]:
    """Return the hand-made clauses the sample markup refers to."""
    years = Parameter("max_years", "int", help="Maximum term of imprisonment in years.",
                      default=5, min=1, max=8)  # fmt: skip
    return {
        "definitions.genocide": Clause(
            id="definitions.genocide", title="Definition of genocide", category="definitions",
            language="en", parameters=[], introduces=["genocide"], uses=[],
            sources=["GENOCIDE-II"],
            commentary="Mirrors article II of the Convention word for word, so that the\n"
            "crime incited is the crime of international law and nothing wider.",
        ),
        "definitions.publicly": Clause(
            id="definitions.publicly", title="Definition of publicly", category="definitions",
            language="en", parameters=[], introduces=["publicly"], uses=[],
            sources=["ICTR-INCITEMENT"],
            commentary="Private conversation is excluded, as in the Tribunal's case law.",
        ),
        "offence.incitement_genocide": Clause(
            id="offence.incitement_genocide",
            title="Direct and public incitement to commit genocide", category="offence",
            language="en", parameters=[years], introduces=[], uses=["genocide", "publicly"],
            sources=["GENOCIDE-IIIc", "ICTR-INCITEMENT", "RABAT"],
            commentary="Requires both the intent to incite and genocidal intent.",
        ),
        "exceptions.protected": Clause(
            id="exceptions.protected", title="Protected expression", category="exceptions",
            language="en", parameters=[], introduces=[], uses=[],
            sources=["ICCPR-19-3", "GC34-49", "RABAT"],
            commentary="Keeps research, reporting and art outside the offence.",
        ),
    }  # fmt: skip


def sample_draft(markup: str = MARKUP) -> Draft:
    """Return a Draft of the sample statute."""
    template = Template(
        name="incitement-act", title="Prevention and Punishment of Incitement to Genocide Act",
        description="", language="en",
        questions=[
            Parameter("state.name", "string", help="The name of the State."),
            Parameter("tiers.hatred", "bool", help="Include the incitement to hatred tier."),
            Parameter("tiers.denial", "bool", help="Include the denial tier.", when="False"),
        ],
        entry="statute.j2",
    )  # fmt: skip
    uses = [
        ClauseUse("definitions.genocide", {}, "definitions"),
        ClauseUse("definitions.publicly", {}, "definitions"),
        ClauseUse("offence.incitement_genocide", {"max_years": 5}, "incitement"),
        ClauseUse("exceptions.protected", {}, "exceptions"),
    ]
    return Draft(
        statute=parse_markup(markup),
        template=template,
        answers={"state": {"name": "Republic of Aurelia"}, "tiers": {"hatred": False}},
        uses=uses,
        clauses=sample_clauses(),
        markup=markup,
        library_version="0.1.0",
    )
