"""Reading shortcuts give the answers of the plain computation.

Each shortcut of the reader (literal gates before regexes, the marker gate, the white-space
collapse, language detection's early answer, the Word reader's pre-scan for hidden text and
tracked marks) is checked against what it replaces: gates on strings generated to match each
pattern (hypothesis) and on the corpora, the rest exhaustively where the alphabet allows it.
The whole reader's output was also compared, Statute by Statute, with the reader before these
shortcuts on every corpus, held-out, golden and benchmark document.
"""

from __future__ import annotations

import importlib
import random
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from re import _constants as C
from re import _parser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafter.reading import blocks, classify, read_document
from drafter.reading import patterns as P
from drafter.reading.language import (
    ACCENTED,
    FUNCTION_WORDS,
    LANGUAGES,
    WORD,
    detect_language,
)
from drafter.reading.literals import required

ROOT = Path(__file__).resolve().parent.parent
# The module, not the function drafter.reading re-exports under the same name.
extract = importlib.import_module("drafter.reading.extract")


def classify_patterns() -> Iterator[tuple[str, classify.Pattern]]:
    """Yield every classification pattern with a name."""
    for language, rules in classify.HEADING_RULES.items():
        for kind, pattern in rules:
            yield f"HEADING_RULES[{language}][{kind.value}]", pattern
    tables = {
        "OFFENCE_STATED": classify.OFFENCE_STATED,
        "PENALTY": classify.PENALTY,
        "DEFINITION": classify.DEFINITION,
        "CONDUCT_SUBJECT": classify.CONDUCT_SUBJECT,
        "PROHIBITION": classify.PROHIBITION,
        "OFFENCE_ELSEWHERE": classify.OFFENCE_ELSEWHERE,
    }
    tables.update({f"CONTENT_RULES[{k.value}]": t for k, t in classify.CONTENT_RULES.items()})
    for name, table in tables.items():
        for language, pattern in table.items():
            yield f"{name}[{language}]", pattern


# Every regex the reader searches behind a gate, as (name, source, flags).
GATED = [
    (f"{name}/{i}", source, re.IGNORECASE)
    for name, pattern in classify_patterns()
    for i, source in enumerate(pattern.alternatives)
] + [
    (name, getattr(extract, name).pattern, getattr(extract, name).flags)
    for name in ("QUOTED_TERM", "ON_ENTEND", "FR_VERB_TERM", "PARAGRAPH_OF", "FR_ALINEA",
                 "FR_OWN_ALINEA", "REFERENCE", "PARAGRAPH_REF")
]  # fmt: skip


def corpus_texts() -> list[str]:
    """Return every article, heading and paragraph text of the corpora and golden drafts."""
    texts = []
    for folder in ("tests/corpus", "tests/heldout", "tests/golden"):
        for path in sorted((ROOT / folder).glob("*")):
            if path.suffix in (".txt", ".md") and path.name != "README.md":
                statute = read_document(path)
                for article in statute.articles:
                    texts += [article.text, article.heading or ""]
                    texts += [p.text for p in article.paragraphs]
    return sorted(set(texts))  # the golden .md and .txt drafts repeat each other


TEXTS = corpus_texts()


@pytest.mark.parametrize(("name", "source", "flags"), GATED, ids=[g[0] for g in GATED])
def test_every_match_holds_a_required_string(name: str, source: str, flags: int) -> None:
    """Strings made to match a regex hold one of the strings its gate looks for."""
    strings = required(source, flags, classify.folded)
    if strings is None:
        pytest.skip("no gate for this pattern")

    @settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.from_regex(re.compile(source, flags), fullmatch=True))
    def holds(match: str) -> None:
        probe = classify.folded(match)
        assert probe is None or any(s in probe for s in strings), (match, strings)

    holds()
    # And on the corpora: every real match too.
    compiled = re.compile(source, flags)
    for text in TEXTS:
        for match in compiled.finditer(text):
            probe = classify.folded(match.group())
            assert probe is None or any(s in probe for s in strings), (match, strings)


def test_found_agrees_with_search() -> None:
    """Pattern.found (alternatives alone, behind gates) answers as the whole alternation does."""
    fired = 0
    for name, pattern in classify_patterns():
        for text in TEXTS:
            expected = pattern.search(text) is not None
            fired += expected
            assert pattern.found(text) == expected, (name, text)
    assert fired > 100  # the corpus exercises the patterns


def test_extract_gates_change_nothing() -> None:
    """A gated extract pattern never matches a text its gate rules out."""
    for name, source, flags in GATED:
        if "[" in name:
            continue  # classification patterns: test_found_agrees_with_search
        pattern = getattr(extract, name)
        for text in TEXTS:
            if not extract.may_match(pattern, classify.folded(text)):
                assert pattern.search(text) is None, (name, text)


def test_gate_rules_out_text_without_its_strings() -> None:
    offence = classify.OFFENCE_STATED["en"]
    assert offence.found("A person who incites genocide commits an offence.")
    assert not offence.found("The Minister shall publish a report.")
    guilty = required(r"\b(is|are|shall be) guilty of\b", re.IGNORECASE, classify.folded)
    assert guilty == {"is guilty of", "are guilty of", "shall be guilty of"}
    assert required(r"\bss?\.", re.IGNORECASE, classify.folded) == {"s."}
    assert required(r"\d+", 0, classify.folded) is None  # no literal: no gate


def test_folded_text_finds_what_case_insensitive_search_finds() -> None:
    """On a text folded() accepts, ``s in folded`` is exactly a case-insensitive search."""
    letters = set()
    for _, source, flags in GATED:
        for string in required(source, flags, classify.folded) or ():
            letters.update(string)
    safe = [chr(i) for i in range(0x250) if classify.folded(chr(i)) is not None]
    assert len(safe) > 500
    for letter in letters:
        for char in safe:
            folded = classify.folded(char)
            same = bool(re.fullmatch(re.escape(letter), char, re.IGNORECASE))
            if same:  # never a missed match
                assert folded == classify.folded(letter), (letter, char)
    for unsafe in "µıİſ\u212a":  # extra case equivalences: the text is searched ungated
        assert classify.folded(f"crime {unsafe}") is None


def reference_detect_language(text: str, default: str = "en") -> str:
    """The word-by-word count detect_language replaced (same arithmetic)."""
    counts = {lang: 0 for lang in LANGUAGES}
    for word in WORD.findall(text.lower()):
        if "'" in word:
            head, _, word = word.partition("'")
            if head in {"l", "d", "qu", "n", "s", "c", "j"}:
                counts["fr"] += 1
        for lang in LANGUAGES:
            if word in FUNCTION_WORDS[lang]:
                counts[lang] += 1
    letters = sum(map(str.isalpha, text)) or 1
    counts["fr"] += int(len(ACCENTED.findall(text)) / letters * 100 * 3)
    if counts["fr"] == counts["en"]:
        return default
    return "fr" if counts["fr"] > counts["en"] else "en"


def test_language_detection_unchanged() -> None:
    samples = TEXTS + ["\n".join(TEXTS), "", "l'article d'une loi", "the of and", "à la"]
    # Near ties, where only the accents decide, and the characters only WORD matches.
    samples += ["the of " * 150 + "é" * n for n in (0, 1, 50, 400)]
    samples += ["le la " * 100 + "the of and " * 100, "ſhall the ıl le", "The ſ of ı à la"]
    for text in samples:
        assert detect_language(text) == reference_detect_language(text), text[:60]


def test_accented_letters_are_letters() -> None:
    """The early answer assumes the accent ratio is at most 1."""
    for i in range(sys.maxunicode + 1):
        if ACCENTED.match(chr(i)):
            assert chr(i).isalpha()


def test_normalise_matches_regex_collapse() -> None:
    def reference(text: str) -> str:
        return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u200b", "")).strip()

    spaces = [chr(i) for i in range(sys.maxunicode + 1) if re.match(r"\s", chr(i))]
    alphabet = spaces + list("ab(1).\u200b\u00a0")
    rng = random.Random(7)
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        assert blocks.normalise(text) == reference(text), repr(text)


def _first_chars(items: list) -> set[str]:
    """Return every character a match of the parsed items can start with."""
    op, av = items[0]
    if op is C.AT:
        return _first_chars(items[1:])
    if op is C.LITERAL:
        return {chr(av)}
    if op is C.SUBPATTERN:
        return _first_chars(list(av[3]))
    if op in (C.MAX_REPEAT, C.MIN_REPEAT) and av[0] >= 1:
        return _first_chars(list(av[2]))
    if op is C.IN:
        chars: set[str] = set()
        for kind, value in av:
            if kind is C.LITERAL:
                chars.add(chr(value))
            elif kind is C.RANGE:
                chars.update(map(chr, range(value[0], value[1] + 1)))
            elif kind is C.CATEGORY and value is C.CATEGORY_DIGIT:
                chars.update(c for c in map(chr, range(sys.maxunicode + 1)) if c.isdecimal())
            else:
                raise AssertionError(f"teach _first_chars {kind}")
        return chars
    raise AssertionError(f"teach _first_chars {op}")


def test_marker_start_admits_every_marker() -> None:
    """blocks.MARKER_START lets through every character a paragraph marker can start with."""
    for pattern, _ in P.MARKERS:
        assert pattern.flags & re.IGNORECASE == 0  # else case variants start markers too
        for char in _first_chars(list(_parser.parse(pattern.pattern, pattern.flags))):
            assert blocks.MARKER_START.match(char), (pattern.pattern, char)
    assert blocks.marker_of("A person who") is None
    assert blocks.marker_of("(a) a list item") is not None


def test_word_checks_skipped_only_where_nothing_needs_them(tmp_path: Path) -> None:
    """The body's pre-scan for hidden text and tracked marks never hides either."""
    from test_reading_docx import W_NS, make_docx, p

    from drafter.docx_read import read_docx_blocks

    hidden_run = "<w:r><w:rPr><w:vanish/></w:rPr><w:t>secret</w:t></w:r>"
    notes = (
        f'<w:footnotes xmlns:w="{W_NS}"><w:footnote w:id="1"><w:p><w:r><w:t>Seen</w:t></w:r>'
        f"{hidden_run}</w:p></w:footnote></w:footnotes>"
    )
    cited = "<w:p><w:r><w:t>Article 1 - Scope</w:t></w:r><w:r><w:footnoteReference w:id='1'/>"
    # The body has no w:vanish: the footnote's hidden run is still left out.
    path = make_docx(tmp_path / "note.docx", cited + "</w:r></w:p>", footnotes=notes)
    assert [b.text for b in read_docx_blocks(path)] == ["Article 1 - Scope", "[Footnote 1] Seen"]
    # A body with both: the hidden run is dropped and the deleted mark joins the paragraphs.
    joined = "<w:p><w:pPr><w:rPr><w:del w:id='1' w:author='x'/></w:rPr></w:pPr><w:r><w:t>A </w:t>"
    body = joined + "</w:r></w:p><w:p><w:r><w:t>b.</w:t></w:r>" + hidden_run + "</w:p>" + p("C.")
    path = make_docx(tmp_path / "body.docx", body)
    assert [b.text for b in read_docx_blocks(path)] == ["A b.", "C."]
    assert [b.text for b in read_docx_blocks(path, "original")] == ["A ", "b.", "C."]
