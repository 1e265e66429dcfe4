"""Printing conventions of particular legislatures, which the layout (layout.py) consults.

Each is written in its general form and named after where it is met: the front matter of US
bills, their lettered subsections, Canadian history notes, marginal notes, the signature
under a statute.
"""

from __future__ import annotations

import re

from ..model import Article
from ..regexes import regex_cache

# The front matter of a US bill: "119TH CONGRESS", "2D SESSION  H. R. 8412" (not section 2D).
CONGRESS_SESSION = regex_cache.compile(
    r"^\d+(?:st|nd|rd|th|d)\s+(?:session|congress)\b", re.IGNORECASE
)
# A Canadian history note after a section: "R.S., 1985, c. C-46, s. 318; 2004, c. 14, s. 1."
# It cites the amending Acts, not this statute's sections.
HISTORY_NOTE = regex_cache.compile(
    r"^(?:(?:R\.S\.(?:C\.)?|S\.C\.|L\.R\.),?\s*)?\d{4},\s*c\.\s*[A-Z]?-?\d+"
    r"(?:[,;]\s*(?:\d{4},\s*c\.\s*[A-Z]?-?\d+|ss?\.\s*[\d.]+(?:\s*(?:,|and|to)\s*[\d.]+)*))*\.?$"
)
# The signature under the last article: "Done at Kigali, on ...", "Fait à Paris, le ...": the
# place, capitalised, then a comma before the date.
SIGNATURE = regex_cache.compile(
    r"^(?i:done|signed|dated|fait|donné)\s+(?i:at|in|à)\s+[A-ZÀ-Ý][^,]{0,40},"
)
TRAILER_START = frozenset("RSLDFdsf0123456789")  # how a history note or a signature starts
# Words that open a sentence, not a marginal note ("The Act binds the Crown.").
SENTENCE_OPENER = regex_cache.compile(
    r"^(?:the|this|that|a|an|any|every|no|such|it|he|she|they|le|la|les|l['’]|un|une|ce|cette|"
    r"il|elle|toute?s?)\b",
    re.IGNORECASE,
)


def letters_on_top(article: Article) -> None:
    """Put lettered subsections above numbered paragraphs when the section opens with "(a)".

    US bills number subsections "(a)", their paragraphs "(1)" and subparagraphs "(A)"; read
    with the Commonwealth order ("(1)" above "(a)") the hierarchy comes out upside down. A
    section whose first paragraph is "(a)" (no lead-in above it) and which has a numbered
    paragraph after a letter is read the US way.
    """
    paras = article.paragraphs
    if not paras or paras[0].number != "a" or paras[0].level != 1:
        return
    if not any(p.number and p.number.isdigit() and p.level == 0 for p in paras):
        return
    for p in paras:
        if p.number is None:
            continue
        if p.number.isdigit():
            p.level = 1
        elif p.level == 1 and p.number.islower():
            p.level = 0
        else:
            p.level = 2  # "(A)", "(i)"
