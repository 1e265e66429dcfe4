"""The library: search path, clause and template loading, validation, overrides, suggestions."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from drafter.errors import LibraryError
from drafter.library import Library

BASE_YAML = """\
name: base
title: Base
abstract: true
questions:
  - name: state.name
    type: string
    help: The name of the State.
  - name: act.title
    type: string
    default: Test Act
"""

BASE_J2 = """\
::title {{ act.title }}
::long-title An Act to test {{ state.name }}.
{% block body %}{% endblock %}
"""

MINI_YAML = """\
title: Mini Act
extends: base
questions:
  - name: tiers.hatred
    type: bool
    default: true
  - name: tiers.hatred_max_years
    type: int
    min: 1
    max: 3
    default: 3
    when: tiers.hatred
  - name: authority
    type: choice
    choices: [prosecutor, commission]
    default: prosecutor
"""

MINI_J2 = """\
{% extends "base/statute.j2" %}
{% block body %}
::article Definitions {label=definitions kind=definitions}
::para In this Act:
::definitions
{{ clause("offence.incite", max_years=5) }}
{% if tiers.hatred %}
{{ clause("offence.hatred", max_years=tiers.hatred_max_years) }}
{% endif %}
::article Appeal {label=appeal kind=procedure}
::para An appeal lies against a conviction under {{ ref("incite", 2) }}.
{% endblock %}
"""

CLAUSES = {
    "offence/offence.incite.j2": """\
        ---
        id: offence.incite
        title: Incitement
        category: offence
        language: en
        parameters:
          - name: max_years
            type: int
            default: 5
            min: 1
            max: 8
            help: Maximum term.
        uses: [publicly, genocide]
        sources: [GENOCIDE-IIIc]
        commentary: Narrow.
        ---
        ::article Incitement to genocide {label=incite kind=offence clause=offence.incite}
        ::para A person who directly and [[term:publicly]] incites {{ term("genocide") }}
        commits an offence.
        ::para The maximum term is {{ max_words(max_years) }} years.
        """,
    "offence/offence.hatred.j2": """\
        ---
        id: offence.hatred
        title: Hatred
        category: offence
        language: en
        parameters:
          - name: max_years
            type: int
            default: 3
            min: 1
            max: 3
        uses: [hatred]
        sources: [ICCPR-20-2]
        commentary: Optional tier.
        ---
        ::article Incitement to hatred {label=hatred kind=offence}
        ::para A person who advocates [[term:hatred]] commits an offence punishable by up to
        {{ max_words(max_years) }} years.
        """,
    "definitions/definitions.publicly.j2": """\
        ---
        id: definitions.publicly
        title: Publicly
        category: definitions
        language: en
        introduces: [publicly]
        sources: [ICTR-INCITEMENT]
        commentary: Public element.
        ---
        ::item "[[term:publicly]]" means in a [[term:public place]] or by mass communication;
        """,
    "definitions/definitions.public_place.j2": """\
        ---
        id: definitions.public_place
        title: Public place
        category: definitions
        language: en
        introduces: [public place]
        sources: [ICTR-INCITEMENT]
        commentary: Transitive.
        ---
        ::item "[[term:public place]]" means a place the public may enter;
        """,
    "definitions/definitions.genocide.j2": """\
        ---
        id: definitions.genocide
        title: Genocide
        category: definitions
        language: en
        introduces: [genocide]
        sources: [GENOCIDE-II]
        commentary: Convention.
        ---
        ::item "[[term:genocide]]" has the meaning in article II of the Convention;
        """,
    "definitions/definitions.hatred.j2": """\
        ---
        id: definitions.hatred
        title: Hatred
        category: definitions
        language: en
        introduces: [hatred]
        sources: [CAMDEN-12]
        commentary: Camden.
        ---
        ::item "[[term:hatred]]" means intense and irrational emotions of opprobrium;
        """,
    "definitions/definitions.unused.j2": """\
        ---
        id: definitions.unused
        title: Unused
        category: definitions
        language: en
        introduces: [unused]
        sources: [CAMDEN-12]
        commentary: Never used by the fixture template.
        ---
        ::item "[[term:unused]]" means nothing here;
        """,
}


def write_library(
    root: Path, clauses: dict[str, str] | None = None, templates: dict | None = None
) -> Path:
    """Write a small library (base + mini templates, a few clauses) under ``root``."""
    files = {
        "templates/base/template.yaml": BASE_YAML,
        "templates/base/statute.j2": BASE_J2,
        "templates/mini/template.yaml": MINI_YAML,
        "templates/mini/statute.j2": MINI_J2,
    }
    files.update(templates or {})
    files.update(
        {f"clause_library/{k}": textwrap.dedent(v) for k, v in (clauses or CLAUSES).items()}
    )
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def lib(tmp_path: Path) -> Library:
    return Library([write_library(tmp_path / "lib")])


def test_user_clause_and_template_found_with_origin(lib: Library, tmp_path: Path) -> None:
    clause = lib.clause("offence.incite")
    assert clause.origin == str(tmp_path / "lib")
    assert clause.parameters[0].name == "max_years" and clause.parameters[0].max == 8
    assert clause.uses == ["publicly", "genocide"]
    # the body starts on the line after the closing '---' (line 18 of the file)
    lines = clause.path.read_text().splitlines()
    assert lines[clause.body_line - 1].startswith("::article Incitement")
    tpl = lib.template("mini")
    assert tpl.extends == "base" and tpl.origin == str(tmp_path / "lib")
    assert [q.name for q in tpl.questions][:2] == ["state.name", "act.title"]
    assert "mini" in [t.name for t in lib.templates()]
    assert "base" not in [t.name for t in lib.templates()]
    assert lib.is_abstract("base")


def test_unknown_ids_suggest_the_closest(lib: Library) -> None:
    with pytest.raises(
        LibraryError, match=r"unknown clause 'offence.incit'.*did you mean 'offence.incite'"
    ):
        lib.clause("offence.incit")
    with pytest.raises(LibraryError, match=r"unknown template 'mnii'.*did you mean 'mini'"):
        lib.template("mnii")
    with pytest.raises(LibraryError, match=r"no 'fr' version"):
        lib.clause("offence.incite", language="fr")


def test_filters(lib: Library, tmp_path: Path) -> None:
    def mine(clauses):  # the built-in library is on the path too; look at the fixture's clauses
        return [c.id for c in clauses if c.origin == str(tmp_path / "lib")]

    assert set(mine(lib.clauses(category="offence"))) == {"offence.incite", "offence.hatred"}
    assert mine(lib.clauses(source="CAMDEN-12")) == ["definitions.hatred", "definitions.unused"]
    assert mine(lib.clauses(language="fr")) == []
    assert all(c.category == "offence" for c in lib.clauses(category="offence"))


def test_user_folder_overrides_another(tmp_path: Path) -> None:
    first = write_library(tmp_path / "first")
    override = dict(CLAUSES)
    override["offence/offence.incite.j2"] = CLAUSES["offence/offence.incite.j2"].replace(
        "title: Incitement", "title: Overridden"
    )
    second = write_library(tmp_path / "second", clauses=override)
    lib = Library([second, first])
    assert lib.clause("offence.incite").title == "Overridden"
    assert lib.clause("offence.incite").origin == str(second)
    assert Library([first, second]).clause("offence.incite").title == "Incitement"


def test_definition_lookup_prefers_user_folders(tmp_path: Path) -> None:
    clauses = dict(CLAUSES)
    clauses["definitions/definitions.genocide_narrow.j2"] = (
        CLAUSES["definitions/definitions.genocide.j2"]
        .replace("id: definitions.genocide", "id: definitions.genocide_narrow")
        .replace("title: Genocide", "title: Narrow genocide")
    )
    lib = Library([write_library(tmp_path / "lib", clauses=clauses)])
    with pytest.raises(LibraryError, match="'genocide' is introduced by both"):
        lib.definition_clause("genocide")
    lib = Library([write_library(tmp_path / "lib2")])
    assert lib.definition_clause("genocide").origin == str(tmp_path / "lib2")
    assert lib.definition_clause("protected_group").origin == "built-in"
    assert lib.definition_clause("public place").id == "definitions.public_place"


def test_clause_text_is_plain(lib: Library) -> None:
    text = lib.clause_text("offence.incite")
    assert "[[" not in text and "::" not in text and "{" not in text
    assert text.splitlines()[0] == "Incitement to genocide"
    assert "directly and publicly incites genocide" in text
    assert "five (5) years" in text


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("category: offence", "category: offense"), r"offence.incite.j2: key 'category'"),
        (("sources: [GENOCIDE-IIIc]", "sources: [NOPE-1]"), r"unknown authority id 'NOPE-1'"),
        (
            ("commentary: Narrow.", "commentry: Narrow."),
            r"unknown key 'commentry'.*did you mean 'commentary'",
        ),
        (("title: Incitement\n", ""), r"missing key 'title'"),
        (
            ("default: 5", "default: 50"),
            r"parameter 'max_years': default 50 is above the maximum 8",
        ),
        (("id: offence.incite", "id: offence.other"), r"file name must be offence.other.j2"),
        (
            ("language: en", "language: en\nlabel: incitement"),
            r"label' is 'incitement' but.*'incite'",
        ),
        (("language: en", "language: [en"), r"offence.incite.j2:6: invalid YAML"),
        (
            ("  - name: max_years", "  - name: max_years\n    typ: int"),
            r"parameters.0: unknown key 'typ'",
        ),
    ],
)
def test_invalid_clause_metadata_names_file_and_key(tmp_path: Path, change, message) -> None:
    clauses = dict(CLAUSES)
    clauses["offence/offence.incite.j2"] = textwrap.dedent(
        CLAUSES["offence/offence.incite.j2"]
    ).replace(*change)
    lib = Library([write_library(tmp_path / "lib", clauses=clauses)])
    with pytest.raises(LibraryError, match=message) as info:
        lib.clause("offence.hatred")  # loading any clause validates the library
    assert "\n" not in str(info.value)


def test_invalid_template_metadata(tmp_path: Path) -> None:
    bad = MINI_YAML.replace("max: 3\n    default: 3", "max: 3\n    default: 4")
    lib = Library(
        [write_library(tmp_path / "lib", templates={"templates/mini/template.yaml": bad})]
    )
    with pytest.raises(
        LibraryError, match=r"template.yaml: question 'tiers.hatred_max_years': default 4"
    ):
        lib.template("mini")
    bad = MINI_YAML.replace("when: tiers.hatred", "when: tiers.hatred and")
    lib = Library(
        [write_library(tmp_path / "lib2", templates={"templates/mini/template.yaml": bad})]
    )
    with pytest.raises(LibraryError, match="bad 'when' condition"):
        lib.template("mini")
    bad = MINI_YAML.replace("when: tiers.hatred", "when: tires.hatred")
    lib = Library(
        [write_library(tmp_path / "lib3", templates={"templates/mini/template.yaml": bad})]
    )
    with pytest.raises(LibraryError, match="unknown question 'tires'.*did you mean 'tiers'"):
        lib.template("mini")
    bad = MINI_YAML.replace("name: authority", "name: ref")
    lib = Library(
        [write_library(tmp_path / "lib4", templates={"templates/mini/template.yaml": bad})]
    )
    with pytest.raises(LibraryError, match="question name 'ref' is reserved"):
        lib.template("mini")


def test_missing_library_folder(tmp_path: Path) -> None:
    with pytest.raises(LibraryError, match="does not exist"):
        Library([tmp_path / "nope"])
    (tmp_path / "empty").mkdir()
    with pytest.raises(LibraryError, match="needs templates/ or clause_library/"):
        Library([tmp_path / "empty"])


def test_builtin_library_is_valid() -> None:
    lib = Library()
    for clause in lib.clauses():
        assert clause.origin == "built-in"
    names = {t.name for t in lib.templates()}
    assert {"incitement-act", "amending-act"} <= names
