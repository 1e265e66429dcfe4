"""Regular expressions for the printed structure of statutes: headings, divisions, markers.

Kept apart from the layout logic so that the patterns can be read (and extended) as data.
"""

from __future__ import annotations

import re

from ..regexes import regex_cache

# An article number as printed: 3, 3A, 3bis, 3-1, 12.4, IV, premier, 1er, unique (a law of
# one article: "Article unique").
LATIN_SUFFIX = r"(?:bis|ter|quater|quinquies|sexies|septies|octies|nonies|decies)"
ARABIC = rf"\d+(?:[-.]\d+)*(?:\s?{LATIN_SUFFIX}\b|[A-Z]{{1,2}}\b|[a-z]\b)?"
NUMBER = (
    rf"(?:1er\b|{ARABIC}|premier\b|unique\b|one\b|first\b|[IVXLC]+\b)"  # "Article One" (Rwanda)
)

# "Article 3", "ARTICLE 3", "Art. 3.", "Article: 3", "Section 3", "Sec. 3", "s. 130", "§ 130".
ARTICLE_HEAD = regex_cache.compile(
    rf"^(?P<word>article|art\.?|section|sec\.|clause|§)\s*:?\s*(?P<paren>\()?(?P<num>{NUMBER})"
    r"(?(paren)\))(?P<rest>.*)$",
    re.IGNORECASE,
)
# "s. 130" is lower-case only: "S." would be an initial.
SHORT_SECTION_HEAD = regex_cache.compile(rf"^(?P<word>s\.)\s*(?P<num>{ARABIC})(?P<rest>.*)$")
# Numbered headings without a word: "3.", "3. Offences", "130 Incitement", "3. (1) A person".
NUMBERED_HEAD = regex_cache.compile(r"^(?P<num>\d+[A-Z]?)(?P<dot>\.?)(?:\s+(?P<rest>.*))?$")

# The chapter citation under a UK or Commonwealth Act's title: "2025 CHAPTER 14", "2006 c. 1",
# "Act No. 12 of 2024" is front matter, not section 2025.
CHAPTER_CITATION = regex_cache.compile(
    r"^(?:1[89]|20)\d\d\s+(?:chapter|c\.|cap\.?|no\.)\s*\d+\w*$", re.IGNORECASE
)

WORD_NUMBERS = {
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
    "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "first": "1",
    "second": "2", "third": "3", "fourth": "4", "fifth": "5",
}  # fmt: skip
DIVISION_WORDS = {
    "part": "part", "book": "part", "livre": "part", "partie": "part",
    "title": "title", "titre": "title",
    "chapter": "chapter", "chapitre": "chapter",
    "section": "section", "sous-section": "section", "subpart": "section", "division": "section",
}  # fmt: skip
DIVISION_HEAD = regex_cache.compile(
    r"^(?P<word>sous-section|subpart|part|partie|book|livre|title|titre|chapter|chapitre|"
    r"section|division)\s+(?P<num>\d+[A-Z]?|[IVXLC]+(?:er)?|premier|première|"
    + "|".join(WORD_NUMBERS)
    + r")\b\.?(?P<rest>.*)$",
    re.IGNORECASE,
)

# A schedule or annex at the end of an Act: "SCHEDULE", "Schedule 2 - Acts of genocide",
# "FIRST SCHEDULE", "ANNEXE I", "Appendix A". Its numbered lines are not articles.
SCHEDULE_HEAD = regex_cache.compile(
    r"^(?:the\s+)?(?:(?P<ordinal>first|second|third|fourth|fifth)\s+)?"
    r"(?P<word>schedule|annex|annexe|appendix)\b\s*(?P<num>[\dIVX]+|[A-Z]\b|unique\b)?"
    r"\s*(?:[-–—:.]\s*)?(?P<rest>.*)$",
    re.IGNORECASE,
)

# A separator between a number and a heading: "Article 3 - Heading", "Article 3: Heading".
SEPARATOR = regex_cache.compile(r"^\s*[.:]?\s*(?:[-–—:.]\s*)?")

# Paragraph markers, in the order they are tried. Each gives (level, number).
MARKERS: list[tuple[re.Pattern[str], str]] = [
    (regex_cache.compile(r"^\((\d+[A-Za-z]?)\)\s*"), "para"),  # (1) (1A)
    (
        regex_cache.compile(r"^§\s*(\d+)(?:er)?\s*[.)]?\s+(?=\S)"),
        "para",
    ),  # § 1er. § 2. (inside an Art.)
    (regex_cache.compile(r"^(\d+)\s*[°º]\s*[-–—.)]?\s*"), "para"),  # 1° (French)
    (regex_cache.compile(r"^([IVX]+)\.\s*[-–—]\s*"), "para"),  # I. – (French numbered alinéas)
    (regex_cache.compile(r"^(\d+\.\d+)\.?\s+(?=\S)"), "para"),  # 3.1 (decimal paragraph numbers)
    (regex_cache.compile(r"^(\d{1,2})\s+(?=[A-ZÀ-ÖØ-Þ«\"“])"), "para"),  # 1 Celui qui (Swiss style)
    (regex_cache.compile(r"^(\d+)[.)]\s+(?=\S)"), "para"),  # 1. 1)
    (regex_cache.compile(r"^\(([ivxlcdm]+)\)\s*"), "roman"),  # (i) (ii) - or a letter, by context
    (regex_cache.compile(r"^\(([a-z]{1,2})\)\s*"), "item"),  # (a) (aa)
    (regex_cache.compile(r"^\(([A-Z])\)\s*"), "item"),  # (A)
    (regex_cache.compile(r"^([ivxlcdm]+)[.)]\s+"), "roman"),  # i) ii.
    (regex_cache.compile(r"^([a-z])\)\s*"), "item"),  # a)
    (regex_cache.compile(r"^([a-z])\.\s+"), "item"),  # a.
    (regex_cache.compile(r"^[-–—•·*▪◦‣]\s*"), "bullet"),  # - bullets
]

ROMAN = regex_cache.compile(r"^[ivxlcdm]+$")

# Front matter. A long title is the English "An Act to..." or the French "Loi ayant pour objet
# de ..." (drafter's French drafts); other French titles ("Loi n° ... relative à ...") are the
# title itself.
LONG_TITLE = regex_cache.compile(
    r"^(?:an act|a bill for an act|a bill|act)(?: of parliament)? (?:to|for|relating|respecting|"
    r"concerning|\w+ing)\b|^loi (?:ayant pour objet|visant|tendant) (?:de|d['’]|à)",
    re.IGNORECASE,
)
LAW_TITLE = regex_cache.compile(
    r"\b(?:act|law|bill|decree|ordinance|proclamation|statute|code|loi|décret|ordonnance|"
    r"projet de loi|proposition de loi)\b",
    re.IGNORECASE,
)
ENACTING = regex_cache.compile(
    r"\b(?:be it enacted|enacted by|parliament enacts|hereby enacts|enacts as follows|"
    r"has adopted|have adopted|adopte|a adopté|ont adopté|a délibéré|promulgue|promulgate|"
    r"the following (?:act|law)\b|(?:decrees|ordains|orders|proclaims|décrète|ordonne)\b[^.]{0,30}"
    r"(?:as follows|:)\s*$)"
    r"|^(?:ordains|decrees|décrète|ordonne|arrête)\s*:?\s*$",
    re.IGNORECASE,
)

# Verbs that make a short line a sentence rather than a heading.
FINITE_VERB = regex_cache.compile(
    r"\b(?:is|are|was|shall|may|must|applies|apply|means|includes|has|have|est|sont|peut|"
    r"peuvent|doit|doivent|s['’]applique(?:nt)?|entre|désigne|constitue)\b",
    re.IGNORECASE,
)

# Text that ends a sentence: a line ending so is not a heading.
SENTENCE_END = regex_cache.compile(r"[.;,:—–-]\s*$")  # a dash ends a lead-in: "...requires—"
