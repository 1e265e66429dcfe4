"""Synthetic statutes for the benchmarks: realistic articles, some vague, some with sanctions.

The text is generated from a fixed seed so that every run measures the same documents. A share
of the articles carry the phrases the linter exists to catch ("ideology", "in any manner
whatsoever", "public order") and penalties, so that the rules do real work and the findings are
not an empty list that a shortcut could return.
"""

from __future__ import annotations

import random
from pathlib import Path

SUBJECTS = [
    "the publication of statements",
    "the conduct of public meetings",
    "the registration of associations",
    "the keeping of records by broadcasters",
    "the powers of the Commission",
    "the appointment of members of the Authority",
    "appeals against decisions of the Authority",
    "the protection of witnesses",
    "the preservation of archives",
    "cooperation with international bodies",
]
PLAIN = [
    (
        "The Authority shall publish an annual report on the exercise of its functions and lay it "
        "before Parliament within three months after the end of each financial year."
    ),
    (
        "A decision under this article shall be given in writing, state the reasons on which it is "
        "based and inform the person concerned of the right to appeal to the High Court."
    ),
    (
        "The Minister may, after consulting the Commission, make regulations prescribing the form "
        "of applications and the fees payable under this Part."
    ),
    (
        "Nothing in this article shall be construed as restricting the publication of fair and "
        "accurate reports of proceedings before a court or of historical research."
    ),
    (
        "A member of the Authority holds office for a term of five years and may be reappointed "
        "once; a member may be removed only by a court for proven misconduct or incapacity."
    ),
    (
        "The records kept under subsection (1) shall be preserved for a period of ten years and "
        "made available to the Authority on a written request stating its grounds."
    ),
]
VAGUE = [
    "Any person who propagates genocide ideology in any manner whatsoever commits an offence.",
    (
        "A person who disseminates statements that undermine public order or national unity "
        "commits an offence."
    ),
    "Whoever minimises or trivialises the genocide, by any means, commits an offence.",
    "Any act of divisionism or sectarianism, however committed, is prohibited.",
]
SANCTIONS = [
    (
        "A person convicted of an offence under this article is liable to imprisonment for a term "
        "not exceeding five years or to a fine not exceeding ten thousand units, or to both."
    ),
    "The offence is punishable by imprisonment for life.",
    (
        "A person who commits the offence shall be liable to imprisonment for a term of not less "
        "than twenty-five years and the court shall order the dissolution of any association."
    ),
    "A person convicted under this article is liable to a fine not exceeding five thousand units.",
]


def statute_paragraphs(articles: int, seed: int = 6) -> list[str]:
    """Return the paragraphs of a statute with this many articles (a title, then articles)."""
    rng = random.Random(seed * 100_003 + articles)
    paras = [f"Prevention of Incitement Act (No. {articles})"]
    for number in range(1, articles + 1):
        paras.append(f"Article {number} - {rng.choice(SUBJECTS).capitalize()}")
        body = rng.sample(PLAIN, rng.randint(1, 3))
        if rng.random() < 0.15:
            body.insert(0, rng.choice(VAGUE))
        if rng.random() < 0.2:
            body.append(rng.choice(SANCTIONS))
        paras.extend(f"({i}) {text}" for i, text in enumerate(body, start=1))
    return paras


def write_statute(path: Path, articles: int, seed: int = 6) -> Path:
    """Write a synthetic statute of ``articles`` articles as a .docx file and return its path."""
    import docx

    document = docx.Document()
    for text in statute_paragraphs(articles, seed):
        document.add_paragraph(text)
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


def words(path: Path) -> int:
    """Count the words of a statute written by ``write_statute`` (for the report)."""
    import docx

    return sum(len(p.text.split()) for p in docx.Document(str(path)).paragraphs)
