"""Rule kinds that read the wording around penalties: single bands, penalty phrases, children.

``single-band`` compares the bands of the offences with what they punish; ``sanction-phrase``
and ``children-liable`` look for words in the sentences of the statute that carry a penalty.
Paragraphs without any word their patterns need are skipped at once (literal prefilters, see
prefilter.py), so that a long code costs little more than its penalties.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..findings import Finding
from ..model import Article, Sanction
from ..regexes import regex_cache
from .engine import Context, Rule, rule_kind
from .numbering import NUMBER, number_value
from .options import first_match, option_patterns
from .penalty_sentence import sentences
from .sanction_text import (
    NAMED_SETS,
    OPTION_SET,
    at,
    custodial,
    dedupe,
    offence_articles,
    options_schema,
    sanctions_of,
    sentence_of,
)

# A lead-in whose items are not conducts: penalty routes ("is guilty of (a) an indictable
# offence ...; or (b) an offence punishable on summary conviction") or defences ("No person
# shall be convicted ... (a) if, in good faith, ...").
NOT_CONDUCT_LEAD = regex_cache.compile(
    r"\b(?:(?:is|are|shall be) guilty of|liable(?: on conviction)?(?: to)?|punish(?:ed|able)"
    r"(?: by| with)?|sentenced(?: to)?|est(?: puni| passible)|sont(?: punis| passibles))\W*$|"
    r"\b(?:no person shall be convicted|shall not be convicted|is not guilty|is a defen[cs]e|"
    r"(?:does|do|shall) not apply|nothing in|is not an offen[cs]e|no offen[cs]e|"
    r"ne s'applique(?:nt)? pas|n'est pas punissable|ne sont pas punissables|ne constitue pas)\b",
    re.IGNORECASE,
)
# An item that is itself a penalty ("(a) an indictable offence and liable to imprisonment").
PENALTY_ITEM = regex_cache.compile(
    r"\b(?:liable|punishable|imprisonment|indictable offen[cs]e|summary conviction|"
    r"emprisonnement|servitude pénale|amende|passible)\b",
    re.IGNORECASE,
)


def _conducts(article: Article, separator: re.Pattern[str]) -> int:
    """Count the conducts an offence article enumerates: a list after ":", or ";" clauses.

    Items under a penalty or defence lead-in, and items that state a penalty, are not
    conducts: counting them would call a Canadian hybrid offence "a long list of conducts".
    """
    paragraphs = article.paragraphs
    listed = 0
    counted: set[int] = set()
    for index, para in enumerate(paragraphs):
        following = [
            i for i in range(index + 1, len(paragraphs))
            if paragraphs[i].level > para.level
            or (para.text.rstrip().endswith(":") and para.level == 0 == paragraphs[i].level)
        ]  # fmt: skip
        # Items run on from their lead-in until a paragraph at the lead-in's level.
        run: list[int] = []
        for i in following:
            if run and i != run[-1] + 1:
                break
            if not run and i != index + 1:
                break
            run.append(i)
        if not run:
            continue
        if NOT_CONDUCT_LEAD.search(para.text):
            continue
        conducts = [i for i in run if not PENALTY_ITEM.search(paragraphs[i].text)]
        counted.update(i for i in conducts if paragraphs[i].level >= 1)
        if para.text.rstrip().endswith(":"):
            listed = max(listed, len(conducts))
    items = len(counted)
    inline = max(
        (len(separator.findall(p.text)) + 1 for p in paragraphs if p.level == 0),
        default=0,
    )
    return max(listed, items, inline if inline > 2 else 0)


@rule_kind("single-band")
def single_band(rule: Rule, context: Context) -> Iterator[Finding]:
    """Flag one band for offences of different gravity, a long list, or open-ended conduct.

    Open-ended conduct ("any act", "notamment en") under a band with a minimum of at least
    options.open_min_months leaves the court no room to tell a gesture from grave conduct.
    """
    list_min = int(rule.options.get("list_min", 5))
    separator = re.compile(rule.options.get("separator", r";|\s\d+°\s"))
    gravity = rule.options.get("gravity", [])
    open_ended = option_patterns(rule.options.get("open_ended"), context.language)
    open_min = int(rule.options.get("open_min_months", 12))
    shared_floor = int(rule.options.get("shared_floor_months", 60))
    status = option_patterns(rule.options.get("status"), context.language)
    # A heavier band for leaders or officials is an aggravation (DR407), not a graduation of
    # conduct: it does not make the offence's own band any less single.
    sanctions = [
        s for s in sanctions_of(context)
        if not status or first_match(status, sentence_of(context, s)) is None
    ]  # fmt: skip
    # The custodial penalties of each offence, in document order (indexed once, not scanned
    # per offence).
    by_offence: dict[str | None, list[Sanction]] = {}
    for s in sanctions:
        by_offence.setdefault(s.offence_article, []).append(s)

    def bands(number: str) -> set[tuple[Any, ...]]:
        return {
            (s.min_months, s.max_months, s.life) for s in by_offence.get(number, ()) if custodial(s)
        }

    def grade(article: Article) -> str | None:
        for level in gravity:
            patterns = option_patterns(level.get("patterns"), context.language)
            if first_match(patterns, context.article_text(article)):
                return str(level["name"])
        return None

    def anchor(number: str, band: tuple[Any, ...]) -> Sanction:
        return next(s for s in by_offence[number] if (s.min_months, s.max_months, s.life) == band)

    def found() -> Iterator[Finding]:
        by_band: dict[tuple[Any, ...], list[Article]] = {}
        for article in offence_articles(context):
            found_bands = bands(article.number)
            if len(found_bands) == 1:
                band = next(iter(found_bands))
                by_band.setdefault(band, []).append(article)
                if _conducts(article, separator) >= list_min:
                    yield at(context, rule, anchor(article.number, band),
                             f"{rule.message} One band punishes the "
                             f"{_conducts(article, separator)} conducts listed in "
                             f"{article.caption}.")  # fmt: skip
                elif (band[0] or 0) >= open_min or band[2]:
                    match = first_match(open_ended, article.text)
                    if match:
                        yield at(context, rule, anchor(article.number, band),
                                 f"{rule.message} One band with a minimum punishes open-ended "
                                 f"conduct ({match.group(0)!r}) in {article.caption}.")  # fmt: skip

        for band, articles in by_band.items():
            if len(articles) < 2:
                continue
            grades = {grade(a) for a in articles} - {None}  # an unknown grade proves nothing
            # Shared by offences of different gravity, or a range whose floor alone reaches
            # options.shared_floor_months ("five to nine years" for everything): every conduct
            # then gets at least what comparable laws allow for the gravest speech offence.
            floor = band[0] is not None and band[1] is not None and band[0] >= shared_floor
            if len(grades) > 1 or floor or band[2]:
                # One finding per shared band, where it is first written.
                names = ", ".join(a.caption for a in articles)
                yield at(context, rule, anchor(articles[0].number, band),
                         f"{rule.message} {names} share the same band.")  # fmt: skip

    yield from dedupe(found())


@rule_kind("sanction-phrase")
def sanction_phrase(rule: Rule, context: Context) -> Iterator[Finding]:
    """Flag options.patterns in a sentence that carries a penalty or matches options.near.

    Without ``near``, the paragraph must hold a prison penalty or a multiplier. ``also``
    patterns must match the same sentence too; ``unless`` patterns (e.g. negations: "no
    parent shall be liable") silence it.
    """
    patterns = option_patterns(rule.options.get("patterns"), context.language)
    near = option_patterns(rule.options.get("near"), context.language)
    also = option_patterns(rule.options.get("also"), context.language)
    unless = option_patterns(rule.options.get("unless"), context.language)
    punitive = {
        (s.article, s.paragraph) for s in sanctions_of(context) if custodial(s) or s.multiplier
    }
    gate = patterns.gate  # type: ignore[attr-defined]
    # Only the paragraphs holding a word the patterns need: no sentence of the others matches.
    for unit in context.admitted_units(gate, context.articles_in_scope(rule.scope)):
        if not near and (unit.article.number, unit.index) not in punitive:
            continue  # without "near", only a paragraph with a penalty is flagged (below)
        text = unit.paragraph.text
        for start, end in sentences(text):
            sentence = text[start:end]
            match = first_match(patterns, sentence)
            if match is None or first_match(unless, sentence):
                continue
            if also and first_match(also, sentence) is None:
                continue
            if near:
                if first_match(near, sentence) is None:
                    continue
            elif (unit.article.number, unit.index) not in punitive:
                continue
            yield context.finding(
                rule, unit.article, unit.index, start + match.start(), start + match.end()
            )


AGE = regex_cache.compile(
    rf"\b(?:under|below|less than|younger than|aged|of|moins de|âgée?s? de)\s+(?:the age of\s+|"
    rf"l'âge de\s+)?(?P<age>{NUMBER})",
    re.IGNORECASE,
)


@rule_kind("children-liable")
def children_liable(rule: Rule, context: Context) -> Iterator[Finding]:
    """Flag children made liable: an age below options.min_age, or no minimum-age provision."""
    patterns = option_patterns(rule.options.get("patterns"), context.language)
    near = option_patterns(rule.options.get("near"), context.language)
    unless = option_patterns(rule.options.get("unless"), context.language)
    unless_sentence = option_patterns(rule.options.get("unless_sentence"), context.language)
    provision = option_patterns(rule.options.get("provision"), context.language)
    min_age = int(rule.options.get("min_age", 14))
    # Only the articles holding a word the provision needs (their heading and text, which
    # hold the text) may match it.
    candidates = context.admitted(provision.gate, context.articles)  # type: ignore[attr-defined]
    has_provision = any(first_match(provision, a.text) for a in candidates)
    gates = (patterns.gate, near.gate)  # type: ignore[attr-defined]
    scope = context.articles_in_scope(rule.scope)
    # A finding needs both a pattern and a "near" word in one sentence: only the paragraphs
    # both gates admit.
    near_units = {id(u) for u in context.admitted_units(gates[1], scope)}
    for unit in context.admitted_units(gates[0], scope):
        if id(unit) not in near_units:
            continue
        text = unit.paragraph.text
        for start, end in sentences(text):
            sentence = text[start:end]
            match = first_match(patterns, sentence)
            if match is None or first_match(near, sentence) is None:
                continue
            if first_match(unless, sentence[: match.start()][-30:]):
                continue  # "incites children", "against minors": the child is not the offender
            if first_match(unless_sentence, sentence):
                continue  # someone else bears the penalty ("his parents shall serve it")
            ages = [number_value(m.group("age")) for m in AGE.finditer(sentence)]
            young = [age for age in ages if age < min_age]
            if young or not has_provision:
                message = rule.message
                if young:
                    message += f" (age {int(min(young))} is below {min_age}.)"
                yield context.finding(
                    rule, unit.article, unit.index, start + match.start(), start + match.end(),
                    message,
                )  # fmt: skip


# The options each kind accepts; the catalogue validates checks/ files against them.
OPTIONS_SCHEMA: dict[str, dict[str, Any]] = {
    "single-band": options_schema(
        list_min={"type": "integer", "minimum": 2},
        separator={"type": "string"},
        gravity=NAMED_SETS,
        open_ended=OPTION_SET,
        open_min_months={"type": "integer", "minimum": 1},
        shared_floor_months={"type": "integer", "minimum": 1},
        status=OPTION_SET,
    ),
    "sanction-phrase": options_schema(
        ["patterns"], patterns=OPTION_SET, near=OPTION_SET, also=OPTION_SET, unless=OPTION_SET
    ),
    "children-liable": options_schema(
        ["patterns"],
        patterns=OPTION_SET,
        near=OPTION_SET,
        unless=OPTION_SET,
        unless_sentence=OPTION_SET,
        provision=OPTION_SET,
        min_age={"type": "integer", "minimum": 1},
    ),
}
