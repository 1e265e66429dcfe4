"""Rule kinds about defined terms: undefined, unused, circular, duplicate, used as defined.

Definitions come from terms.py and are read once per lint run (``cached_definitions``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..findings import Finding
from ..model import Article, Definition
from ..regexes import prefilter, regex_cache
from .engine import Context, Rule, rule_kind
from .options import first_match, option_patterns
from .sanction_text import offence_articles
from .terms import (
    GENERAL_REFERRAL,
    QUOTED,
    REFERRAL,
    defined_by_condition,
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


def cached_definitions(context: Context) -> list[Definition]:
    """Return the statute's definitions, read once per lint run (shared by every rule)."""
    return context.memo("definitions", lambda: definitions(context.statute, context.admitted))


def definition_at(context: Context, rule: Rule, d: Definition, message: str) -> Finding:
    """Return a finding of ``rule`` on the defined term of a definition."""
    article = context.article(d.article)
    if article is None or not 1 <= d.paragraph <= len(article.paragraphs):
        return context.finding(rule, article, message=message)
    text = article.paragraphs[d.paragraph - 1].text
    match = term_pattern(d.term, stem=False).search(text)
    if match:
        return context.finding(rule, article, d.paragraph, match.start(), match.end(), message)
    return context.finding(rule, article, d.paragraph, message=message)


def _in_definitions(context: Context, article: Article) -> bool:
    """Return whether an article is a list of definitions (once per article and run)."""
    found = context.cache.setdefault("definitions.articles", {})
    if id(article) not in found:
        found[id(article)] = is_definitions_article(article)
    return found[id(article)]


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
    defined = cached_definitions(context)
    general = prefilter.gate(GENERAL_REFERRAL)  # only articles with its words can hold it
    if any(GENERAL_REFERRAL.search(a.text) for a in context.admitted(general, context.articles)):
        return
    offences = offence_articles(context)
    inside = [term_pattern(d.term, stem=False) for d in defined if " " in d.term.strip()]
    for spec in rule.options.get("terms", []):
        uses = option_patterns(spec.get("uses"), context.language)
        if _defined(option_patterns(spec.get("defined"), context.language), defined):
            continue
        gate = uses.gate  # type: ignore[attr-defined]
        for unit in context.admitted_units(gate, offences):  # only those with a use's words
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
            # Checked only now that a use is found (it reads every paragraph of the statute).
            if defined_by_reference(statute, uses, context.folded, context.admitted_units):
                break
            if defined_by_condition(statute, uses, context.folded, context.admitted):
                break
            yield context.finding(
                rule, unit.article, unit.index, match.start(), match.end(),
                f"{rule.message} ({spec['name']!r} is not defined.)",
            )  # fmt: skip
            break  # one finding per term: the first use


@rule_kind("circular-definition")
def circular_definition(rule: Rule, context: Context) -> Iterator[Finding]:
    """Flag a definition that uses its own term, or a cycle of definitions."""
    defined = cached_definitions(context)
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
            yield definition_at(context, rule, d, f"{rule.message} {d.term!r} is defined "
                                                  f"{how}.")  # fmt: skip
            continue
        for other in edges[term]:
            path = definition_path(edges, other, term)
            if path and frozenset(path) not in reported:
                reported.add(frozenset(path))
                cycle = " -> ".join([term, *path])
                yield definition_at(context, rule, d, f"{rule.message} ({cycle})")


@rule_kind("defined-but-unused")
def defined_but_unused(rule: Rule, context: Context) -> Iterator[Finding]:
    """Flag a defined term that no other provision uses."""
    for d in cached_definitions(context):
        pattern = term_pattern(d.term, language=context.language)
        used = False  # the title does not count: a definition serves the provisions
        for article in context.articles:
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
            yield definition_at(context, rule, d, f"{rule.message} ({d.term!r})")


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
    # Literal prefilters: a paragraph without a reference word or a quotation mark is skipped.
    gates = (reference.gate, prefilter.gate(quoted))  # type: ignore[attr-defined]
    # A gate admits a text when one of its conjunctions does: the union of both gates is the
    # gate of their conjunctions together (ALWAYS if either needs nothing).
    either = prefilter.ALWAYS
    if all(g.conjunctions is not None for g in gates):
        either = prefilter.Gate(gates[0].conjunctions + gates[1].conjunctions)
    for unit in context.admitted_units(either, context.articles):
        if _in_definitions(context, unit.article):
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
# Mid-sentence: after a lower-case word, a comma or a semicolon and a space. The look-behind
# follows the capital (it reads that capital again): a pattern that opens with a character
# class lets the regex engine skip at once to the next capital letter.
CAPITALISED = regex_cache.compile(r"(?P<term>[A-Z](?<=[a-z,;] [A-Z])[a-z]{3,})(?= [a-z])")


def written_in_lower_case(word: str, text: str) -> bool:
    """Return whether ``text`` holds ``word`` in lower case as a whole word (``\\bword\\b``).

    The pattern opens with the word and checks the boundary before it afterwards: a pattern
    opening with ``\\b`` is tried at every position of the text (the whole statute, once per
    capitalised word), one opening with a literal skips at once to where that literal occurs.
    """
    lower = re.escape(word.lower())
    return re.search(rf"{lower}(?<=\b{lower})\b", text) is not None


def _capitalised_uses(context: Context) -> Iterator[_Use]:
    """Yield single words capitalised mid-sentence, as defined terms are, but lower case elsewhere.

    "advocates Hatred against" when the statute also says "hatred": the capital marks a
    defined term. Institutions and names (PROPER, or never written in lower case) are skipped.
    """
    if context.language != "en":
        return  # French capitalises institutions, not defined terms
    whole = "\n".join(context.article_text(a) for a in context.articles)
    lower_case: dict[str, bool] = {}  # word -> written in lower case somewhere (once per word)
    for unit in context.units(a for a in context.articles if not _in_definitions(context, a)):
        text = unit.paragraph.text
        for match in CAPITALISED.finditer(text):
            word = match.group("term")
            if word.lower() in PROPER:
                continue
            # The last two words before it: the same as split()[-2:], without splitting the
            # whole paragraph before each match.
            before = text[: match.start()].rsplit(None, 2)
            # Part of a name: "National Harmony Commission", "Court of Appeal".
            if before and before[-1][:1].isupper():
                continue
            if len(before) > 1 and before[-1] in ("of", "for", "on") and before[-2][:1].isupper():
                continue
            if word not in lower_case:
                lower_case[word] = written_in_lower_case(word, whole)
            if lower_case[word]:
                yield _Use(unit.article, unit.index, match.start(), match.end(), word)


@rule_kind("used-but-undefined")
def used_but_undefined(rule: Rule, context: Context) -> Iterator[Finding]:
    """Flag a term used as a defined term ("as defined in this Act", the "Commission") undefined."""
    defined = cached_definitions(context)
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
    for d in cached_definitions(context):
        key = normalise_term(d.term)
        if key in first and (first[key].article, first[key].paragraph) != (d.article, d.paragraph):
            where = f"{first[key].article}"
            yield definition_at(context, rule, d, f"{rule.message} ({d.term!r} is already "
                                                   f"defined in article {where}.)")  # fmt: skip
        first.setdefault(key, d)


# The options each kind accepts; the catalogue validates checks/ files against them.
_SET = {
    "type": "object",
    "patternProperties": {"^[a-z]{2,3}$": {"type": "array", "items": {"type": "string"}}},
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
}
