"""Assembly: sandboxed rendering, clause parameters, definitions, references, error locations."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
from test_library import CLAUSES, MINI_J2, write_library

import drafter
from drafter.answers import load_answers, validate_answers
from drafter.assemble import assemble, number_words
from drafter.errors import AssemblyError, LibraryError, TemplateError
from drafter.library import Library
from drafter.markup import terms_used
from drafter.model import ArticleKind

ROOT = Path(__file__).resolve().parent.parent
ANSWERS = {"state": {"name": "the Republic of Aurelia"}}


def build(tmp_path: Path, answers: dict | None = None, clauses=None, templates=None):
    lib = Library([write_library(tmp_path / "lib", clauses=clauses, templates=templates)])
    tpl = lib.template("mini")
    return assemble(tpl, validate_answers(tpl, answers or ANSWERS), lib)


def mini(old: str, new: str) -> dict[str, str]:
    assert old in MINI_J2
    return {"templates/mini/statute.j2": MINI_J2.replace(old, new)}


def test_statute_structure_and_helpers(tmp_path: Path) -> None:
    draft = build(tmp_path)
    statute = draft.statute
    assert statute.title == "Test Act"
    assert statute.long_title == "An Act to test the Republic of Aurelia."
    assert [a.label for a in statute.articles] == ["definitions", "incite", "hatred", "appeal"]
    incite = statute.articles[1]
    assert incite.kind is ArticleKind.OFFENCE and incite.clause == "offence.incite"
    assert incite.paragraphs[1].text == "The maximum term is five (5) years."
    assert "three (3) years" in statute.articles[2].text  # tiers.hatred_max_years default
    # ref("incite", 2) resolves after numbering
    assert statute.articles[3].paragraphs[0].text.endswith("under Article 2(2).")
    assert draft.library_version == drafter.__version__
    assert [u.clause_id for u in draft.uses][:1] == ["definitions.genocide"]  # document order
    assert {u.clause_id: u.params for u in draft.uses}["offence.incite"] == {"max_years": 5}
    assert set(draft.clauses) >= {"offence.incite", "offence.hatred", "definitions.publicly"}


def test_definitions_are_exactly_the_terms_used_alphabetically_and_transitively(
    tmp_path: Path,
) -> None:
    definitions = build(tmp_path).statute.articles[0]
    items = [p.text.split('"')[1] for p in definitions.paragraphs if p.level == 1]
    # "public place" is used only inside the definition of "publicly"; "unused" is never used
    assert items == ["genocide", "hatred", "public place", "publicly"]
    assert [p.number for p in definitions.paragraphs if p.level == 1] == ["a", "b", "c", "d"]


def test_definitions_follow_the_answers(tmp_path: Path) -> None:
    draft = build(tmp_path, {**ANSWERS, "tiers": {"hatred": False}})
    items = [p.text.split('"')[1] for p in draft.statute.articles[0].paragraphs if p.level == 1]
    assert items == ["genocide", "public place", "publicly"]
    assert "hatred" not in [a.label for a in draft.statute.articles]


def test_unknown_term_names_it(tmp_path: Path) -> None:
    with pytest.raises(
        LibraryError,
        match=r"term 'genocid' is used but no definitions clause.*did you mean 'genocide'",
    ):
        build(
            tmp_path, templates=mini("::para In this Act:", "::para In this Act [[term:genocid]]:")
        )


def test_dangling_reference_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(AssemblyError, match=r"unknown article label 'nowhere'"):
        build(tmp_path, templates=mini('ref("incite", 2)', 'ref("nowhere")'))


def test_reference_to_missing_paragraph(tmp_path: Path) -> None:
    with pytest.raises(AssemblyError, match=r"paragraph 5 of Article 2"):
        build(tmp_path, templates=mini('ref("incite", 2)', 'ref("incite", 5)'))


def test_undefined_variable_names_template_file_and_line(tmp_path: Path) -> None:
    with pytest.raises(TemplateError) as info:
        build(tmp_path, templates=mini("::para In this Act:", "::para {{ stat.name }}"))
    assert re.fullmatch(r".*templates/mini/statute\.j2:4: 'stat' is undefined", str(info.value))


def test_strict_undefined_attribute_in_parent_template(tmp_path: Path) -> None:
    base = {
        "templates/base/statute.j2": "\n::title {{ act.titel }}\n{% block body %}{% endblock %}\n"
    }
    with pytest.raises(TemplateError, match=r"templates/base/statute\.j2:2: .*'titel'"):
        build(tmp_path, templates=base)


def test_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match=r"templates/mini/statute\.j2:\d+: .*"):
        build(tmp_path, templates=mini("{% endif %}", "{% endfi %}"))


def test_clause_including_itself(tmp_path: Path) -> None:
    clauses = dict(CLAUSES)
    clauses["offence/offence.hatred.j2"] = CLAUSES["offence/offence.hatred.j2"].replace(
        "{{ max_words(max_years) }}", "{{ clause('offence.hatred') }}"
    )
    with pytest.raises(
        TemplateError, match="offence.hatred.j2:18: a clause or template includes itself"
    ):
        build(tmp_path, clauses=clauses)


def test_missing_parent_template(tmp_path: Path) -> None:
    with pytest.raises(
        TemplateError, match=r"statute\.j2:1: template file 'base/nope.j2' not found"
    ):
        build(
            tmp_path,
            templates=mini('{% extends "base/statute.j2" %}', '{% extends "base/nope.j2" %}'),
        )


def test_error_in_clause_body_gives_the_line_in_the_clause_file(tmp_path: Path) -> None:
    clauses = dict(CLAUSES)
    clauses["offence/offence.hatred.j2"] = CLAUSES["offence/offence.hatred.j2"].replace(
        "{{ max_words(max_years) }}", "{{ max_yeers }}"
    )
    with pytest.raises(TemplateError) as info:
        build(tmp_path, clauses=clauses)
    path, line, message = str(info.value).rsplit(":", 2)
    assert path.endswith("clause_library/offence/offence.hatred.j2")
    source = Path(path).read_text().splitlines()  # absolute, or relative to the working folder
    assert "max_yeers" in message and "undefined" in message
    assert "{{ max_yeers }}" in source[int(line) - 1]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            'clause("offence.incite", max_year=5)',
            r"clause 'offence.incite': unknown parameter 'max_year' \(did you mean 'max_years'\?\)",
        ),
        (
            'clause("offence.incite", max_years=50)',
            r"parameter 'max_years': 50 is above the maximum 8",
        ),
        (
            'clause("offence.incite", max_years="5")',
            r"parameter 'max_years': expected a whole number",
        ),
        (
            'clause("offence.incit")',
            r"unknown clause 'offence.incit' \(did you mean 'offence.incite'\?\)",
        ),
    ],
)
def test_bad_clause_calls_name_the_clause_and_the_template_line(
    tmp_path: Path, call: str, message: str
) -> None:
    with pytest.raises(LibraryError, match=message) as info:
        build(tmp_path, templates=mini('clause("offence.incite", max_years=5)', call))
    assert "templates/mini/statute.j2:6: " in str(info.value)


@pytest.mark.parametrize(
    "expression",
    [
        "''.__class__.__mro__",
        "''.__class__.__mro__[1].__subclasses__()",
        "clause.__globals__",
        "cycler.__init__.__globals__",
    ],
)
def test_sandbox_blocks_internals_with_a_clear_error(tmp_path: Path, expression: str) -> None:
    with pytest.raises(TemplateError) as info:
        build(tmp_path, templates=mini("::para In this Act:", "::para {{ " + expression + " }}"))
    text = str(info.value)
    assert "statute.j2:4: " in text
    assert "sandbox" in text or "undefined" in text  # blocked either way, never rendered


@pytest.mark.parametrize("name", ["../../../../etc/passwd", "/etc/passwd"])
def test_templates_cannot_include_files_outside_the_library(tmp_path: Path, name: str) -> None:
    with pytest.raises(TemplateError, match="not found"):
        build(tmp_path, templates=mini("::para In this Act:", '{% include "' + name + '" %}'))


def test_jinja_in_answers_stays_inert(tmp_path: Path) -> None:
    name = "{{ 7 * 7 }} {% raw %}{{ clause('offence.hatred') }}"
    draft = build(tmp_path, {"state": {"name": name}})
    assert draft.statute.long_title == f"An Act to test {name}."
    assert "49" not in draft.markup


def test_builtin_examples_assemble() -> None:
    lib = Library()
    for path in sorted((ROOT / "examples").glob("*.*")):
        if path.suffix not in (".yaml", ".toml", ".json"):
            continue
        given = load_answers(path)
        tpl = lib.template(given["template"])
        draft = assemble(tpl, validate_answers(tpl, given, str(path)), lib)
        kinds = {a.kind for a in draft.statute.articles}
        assert {
            ArticleKind.DEFINITIONS,
            ArticleKind.OFFENCE,
            ArticleKind.SANCTION,
            ArticleKind.FINAL,
        } <= kinds
        assert "[[" not in draft.statute.articles[-1].text
        # every used term is defined once, and nothing else is
        (definitions,) = draft.statute.articles_of_kind(ArticleKind.DEFINITIONS)
        items = [p for p in definitions.paragraphs if p.level == 1]
        assert len(items) == len(terms_used(draft.markup)), path


def test_tiers_and_variants_follow_answers() -> None:
    lib = Library()
    tpl = lib.template("incitement-act")
    full = assemble(
        tpl, validate_answers(tpl, load_answers(ROOT / "examples/republic-of-aurelia.yaml")), lib
    )
    articles = {a.label: a for a in full.statute.articles}
    assert {"incitement_hatred", "denial", "sunset", "prevention", "dissolution"} <= set(articles)
    assert "Aurelian Commission for Human Rights" in articles["prosecution"].text
    assert articles["prosecution"].clause == "authority.commission_referral"
    assert "seven (7) years" in articles["incitement_genocide"].text
    # the penalty scale refers to each offence by its number, resolved after numbering
    scale = articles["sentencing"]
    assert scale.clause == "sanctions.graduated"
    offences = [articles[k].caption for k in ("incitement_genocide", "incitement_hatred", "denial")]
    assert [p.text.split(",")[0] for p in scale.paragraphs if p.level == 1] == [
        f"an offence under {caption}" for caption in offences
    ]
    minimal = assemble(
        tpl, validate_answers(tpl, load_answers(ROOT / "examples/kingdom-of-borealis.yaml")), lib
    )
    articles = {a.label: a for a in minimal.statute.articles}
    assert not {"incitement_hatred", "denial", "sunset", "dissolution", "prevention"} & set(
        articles
    )
    assert articles["prosecution"].clause == "authority.prosecutor_consent"
    assert "Director of Public Prosecutions" in articles["prosecution"].text
    assert articles["sentencing"].clause == "sanctions.sentencing"
    assert minimal.statute.title == "Incitement to Genocide Act, 2027"


def test_amending_act_repeals_the_named_law() -> None:
    lib = Library()
    tpl = lib.template("amending-act")
    draft = assemble(
        tpl, validate_answers(tpl, load_answers(ROOT / "examples/aurelia-amending.yaml")), lib
    )
    repeal = next(a for a in draft.statute.articles if a.label == "repeal")
    assert repeal.paragraphs[0].text.startswith(
        "Articles 2 to 14 of the Law on the Crime of Genocide Ideology, 2008"
    )
    assert "the Law on the Crime of Genocide Ideology, 2008" in draft.statute.long_title
    assert any(a.label == "transitional" for a in draft.statute.articles)


@pytest.mark.parametrize(
    ("n", "en", "fr"),
    [(1, "one (1)", "un (1)"), (5, "five (5)", "cinq (5)"), (21, "twenty-one (21)", "vingt et un (21)"),
     (80, "eighty (80)", "quatre-vingts (80)"), (365, "three hundred and sixty-five (365)",
     "trois cent soixante-cinq (365)")],
)  # fmt: skip
def test_number_words(n: int, en: str, fr: str) -> None:
    assert number_words(n) == en
    assert number_words(n, "fr") == fr


def test_clause_text_of_builtin_clauses_renders() -> None:
    lib = Library()
    for clause in lib.clauses():
        text = lib.clause_text(clause.id, clause.language)
        assert text and "{{" not in text and "[[" not in text, clause.id
    # a required text parameter without a default shows as a placeholder
    assert "[law title]" in lib.clause_text("final.repeal")


def test_dedent_helper_sanity() -> None:
    # the fixture clauses are dedented before writing; guard against an indented front matter
    assert textwrap.dedent(CLAUSES["offence/offence.incite.j2"]).startswith("---\n")
