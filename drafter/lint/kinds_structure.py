"""Rule kinds about the statute as a whole: required provisions, references, numbering.

A missing provision is anchored where it belongs (the offence it should govern, the procedure
article, the last article), never to line 1. The kinds about defined terms are in
kinds_definitions.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..findings import Finding
from ..model import Article, ArticleKind, Statute
from ..regexes import prefilter, regex_cache
from .engine import Context, Rule, rule_kind
from .numbering import (
    article_key,
    normalise_number,
    paragraph_runs,
    run_problems,
    sequence_problems,
)
from .options import first_match, option_patterns
from .sanction_text import DEFAULT_SPEECH, offence_articles

# --- required provisions -----------------------------------------------------------------


def _provision_present(rule: Rule, context: Context) -> bool:
    """Return whether any paragraph or heading of the statute states the provision."""
    alternatives = rule.options.get("provision", {})
    if isinstance(alternatives, dict):
        raw = alternatives.get(context.language) or [
            a for alts in alternatives.values() for a in alts
        ]
    else:
        raw = list(alternatives)
    groups = [option_patterns([a] if isinstance(a, str) else a, context.language) for a in raw]
    gates = [[prefilter.gate(p) for p in group] for group in groups]
    unless = option_patterns(rule.options.get("unless"), context.language)
    kinds = {kind for kind in ArticleKind if kind.value in rule.options.get("kinds", [])}
    # The articles in which each group's every pattern may match (literal prefilters,
    # prefilter.py): the other articles cannot hold a match of the group in any of their texts.
    holders = []
    for group_gates in gates:
        admitted = context.articles
        for g in group_gates:
            admitted = context.admitted(g, admitted)
        holders.append({id(a) for a in admitted})
    anywhere = set().union(*holders)  # the articles that may hold some group
    for article in context.articles:
        if article.kind in kinds:
            return True
        if id(article) not in anywhere:
            continue
        live = [group for group, held in zip(groups, holders, strict=True) if id(article) in held]
        if not live:
            continue
        texts = [p.text for p in article.paragraphs] + _lead_in_blocks(article)
        # A heading ("Appeal") counts only if its text does not take the provision back.
        if not any(first_match(unless, t) for t in texts):
            texts.append(article.heading or "")
        for text in texts:
            if first_match(unless, text):
                continue
            if any(all(p.search(text) for p in group) for group in live):
                return True
    return False


def _lead_in_blocks(article: Article) -> list[str]:
    """Return each lead-in paragraph joined to the items it introduces.

    Defences are often written inside the offence section: "No person shall be convicted of an
    offence under subsection (1) ... (c) if the statements were made in the course of academic
    research ...". The exception words and the protected activity are then in different
    paragraphs, so the lead-in and its items are read as one provision.
    """
    blocks: list[str] = []
    paragraphs = article.paragraphs
    for index, para in enumerate(paragraphs):
        items: list[str] = []
        for following in paragraphs[index + 1 :]:
            if following.level <= para.level:
                break
            items.append(following.text)
        if items:
            blocks.append("\n".join([para.text, *items]))
    return blocks


def _speech(rule: Rule, context: Context, article: Article) -> bool:
    patterns = option_patterns(rule.options.get("speech", DEFAULT_SPEECH), context.language)
    found = context.cache.setdefault("structure.speech", {})
    key = (id(patterns), id(article))  # the same words are asked of the same offences often
    if key not in found:
        found[key] = first_match(patterns, context.article_text(article)) is not None
    return found[key]


def _anchors(rule: Rule, context: Context, offences: list[Article]) -> list[Article]:
    """Return the articles a missing-provision finding is anchored to (options.anchor)."""
    articles = context.articles
    anchor = rule.options.get("anchor", "offences")
    if anchor in ("offences", "speech_offences"):
        return offences
    if anchor == "last":
        return articles[-1:]
    wanted = {"procedure": ArticleKind.PROCEDURE, "final": ArticleKind.FINAL,
              "sanction": ArticleKind.SANCTION}.get(anchor)  # fmt: skip
    of_kind = [a for a in articles if a.kind == wanted]
    if of_kind:
        return of_kind[:1]
    return offences[:1] if offences else articles[-1:]


@rule_kind("provision-required")
def provision_required(rule: Rule, context: Context) -> Iterator[Finding]:
    """Flag a statute that lacks a provision (options.provision), where the provision belongs.

    Options: ``provision`` per language, each entry a regex or a list of regexes that must all
    match one paragraph (or heading); ``unless`` paragraphs that do not count ("no appeal
    lies"); ``kinds`` article kinds that count as the provision; ``if_offences`` ("any",
    "speech") to check only statutes with such offences; ``anchor`` where the finding goes
    ("offences", "speech_offences", "procedure", "final", "sanction", "last").
    """
    condition = rule.options.get("if_offences")
    offences = offence_articles(context)
    if condition == "speech" or rule.options.get("anchor") == "speech_offences":
        offences = [a for a in offences if _speech(rule, context, a)]
    if condition and not offences:
        return
    if _provision_present(rule, context):
        return
    anchors = _anchors(rule, context, offences)
    if not anchors:
        yield context.finding(rule, None)
    for article in anchors:
        yield context.finding(rule, article)


# --- cross-references and numbering --------------------------------------------------------


def _references(statute: Statute) -> list:
    """Return the statute's cross-references (extracting them if the reader did not)."""
    if statute.cross_references:
        return statute.cross_references
    try:  # a statute built by hand or from markup: extract with the reader's patterns
        from ..reading.extract import references_in
    except ImportError:  # pragma: no cover - the reader is part of the package
        return []
    return [r for a in statute.articles for r in references_in(a)]


def _paragraph_exists(article: Article, paragraph: str | None, item: str | None) -> bool:
    top = [p for p in article.paragraphs if p.level == 0]
    if paragraph is not None:
        numbered = [p for p in top if p.number]
        if numbered:
            if not any(p.number == paragraph for p in numbered):
                return False
        elif not (paragraph.isdigit() and 1 <= int(paragraph) <= len(top)):
            return False
    if item is not None:
        return any(p.number == item for p in article.paragraphs)
    return True


# What follows a reference to another instrument, even after a spaced sub-reference.
OTHER_INSTRUMENT = regex_cache.compile(
    r"^\s*(?:\(\w{1,4}\)\s*)*,?\s*(?:of|in|under|du|de la|de l'|des)\s+(?!this\b|the present\b|"
    r"la présente\b|le présent\b)(?:the\s+)?(?:[A-Z]|code|law|act|loi|convention|décret|"
    r"title \d)",  # "section 1091(a) of title 18, United States Code"
)


AMENDING = regex_cache.compile(
    r"\b(?:is|are|be) (?:hereby )?amended\b|\binsert(?:ing|ed)?\b|\bsubstitut\w*|\brepeal\w*|"
    r"\b(?:to )?read as follows\b|\best (?:ainsi )?modifiée?\b|\binsérée?s?\b|\bremplacée?s?\b|"
    r"\babrogée?s?\b|\bainsi rédigée?s?\b|\brédigée?s? comme suit\b",
    re.IGNORECASE,
)
# Quoted text an amending provision inserts: its references are to the amended law.
QUOTE_OPENS = regex_cache.compile(r"^\s*(?:[«“\"]|‘‘|``|')")
QUOTE_CLOSES = regex_cache.compile(r"(?:[»”\"]|’’|'')\s*[.;,]*\s*$")
# A citation of another instrument before the reference: "Public Order Act 1986 (c. 64),
# section 27", "Law No. 2016/007 ... Penal Code, section 74", "R.S., 1985, c. C-46, s. 318".
CITED_BEFORE = regex_cache.compile(
    r"(?:(?<!\bthis )(?<!\bpresent )\b(?:Act|Code|Law|Ordinance|Decree|Regulations?|Constitution|"
    r"Convention)\b(?:\s+(?:No\.?\s*)?[\w/.-]*\d[\w/.-]*)?(?:\s*\([^()]{0,20}\))?|"
    r"\bc\.\s*[A-Z]?-?\d+)\s*,\s*$"
)


def _cited_before(before: str) -> bool:
    """Return whether the text before a reference ends with a citation (CITED_BEFORE).

    A match ends with a comma and blanks only: the usual text before a reference does not,
    and is not searched (the regex is tried at each of its positions).
    """
    return before.rstrip().endswith(",") and CITED_BEFORE.search(before) is not None


def quoted_paragraphs(article: Article) -> set[int]:
    """Return the (1-based) paragraphs of quoted text that an amending provision inserts.

    "Il est inséré ... un article 24 bis ainsi rédigé :" or "is amended to read as follows:"
    is followed by paragraphs opening with a quote, up to the one that closes it.
    """
    quoted: set[int] = set()
    inside = False
    for index, para in enumerate(article.paragraphs, start=1):
        text = para.text
        if inside or (index > 1 and QUOTE_OPENS.match(text) and _introduces(article, index)):
            quoted.add(index)
            inside = not QUOTE_CLOSES.search(text)
    return quoted


def _introduces(article: Article, index: int) -> bool:
    """Return whether the paragraph before ``index`` (or one quoted after it) introduces text."""
    for para in reversed(article.paragraphs[: index - 1]):
        if not QUOTE_OPENS.match(para.text):
            return para.text.rstrip().endswith((":", "—", "-")) and bool(AMENDING.search(para.text))
    return False


@rule_kind("broken-cross-reference")
def broken_cross_reference(rule: Rule, context: Context) -> Iterator[Finding]:
    """Flag a reference to an article, paragraph or item that the statute does not have."""
    statute = context.statute
    by_number = {normalise_number(a.number): a for a in context.articles}
    quoted: dict[int, set[int]] = {}
    amending = prefilter.gate(AMENDING)  # most paragraphs hold none of its words
    for ref in _references(statute):
        where = context.article(ref.article)
        if where is None:
            continue
        if not 1 <= ref.paragraph <= len(where.paragraphs):
            continue  # a reference the reader placed outside the text (a heading)
        text = where.paragraphs[ref.paragraph - 1].text
        if OTHER_INSTRUMENT.match(text[ref.end :]):
            continue  # "section 6 (1) of the Code of International Criminal Law"
        if _cited_before(text[max(0, ref.start - 120) : ref.start]):
            continue  # "Public Order Act 1986 (c. 64), section 27"
        if id(where) not in quoted:
            quoted[id(where)] = quoted_paragraphs(where)
        if ref.paragraph in quoted[id(where)]:
            continue  # « Art. 24 bis. - ... l'article 23 » inserted into another law
        paragraph = where.paragraphs[ref.paragraph - 1]
        if amending.admits(context.folded(paragraph)) and AMENDING.search(paragraph.text):
            continue  # an amending provision cites the amended law's numbering
        target = by_number.get(normalise_number(ref.target_article))
        if target is not None and _paragraph_exists(target, ref.target_paragraph, ref.target_item):
            continue
        missing = "article" if target is None else "paragraph or item"
        yield context.finding(
            rule, where, ref.paragraph, ref.start, ref.end,
            f"{rule.message} ({ref.text!r}: no such {missing} in this statute.)",
        )  # fmt: skip


def _numbering_problems(context: Context) -> tuple[list[Any], list[tuple[Any, ...]]]:
    """Return the numbering problems of the articles, then of their paragraphs and items.

    Both numbering rules need the same reading of every number; it is done once per lint run
    (the statute does not change while the rules run), each rule keeping its own kind.
    """

    def compute() -> tuple[list[Any], list[tuple[Any, ...]]]:
        articles = context.articles
        top = list(sequence_problems([(a, article_key(a.number)) for a in articles]))
        inner = [
            (article, *problem)
            for article in articles
            for run in paragraph_runs(article)
            for problem in run_problems(run)
        ]
        return top, inner

    return context.memo("structure.numbering", compute)


@rule_kind("numbering-gap")
def numbering_gap(rule: Rule, context: Context) -> Iterator[Finding]:
    """Flag a jump in the numbering of articles, paragraphs or items ("3, 5"; "(a), (c)")."""
    top, inner = _numbering_problems(context)
    for article, kind, previous in top:
        if kind == "gap" and previous is not None:
            yield context.finding(rule, article, message=f"{rule.message} ({previous.caption} "
                                  f"is followed by {article.caption}.)")  # fmt: skip
    for article, index, number, kind, expected in inner:
        if kind == "gap":
            message = f"{rule.message} ({number!r} where {expected} was expected.)"
            yield context.finding(rule, article, index, message=message)


@rule_kind("numbering-duplicate")
def numbering_duplicate(rule: Rule, context: Context) -> Iterator[Finding]:
    """Flag two articles, paragraphs or items printed with the same number."""
    top, inner = _numbering_problems(context)
    for article, kind, _ in top:
        if kind == "duplicate":
            yield context.finding(rule, article, message=f"{rule.message} ({article.caption} "
                                  "appears twice.)")  # fmt: skip
    for article, index, number, kind, _ in inner:
        if kind == "duplicate":
            message = f"{rule.message} (({number}) appears twice.)"
            yield context.finding(rule, article, index, message=message)


# The options each kind accepts; the catalogue validates checks/ files against them.
_SET = {
    "type": "object",
    "patternProperties": {"^[a-z]{2,3}$": {"type": "array", "items": {"type": "string"}}},
    "additionalProperties": False,
}
_ALTERNATIVES = {  # per language: a regex, or a list of regexes that must all match
    "type": "object",
    "patternProperties": {
        "^[a-z]{2,3}$": {
            "type": "array",
            "items": {
                "anyOf": [
                    {"type": "string"},
                    {"type": "array", "items": {"type": "string"}, "minItems": 1},
                ]
            },
        }
    },
    "additionalProperties": False,
}
_NONE = {"type": "object", "additionalProperties": False}
OPTIONS_SCHEMA: dict[str, dict] = {
    "provision-required": {
        "type": "object",
        "required": ["provision"],
        "properties": {
            "provision": _ALTERNATIVES,
            "unless": _SET,
            "speech": _SET,
            "kinds": {"type": "array", "items": {"enum": [k.value for k in ArticleKind]}},
            "if_offences": {"enum": ["any", "speech", None]},
            "anchor": {
                "enum": ["offences", "speech_offences", "procedure", "final", "sanction", "last"]
            },
        },
        "additionalProperties": False,
    },
    "broken-cross-reference": _NONE,
    "numbering-gap": _NONE,
    "numbering-duplicate": _NONE,
}
