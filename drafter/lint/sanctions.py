"""Read penalties out of statute text (English and French) and attach them to their offences.

Every sanction rule needs the same facts about a penalty: its minimum and maximum term, whether
it is life, whether a fine or a non-custodial measure is an alternative, whether it is
multiplied ("doubled") and whether it dissolves an organisation. They are read once per statute
(``read_sanctions``) and cached in the lint context, so each rule only compares numbers.

The reading is sentence by sentence: a sentence that states a term, life imprisonment, a fine,
a non-custodial measure, a multiplier or a dissolution yields one ``Sanction``. A bare term
("imprisonment for five years", "cinq ans d'emprisonnement") is a maximum, as both common-law
and French drafting read it; a minimum needs a word that says so ("at least", "au moins") or a
range ("ten to twenty-five years"). An English sentence that orders the term ("shall be
sentenced to twenty years") fixes it, so it is both the minimum and the maximum.

Each penalty is attached to the offence it punishes: its own article if that creates the
offence, else the article it refers to ("the offence referred to in Article 3"), else every
offence ("an offence under this Act"), else the nearest offence article before it.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..model import Article, ArticleKind, Sanction, Statute
from ..regexes import regex_cache
from ..regexes.prefilter import Gate, fold, gate_any
from ..regexes.prefilter import gate as pattern_gate
from .numbering import NUMBER, normalise_number, number_value

# The paragraphs of some articles that a prefilter admits, in order, as objects with
# ``article``, ``index`` (1-based) and ``paragraph`` (engine.Context.admitted_units).
AdmittedUnits = Callable[[Gate, list[Article]], list[Any]]
# Whether an article creates an offence (is_offence_article, or a copy remembering answers).
OffenceTest = Callable[[Article], bool]

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

# References to the offence a penalty article punishes: "Article 3", "sections 4 and 5".
REFERENCE = regex_cache.compile(
    r"\b(?:articles?|sections?|arts?\.|ss?\.|§§?)\s*"
    r"(?P<nums>(?:\d+(?:-\d+)*(?:\s*(?:bis|ter|quater)\b|[a-z]\b)?|premier|1er)"
    r"(?:\s*\(\w+\))*(?:\s*(?:,|and|or|to|et|ou|à)\s*(?:\d+(?:\s*(?:bis|ter|quater)\b|[a-z]\b)?)"
    r"(?:\s*\(\w+\))*)*)",
    re.IGNORECASE,
)
# A reference followed by one of these is to another law, not to this statute.
EXTERNAL = regex_cache.compile(
    r"^\s*(?:\(\w+\)\s*)*(?:of|du|de|of the|de la|des)\s+(?:the\s+|la\s+|l'|le\s+)?"
    r"(?:[A-Z]|penal|criminal|code|loi|law|act|convention|statute|constitution|décret|ordonnance)",
)
WHOLE_ACT = regex_cache.compile(
    r"\b(?:offences?|crimes?) (?:under|created by|defined in|referred to in|provided for in|in) "
    r"(?:this|the present) (?:Act|Law|Part|Chapter|Code)\b|\binfractions? (?:prévues?|visées?|"
    r"définies?) (?:par|dans|à) (?:la présente loi|le présent (?:titre|chapitre))",
    re.IGNORECASE,
)
OFFENCE_CUE = regex_cache.compile(
    r"\b(?:commits? an offence|is guilty of an offence|shall be guilty|is an offence|"
    r"constitutes an offence|shall be (?:punished|liable)|is liable (?:on conviction )?to|"
    r"(?:is|are) punishable|commet une infraction|constitue (?:une infraction|un délit|un crime)|"
    r"(?:est|sont) punie?s?|se rend coupable|est passible)\b",
    re.IGNORECASE,
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


# "an offence under Article 3", "l'infraction prévue à l'article 3": a penalty that borrows
# an offence defined elsewhere, so the article is a penalty article whatever its layout.
OFFENCE_REF = regex_cache.compile(
    r"\b(?:offen[cs]es?|crimes?|infractions?|délits?|acts?|faits?)\s+(?:\w+\s+){0,3}?"
    r"(?:under|in|referred to in|defined in|provided for (?:in|by)|specified in|described in|"
    r"mentioned in|set out in|created by|prévue?s?|visée?s?|définie?s?|réprimée?s?)\s+"
    r"(?:(?:à|a|par|dans|aux?)\s+)?(?:l'|l’|les\s+)?(?:articles?|sections?|art\.|§)\s*"
    r"(?:\d|premier)",
    re.IGNORECASE,
)


# "A child who commits an offence under this Law ...": a rule about offences created elsewhere.
WHO_COMMITS = regex_cache.compile(
    r"\b(?:who|which|that) (?:commits|has committed|is convicted of|is found guilty of) "
    r"(?:an?|the|any) (?:offen[cs]e|crime)s? (?:under|referred to in|provided for in|created by) "
    r"(?:this|the present) (?:Act|Law|Code|Part|Chapter|Proclamation|Decree)\b|"
    r"\b(?:where|if|when) (?:an?|the|any) (?:\w+ ){0,2}commits an? (?:offen[cs]e|crime) (?:under|"
    r"referred to in|provided for in) (?:this|the present)\b|\bguilty of the same offen[cs]e\b|"
    r"\bqui (?:commet|a commis|est (?:reconnue? )?coupable d') ?(?:une|l'|les) ?infractions? "
    r"(?:prévues?|visées?) (?:par|à|dans) (?:la présente loi|le présent)",
    re.IGNORECASE,
)


# Whether a pattern may match a text (False: certainly not), e.g. from a literal prefilter.
MayMatch = Callable[[re.Pattern[str]], bool]


def _anything(pattern: re.Pattern[str]) -> bool:
    return True


def borrows_offence(text: str, may_match: MayMatch = _anything) -> bool:
    """Return whether a text punishes an offence defined in another article of the statute."""
    if may_match(WHO_COMMITS) and WHO_COMMITS.search(text):
        return True
    return may_match(OFFENCE_REF) and any(
        referenced_numbers(text[m.start() : m.end() + 40]) for m in OFFENCE_REF.finditer(text)
    )


def is_offence_article(article: Article, may_match: MayMatch = _anything) -> bool:
    """Return whether an article creates an offence (by its kind, or by its wording).

    ``may_match`` tells which of the patterns read below may match the article's text (the
    lint context answers that for all articles at once, see ``OFFENCE_PATTERNS``).
    """
    if article.kind == ArticleKind.OFFENCE:
        return not borrows_offence(article.text, may_match)
    if article.kind != ArticleKind.GENERAL:
        return False
    text = article.text
    return (
        may_match(OFFENCE_CUE)
        and bool(OFFENCE_CUE.search(text))
        and not (may_match(REFERENCE) and referenced_numbers(text))
        and not borrows_offence(text, may_match)
    )


# The patterns ``is_offence_article`` asks ``may_match`` about.
OFFENCE_PATTERNS = (WHO_COMMITS, OFFENCE_REF, OFFENCE_CUE, REFERENCE)


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


@dataclass
class ReadSanction(Sanction):
    """A Sanction with what the reader also knows: whether it imprisons at all.

    ``custodial`` is true for any prison term, including "liable to imprisonment" with no term
    (which the model's numeric fields cannot show).
    """

    custodial: bool = False
    death: bool = False  # the death penalty: the model has no field for it
    # The article object itself: two articles may be printed with the same number.
    source: Article | None = field(default=None, compare=False, repr=False)


def _found(pattern: re.Pattern[str], text: str, folded: str) -> bool:
    """Return whether a pattern matches a text, skipping it when its words are absent."""
    return pattern_gate(pattern).admits(folded) and pattern.search(text) is not None


def read_sentence(text: str, may_match: MayMatch = _anything) -> dict[str, Any] | None:
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


# Compiled once: references are read in every offence and penalty article.
_BRACKETED = regex_cache.compile(r"\(\w+\)")
_JOINER = regex_cache.compile(r"\s*(,|and|or|et|ou|to|à)\s*")


def referenced_numbers(text: str) -> list[str]:
    """Return the article numbers of this statute a text refers to ("Articles 3 to 5")."""
    numbers: list[str] = []
    for match in REFERENCE.finditer(text):
        if EXTERNAL.search(text[match.end() :]):
            continue
        nums = _BRACKETED.sub("", match.group("nums"))
        parts = _JOINER.split(nums)
        previous: str | None = None
        pending_range = False
        for part in parts:
            if part in (",", "and", "or", "et", "ou"):
                continue
            if part in ("to", "à"):
                pending_range = True
                continue
            number = normalise_number(part)
            if pending_range and previous and previous.isdigit() and number.isdigit():
                numbers.extend(str(n) for n in range(int(previous) + 1, int(number)))
            pending_range = False
            numbers.append(number)
            previous = number
    return numbers


@dataclass
class _Index:
    """What attachment needs about the statute, computed once per reading."""

    articles: list[Article]
    offences: set[str]  # numbers of the offence articles
    by_number: dict[str, Article]
    position: dict[int, int] = field(default_factory=dict)  # id(article) -> its index
    every_offence: list[str] = field(default_factory=list)  # offence numbers, document order
    # What each paragraph or heading names (``_named``), asked by every penalty after it.
    named: dict[Any, list[str] | None] = field(default_factory=dict)

    @classmethod
    def of(cls, statute: Statute, is_offence: OffenceTest | None = None) -> _Index:
        articles = statute.articles
        is_offence = is_offence or is_offence_article
        offences = {a.number for a in articles if is_offence(a)}
        by_number = {normalise_number(a.number): a for a in articles}
        position = {id(a): i for i, a in reversed(list(enumerate(articles)))}
        every = [a.number for a in articles if a.number in offences]
        return cls(articles, offences, by_number, position, every)


def _named(index: _Index, text: str) -> list[str] | None:
    """Return the offence articles a text names, or None if it names none."""
    by_number = index.by_number
    numbers = [n for n in referenced_numbers(text) if n in by_number]
    # "Articles 2 and 3" where 2 defines and 3 creates the offence: keep the offence.
    numbers = [n for n in numbers if by_number[n].number in index.offences] or numbers
    if numbers:
        return list(dict.fromkeys(by_number[n].number for n in numbers))
    if WHOLE_ACT.search(text) and index.offences:
        return list(index.every_offence)
    return None


def _targets(index: _Index, article: Article, para: int, sentence: str) -> list[str | None]:
    """Return the offence article(s) a penalty in ``article`` punishes."""
    if article.number in index.offences:
        return [article.number]
    # The nearest reference wins: the sentence, its paragraph, the paragraphs before it (a
    # penalty table's row names its offence in the cell before), the heading.
    found = _named(index, sentence)
    if found is not None:
        return found
    paragraphs = [(id(p), p.text) for p in reversed(article.paragraphs[:para])]
    for key, text in [*paragraphs, (("heading", id(article)), article.heading or "")]:
        if key not in index.named:
            index.named[key] = _named(index, text)
        named = index.named[key]
        if named is not None:
            return list(named)
    position = index.position[id(article)]
    for earlier in reversed(index.articles[:position]):
        if earlier.number in index.offences:
            return [earlier.number]
    return [None]


# "Est puni des mêmes peines", "is liable to the penalty provided for in Article 3": a penalty
# by reference, read as a copy of the one it refers to (or of the one just before it).
SAME_PENALTY = regex_cache.compile(
    r"\b(?:the same (?:penalty|penalties|punishment|sentence)|(?:liable|punishable|punished) "
    r"(?:to|by|with) the (?:penalty|penalties|punishment) (?:provided|prescribed|laid down|set out) "
    r"(?:for|in|under|by)|(?:des|les|aux) mêmes peines|(?:des|les|la) peines? (?:prévues?|prononcées?) "
    r"(?:à|aux|par) l(?:'|’|es )articles?)",
    re.IGNORECASE,
)
COPIED = ("min_months", "max_months", "life", "fine", "non_custodial", "custodial", "death")


def _copied(
    sentence: str, records: list[ReadSanction], index: _Index, may_match: MayMatch = _anything
) -> dict[str, Any] | None:
    """Return the facts of the penalty a "same penalties" sentence refers to, or None."""
    if not (may_match(SAME_PENALTY) and SAME_PENALTY.search(sentence)) or not records:
        return None
    numbers = [
        index.by_number[n].number for n in referenced_numbers(sentence) if n in index.by_number
    ]
    source = next((r for r in records if r.article in numbers and r.custodial), None)
    source = source or next((r for r in reversed(records) if r.custodial or r.fine), None)
    return {name: getattr(source, name) for name in COPIED} if source else None


@lru_cache(maxsize=1)
def _penalty_gate() -> Gate:
    """Return the prefilter of the words without which no sentence states a penalty.

    ``read_sentence`` reads nothing from a sentence in which none of these patterns matches
    (a term counts only near a custodial word; a multiplier needs its own word), and
    ``_copied`` nothing without SAME_PENALTY; so a paragraph without any of their literals
    is skipped without splitting it into sentences.
    """
    words = [CUSTODIAL, BARE_CUSTODIAL, LIFE, DEATH, FINE, ALTERNATIVE, DISSOLUTION, SAME_PENALTY]
    return gate_any((*words, *(pattern for pattern, _ in MULTIPLIERS)))


def _holder_test(holders: dict[re.Pattern[str], set[int]], key: int) -> MayMatch:
    """Return whether a pattern may match in the paragraph ``key`` (its id) of ``holders``."""
    return lambda pattern: key in holders[pattern]


def read_sanctions(
    statute: Statute,
    admitted_units: AdmittedUnits | None = None,
    is_offence: OffenceTest | None = None,
) -> list[Sanction]:
    """Read every penalty of the statute, attach it to its offence and fill statute.sanctions.

    ``admitted_units`` (the lint context's) returns the paragraphs a prefilter admits, all at
    once; without it each paragraph is asked alone. Either way the same paragraphs are read.
    ``is_offence``: ``is_offence_article`` or a cached copy of it (the lint rules ask too).
    """
    found: list[Sanction] = []
    read: list[ReadSanction] = []  # one per penalty written, before attachment
    index = _Index.of(statute, is_offence)
    gate = _penalty_gate()
    articles = [a for a in index.articles if a.kind != ArticleKind.DEFINITIONS]
    # Per pattern of read_sentence, the paragraphs holding its words: a sentence of another
    # paragraph cannot match it (None: every sentence is asked).
    holders: dict[re.Pattern[str], set[int]] | None = None
    if admitted_units is not None:
        paragraphs = [(u.article, u.index, u.paragraph) for u in admitted_units(gate, articles)]
        holders = {
            pattern: {id(u.paragraph) for u in admitted_units(pattern_gate(pattern), articles)}
            for pattern in (*SENTENCE_PATTERNS, SAME_PENALTY)
        }
    else:
        paragraphs = [
            (article, number, para)
            for article in articles
            for number, para in enumerate(article.paragraphs, start=1)
            if gate.admits(fold(para.text))
        ]
    for article, number, para in paragraphs:
        may_match = _anything if holders is None else _holder_test(holders, id(para))
        for start, end in sentences(para.text):
            sentence = para.text[start:end]
            facts = read_sentence(sentence, may_match) or _copied(sentence, read, index, may_match)
            if facts is None:
                continue
            cue = SAME_PENALTY.search(sentence) or PENALTY_START.search(sentence)
            begin = start + (cue.start() if cue else 0)
            text = para.text[begin:end].rstrip()
            record = ReadSanction(
                article=article.number, paragraph=number, start=begin,
                end=begin + len(text), text=text, source=article, **facts,
            )  # fmt: skip
            read.append(record)
            for target in _targets(index, article, number, sentence):
                found.append(dataclasses.replace(record, offence_article=target))
    statute.sanctions = found
    return found


def sanction_article(statute: Statute, sanction: Sanction) -> Article | None:
    """Return the article a penalty is written in (the object, even if its number repeats)."""
    return getattr(sanction, "source", None) or statute.article(sanction.article)


def cached_sanctions(
    statute: Statute,
    cache: dict[str, Any],
    admitted_units: AdmittedUnits | None = None,
    is_offence: OffenceTest | None = None,
) -> list[Sanction]:
    """Return the statute's sanctions, reading them once per lint run (shared by all rules)."""
    if "sanctions" not in cache:
        cache["sanctions"] = read_sanctions(statute, admitted_units, is_offence)
    return cache["sanctions"]
