"""Which articles create offences, and which articles of the statute a text refers to.

A penalty is attached to the offence it punishes (sanctions.py): its own article if that
creates the offence (``is_offence_article``), else the article it names ("the offence referred
to in Article 3", ``referenced_numbers``). An article that punishes an offence defined in
another one ("an offence under section 3") is a penalty article, not an offence.
"""

from __future__ import annotations

import re

from ..model import Article, ArticleKind
from ..regexes import regex_cache
from .numbering import normalise_number
from .penalty_sentence import MayMatch, no_prefilter

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
OFFENCE_CUE = regex_cache.compile(
    r"\b(?:commits? an offence|is guilty of an offence|shall be guilty|is an offence|"
    r"constitutes an offence|shall be (?:punished|liable)|is liable (?:on conviction )?to|"
    r"(?:is|are) punishable|commet une infraction|constitue (?:une infraction|un délit|un crime)|"
    r"(?:est|sont) punie?s?|se rend coupable|est passible)\b",
    re.IGNORECASE,
)


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


def borrows_offence(text: str, may_match: MayMatch = no_prefilter) -> bool:
    """Return whether a text punishes an offence defined in another article of the statute."""
    if may_match(WHO_COMMITS) and WHO_COMMITS.search(text):
        return True
    return may_match(OFFENCE_REF) and any(
        referenced_numbers(text[m.start() : m.end() + 40]) for m in OFFENCE_REF.finditer(text)
    )


def is_offence_article(article: Article, may_match: MayMatch = no_prefilter) -> bool:
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
