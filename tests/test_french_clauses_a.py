"""French general, definition, assessment, exception, age and authority clauses, linted in place.

The parity of each French clause with its English original is tested in
test_clause_library_fr.py. Here the clauses are assembled into a small French statute (with the
French offences, so that every defined term is used) and linted with the French patterns: the
articles these clauses produce, and the definitions they supply, must draw no finding for any
value of their parameters, and the same harness must report a finding when the wording is
spoiled, so that a silent lint means something.
"""

from __future__ import annotations

import re

import pytest

from drafter.assemble import Renderer, expand_definitions
from drafter.library import Library
from drafter.lint.api import lint_statute
from drafter.markup import parse_markup
from drafter.model import Statute
from drafter.reading.extract import extract

SKELETON = """::title Loi portant prévention et répression de l'incitation au génocide
::article Définitions {label=definitions kind=definitions}
::para Au sens de la présente loi, on entend par :
::definitions
{{ clause("general.purpose", hatred_tier=true, denial_tier=true) }}
{{ clause("general.scope", territory="le territoire de la République d'Aurélie") }}
{{ clause("general.prevention") }}
{{ clause("offence.incitement_genocide", max_years=7) }}
{{ clause("offence.incitement_hatred", max_years=3) }}
{{ clause("offence.denial_qualified", max_years=2) }}
{{ clause("assessment.rabat_factors") }}
{{ clause("exceptions.protected_expression") }}
{{ clause("age.minimum_age", min_age=min_age) }}
{{ clause("age.no_vicarious_liability") }}
{{ clause("authority.judicial_determination") }}
{% if commission %}
{{ clause("authority.commission_referral", consent_authority=authority, commission_name=commission) }}
{% else %}
{{ clause("authority.prosecutor_consent", consent_authority=authority) }}
{% endif %}
{{ clause("procedure.appeal_and_reasons") }}
{{ clause("temporal.non_retroactivity") }}
{{ clause("review.statistics") }}
{{ clause("final.entry_into_force") }}
"""
# The articles these clauses produce (by label), and the rules about defined terms, which the
# definitions clauses answer for wherever the finding is placed.
OWN_LABELS = {
    "definitions", "purpose", "scope", "prevention", "assessment", "exceptions", "minimum_age",
    "personal_liability", "judicial_determination", "prosecution",
}  # fmt: skip
TERM_RULES = {"DR104", "DR106", "DR601", "DR602", "DR603"}
VARIANTS = [
    (14, "procureur général", None),
    (16, "procureur général", "Commission aurélienne des droits de l'homme"),
    (18, "procureure générale", "Conseil national des droits de l'homme"),
    (17, "avocat général", "Observatoire national des droits de la personne"),
]


@pytest.fixture(scope="module")
def library() -> Library:
    return Library()


def markup_for(library: Library, **values: object) -> str:
    """Render the skeleton in French, expand its definitions, one line per directive."""
    renderer = Renderer(library, "fr")
    markup = expand_definitions(renderer.env.from_string(SKELETON).render(**values), renderer)
    # Continuation lines joined to their directive, so that tests can search whole phrases.
    return re.sub(r"\n+(?!::)", " ", markup)


def statute_of(markup: str) -> Statute:
    """Parse French markup and extract definitions and references as the reader does."""
    statute = parse_markup(markup, "fr")
    extract(statute)
    return statute


def own_findings(statute: Statute) -> list[str]:
    """Return the findings placed on these clauses' articles or about defined terms."""
    own = {a.number for a in statute.articles if a.label in OWN_LABELS}
    return [
        f"{f.code} art. {f.location.article}: {f.location.text!r}"
        for f in lint_statute(statute)
        if f.location.article in own or f.code in TERM_RULES
    ]


@pytest.mark.parametrize(("min_age", "authority", "commission"), VARIANTS)
def test_french_clauses_lint_clean(library: Library, min_age, authority, commission):
    values = {"min_age": min_age, "authority": authority, "commission": commission}
    statute = statute_of(markup_for(library, **values))
    assert {a.label for a in statute.articles} >= OWN_LABELS
    assert own_findings(statute) == []


@pytest.mark.parametrize(
    ("original", "spoiled", "code"),
    [
        # "au sens de la présente loi" after a common noun presents it as a defined term.
        (
            "ne constitue pas en soi une infraction prévue par la",
            "ne constitue pas en soi une infraction au sens de la",
            "DR602",
        ),
        # An executive body that classifies speech.
        (
            "peut recevoir des plaintes relatives à des propos publics",
            "qualifie les propos publics et peut recevoir des plaintes",
            "DR501",
        ),
        # Private conversations brought inside "publicly".
        (
            "à l'exclusion d'une conversation privée",
            "y compris dans une conversation privée",
            "DR205",
        ),
        # A protected group stretched beyond article II of the Convention.
        (
            "un groupe national, ethnique, racial ou religieux ;",
            "un groupe national, ethnique, racial, religieux ou politique ;",
            "DR105",
        ),
    ],
)
def test_the_harness_reports_spoiled_wording(library: Library, original, spoiled, code):
    markup = markup_for(
        library, min_age=16, authority="procureur général", commission="Commission nationale"
    )
    assert original in markup
    assert code not in {f.split()[0] for f in own_findings(statute_of(markup))}
    bad = statute_of(markup.replace(original, spoiled, 1))
    assert code in {f.split()[0] for f in own_findings(bad)}


@pytest.mark.parametrize(
    ("authority", "commission", "expected"),
    [
        (
            "procureur général",
            "Commission nationale",
            [
                "écrit du procureur général",
                "Le procureur général ne donne",
                "La Commission nationale",
            ],
        ),
        (
            "procureure générale",
            "Conseil national",
            ["écrit de la procureure générale", "La procureure générale ne", "Le Conseil national"],
        ),
        (
            "avocat général",
            "Observatoire national",
            ["écrit de l'avocat général", "L'avocat général ne donne", "L'Observatoire national"],
        ),
    ],
)
def test_authority_names_take_the_right_article(library: Library, authority, commission, expected):
    markup = markup_for(library, min_age=16, authority=authority, commission=commission)
    for text in expected:
        assert text in markup
