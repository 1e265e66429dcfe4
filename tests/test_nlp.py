"""Sentence splitting and negation on legal text; one spaCy pass per statute."""

from __future__ import annotations

import subprocess
import sys

import pytest

from drafter.lint import nlp
from drafter.lint.engine import Context, Unit
from drafter.markup import parse_markup


def context_for(*paragraphs: str, language: str = "en") -> tuple[Context, list[Unit]]:
    markup = "::article Test {kind=offence}\n" + "\n".join(f"::para {p}" for p in paragraphs)
    statute = parse_markup(markup, language=language)
    context = Context(statute=statute, language=language)
    return context, list(context.units(statute.articles))


def split(text: str, language: str = "en") -> list[str]:
    context, units = context_for(text, language=language)
    return [text[s:e] for s, e in nlp.sentences(context, units[0])]


@pytest.mark.parametrize(
    "text",
    [
        "An offence under Art. 3 of the Code is punishable.",
        "See No. 5 of the Schedule and para. 2 of Article 4 for the list.",
        "As provided in s. 130 of the Criminal Code, the court decides.",
        "A communication, i.e. a statement to the public, e.g. a broadcast, is covered.",
        "The rules in Articles 3 et seq. apply to the offences in this Part.",
        "The acts in 1. and 2. of the Schedule, namely (a) killing; (b) harm, are listed.",
        "The author, J. Smith, and Prof. Jones are members.",
    ],
)
def test_no_break_at_abbreviations_and_enumerations(text):
    assert split(text) == [text]


def test_breaks_at_real_sentence_ends():
    text = 'A person commits an offence. The court "decides." (2) Another sentence! Final one?'
    assert split(text) == [
        "A person commits an offence.",
        'The court "decides."',
        "(2) Another sentence!",
        "Final one?",
    ]


def test_french_sentences():
    text = "Voir l'art. 3 al. 2 du code. Nul ne peut être poursuivi. M. Dupont, cf. p. 3, signe."
    assert split(text, "fr") == [
        "Voir l'art. 3 al. 2 du code.",
        "Nul ne peut être poursuivi.",
        "M. Dupont, cf. p. 3, signe.",
    ]


def test_analysis_runs_once_per_statute(monkeypatch):
    context, units = context_for("First. Second.", "Third para.")
    calls = []
    real = nlp.pipeline("en")

    class Counting:
        def pipe(self, texts):
            texts = list(texts)
            calls.append(len(texts))
            return real.pipe(texts)

    monkeypatch.setattr(nlp, "pipeline", lambda language: Counting())
    for _ in range(3):
        for unit in units:
            nlp.sentences(context, unit)
    assert calls == [2]  # one pipe over both paragraphs, never again
    assert nlp.sentence_at(context, units[0], 8) == (7, 14)


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("No person shall be prosecuted for acts committed before this Act.", "acts", True),
        ("Negligence or recklessness as to the effect is not sufficient.", "Negligence", True),
        (
            "A person who denies genocide is liable to a term not exceeding five years.",
            "denies",
            False,
        ),
        ("No person shall publicly deny the genocide.", "deny", False),
        ("A person must not deny the genocide.", "deny", False),
        (
            "A person who, whether or not intending it, denies genocide commits an offence.",
            "denies",
            False,
        ),
        ("This Act does not apply retroactively.", "retroactively", True),
    ],
)
def test_negation(text, word, expected):
    context, units = context_for(text)
    start = text.index(word)
    assert nlp.negated(context, units[0], start, start + len(word)) is expected


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Nul ne peut être poursuivi pour des faits commis avant la loi.", "faits", True),
        ("Nul ne peut nier le génocide.", "nier", False),
        ("Quiconque nie le génocide est puni d'une peine qui ne peut excéder un an.", "nie", False),
    ],
)
def test_negation_french(text, word, expected):
    context, units = context_for(text, language="fr")
    start = text.index(word)
    assert nlp.negated(context, units[0], start, start + len(word)) is expected


def test_importing_the_linter_does_not_import_spacy():
    code = (
        "import sys, drafter.lint.nlp, drafter.lint.catalog, drafter.lint.kinds_text\n"
        "drafter.lint.catalog.load_rules()\n"
        "assert 'spacy' not in sys.modules, 'spacy imported eagerly'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_negation_inside_reported_speech_does_not_count():
    text = "Any person who denies the genocide, or states that it was not genocide, is liable."
    context, units = context_for(text)
    start = text.index("denies")
    assert nlp.negated(context, units[0], start, start + 6) is False
