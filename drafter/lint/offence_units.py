"""The offence-creating provisions of an article, for rules that require an element per offence.

An article often creates several offences ("(1) Every person who ... incites hatred ... is
guilty"; "(2) Every person who ... wilfully promotes hatred ... is guilty") and holds other
provisions: definitions ("(2) In this section, genocide means ... committed with intent to
destroy"), defences ("(3) No person shall be convicted ... if ... intended to point out"),
consent and penalty paragraphs. An element (intent, a public element, likelihood) stated in one
offence does not make another offence lawful, and words in a definition or a defence are not
elements of the offence at all.

A *provision* is a level-0 paragraph with its items (and an unnumbered paragraph in lower case
that continues it: "..., which is threatening ... commits an offence if ..."). A provision
creates an offence when its text alone reads as an offence (reading.classify.kind_from_text)
and it does not borrow its conduct from another provision ("an offence under subsection (1)",
"the utterances referred to in subsection (1)"). The items of "a person who—" are alternative
conducts: each is judged with the lead-in and the closing words, so that "(c) the public
performance of a play" does not supply the public element of "(a) uses ... words".
Provisions that create no offence, define no term and open no defence ("(3) An offence under
this section is committed only if the person intends ...") state elements for every offence of
the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Article, ArticleKind, Paragraph
from ..reading.classify import CONDUCT_SUBJECT, DEFINITION, kind_from_text
from ..regexes import regex_cache
from .nlp import exception_lead

# "In this section—", "For the purposes of this Act:" and the French equivalents open a list of
# definitions: the items below them define terms, they state no element of an offence.
DEFINITION_LEAD = regex_cache.compile(
    r"^\W*(?:\(\w+(?:\.\d+)?\)\s*)?(?:in|for the purposes? of) this (?:act|law|section|article|part|"
    r"chapter|code|subsection)\b[^.]{0,60}(?:[:—–-]|\bmeans\b|\bincludes?\b)|"
    r"^\W*(?:\(\w+\)\s*)?(?:au sens|pour l['’]application) (?:de la présente loi|du présent "
    r"(?:article|chapitre|code|titre))\b",
    re.IGNORECASE,
)
# A provision that takes its conduct from another one: it adds a penalty, a liability or a
# wider circle of offenders to that offence, whose elements it shares.
BORROWED = regex_cache.compile(
    r"\boffen[cs]es? (?:under|against|referred to in|mentioned in|described in|created by|in) "
    r"(?:this |that |the preceding )?(?:sub)?(?:sections?|articles?|paragraphs?|part|act|law)\b|"
    r"\b(?:referred to|mentioned|described|specified) in (?:sub)?(?:sections?|articles?|"
    r"paragraphs?)\b|\bcontraven\w*|\bin (?:breach|contravention) of\b|"
    r"\binfractions? (?:prévue|visée|définie|mentionnée)s? (?:à|au|aux|par)\b|"
    r"\bfaits? (?:prévus?|visés?|mentionnés?) (?:à|au|aux|par)\b|"
    r"\b(?:visée?s?|mentionnée?s?|prévue?s?) (?:à|au|aux) (?:l['’])?(?:alinéa|article|paragraphe)|"
    # "Quiconque commet l'infraction est puni ...": the offence stated just above.
    r"\b(?:commits?|guilty of|convicted of) (?:the|this|that|such an?|such) (?:offen[cs]e|crime)\b"
    r"(?! of\b)|\b(?:commet|coupable de|condamnée? pour) (?:l['’]\s?|cette )(?:infraction|crime|"
    r"délit)\b(?!\s+(?:de|d['’]))",
    re.IGNORECASE,
)
# A lead-in whose items are alternative conducts of the offender: "a person who—", "is
# characterised by any conduct ..., notamment :", "commits any of the following acts ...:".
ALTERNATIVES_LEAD = regex_cache.compile(
    r"\b(?:who|whoever|quiconque|qui|le fait(?:,[^,]{0,40},)? de|notamment|including|namely|"
    r"such as)\s*[—–:-]?\s*$|"
    r"\b(?:any|one) of the following\b[^.;]*[—–:-]\s*$|"
    r"\bl['’]une? des (?:actes|faits|comportements|agissements) suivants\b[^.;]*[—–:-]\s*$",
    re.IGNORECASE,
)
# Where the closing words of a "who—" list start inside its last item.
CLOSING = regex_cache.compile(
    r"[,;]\s+((?:which|that|and thereby|commits?|is guilty|shall be|qui|commet|est puni)\b.*)$",
    re.IGNORECASE | re.DOTALL,
)
# A heading or marginal note read as a paragraph states nothing ("Wilful promotion of hatred").
MIN_WORDS = 6


@dataclass
class Provision:
    """A level-0 paragraph with its items: paragraphs ``first`` to ``last`` (0-based, inclusive)."""

    first: int
    last: int
    kind: str  # "offence", "definition", "exception" or "other"
    alternatives: bool = False  # items are alternative conducts of a "who—" lead-in


def provisions(article: Article, language: str) -> list[Provision]:
    """Return the provisions of an article, each with what it does."""
    paras = article.paragraphs
    spans: list[list[int]] = []
    for i, para in enumerate(paras):
        if spans and (para.level > 0 or _continues(para)):
            spans[-1][1] = i
        else:
            spans.append([i, i])
    return [_provision(paras, first, last, language) for first, last in spans]


def _continues(para: Paragraph) -> bool:
    """Return whether an unnumbered level-0 paragraph continues the provision above it."""
    text = para.text.lstrip()
    return para.number is None and bool(text) and text[0].islower()


def _provision(paras: list[Paragraph], first: int, last: int, language: str) -> Provision:
    lead = paras[first].text
    text = "\n".join(p.text for p in paras[first : last + 1])
    lang = language if language in DEFINITION else "en"
    if DEFINITION_LEAD.search(lead) or DEFINITION[lang].found(lead):
        return Provision(first, last, "definition")
    if exception_lead(language, lead):
        return Provision(first, last, "exception")
    if kind_from_text(text, language) == ArticleKind.OFFENCE and not BORROWED.search(text):
        alternatives = last > first and bool(ALTERNATIVES_LEAD.search(lead))
        return Provision(first, last, "offence", alternatives)
    return Provision(first, last, "other")


def _item_text(paras: list[Paragraph], provision: Provision) -> list[tuple[int, str]]:
    """Return (paragraph index, text) of each reading of an offence provision.

    One reading in general; with alternative items, one per item: the lead-in, the item (with
    its sub-items) and the closing words after the last item.
    """
    span = range(provision.first, provision.last + 1)
    if not provision.alternatives:
        return [(provision.first, _without_definitions(paras, span))]
    lead = paras[provision.first].text
    tail = [i for i in span if i > provision.first and paras[i].level == 0]
    closing = "\n".join(paras[i].text for i in tail)
    items = [i for i in span if paras[i].level == 1]
    if not tail and items:
        # The closing words run on in the last item ("(e) ... a programme, which is
        # threatening, commits an offence if ...") when the text was not split there.
        found = CLOSING.search(paras[items[-1]].text)
        closing = found.group(1) if found else ""
    readings = []
    for n, start in enumerate(items):
        end = items[n + 1] if n + 1 < len(items) else (tail[0] if tail else provision.last + 1)
        body = _without_definitions(paras, range(start, end))
        readings.append((start, f"{lead}\n{body}\n{closing}"))
    return readings or [(provision.first, _without_definitions(paras, span))]


def _text(paras: list[Paragraph], provision: Provision) -> str:
    return "\n".join(p.text for p in paras[provision.first : provision.last + 1])


def _without_definitions(paras: list[Paragraph], span: range) -> str:
    """Return the text of paragraphs, leaving out items that define a term."""
    return "\n".join(paras[i].text for i in span if not _defines(paras[i].text))


def _defines(text: str) -> bool:
    return DEFINITION["en"].found(text) or DEFINITION["fr"].found(text)


def shared_text(article: Article, found: list[Provision], language: str) -> str:
    """Return the text of the provisions that state elements for every offence of the article.

    Such a provision ("An offence under this section is committed only if ...", "Explanation.—
    It is immaterial whether the words were spoken in public or in private") names no offender
    of its own: one that does ("(2.1) Every person who ...") is an offence whose penalty the
    reader did not find, not a general element.
    """
    paras = article.paragraphs
    lang = language if language in CONDUCT_SUBJECT else "en"
    out = []
    for provision in found:
        if provision.kind != "other":
            continue
        text = _text(paras, provision)
        if len(text.split()) >= MIN_WORDS and not CONDUCT_SUBJECT[lang].found(text):
            out.append(text)
    return "\n".join(out)


def element_gap(
    article: Article,
    language: str,
    element: re.Pattern[str],
    applies_if: re.Pattern[str] | None,
    found: list[Provision],
    borrowed: re.Pattern[str] | None = None,
) -> int | None:
    """Return the 1-based paragraph of the first offence reading that lacks the element.

    None if every offence reading (subject to ``applies_if``) holds it, alone or through the
    article's shared provisions. With no offence provision, the article's text outside its
    definitions and defences is one reading. Offence provisions matching ``borrowed`` (the
    rule's ``skip_if``: "an attempt to commit an offence under section 3") are not judged.
    """
    paras = article.paragraphs
    offences = [p for p in found if p.kind == "offence"]
    shared = shared_text(article, found, language)
    if shared and element.search(shared):
        return None
    if not offences:
        if borrowed is not None:
            return None
        kept = [p for p in found if p.kind == "other"]
        text = "\n".join(_without_definitions(paras, range(p.first, p.last + 1)) for p in kept)
        return None if element.search(text) else (kept[0].first + 1 if kept else 1)
    readings = [
        (index, text, provision)
        for provision in offences
        for index, text in _item_text(paras, provision)
    ]
    if applies_if is not None:
        # Only the offences the rule is about (speech, denial...); if the words that make the
        # rule apply are in the heading alone, every offence of the article is.
        relevant = [r for r in readings if applies_if.search(r[1])]
        readings = relevant or readings
    for index, text, provision in readings:
        if borrowed is not None and borrowed.search(_text(paras, provision)):
            continue
        if not element.search(text):
            return index + 1
    return None
