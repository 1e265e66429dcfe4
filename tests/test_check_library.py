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
