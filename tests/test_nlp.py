"""Sentence splitting and negation on legal text; one spaCy pass per statute."""

from __future__ import annotations

import os
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
    real = nlp.split

    def counting(text, language):
        calls.append(text)
        return real(text, language)

    monkeypatch.setattr(nlp, "split", counting)
    for _ in range(3):
        for unit in units:
            nlp.sentences(context, unit)
    assert calls == ["First. Second.", "Third para."]  # each paragraph once, never again
    assert nlp.sentence_at(context, units[0], 8) == (7, 14)


def test_spacy_engine_on_request_runs_one_pipe(monkeypatch):
    monkeypatch.setenv(nlp.ENGINE_VARIABLE, "spacy")
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


def test_linting_imports_neither_spacy_nor_numpy(tmp_path):
    doc = tmp_path / "law.txt"
    doc.write_text(
        "Article 1 - Offence\nA person who, under Art. 3 of the Code, spreads an ideology of "
        "hatred commits an offence. The penalty is imprisonment for life.\n",
        encoding="utf-8",
    )
    code = (
        "import sys\n"
        "from drafter.lint.api import LintOptions, lint_path\n"
        f"result = lint_path({str(doc)!r}, LintOptions())\n"
        "assert result.error is None and result.findings, result\n"
        "heavy = sorted({'spacy', 'numpy', 'thinc'} & set(sys.modules))\n"
        "assert not heavy, heavy\n"
    )
    env = {k: v for k, v in os.environ.items() if k != nlp.ENGINE_VARIABLE}
    subprocess.run([sys.executable, "-c", code], check=True, env=env)


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
        # A bound on the penalty is not a negation of the offence.
        (
            (
                "Whoever insults the memory of the martyrs shall be punished with imprisonment for a "
                "term which shall not be less than one year."
            ),
            "insults",
            False,
        ),
        # A negation in a new coordinated clause has its own subject.
        (
            "The Minister may order a platform to remove content, and no appeal lies against it.",
            "Minister",
            False,
        ),
        # "No ... except upon X" affirms X.
        (
            (
                "No court shall take cognizance of an offence except upon a complaint by an officer "
                "whose certificate shall be conclusive."
            ),
            "officer",
            False,
        ),
        ("No court shall take cognizance of an offence by an officer.", "officer", True),
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
        (
            "Quiconque nie le génocide est puni d'une peine qui ne peut être inférieure à un an.",
            "nie",
            False,
        ),
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


def context_with_items(lines: list[tuple[str, str]], language: str = "en"):
    """Return a context and its units for an offence article of ::para / ::item lines."""
    markup = "::article Test {kind=offence}\n" + "\n".join(f"::{k} {t}" for k, t in lines)
    statute = parse_markup(markup, language=language)
    context = Context(statute=statute, language=language)
    return context, list(context.units(statute.articles))


@pytest.mark.parametrize(
    ("lines", "index", "expected"),
    [
        # Items under a defence lead-in are what is not punished.
        ([("para", "A person who incites hatred commits an offence."),
          ("para", "No person shall be convicted of an offence under paragraph (1)"),
          ("item", "if the person expressed an opinion in good faith.")], 3, True),
        # Items under an offence lead-in are the offence.
        ([("para", "A person who publicly does any of the following commits an offence:"),
          ("item", "spreads an ideology of hatred;")], 2, False),
        # An exception stated in the match's own sentence.
        ([("para", "This Act does not apply to an opinion expressed in good faith.")], 1, True),
        ([("para", "A person who spreads an ideology commits an offence.")], 1, False),
        # "1°" items printed at paragraph level under "shall not apply to:".
        ([("para", "This Article shall not apply to:"),
          ("para", "the expression of a political opinion;"),
          ("para", "satire.")], 3, True),
        ([("para", "A person who does the following commits an offence:"),
          ("para", "mocks a group;"),
          ("para", "despises a group.")], 3, False),
    ],
)  # fmt: skip
def test_under_exception(lines, index, expected):
    context, units = context_with_items(lines)
    unit = units[index - 1]
    assert nlp.under_exception(context, unit, 0) is expected


def test_under_exception_french():
    context, units = context_with_items(
        [("para", "Quiconque provoque à la haine est puni d'un an d'emprisonnement."),
         ("para", "N'est pas punissable la personne qui :"),
         ("item", "exprime de bonne foi une opinion sur un sujet religieux.")],
        language="fr",
    )  # fmt: skip
    assert nlp.under_exception(context, units[2], 0) is True
    assert nlp.under_exception(context, units[0], 0) is False


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("No person shall be convicted of an offence under subsection (1)", True),
        ("No person shall be convicted of an offence under subsection (1) unless", False),
        ("This section does not apply except where the statement was made publicly:", False),
        ("A person who does any of the following commits an offence:", False),
    ],
)
def test_exception_lead_is_not_a_condition(text, expected):
    assert nlp.exception_lead("en", text) is expected
