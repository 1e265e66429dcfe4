"""Text rule kinds: a phrase present in a scope, an element required in a scope.

Both kinds read their patterns from the rule's options (see drafter/lint/patterns.py) and
never open files or print. Options shared by the kinds:

``phrase``
  ``patterns``       words that are a problem wherever they occur in an in-scope paragraph;
  ``unless``         words that, present in the same ``unless_scope`` (sentence, paragraph or
                     article; default sentence), make the match acceptable; "paragraph" means
                     the numbered paragraph with its items (see ``provision_text``);
  ``only_if``        words that must be present in the same ``only_if_scope`` (default
                     article, heading included) for the match to count;
  ``skip_negated``   ignore a match in a sentence that is negated ("No person shall ...");
  ``skip_exceptions`` ignore a match inside a defence or exception: its sentence opens one
                     ("does not apply to", "n'est pas punissable"), or it is an item listed
                     under such a lead-in ("No person shall be convicted ... (a) if ...");
  ``also_kinds``     article kinds checked besides the scope (e.g. ``[definitions]`` for a
                     definition that states what the offence is: "genocide ideology means");
  ``earlier_than``   a match that names a year counts only if the year is earlier than the
                     latest year these patterns find in the statute (title or articles), e.g.
                     "applies to acts committed after 1 January 2020" in an Act in force in 2022.

``element-required``
  ``patterns``       each offence an in-scope article creates must contain one of these (its
                     heading does not count: a heading is not an element of the offence); the
                     offences are the article's offence-creating provisions, read without
                     definitions and defences (offence_units.py), and a provision stating an
                     element for the whole article counts for each;
  ``applies_if``     only articles (heading included) that contain one of these are checked;
  ``skip_if``        articles that contain one of these are not checked (e.g. attempt or
                     liability articles that borrow the elements of another offence);
  ``also_in``        article kinds whose text also satisfies the element (e.g. a general
                     provision that makes every offence require intent);
  ``anchor``         where the finding goes: the first sentence matching these (default: the
                     words that create an offence, "commits an offence", "est puni"...).

``phrase-near``
  like ``phrase``, but a match counts only if one of ``near`` occurs within ``distance``
  characters (default 120) in the same paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..findings import Finding
from ..model import Article, ArticleKind
from ..regexes import prefilter, regex_cache
from . import nlp, offence_units, patterns
from .engine import Context, Rule, Unit, rule_kind

SCOPES_OF_CONDITIONS = ("sentence", "paragraph", "article")

# The words that create an offence: where a finding about a missing element is anchored.
OFFENCE_WORDS = {
    "en": regex_cache.compile(
        r"commits? (?:an|the|a) (?:offen[cs]e|crime)|is guilty|shall be guilty|"
        r"(?:shall|is|are|shall be) liable|"
        r"liable (?:on|upon) conviction|shall be (?:punished|sentenced|imprisoned|fined)|"
        r"incurs? (?:a )?penalty|"
        r"(?:is|are) punishable|shall be prohibited|(?:is|are) prohibited|constitutes? an offen[cs]e|"
        r"(?:is|are) (?:a )?(?:crime|offen[cs]e)s?\b|(?:shall|must) not\b",
        re.IGNORECASE,
    ),
    "fr": regex_cache.compile(
        r"(?:est|sont|sera|seront) puni|commet une infraction|constitue une infraction|"
        r"(?:est|sont) passibles?|encour(?:t|ent)|(?:est|sont) interdit|(?:est|sont) coupables?|"
        r"(?:constitue|est) (?:un crime|un délit)",
        re.IGNORECASE,
    ),
}


def provision_text(article: Article, index: int) -> str:
    """Return the numbered paragraph holding paragraph ``index``, with all its items.

    Items are separate paragraphs in the model, but "(1) A person who denies ... where: (a) the
    denial is likely to incite violence" is one provision: a condition in an item qualifies the
    words of its paragraph, and the reverse.
    """
    paras = article.paragraphs
    first = index - 1
    while first > 0 and paras[first].level > 0:
        first -= 1
    last = first + 1
    while last < len(paras) and paras[last].level > 0:
        last += 1
    return "\n".join(p.text for p in paras[first:last])


def _condition_text(context: Context, unit: Unit, scope: str, start: int) -> str:
    """Return the text a condition is tested on: the match's sentence, paragraph or article."""
    if scope == "article":
        return context.article_text(unit.article)
    if scope == "paragraph":
        return f"{unit.article.heading or ''}\n{provision_text(unit.article, unit.index)}"
    s, e = nlp.sentence_at(context, unit, start)
    return unit.paragraph.text[s:e]


def articles_for(rule: Rule, context: Context) -> list[Article]:
    """Return the articles a rule looks at: its scope plus the kinds of ``also_kinds``."""
    extra = {ArticleKind(k) for k in rule.options.get("also_kinds", [])}
    if not extra or rule.scope in ("article", "statute"):
        return context.articles_in_scope(rule.scope)
    inside = set(map(id, context.articles_in_scope(rule.scope)))
    return [a for a in context.articles if id(a) in inside or a.kind in extra]


YEAR = regex_cache.compile(r"\b(?:1[89]|20)\d\d\b")


def reference_year(rule: Rule, context: Context) -> int | None:
    """Return the latest year matched by the rule's ``earlier_than`` patterns in the statute."""
    reference = patterns.get(rule, "earlier_than", context.language)
    if reference is None:
        return None
    statute = context.statute
    gate = prefilter.gate(reference)
    texts = [statute.title, statute.long_title or "", *statute.preamble]
    texts = [t for t in texts if gate.admits(prefilter.fold(t))]
    # An article's folded heading and text hold its text: one without the words is skipped.
    texts += [a.text for a in context.admitted(gate, context.articles)]
    years = [int(y) for t in texts for m in reference.finditer(t) for y in YEAR.findall(m.group())]
    return max(years, default=None)


def _dated_match_ok(match: re.Match[str], year: int | None) -> bool:
    """Return whether a match naming a year names one before the reference year (if any)."""
    named = YEAR.findall(match.group())
    if not named:
        return True
    return year is not None and int(named[-1]) < year


def _article_conditions_met(
    context: Context,
    article: Article,
    only_if: re.Pattern[str] | None,
    only_if_gate: prefilter.Gate | None,
    unless: re.Pattern[str] | None,
    unless_gate: prefilter.Gate | None,
) -> bool:
    """Return whether an article meets a rule's ``only_if`` and ``unless`` of scope article."""
    folded = context.folded_article(article)
    article_text = context.article_text(article)
    if only_if is not None and not (only_if_gate.admits(folded) and only_if.search(article_text)):
        return False
    return not (unless is not None and unless_gate.admits(folded) and unless.search(article_text))


def searchers(
    rule: Rule,
    context: Context,
    key: str,
    whole: re.Pattern[str],
    articles: list[Article],
    members: list[Any],
) -> dict[int, re.Pattern[str]]:
    """Return what to run on each article or paragraph that may match a rule's pattern set.

    ``members``: the ``articles`` (or their paragraphs, as Units) that the set's prefilter
    admits (``Context.admitted`` or ``admitted_units``); the answer maps the id of each that
    may hold a match to a pattern to run on it, whose matches there are those of ``whole``.
    A set runs as one alternation, but a text usually holds the words of one or two of its
    patterns: the alternation of only those finds the same matches (patterns.subset), and the
    costly patterns (word gaps like "(?:\\W+\\w+){0,12}?") are not tried where their words
    are absent. A set of one pattern, or with groups (whose numbers would change), runs whole.
    """
    language = context.language
    gates = patterns.part_gates(rule, key, language)
    if gates is None or len(gates) < 2 or whole.groups:
        return {id(m): whole for m in members}
    of_units = bool(members) and isinstance(members[0], Unit)
    parts: dict[int, list[int]] = {}
    for i, part_gate in enumerate(gates):
        # The articles (or paragraphs) that this pattern alone may match.
        if of_units:
            found = context.admitted_units(part_gate, articles)
        else:
            found = context.admitted(part_gate, articles)
        for member in found:
            parts.setdefault(id(member), []).append(i)
    every = tuple(range(len(gates)))
    out = {}
    for member in members:
        subset = tuple(parts.get(id(member), ()))
        if subset == every:
            out[id(member)] = whole
        elif subset:
            out[id(member)] = patterns.subset(rule, key, language, subset)
    return out


def _matches(rule: Rule, context: Context) -> Iterator[tuple[Article, Unit, re.Match[str]]]:
    """Yield every accepted (article, unit, match) of a phrase-like rule."""
    language = context.language
    found = patterns.get(rule, "patterns", language)
    if found is None:  # no patterns for this language: the rule does nothing (documented)
        return
    dated = "earlier_than" in rule.options
    year = reference_year(rule, context) if dated else None
    unless = patterns.get(rule, "unless", language)
    only_if = patterns.get(rule, "only_if", language)
    unless_scope = rule.options.get("unless_scope", "sentence")
    only_if_scope = rule.options.get("only_if_scope", "article")
    skip_negated = bool(rule.options.get("skip_negated", False))
    skip_exceptions = bool(rule.options.get("skip_exceptions", False))
    # Literal prefilters: a paragraph without any word a pattern needs is skipped without
    # running the pattern (most paragraphs of a long code; see prefilter.py).
    gate = prefilter.gate(found)
    only_if_gate = prefilter.gate(only_if) if only_if is not None else None
    unless_gate = prefilter.gate(unless) if unless is not None else None
    articles = articles_for(rule, context)
    admitted = context.admitted_units(gate, articles)
    search = searchers(rule, context, "patterns", found, articles, admitted)
    # Conditions on the whole article, asked once per article that has an admitted paragraph.
    article_ok: dict[int, bool] = {}
    for unit in admitted:
        pattern = search.get(id(unit))
        if pattern is None:
            continue  # no pattern of the set may match this paragraph
        article = unit.article
        ok = article_ok.get(id(article))
        if ok is None:
            ok = article_ok[id(article)] = _article_conditions_met(
                context, article, only_if if only_if_scope == "article" else None, only_if_gate,
                unless if unless_scope == "article" else None, unless_gate,
            )  # fmt: skip
        if not ok:
            continue
        for match in pattern.finditer(unit.paragraph.text):
            if match.end() == match.start():
                continue
            start = match.start()
            if only_if is not None and only_if_scope != "article":
                text = _condition_text(context, unit, only_if_scope, start)
                if not only_if.search(text):
                    continue
            if unless is not None and unless_scope != "article":
                text = _condition_text(context, unit, unless_scope, start)
                if unless.search(text):
                    continue
            if dated and not _dated_match_ok(match, year):
                continue
            if skip_negated and nlp.negated(context, unit, start, match.end()):
                continue
            if skip_exceptions and nlp.under_exception(context, unit, start):
                continue
            yield article, unit, match


@rule_kind("phrase")
def phrase(rule: Rule, context: Context) -> Iterator[Finding]:
    """Flag every occurrence of the rule's patterns in its scope, subject to its conditions.

    The same words twice in one paragraph ("abusive or insulting words ... abusive or
    insulting") are one finding.
    """
    seen: set[tuple[int, int, str]] = set()
    for article, unit, match in _matches(rule, context):
        key = (id(article), unit.index, match.group().casefold())
        if key not in seen:
            seen.add(key)
            yield context.finding(rule, article, unit.index, match.start(), match.end())


@rule_kind("phrase-near")
def phrase_near(rule: Rule, context: Context) -> Iterator[Finding]:
    """Flag the rule's patterns only where one of ``near`` occurs close by."""
    near = patterns.get(rule, "near", context.language)
    if near is None:
        return
    distance = int(rule.options.get("distance", 120))
    for article, unit, match in _matches(rule, context):
        text = unit.paragraph.text
        window = text[max(0, match.start() - distance) : match.end() + distance]
        if near.search(window):
            yield context.finding(rule, article, unit.index, match.start(), match.end())


def operative_anchor(
    context: Context, article: Article, anchor: re.Pattern[str] | None
) -> tuple[int | None, int | None, int | None]:
    """Return (paragraph, start, end) of the sentence that states an offence in an article."""
    # Several element-required rules flag the same offence articles with the same anchor: the
    # answer is looked for once per article and anchor (the statute does not change).
    found = context.cache.setdefault("kinds_text.anchors", {})
    key = (id(article), (anchor.pattern, anchor.flags) if anchor is not None else None)
    if key not in found:
        found[key] = _operative_anchor(context, article, anchor)
    return found[key]


def _operative_anchor(
    context: Context, article: Article, anchor: re.Pattern[str] | None
) -> tuple[int | None, int | None, int | None]:
    if not article.paragraphs:
        return None, None, None
    held: set[int] = set()
    if anchor is not None:
        # A paragraph without any word the anchor needs holds no match of it (prefilter.py):
        # the paragraphs that may hold one, found once per anchor (asked of the article's own
        # paragraphs if it is not one of the statute's).
        gate = prefilter.gate(anchor)
        if context.owns(article):
            held = context.memo(
                f"kinds_text.anchor_units.{anchor.flags}.{anchor.pattern}",
                lambda: {id(u) for u in context.admitted_units(gate, context.articles)},
            )
        else:
            held = {id(u) for u in context.admitted_units(gate, [article])}
    for unit in context.units([article]):
        match = None
        if id(unit) in held:
            match = anchor.search(unit.paragraph.text)
        if match:
            start, end = nlp.sentence_at(context, unit, match.start())
            return unit.index, start, end
    return 1, None, None


@rule_kind("element-required")
def element_required(rule: Rule, context: Context) -> Iterator[Finding]:
    """Flag each in-scope article that lacks every one of the rule's patterns."""
    language = context.language
    element = patterns.get(rule, "patterns", language)
    if element is None:  # no patterns for this language: the rule cannot judge (documented)
        return
    applies_if = patterns.get(rule, "applies_if", language)
    skip_if = patterns.get(rule, "skip_if", language)
    anchor = patterns.get(rule, "anchor", language) or OFFENCE_WORDS.get(language)
    also_in = [ArticleKind(k) for k in rule.options.get("also_in", [])]
    elsewhere = "\n".join(a.text for a in context.articles if a.kind in also_in)
    if elsewhere and element.search(elsewhere):
        return
    # Literal prefilters (prefilter.py): a pattern is run only on an article holding a word
    # it needs (the folded text covers the heading too, so it admits whatever the text does),
    # and only those of its patterns whose words the article holds (``searchers``).
    articles = articles_for(rule, context)

    def searched(key: str, pattern: re.Pattern[str]) -> dict[int, re.Pattern[str]]:
        admitted = context.admitted(prefilter.gate(pattern), articles)
        return searchers(rule, context, key, pattern, articles, admitted)

    may_apply = searched("applies_if", applies_if) if applies_if is not None else None
    may_skip = searched("skip_if", skip_if) if skip_if is not None else {}
    may_hold = searched("patterns", element)
    for article in articles:
        full = context.article_text(article)
        if may_apply is not None:
            applies = may_apply.get(id(article))
            if applies is None or not applies.search(full):
                continue
        skip = may_skip.get(id(article))
        skipped = skip is not None and skip.search(full) is not None
        holds = may_hold.get(id(article))
        if skipped or (holds is not None and holds.search(article.text)):
            # The element is in the article, or the article borrows an offence stated elsewhere
            # ("an offence under section 318"): is the element in every offence it creates?
            found = _provisions(context, article)
            if skipped and not any(p.kind == "offence" for p in found):
                continue
            gap = offence_units.element_gap(
                article, language, element, applies_if, found, skip_if if skipped else None
            )
            if gap is None:
                continue
            yield context.finding(rule, article, *_anchor_from(context, article, anchor, gap))
            continue
        paragraph, start, end = operative_anchor(context, article, anchor)
        yield context.finding(rule, article, paragraph, start, end)


def _provisions(context: Context, article: Article) -> list[offence_units.Provision]:
    """Return the provisions of an article, read once per lint run (several rules ask)."""
    found = context.cache.setdefault("kinds_text.provisions", {})
    key = id(article)
    if key not in found:
        found[key] = offence_units.provisions(article, context.language)
    return found[key]


def _anchor_from(
    context: Context, article: Article, anchor: re.Pattern[str] | None, index: int
) -> tuple[int, int | None, int | None]:
    """Return (paragraph, start, end) of the offence words at or after paragraph ``index``.

    An item (an alternative conduct of "a person who—") that lacks the element is shown whole.
    """
    units = list(context.units([article]))
    item = units[index - 1].paragraph
    if item.level > 0:
        return index, 0, len(item.text)
    if anchor is not None:
        for unit in units[index - 1 :]:
            if unit.index > index and unit.paragraph.level == 0 and unit.paragraph.number:
                break  # the next provision
            match = anchor.search(unit.paragraph.text)
            if match:
                start, end = nlp.sentence_at(context, unit, match.start())
                return unit.index, start, end
    return index, None, None


# JSON schemas of the options of the kinds defined here; drafter.lint.catalog validates rule
# files against them (any kind module may define OPTIONS_SCHEMA the same way).
_PATTERN_SET = {
    "type": "object",
    "patternProperties": {"^[a-z]{2,3}$": {"type": "array", "items": {"type": "string"}}},
    "additionalProperties": False,
}
_CONDITION_SCOPE = {"enum": list(SCOPES_OF_CONDITIONS)}
_KINDS = {"type": "array", "items": {"enum": [k.value for k in ArticleKind]}}
_PHRASE_OPTIONS = {
    "patterns": _PATTERN_SET,
    "unless": _PATTERN_SET,
    "only_if": _PATTERN_SET,
    "unless_scope": _CONDITION_SCOPE,
    "only_if_scope": _CONDITION_SCOPE,
    "skip_negated": {"type": "boolean"},
    "skip_exceptions": {"type": "boolean"},
    "also_kinds": _KINDS,
    "earlier_than": _PATTERN_SET,
}
OPTIONS_SCHEMA: dict[str, dict] = {
    "phrase": {
        "type": "object",
        "required": ["patterns"],
        "properties": _PHRASE_OPTIONS,
        "additionalProperties": False,
    },
    "phrase-near": {
        "type": "object",
        "required": ["patterns", "near"],
        "properties": {
            **_PHRASE_OPTIONS,
            "near": _PATTERN_SET,
            "distance": {"type": "integer", "minimum": 1},
        },
        "additionalProperties": False,
    },
    "element-required": {
        "type": "object",
        "required": ["patterns"],
        "properties": {
            "patterns": _PATTERN_SET,
            "applies_if": _PATTERN_SET,
            "skip_if": _PATTERN_SET,
            "anchor": _PATTERN_SET,
            "also_in": _KINDS,
            "also_kinds": _KINDS,
        },
        "additionalProperties": False,
    },
}
