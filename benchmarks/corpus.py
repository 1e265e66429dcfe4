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
    "the licensing of printing presses",
    "the funding of civic education",
    "complaints by members of the public",
    "the inspection of premises",
    "the disclosure of information",
]
# Slot values: every paragraph is built from a template and a few of these, so that a code of
# thousands of articles has (almost) no two identical paragraphs, as real codes do not; a
# benchmark made of a dozen repeated texts would reward caching answers per text.
BODIES = [
    "the Authority", "the Commission", "the Registrar", "the Minister", "the Board",
    "the Council", "the Director", "the Ombudsman", "the Inspector-General", "the Secretariat",
]  # fmt: skip
COURTS = ["the High Court", "the Court of Appeal", "a magistrate's court", "the Supreme Court"]
THINGS = [
    "applications", "licences", "records", "reports", "notices", "registers", "returns",
    "certificates", "permits", "accounts", "minutes", "publications",
]  # fmt: skip
NUMBERS = [
    "two", "three", "four", "five", "six", "seven", "eight", "ten", "twelve", "fifteen",
    "twenty", "thirty", "sixty", "ninety",
]  # fmt: skip
UNITS = ["days", "weeks", "months", "years"]
PLAIN = [
    (
        "{Body} shall publish an annual report on {subject} and lay it before Parliament within "
        "{n} {unit} after the end of each financial year."
    ),
    (
        "A decision of {body} under article {ref} shall be given in writing, state the reasons on "
        "which it is based and inform the person concerned of the right to appeal to {court}."
    ),
    (
        "{Body} may, after consulting {body2}, make regulations prescribing the form of {things} and "
        "the fees payable under this Part."
    ),
    (
        "Nothing in article {ref} shall be construed as restricting the publication of fair and "
        "accurate reports of proceedings before {court} or of historical research on {subject}."
    ),
    (
        "A member of {body} holds office for a term of {n} years and may be reappointed once; a "
        "member may be removed only by {court} for proven misconduct or incapacity."
    ),
    (
        "The {things} kept under paragraph (1) shall be preserved for a period of {n} {unit} and "
        "made available to {body} on a written request stating its grounds."
    ),
    (
        "{Body} shall keep a register of {things} received under article {ref}, open to inspection "
        "by any person during office hours on payment of the prescribed fee."
    ),
    (
        "Where {body} refuses an application concerning {subject}, the applicant may, within {n} "
        "{unit} of the refusal, apply to {court} for a review of the decision."
    ),
    (
        "{Body} shall consult {body2} and the public before issuing guidance on {subject}, and shall "
        "publish the guidance together with a summary of the comments received."
    ),
    (
        "The {things} referred to in article {ref} shall be in the official languages and shall "
        "state the name and address of the person responsible for them."
    ),
]
VAGUE = [
    "Any person who propagates genocide ideology in any manner whatsoever commits an offence.",
    (
        "A person who disseminates statements that undermine public order or national unity, "
        "including statements about {subject}, commits an offence."
    ),
    "Whoever minimises or trivialises the genocide, by any means, commits an offence.",
    (
        "Any act of divisionism or sectarianism, however committed, in relation to {subject} is "
        "prohibited."
    ),
]
SANCTIONS = [
    (
        "A person convicted of an offence under this article is liable to imprisonment for a term "
        "not exceeding {n} years or to a fine not exceeding {money} units, or to both."
    ),
    "The offence under article {ref} is punishable by imprisonment for life.",
    (
        "A person who commits the offence shall be liable to imprisonment for a term of not less "
        "than twenty-five years and {court} shall order the dissolution of any association."
    ),
    "A person convicted under this article is liable to a fine not exceeding {money} units.",
]


def _fill(template: str, rng: random.Random, number: int) -> str:
    """Return a template with its slots filled (article references point to earlier articles)."""
    body, body2 = rng.sample(BODIES, 2)
    return template.format(
        body=body,
        Body=body[0].upper() + body[1:],
        body2=body2,
        court=rng.choice(COURTS),
        things=rng.choice(THINGS),
        subject=rng.choice(SUBJECTS),
        n=rng.choice(NUMBERS),
        unit=rng.choice(UNITS),
        ref=rng.randint(1, number),
        money=f"{rng.randint(1, 50) * 1000:,}".replace(",", " "),
    )


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
        texts = [_fill(text, rng, number) for text in body]
        paras.extend(f"({i}) {text}" for i, text in enumerate(texts, start=1))
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
