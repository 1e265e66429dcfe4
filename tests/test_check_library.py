"""drafter check-library: every problem of a library folder, with its file and line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from drafter.cli import main
from drafter.library_check import check_library

ROOT = Path(__file__).resolve().parent.parent


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def clause(folder: Path, clause_id: str, front: str, body: str) -> Path:
    category = clause_id.split(".")[0]
    text = f"---\nid: {clause_id}\ntitle: T\ncategory: {category}\nlanguage: en\n{front}---\n{body}"
    return write(folder / "clause_library" / category / f"{clause_id}.j2", text)


GOOD_FRONT = (
    "parameters:\n  - name: years\n    type: int\n    default: 2\nsources: [RABAT]\ncommentary: c\n"
)
GOOD_BODY = "::article Extra {label=extra kind=general}\n::para In force for {{ years }} years.\n"


def findings(folder: Path) -> list[tuple[str, str, int]]:
    """Return (file name, code, line) of every finding."""
    out = []
    for result in check_library(folder):
        for f in result.findings:
            out.append((Path(result.path).name, f.code, result.regions[f.fingerprint].line))
    return out


@pytest.fixture
def lib(tmp_path: Path) -> Path:
    folder = tmp_path / "lib"
    clause(folder, "general.extra", GOOD_FRONT, GOOD_BODY)
    return folder


def test_a_sound_library_is_clean(lib: Path, capsys) -> None:
    assert findings(lib) == []
    assert main(["check-library", str(lib)]) == 0
    assert "0 errors, 0 warnings, 0 info in 1 file" in capsys.readouterr().out


def test_metadata_schema_error_names_the_key_line(lib: Path) -> None:
    clause(
        lib, "general.meta", "colour: red\nsources: []\ncommentary: c\n", "::article A\n::para x\n"
    )
    assert ("general.meta.j2", "LIB001", 6) in findings(lib)


def test_invalid_yaml_front_matter(lib: Path) -> None:
    clause(lib, "general.yaml", "sources: [RABAT\ncommentary: c\n", "::article A\n::para x\n")
    assert [f[1] for f in findings(lib) if f[0] == "general.yaml.j2"] == ["LIB001"]


def test_jinja_syntax_error_at_file_line(lib: Path) -> None:
    body = "::article A {label=a kind=general}\n::para ok\n::para {% if years %} open\n"
    clause(lib, "general.syntax", GOOD_FRONT, body)
    # 5 header lines + 6 of front matter + '---': the body starts at line 13
    assert ("general.syntax.j2", "LIB002", 15) in findings(lib)


def test_unknown_clause_in_clause_and_template(lib: Path) -> None:
    body = GOOD_BODY + '{{ clause("general.missing_one") }}\n'
    clause(lib, "general.caller", GOOD_FRONT, body)
    write(lib / "templates" / "t" / "template.yaml", "title: T\nextends: incitement-act\n")
    write(lib / "templates" / "t" / "statute.j2",
          '{% extends "incitement-act/statute.j2" %}\n{% block sunset %}\n'
          '{{ clause("review.nope") }}\n{% endblock %}\n')  # fmt: skip
    found = findings(lib)
    assert ("general.caller.j2", "LIB003", 15) in found
    assert ("statute.j2", "LIB003", 3) in found


def test_unknown_template_extends_and_include(lib: Path) -> None:
    write(lib / "templates" / "t" / "template.yaml", "title: T\n\nextends: incitment-act\n")
    write(lib / "templates" / "t" / "statute.j2", '{% extends "nowhere/statute.j2" %}\n')
    found = findings(lib)
    assert ("template.yaml", "LIB004", 3) in found
    assert ("statute.j2", "LIB004", 1) in found


def test_template_metadata_error(lib: Path) -> None:
    write(lib / "templates" / "t" / "template.yaml", "title: T\nextends: base\nqestions: []\n")
    write(lib / "templates" / "t" / "statute.j2", '{% extends "base/statute.j2" %}\n')
    assert ("template.yaml", "LIB001", 3) in findings(lib)


def test_undeclared_and_unused_parameters(lib: Path) -> None:
    front = (
        "parameters:\n  - name: years\n    type: int\n    default: 2\n"
        "  - name: spare\n    type: bool\n    default: false\nsources: []\ncommentary: c\n"
    )
    body = "::article A {label=a kind=general}\n::para {{ years }} and {{ mystery }}.\n"
    clause(lib, "general.vars", front, body)
    found = findings(lib)
    assert ("general.vars.j2", "LIB006", 10) in found  # "  - name: spare"
    assert ("general.vars.j2", "LIB005", 17) in found


def test_unguarded_optional_parameter(lib: Path) -> None:
    front = (
        "parameters:\n  - name: body\n    type: string\n    required: false\n"
        "sources: []\ncommentary: c\n"
    )
    guarded = (
        "::article A {label=a kind=general}\n::para x{% if body %} by {{ body }}{% endif %}.\n"
    )
    clause(lib, "general.guarded", front, guarded)
    defaulted = "::article B {label=b kind=general}\n::para by {{ body | default('the court') }}.\n"
    clause(lib, "general.defaulted", front, defaulted)
    bare = "::article C {label=c kind=general}\n::para x\n::para by {{ body }}.\n"
    clause(lib, "general.bare", front, bare)
    found = findings(lib)
    assert [f for f in found if f[0] in ("general.guarded.j2", "general.defaulted.j2")] == []
    assert ("general.bare.j2", "LIB007", 15) in found


def test_unknown_authority_in_clause_and_rule(lib: Path) -> None:
    front = "parameters: []\nsources:\n  - RABAT\n  - MADE-UP-1\ncommentary: c\n"
    clause(lib, "general.src", front, "::article A {label=a kind=general}\n::para x.\n")
    rule = (ROOT / "checks").glob("DR203-*.yaml").__next__().read_text(encoding="utf-8")
    write(lib / "checks" / "DR203-copy.yaml",
          rule.replace("authorities: [RABAT,", "authorities: [NOT-AN-ID,"))  # fmt: skip
    found = findings(lib)
    assert ("general.src.j2", "LIB008", 9) in found
    assert any(f[:2] == ("DR203-copy.yaml", "LIB008") and f[2] > 1 for f in found)


def test_rule_that_does_not_fire_on_its_fail_example(lib: Path) -> None:
    rule = next((ROOT / "checks").glob("DR203-*.yaml")).read_text(encoding="utf-8")
    broken = rule.replace(
        "(2) Negligence or recklessness as to the effect of the words is not sufficient.",
        "(2) A person who negligently repeats such words also commits an offence.",
    )
    assert broken != rule
    write(lib / "checks" / "DR203-copy.yaml", broken)
    assert any(f[:2] == ("DR203-copy.yaml", "LIB010") for f in findings(lib))


def test_examples_are_drafted_and_linted(lib: Path) -> None:
    # A team override that makes the offence negligent: the drafted example fails DR203.
    source = next((ROOT / "clause_library").rglob("offence.incitement_genocide.j2"))
    text = source.read_text(encoding="utf-8").replace(
        "intentionally, directly", "negligently, directly", 1
    )
    assert "negligently" in text
    write(lib / "clause_library" / "offence" / "offence.incitement_genocide.j2", text)
    example = lib / "examples" / "aurelia.yaml"
    example.parent.mkdir()
    shutil.copy(ROOT / "examples" / "republic-of-aurelia.yaml", example)
    found = findings(lib)
    assert ("aurelia.yaml", "DR203", 1) in found
    # An example naming a template that does not exist.
    write(lib / "examples" / "other.yaml", "template: no-such-act\n")
    assert ("other.yaml", "LIB004", 1) in findings(lib)


def test_cli_formats_and_exit_codes(lib: Path, tmp_path: Path, capsys) -> None:
    clause(lib, "general.bad", "parameters: []\nsources: [NOPE]\ncommentary: c\n",
           "::article A {label=a kind=general}\n::para x.\n")  # fmt: skip
    assert main(["check-library", str(lib)]) == 1
    out = capsys.readouterr().out
    assert "general.bad.j2" in out and "line 7" in out and "LIB008" in out
    assert main(["check-library", str(lib), "-f", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    codes = [f["code"] for file in data["files"] for f in file["findings"]]
    assert codes == ["LIB008"]
    assert main(["check-library", str(lib), "-f", "github"]) == 1
    assert "line=7" in capsys.readouterr().out
    assert main(["check-library", str(lib), "-f", "sarif", "-o", str(tmp_path / "r.sarif")]) == 1
    sarif = json.loads((tmp_path / "r.sarif").read_text())
    region = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] == 7
    assert main(["check-library", str(lib), "--fail-on", "never"]) == 0
    assert main(["check-library", str(tmp_path / "missing")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_team_rules_apply_to_drafted_examples(tmp_path: Path) -> None:
    # A folder with only rules and examples: the examples draft with the built-in library.
    lib = tmp_path / "rules-only"
    rule = next((ROOT / "checks").glob("DR203-*.yaml")).read_text(encoding="utf-8")
    start = rule.index("  patterns:\n")
    end = rule.index("examples:")
    local = (
        rule[:start].replace("code: DR203", "code: DR250").replace("  skip_negated: true\n", "")
        + "  patterns:\n    en: ['\\bnot exceeding\\b']\n"
        + "examples:\n  fail:\n    - |\n      Article 1 - Offence\n"
        + "      A person who incites genocide commits an offence and is liable to a term"
        + " not exceeding two years.\n"
    )
    write(lib / "checks" / "DR250-local.yaml", local)
    assert ("DR250-local.yaml", "LIB001", local.count("\n", 0, local.index("examples:")) + 1) in (
        findings(lib)
    )  # no 'pass' examples: reported on the examples: line
    local += "  pass:\n    - |\n      Article 1 - Offence\n      A person who incites genocide.\n"
    assert end > start
    write(lib / "checks" / "DR250-local.yaml", local)
    example = lib / "examples" / "aurelia.yaml"
    example.parent.mkdir()
    shutil.copy(ROOT / "examples" / "republic-of-aurelia.yaml", example)
    assert ("aurelia.yaml", "DR250", 1) in findings(lib)


TEMPLATE_META = """title: T
extends: base
questions:
  - name: extra.note
    type: string
    required: false
    help: An optional note.
  - name: extra.enabled
    type: bool
    default: false
    help: Switch.
  - name: extra.years
    type: int
    default: 2
    when: extra.enabled
    help: Years, asked only when enabled.
"""


def template(folder: Path, body: str) -> None:
    write(folder / "templates" / "t" / "template.yaml", TEMPLATE_META)
    write(folder / "templates" / "t" / "statute.j2", '{% extends "base/statute.j2" %}\n' + body)


ELSE_OF_CONDITION = (
    "{% block sunset %}\n{% if extra.enabled %}\nx\n{% else %}{{ extra.years }}{% endif %}"
    "\n{% endblock %}\n"
)
GUARDED_BY_IF = (
    "{% block sunset %}\n{% if extra.note %}by {{ extra.note }}{% endif %}\n"
    "{% if extra.enabled %}{{ extra.years }}{% endif %}\n{% endblock %}\n"
)
OTHER_GUARDS = (
    "{% block sunset %}\n{{ extra.note if extra.note else 'none' }}\n"
    "{{ extra.years if extra.years is defined else 3 }}\n"
    "{{ extra.years | default(4) }}\n"
    "{% if extra.enabled and extra.years > 2 %}long{% endif %}\n"
    "{% if not extra.enabled %}{% else %}{{ extra.years }}{% endif %}\n{% endblock %}\n"
)


@pytest.mark.parametrize(
    ("body", "bad"),
    [
        ("{% block sunset %}\n{{ extra.note }}\n{% endblock %}\n", [("extra.note", 3)]),
        ("{% block sunset %}\n{{ extra.years }}\n{% endblock %}\n", [("extra.years", 3)]),
        # {% if x %} on an absent (conditional) question still fails under StrictUndefined.
        (
            "{% block sunset %}\n{% if extra.years %}{{ extra.years }}{% endif %}\n{% endblock %}\n",
            [("extra.years", 3)],
        ),
        (ELSE_OF_CONDITION, [("extra.years", 5)]),
        (GUARDED_BY_IF, []),
        (OTHER_GUARDS, []),
    ],
)
def test_unguarded_template_question(lib: Path, body: str, bad: list) -> None:
    template(lib, body)
    results = check_library(lib)
    assert [f for r in results for f in r.findings if f.code != "LIB007"] == []
    result = next(r for r in results if r.path.endswith("statute.j2"))
    got = [
        (f.message.split("'")[1], result.regions[f.fingerprint].line)
        for f in result.findings
        if f.code == "LIB007"
    ]
    assert got == bad


def test_block_inherits_the_parents_guard(lib: Path) -> None:
    # The parent puts the block inside the condition: the child's block needs no guard of its own.
    write(lib / "templates" / "p" / "template.yaml", TEMPLATE_META)
    write(lib / "templates" / "p" / "statute.j2",
          '{% extends "base/statute.j2" %}\n{% block sunset %}{% if extra.enabled %}'
          '{% block inner %}{% endblock %}{% endif %}{% endblock %}\n')  # fmt: skip
    write(lib / "templates" / "c" / "template.yaml", "title: C\nextends: p\n")
    write(lib / "templates" / "c" / "statute.j2",
          '{% extends "p/statute.j2" %}\n{% block inner %}{{ extra.years }}{% endblock %}\n'
          '{% block repeal %}{{ extra.years }}{% endblock %}\n')  # fmt: skip
    assert [f for f in findings(lib) if f[1] == "LIB007"] == [("statute.j2", "LIB007", 3)]


def test_builtin_library_checks_clean() -> None:
    assert findings(ROOT) == []


def translated(folder: Path, clause_id: str, front: str, body: str) -> Path:
    category = clause_id.split(".")[0]
    text = f"---\nid: {clause_id}\ntitle: T\ncategory: {category}\nlanguage: fr\n{front}---\n{body}"
    return write(folder / "clause_library" / category / f"{clause_id}.fr.j2", text)


REF_BODY = (
    "::article Extra {label=extra kind=general}\n::para In force for {{ years }} years.\n"
    "::para See [[ref:extra/1]].\n"
)


def test_matching_translation_is_clean(lib: Path) -> None:
    clause(lib, "general.extra", GOOD_FRONT, REF_BODY)
    body = REF_BODY.replace("In force for", "En vigueur pendant").replace("See", "Voir l'")
    translated(lib, "general.extra", GOOD_FRONT, body)
    assert findings(lib) == []


@pytest.mark.parametrize(
    ("front", "body", "expected"),
    [
        # a bound changed: reported on the parameter's line
        (GOOD_FRONT + "", REF_BODY, []),
        (GOOD_FRONT.replace("default: 2", "default: 2\n    max: 9"), REF_BODY,
         [("LIB011", 7)]),
        (GOOD_FRONT.replace("default: 2", "default: 3"), REF_BODY, [("LIB011", 7)]),
        (GOOD_FRONT.replace("type: int", "type: number"), REF_BODY, [("LIB011", 7)]),
        (GOOD_FRONT.replace("[RABAT]", "[RABAT, GC34-25]"), REF_BODY, [("LIB011", 10)]),
        ("satisfies: [DR201]\n" + GOOD_FRONT, REF_BODY, [("LIB011", 6)]),
        (GOOD_FRONT.replace("parameters:", "uses: [hatred]\nparameters:"),
         REF_BODY.replace("years.", "years [[term:hatred]]."), [("LIB011", 6)]),
        # markup: a paragraph turned into an item, a reference retargeted, a paragraph dropped
        (GOOD_FRONT, REF_BODY.replace("::para See", "::item See"), [("LIB012", 15)]),
        (GOOD_FRONT, REF_BODY.replace("extra/1", "extra/2"), [("LIB012", 15)]),
        (GOOD_FRONT, REF_BODY.replace("::para See [[ref:extra/1]].\n", ""), [("LIB012", 14)]),
        (GOOD_FRONT, REF_BODY.replace("kind=general", "kind=offence"), [("LIB012", 13)]),
    ],
)  # fmt: skip
def test_translation_drift(lib: Path, front: str, body: str, expected: list) -> None:
    clause(lib, "general.extra", GOOD_FRONT, REF_BODY)
    translated(lib, "general.extra", front, body)
    got = [(code, line) for name, code, line in findings(lib) if name == "general.extra.fr.j2"]
    assert got == expected


def test_translation_of_a_builtin_clause_is_compared_with_it(tmp_path: Path) -> None:
    source = next((ROOT / "clause_library").rglob("offence.incitement_genocide.fr.j2"), None)
    if source is None:
        pytest.skip("no built-in French version yet")
    text = source.read_text(encoding="utf-8")
    lib = tmp_path / "lib"
    write(lib / "clause_library" / "offence" / source.name, text)
    assert findings(lib) == []
    write(lib / "clause_library" / "offence" / source.name, text.replace("max: 8", "max: 10", 1))
    assert [f[1] for f in findings(lib)] == ["LIB011"]


def test_template_language_entry_drift(lib: Path) -> None:
    meta = (
        "title: T\nextends: incitement-act\nlanguages:\n  fr:\n    entry: statute.fr.j2\n"
        "    title: Loi T\n"
    )
    write(lib / "templates" / "t" / "template.yaml", meta)
    english = (
        '{% extends "incitement-act/statute.j2" %}\n{% block repeal %}\n'
        '{{ clause("final.transitional") }}\n{% endblock %}\n'
    )
    write(lib / "templates" / "t" / "statute.j2", english)
    write(lib / "templates" / "t" / "statute.fr.j2", english.replace("statute.j2", "statute.fr.j2"))
    assert findings(lib) == []
    # No block at all, and the English parent extended: two findings on the French entry.
    write(lib / "templates" / "t" / "statute.fr.j2", '{% extends "incitement-act/statute.j2" %}\n')
    found = [f for f in findings(lib) if f[0] == "statute.fr.j2"]
    assert [f[1] for f in found] == ["LIB012", "LIB012"]


def test_examples_are_drafted_in_every_language(lib: Path) -> None:
    text = (ROOT / "examples" / "republic-of-aurelia.yaml").read_text(encoding="utf-8")
    write(lib / "examples" / "aurelia.yaml", text)
    assert findings(lib) == []  # both the English and the French drafts lint clean
    # An answer given in English only cannot draft the French version.
    english_only = text.replace(", fr: la République d'Aurélie}", "}")
    assert english_only != text
    write(lib / "examples" / "aurelia.yaml", english_only)
    assert findings(lib) == [("aurelia.yaml", "LIB009", 1)]


def test_override_without_translation_is_compared_with_the_builtin_one(tmp_path: Path) -> None:
    source = next((ROOT / "clause_library").rglob("offence.incitement_genocide.j2"))
    if not source.with_name("offence.incitement_genocide.fr.j2").is_file():
        pytest.skip("no built-in French version yet")
    lib = tmp_path / "lib"
    text = source.read_text(encoding="utf-8")
    target = write(lib / "clause_library" / "offence" / source.name, text)
    assert findings(lib) == []  # an unchanged copy: French drafts still line up
    write(target, text.replace("max: 8", "max: 7", 1))
    assert findings(lib) == [("offence.incitement_genocide.j2", "LIB011", 1)]
