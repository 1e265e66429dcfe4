"""Read the penalty facts of one sentence (English and French): terms, fines, multipliers.

Every sanction rule needs the same facts about a penalty: its minimum and maximum term, whether
it is life, whether a fine or a non-custodial measure is an alternative, whether it is
multiplied ("doubled") and whether it dissolves an organisation. ``read_sentence`` reads them
from one sentence (``sentences`` splits a paragraph); sanctions.py reads every paragraph of a
statute this way and attaches each penalty to its offence.

A sentence that states a term, life imprisonment, a fine, a non-custodial measure, a multiplier
or a dissolution yields one set of facts. A bare term ("imprisonment for five years", "cinq ans
d'emprisonnement") is a maximum, as both common-law and French drafting read it; a minimum needs
a word that says so ("at least", "au moins") or a range ("ten to twenty-five years"). An English
sentence that orders the term ("shall be sentenced to twenty years") fixes it, so it is both the
minimum and the maximum.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ..regexes import regex_cache
from ..regexes.prefilter import fold
from ..regexes.prefilter import gate as pattern_gate
from .numbering import NUMBER, number_value

UNIT = r"(?P<unit>years?|yrs?|months?|weeks?|days?|ans?|années?|mois|semaines?|jours?)\b"
TERM = regex_cache.compile(rf"(?P<num>{NUMBER})[\s-]*(?:'s\s+)?{UNIT}", re.IGNORECASE)
# The first number of a range may omit its unit: "from 10 to 25 years", "de dix à vingt ans".
RANGE_HEAD = regex_cache.compile(
    rf"(?P<num>{NUMBER})\s*(?:{UNIT})?\s*(?:to|and|-|–|à|au|et|until|jusqu'à)\s*$",
    re.IGNORECASE,
)

MAX_BEFORE = regex_cache.compile(
    r"(?:not exceeding|not more than|no more than|not to exceed|not over|up to|(?:may )?extend to|"
    r"(?:shall|must|may) not (?:be more than|exceed)|"
    r"maximum(?: term)?"
    r"(?: of)?|at most|less than|under|n'excédant pas|ne dépassant pas|ne pouvant (?:excéder|"
    r"dépasser)|jusqu'à|au plus|maximum de|d'au plus|plafonnée? à|inférieure? à)"
    r"\s*(?:(?:a|the|une?) (?:term|period|durée|peine) (?:of|de)\s*)?$",
    re.IGNORECASE,
)
MIN_BEFORE = regex_cache.compile(
    r"(?:at least|not less than|no less than|minimum(?: term)?(?: of)?|more than|over|exceeding|"
    r"(?:shall|must|may) not be less than|"
    r"d'au moins|au moins|minimum de|pas inférieure? à|plus de|supérieure? à|"
    r"ne (?:peut|pouvant) être inférieure? à)"
    r"\s*(?:(?:a|the|une?) (?:term|period|durée|peine) (?:of|de)\s*)?$",
    re.IGNORECASE,
)
MIN_AFTER = regex_cache.compile(
    r"^\s*(?:au moins|at least|au minimum|minimum|or more|ou plus)\b", re.IGNORECASE
)
MAX_AFTER = regex_cache.compile(
    r"^\s*(?:au plus|at most|at the most|or less|maximum)\b", re.IGNORECASE
)
# A number of years that is somebody's age, not a term: "a child under twelve (12) years".
AGE_BEFORE = regex_cache.compile(
    r"\b(?:aged?|age of|âgée?s? de|l'âge de|child|children|minors?|mineurs?|enfants?|persons?)"
    r"\b[^.;]{0,25}$",
    re.IGNORECASE,
)
AGE_AFTER = regex_cache.compile(r"^\s*(?:of age|old|d'âge|révolus)\b", re.IGNORECASE)

CUSTODIAL = regex_cache.compile(
    r"\b(?:imprison\w*|prison|custod\w*|jail|gaol|detention|incarcerat\w*|sentenced?|"
    r"deprivation of liberty|emprisonnement|réclusion|détention|incarcération|"
    # "servitude pénale (principale)": imprisonment in Burundian, Congolese and Rwandan codes.
    r"privative de liberté|servitude pénale)\b",
    re.IGNORECASE,
)
LIABLE = regex_cache.compile(
    r"\b(?:liable|punish\w*|penalt\w*|sentenc\w*|convict\w*|imposed|puni(?:e|s|es)?|passible|"
    r"encour\w*|peines?|condamn\w*)\b",
    re.IGNORECASE,
)
# A duration that follows one of these words more closely than a custodial word is not a term.
OTHER_MEASURE = regex_cache.compile(
    r"\b(?:rights?|droits?|interdiction|prohibit\w*|ban|banned|suspen\w*|disqualif\w*|"
    r"probation|sursis|limitation|prescription|within|dans un délai|review|report)\b",
    re.IGNORECASE,
)
LIFE = regex_cache.compile(
    r"\b(?:life imprisonment|imprisonment for life|life sentence|imprisonment for the rest of|"
    r"(?:life|lifelong) (?:term|prison)|custody for life)\b|\bà perpétuité\b|\bperpétuité\b",
    re.IGNORECASE,
)
DEATH = regex_cache.compile(
    r"\b(?:death penalty|sentenced to death|punishable (?:by|with) death|capital punishment|"
    r"peine de mort|peine capitale|punie? de mort)\b",
    re.IGNORECASE,
)
FINE = regex_cache.compile(r"\b(?:fines?|pecuniary penalty|amendes?)\b", re.IGNORECASE)
ALTERNATIVE = regex_cache.compile(
    r"\bor\s+(?:to\s+|by\s+|with\s+)?(?:a\s+|an\s+|the\s+)?(?:\w+\s+){0,2}(?:fine|community "
    r"service|probation|warning|reprimand)|\bor both\b|\bcommunity service\b|\bprobation\b|"
    r"\bor (?:to )?both\b|\bfines?\b[^.;]{0,80}?\bor\s+(?:to\s+|with\s+)?(?:a\s+)?(?:term\s+of\s+)?"
    r"(?:imprisonment|detention)|"
    r"\bor (?:to )?(?:one|either) of (?:these|those|the two|both|the) (?:penalties|punishments|"
    r"sentences)\b|"
    r"\bsuspended sentence|\bsentence\w*\s+(?:may be\s+)?suspended|"
    r"\bsuspend\w*\s+(?:the\s+)?(?:execution\s+of\s+(?:the\s+)?)?sentence|\bconditional discharge|"
    r"\bnon-custodial\b|\bou\s+(?:de\s+|à\s+)?l'une?\s+de\s+ces\s+(?:deux\s+)?peines|"
    r"\bou\s+(?:de\s+)?(?:des|les)\s+deux\b|"
    r"\bou\s+(?:de\s+|d['’]\s*|à\s+)?[^.;]{0,40}?\bamendes?\b|travaux d'intérêt général|"
    r"\bsursis\b|\bstage de citoyenneté|\bavertissement\b|\bpeines? alternatives?",
    re.IGNORECASE,
)
MULTIPLIERS = [
    (
        regex_cache.compile(
            r"\b(?:tripled|triple|treble[d]?|three times|portée?s? au triple|triplée?s?)\b",
            re.IGNORECASE,
        ),
        3.0,
    ),
    (
        regex_cache.compile(
            r"\b(?:doubled|double|twice|two times|portée?s? au double|doublée?s?)\b",
            re.IGNORECASE,
        ),
        2.0,
    ),
    (
        regex_cache.compile(
            r"\b(?:increased by (?:one )?half|augmentée?s? de moitié)\b", re.IGNORECASE
        ),
        1.5,
    ),
]
DISSOLUTION = regex_cache.compile(
    r"\b(?:dissol(?:ved?|ution)|dissoute?s?|dissous|deregist\w+|disband\w*|wound up|winding[- ]up)\b",
    re.IGNORECASE,
)
DISCRETION = regex_cache.compile(
    r"\b(?:may|might|can|peut|peuvent|pourra|pourront|last resort|dernier recours|discretion)\b",
    re.IGNORECASE,
)
PENALTY_START = regex_cache.compile(
    r"\b(?:liable|punish\w*|sentenced|imprison\w*|penalt\w*|fines?|life|dissol\w*|doubl\w*|"
    r"puni\w*|passible|encour\w*|emprisonnement|réclusion|servitude|amendes?|peines?|dissolution|"
    r"double)\b",
    re.IGNORECASE,
)

# A full stop followed by a capital ends a sentence, except after "Art.", "No.", "al.", "s.".
SENTENCE_END = regex_cache.compile(
    r"(?<!\bArt)(?<!\bNo)(?<!\bal)(?<!\bpara)(?<!\bs)\.\s+(?=[A-ZÀ-Ý(«\"“])"
)


def sentences(text: str) -> list[tuple[int, int]]:
    """Split a paragraph into sentence spans (start, end), keeping abbreviations intact."""
    spans, start = [], 0
    for match in SENTENCE_END.finditer(text):
        spans.append((start, match.start() + 1))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


# Whether a pattern may match a text (False: certainly not), e.g. from a literal prefilter.
MayMatch = Callable[[re.Pattern[str]], bool]


def no_prefilter(pattern: re.Pattern[str]) -> bool:
    """Answer that any pattern may match: the ``MayMatch`` of a reader without a prefilter."""
    return True


def _months(value: float, unit: str) -> int:
    unit = unit.lower()
    if unit.startswith(("y", "an", "ann")):
        return round(value * 12)
    if unit.startswith(("w", "sem")):
        return max(1, round(value * 7 / 30))
    if unit.startswith(("d", "j")):
        return max(1, round(value / 30))
    return round(value)


def _is_term(text: str, match: re.Match[str]) -> bool:
    """Return whether a duration is a custodial term (not an age, a ban or a time limit)."""
    before, after = text[: match.start()], text[match.end() :]
    if AGE_BEFORE.search(before[-40:]) or AGE_AFTER.search(after):
        return False
    custodial = [m.end() for m in CUSTODIAL.finditer(before)]
    if not custodial:
        return bool(CUSTODIAL.search(after[:60]))
    other = [m.end() for m in OTHER_MEASURE.finditer(before)]
    # "deprivation of civil rights for five years": the nearer word decides what it measures.
    return not (other and other[-1] > custodial[-1])


def _role(text: str, match: re.Match[str]) -> str:
    """Return "min", "max" or "bare" for a term from the words around it."""
    window, after = text[: match.start()][-45:], text[match.end() :]
    as_max, as_min = MAX_BEFORE.search(window), MIN_BEFORE.search(window)
    if as_max and as_min:  # "not less than" contains "less than": the longer phrase wins
        if len(as_min.group()) > len(as_max.group()):
            as_max = None
        else:
            as_min = None
    if as_min:
        return "min"
    if as_max:
        return "max"
    if MIN_AFTER.search(after):
        return "min"
    if MAX_AFTER.search(after):
        return "max"
    return "bare"


RANGE_GAP = regex_cache.compile(r"\s*(?:to|and|-|–|à|au|et|until|jusqu'à)\s*", re.IGNORECASE)


def _terms(text: str) -> tuple[list[int], list[int]]:
    """Return (minimums, maximums) in months for the custodial terms of one sentence."""
    items: list[list[Any]] = []  # [end offset, months, role]
    for match in TERM.finditer(text):
        if not _is_term(text, match):
            continue
        months = _months(number_value(match.group("num")), match.group("unit"))
        role = _role(text, match)
        previous = items[-1] if items else None
        gap = text[previous[0] : match.start()] if previous else ""
        if previous and previous[2] == "bare" and role == "bare" and RANGE_GAP.fullmatch(gap):
            previous[2], role = "min", "max"  # "ten (10) years to twenty five (25) years"
        elif previous and previous[2] == "bare" and role == "max" and len(gap.split()) <= 4:
            previous[2] = "min"  # "from one year up to three years", "d'un an à cinq ans au plus"
        elif role == "bare":
            head = RANGE_HEAD.search(text[: match.start()])
            if head and not head.group("unit"):  # "from 10 to 25 years", "de dix à vingt ans"
                items.append(
                    [
                        head.end(),
                        _months(number_value(head.group("num")), match.group("unit")),
                        "min",
                    ]
                )
                role = "max"
        items.append([match.end(), months, role])
    mins = [m for _, m, role in items if role == "min"]
    maxes = [m for _, m, role in items if role in ("max", "bare")]
    return mins, maxes


# "liable to imprisonment" with no term: a custodial penalty without any bound.
BARE_CUSTODIAL = regex_cache.compile(
    r"\b(?:liable|punish\w*|sentenced|condemned)\b[^.;]{0,30}\b(?:imprisonment|detention|custody|"
    r"jail|prison)\b|\bpuni\w*\s+(?:de|d['’])\s*(?:l['’]|la\s+|un\s+|une\s+)?(?:emprisonnement|"
    r"réclusion|détention|(?:peine (?:privative de liberté|de servitude pénale)|servitude pénale))\b",
    re.IGNORECASE,
)
# An English sentence that orders a term ("shall be sentenced to twenty years") fixes it: the
# term is both the minimum and the maximum. "Liable to" (and French "puni de") states a maximum.
MANDATORY = regex_cache.compile(
    r"\bshall (?:be (?:sentenced|punished|imprisoned)|serve|receive)\b|\bis sentenced to\b|"
    r"\best condamnée? à\b",
    re.IGNORECASE,
)
PERMISSIVE = regex_cache.compile(
    r"\b(?:liable|punishable|up to|maximum|not exceeding|may extend|passible|encour\w*)\b",
    re.IGNORECASE,
)


def _found(pattern: re.Pattern[str], text: str, folded: str) -> bool:
    """Return whether a pattern matches a text, skipping it when its words are absent."""
    return pattern_gate(pattern).admits(folded) and pattern.search(text) is not None


def read_sentence(text: str, may_match: MayMatch = no_prefilter) -> dict[str, Any] | None:
    """Read the penalty facts of one sentence, or None when it states no penalty.

    ``may_match`` tells which patterns of ``SENTENCE_PATTERNS`` may match the sentence (the
    lint context answers that for its paragraph, see ``read_sanctions``).
    """
    folded = fold(text)  # for the literal prefilters of the slower patterns (prefilter.py)

    def found(pattern: re.Pattern[str]) -> bool:
        return may_match(pattern) and _found(pattern, text, folded)

    def search(pattern: re.Pattern[str]) -> bool:
        return may_match(pattern) and pattern.search(text) is not None

    mins, maxes = _terms(text) if may_match(TERM) else ([], [])
    if maxes and not mins and found(MANDATORY) and not search(PERMISSIVE):
        mins = [max(maxes)]  # a fixed term
    life = search(LIFE)
    death = found(DEATH)
    fine = search(FINE)
    alternative = found(ALTERNATIVE)
    custodial = bool(mins or maxes or life or found(BARE_CUSTODIAL))
    multiplier = None
    if search(LIABLE) or search(CUSTODIAL):
        for pattern, value in MULTIPLIERS:
            if search(pattern):
                multiplier = value
                break
    dissolution = found(DISSOLUTION)
    if not (custodial or death or fine or alternative or multiplier or dissolution):
        return None
    punitive = custodial or multiplier or dissolution or alternative
    if fine and not punitive and not search(LIABLE):
        return None  # "fine" in a definition or procedure, not a penalty
    return {
        "min_months": max(mins) if mins else None,
        "max_months": max(maxes) if maxes else None,
        "life": life,
        "fine": fine,
        "non_custodial": alternative or (fine and not custodial),
        "multiplier": multiplier,
        "mandatory_dissolution": dissolution and not search(DISCRETION),
        "custodial": custodial,
        "death": death,
    }


# The patterns ``read_sentence`` asks ``may_match`` about (a term needs a word of TERM).
SENTENCE_PATTERNS = (
    TERM, MANDATORY, PERMISSIVE, LIFE, DEATH, FINE, ALTERNATIVE, BARE_CUSTODIAL, LIABLE,
    CUSTODIAL, DISSOLUTION, DISCRETION, *(pattern for pattern, _ in MULTIPLIERS),
)  # fmt: skip
