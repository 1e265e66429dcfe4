"""Classify articles by what they do (ArticleKind), in English and French.

The rules are data: ordered tables of patterns per language. The heading decides first (a
heading is the drafter's own label for the article); the text decides otherwise, in the order
of ``CONTENT_ORDER``. An article that states an offence and its penalty is an offence; a penalty
article that points at an offence stated elsewhere is a sanction.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ..model import Article, ArticleKind, Statute
from ..regexes import prefilter, regex_cache
from .named_offences import mark_described_offences

K = ArticleKind


class Pattern:
    """A case-insensitive alternation of regexes, compiled on first use (a document needs one
    language's).

    ``search`` runs the whole alternation. ``found`` only tells whether it matches: it rules a
    text out at once when no alternative's literal gate (drafter/regexes/prefilter.py) admits
    it, and otherwise runs only the alternatives whose gate admits it, one by one. Python's
    engine tries a case-insensitive alternation at every position of a text, and most
    articles hold the words of few alternatives. Both give the same answer
    (tests/test_reading_perf.py).
    """

    def __init__(self, *alternatives: str) -> None:
        self.alternatives = alternatives
        self.pattern = "|".join(f"(?:{p})" for p in alternatives)
        self.compiled: re.Pattern[str] | None = None
        self.gate: prefilter.Gate | None = None  # admits a text any alternative may match
        self.parts: tuple[tuple[prefilter.Gate, re.Pattern[str]], ...] = ()

    def search(self, text: str) -> re.Match[str] | None:
        """Return the first match in ``text``, or None."""
        if self.compiled is None:
            self.compiled = regex_cache.compile(self.pattern, re.IGNORECASE)
        return self.compiled.search(text)

    def found(self, text: str, folded: str | None = None) -> bool:
        """Return True if the pattern matches somewhere in ``text``.

        ``folded`` is ``prefilter.fold(text)``, passed by callers that try several patterns
        on one text.
        """
        if self.gate is None:
            compiled = tuple(regex_cache.compile(p, re.IGNORECASE) for p in self.alternatives)
            self.gate = prefilter.gate_any(compiled)
            # One alternative: its gate is the pattern's, checked once.
            alone = len(compiled) == 1
            self.parts = tuple(
                (prefilter.ALWAYS if alone else prefilter.gate(c), c) for c in compiled
            )
        if folded is None:
            folded = prefilter.fold(text)
        if not self.gate.admits(folded):
            return False  # the usual answer: no alternative's literals in the text
        for gate, compiled in self.parts:
            if gate.admits(folded) and compiled.search(text) is not None:
                return True
        return False


def _rx(*patterns: str) -> Pattern:
    return Pattern(*patterns)


# Headings, tried in order: the first kind whose pattern matches the heading wins.
HEADING_RULES: dict[str, list[tuple[ArticleKind, Pattern]]] = {
    "en": [
        (K.DEFINITIONS, _rx(r"\b(definitions?|interpretation|meaning of|terms used)\b")),
        (
            K.EXCEPTIONS,
            _rx(
                r"\b(exceptions?|exemptions?|defen[cs]es?|savings?|protected expression)\b",
                r"\b(freedom|protection) of (free )?(expression|speech)\b",
            ),
        ),
        (
            K.FINAL,
            _rx(
                r"\b(entry into force|commencement|repeals?|transitional|review of|"
                r"sunset|short title|citation|consequential|final provisions?|effective date|"
                r"effectivity|statistics|reporting|monitoring|expiry)\b",
                r"(?<!judicial )\breview\b",
            ),
        ),
        (
            K.SANCTION,
            _rx(
                r"\b(penalt(y|ies)|sanctions?|punishments?|dissolution|suspension|forfeiture|"
                r"confiscation)\b",
                r"\bsentenc",
            ),
        ),
        (
            K.PROCEDURE,
            _rx(
                r"\b(prosecut|procedure|proceedings|appeals?|courts?|jurisdiction|"
                r"investigat|complaints?|commission|authority|evidence|consent|"
                r"limitation|prescription|time limits?|judicial review)"
            ),
        ),
        (
            K.OFFENCE,
            _rx(
                r"\b(offen[cs]es?|incitement|inciting|denial|denying|condon|apology|"
                r"crimes?\b|prohibit|propaganda|ideology|hatred|dissemination)"
            ),
        ),
        (
            K.GENERAL,
            _rx(
                r"\b(purpose|object|scope|application|objectives?|temporal|"
                r"retroactivity|non-retroactivity)\b"
            ),
        ),
    ],
    "fr": [
        (K.DEFINITIONS, _rx(r"\b(d[ée]finitions?|terminologie|interpr[ée]tation)\b")),
        (
            K.EXCEPTIONS,
            _rx(
                r"\b(exceptions?|exemptions?|exclusions?|immunités?)\b",
                r"\bliberté d['’]expression\b",
            ),
        ),
        (
            K.FINAL,
            _rx(
                r"\b(entrée en vigueur|abrogat|dispositions? (finales?|transitoires?)|"
                r"évaluation de la loi|titre abrégé|statistiques|rapports?|examen|expiration)"
            ),
        ),
        (
            K.SANCTION,
            _rx(r"\b(peines?|sanctions?|pénalités?|dissolution|suspension|confiscation)\b"),
        ),
        (
            K.PROCEDURE,
            _rx(
                r"\b(poursuites?|procédure|juridiction|tribunal|recours|appel|plaintes?|"
                r"enquête|commission|autorité|prescription|saisine)"
            ),
        ),
        (
            K.OFFENCE,
            _rx(
                r"\b(infractions?|incitation|provocation|négation|négationnisme|apologie|"
                r"crimes?|délits?|idéologie|interdiction)\b"
            ),
        ),
        (
            K.GENERAL,
            _rx(
                r"\b(objet|champ d'application|objectifs?|but|application dans le temps|"
                r"rétroactivité|non-rétroactivité)\b"
            ),
        ),
    ],
}

# The name of an offence after "the offence of": a few words, no punctuation.
_NAMED = r"[\w-]+(?: [\w-]+){0,5}?"
_NAMED_FR = r"(?:[\w'’-]+ ){1,6}?"

# Signals in the text of an article.
# Some patterns match their first word before checking the word boundary and the negation in
# front of it ("commit(?<=\bcommit)(?<!\bnot commit)" for "(?<!\bnot )\bcommit"): the regex
# engine tries a pattern at every position of a text, where a first letter fails at once but
# look-behinds take several times longer (tests/test_reading_perf.py checks that both forms
# match alike).
OFFENCE_STATED = {
    "en": _rx(
        r"commit(?<=\bcommit)(?<!\bnot commit)(?<!\bnever commit)s? an? (criminal )?offen[cs]e\b"
        r"(?!\s+(under|referred|provided|against|set out|specified|described|created|defined|"
        r"in (article|section)))",
        r"\b(is|are|shall be) guilty of\b",
        # "... the communication of which would constitute an offence under section 319" is
        # not the offence itself.
        r"constitut(?<=\bconstitut)(?<!\bnot constitut)(?<!\bwould constitut)es? an? (criminal )?"
        r"offen[cs]e\b(?!\s+(under|against|referred|provided|set out|specified|described|created|"
        r"defined|in (article|section)))",
        r"\bshall be an offen[cs]e\b",
        r"\bit is an offen[cs]e\b",
        r"\bis (a|an) (crime|offen[cs]e)\b",
        # "A person who ... commits the offence of genocide ideology"; "who commits the offence
        # of X shall be liable" right after "who" names an offence stated elsewhere.
        r"commit(?<=\bcommit)(?<!\bwho commit)(?<!\bnot commit)s? the (criminal )?(offen[cs]e|crime)"
        r" of\b",
        # "The offence of genocide ideology consists in ..." defines the conduct of an offence.
        rf"\bthe (criminal )?(offen[cs]e|crime) of {_NAMED} (consists?|is (committed|constituted|"
        r"characteri[sz]ed|made out)) (of|in|by|when|where)\b",
    ),
    "fr": _rx(
        r"\bconstitue (une|un) (infraction|délit|crime)\b",
        r"\bcommet (une|l['’])\s?infraction\b(?!\s*(prévue|visée|définie|mentionnée))",
        r"\bse rend coupable\b",
        r"\best coupable\b",
        # "Commet le crime d'idéologie du génocide quiconque ..."
        r"(?<!\bqui )(?<!\bquiconque )\bcommet (le|la) (crime|délit|infraction) d(e\b|['’])",
        # "Le crime de X est caractérisé par / consiste en / est constitué par ..."
        rf"\b(le |la |l['’]\s?)(crime|délit|infraction) d(e |['’]\s?){_NAMED_FR}(est caractérisée?|"
        r"se caractérise|consiste|est constituée?) (par|en|à|dans)\b",
    ),
}
# "shall not be questioned in any court" protects a decision; it prohibits no conduct.
PROCEDURAL_PASSIVE = (
    r"(?! be (questioned|subject|challenged|appealed|reviewed|called|required|construed|deemed|"
    r"admissible|less|more|exceed))"
)
PROHIBITION = {
    "en": _rx(
        r"\b(is|are) (hereby )?prohibited\b",
        rf"\bshall not\b{PROCEDURAL_PASSIVE}",
        r"\bno person shall\b",
    ),
    "fr": _rx(r"\b(est|sont) (interdite?s?|prohibée?s?)\b", r"\bil est interdit\b"),
}
PENALTY = {
    "en": _rx(
        r"\bliable (on (summary )?conviction (on indictment )?)?to\b",
        r"\bshall be dissolved\b",
        r"\border\b[^.]{0,60}\b(suspension|dissolution)\b",
        r"\b(shall|is|are|will) be (punished|punishable|sentenced)\b",
        r"\bpunishable by\b",
        r"\bimprisonment\b",
        r"\bfine of\b",
        r"\bto a fine\b",
        r"\bpenalty of\b",
        r"\bcommunity service\b",
    ),
    "fr": _rx(
        r"\b(est|sont|sera|seront) punie?s?\b",
        r"\bemprisonnement\b",
        r"\bservitude pénale\b",
        r"\bamende\b",
        r"\bréclusion\b",
        r"\bpassible\b",
        r"\bpeine\b",
        r"\b(est|sont) dissoute?s?\b",
        r"\b(prononce|ordonne)\b[^.]{0,40}\bdissolution\b",
    ),
}
# The conduct of a speech offence named as a noun at the start of a sentence.
NOMINAL_FR = (
    r"(l['’]|la |le |les )(\w+ )?(provocation|incitation|négation|contestation|minimisation|"
    r"banalisation|apologie|diffusion|propagation|propagande|publication|injure|diffamation|"
    r"menace|justification|glorification|appel|manifestation|promotion)s?\b"
)
NOMINAL_EN = (
    r"(the )?(\w+ ){0,2}?(incitement|denial|dissemination|propagation|advocacy|glorification|"
    r"condoning|trivialisation|trivialization|minimisation|minimization|justification|"
    r"distribution|promotion) (of|to)\b"
)
CONDUCT_SUBJECT = {
    "en": _rx(
        r"\b(a|any|every|no) (natural |legal )?person who\b",
        r"\bwhoever\b",
        r"\b(every ?one|anyone|anybody) who\b",
        r"\bwho(ever)? (publicly|intentionally)\b",
        # "Public incitement to genocide shall be punished by ..."
        rf"(?:^|[.;:]\s+){NOMINAL_EN}",
    ),
    "fr": _rx(
        r"\bquiconque\b",
        r"\btoute personne qui\b",
        r"\ble fait d(e\b|['’])",
        r"\bcelui qui\b",
        r"\bceux qui\b",
        # Offences written as nouns: "La provocation directe et publique ... est punie de".
        rf"(?:^|[.;:]\s+){NOMINAL_FR}",
    ),
}
OFFENCE_ELSEWHERE = {
    "en": _rx(
        r"\boffen[cs]es? (under|in|referred to in|provided for in|set out in|defined in|"
        r"created by|established (by|in)|described in) (article|section|s\.|§|this)",
        r"\bconvicted of\b",
        r"\bfor (the|an|any) offen[cs]e\b",
        r"\bthe penalty for\b",
        r"\bpenalt(y|ies) (for|under)\b",
        r"\bwho (commits|has committed|is convicted of|is found guilty of) the (offen[cs]e|crime) of\b",
        r"\bfound guilty of\b",
    ),
    "fr": _rx(
        r"\binfractions? (prévue|visée|définie|mentionnée)s? (à|aux|par)\b",
        r"\bfaits? (prévus?|visés?) (à|aux)\b",
        r"\bcondamnée?s? pour\b",
        # "La provocation prévue à l'article 2 est punie de ..." points at the offence.
        r"\b(provocation|incitation|négation|contestation|apologie|diffusion|injure|diffamation)s? "
        r"(\w+ ){0,2}?(prévue?s?|visée?s?|définie?s?|mentionnée?s?|réprimée?s?) (à|aux|par) "
        r"(l['’]article|les articles)",
    ),
}
DEFINITION = {
    "en": _rx(
        r"[\"“'‘][^\"”'’]{1,60}[\"”'’]\s+(means|includes|shall mean|refers to|has the meaning)\b",
        r"^in this (act|law|part|chapter|section|article|statute)\b.*\bmeans\b",
        r"\bfor the purposes? of this (act|law)\b.*\bmeans\b",
        r"^for the purposes? of this (act|law), [^,.]{1,60}? (is|are) (a|an|the|any)\b",
    ),
    "fr": _rx(
        r"«[^»]{1,60}»\s*(désigne|s'entend|s’entend|signifie|vise)\b",
        r"\bon entend par\b",
        r"\bau sens de la présente loi\b.*\b(désigne|s'entend|on entend)\b",
        # "Au sens de la présente loi, l'idéologie du génocide est un ensemble de ..."
        r"^au sens de la présente loi, (l['’]|le |la |les )[^,.]{1,60}? (est|sont) (un|une|des|"
        r"le|la|l['’])",
        r"\bs['’]entend(ent)? (de|d['’]|du|des|comme)",
        r"^constitue (un|une) [^,.]{1,60}? (tout|toute|tous|toutes)\b",
        r"(^|[.;:]\s+)(est|sont) (qualifiée?s?|considérée?s? comme|réputée?s?) "
        r"(d(e |['’])|comme )?[^,.]{1,60}? (tout|toute|tous|toutes|les?|la|l['’])",
    ),
}
# Tried in order after offence, sanction and definitions.
CONTENT_RULES: dict[ArticleKind, dict[str, Pattern]] = {
    # Temporal application ("applies to acts committed before its entry into force") is about
    # the whole law, neither an exception nor an entry-into-force clause.
    K.GENERAL: {
        "en": _rx(
            r"\b(conduct|acts?|statements?|publications?)( \w+){0,3} (made|committed|done|that "
            r"occurred|occurring) before (its|the) (commencement|entry into force)",
        ),
        "fr": _rx(r"\b(faits|actes) commis (avant|antérieurement)"),
    },
    K.EXCEPTIONS: {
        "en": _rx(
            r"\b(does|shall) not apply\b",
            r"\bnothing in (this (act|law|part)|(section|article)s? \d+)\b",
            r"\bit is a defen[cs]e\b",
            r"\bis not an offen[cs]e\b",
            r"\b(does|do|shall) not commit an? offen[cs]e\b",
            r"\bno offen[cs]e is committed\b",
            r"\bexempt",
        ),
        "fr": _rx(
            r"\bne s'applique(nt)? pas\b",
            r"\bne s’applique(nt)? pas\b",
            r"\bne constitue pas une infraction\b",
            r"\bn['’]est pas punissable\b",
        ),
    },
    K.FINAL: {
        "en": _rx(
            r"\b(come|comes|shall come) into (force|operation)\b",
            r"\bis (hereby )?repealed\b",
            r"\bare (hereby )?repealed\b",
            r"\btransitional\b",
            r"\breview of (this|the) (act|law)\b",
            r"\bceases? to have effect\b",
            r"\bshall be (registered and )?published in the (official )?gazette\b",
            r"\bstatistics\b",
            r"\bmay be cited as\b",
            r"\b(enters?|shall enter) into force\b",
            r"\b(takes?|shall take) effect\b",
            r"\bannual report\b",
            r"\breport on the (operation|application|implementation)\b",
            r"\bshall be reviewed\b",
        ),
        "fr": _rx(
            r"\bentre(ra)? en vigueur\b",
            r"\babrogée?s?\b",
            r"\bsont abrogées?\b",
            r"\bdispositions? transitoires?\b",
            r"\bexécutée comme loi\b",
            r"\bsera enregistrée,? (et )?publiée\b",
            r"\b(publiée|insérée) au journal officiel\b",
            r"\brapport sur l['’]application\b",
            r"\bstatistiques\b",
        ),
    },
    K.PROCEDURE: {
        "en": _rx(
            r"\bprosecut",
            r"\bproceedings\b",
            r"\bappeal",
            r"\bcomplaint",
            r"\binvestigat",
            r"\bcourt\b",
            r"\bcommission\b",
            r"\btribunal\b",
            r"\bjurisdiction\b",
            r"\blimitation period\b",
            r"\bjudicial review\b",
            r"\bprescription\b",
        ),
        "fr": _rx(
            r"\bpoursuites?\b",
            r"\bprocédure\b",
            r"\bappel\b",
            r"\bplaintes?\b",
            r"\benquête",
            r"\btribunal\b",
            r"\bjuridiction",
            r"\bcommission\b",
            r"\brecours\b",
            r"\baction publique\b",
            r"\bprescri",
        ),
    },
}


def _lang(language: str) -> str:
    return language if language in HEADING_RULES else "en"


def kind_from_heading(heading: str, language: str) -> ArticleKind | None:
    """Return the kind an article heading names, or None if the heading says nothing."""
    folded = prefilter.fold(heading)
    for kind, pattern in HEADING_RULES[_lang(language)]:
        if pattern.found(heading, folded):
            return kind
    return None


def kind_from_text(text: str, language: str) -> ArticleKind:
    """Return the kind an article's text shows, in the order: offence, sanction, definitions..."""
    lang = _lang(language)
    folded = prefilter.fold(text)
    if OFFENCE_STATED[lang].found(text, folded):
        return K.OFFENCE
    if PENALTY[lang].found(text, folded):
        conduct = CONDUCT_SUBJECT[lang].found(text, folded) or PROHIBITION[lang].found(text, folded)
        if conduct and not OFFENCE_ELSEWHERE[lang].found(text, folded):
            return K.OFFENCE
        return K.SANCTION
    if DEFINITION[lang].found(text, folded):
        return K.DEFINITIONS
    for kind, table in CONTENT_RULES.items():
        if table[lang].found(text, folded):
            return kind
    return K.GENERAL


Memo = dict[tuple, object]  # answers given for one statute, keyed by (function, text, language)
_MISSING = object()


def _remembered(memo: Memo, function: Callable, text: str, language: str) -> Any:
    """Return ``function(text, language)``, computed once per text of a statute: a code repeats
    its headings and boilerplate ("Penalties", "Nothing in this article ..."), and each answer
    depends on the text alone."""
    key = (function, text, language)
    found = memo.get(key, _MISSING)
    if found is _MISSING:
        found = memo[key] = function(text, language)
    return found


def classify_article(article: Article, language: str, memo: Memo | None = None) -> ArticleKind:
    """Return the kind of one article from its heading, then its text.

    ``memo`` keeps answers for the other articles of the same statute.
    """
    memo = {} if memo is None else memo
    by_text = _remembered(memo, kind_from_text, article.text, language)
    by_heading = (
        _remembered(memo, kind_from_heading, article.heading, language) if article.heading else None
    )
    if by_heading is None:
        return by_text
    # "Offences and penalties" over an article that itself states an offence: an offence.
    # A heading about evidence or courts over text that creates an offence ("False testimony
    # and concealment of evidence": "Any person who ... is liable to ...") is an offence.
    if by_heading == K.SANCTION and by_text == K.OFFENCE:
        return K.OFFENCE
    # A heading about evidence or courts over text that creates an offence ("False testimony
    # and concealment of evidence": "Any person who ... is liable to ...") is an offence; a
    # mere mention of offences in a procedure article is not.
    if by_heading in (K.PROCEDURE, K.GENERAL) and creates_offence(article, language, memo):
        return K.OFFENCE
    # A heading naming the subject ("Incitement") over a pure penalty article: a sanction.
    if by_heading == K.OFFENCE and by_text == K.SANCTION:
        return K.SANCTION
    if by_heading == K.OFFENCE and by_text in (K.EXCEPTIONS, K.DEFINITIONS):
        return by_text
    return by_heading


def creates_offence(article: Article, language: str, memo: Memo | None = None) -> bool:
    """Return True if a paragraph opens with the offender ("Any person who") and punishes."""
    memo = {} if memo is None else memo
    return any(_remembered(memo, _creates_offence, p.text, language) for p in article.paragraphs)


def _creates_offence(text: str, language: str) -> bool:
    """Return True if a paragraph's text opens with the offender and punishes."""
    lang = _lang(language)
    if not CONDUCT_SUBJECT[lang].found(text[:80]):
        return False  # the usual paragraph: no offender named, no need to look for a penalty
    folded = prefilter.fold(text)
    punished = PENALTY[lang].found(text, folded) or OFFENCE_STATED[lang].found(text, folded)
    return punished and not OFFENCE_ELSEWHERE[lang].found(text, folded)


def classify_statute(statute: Statute) -> None:
    """Set the kind of every article of a statute read from a document."""
    memo: Memo = {}
    for article in statute.articles:
        article.kind = classify_article(article, statute.language, memo)
    mark_described_offences(statute.articles, _lang(statute.language))
