"""The text rule kinds (phrase, phrase-near, element-required) on small marked-up statutes."""

from __future__ import annotations

from drafter.findings import Severity
from drafter.lint import kinds_text  # noqa: F401  (registers the kinds)
from drafter.lint.engine import Rule, run_rules
from drafter.lint.patterns import prepare
from drafter.markup import parse_markup


def make_rule(kind: str, scope: str = "offence", **options) -> Rule:
    return Rule(
        code="DR299",
        name="test-rule",
        severity=Severity.WARNING,
        scope=scope,
        kind=kind,
        message="test message",
        rationale="test",
        authorities=["RABAT"],
        fix_clause="offence.incitement_hatred",
        options=options,
    )


def lint(markup: str, rule: Rule, language: str = "en"):
    return run_rules(parse_markup(markup, language=language), [rule])


OFFENCE = """
::article Purpose {kind=general}
::para This Act protects national unity.
::article Incitement {kind=offence}
::para A person who publicly disrupts national unity commits an offence.
::para The court shall consider the context.
"""


def test_phrase_finds_match_span_in_scope_only():
    rule = make_rule("phrase", patterns={"en": [r"\bnational unity\b"]})
    findings = lint(OFFENCE, rule)
    assert len(findings) == 1
    loc = findings[0].location
    assert (loc.article, loc.paragraph, loc.text) == ("2", 1, "national unity")
    para = "A person who publicly disrupts national unity commits an offence."
    assert para[loc.start : loc.end] == "national unity"
    assert findings[0].suggestion == "offence.incitement_hatred"
    assert findings[0].authorities == ["RABAT"]


def test_phrase_scope_article_sees_every_article():
    rule = make_rule("phrase", scope="article", patterns={"en": [r"\bnational unity\b"]})
    assert sorted(f.location.article for f in lint(OFFENCE, rule)) == ["1", "2"]


def test_no_patterns_for_language_means_no_findings():
    rule = make_rule("phrase", patterns={"en": [r"\bunité\b|\bunity\b"]})
    markup = "::article Incitation {kind=offence}\n::para Atteinte à l'unité nationale.\n"
    assert lint(markup, rule, language="fr") == []


def test_unless_in_sentence_paragraph_and_article():
    markup = """
::article Denial {kind=offence}
::para A person who denies genocide commits an offence. This is likely to incite violence.
::item where the denial is made publicly.
"""
    base = {"patterns": {"en": [r"\bdenies\b"]}, "unless": {"en": [r"likely to incite"]}}
    assert len(lint(markup, make_rule("phrase", **base))) == 1  # other sentence: not enough
    assert lint(markup, make_rule("phrase", unless_scope="paragraph", **base)) == []
    item_markup = markup.replace("This is likely to incite violence.", "").replace(
        "made publicly", "made in a manner likely to incite violence"
    )
    # the item belongs to the paragraph: a condition in (a) qualifies paragraph (1)
    assert lint(item_markup, make_rule("phrase", unless_scope="paragraph", **base)) == []
    assert lint(markup, make_rule("phrase", unless_scope="article", **base)) == []


def test_only_if_and_skip_negated():
    markup = """
::article Incitement to genocide {kind=offence}
::para A person who indirectly incites genocide commits an offence.
::article Incitement to hatred {kind=offence}
::para A person who indirectly incites hatred commits an offence.
::para Indirect speech is not covered by Article 1.
"""
    rule = make_rule(
        "phrase", patterns={"en": [r"\bindirect(?:ly)?\b"]}, only_if={"en": ["genocid"]}
    )
    assert [f.location.article for f in lint(markup, rule)] == ["1"]
    rule = make_rule("phrase", patterns={"en": [r"\bindirect(?:ly)?\b"]}, skip_negated=True)
    assert [(f.location.article, f.location.paragraph) for f in lint(markup, rule)] == [
        ("1", 1),
        ("2", 1),
    ]


def test_phrase_near_needs_the_other_words_close_by():
    markup = """
::article Offences {kind=offence}
::para A person who denies the genocide commits an offence.
::para A person who denies access to a building to a witness in a trial commits an offence.
"""
    rule = make_rule(
        "phrase-near", patterns={"en": [r"\bdenies\b"]}, near={"en": ["genocide"]}, distance=20
    )
    assert [f.location.paragraph for f in lint(markup, rule)] == [1]


ELEMENTS = """
::article Incitement to genocide {kind=offence}
::para In this Article, a call is direct if it is understood as such.
::para A person who incites genocide commits an offence. The penalty is five years.
::article Attempt {kind=offence}
::para An attempt to commit an offence under Article 1 is punishable.
::article Incitement to hatred {kind=offence}
::para A person who intentionally incites hatred commits an offence.
"""


def test_element_required_anchors_to_the_operative_sentence():
    rule = make_rule(
        "element-required",
        patterns={"en": [r"\bintention(?:al|ally)?\b|\bintent\b"]},
        skip_if={"en": [r"offence under Article"]},
    )
    findings = lint(ELEMENTS, rule)
    assert len(findings) == 1
    loc = findings[0].location
    assert (loc.article, loc.paragraph) == ("1", 2)
    assert loc.text == "A person who incites genocide commits an offence."


def test_element_required_applies_if_and_also_in():
    rule = make_rule(
        "element-required",
        patterns={"en": [r"\bpublicly\b"]},
        applies_if={"en": [r"hatred"]},
    )
    assert [f.location.article for f in lint(ELEMENTS, rule)] == ["3"]
    general = (
        ELEMENTS
        + "::article General {kind=general}\n::para Every offence must be committed publicly.\n"
    )
    rule.options["also_in"] = ["general"]
    assert lint(general, rule) == []


def test_element_required_without_offence_words_points_at_first_paragraph():
    markup = "::article Hate {kind=offence}\n::para Spreading hatred.\n::para More.\n"
    rule = make_rule("element-required", patterns={"en": [r"\bintent\b"]})
    loc = lint(markup, rule)[0].location
    assert (loc.paragraph, loc.start, loc.end) == (1, None, None)


def test_patterns_widen_spaces_and_apostrophes():
    assert prepare("in private") == r"in\s+private"
    assert prepare("and ?/ ?or") == r"and\s?/\s?or"
    assert prepare("l'intention") == "l['’ʼ]intention"
    assert prepare(r"[a ]\ b") == r"[a ]\ b"
    rule = make_rule("phrase", patterns={"fr": ["dans l'intention de nuire"]})
    markup = "::article Infraction {kind=offence}\n::para Agir dans l’intention\u00a0de nuire.\n"
    assert len(lint(markup, rule, language="fr")) == 1


def test_also_kinds_adds_definitions_to_the_scope():
    markup = """
::article Definitions {kind=definitions}
::item "genocide ideology" means an aggregate of thoughts hostile to a group.
::article Purpose {kind=general}
::para This Act is not about thoughts.
::article Offence {kind=offence}
::para A person who manifests thoughts of hatred commits an offence.
"""
    rule = make_rule("phrase", patterns={"en": [r"\bthoughts\b"]})
    assert [f.location.article for f in lint(markup, rule)] == ["3"]
    rule = make_rule("phrase", patterns={"en": [r"\bthoughts\b"]}, also_kinds=["definitions"])
    assert sorted(f.location.article for f in lint(markup, rule)) == ["1", "3"]


def test_exclusions_and_numeric_qualifiers_in_negation():
    markup = """
::article Offences {kind=offence}
::para A person who denies the genocide is liable to imprisonment for a term not exceeding two years.
::para A statement that only expresses an opinion falls outside this Article.
::para Any act, including but not limited to speeches, that mocks a group is an offence.
"""
    rule = make_rule(
        "phrase", patterns={"en": [r"\bdenies\b", r"\bopinion\b", r"\bmocks\b"]}, skip_negated=True
    )
    assert [f.location.text for f in lint(markup, rule)] == ["denies", "mocks"]


def test_earlier_than_compares_named_years_with_the_acts_year():
    rule = make_rule(
        "phrase",
        scope="article",
        patterns={"en": [r"\bafter (?:\w+ ){0,2}?(?:19|20)\d\d\b", r"\bretroactive\b"]},
        earlier_than={"en": [r"\bin force on (?:\w+ ){0,2}?(?:19|20)\d\d\b"]},
    )
    markup = "::article Commencement {{kind=final}}\n::para In force on 1 March 2022; applies to acts after 1 January {year}.\n"
    assert len(lint(markup.format(year=2020), rule)) == 1
    assert lint(markup.format(year=2022), rule) == []
    no_reference = "::article A {kind=final}\n::para It applies to acts after 1 May 2020.\n"
    assert lint(no_reference, rule) == []  # no year to compare with: not reported
    undated = "::article A {kind=final}\n::para This Act is retroactive.\n"
    assert len(lint(undated, rule)) == 1  # matches without a year are unaffected


DEFENCE = """
::article Incitement {kind=offence}
::para A person who incites hatred on the basis of an opinion commits an offence.
::para No person shall be convicted of an offence under paragraph (1)
::item if, in good faith, the person expressed an opinion on a religious subject.
"""


def test_phrase_skip_exceptions_ignores_items_under_a_defence():
    plain = make_rule("phrase", patterns={"en": [r"\bopinion\b"]})
    assert [f.location.paragraph for f in lint(DEFENCE, plain)] == [1, 3]
    skipping = make_rule("phrase", patterns={"en": [r"\bopinion\b"]}, skip_exceptions=True)
    assert [f.location.paragraph for f in lint(DEFENCE, skipping)] == [1]


def test_skip_exceptions_is_a_valid_option():
    from drafter.lint.kinds_text import OPTIONS_SCHEMA

    assert OPTIONS_SCHEMA["phrase"]["properties"]["skip_exceptions"] == {"type": "boolean"}
