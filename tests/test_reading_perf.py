"""Reading shortcuts give the answers of the plain computation.

Each shortcut of the reader (literal gates before regexes, answers remembered per text, the
marker gate, the white-space collapse, language detection's early answer, the Word reader's
pre-scan for hidden text and tracked marks) is checked against what it replaces: gates on
strings generated to match each pattern (hypothesis) and on the corpora, the rest exhaustively
where the alphabet allows it. The whole reader's output was also compared, Statute by Statute,
with the reader before these shortcuts on every corpus, held-out, golden and benchmark document.

The gates are drafter/regexes/prefilter.py's (the analysis lint's rules use too); its own
soundness (folding over all of Unicode, every catalogue pattern) is tests/test_prefilter.py's.
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

from drafter.model import Article, Paragraph
from drafter.reading import blocks, classify, read_document, read_text
from drafter.reading import patterns as P
from drafter.reading.language import (
    ACCENTED,
    FUNCTION_WORDS,
    LANGUAGES,
    WORD,
    detect_language,
)
from drafter.regexes import prefilter

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


EXTRACT_GATED = ("QUOTED_TERM", "ON_ENTEND", "FR_VERB_TERM", "PARAGRAPH_OF", "FR_ALINEA",
                 "FR_OWN_ALINEA", "REFERENCE", "PARAGRAPH_REF")  # fmt: skip
# Every regex the reader searches behind a gate, as (name, compiled pattern).
GATED = [
    (f"{name}/{i}", re.compile(source, re.IGNORECASE))
    for name, pattern in classify_patterns()
    for i, source in enumerate(pattern.alternatives)
] + [(name, getattr(extract, name)) for name in EXTRACT_GATED]


# Alternatives of OFFENCE_STATED["en"] (by index) written so that the regex engine skips ahead
# to their first letter, and the plain forms they stand for.
PLAIN_FORMS = {
    0: r"(?<!\bnot )(?<!\bnever )\bcommits? an? (criminal )?offen[cs]e\b(?!\s+(under|referred|"
    r"provided|against|set out|specified|described|created|defined|in (article|section)))",
    2: r"(?<!\bnot )(?<!\bwould )\bconstitutes? an? (criminal )?offen[cs]e\b(?!\s+(under|against|"
    r"referred|provided|set out|specified|described|created|defined|in (article|section)))",
    6: r"(?<!\bwho )(?<!\bnot )\bcommits? the (criminal )?(offen[cs]e|crime) of\b",
}
# What hypothesis generates matches of: it cannot satisfy a look-behind after a word.
PLAIN_OF = {classify.OFFENCE_STATED["en"].alternatives[i]: p for i, p in PLAIN_FORMS.items()}


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
# Characters the regex engine takes for others when ignoring case ("ſ" for "s", the Kelvin
# sign for "k"), typographic quotes and spaces: the gates fold texts holding them too.
VARIANTS = str.maketrans({"s": "ſ", "i": "ı", "k": "\u212a", "'": "’", " ": "\u00a0", "E": "É"})
VARIED = [t.translate(VARIANTS) for t in TEXTS[::7]] + [t.upper() for t in TEXTS[::11]]


@pytest.mark.parametrize(("name", "pattern"), GATED, ids=[g[0] for g in GATED])
def test_gate_admits_every_match(name: str, pattern: re.Pattern[str]) -> None:
    """Strings made to match a regex, and its matches in the corpora, pass its gate."""
    gate = prefilter.gate(pattern)
    if gate is prefilter.ALWAYS:
        pytest.skip("no gate for this pattern")

    example = re.compile(PLAIN_OF.get(pattern.pattern, pattern.pattern), pattern.flags)

    @settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.from_regex(example, fullmatch=True))
    def holds(match: str) -> None:
        assert gate.admits(prefilter.fold(match)), (match, gate)

    holds()
    for text in TEXTS + VARIED:  # every real match too
        for match in pattern.finditer(text):
            assert gate.admits(prefilter.fold(match.group())), (match, gate)


def test_every_extract_pattern_but_reference_has_a_gate() -> None:
    """A pattern without a gate would be searched in every paragraph: a lost shortcut."""
    for name in EXTRACT_GATED:
        assert prefilter.gate(getattr(extract, name)) is not prefilter.ALWAYS, name


def test_found_agrees_with_search() -> None:
    """Pattern.found (alternatives alone, behind gates) answers as the whole alternation does."""
    fired = 0
    for name, pattern in classify_patterns():
        for text in TEXTS + VARIED:
            expected = pattern.search(text) is not None
            fired += expected
            assert pattern.found(text) == expected, (name, text)
            assert pattern.found(text, prefilter.fold(text)) == expected, (name, text)
    assert fired > 100  # the corpus exercises the patterns


def test_extract_gates_change_nothing() -> None:
    """A gated extract pattern never matches a text its gate rules out; nor does REFERENCE."""
    for text in TEXTS + VARIED + ["§ 3 applies", "§§ 3 to 5", "Art. 7(2)", "ss. 3-4"]:
        folded = prefilter.fold(text)
        for name in EXTRACT_GATED:
            pattern = getattr(extract, name)
            if not extract.may_match(pattern, folded):
                assert pattern.search(text) is None, (name, text)
        for pattern, wanted in zip(extract.REFERENCE_PATTERNS, extract._may_refer(text, folded)):
            assert wanted or pattern.search(text) is None, (pattern.pattern, text)


@pytest.mark.parametrize("index", range(len(extract.REFERENCE_PATTERNS)))
def test_reference_gates_admit_every_reference(index: int) -> None:
    """_may_refer (one check for all, then each gate) admits every match of each reference
    pattern, "§" references included."""
    pattern = extract.REFERENCE_PATTERNS[index]

    @settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.from_regex(pattern, fullmatch=True))
    def admitted(match: str) -> None:
        assert extract._may_refer(match, prefilter.fold(match))[index], match

    admitted()


@pytest.mark.parametrize("index", sorted(PLAIN_FORMS))
def test_skipping_forms_match_as_the_plain_forms(index: int) -> None:
    plain = re.compile(PLAIN_FORMS[index], re.IGNORECASE)
    fast = re.compile(classify.OFFENCE_STATED["en"].alternatives[index], re.IGNORECASE)

    def same(text: str) -> None:
        expected = [(m.span(), m.groups()) for m in plain.finditer(text)]
        assert [(m.span(), m.groups()) for m in fast.finditer(text)] == expected, text

    for text in TEXTS + VARIED:
        same(text)
    for prefix in ("", "not ", "never ", "who ", "would ", "knot ", "Not ", "x", "NEVER "):
        same(f"{prefix}commits an offence {prefix}constitutes a criminal offense")
        same(f"It {prefix}commits the crime of {prefix}Commit the criminal offence of")

    @settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.from_regex(plain), st.sampled_from(["", "not ", "who ", "never ", "would ", "a "]))
    def generated(text: str, prefix: str) -> None:
        same(prefix + text)

    generated()


def test_gate_rules_out_text_without_its_strings() -> None:
    offence = classify.OFFENCE_STATED["en"]
    assert offence.found("A person who incites genocide commits an offence.")
    assert offence.found("A PERSON WHO INCITES GENOCIDE COMMITS AN OFFENCE.")
    assert not offence.found("The Minister shall publish a report.")
    guilty = prefilter.gate(re.compile(r"\b(is|are|shall be) guilty of\b", re.IGNORECASE))
    assert guilty.admits(prefilter.fold("She IS GUILTY of it"))
    assert not guilty.admits(prefilter.fold("He was found guilty"))
    assert prefilter.gate(re.compile(r"\d+")) is prefilter.ALWAYS  # no literal: no gate
    elision = classify.DEFINITION["fr"]
    assert elision.found("Le terme génocide s’entend de tout acte")  # typographic apostrophe
    assert elision.found("Le terme génocide s'entend de tout acte")


def test_remembered_answers_are_the_answers() -> None:
    """Kinds and references given once per text are those each article gets on its own."""
    for path in sorted((ROOT / "tests" / "corpus").glob("*.txt")):
        statute = read_document(path)
        for article in statute.articles:
            assert article.kind == classify.classify_article(article, statute.language)
        alone = [r for a in statute.articles for r in extract.references_in(a)]
        assert statute.cross_references == alone
    # The same paragraph in two articles refers to each article's own paragraph.
    text = "(1) A person who incites genocide commits an offence.\n(2) Paragraph (1) applies."
    statute = read_text(f"Article 3 bis\n{text}\nArticle 5\n{text}")
    targets = [(r.article, r.target_article) for r in statute.cross_references]
    assert targets == [("3 bis", "3 bis"), ("5", "5")]
    repeated = Article("4", paragraphs=[Paragraph("See alinéa 2 du présent article.")])
    assert [r.target_article for r in extract.references_in(repeated, {})] == ["4"]


def test_cached_patterns_are_the_compiled_patterns() -> None:
    """The reader's regexes, compiled from code cached between runs, equal re.compile's."""
    modules = ["patterns", "blocks", "layout", "headings", "paragraph_levels", "text", "front"]
    modules += ["language", "extract"]
    seen = 0
    for name in modules:
        module = importlib.import_module(f"drafter.reading.{name}")
        for value in vars(module).values():
            for pattern in value if isinstance(value, list) else [value]:
                if isinstance(pattern, tuple):
                    pattern = pattern[0]
                if isinstance(pattern, re.Pattern):
                    assert pattern == re.compile(pattern.pattern, pattern.flags), pattern
                    seen += 1
    assert seen > 60


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
    # Words are read token by token: every white space str.split splits on, and none else.
    spaces = "".join(chr(i) for i in range(sys.maxunicode + 1) if chr(i).isspace())
    samples += [space.join(["l'", "the", "le", "d'la", "of"]) for space in spaces]
    samples += ["the\u200bof la\u200ble", "l'the'of l''la 'le"]
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
