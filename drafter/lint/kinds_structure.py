"""Rule kinds about the statute as a whole: required provisions, definitions, references, numbers.

A missing provision is anchored where it belongs (the offence it should govern, the procedure
article, the last article), never to line 1. Definitions come from terms.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..findings import Finding
from ..model import Article, ArticleKind, Definition, Statute
from .engine import Context, Rule, rule_kind
from .kinds_sanctions import DEFAULT_SPEECH
from .numbering import (
    article_key,
    normalise_number,
    paragraph_runs,
    run_problems,
    sequence_problems,
)
from .patterns import prepare
from .sanctions import first_match, is_offence_article, option_patterns
from .terms import (
    GENERAL_REFERRAL,
    QUOTED,
    REFERRAL,
    defined_by_reference,
    definition_body,
    definition_path,
    definitions,
    derived_use,
    extends_or_corresponds,
    is_definitions_article,
    normalise_term,
    term_pattern,
    uses_term,
)


def _cached_definitions(context: Context) -> list[Definition]:
    if "definitions" not in context.cache:
        context.cache["definitions"] = definitions(context.statute)
    return context.cache["definitions"]


def _definition_at(context: Context, rule: Rule, d: Definition, message: str) -> Finding:
    article = context.statute.article(d.article)
    if article is None or not 1 <= d.paragraph <= len(article.paragraphs):
        return context.finding(rule, article, message=message)
    text = article.paragraphs[d.paragraph - 1].text
    match = term_pattern(d.term, stem=False).search(text)
    if match:
        return context.finding(rule, article, d.paragraph, match.start(), match.end(), message)
    return context.finding(rule, article, d.paragraph, message=message)


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
    groups = [
        [re.compile(prepare(p), re.IGNORECASE) for p in ([a] if isinstance(a, str) else a)]
        for a in raw
    ]
    unless = option_patterns(rule.options.get("unless"), context.language)
    kinds = set(rule.options.get("kinds", []))
    for article in context.statute.articles:
        if article.kind.value in kinds:
            return True
        texts = [p.text for p in article.paragraphs] + _lead_in_blocks(article)
        # A heading ("Appeal") counts only if its text does not take the provision back.
        if not any(first_match(unless, t) for t in texts):
            texts.append(article.heading or "")
        for text in texts:
            if first_match(unless, text):
                continue
            if any(all(p.search(text) for p in group) for group in groups):
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
    return first_match(patterns, f"{article.heading or ''}\n{article.text}") is not None


def _anchors(rule: Rule, context: Context, offences: list[Article]) -> list[Article]:
    """Return the articles a missing-provision finding is anchored to (options.anchor)."""
    articles = context.statute.articles
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
    offences = [a for a in context.statute.articles if is_offence_article(a)]
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


# --- definitions -------------------------------------------------------------------------


def _defined(patterns: list[re.Pattern[str]], defined: list[Definition]) -> bool:
    for d in defined:
        term = normalise_term(d.term)
        parts = [term, *re.split(r"\s*(?:,|\band\b|\bor\b|\bet\b|\bou\b)\s*", term)]
        if any(first_match(patterns, part) for part in parts if part):
            return True
    return False


def _heading_like(article: Article, index: int) -> bool:
    """Return whether a paragraph is really the article's heading, left in the text by a reader."""
    text = article.paragraphs[index - 1].text.strip()
    return (
        index == 1
        and not article.heading
        and len(text.split()) <= 6
        and not text.endswith((".", ":", ";"))
    )


@rule_kind("undefined-operative-term")
def undefined_operative_term(rule: Rule, context: Context) -> Iterator[Finding]:
    """Flag an operative term (options.terms) used in an offence but defined nowhere."""
    statute = context.statute
    defined = _cached_definitions(context)
    if any(GENERAL_REFERRAL.search(a.text) for a in statute.articles):
        return
    offences = [a for a in statute.articles if is_offence_article(a)]
    for spec in rule.options.get("terms", []):
        uses = option_patterns(spec.get("uses"), context.language)
        if _defined(option_patterns(spec.get("defined"), context.language), defined):
            continue
        if defined_by_reference(statute, uses):
            continue
        inside = [term_pattern(d.term, stem=False) for d in defined if " " in d.term.strip()]
        for unit in context.units(offences):
            text = unit.paragraph.text
            if _heading_like(unit.article, unit.index):
                continue
            # A use inside a defined phrase ("genocide ideology", "crime de génocide constaté")
            # is a use of that defined phrase, not of the bare term.
            covered = [(m.start(), m.end()) for p in inside for m in p.finditer(text)]
            matches = [
                m for p in uses for m in p.finditer(text)
                if not any(s <= m.start() and m.end() <= e for s, e in covered)
            ]  # fmt: skip
            match = min(matches, key=lambda m: m.start()) if matches else None
            if match is None:
                continue
            sentence_end = text.find(".", match.end())
            around = text[max(0, match.start() - 40) : sentence_end if sentence_end > 0 else None]
            if REFERRAL.search(around):
                break
            yield context.finding(
                rule, unit.article, unit.index, match.start(), match.end(),
                f"{rule.message} ({spec['name']!r} is not defined.)",
            )  # fmt: skip
            break  # one finding per term: the first use


@rule_kind("circular-definition")
def circular_definition(rule: Rule, context: Context) -> Iterator[Finding]:
    """Flag a definition that uses its own term, or a cycle of definitions."""
    defined = _cached_definitions(context)
    terms = {normalise_term(d.term): d for d in defined}
    edges = {
        t: {u for u in terms if u != t and uses_term(terms[u].term, definition_body(d))}
        for t, d in terms.items()
    }
    reported: set[frozenset[str]] = set()
    for term, d in terms.items():
        if extends_or_corresponds(context.statute, d):
            continue
        derived = derived_use(d.term, definition_body(d))
        if uses_term(d.term, definition_body(d)) or derived:
            how = f"by {derived!r}" if derived else "by itself"
            yield _definition_at(context, rule, d, f"{rule.message} {d.term!r} is defined "
                                                  f"{how}.")  # fmt: skip
            continue
        for other in edges[term]:
            path = definition_path(edges, other, term)
            if path and frozenset(path) not in reported:
                reported.add(frozenset(path))
                cycle = " -> ".join([term, *path])
                yield _definition_at(context, rule, d, f"{rule.message} ({cycle})")


@rule_kind("defined-but-unused")
def defined_but_unused(rule: Rule, context: Context) -> Iterator[Finding]:
    """Flag a defined term that no other provision uses."""
    statute = context.statute
    for d in _cached_definitions(context):
        pattern = term_pattern(d.term, language=context.language)
        used = False  # the title does not count: a definition serves the provisions
        for article in statute.articles:
            if used:
                break
            if pattern.search(article.heading or "") and article.number != d.article:
                used = True
            for index, para in enumerate(article.paragraphs, start=1):
                text = para.text
                if article.number == d.article and index == d.paragraph:
                    continue
                if pattern.search(text):
                    used = True
                    break
        if not used:
            yield _definition_at(context, rule, d, f"{rule.message} ({d.term!r})")


@dataclass
class _Use:
    article: Article
    index: int
    start: int
    end: int
    term: str


def _quoted_uses(rule: Rule, context: Context) -> Iterator[_Use]:
    reference = option_patterns(rule.options.get("reference"), context.language)
    quoted = re.compile(r"\b(?:the|a|an|le|la|les|du|des|de la|l')\s*" + QUOTED, re.IGNORECASE)
    introducers = re.compile(
        r"(?:hereinafter|referred to as|called|known as|ci-après|dénomm|"
        r"means|désigne|entend par|\()\W*(?:the\W+|le\W+|la\W+)?$",
        re.IGNORECASE,
    )
    phrase = re.compile(r"(?P<term>(?:[\w'’-]+\s+){0,3}[\w'’-]+)\s*,?\s*$")
    # Leading function words and verbs are not part of the term ("who manifests X").
    lead = re.compile(
        r"^(?:(?:who|which|that|the|a|an|any|of|qui|que|le|la|les|l'|de|du|des|"
        r"\w+s)\s+)+",
        re.IGNORECASE,
    )
    for unit in context.units(context.statute.articles):
        if is_definitions_article(unit.article):
            continue
        text = unit.paragraph.text
        for pattern in reference:
            for match in pattern.finditer(text):
                head = phrase.search(text[: match.start()])
                if head:
                    term = head.group("term")
                    trimmed = lead.sub("", term) if len(term.split()) > 1 else term
                    term = trimmed if trimmed.strip() else term
                    start = head.end("term") - len(term)
                    yield _Use(unit.article, unit.index, start, match.end(), term)
        for match in quoted.finditer(text):
            term = match.group("term")
            if not term[:1].isupper() or introducers.search(text[: match.start("term") - 1]):
                continue
            if re.match(r"\s*,?\s*(?:means|includes|désigne|s'entend)", text[match.end() :]):
                continue
            yield _Use(unit.article, unit.index, match.start("term"), match.end("term"), term)


# Capitalised nouns that name institutions, instruments or events, not defined terms.
PROPER = frozenset(
    re.findall(
        r"\w+",
        """act acts law laws article articles section sections part chapter title code constitution
    convention court courts tribunal minister ministry government parliament assembly
    president republic state states commission council gazette prosecutor prosecutions
    director attorney general official journal decree ordinance schedule annex resolution
    genocide holocaust bill regulation regulations rules police office board authority
    agency committee union nations cabinet senate judge justice crown chief secretary
    registrar god internet english french january february march april may june july august
    september october november december monday tuesday wednesday thursday friday saturday
    sunday""",
    )
)
CAPITALISED = re.compile(r"(?<=[a-z,;] )(?P<term>[A-Z][a-z]{3,})(?= [a-z])")  # mid-sentence


def _capitalised_uses(context: Context) -> Iterator[_Use]:
    """Yield single words capitalised mid-sentence, as defined terms are, but lower case elsewhere.

    "advocates Hatred against" when the statute also says "hatred": the capital marks a
    defined term. Institutions and names (PROPER, or never written in lower case) are skipped.
    """
    if context.language != "en":
        return  # French capitalises institutions, not defined terms
    statute = context.statute
    whole = "\n".join(f"{a.heading or ''}\n{a.text}" for a in statute.articles)
    for unit in context.units(statute.articles):
        if is_definitions_article(unit.article):
            continue
        text = unit.paragraph.text
        for match in CAPITALISED.finditer(text):
            word = match.group("term")
            if word.lower() in PROPER:
                continue
            before = text[: match.start()].split()
            # Part of a name: "National Harmony Commission", "Court of Appeal".
            if before and before[-1][:1].isupper():
                continue
            if len(before) > 1 and before[-1] in ("of", "for", "on") and before[-2][:1].isupper():
                continue
            if re.search(rf"\b{word.lower()}\b", whole):
                yield _Use(unit.article, unit.index, match.start(), match.end(), word)


@rule_kind("used-but-undefined")
def used_but_undefined(rule: Rule, context: Context) -> Iterator[Finding]:
    """Flag a term used as a defined term ("as defined in this Act", the "Commission") undefined."""
    defined = _cached_definitions(context)
    patterns = [term_pattern(d.term) for d in defined]
    uses = list(_quoted_uses(rule, context))
    if rule.options.get("capitalised", True):
        uses += list(_capitalised_uses(context))
    for use in uses:
        if any(p.search(use.term) for p in patterns):
            continue
        yield context.finding(rule, use.article, use.index, use.start, use.end,
                              f"{rule.message} ({use.term!r})")  # fmt: skip


@rule_kind("duplicate-definition")
def duplicate_definition(rule: Rule, context: Context) -> Iterator[Finding]:
    """Flag a term defined more than once."""
    first: dict[str, Definition] = {}
    for d in _cached_definitions(context):
        key = normalise_term(d.term)
        if key in first and (first[key].article, first[key].paragraph) != (d.article, d.paragraph):
            where = f"{first[key].article}"
            yield _definition_at(context, rule, d, f"{rule.message} ({d.term!r} is already "
                                                   f"defined in article {where}.)")  # fmt: skip
        first.setdefault(key, d)


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
OTHER_INSTRUMENT = re.compile(
    r"^\s*(?:\(\w{1,4}\)\s*)*,?\s*(?:of|in|under|du|de la|de l'|des)\s+(?!this\b|the present\b|"
    r"la présente\b|le présent\b)(?:the\s+)?(?:[A-Z]|code|law|act|loi|convention|décret)",
)


AMENDING = re.compile(
    r"\b(?:is|are|be) (?:hereby )?amended\b|\binsert(?:ing|ed)?\b|\bsubstitut\w*|\brepeal\w*|"
    r"\best (?:ainsi )?modifiée?\b|\binsérée?s?\b|\bremplacée?s?\b|\babrogée?s?\b",
    re.IGNORECASE,
)


@rule_kind("broken-cross-reference")
def broken_cross_reference(rule: Rule, context: Context) -> Iterator[Finding]:
    """Flag a reference to an article, paragraph or item that the statute does not have."""
    statute = context.statute
    by_number = {normalise_number(a.number): a for a in statute.articles}
    for ref in _references(statute):
        where = statute.article(ref.article)
        if where is None:
            continue
        if not 1 <= ref.paragraph <= len(where.paragraphs):
            continue  # a reference the reader placed outside the text (a heading)
        after = where.paragraphs[ref.paragraph - 1].text[ref.end :]
        if OTHER_INSTRUMENT.match(after):
            continue  # "section 6 (1) of the Code of International Criminal Law"
        if AMENDING.search(where.paragraphs[ref.paragraph - 1].text):
            continue  # an amending provision cites the amended law's numbering
        target = by_number.get(normalise_number(ref.target_article))
        if target is not None and _paragraph_exists(target, ref.target_paragraph, ref.target_item):
            continue
        missing = "article" if target is None else "paragraph or item"
        yield context.finding(
            rule, where, ref.paragraph, ref.start, ref.end,
            f"{rule.message} ({ref.text!r}: no such {missing} in this statute.)",
        )  # fmt: skip


@rule_kind("numbering-gap")
def numbering_gap(rule: Rule, context: Context) -> Iterator[Finding]:
    """Flag a jump in the numbering of articles, paragraphs or items ("3, 5"; "(a), (c)")."""
    articles = context.statute.articles
    for article, kind, previous in sequence_problems([(a, article_key(a.number)) for a in
                                                        articles]):  # fmt: skip
        if kind == "gap" and previous is not None:
            yield context.finding(rule, article, message=f"{rule.message} ({previous.caption} "
                                  f"is followed by {article.caption}.)")  # fmt: skip
    for article in articles:
        for run in paragraph_runs(article):
            for index, number, kind, expected in run_problems(run):
                if kind == "gap":
                    message = f"{rule.message} ({number!r} where {expected} was expected.)"
                    yield context.finding(rule, article, index, message=message)


@rule_kind("numbering-duplicate")
def numbering_duplicate(rule: Rule, context: Context) -> Iterator[Finding]:
    """Flag two articles, paragraphs or items printed with the same number."""
    articles = context.statute.articles
    for article, kind, _ in sequence_problems([(a, article_key(a.number)) for a in articles]):
        if kind == "duplicate":
            yield context.finding(rule, article, message=f"{rule.message} ({article.caption} "
                                  "appears twice.)")  # fmt: skip
    for article in articles:
        for run in paragraph_runs(article):
            for index, number, kind, _ in run_problems(run):
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
_TERMS = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["name", "uses", "defined"],
        "properties": {"name": {"type": "string"}, "uses": _SET, "defined": _SET},
        "additionalProperties": False,
    },
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
    "undefined-operative-term": {
        "type": "object",
        "required": ["terms"],
        "properties": {"terms": _TERMS},
        "additionalProperties": False,
    },
    "used-but-undefined": {
        "type": "object",
        "properties": {"reference": _SET, "capitalised": {"type": "boolean"}},
        "additionalProperties": False,
    },
    "circular-definition": _NONE,
    "defined-but-unused": _NONE,
    "duplicate-definition": _NONE,
    "broken-cross-reference": _NONE,
    "numbering-gap": _NONE,
    "numbering-duplicate": _NONE,
}
