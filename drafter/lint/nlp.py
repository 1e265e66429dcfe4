"""Language analysis shared by the text rules: sentences and negation, once per statute.

Every paragraph of the statute is split into sentences the first time any rule asks for one;
the result is cached in ``Context.cache`` so that no rule re-splits. The splitting is done by
``drafter.lint.sentences``, a pure-Python reproduction of spaCy's tokenizer around the
characters that can end a sentence, which gives the spans of the spaCy pipeline below without
importing spaCy (half a second and most of a lint process's memory). The spaCy pipeline is kept
as the reference that tests/test_sentences.py compares against, and can be chosen with
``DRAFTER_SENTENCES=spacy``.

Why rule-based sentences: legal text is full of abbreviations ("Art. 3", "No. 5", "s. 130",
"para. 2", "i.e.", "et seq.") and inline enumerations ("(a)", "1. and 2.") on which statistical
or naive splitters break sentences. Lawyers also need findings that are explainable and the
same on every run, so the boundaries here come from a small deterministic component. For
French the ``fr_core_news_sm`` tokenizer (its French exceptions and vocabulary) is used when
installed; its trained components (tagger, lemmatizer, parser, NER) are excluded because no
rule uses them and they would be most of the cost of the analysis.

spaCy is imported only on that explicit request (and by the tests).
"""

from __future__ import annotations

import os
import re
from functools import cache
from typing import TYPE_CHECKING, Any

# Words that, followed by ".", do not end a sentence; terminal, closing and opening tokens.
from .sentences import CLOSERS, OPENERS, TERMINAL, is_abbreviation, split

if TYPE_CHECKING:
    from .engine import Context, Unit

Span = tuple[int, int]
CACHE_KEY = "nlp.sentences"
LAZY_KEY = "nlp.sentences.lazy"  # paragraph id -> spans, split when first asked
# DRAFTER_SENTENCES=spacy: split with the spaCy pipeline (the reference) instead.
ENGINE_VARIABLE = "DRAFTER_SENTENCES"


class _Lazy:
    """A regex compiled on first use: a lint run needs only its statute's language."""

    __slots__ = ("args", "compiled")

    def __init__(self, *args: Any) -> None:
        self.args = args
        self.compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        if self.compiled is None:
            self.compiled = re.compile(*self.args)
        return getattr(self.compiled, name)


# Negation cues. "not exceeding five years", "no later than" and "whether or not" qualify a
# number or state an alternative; they do not negate the provision.
NEGATION = {
    "en": _Lazy(
        # "shall not be less than one year" bounds a penalty; it does not negate the offence.
        r"(?<!whether or )(?<!\bor )\bnot\b(?! (?:be )?(?:exceed|exceeding|more|less|later|"
        r"earlier|over|under|limited to|only|merely)\b)|"
        r"\bno\b(?!\.| (?:more|less|later|earlier|fewer)\b)|\bnever\b|\bnothing\b|\bnone\b|"
        r"\bneither\b|\bnor\b|\bcannot\b|n['’]t\b|"
        # exclusions state that the matched words are outside the provision
        r"\bexcept\b|\bexcluding\b|\bother than\b|\bapart from\b|\bexclusive of\b|"
        r"\bfalls? outside\b|\boutside the scope\b|\b(?:is|are) excluded\b|\bbeyond\b|"
        r"\brather than\b|\binstead of\b",
        re.IGNORECASE,
    ),
    "fr": _Lazy(
        r"\bne\b(?! (?:peu(?:t|vent)|pouvant|saurai(?:t|ent)|doi(?:t|vent)) (?:excéder|dépasser|"
        r"être (?:inférieure?s?|supérieure?s?))\b)|"
        r"\bn['’](?!excéd|exéd)|\bnul(?:le)?s?\b|\baucun(?:e)?s?\b|\bjamais\b|\bni\b|"
        r"\bsauf\b|\bhormis\b|\bexcept(?:é|ion faite)\b|\bà l['’]exclusion\b|\bhors\b|"
        r"\bau-delà\b|\bplutôt que\b|\bau lieu de\b|\bexclue?s?\b",
        re.IGNORECASE,
    ),
}
# The content of a reported statement ("states that it was not genocide") is what the speaker
# said, not a negation of the provision: it is removed before looking for cues.
REPORTED = {
    "en": _Lazy(
        r"\b(?:state|claim|assert|say|said|declare|allege|argue|affirm|suggest|maintain|pretend|"
        r"contend|insinuate|imply|implie)s?d? that\b[^;:]*",
        re.IGNORECASE,
    ),
    "fr": _Lazy(
        r"\b(?:affirm|prétend|soutien|souten|déclar|allègu|allégu|laiss\w* entendre|dit|dis)\w* "
        r"qu(?:e\b|['’])[^;:]*",
        re.IGNORECASE,
    ),
}
# An exception to a negation ("no ... except", "nul ... sauf") restores the affirmative.
EXCEPT = {
    "en": _Lazy(r"except|other than|apart from", re.IGNORECASE),
    "fr": _Lazy(r"sauf|hormis|except(?:é|ion faite)", re.IGNORECASE),
}
NEVER = re.compile(r"(?!)")
# How far after a match a negation still governs it ("Negligence or recklessness as to the
# effect of the words is not sufficient"): the rest of the clause (up to ";" or ":"), at most
# this many words.
AFTER_WORDS = 25

# A prohibition whose verb is (within three words) the matched text: "No person shall
# [publicly] deny", "A person must not deny", "Nul ne peut nier". "shall not be ..." is passive
# and therefore a real negation ("No person shall be prosecuted ...").
PROHIBITION = {
    "en": _Lazy(
        r"(?:\bno (?:natural or legal )?(?:person|one|individual|body)\s+(?:shall|may|must)|"
        r"\b(?:shall|must|may) not|\bshall never)\s+(?!be\b)(?:\w+,?\s+){0,3}$|"
        # "No institution ... shall permit any employee, student or speaker to deny ..."
        r"\bno\s+(?:[\w-]+,?\s+){1,8}?(?:shall|may|must)\s+(?:permit|allow|authori[sz]e|tolerate)\s+"
        r"(?:[\w-]+,?\s+){0,8}?to\s+$",
        re.IGNORECASE,
    ),
    "fr": _Lazy(
        r"(?:\bnul\s+ne\s+(?:peut|doit)|\bne\s+(?:peut|doit|peuvent|doivent)(?:\s+pas)?)"
        r"\s+(?!être\b)(?:\w+,?\s+){0,3}$",
        re.IGNORECASE,
    ),
}


# Verbs by which a provision states its own reach ("shall not apply to", "ne s'applique pas").
SCOPE_VERB = re.compile(
    r"\s*(?:apply|applies|extend|extends|affect|affects|operate|operates|have effect|take effect|"
    r"s['’]appliqu\w*|appliquer|produire (?:d['’])?effet)\b",
    re.IGNORECASE,
)


# Lead-ins that open a defence or an exception: the words of the items they govern ("No person
# shall be convicted ... (a) if ... the person expressed an opinion on a religious subject")
# describe what is *not* punished, so they are not the object of the offence.
EXCEPTION_LEAD = {
    "en": _Lazy(
        r"\bno (?:natural or legal )?(?:person|one|individual)\s+(?:shall|may|is to)\s+be\s+"
        r"(?:convicted|guilty|liable|prosecuted|punished|charged)\b|"
        r"\b(?:shall|does|do|will)\s+not\s+(?:apply|extend)\b|\bis\s+not\s+applicable\b|"
        r"\b(?:shall|does|do|will)\s+not\s+(?:be|constitute|amount to)\s+(?:an?\s+)?"
        r"(?:offen[cs]e|crime|punishable)\b|"
        r"\b(?:is|are)\s+not\s+(?:an?\s+)?(?:offen[cs]e|crime|punishable|guilty|liable)\b|"
        r"\bno\s+offen[cs]e\s+is\s+committed\b|\bcommits?\s+no\s+offen[cs]e\b|"
        r"\b(?:does|do)\s+not\s+commit\s+an?\s+offen[cs]e\b|"
        r"\bshall\s+not\s+be\s+(?:guilty|liable|convicted|punished|prosecuted)\b|"
        r"\bit\s+(?:is|shall\s+be)\s+a\s+defen[cs]e\b|\bnothing\s+in\s+this\b|"
        r"\b(?:is|are)\s+exempt(?:ed)?\s+from\b|\bdoes\s+not\s+include\b",
        re.IGNORECASE,
    ),
    "fr": _Lazy(
        r"\bn['’](?:est|sont)\s+pas\s+(?:punissables?|punie?s?|coupables?|poursuivie?s?|"
        r"constitutive?s?|applicables?|une\s+infraction)\b|"
        r"\bne\s+(?:sont|est)\s+pas\s+(?:punissables?|punie?s?|coupables?|poursuivie?s?|"
        r"applicables?)\b|"
        r"\bne\s+(?:s['’]applique(?:nt)?|constitue(?:nt)?|vise(?:nt)?|tombe(?:nt)?)\s+pas\b|"
        r"\bne\s+peu(?:t|vent)\s+(?:être\s+)?(?:poursuivie?s?|condamnée?s?|punie?s?)\b|"
        r"\bil\s+n['’]y\s+a\s+(?:pas|point)\s+d['’]infraction\b|"
        r"\bnul\s+ne\s+peut\s+être\s+(?:poursuivi|condamné|puni)\b|"
        r"\b(?:est|sont)\s+exempté?e?s?\s+de\b|\baucune\s+(?:poursuite|infraction)\b|"
        r"\bne\s+(?:comprend|couvre)(?:nt)?\s+pas\b",
        re.IGNORECASE,
    ),
}


@cache
def pipeline(language: str) -> Any:
    """Return the (cached) spaCy pipeline for a language: tokenizer plus legal sentences."""
    import spacy
    from spacy.language import Language

    if "legal_sentences" not in Language.factories:
        Language.component("legal_sentences", func=_legal_sentences)
    nlp = None
    if language == "fr":
        try:
            # Only the tokenizer and vocabulary are used (see the module docstring).
            nlp = spacy.load(
                "fr_core_news_sm",
                exclude=["tok2vec", "morphologizer", "parser", "senter", "attribute_ruler",
                         "lemmatizer", "ner"],
            )  # fmt: skip
        except OSError:
            nlp = None
    if nlp is None:
        try:
            nlp = spacy.blank(language)
        except ImportError:  # a language spaCy does not know: tokenise as a generic language
            nlp = spacy.blank("xx")
    nlp.add_pipe("legal_sentences")
    return nlp


def _is_abbreviation(token: Any) -> bool:
    """Return whether the token before a "." is an abbreviation or an enumeration label."""
    return is_abbreviation(token.text)


def _legal_sentences(doc: Any) -> Any:
    """Set sentence starts: after terminal punctuation followed by a capitalised word."""
    n = len(doc)
    for token in doc:
        token.is_sent_start = token.i == 0
    i = 0
    while i < n:
        token = doc[i]
        text = token.text
        terminal = text in TERMINAL or (
            text.endswith(".") and len(text) > 1 and not _is_abbreviation(token)
            and text.count(".") == 1 and text[:-1].isalpha()
        )  # fmt: skip
        if not terminal or (text == "." and i > 0 and _is_abbreviation(doc[i - 1])):
            i += 1
            continue
        j = i + 1
        # A quote or bracket glued to the full stop closes the sentence and belongs to it.
        while j < n and doc[j].text in CLOSERS and not doc[j - 1].whitespace_:
            j += 1
        k = j
        while k < n and doc[k].text in OPENERS:
            k += 1
        if j < n and k < n and _starts_sentence(doc[k].text):
            doc[j].is_sent_start = True
        i = j
    return doc


def _starts_sentence(text: str) -> bool:
    """Return whether a word can begin a sentence: capitalised or a number in a new clause."""
    first = text[:1]
    return first.isupper() or first.isdigit()


def analyse(context: Context) -> dict[int, list[Span]]:
    """Split every paragraph of the statute into sentences, once, and cache the result."""
    cached = context.cache.get(CACHE_KEY)
    if cached is not None:
        return cached
    paragraphs = [p for a in context.statute.articles for p in a.paragraphs]
    result: dict[int, list[Span]] = {}
    if os.environ.get(ENGINE_VARIABLE) == "spacy":
        nlp = pipeline(context.language)
        for para, doc in zip(paragraphs, nlp.pipe(p.text for p in paragraphs), strict=True):
            result[id(para)] = [(s.start_char, s.end_char) for s in doc.sents] or [(0, 0)]
    else:
        for para in paragraphs:
            result[id(para)] = split(para.text, context.language)
    context.cache[CACHE_KEY] = result
    return result


def sentences(context: Context, unit: Unit) -> list[Span]:
    """Return the (start, end) character spans of the sentences of a paragraph."""
    if os.environ.get(ENGINE_VARIABLE) != "spacy" and CACHE_KEY not in context.cache:
        # The regex splitter reads each paragraph on its own: only the few paragraphs a rule
        # asks about are split (all ~5000 of a long code cost more than the rules asking).
        found = context.cache.setdefault(LAZY_KEY, {})
        spans = found.get(id(unit.paragraph))
        if spans is None:
            spans = found[id(unit.paragraph)] = split(unit.paragraph.text, context.language)
        return spans
    spans = analyse(context).get(id(unit.paragraph))
    if spans is None:  # a paragraph added after analysis (should not happen): split it alone
        spans = split(unit.paragraph.text, context.language)
    return spans


def sentence_at(context: Context, unit: Unit, offset: int) -> Span:
    """Return the span of the sentence of a paragraph that contains a character offset."""
    spans = sentences(context, unit)
    for start, end in spans:
        if start <= offset < end:
            return start, end
    return spans[-1]


def negated(context: Context, unit: Unit, start: int, end: int) -> bool:
    """Return whether the sentence around a match contains a negation outside the match.

    "No person shall be tried for acts committed before ..." and "Negligence is not
    sufficient" state the opposite of what the matched words alone suggest. A prohibition
    aimed at the matched words ("No person shall deny ...", "Nul ne peut nier ...") is not a
    negation of them: it is how statutes create offences.
    """
    cue = NEGATION.get(context.language)
    if cue is None:
        return False
    s_start, s_end = sentence_at(context, unit, start)
    text = unit.paragraph.text
    before, after = text[s_start:start], text[end:s_end]
    reported = REPORTED.get(context.language)
    if reported is not None:
        before, after = reported.sub(" ", before), reported.sub(" ", after)
    prohibition = PROHIBITION.get(context.language)
    if prohibition is not None:
        match = prohibition.search(before)
        # "This Act shall not apply to acts committed before ..." limits the Act's reach: a
        # negation of what follows, not a prohibition that creates an offence.
        if match and not SCOPE_VERB.match(text, s_start + match.end()):
            before = before[: match.start()]
    cues = list(cue.finditer(before))
    # "No court shall take cognizance ... except upon a complaint by an officer": the words
    # after "except" that follows a negation are what the provision affirms (only X).
    if cues and not (
        len(cues) > 1 and EXCEPT.get(context.language, NEVER).fullmatch(cues[-1].group())
    ):
        return True
    # A new coordinated clause (", and no appeal lies ...") has its own subject: its negation
    # does not govern the matched words.
    clause = re.split(
        r"[;:]|,\s*(?:and|but|whereas|while|et|mais|tandis que)\s", after, maxsplit=1
    )[0]
    words = list(re.finditer(r"\S+", clause))
    limit = words[AFTER_WORDS - 1].end() if len(words) >= AFTER_WORDS else len(clause)
    # Search the whole clause (so "not exceeding" is seen whole), count only cues near the match.
    return any(m.start() < limit for m in cue.finditer(clause))


# "No person shall be convicted ... unless: (a) ..." states conditions of the offence (its
# elements), not an exception to it.
CONDITION = re.compile(
    r"\bunless\b|\bexcept (?:where|if|when|in so far as)\b|\bonly (?:if|where|when)\b|"
    r"\bà moins que?\b|\bsauf (?:si|lorsque|quand)\b|\bque (?:si|lorsque)\b",
    re.IGNORECASE,
)


def exception_lead(language: str, text: str) -> bool:
    """Return whether a text contains words that open a defence or exception."""
    cue = EXCEPTION_LEAD.get(language)
    match = cue.search(text) if cue is not None else None
    return bool(match and not CONDITION.search(text, match.end()))


def under_exception(context: Context, unit: Unit, start: int) -> bool:
    """Return whether the words at ``start`` are governed by an exception lead-in.

    Either the match's own sentence states the exception ("This Act does not apply to
    opinions ..."), or the item is listed under a paragraph whose closing sentence does ("No
    person shall be convicted ... (a) if ..."); sub-items inherit it from every ancestor.
    """
    language = context.language
    s, e = sentence_at(context, unit, start)
    if exception_lead(language, unit.paragraph.text[s:e]):
        return True
    paras = unit.article.paragraphs
    if _listed_under_exception(language, paras, unit.index - 1):
        return True
    level = unit.paragraph.level
    for i in range(unit.index - 2, -1, -1):
        if level <= 0:
            break
        parent = paras[i]
        if parent.level >= level:
            continue
        level = parent.level
        # The lead-in is the sentence that introduces the list: the last one of the parent.
        last = re.split(r"(?<=[.;])\s+(?=[A-Z\u00C0-\u00DD(])", parent.text.strip())[-1]
        if exception_lead(language, last):
            return True
    return False


# How a list item ends ("...;", "...; or", "..., and") and how a lead-in to a list ends.
_ITEM_END = re.compile(r"(?:[;,]|[;,]\s*(?:or|and|ou|et))\s*$", re.IGNORECASE)
_LEAD_END = re.compile(r"[:—–-]\s*$")


def _listed_under_exception(language: str, paras: list, position: int) -> bool:
    """Return whether paragraph ``position`` is an item of a list led in by an exception.

    Gazettes often print "1°", "2°" items at the level of paragraphs: "This Law shall not
    apply to: 1° ...; 2° ...". Walk back over the sibling items to the line ending with ":".
    """
    level = paras[position].level
    for i in range(position - 1, -1, -1):
        text = paras[i].text.rstrip()
        if paras[i].level > level:
            continue
        if _LEAD_END.search(text):
            return exception_lead(language, text)
        if paras[i].level < level or not _ITEM_END.search(text):
            return False
    return False
