"""Read penalties out of statute text (English and French) and attach them to their offences.

Every sanction rule needs the same facts about a penalty: its minimum and maximum term, whether
it is life, whether a fine or a non-custodial measure is an alternative, whether it is
multiplied ("doubled") and whether it dissolves an organisation. They are read once per statute
(``read_sanctions``) and cached in the lint context, so each rule only compares numbers.

The reading is sentence by sentence: a sentence that states a term, life imprisonment, a fine,
a non-custodial measure, a multiplier or a dissolution yields one ``Sanction``. A bare term
("imprisonment for five years", "cinq ans d'emprisonnement") is a maximum, as both common-law
and French drafting read it; a minimum needs a word that says so ("at least", "au moins") or a
range ("ten to twenty-five years").
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Any

from ..model import Article, ArticleKind, Sanction, Statute
from .patterns import prepare

# Number words up to the thousands, English and French; hyphens and spaces join them.
WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7, "huit": 8,
    "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15,
    "seize": 16, "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40, "cinquante": 50,
    "soixante": 60, "cent": 100, "cents": 100, "mille": 1000, "half": 0.5, "demi": 0.5,
}  # fmt: skip
_WORD = "(?:" + "|".join(sorted(WORDS, key=len, reverse=True)) + ")"
# "and" joins only after hundred/thousand ("one hundred and twenty"), "et" only before un/onze
# ("vingt et un"), so "between five and nine years" stays two numbers.
NUMBER = (
    rf"(?:\d+(?:[.,]\d+)?|\b{_WORD}(?:(?:[\s-]+|(?<=hundred)\s+and\s+|(?<=thousand)\s+and\s+"
    rf"|\s+et\s+(?=(?:un|une|onze)\b)){_WORD})*\b)(?:\s*\(\s*\d+(?:[.,]\d+)?\s*\))?"
)


def words_to_number(text: str) -> float | None:
    """Return the value of number words ("twenty five", "vingt-cinq", "quatre-vingts")."""
    total, current, previous = 0.0, 0.0, None
    tokens = [t for t in re.split(r"[\s-]+", text.lower()) if t and t not in ("and", "et")]
    if not tokens or any(t not in WORDS for t in tokens):
        return None
    for token in tokens:
        value = WORDS[token]
        if value == 100:
            current = max(current, 1) * 100
        elif value == 1000:
            total += max(current, 1) * 1000
            current = 0
        elif value == 20 and previous == "quatre":
            current += 80 - 4  # quatre-vingt(s) = 80
        else:
            current += value
        previous = token
    return total + current


def number_value(text: str) -> float:
    """Return the value of a number as printed: "10", "ten (10)", "twenty-five", "vingt-cinq"."""
    digits = re.search(r"\(\s*(\d+(?:[.,]\d+)?)\s*\)", text)  # "ten (10)": trust the digits
    if digits:
        return float(digits.group(1).replace(",", "."))
    bare = re.match(r"\s*(\d+(?:[.,]\d+)?)", text)
    if bare:
        return float(bare.group(1).replace(",", "."))
    value = words_to_number(text)
    if value is None:
        raise ValueError(f"not a number: {text!r}")
    return value


UNIT = r"(?P<unit>years?|yrs?|months?|weeks?|days?|ans?|années?|mois|semaines?|jours?)\b"
TERM = re.compile(rf"(?P<num>{NUMBER})[\s-]*(?:'s\s+)?{UNIT}", re.IGNORECASE)
# The first number of a range may omit its unit: "from 10 to 25 years", "de dix à vingt ans".
RANGE_HEAD = re.compile(
    rf"(?P<num>{NUMBER})\s*(?:{UNIT})?\s*(?:to|and|-|–|à|au|et|until|jusqu'à)\s*$",
    re.IGNORECASE,
)

MAX_BEFORE = re.compile(
    r"(?:not exceeding|not more than|no more than|not to exceed|not over|up to|maximum(?: term)?"
    r"(?: of)?|at most|less than|under|n'excédant pas|ne dépassant pas|ne pouvant (?:excéder|"
    r"dépasser)|jusqu'à|au plus|maximum de|d'au plus|plafonnée? à|inférieure? à)"
    r"\s*(?:(?:a|the|une?) (?:term|period|durée|peine) (?:of|de)\s*)?$",
    re.IGNORECASE,
)
MIN_BEFORE = re.compile(
    r"(?:at least|not less than|no less than|minimum(?: term)?(?: of)?|more than|over|exceeding|"
    r"d'au moins|au moins|minimum de|pas inférieure? à|plus de|supérieure? à|"
    r"ne (?:peut|pouvant) être inférieure? à)"
    r"\s*(?:(?:a|the|une?) (?:term|period|durée|peine) (?:of|de)\s*)?$",
    re.IGNORECASE,
)
MIN_AFTER = re.compile(
    r"^\s*(?:au moins|at least|au minimum|minimum|or more|ou plus)\b", re.IGNORECASE
)
MAX_AFTER = re.compile(r"^\s*(?:au plus|at most|at the most|or less|maximum)\b", re.IGNORECASE)
# A number of years that is somebody's age, not a term: "a child under twelve (12) years".
AGE_BEFORE = re.compile(
    r"\b(?:aged?|age of|âgée?s? de|l'âge de|child|children|minors?|mineurs?|enfants?|persons?)"
    r"\b[^.;]{0,25}$",
    re.IGNORECASE,
)
AGE_AFTER = re.compile(r"^\s*(?:of age|old|d'âge|révolus)\b", re.IGNORECASE)

CUSTODIAL = re.compile(
    r"\b(?:imprison\w*|prison|custod\w*|jail|gaol|detention|incarcerat\w*|sentenced?|"
    r"emprisonnement|réclusion|détention|incarcération)\b",
    re.IGNORECASE,
)
LIABLE = re.compile(
    r"\b(?:liable|punish\w*|penalt\w*|sentenc\w*|convict\w*|imposed|puni(?:e|s|es)?|passible|"
    r"encour\w*|peines?|condamn\w*)\b",
    re.IGNORECASE,
)
# A duration that follows one of these words more closely than a custodial word is not a term.
OTHER_MEASURE = re.compile(
    r"\b(?:rights?|droits?|interdiction|prohibit\w*|ban|banned|suspen\w*|disqualif\w*|"
    r"probation|sursis|limitation|prescription|within|dans un délai|review|report)\b",
    re.IGNORECASE,
)
LIFE = re.compile(
    r"\b(?:life imprisonment|imprisonment for life|life sentence|imprisonment for the rest of|"
    r"(?:life|lifelong) (?:term|prison)|custody for life)\b|\bà perpétuité\b|\bperpétuité\b",
    re.IGNORECASE,
)
FINE = re.compile(r"\b(?:fines?|pecuniary penalty|amendes?)\b", re.IGNORECASE)
ALTERNATIVE = re.compile(
    r"\bor\s+(?:to\s+|by\s+|with\s+)?(?:a\s+|an\s+|the\s+)?(?:\w+\s+){0,2}(?:fine|community "
    r"service|probation|warning|reprimand)|\bor both\b|\bcommunity service\b|\bprobation\b|"
    r"\bor (?:to )?(?:one|either) of (?:these|those|the two|both|the) (?:penalties|punishments|"
    r"sentences)\b|"
    r"\bsuspended sentence|\bsentence\w*\s+(?:may be\s+)?suspended|"
    r"\bsuspend\w*\s+(?:the\s+)?(?:execution\s+of\s+(?:the\s+)?)?sentence|\bconditional discharge|"
    r"\bnon-custodial\b|\bou\s+(?:de\s+|à\s+)?l'une?\s+de\s+ces\s+(?:deux\s+)?peines|"
    r"\bou\s+(?:de\s+|d['’]\s*|à\s+)?[^.;]{0,40}?\bamendes?\b|travaux d'intérêt général|"
    r"\bsursis\b|\bstage de citoyenneté|\bavertissement\b|\bpeines? alternatives?",
    re.IGNORECASE,
)
MULTIPLIERS = [
    (
        re.compile(
            r"\b(?:tripled|triple|treble[d]?|three times|portée?s? au triple|triplée?s?)\b",
            re.IGNORECASE,
        ),
        3.0,
    ),
    (
        re.compile(
            r"\b(?:doubled|double|twice|two times|portée?s? au double|doublée?s?)\b",
            re.IGNORECASE,
        ),
        2.0,
    ),
    (re.compile(r"\b(?:increased by (?:one )?half|augmentée?s? de moitié)\b", re.IGNORECASE), 1.5),
]
DISSOLUTION = re.compile(r"\b(?:dissol(?:ved?|ution)|dissoute?s?|dissous)\b", re.IGNORECASE)
DISCRETION = re.compile(
    r"\b(?:may|might|can|peut|peuvent|pourra|pourront|last resort|dernier recours|discretion)\b",
    re.IGNORECASE,
)
PENALTY_START = re.compile(
    r"\b(?:liable|punish\w*|sentenced|imprison\w*|penalt\w*|fines?|life|dissol\w*|doubl\w*|"
    r"puni\w*|passible|encour\w*|emprisonnement|réclusion|amendes?|peines?|dissolution|double)\b",
    re.IGNORECASE,
)

# A full stop followed by a capital ends a sentence, except after "Art.", "No.", "al.", "s.".
SENTENCE_END = re.compile(r"(?<!\bArt)(?<!\bNo)(?<!\bal)(?<!\bpara)(?<!\bs)\.\s+(?=[A-ZÀ-Ý(«\"“])")

# References to the offence a penalty article punishes: "Article 3", "sections 4 and 5".
REFERENCE = re.compile(
    r"\b(?:articles?|sections?|arts?\.|ss?\.|§§?)\s*"
    r"(?P<nums>(?:\d+(?:-\d+)*(?:\s*(?:bis|ter|quater)\b|[a-z]\b)?|premier|1er)"
    r"(?:\s*\(\w+\))*(?:\s*(?:,|and|or|to|et|ou|à)\s*(?:\d+(?:\s*(?:bis|ter|quater)\b|[a-z]\b)?)"
    r"(?:\s*\(\w+\))*)*)",
    re.IGNORECASE,
)
# A reference followed by one of these is to another law, not to this statute.
EXTERNAL = re.compile(
    r"^\s*(?:\(\w+\)\s*)*(?:of|du|de|of the|de la|des)\s+(?:the\s+|la\s+|l'|le\s+)?"
    r"(?:[A-Z]|penal|criminal|code|loi|law|act|convention|statute|constitution|décret|ordonnance)",
)
WHOLE_ACT = re.compile(
    r"\b(?:offences?|crimes?) (?:under|created by|defined in|referred to in|provided for in|in) "
    r"(?:this|the present) (?:Act|Law|Part|Chapter|Code)\b|\binfractions? (?:prévues?|visées?|"
    r"définies?) (?:par|dans|à) (?:la présente loi|le présent (?:titre|chapitre))",
    re.IGNORECASE,
)
PRECEDING = re.compile(
    r"\b(?:the (?:preceding|previous|foregoing) (?:article|section)s?|l'article précédent|"
    r"aux articles précédents|the above article)\b",
    re.IGNORECASE,
)
OFFENCE_CUE = re.compile(
    r"\b(?:commits? an offence|is guilty of an offence|shall be guilty|is an offence|"
    r"constitutes an offence|shall be (?:punished|liable)|is liable (?:on conviction )?to|"
    r"(?:is|are) punishable|commet une infraction|constitue (?:une infraction|un délit|un crime)|"
    r"(?:est|sont) punie?s?|se rend coupable|est passible)\b",
    re.IGNORECASE,
)
ROMAN_NUM = {"premier": "1", "1er": "1", "first": "1"}


def normalise_number(number: str) -> str:
    """Return an article number in a comparable form: "3 bis" -> "3bis", "premier" -> "1"."""
    text = re.sub(r"\s+", "", number.strip().lower()).rstrip(".")
    return ROMAN_NUM.get(text, text)


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
OFFENCE_REF = re.compile(
    r"\b(?:offen[cs]es?|crimes?|infractions?|délits?|acts?|faits?)\s+(?:\w+\s+){0,3}?"
    r"(?:under|in|referred to in|defined in|provided for (?:in|by)|specified in|described in|"
    r"mentioned in|set out in|created by|prévue?s?|visée?s?|définie?s?|réprimée?s?)\s+"
    r"(?:(?:à|a|par|dans|aux?)\s+)?(?:l'|l’|les\s+)?(?:articles?|sections?|art\.|§)\s*"
    r"(?:\d|premier)",
    re.IGNORECASE,
)


def borrows_offence(text: str) -> bool:
    """Return whether a text punishes an offence defined in another article of the statute."""
    return any(
        referenced_numbers(text[m.start() : m.end() + 40]) for m in OFFENCE_REF.finditer(text)
    )


def is_offence_article(article: Article) -> bool:
    """Return whether an article creates an offence (by its kind, or by its wording)."""
    text = article.text
    if article.kind == ArticleKind.OFFENCE:
        return not borrows_offence(text)
    if article.kind != ArticleKind.GENERAL:
        return False
    return bool(OFFENCE_CUE.search(text)) and not referenced_numbers(text)


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


RANGE_GAP = re.compile(r"\s*(?:to|and|-|–|à|au|et|until|jusqu'à)\s*", re.IGNORECASE)


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
BARE_CUSTODIAL = re.compile(
    r"\b(?:liable|punish\w*|sentenced|condemned)\b[^.;]{0,30}\b(?:imprisonment|detention|custody|"
    r"jail|prison)\b|\bpuni\w*\s+(?:de|d['’])\s*(?:l['’]|la\s+|un\s+|une\s+)?(?:emprisonnement|"
    r"réclusion|détention)\b",
    re.IGNORECASE,
)
# An English sentence that orders a term ("shall be sentenced to twenty years") fixes it: the
# term is both the minimum and the maximum. "Liable to" (and French "puni de") states a maximum.
MANDATORY = re.compile(
    r"\bshall (?:be (?:sentenced|punished|imprisoned)|serve|receive)\b|\bis sentenced to\b|"
    r"\best condamnée? à\b",
    re.IGNORECASE,
)
PERMISSIVE = re.compile(
    r"\b(?:liable|punishable|up to|maximum|not exceeding|passible|encour\w*)\b", re.IGNORECASE
)


@dataclass
class ReadSanction(Sanction):
    """A Sanction with what the reader also knows: whether it imprisons at all.

    ``custodial`` is true for any prison term, including "liable to imprisonment" with no term
    (which the model's numeric fields cannot show).
    """

    custodial: bool = False


def read_sentence(text: str) -> dict[str, Any] | None:
    """Read the penalty facts of one sentence, or None when it states no penalty."""
    mins, maxes = _terms(text)
    if maxes and not mins and MANDATORY.search(text) and not PERMISSIVE.search(text):
        mins = [max(maxes)]  # a fixed term
    life = bool(LIFE.search(text))
    fine = bool(FINE.search(text))
    alternative = bool(ALTERNATIVE.search(text))
    custodial = bool(mins or maxes or life or BARE_CUSTODIAL.search(text))
    multiplier = None
    if LIABLE.search(text) or CUSTODIAL.search(text):
        for pattern, value in MULTIPLIERS:
            if pattern.search(text):
                multiplier = value
                break
    dissolution = bool(DISSOLUTION.search(text))
    if not (custodial or fine or alternative or multiplier or dissolution):
        return None
    punitive = custodial or multiplier or dissolution or alternative
    if fine and not punitive and not LIABLE.search(text):
        return None  # "fine" in a definition or procedure, not a penalty
    return {
        "min_months": max(mins) if mins else None,
        "max_months": max(maxes) if maxes else None,
        "life": life,
        "fine": fine,
        "non_custodial": alternative or (fine and not custodial),
        "multiplier": multiplier,
        "mandatory_dissolution": dissolution and not DISCRETION.search(text),
        "custodial": custodial,
    }


def referenced_numbers(text: str) -> list[str]:
    """Return the article numbers of this statute a text refers to ("Articles 3 to 5")."""
    numbers: list[str] = []
    for match in REFERENCE.finditer(text):
        if EXTERNAL.search(text[match.end() :]):
            continue
        nums = re.sub(r"\(\w+\)", "", match.group("nums"))
        parts = re.split(r"\s*(,|and|or|et|ou|to|à)\s*", nums)
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


def _targets(statute: Statute, article: Article, index: int, sentence: str) -> list[str | None]:
    """Return the offence article(s) a penalty in ``article`` punishes."""
    offences = [a for a in statute.articles if is_offence_article(a)]
    by_number = {normalise_number(a.number): a for a in statute.articles}
    if is_offence_article(article):
        return [article.number]
    # The nearest reference wins: the sentence, its paragraph, the paragraphs before it (a
    # penalty table's row names its offence in the cell before), the heading, the article.
    before = [p.text for p in reversed(article.paragraphs[: index - 1])]
    texts = [sentence, article.paragraphs[index - 1].text, *before, article.heading or ""]
    for text in texts:
        numbers = [n for n in referenced_numbers(text) if n in by_number]
        # "Articles 2 and 3" where 2 defines and 3 creates the offence: keep the offence.
        numbers = [n for n in numbers if is_offence_article(by_number[n])] or numbers
        if numbers:
            return list(dict.fromkeys(by_number[n].number for n in numbers))
        if WHOLE_ACT.search(text) and offences:
            return [a.number for a in offences]
    position = statute.articles.index(article)
    for earlier in reversed(statute.articles[:position]):
        if is_offence_article(earlier):
            return [earlier.number]
    return [None]


def read_sanctions(statute: Statute) -> list[Sanction]:
    """Read every penalty of the statute, attach it to its offence and fill statute.sanctions."""
    found: list[Sanction] = []
    for article in statute.articles:
        if article.kind == ArticleKind.DEFINITIONS:
            continue
        for index, para in enumerate(article.paragraphs, start=1):
            for start, end in sentences(para.text):
                sentence = para.text[start:end]
                facts = read_sentence(sentence)
                if facts is None:
                    continue
                cue = PENALTY_START.search(sentence)
                begin = start + (cue.start() if cue else 0)
                text = para.text[begin:end].rstrip()
                record = ReadSanction(
                    article=article.number, paragraph=index, start=begin,
                    end=begin + len(text), text=text, **facts,
                )  # fmt: skip
                for target in _targets(statute, article, index, sentence):
                    found.append(dataclasses.replace(record, offence_article=target))
    statute.sanctions = found
    return found


def cached_sanctions(statute: Statute, cache: dict[str, Any]) -> list[Sanction]:
    """Return the statute's sanctions, reading them once per lint run (shared by all rules)."""
    if "sanctions" not in cache:
        cache["sanctions"] = read_sanctions(statute)
    return cache["sanctions"]


def option_patterns(value: Any, language: str) -> list[re.Pattern[str]]:
    """Compile a rule option holding regexes per language ({en: [...], fr: [...]}, or a list).

    A statute in a language the option does not list is searched with every language's
    patterns, so a rule still works on a bilingual or unlabelled text.
    """
    if not value:
        return []
    if isinstance(value, str):
        raw = [value]
    elif isinstance(value, list):
        raw = list(value)
    elif language in value:
        raw = list(value[language])
    else:
        raw = [p for patterns in value.values() for p in patterns]
    # The catalogue's conventions: a space matches any whitespace, ' either apostrophe.
    return [re.compile(prepare(p), re.IGNORECASE) for p in raw]


def first_match(patterns: list[re.Pattern[str]], text: str) -> re.Match[str] | None:
    """Return the earliest match of any pattern in text, or None."""
    matches = [m for m in (p.search(text) for p in patterns) if m]
    return min(matches, key=lambda m: m.start()) if matches else None
