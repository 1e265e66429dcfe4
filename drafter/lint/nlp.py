"""Language analysis shared by the text rules: spaCy, run once per paragraph of a statute.

Every paragraph of the statute goes through one ``nlp.pipe`` call the first time any rule asks
for a sentence; the result is cached in ``Context.cache`` so that no rule re-tokenises. The
pipelines are loaded lazily, one per language, and kept for the life of the process.

Why rule-based sentences: legal text is full of abbreviations ("Art. 3", "No. 5", "s. 130",
"para. 2", "i.e.", "et seq.") and inline enumerations ("(a)", "1. and 2.") on which statistical
or naive splitters break sentences. Lawyers also need findings that are explainable and the
same on every run, so the boundaries here come from a small deterministic component. For
French the ``fr_core_news_sm`` tokenizer (its French exceptions and vocabulary) is used when
installed; its trained components (tagger, lemmatizer, parser, NER) are excluded because no
rule uses them and they triple the cost of analysis.

spaCy is imported inside functions only, so that ``drafter --help`` does not import it.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .engine import Context, Unit

Span = tuple[int, int]
CACHE_KEY = "nlp.sentences"

# Words that, followed by ".", do not end a sentence (compared lower-case, without the dot).
_ABBREVIATIONS = """
    art arts no nos nr para paras par s ss sec secs sect subs subsec ch chap cap cl cls
    p pp pt r reg regs sch cf e.g i.e eg ie et seq seqq al viz vs v etc approx fig vol ed
    op cit ibid id mr mrs ms dr prof st gen gov hon jr sr inc ltd co corp dept min
    alin n° cass civ crim pén proc ord req
"""
ABBREVIATIONS = frozenset(re.findall(r"\S+", _ABBREVIATIONS))
TERMINAL = {".", "!", "?", "…", "..."}
CLOSERS = {'"', "'", "”", "’", "»", ")", "]"}
OPENERS = {'"', "'", "“", "‘", "«", "(", "["}

# Negation cues. "not exceeding five years", "no later than" and "whether or not" qualify a
# number or state an alternative; they do not negate the provision.
NEGATION = {
    "en": re.compile(
        r"(?<!whether or )(?<!\bor )\bnot\b(?! (?:exceeding|more|less|later|earlier|over|under|"
        r"limited to|only|merely)\b)|"
        r"\bno\b(?!\.| (?:more|less|later|earlier|fewer)\b)|\bnever\b|\bnothing\b|\bnone\b|"
        r"\bneither\b|\bnor\b|\bcannot\b|n['’]t\b|"
        # exclusions state that the matched words are outside the provision
        r"\bexcept\b|\bexcluding\b|\bother than\b|\bapart from\b|\bexclusive of\b|"
        r"\bfalls? outside\b|\boutside the scope\b|\b(?:is|are) excluded\b|\bbeyond\b|"
        r"\brather than\b|\binstead of\b",
        re.IGNORECASE,
    ),
    "fr": re.compile(
        r"\bne\b(?! (?:peu(?:t|vent)|pouvant|saurai(?:t|ent)) (?:excéder|dépasser)\b)|"
        r"\bn['’](?!excéd|exéd)|\bnul(?:le)?s?\b|\baucun(?:e)?s?\b|\bjamais\b|\bni\b|"
        r"\bsauf\b|\bhormis\b|\bexcept(?:é|ion faite)\b|\bà l['’]exclusion\b|\bhors\b|"
        r"\bau-delà\b|\bplutôt que\b|\bau lieu de\b|\bexclue?s?\b",
        re.IGNORECASE,
    ),
}
# How far after a match a negation still governs it ("Negligence or recklessness as to the
# effect of the words is not sufficient"): the rest of the clause (up to ";" or ":"), at most
# this many words.
AFTER_WORDS = 25

# A prohibition whose verb is (within three words) the matched text: "No person shall
# [publicly] deny", "A person must not deny", "Nul ne peut nier". "shall not be ..." is passive
# and therefore a real negation ("No person shall be prosecuted ...").
PROHIBITION = {
    "en": re.compile(
        r"(?:\bno (?:natural or legal )?(?:person|one|individual|body)\s+(?:shall|may|must)|"
        r"\b(?:shall|must|may) not|\bshall never)\s+(?!be\b)(?:\w+,?\s+){0,3}$",
        re.IGNORECASE,
    ),
    "fr": re.compile(
        r"(?:\bnul\s+ne\s+(?:peut|doit)|\bne\s+(?:peut|doit|peuvent|doivent)(?:\s+pas)?)"
        r"\s+(?!être\b)(?:\w+,?\s+){0,3}$",
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
    word = token.text.lower().rstrip(".")
    if word in ABBREVIATIONS:
        return True
    # Initials and item letters ("J. Smith", "see a. above"), but not the word "I".
    return len(word) == 1 and word.isalpha() and token.text != "I"


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
    nlp = pipeline(context.language)
    result: dict[int, list[Span]] = {}
    for para, doc in zip(paragraphs, nlp.pipe(p.text for p in paragraphs), strict=True):
        result[id(para)] = [(s.start_char, s.end_char) for s in doc.sents] or [(0, 0)]
    context.cache[CACHE_KEY] = result
    return result


def sentences(context: Context, unit: Unit) -> list[Span]:
    """Return the (start, end) character spans of the sentences of a paragraph."""
    spans = analyse(context).get(id(unit.paragraph))
    if spans is None:  # a paragraph added after analysis (should not happen): analyse it alone
        doc = pipeline(context.language)(unit.paragraph.text)
        spans = [(s.start_char, s.end_char) for s in doc.sents] or [(0, 0)]
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
    prohibition = PROHIBITION.get(context.language)
    if prohibition is not None:
        match = prohibition.search(before)
        if match:
            before = before[: match.start()]
    if cue.search(before):
        return True
    clause = re.split(r"[;:]", after, maxsplit=1)[0]
    words = list(re.finditer(r"\S+", clause))
    limit = words[AFTER_WORDS - 1].end() if len(words) >= AFTER_WORDS else len(clause)
    # Search the whole clause (so "not exceeding" is seen whole), count only cues near the match.
    return any(m.start() < limit for m in cue.finditer(clause))
