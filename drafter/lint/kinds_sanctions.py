"""Rule kinds about penalties: bounds, minimums, life terms, multipliers, bands, alternatives.

Each kind reads the statute's sanctions once (``cached_sanctions``) and compares numbers or
looks for wording next to a penalty. What counts as a speech offence, and each offence type's
cap, are rule options (checks/DR4xx files), with English and French patterns.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from ..findings import Finding
from ..model import Article, Definition, Sanction, Statute
from .engine import Context, Rule, rule_kind
from .numbering import NUMBER, number_value
from .sanctions import (
    cached_sanctions,
    first_match,
    is_offence_article,
    option_patterns,
    referenced_numbers,
    sanction_article,
    sentences,
)
from .terms import definitions, term_pattern

# Used when a rule file gives no "speech" option: the words that make an offence a speech offence.
DEFAULT_SPEECH = {
    "en": [
        r"\bincit\w*", r"\bhatred\b", r"\bhostil\w*", r"\bden(?:y|ies|ial|ying)\b",
        r"\bnegation\w*", r"\brevisionis\w*", r"\bdisput\w*", r"\bcontest\w*",
        r"\bminimi[sz]\w*", r"\btrivial\w*", r"\bcondon\w*", r"\bjustif\w*", r"\bglorif\w*",
        r"\bapolog\w*", r"\bideolog\w*", r"\bpropaganda\b", r"\bspeech\w*", r"\bstatements?\b",
        r"\bwords?\b", r"\bpublish\w*", r"\bdisseminat\w*", r"\binsult\w*", r"\bdefam\w*",
        r"\bmock\w*", r"\bexpress\w*", r"\bdivisionism\b", r"\bsectarian\w*",
        r"\bbroadcast\w*", r"\bwritings?\b", r"\bcalls? (?:for|upon)\b", r"\bcorrespondence\b",
        r"\bconversations?\b", r"\bpost(?:s|ed|ing)?\b", r"\bshar(?:e|es|ed|ing)\b", r"\bcontent\b",
        r"\butter\w*", r"\bmaterial\b", r"\bpublications?\b", r"\bmessages?\b", r"\bimages?\b",
        r"\bsongs?\b", r"\bgestures?\b",
    ],
    "fr": [
        r"\bincit\w*", r"\bprovoc\w*", r"\bprovoqu\w*", r"\bhaine\b", r"\bhostilit\w*",
        r"\bn[ié]\w*gation\w*", r"\brévisionnis\w*", r"\bcontest\w*", r"\bnier\b",
        r"\bni(?:e|ent|é)\b", r"\bminimis\w*", r"\bbanalis\w*", r"\bapologie\b", r"\bjustifi\w*",
        r"\bglorifi\w*", r"\bidéologie\b", r"\bpropagande\b", r"\bdiscours\b", r"\bpropos\b",
        r"\bécrits?\b", r"\bdiffus\w*", r"\binjur\w*", r"\bdiffam\w*", r"\boutrag\w*",
        r"\bdivisionnisme\b", r"\btribalisme\b", r"\brégionalisme\b", r"\bpubli\w*", r"\bcontenus?\b",
        r"\bmessages?\b", r"\bimages?\b", r"\bchants?\b", r"\bgestes?\b", r"\bpartag\w*",
    ],
}  # fmt: skip


def _dedupe(findings: Iterable[Finding]) -> Iterator[Finding]:
    """Drop repeated findings at the same place (one penalty attached to several offences)."""
    seen: set[tuple[Any, ...]] = set()
    for finding in findings:
        loc = finding.location
        key = (finding.code, loc.article, loc.paragraph, loc.start)
        if key not in seen:
            seen.add(key)
            yield finding


def _article(statute: Statute, number: str | None) -> Article | None:
    return statute.article(number) if number is not None else None


def offence_text(statute: Statute, sanction: Sanction) -> str:
    """Return the text that says what a penalty punishes.

    That is the penalty's own article, the offence it is attached to, and the articles those
    refer to (two steps: "the parent of a child referred to in Article 8", where Article 8
    borrows the offence of Article 4), so the conduct punished is always in view.
    """
    own = sanction_article(statute, sanction)
    numbers: list[str | None] = [sanction.offence_article]
    texts = [f"{own.heading or ''}\n{own.text}"] if own else []
    if own:
        numbers += referenced_numbers(own.text)
    for _ in range(3):
        following: list[str | None] = []
        for number in numbers:
            article = _article(statute, number)
            if article is None:
                continue
            text = f"{article.heading or ''}\n{article.text}"
            if text not in texts:
                texts.append(text)
                following += referenced_numbers(article.text)
        numbers = following
    return "\n".join(texts) or statute.title


def _segment(statute: Statute, sanctions: list[Sanction], sanction: Sanction) -> str:
    """Return the paragraphs of the penalty's article since the previous penalty, up to it."""
    article = sanction_article(statute, sanction)
    if article is None:
        return ""
    earlier = [s.paragraph for s in sanctions
               if s.article == sanction.article and s.paragraph < sanction.paragraph]  # fmt: skip
    first = max(earlier) if earlier else 0
    return "\n".join(p.text for p in article.paragraphs[first : sanction.paragraph])


def _segment_to_end(article: Article, group: list[Sanction]) -> str:
    """Return the paragraphs from the first penalty of a group to the end of its run of items."""
    first = min(s.paragraph for s in group) - 1
    texts = [article.paragraphs[first].text] if 0 <= first < len(article.paragraphs) else []
    level = article.paragraphs[first].level if texts else 0
    for para in article.paragraphs[first + 1 :]:
        if para.level < level or (para.level == level and para.number is None):
            break
        texts.append(para.text)
    return "\n".join(texts)


def _is_speech(rule: Rule, context: Context, text: str) -> bool:
    patterns = option_patterns(rule.options.get("speech", DEFAULT_SPEECH), context.language)
    return first_match(patterns, text) is not None


def _at(context: Context, rule: Rule, sanction: Sanction, message: str | None = None) -> Finding:
    article = sanction_article(context.statute, sanction)
    return context.finding(rule, article, sanction.paragraph, sanction.start, sanction.end, message)


def _years(months: int) -> str:
    if months % 12 == 0:
        return "1 year" if months == 12 else f"{months // 12} years"
    return "1 month" if months == 1 else f"{months} months"


def _custodial(s: Sanction) -> bool:
    bounded = s.min_months is not None or s.max_months is not None or s.life
    return bounded or bool(getattr(s, "custodial", False))


@rule_kind("sanction-bound")
def sanction_bound(rule: Rule, context: Context) -> Iterator[Finding]:
    """Flag a maximum term above the cap for the offence's type (options.offence_types)."""
    sanctions = cached_sanctions(context.statute, context.cache)
    types = rule.options.get("offence_types", [])

    def classify(sanction: Sanction) -> dict[str, Any] | None:
        # The paragraphs that lead to this penalty first (an article may punish several
        # offences in turn, as the French press law does), then the whole offence.
        offence = _article(context.statute, sanction.offence_article)
        texts = [
            _segment(context.statute, sanctions, sanction),
            f"{offence.heading or ''}\n{offence.text}" if offence else "",
            offence_text(context.statute, sanction),
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
                maximum = _multiplied_maximum(context.statute, sanctions, sanction)
            if maximum is None:
                continue
            offence_type = classify(sanction)
            if offence_type is not None:
                cap = int(offence_type["max_months"])
                if maximum > cap:
                    message = (
                        f"{rule.message} Maximum of {_years(maximum)} for "
                        f"{offence_type['name']}; comparable laws cap it at {_years(cap)}."
                    )
                    yield _at(context, rule, sanction, message)

    yield from _dedupe(found())


def _multiplied_maximum(
    statute: Statute, sanctions: list[Sanction], sanction: Sanction
) -> int | None:
    """Return the maximum a multiplier raises its offence's own maximum to, in months.

    The offence is the one the multiplier is attached to, or the articles its paragraph
    refers to ("The penalty under Article 2 shall be doubled").
    """
    if not sanction.multiplier:
        return None
    targets = {sanction.offence_article}
    article = _article(statute, sanction.article)
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
    sanctions = cached_sanctions(context.statute, context.cache)

    def found() -> Iterator[Finding]:
        for s in sanctions:
            death = bool(getattr(s, "death", False))
            if (s.life or death) and _is_speech(rule, context, offence_text(context.statute, s)):
                yield _at(
                    context, rule, s, f"{rule.message} (The death penalty.)" if death else None
                )

    yield from _dedupe(found())


@rule_kind("sanction-minimum")
def sanction_minimum(rule: Rule, context: Context) -> Iterator[Finding]:
    """Flag a mandatory minimum term (of at least options.min_months) for a speech offence."""
    threshold = int(rule.options.get("min_months", 1))
    sanctions = cached_sanctions(context.statute, context.cache)
    yield from _dedupe(
        _at(context, rule, s, f"{rule.message} Minimum of {_years(s.min_months)}.")
        for s in sanctions
        if s.min_months is not None
        and s.min_months >= threshold
        and _is_speech(rule, context, offence_text(context.statute, s))
    )


@rule_kind("multiplier")
def multiplier(rule: Rule, context: Context) -> Iterator[Finding]:
    """Flag a penalty multiplied by rule ("doubled", "porté au double") rather than by a court."""
    discretion = option_patterns(rule.options.get("discretion"), context.language)
    sanctions = cached_sanctions(context.statute, context.cache)
    yield from _dedupe(
        _at(context, rule, s)
        for s in sanctions
        if s.multiplier and s.multiplier > 1 and first_match(discretion, s.text) is None
    )


@rule_kind("dissolution")
def dissolution(rule: Rule, context: Context) -> Iterator[Finding]:
    """Flag the dissolution of an organisation that follows automatically from a conviction."""
    sanctions = cached_sanctions(context.statute, context.cache)
    yield from _dedupe(_at(context, rule, s) for s in sanctions if s.mandatory_dissolution)


EXTERNAL_PENALTY = re.compile(
    r"\b(?:in accordance with|as provided (?:for )?(?:in|by|under)|penalt\w+ (?:provided|laid down|"
    r"prescribed)|punish\w* (?:under|as|in accordance)|(?:Penal|Criminal) Code|peines? prévues?|"
    r"conformément|Code pénal)\b",
    re.IGNORECASE,
)


@rule_kind("missing-maximum")
def missing_maximum(rule: Rule, context: Context) -> Iterator[Finding]:
    """Flag an offence with no penalty, or a prison penalty with no maximum (or only a minimum)."""
    statute = context.statute
    sanctions = cached_sanctions(statute, context.cache)

    def found() -> Iterator[Finding]:
        for s in sanctions:
            if _custodial(s) and s.max_months is None and not s.life and not getattr(s, "death", 0):
                detail = "states a minimum but no maximum" if s.min_months else "has no term"
                yield _at(context, rule, s, f"{rule.message} The prison penalty {detail}.")
        for article in statute.articles:
            if not is_offence_article(article):
                continue
            if any(s.offence_article == article.number for s in sanctions):
                continue
            if not EXTERNAL_PENALTY.search(article.text):
                yield context.finding(rule, article, message=f"{rule.message} No penalty is "
                                      "stated for this offence.")  # fmt: skip

    yield from _dedupe(found())


@rule_kind("no-alternative")
def no_alternative(rule: Rule, context: Context) -> Iterator[Finding]:
    """Flag a speech offence punishable only by imprisonment (no fine or non-custodial option)."""
    statute = context.statute
    sanctions = cached_sanctions(statute, context.cache)
    general = option_patterns(rule.options.get("general_alternative"), context.language)
    if any(first_match(general, a.text) for a in statute.articles):
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
            if any(alternative(s) and not _custodial(s) for s in group):
                continue
            article = sanction_article(statute, group[0])
            if article is not None and first_match(route, _segment_to_end(article, group)):
                continue
            for s in group:
                if not _custodial(s) or alternative(s):
                    continue
                if _is_speech(rule, context, offence_text(statute, s)):
                    yield _at(context, rule, s)

    yield from _dedupe(found())


@rule_kind("custodial-for-conduct")
def custodial_for_conduct(rule: Rule, context: Context) -> Iterator[Finding]:
    """Flag imprisonment for an offence whose conduct matches options.patterns (e.g. insult)."""
    patterns = option_patterns(rule.options.get("patterns"), context.language)
    sanctions = cached_sanctions(context.statute, context.cache)
    defined = definitions(context.statute)

    def found() -> Iterator[Finding]:
        reported: set[str] = set()
        for s in sanctions:
            if not _custodial(s):
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
            text = _segment(context.statute, sanctions, s) if same else ""
            text = conduct_text(defined, text or offence_text(context.statute, s))
            match = first_match(patterns, text)
            if match:
                if s.offence_article:
                    reported.add(s.offence_article)
                yield _at(context, rule, s, f"{rule.message} ({match.group(0)!r} is punished "
                                            "with imprisonment.)")  # fmt: skip

    yield from _dedupe(found())


def conduct_text(defined: list[Definition], text: str) -> str:
    """Return a text with the definitions of the defined terms it uses appended.

    "Commits an act constituting contempt of faith" says little by itself; the definition
    ("any act capable of insulting ...") is what the offence punishes.
    """
    texts = [text]
    for d in defined:
        if term_pattern(d.term, stem=False).search(text):
            texts.append(d.text)
    return "\n".join(texts)


def _sentence_of(statute: Statute, s: Sanction) -> str:
    """Return the whole sentence a penalty was read from (its subject included)."""
    article = sanction_article(statute, s)
    if article is None:
        return s.text
    text = article.paragraphs[s.paragraph - 1].text
    for start, end in sentences(text):
        if start <= s.start < end:
            return text[start:end]
    return s.text


def _bands(sanctions: list[Sanction], number: str) -> set[tuple[Any, ...]]:
    return {
        (s.min_months, s.max_months, s.life)
        for s in sanctions
        if s.offence_article == number and _custodial(s)
    }


# A lead-in whose items are not conducts: penalty routes ("is guilty of (a) an indictable
# offence ...; or (b) an offence punishable on summary conviction") or defences ("No person
# shall be convicted ... (a) if, in good faith, ...").
NOT_CONDUCT_LEAD = re.compile(
    r"\b(?:(?:is|are|shall be) guilty of|liable(?: on conviction)?(?: to)?|punish(?:ed|able)"
    r"(?: by| with)?|sentenced(?: to)?|est(?: puni| passible)|sont(?: punis| passibles))\W*$|"
    r"\b(?:no person shall be convicted|shall not be convicted|is not guilty|is a defen[cs]e|"
    r"(?:does|do|shall) not apply|nothing in|is not an offen[cs]e|no offen[cs]e|"
    r"ne s'applique(?:nt)? pas|n'est pas punissable|ne sont pas punissables|ne constitue pas)\b",
    re.IGNORECASE,
)
# An item that is itself a penalty ("(a) an indictable offence and liable to imprisonment").
PENALTY_ITEM = re.compile(
    r"\b(?:liable|punishable|imprisonment|indictable offen[cs]e|summary conviction|"
    r"emprisonnement|amende|passible)\b",
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
    statute = context.statute
    sanctions = cached_sanctions(statute, context.cache)
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
        s for s in sanctions
        if not status or first_match(status, _sentence_of(context.statute, s)) is None
    ]  # fmt: skip
    offences = [a for a in statute.articles if is_offence_article(a)]

    def grade(article: Article) -> str | None:
        for level in gravity:
            patterns = option_patterns(level.get("patterns"), context.language)
            if first_match(patterns, f"{article.heading or ''}\n{article.text}"):
                return str(level["name"])
        return None

    def anchor(number: str, band: tuple[Any, ...]) -> Sanction:
        return next(
            s for s in sanctions
            if s.offence_article == number and (s.min_months, s.max_months, s.life) == band
        )  # fmt: skip

    def found() -> Iterator[Finding]:
        by_band: dict[tuple[Any, ...], list[Article]] = {}
        for article in offences:
            bands = _bands(sanctions, article.number)
            if len(bands) == 1:
                band = next(iter(bands))
                by_band.setdefault(band, []).append(article)
                if _conducts(article, separator) >= list_min:
                    yield _at(context, rule, anchor(article.number, band),
                              f"{rule.message} One band punishes the "
                              f"{_conducts(article, separator)} conducts listed in "
                              f"{article.caption}.")  # fmt: skip
                elif (band[0] or 0) >= open_min or band[2]:
                    match = first_match(open_ended, article.text)
                    if match:
                        yield _at(context, rule, anchor(article.number, band),
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
                yield _at(context, rule, anchor(articles[0].number, band),
                          f"{rule.message} {names} share the same band.")  # fmt: skip

    yield from _dedupe(found())


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
    sanctions = cached_sanctions(context.statute, context.cache)
    punitive = {(s.article, s.paragraph) for s in sanctions if _custodial(s) or s.multiplier}
    for unit in context.units(context.articles_in_scope(rule.scope)):
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


AGE = re.compile(
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
    has_provision = any(first_match(provision, a.text) for a in context.statute.articles)
    for unit in context.units(context.articles_in_scope(rule.scope)):
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
_SET = {
    "type": "object",
    "patternProperties": {"^[a-z]{2,3}$": {"type": "array", "items": {"type": "string"}}},
    "additionalProperties": False,
}
_NAMED_SETS = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["name", "patterns"],
        "properties": {
            "name": {"type": "string"},
            "patterns": _SET,
            "max_months": {"type": "integer", "minimum": 1},
        },
        "additionalProperties": False,
    },
}


def _options(required: list[str] | None = None, **properties: Any) -> dict[str, Any]:
    return {
        "type": "object",
        "required": required or [],
        "properties": properties,
        "additionalProperties": False,
    }


OPTIONS_SCHEMA: dict[str, dict[str, Any]] = {
    "sanction-bound": _options(["offence_types"], offence_types=_NAMED_SETS),
    "life-term": _options(speech=_SET),
    "sanction-minimum": _options(speech=_SET, min_months={"type": "integer", "minimum": 1}),
    "multiplier": _options(discretion=_SET),
    "dissolution": _options(),
    "missing-maximum": _options(),
    "no-alternative": _options(
        speech=_SET,
        general_alternative=_SET,
        alternative_route=_SET,
        cumulative_fine_languages={"type": "array", "items": {"type": "string"}},
    ),
    "custodial-for-conduct": _options(["patterns"], patterns=_SET),
    "single-band": _options(
        list_min={"type": "integer", "minimum": 2},
        separator={"type": "string"},
        gravity=_NAMED_SETS,
        open_ended=_SET,
        open_min_months={"type": "integer", "minimum": 1},
        shared_floor_months={"type": "integer", "minimum": 1},
        status=_SET,
    ),
    "sanction-phrase": _options(["patterns"], patterns=_SET, near=_SET, also=_SET, unless=_SET),
    "children-liable": _options(
        ["patterns"],
        patterns=_SET,
        near=_SET,
        unless=_SET,
        unless_sentence=_SET,
        provision=_SET,
        min_age={"type": "integer", "minimum": 1},
    ),
}
