"""Defined terms: find the definitions of a statute, the uses of a term, circular definitions.

Shared by the structure rule kinds (kinds_structure.py). Definitions are the union of what the
reader extracted (``statute.definitions``) and what the drafting patterns below recognise, so a
rule works on a statute read by any reader or built by hand.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import Any

from ..model import Article, ArticleKind, Definition, Paragraph, Statute
from ..regexes import prefilter, regex_cache

QUOTE_OPEN, QUOTE_CLOSE = "\"“‘'«", "\"”’'»"
QUOTED = rf"[{QUOTE_OPEN}]\s*(?P<term>[^{QUOTE_CLOSE}{QUOTE_OPEN}\n]{{1,60}}?)\s*[{QUOTE_CLOSE}]"
DEFINING = [
    regex_cache.compile(QUOTED + r"\s*,?\s*(?:means|includes|shall mean|refers to|has the meaning|is "
               r"defined as|denotes|s'entend|désigne|signifie)\b", re.IGNORECASE),
    regex_cache.compile(r"\bon entend par\s*" + QUOTED, re.IGNORECASE),
    # French list form: "1° « publiquement » : ..." (the item number is not in the text).
    regex_cache.compile(r"^\s*" + QUOTED + r"\s*:(?=\s*\S)"),
    regex_cache.compile(r"\((?:hereinafter|hereafter|ci-après)\s+(?:referred to as\s+|called\s+|"
               r"dénommée?s?\s+|désignée?s?\s+|appelée?s?\s+)?(?:the\s+|le\s+|la\s+|l')?"
               + QUOTED + r"\s*\)", re.IGNORECASE),
    regex_cache.compile(r"\((?:the\s+|le\s+|la\s+|l')?" + QUOTED + r"\s*\)", re.IGNORECASE),
]  # fmt: skip
# Unquoted definitions inside a definitions article: "(a) hatred means ...", "Génocide : ...".
LEADING_TERM = regex_cache.compile(
    r"^\s*(?P<term>[A-Za-zÀ-ÿ'’ -]{2,50}?)\s*"
    r"(?::|–|—| - |\bmeans\b|\bshall mean\b|\b(?:shall )?refers? to\b|\bdésigne\b|\bs'entend\b)"
    r"(?=\s*\S)",
    re.IGNORECASE,
)
# Canadian bilingual style: "génocide L'un des actes ... (genocide)": a lower-case term, then
# the definition starting with a capital, ending with the other language's term in brackets.
BILINGUAL_TERM = regex_cache.compile(
    r"^\s*(?P<term>[a-zà-ÿ][\w'’ -]{1,50}?)\s+(?=[A-ZÀ-Ý][^()]*\([\w'’ -]{2,50}\)\W*$)"
)
HEADING_DEFINES = regex_cache.compile(r"^(?:definition|définition)s? (?:of|de|du|des)\s+(?:the |la |l')?"
                             r"(?!terms?\b|words\b|expressions?\b|termes\b)"
                             r"(?P<term>.+?)\s*$", re.IGNORECASE)  # fmt: skip
DEFINITIONS_HEADING = regex_cache.compile(
    r"\b(?:definitions?|interpretation|définitions?)\b", re.IGNORECASE
)
ARTICLES = regex_cache.compile(r"^(?:the|a|an|le|la|les|l'|l’)\s+", re.IGNORECASE)


def normalise_term(term: str) -> str:
    """Return a defined term in comparable form: lower case, no quotes or leading article."""
    text = re.sub(r"\s+", " ", term.strip(f" {QUOTE_OPEN}{QUOTE_CLOSE}.,;:")).lower()
    return ARTICLES.sub("", text)


def term_pattern(term: str, stem: bool = True, language: str = "en") -> re.Pattern[str]:
    """Return a regex for a term's uses: the phrase, plural, and (one word) its inflections.

    A term printed as alternatives ("inciter ou provoquer") is used when either is used.
    """
    alternatives = re.split(r"\s+(?:or|ou)\s+", normalise_term(term)) if stem else [term]
    parts: list[str] = []
    for alternative in alternatives:
        words = normalise_term(alternative).split()
        if not words:
            continue
        if stem and len(words) == 1 and len(words[0]) > 5:
            # "community" is used by "communities", "extremism" by "extremist".
            endings = r"ments?|ations?|ions?|isms?|ismes?|ing|ed|es|s|ly|ées?|és?|e|y"
            if language == "fr":
                endings += r"|er|ir"  # "provoquer" is used by "provoque", "provoqué"
            base = re.sub(rf"(?:{endings})$", "", words[0])
            if len(base) >= 4:
                stem_re = re.escape(base)
                if language == "fr" and base.endswith("c"):
                    stem_re = re.escape(base[:-1]) + "(?:c|qu)"  # "provocation", "provoque"
                parts.append(rf"\b{stem_re}\w*")
                continue
        body = r"\s+".join(re.escape(w) for w in words)
        parts.append(rf"\b{body}(?:s|es|x)?\b")
    if not parts:
        return re.compile(r"(?!x)x")
    return re.compile("|".join(parts), re.IGNORECASE)


# A definitions list introduced without a heading: "As used in this Act:", "Au sens de la
# présente loi :" (or a heading run into the text: "Definition of Terms. – As used ...").
LIST_INTRO = regex_cache.compile(
    r"^(?:(?:definitions?|interpretation|définitions?)\b.{0,40}|.{0,40}\b(?:in|as used in|for the "
    r"purposes? of) this (?:Act|Law|Part|Proclamation|Decree|Ordinance|Code)|.{0,20}\b(?:au sens|"
    r"pour l'application|aux fins) de la présente)",
    re.IGNORECASE,
)


def is_definitions_article(article: Article) -> bool:
    """Return whether an article is (or opens with) a list of definitions."""
    if article.kind == ArticleKind.DEFINITIONS or DEFINITIONS_HEADING.search(article.heading or ""):
        return True
    first = article.paragraphs[0].text.strip() if article.paragraphs else ""
    return len(article.paragraphs) > 1 and first.endswith(":") and bool(LIST_INTRO.match(first))


@cache
def _defining_gates() -> list[prefilter.Gate]:
    """Return the literal prefilter of each pattern of DEFINING (computed once)."""
    return [prefilter.gate(pattern) for pattern in DEFINING]


def definitions(
    statute: Statute,
    admitted: Callable[[prefilter.Gate, list[Article]], list[Article]] | None = None,
) -> list[Definition]:
    """Return every definition of the statute: the reader's and those the patterns find.

    ``admitted`` (the lint context's) returns the articles a prefilter admits, all at once;
    without it each article is asked alone. Either way the same definitions are found.
    """
    found = {(normalise_term(d.term), d.article, d.paragraph): d for d in statute.definitions}
    articles = statute.articles
    holders = None
    if admitted is not None:
        # The context's gates read the heading too: they admit at least the articles whose
        # text the gates admit, and a pattern finds nothing in the others either way.
        holders = [{id(a) for a in admitted(g, articles)} for g in _defining_gates()]
    for article in articles:
        in_definitions = is_definitions_article(article)
        heading = HEADING_DEFINES.match(article.heading or "")
        if heading and article.paragraphs:
            key = (normalise_term(heading.group("term")), article.number, 1)
            found.setdefault(key, Definition(heading.group("term"), article.text, article.number,
                                             1))  # fmt: skip
        # Only the patterns whose words the article holds can match one of its paragraphs
        # (prefilter.py: a gate never refuses a text a pattern matches); most articles hold
        # the words of none or one of them, and the order of the matches is unchanged.
        if holders is not None:
            defining = [p for p, h in zip(DEFINING, holders, strict=True) if id(article) in h]
        else:
            folded = prefilter.fold(article.text)
            gates = _defining_gates()
            defining = [p for p, g in zip(DEFINING, gates, strict=True) if g.admits(folded)]
        for index, para in enumerate(article.paragraphs, start=1):
            matches = [m for pattern in defining for m in pattern.finditer(para.text)]
            if not matches and in_definitions:
                leading = LEADING_TERM.match(para.text) or BILINGUAL_TERM.match(para.text)
                if leading and len(leading.group("term").split()) <= 5:
                    matches = [leading]
            for match in matches:
                term = match.group("term")
                key = (normalise_term(term), article.number, index)
                found.setdefault(key, Definition(term, para.text[match.end():], article.number,
                                                 index))  # fmt: skip
    return [d for d in found.values() if normalise_term(d.term)]


def definition_body(d: Definition) -> str:
    """Return a definition's text without the quoted term (readers keep the text after "means")."""
    quoted = re.compile(
        rf"[{QUOTE_OPEN}]\s*{re.escape(d.term.strip())}\s*[{QUOTE_CLOSE}]", re.IGNORECASE
    )
    return quoted.sub(" ", d.text, count=1)


# A capitalised term followed by more capitalised words of a name.
NAME_GOES_ON = regex_cache.compile(
    r"\s+(?:(?:of|on|for|against|de|du|des|pour|sur)\s+(?:the\s+|la\s+|l['’])?)?[A-ZÀ-Ý]"
)
ENUMERATED = regex_cache.compile(r"(?:\w+,\s+)*\w+\s+(?:or|and|ou|et)\s+\w+\s+$", re.IGNORECASE)
# What follows a term used inside its own definition when the use is a reference, not a
# circle: "the Minister (for the time being) responsible for", "the genocide against", "genocide
# as defined in".
QUALIFIED = regex_cache.compile(
    r"^\W{0,2}\s*(?:for the time being\s+)?(?:of|against|responsible|established|appointed|"
    r"designated|charged|referred|as|within|in|under|committed|"
    r"listed|set|described|recognised|recognized|means|au|du|de|des|contre|visée?s?|prévue?s?|"
    r"définie?s?|commise?s?|énumérée?s?|chargée?)\b",
    re.IGNORECASE,
)
# French titles of instruments capitalise only their first word, so a use at the end of
# "la Convention pour la prévention et la répression du crime de génocide" is part of a name.
INSTRUMENT_TITLE = regex_cache.compile(
    r"\b(?:Convention|Statut|Pacte|Charte|Protocole|Traité|Déclaration)\b[^.;:()«»]{0,100}$"
)
ADJECTIVE = ("ful", "ist", "ists", "ic", "ical", "ous", "ive", "iste", "istes", "ique", "iques",
             "eux", "euse", "euses")  # fmt: skip
STOPWORDS = {"of", "to", "the", "a", "an", "and", "or", "de", "du", "des", "la", "le", "les",
             "et", "ou", "à", "l"}  # fmt: skip


def _stems(word: str) -> set[str]:
    """Return the stems a derived word may be built on ("extremism" -> "extrem")."""
    stems = {word}
    if word.endswith("e"):
        stems.add(word[:-1])
    for suffix in ("isme", "ism", "ists", "ist", "iste", "ity", "ité", "ness", "ment", "ation",
                   "ion", "ing", "ed", "s"):  # fmt: skip
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            stems.add(word[: -len(suffix)])
    return stems


def uses_term(term: str, body: str) -> bool:
    """Return whether a definition body uses a term as such (not a name or a reference)."""
    for match in term_pattern(term, stem=False).finditer(body):
        printed = match.group(0)
        if printed != term and printed[:1].isupper() and not term[:1].isupper():
            continue  # "Crime of Genocide", "High Court": part of a name
        if printed[:1].isupper() and NAME_GOES_ON.match(body[match.end() :]):
            continue  # "the Commission on Genocide Remembrance": the name the term stands for
        before = body[: match.start()]
        if re.search(r"\b[A-Z][\w-]*\s+$", before) and not re.search(
            r"(?:^|[.;:]\s*)\S*\s*$", before
        ):
            continue  # preceded by a capitalised word: a proper name ("National Commission")
        if ENUMERATED.search(before[-60:]) or QUALIFIED.search(body[match.end() :]):
            continue
        if INSTRUMENT_TITLE.search(before[-120:]):
            continue  # "Convention pour la ... répression du crime de génocide": a title
        return True
    return False


def derived_use(term: str, body: str) -> str | None:
    """Return an adjective derived from the term's words that the body relies on ("hateful")."""
    words = [w for w in re.findall(r"[\w'’]+", normalise_term(term)) if w not in STOPWORDS]
    if len(words) > 1:  # "genocide ideology" means "an ideology of genocide"
        hits = [re.search(rf"\b{re.escape(w[:5])}\w*", body, re.IGNORECASE) for w in words]
        if all(hits):
            start = min(h.start() for h in hits if h)
            end = max(h.end() for h in hits if h)
            # Close together ("an ideology of genocide"), not scattered in a description.
            if len(body[start:end].split()) <= len(words) + 2:
                return body[start:end]
    for word in words:
        for stem in _stems(word):
            if len(stem) < 4:
                continue
            for suffix in ADJECTIVE:
                found = re.search(rf"\b{re.escape(stem)}{suffix}\b", body, re.IGNORECASE)
                if found and found.group(0).lower() not in words:
                    return found.group(0)
    return None


def definition_path(edges: dict[str, set[str]], start: str, goal: str) -> list[str] | None:
    """Return the terms on a path from start to goal through definitions, or None."""
    stack, seen = [(start, [start])], {start}
    while stack:
        node, path = stack.pop()
        if node == goal:
            return path
        for nxt in edges.get(node, ()):
            if nxt not in seen:
                seen.add(nxt)
                stack.append((nxt, [*path, nxt]))
    return None


# --- definitions by reference, extending definitions --------------------------------------

REFERRAL = regex_cache.compile(
    r"\b(?:defined (?:in|by|under)|within the meaning of|has the (?:same )?meaning|"
    r"au sens (?:de|du|des)|tel(?:le)?s? que défini|défini(?:e|s|es)? (?:à|par|au)|"
    r"visée?s? (?:à|par) l'article \w+ du)\b",
    re.IGNORECASE,
)
GENERAL_REFERRAL = regex_cache.compile(
    r"\b(?:(?:words|terms|expressions) (?:and expressions )?(?:not defined|used) in this "
    r"(?:Act|Law)[^.]{0,80}(?:have|bear) the (?:same )?meaning|les termes non définis)",
    re.IGNORECASE,
)


# A condition that states what a term covers: "A statement directly incites others to commit
# genocide only if ...", "L'incitation n'est directe que si ...".
FUNCTIONAL = regex_cache.compile(
    r"[^.;]{0,80}?\b(?:only (?:if|where|when)|if and only if|n['’](?:est|sont)\b[^.;]{0,40}?\bque "
    r"(?:si|lorsqu)|seulement (?:si|lorsqu))",
    re.IGNORECASE,
)


def defined_by_condition(
    statute: Statute,
    uses: list[re.Pattern[str]],
    folded: Callable[[Paragraph], str] | None = None,
    admitted: Callable[[prefilter.Gate, list[Article]], list[Article]] | None = None,
) -> bool:
    """Return whether a provision states when the term applies ("X ... only if ...").

    ``folded`` and ``admitted`` are the lint context's, as for ``defined_by_reference``.
    """
    fold_of = folded or (lambda para: prefilter.fold(para.text))
    condition = prefilter.gate(FUNCTIONAL)
    use_gate = prefilter.gate_any(tuple(uses))
    articles = statute.articles
    if admitted is not None:
        articles = admitted(use_gate, admitted(condition, articles))
    for article in articles:
        for para in article.paragraphs:
            text = fold_of(para)
            if not (condition.admits(text) and use_gate.admits(text)):
                continue
            for pattern in uses:
                for match in pattern.finditer(para.text):
                    # The use opens the sentence (its subject) and the condition follows it.
                    before = para.text[: match.start()]
                    if len(before.split()) <= 4 and FUNCTIONAL.match(para.text, match.end()):
                        return True
    return False


def defined_by_reference(
    statute: Statute,
    uses: list[re.Pattern[str]],
    folded: Callable[[Paragraph], str] | None = None,
    admitted_units: Callable[[prefilter.Gate, list[Article]], list[Any]] | None = None,
) -> bool:
    """Return whether some provision defines the term by reference to a law.

    "un génocide tel que défini à l'article 211-1 du code pénal" in Article 2 defines the word
    for the whole statute, including Article 1 where it is used first. ``folded`` returns a
    paragraph's case-folded text (the lint context keeps them); literal prefilters skip the
    paragraphs that hold no use or no referral words (the referral is read inside the
    paragraph's text, so a paragraph without its words cannot hold one). ``admitted_units``
    (the lint context's) returns the paragraphs (objects with ``paragraph``) that a prefilter
    admits, all at once.
    """
    fold_of = folded or (lambda para: prefilter.fold(para.text))
    referral = prefilter.gate(REFERRAL)
    use_gate = prefilter.gate_any(tuple(uses))
    if admitted_units is not None:
        referring = {id(u) for u in admitted_units(referral, statute.articles)}
        paragraphs = [
            u.paragraph for u in admitted_units(use_gate, statute.articles) if id(u) in referring
        ]
    else:
        paragraphs = [
            para
            for article in statute.articles
            for para in article.paragraphs
            if referral.admits(text := fold_of(para)) and use_gate.admits(text)
        ]
    for para in paragraphs:
        for pattern in uses:
            for match in pattern.finditer(para.text):
                after = para.text[match.end() : match.end() + 60]
                if REFERRAL.match(re.sub(r"^[\s,]*(?:as\s+)?", "", after)):
                    return True
    return False


# "X includes ..." keeps X's ordinary meaning and extends it ("communicating" includes
# communicating by telephone); "X has a corresponding meaning" gives a grammatical variant the
# meaning of the defined word. Both are standard drafting, not circles.
EXTENDING = regex_cache.compile(
    r"^\W*\s*,?\s*(?:includes?|also (?:means|includes)|comprend|inclut|s'entend (?:également|"
    r"aussi)|(?:has|have) (?:a )?corresponding meanings?|a un sens correspondant)\b",
    re.IGNORECASE,
)


CORRESPONDING = regex_cache.compile(
    r"\W*(?:has|have) (?:a )?corresponding meanings?", re.IGNORECASE
)


def extends_or_corresponds(statute: Statute, d: Definition) -> bool:
    """Return whether a definition extends the ordinary meaning or gives a corresponding one."""
    if CORRESPONDING.match(definition_body(d)):
        return True
    article = statute.article(d.article)
    if article is None or not 1 <= d.paragraph <= len(article.paragraphs):
        return False
    text = article.paragraphs[d.paragraph - 1].text
    match = term_pattern(d.term, stem=False).search(text)
    return bool(match and EXTENDING.match(text[match.end() :]))
