"""What the sanction rule kinds share: the offence a penalty punishes, read once per lint run.

The sanctions themselves are read once per statute (``sanctions.cached_sanctions``); the texts
the kinds compare them with (the offence's wording, the paragraphs leading to a penalty) and
whether an offence is a speech offence are computed here, once per lint run, and shared by
every rule through the lint context.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from ..findings import Finding
from ..model import Article, Definition, Sanction
from ..regexes import prefilter
from .engine import Context, Rule
from .offence_articles import OFFENCE_PATTERNS, is_offence_article, referenced_numbers
from .options import first_match, option_patterns
from .penalty_sentence import sentences
from .sanctions import cached_sanctions, sanction_article
from .terms import term_pattern

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
        r"\bni(?:e|ent|é)\b", r"\bminimis\w*", r"\bminor(?:e|er|ent|ant|ation|ée?s?)\b", r"\bbanalis\w*", r"\bapologie\b", r"\bjustifi\w*",
        r"\bglorifi\w*", r"\bidéologie\b", r"\bpropagande\b", r"\bdiscours\b", r"\bpropos\b",
        r"\bécrits?\b", r"\bdiffus\w*", r"\binjur\w*", r"\bdiffam\w*", r"\boutrag\w*",
        r"\bdivisionnisme\b", r"\btribalisme\b", r"\brégionalisme\b", r"\bpubli\w*", r"\bcontenus?\b",
        r"\bmessages?\b", r"\bimages?\b", r"\bchants?\b", r"\bgestes?\b", r"\bpartag\w*",
    ],
}  # fmt: skip


def sanctions_of(context: Context) -> list[Sanction]:
    """Return the statute's penalties, read once per lint run."""
    return cached_sanctions(
        context.statute, context.cache, context.admitted_units, offence_test(context)
    )


def offence_test(context: Context) -> Callable[[Article], bool]:
    """Return ``is_offence_article`` remembering its answers for this lint run.

    Reading the penalties and the offence rules both ask it of every article (its patterns
    run over each article's whole text); the statute does not change while the rules run.
    """
    known: dict[int, bool] = context.cache.setdefault("sanctions.is_offence", {})

    def holders() -> dict[re.Pattern[str], set[int]]:
        # The articles whose words each pattern needs (heading included: a superset of those
        # whose text it may match), for all articles at once by the literal index.
        every = context.articles
        return {
            pattern: {id(a) for a in context.admitted(prefilter.gate(pattern), every)}
            for pattern in OFFENCE_PATTERNS
        }

    def test(article: Article) -> bool:
        answer = known.get(id(article))
        if answer is None:
            may_hold = context.memo("sanctions.offence_pattern_holders", holders)
            own = context.owns(article)  # another article is asked directly

            def may_match(pattern: re.Pattern[str]) -> bool:
                return not own or id(article) in may_hold[pattern]

            answer = known[id(article)] = is_offence_article(article, may_match)
        return answer

    return test


def offence_articles(context: Context) -> list[Article]:
    """Return the articles that create an offence, in document order (once per lint run)."""

    def compute() -> list[Article]:
        test = offence_test(context)
        return [a for a in context.articles if test(a)]

    return context.memo("sanctions.offences", compute)


def dedupe(findings: Iterable[Finding]) -> Iterator[Finding]:
    """Drop repeated findings at the same place (one penalty attached to several offences)."""
    seen: set[tuple[Any, ...]] = set()
    for finding in findings:
        loc = finding.location
        key = (finding.code, loc.article, loc.paragraph, loc.start)
        if key not in seen:
            seen.add(key)
            yield finding


def offence_text(context: Context, sanction: Sanction) -> str:
    """Return the text that says what a penalty punishes.

    That is the penalty's own article, the offence it is attached to, and the articles those
    refer to (two steps: "the parent of a child referred to in Article 8", where Article 8
    borrows the offence of Article 4), so the conduct punished is always in view.
    """
    cache = context.cache.setdefault("sanctions.offence_text", {})
    found = cache.get(id(sanction))
    if found is not None:
        return found
    own = sanction_article(context.statute, sanction)
    numbers: list[str | None] = [sanction.offence_article]
    texts = [context.article_text(own)] if own else []
    if own:
        numbers += referenced_numbers(own.text)
    for _ in range(3):
        following: list[str | None] = []
        for number in numbers:
            article = context.article(number)
            if article is None:
                continue
            text = context.article_text(article)
            if text not in texts:
                texts.append(text)
                following += referenced_numbers(article.text)
        numbers = following
    found = cache[id(sanction)] = "\n".join(texts) or context.statute.title
    return found


def segment(context: Context, sanction: Sanction) -> str:
    """Return the paragraphs of the penalty's article since the previous penalty, up to it."""
    article = sanction_article(context.statute, sanction)
    if article is None:
        return ""
    # The paragraphs of the penalties of each article, indexed once (not a scan per penalty).
    by_article: dict[str, list[int]] = context.cache.get("sanctions.paragraphs") or {}
    if not by_article:
        for s in sanctions_of(context):
            by_article.setdefault(s.article, []).append(s.paragraph)
        context.cache["sanctions.paragraphs"] = by_article
    earlier = [p for p in by_article.get(sanction.article, ()) if p < sanction.paragraph]
    first = max(earlier) if earlier else 0
    return "\n".join(p.text for p in article.paragraphs[first : sanction.paragraph])


def segment_to_end(article: Article, group: list[Sanction]) -> str:
    """Return the paragraphs from the first penalty of a group to the end of its run of items."""
    first = min(s.paragraph for s in group) - 1
    texts = [article.paragraphs[first].text] if 0 <= first < len(article.paragraphs) else []
    level = article.paragraphs[first].level if texts else 0
    for para in article.paragraphs[first + 1 :]:
        if para.level < level or (para.level == level and para.number is None):
            break
        texts.append(para.text)
    return "\n".join(texts)


def is_speech(rule: Rule, context: Context, text: str) -> bool:
    """Return whether a text describes a speech offence (the rule's ``speech`` words)."""
    patterns = option_patterns(rule.options.get("speech", DEFAULT_SPEECH), context.language)
    return first_match(patterns, text) is not None


def punishes_speech(rule: Rule, context: Context, sanction: Sanction) -> bool:
    """Return whether a penalty punishes a speech offence (cached per penalty and word list)."""
    patterns = option_patterns(rule.options.get("speech", DEFAULT_SPEECH), context.language)
    cache = context.cache.setdefault("sanctions.speech", {})
    key = (id(patterns), id(sanction))
    if key not in cache:
        cache[key] = first_match(patterns, offence_text(context, sanction)) is not None
    return cache[key]


def at(context: Context, rule: Rule, sanction: Sanction, message: str | None = None) -> Finding:
    """Return a finding of ``rule`` on the words of a penalty."""
    article = sanction_article(context.statute, sanction)
    return context.finding(rule, article, sanction.paragraph, sanction.start, sanction.end, message)


def years(months: int) -> str:
    """Return a term in words for a message: "1 year", "5 years", "6 months"."""
    if months % 12 == 0:
        return "1 year" if months == 12 else f"{months // 12} years"
    return "1 month" if months == 1 else f"{months} months"


def custodial(s: Sanction) -> bool:
    """Return whether a penalty imprisons (a term, life, or "liable to imprisonment")."""
    bounded = s.min_months is not None or s.max_months is not None or s.life
    return bounded or bool(getattr(s, "custodial", False))


def sentence_of(context: Context, s: Sanction) -> str:
    """Return the whole sentence a penalty was read from (its subject included)."""
    article = sanction_article(context.statute, s)
    if article is None:
        return s.text
    text = article.paragraphs[s.paragraph - 1].text
    for start, end in sentences(text):
        if start <= s.start < end:
            return text[start:end]
    return s.text


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


# JSON schemas of the sanction kinds' options (the catalogue validates checks/ files with them).
OPTION_SET = {
    "type": "object",
    "patternProperties": {"^[a-z]{2,3}$": {"type": "array", "items": {"type": "string"}}},
    "additionalProperties": False,
}
NAMED_SETS = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["name", "patterns"],
        "properties": {
            "name": {"type": "string"},
            "patterns": OPTION_SET,
            "max_months": {"type": "integer", "minimum": 1},
        },
        "additionalProperties": False,
    },
}


def options_schema(required: list[str] | None = None, **properties: Any) -> dict[str, Any]:
    """Return the JSON schema of a kind's options: these properties and no others."""
    return {
        "type": "object",
        "required": required or [],
        "properties": properties,
        "additionalProperties": False,
    }
