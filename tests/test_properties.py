"""Property-based tests: any valid answers draft a clean statute; no input gives a traceback."""

from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from roundtrip import assert_reads_back

from drafter.answers import validate_answers
from drafter.assemble import assemble
from drafter.docx_write import statute_docx
from drafter.errors import DrafterError
from drafter.library import Library
from drafter.reading import read_document, read_text
from drafter.reading.files import read_file_blocks

LIBRARY = Library()
TEMPLATE = LIBRARY.template("incitement-act")
SLOW = settings(max_examples=5, deadline=None, suppress_health_check=list(HealthCheck))
FAST = settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))

# Names of states and offices as drafters type them: letters, spaces, hyphens, apostrophes.
NAME = st.from_regex(r"[A-Z][a-z]{2,12}( [A-Z][a-z]{2,12}){0,2}", fullmatch=True)

ANSWERS = st.fixed_dictionaries(
    {
        "state": st.fixed_dictionaries(
            {"name": NAME.map(lambda n: f"the Republic of {n}"),
             "legislature": st.sampled_from(["Parliament", "the National Assembly"])}
        ),
        "act": st.fixed_dictionaries({}, optional={"year": st.integers(1948, 2100)}),
        "offences": st.fixed_dictionaries({"genocide_max_years": st.integers(4, 8)}),
        "tiers": st.fixed_dictionaries(
            {"hatred": st.booleans(), "hatred_max_years": st.integers(1, 3),
             "denial": st.booleans(), "denial_max_years": st.integers(1, 3)}
        ),
        "measures": st.fixed_dictionaries(
            {"prevention": st.booleans(), "penalty_scale": st.booleans()}
        ),
        "prosecution": st.fixed_dictionaries(
            {"authority": st.sampled_from(["prosecutor_consent", "commission_referral"])}
        ),
        "liability": st.fixed_dictionaries(
            {"minimum_age": st.integers(14, 18), "legal_persons": st.booleans()}
        ),
    }
)  # fmt: skip


@SLOW
@given(ANSWERS)
def test_valid_answers_draft_a_statute_that_lints_clean_and_reads_back(answers: dict) -> None:
    from drafter.lint.api import lint_statute

    # The template keeps incitement to genocide (4 to 8 years) above the lesser tiers (1 to 3),
    # so every valid answer set is graduated and must lint clean.
    draft = assemble(TEMPLATE, validate_answers(TEMPLATE, answers), LIBRARY)
    serious = [f for f in lint_statute(draft.statute) if f.severity.rank >= 1]
    assert not serious, [(f.code, f.message) for f in serious]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "act.docx"
        path.write_bytes(statute_docx(draft))
        back = read_document(path, language=draft.statute.language)
    mine = draft.statute
    assert_reads_back(back, mine)


def _seed_docx() -> bytes:
    draft = assemble(
        TEMPLATE, validate_answers(TEMPLATE, {"state": {"name": "the Republic of Aurelia"}}),
        LIBRARY,
    )  # fmt: skip
    return statute_docx(draft)


SEED = _seed_docx()


def _read_or_user_error(data: bytes, suffix: str) -> None:
    """Read bytes as a file; only a DrafterError (one line, status 2) may come out."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        try:
            read_file_blocks(path)
        except DrafterError as exc:
            assert str(path) in str(exc) and "\n" not in str(exc)


@FAST
@given(st.lists(st.tuples(st.integers(0, len(SEED) - 1), st.integers(0, 255)), max_size=20))
def test_mutated_docx_bytes_never_give_a_traceback(edits: list[tuple[int, int]]) -> None:
    data = bytearray(SEED)
    for offset, value in edits:
        data[offset] = value
    _read_or_user_error(bytes(data), ".docx")


@FAST
@given(st.integers(0, len(SEED)))
def test_truncated_docx_never_gives_a_traceback(length: int) -> None:
    _read_or_user_error(SEED[:length], ".docx")


@FAST
@given(st.sampled_from(sorted(zipfile.ZipFile(io.BytesIO(SEED)).namelist())), st.binary())
def test_a_part_replaced_by_junk_never_gives_a_traceback(part: str, junk: bytes) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(SEED)) as source, zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            target.writestr(name, junk if name == part else source.read(name))
    _read_or_user_error(out.getvalue(), ".docx")


@FAST
@given(st.binary(max_size=2000), st.sampled_from([".txt", ".md", ".docx", ""]))
def test_random_bytes_never_give_a_traceback(data: bytes, suffix: str) -> None:
    _read_or_user_error(data, suffix)


@FAST
@given(st.text(max_size=3000), st.booleans())
def test_random_text_reads_and_lints_without_a_traceback(text: str, article: bool) -> None:
    from drafter.lint.api import lint_statute

    if article:  # inside an article, so that the rules run on it
        text = f"Article 1 Offence\n(1) {text}"
    try:
        statute = read_text(text, source="random.txt")
    except DrafterError:
        return
    lint_statute(statute)
