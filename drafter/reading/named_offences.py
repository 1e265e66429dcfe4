"""Offences stated by describing a conduct that a later article punishes by name.

"Genocide ideology is characterised by any behaviour ..." (Article 3) states no offence in so
many words; "Any person found guilty of the crime of genocide ideology shall be liable ..."
(Article 4) makes Article 3 the offence. The same holds in French ("L'idéologie du génocide se
manifeste par ...", "reconnue coupable du crime d'idéologie du génocide").
"""

from __future__ import annotations

import re

from ..model import Article, ArticleKind

K = ArticleKind

# "Genocide ideology is characterised by ...", "L'idéologie du génocide se manifeste par ...":
# the subject an article describes, which a later article may punish by name.
DESCRIBED = re.compile(
    r"^(?:the |l['’]|le |la |les )?(?P<name>[\w'’ -]{3,60}?) (?:is|are|consists?|shall consist|"
    r"est|sont|consiste|se caractérise|se manifeste|se définit)\b",
    re.IGNORECASE,
)
NAMES_A_CRIME = {
    "en": re.compile(r"\b(?:crime|offen[cs]e) of\b", re.IGNORECASE),
    "fr": re.compile(r"\b(?:crime|délit|infraction) d(?:e|u)?\b", re.IGNORECASE),
}
NAMED_IN = {
    "en": r"\b(?:crime|offen[cs]e) of (?:the )?{}\b",
    "fr": r"\b(?:crime|délit|infraction) (?:de |d['’]\s?|du |de la ){}\b",
}


def mark_described_offences(articles: list[Article], language: str) -> None:
    """Make an offence of a general article whose subject a later article punishes by name.

    Only when no offence article already names that crime.
    """
    # Few articles punish a crime by name: only those are searched for the names described.
    punishing = [
        (i, a.text.lower()) for i, a in enumerate(articles)
        if a.kind == K.SANCTION and NAMES_A_CRIME[language].search(a.text)
    ]  # fmt: skip
    if not punishing:
        return
    stated = [a.text.lower() for a in articles if a.kind == K.OFFENCE]
    for index, article in enumerate(articles):
        found = DESCRIBED.match(article.text) if article.kind == K.GENERAL else None
        if found is None:
            continue
        name = found.group("name").lower()
        texts = [t for i, t in punishing if i > index and name in t]
        if not texts:
            continue
        named = re.compile(NAMED_IN[language].format(re.escape(name)), re.IGNORECASE)
        if any(named.search(t) for t in texts) and not any(
            name in t and named.search(t) for t in stated
        ):
            article.kind = K.OFFENCE
