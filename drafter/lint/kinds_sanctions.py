"""Rule kinds about penalties: bounds, minimums, life terms, multipliers, alternatives.

Each kind reads the statute's sanctions once (``sanctions_of``) and compares numbers or looks
for wording next to a penalty. What counts as a speech offence, and each offence type's cap,
are rule options (checks/DR4xx files), with English and French patterns. The kinds that read
the wording of offences and penalties at length are in kinds_sanction_text.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..findings import Finding
from ..model import Sanction
from ..regexes import regex_cache
from .engine import Context, Rule, rule_kind
from .kinds_definitions import cached_definitions
from .offence_articles import referenced_numbers
from .options import first_match, option_patterns
from .sanction_text import (
    NAMED_SETS,
    OPTION_SET,
    at,
    conduct_text,
    custodial,
    dedupe,
    offence_articles,
    offence_text,
    options_schema,
    punishes_speech,
    sanctions_of,
    segment,
    segment_to_end,
    years,
)
from .sanctions import sanction_article


@rule_kind("sanction-bound")
def sanction_bound(rule: Rule, context: Context) -> Iterator[Finding]:
    """Flag a maximum term above the cap for the offence's type (options.offence_types)."""
    sanctions = sanctions_of(context)
    types = rule.options.get("offence_types", [])

    def classify(sanction: Sanction) -> dict[str, Any] | None:
        # The paragraphs that lead to this penalty first (an article may punish several
        # offences in turn, as the French press law does), then the whole offence.
        offence = context.article(sanction.offence_article)
        own = sanction_article(context.statute, sanction)
        texts = [
            # The heading names what the article punishes ("Incitement to genocide") when its
            # text names the offence by reference ("incites another to violate subsection (a)").
            f"{(own.heading or '') if own else ''}\n{segment(context, sanction)}",
            context.article_text(offence) if offence else "",
            offence_text(context, sanction),
        ]
        for text in texts:
            for offence_type in types:
                patterns = option_patterns(offence_type.get("patterns"), context.language)
                if first_match(patterns, text):
                    return offence_type
        return None

    def found() -> Iterator[Finding]:
        for sanction in sanctions:
            maximum = sanction.max_months
            if maximum is None and sanction.multiplier:
                # "increased by one half", "doubled": the offence's own maximum, multiplied.
                maximum = _multiplied_maximum(context, sanctions, sanction)
            if maximum is None:
                continue
            offence_type = classify(sanction)
            if offence_type is not None:
                cap = int(offence_type["max_months"])
                if maximum > cap:
                    message = (
                        f"{rule.message} Maximum of {years(maximum)} for "
                        f"{offence_type['name']}; comparable laws cap it at {years(cap)}."
                    )
                    yield at(context, rule, sanction, message)

    yield from dedupe(found())


def _multiplied_maximum(
    context: Context, sanctions: list[Sanction], sanction: Sanction
) -> int | None:
    """Return the maximum a multiplier raises its offence's own maximum to, in months.

    The offence is the one the multiplier is attached to, or the articles its paragraph
    refers to ("The penalty under Article 2 shall be doubled").
    """
    if not sanction.multiplier:
        return None
    targets = {sanction.offence_article}
    article = context.article(sanction.article)
    if article is not None and 0 < sanction.paragraph <= len(article.paragraphs):
        targets.update(referenced_numbers(article.paragraphs[sanction.paragraph - 1].text))
    bases = [
        s.max_months
        for s in sanctions
        if s.offence_article in targets and s.max_months is not None and not s.multiplier
    ]
    return round(max(bases) * sanction.multiplier) if bases else None


@rule_kind("life-term")
def life_term(rule: Rule, context: Context) -> Iterator[Finding]:
    """Flag life imprisonment (or, a fortiori, the death penalty) for a speech offence."""
    sanctions = sanctions_of(context)

    def found() -> Iterator[Finding]:
        for s in sanctions:
            death = bool(getattr(s, "death", False))
            if (s.life or death) and punishes_speech(rule, context, s):
                yield at(
                    context, rule, s, f"{rule.message} (The death penalty.)" if death else None
                )

    yield from dedupe(found())


@rule_kind("sanction-minimum")
def sanction_minimum(rule: Rule, context: Context) -> Iterator[Finding]:
    """Flag a mandatory minimum term (of at least options.min_months) for a speech offence."""
    threshold = int(rule.options.get("min_months", 1))
    yield from dedupe(
        at(context, rule, s, f"{rule.message} Minimum of {years(s.min_months)}.")
        for s in sanctions_of(context)
        if s.min_months is not None
        and s.min_months >= threshold
        and punishes_speech(rule, context, s)
    )


@rule_kind("multiplier")
def multiplier(rule: Rule, context: Context) -> Iterator[Finding]:
    """Flag a penalty multiplied by rule ("doubled", "porté au double") rather than by a court."""
    discretion = option_patterns(rule.options.get("discretion"), context.language)
    yield from dedupe(
        at(context, rule, s)
        for s in sanctions_of(context)
        if s.multiplier and s.multiplier > 1 and first_match(discretion, s.text) is None
    )


@rule_kind("dissolution")
def dissolution(rule: Rule, context: Context) -> Iterator[Finding]:
    """Flag the dissolution of an organisation that follows automatically from a conviction."""
    yield from dedupe(
        at(context, rule, s) for s in sanctions_of(context) if s.mandatory_dissolution
    )


EXTERNAL_PENALTY = regex_cache.compile(
    r"\b(?:in accordance with|as provided (?:for )?(?:in|by|under)|penalt\w+ (?:provided|laid down|"
    r"prescribed)|punish\w* (?:under|as|in accordance)|(?:Penal|Criminal) Code|peines? prévues?|"
    r"conformément|Code pénal)\b",
    re.IGNORECASE,
)


@rule_kind("missing-maximum")
def missing_maximum(rule: Rule, context: Context) -> Iterator[Finding]:
    """Flag an offence with no penalty, or a prison penalty with no maximum (or only a minimum)."""
    sanctions = sanctions_of(context)

    def found() -> Iterator[Finding]:
        for s in sanctions:
            if custodial(s) and s.max_months is None and not s.life and not getattr(s, "death", 0):
                detail = "states a minimum but no maximum" if s.min_months else "has no term"
                yield at(context, rule, s, f"{rule.message} The prison penalty {detail}.")
        punished = {s.offence_article for s in sanctions}
        for article in offence_articles(context):
            if article.number in punished:
                continue
            if not EXTERNAL_PENALTY.search(article.text):
                yield context.finding(rule, article, message=f"{rule.message} No penalty is "
                                      "stated for this offence.")  # fmt: skip

    yield from dedupe(found())


@rule_kind("no-alternative")
def no_alternative(rule: Rule, context: Context) -> Iterator[Finding]:
    """Flag a speech offence punishable only by imprisonment (no fine or non-custodial option)."""
    statute = context.statute
    sanctions = sanctions_of(context)
    general = option_patterns(rule.options.get("general_alternative"), context.language)
    if any(first_match(general, a.text) for a in context.articles):
        return  # a general sentencing clause makes alternatives available for every offence
    cumulative = context.language in rule.options.get("cumulative_fine_languages", [])
    # A hybrid offence ("(b) an offence punishable on summary conviction") can be tried
    # summarily, where the general sentencing law offers a fine: the route is the alternative.
    route = option_patterns(rule.options.get("alternative_route"), context.language)
    groups: dict[tuple[str | None, str], list[Sanction]] = {}
    for s in sanctions:
        # A penalty written in its own article (an aggravated band, a life term) is judged on
        # its own: an alternative offered in another article does not reach it.
        groups.setdefault((s.offence_article, s.article), []).append(s)

    def alternative(s: Sanction) -> bool:
        # French drafting lists cumulative penalties, but the court may impose only one
        # (Code pénal art. 132-17) unless the law sets a minimum term.
        return s.non_custodial or (cumulative and s.fine and s.min_months is None)

    def found() -> Iterator[Finding]:
        for group in groups.values():
            # A standalone alternative ("(2) The court may instead impose a fine") serves every
            # penalty of its article; "or a fine" inside one penalty serves that penalty only.
            if any(alternative(s) and not custodial(s) for s in group):
                continue
            article = sanction_article(statute, group[0])
            if article is not None and first_match(route, segment_to_end(article, group)):
                continue
            for s in group:
                if not custodial(s) or alternative(s):
                    continue
                if punishes_speech(rule, context, s):
                    yield at(context, rule, s)

    yield from dedupe(found())


@rule_kind("custodial-for-conduct")
def custodial_for_conduct(rule: Rule, context: Context) -> Iterator[Finding]:
    """Flag imprisonment for an offence whose conduct matches options.patterns (e.g. insult)."""
    patterns = option_patterns(rule.options.get("patterns"), context.language)
    sanctions = sanctions_of(context)
    defined = cached_definitions(context)

    def found() -> Iterator[Finding]:
        reported: set[str] = set()
        for s in sanctions:
            if not custodial(s):
                continue
            # Within an offence article, only the paragraphs leading to this penalty describe
            # what it punishes ("(1) insulting ... 3 months to 5 years; (3) denying ...").
            same = s.offence_article == s.article
            # A further penalty for an offence already reported (a heavier band for leaders,
            # parents of a convicted child) punishes the same conduct again: the defect is the
            # offence's, reported once where its penalty is first set. Otherwise every article
            # that mentions "the crime" would inherit a word written in another one.
            if not same and s.offence_article in reported:
                continue
            text = segment(context, s) if same else ""
            text = conduct_text(defined, text or offence_text(context, s))
            match = first_match(patterns, text)
            if match:
                if s.offence_article:
                    reported.add(s.offence_article)
                yield at(context, rule, s, f"{rule.message} ({match.group(0)!r} is punished "
                                           "with imprisonment.)")  # fmt: skip

    yield from dedupe(found())


# The options each kind accepts; the catalogue validates checks/ files against them.
OPTIONS_SCHEMA: dict[str, dict[str, Any]] = {
    "sanction-bound": options_schema(["offence_types"], offence_types=NAMED_SETS),
    "life-term": options_schema(speech=OPTION_SET),
    "sanction-minimum": options_schema(
        speech=OPTION_SET, min_months={"type": "integer", "minimum": 1}
    ),
    "multiplier": options_schema(discretion=OPTION_SET),
    "dissolution": options_schema(),
    "missing-maximum": options_schema(),
    "no-alternative": options_schema(
        speech=OPTION_SET,
        general_alternative=OPTION_SET,
        alternative_route=OPTION_SET,
        cumulative_fine_languages={"type": "array", "items": {"type": "string"}},
    ),
    "custodial-for-conduct": options_schema(["patterns"], patterns=OPTION_SET),
}
