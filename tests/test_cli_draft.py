"""The draft, answers, templates and clauses commands, end to end through drafter.cli.main."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from test_library import write_library

from drafter.answers import load_answers
from drafter.cli import cli, main
from drafter.findings import Finding, Location, Severity

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted(
    p for p in (ROOT / "examples").glob("*.*") if p.suffix in (".yaml", ".toml", ".json")
)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def one_line_error(code: int, err: str) -> str:
    assert code == 2, err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("drafter: error: ")
    return lines[0]


@pytest.fixture
def aurelia() -> Path:
    return ROOT / "examples" / "republic-of-aurelia.yaml"


def test_examples_cover_both_templates() -> None:
    templates = {load_answers(p)["template"] for p in EXAMPLES}
    assert templates == {"incitement-act", "amending-act"}
    assert len(EXAMPLES) >= 4


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_every_example_drafts_to_docx_with_memo_and_to_markdown(
    capsys, tmp_path: Path, example: Path
) -> None:
    template = load_answers(example)["template"]
    docx, memo, md = tmp_path / "act.docx", tmp_path / "memo.docx", tmp_path / "act.md"
    # Whether the linter passes the examples is the next test; this one is about writing.
    code, _, err = run(capsys, "draft", template, "--answers", example, "-o", docx, "--memo", memo,
                       "--allow-findings")  # fmt: skip
    assert code == 0, err
    assert zipfile.is_zipfile(docx) and zipfile.is_zipfile(memo)
    code, _, err = run(
        capsys, "draft", template, "--answers", example, "-o", md, "--allow-findings"
    )
    assert code == 0, err
    text = md.read_text(encoding="utf-8")
    assert "Definitions" in text and "[[" not in text and "{{" not in text
    assert "Entry into force" in text


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_every_example_passes_the_linter(capsys, tmp_path: Path, example: Path) -> None:
    template = load_answers(example)["template"]
    code, _, err = run(capsys, "draft", template, "--answers", example, "-o", tmp_path / "act.md")
    assert code == 0, err


def test_reference_doc_styles_the_statute_and_memo(capsys, tmp_path: Path, aurelia: Path) -> None:
    first = tmp_path / "first.docx"
    assert run(capsys, "draft", "incitement-act", "--answers", aurelia, "-o", first,
               "--allow-findings")[0] == 0  # fmt: skip
    out, memo = tmp_path / "styled.docx", tmp_path / "memo.docx"
    code, _, err = run(capsys, "draft", "incitement-act", "--answers", aurelia, "-o", out,
                       "--memo", memo, "--reference-doc", first, "--allow-findings")  # fmt: skip
    assert code == 0, err
    assert zipfile.is_zipfile(out) and zipfile.is_zipfile(memo)
    code, _, err = run(capsys, "draft", "incitement-act", "--answers", aurelia, "-o", out,
                       "--reference-doc", tmp_path / "nope.docx", "--force")  # fmt: skip
    assert "nope.docx: reference document not found" in one_line_error(code, err)


def test_format_option_overrides_extension(capsys, tmp_path: Path, aurelia: Path) -> None:
    out = tmp_path / "act.txt"
    code, _, err = run(capsys, "draft", "incitement-act", "--answers", aurelia, "-o", out, "--format", "md",
                       "--allow-findings")  # fmt: skip
    assert code == 0, err
    assert out.read_text(encoding="utf-8").lstrip().startswith("#")


def test_missing_answers_file(capsys, tmp_path: Path) -> None:
    code, _, err = run(
        capsys,
        "draft",
        "incitement-act",
        "--answers",
        tmp_path / "nope.yaml",
        "-o",
        tmp_path / "a.docx",
    )
    assert "nope.yaml: answers file not found" in one_line_error(code, err)
    assert not (tmp_path / "a.docx").exists()


def test_malformed_answers_file(capsys, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("state:\n  name: [unclosed\n")
    code, _, err = run(
        capsys, "draft", "incitement-act", "--answers", bad, "-o", tmp_path / "a.docx"
    )
    assert "bad.yaml:3: malformed YAML" in one_line_error(code, err)


def test_unknown_template_suggests(capsys, tmp_path: Path, aurelia: Path) -> None:
    code, _, err = run(
        capsys, "draft", "incitment-act", "--answers", aurelia, "-o", tmp_path / "a.docx"
    )
    assert "unknown template 'incitment-act' (did you mean 'incitement-act'?)" in one_line_error(
        code, err
    )


def test_abstract_template_and_wrong_answers_file(capsys, tmp_path: Path, aurelia: Path) -> None:
    code, _, err = run(capsys, "draft", "base", "-o", tmp_path / "a.md")
    assert "only exists to be extended" in one_line_error(code, err)
    amending = ROOT / "examples" / "aurelia-amending.yaml"
    code, _, err = run(
        capsys, "draft", "incitement-act", "--answers", amending, "-o", tmp_path / "a.md"
    )
    assert "template: the file is for 'amending-act', not 'incitement-act'" in one_line_error(
        code, err
    )


def test_bad_value_names_key(capsys, tmp_path: Path, aurelia: Path) -> None:
    data = yaml.safe_load(aurelia.read_text())
    data["offences"]["genocide_max_years"] = 25
    answers = tmp_path / "a.yaml"
    answers.write_text(yaml.safe_dump(data))
    code, _, err = run(
        capsys, "draft", "incitement-act", "--answers", answers, "-o", tmp_path / "a.docx"
    )
    line = one_line_error(code, err)
    assert "a.yaml: offences.genocide_max_years: 25 is above the maximum 8" in line
    assert not (tmp_path / "a.docx").exists()


def test_several_problems_summarised_on_the_first_line(capsys, tmp_path: Path) -> None:
    answers = tmp_path / "a.json"
    answers.write_text('{"tiers": {"hatred": "yes"}, "stat": {"name": "X"}}')
    code, _, err = run(
        capsys, "draft", "incitement-act", "--answers", answers, "-o", tmp_path / "a.docx"
    )
    assert code == 2
    first = err.splitlines()[0]
    assert first.startswith("drafter: error: ") and "a.json: 3 problems: " in first
    assert "did you mean 'state" in err


def test_no_answers_at_all_reports_required_ones(capsys, tmp_path: Path) -> None:
    code, _, err = run(capsys, "draft", "incitement-act", "-o", tmp_path / "a.docx")
    assert "state.name: missing required answer" in one_line_error(code, err)


def test_existing_output_needs_force(capsys, tmp_path: Path, aurelia: Path) -> None:
    out = tmp_path / "a.md"
    out.write_text("keep me")
    code, _, err = run(capsys, "draft", "incitement-act", "--answers", aurelia, "-o", out)
    assert "exists; use --force" in one_line_error(code, err)
    assert out.read_text() == "keep me"
    code, _, err = run(capsys, "draft", "incitement-act", "--answers", aurelia, "-o", out, "--force",
                       "--allow-findings")  # fmt: skip
    assert code == 0, err
    assert out.read_text() != "keep me"


def test_unwritable_output_path(capsys, tmp_path: Path, aurelia: Path) -> None:
    code, _, err = run(
        capsys, "draft", "incitement-act", "--answers", aurelia, "-o", tmp_path / "no" / "a.docx"
    )
    assert "does not exist" in one_line_error(code, err)


def test_no_partial_set_when_the_memo_cannot_be_written(
    capsys, tmp_path: Path, aurelia: Path
) -> None:
    out, memo = tmp_path / "a.docx", tmp_path / "m.docx"
    memo.write_text("existing memo")
    code, _, err = run(
        capsys, "draft", "incitement-act", "--answers", aurelia, "-o", out, "--memo", memo
    )
    one_line_error(code, err)
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.docx"]  # no temp files either


def test_lint_findings_stop_the_draft_unless_allowed(
    capsys, tmp_path: Path, aurelia: Path, monkeypatch
) -> None:
    from drafter.lint import api

    finding = Finding("DR401", "missing-maximum", Severity.ERROR, "Offence has no maximum penalty.",
                      Location(article="4"))  # fmt: skip
    monkeypatch.setattr(api, "lint_statute", lambda statute, *a, **k: [finding])
    out = tmp_path / "a.md"
    code, _, err = run(capsys, "draft", "incitement-act", "--answers", aurelia, "-o", out)
    assert code == 1
    assert "DR401 Article 4: Offence has no maximum penalty." in err
    assert not out.exists()
    code, _, err = run(
        capsys, "draft", "incitement-act", "--answers", aurelia, "-o", out, "--allow-findings"
    )
    assert code == 0 and out.exists()


def test_user_library_overrides_builtin(capsys, tmp_path: Path) -> None:
    lib = write_library(tmp_path / "lib")
    answers = tmp_path / "a.yaml"
    answers.write_text("state:\n  name: the Republic of Aurelia\n")
    out = tmp_path / "mini.md"
    code, _, err = run(
        capsys,
        "draft",
        "mini",
        "--library",
        lib,
        "--answers",
        answers,
        "-o",
        out,
        "--allow-findings",
    )
    assert code == 0, err
    assert "Test Act" in out.read_text(encoding="utf-8")
    code, out_text, _ = run(capsys, "templates", "--library", lib)
    assert "mini" in out_text and str(lib) in out_text and "incitement-act" in out_text


def test_template_error_is_one_line_with_file_and_line(capsys, tmp_path: Path) -> None:
    from test_library import MINI_J2

    broken = MINI_J2.replace("::para In this Act:", "::para {{ state.nmae }}")
    lib = write_library(tmp_path / "lib", templates={"templates/mini/statute.j2": broken})
    answers = tmp_path / "a.yaml"
    answers.write_text("state:\n  name: X\n")
    code, _, err = run(capsys, "draft", "mini", "--library", lib, "--answers", answers,
                       "-o", tmp_path / "a.md")  # fmt: skip
    line = one_line_error(code, err)
    assert "templates/mini/statute.j2:4: " in line and "nmae" in line
    assert not (tmp_path / "a.md").exists()


def test_library_from_the_environment(capsys, tmp_path: Path, monkeypatch) -> None:
    lib = write_library(tmp_path / "lib")
    monkeypatch.setenv("DRAFTER_LIBRARY", str(lib))
    code, out, _ = run(capsys, "templates")
    assert code == 0 and "mini" in out
    code, out, _ = run(capsys, "clauses", "show", "offence.incite")
    assert code == 0 and str(lib) in out


def test_answers_command_prints_and_writes_a_starter(capsys, tmp_path: Path) -> None:
    code, out, _ = run(capsys, "answers", "amending-act")
    assert code == 0
    data = yaml.safe_load(out)
    assert data["template"] == "amending-act" and data["amended_law"]["title"] is None
    assert "# type: int, 4 to 8" in out
    target = tmp_path / "starter.yaml"
    assert run(capsys, "answers", "incitement-act", "-o", target)[0] == 0
    assert yaml.safe_load(target.read_text())["tiers"]["hatred"] is True
    code, _, err = run(capsys, "answers", "incitement-act", "-o", target)
    assert "exists" in one_line_error(code, err)


def test_templates_and_clauses_commands(capsys) -> None:
    code, out, _ = run(capsys, "templates")
    assert code == 0 and "incitement-act" in out and "amending-act" in out and "base " not in out
    code, out, _ = run(capsys, "templates", "show", "incitement-act")
    assert code == 0 and "tiers.hatred_max_years" in out and "only if: tiers.hatred" in out
    code, out, _ = run(capsys, "clauses", "--category", "offence")
    assert code == 0 and "offence.incitement_genocide" in out and "definitions." not in out
    code, out, _ = run(capsys, "clauses", "--source", "RABAT")
    assert code == 0 and "assessment.rabat_factors" in out
    code, out, _ = run(capsys, "clauses", "show", "offence.incitement_genocide")
    assert code == 0
    assert "GENOCIDE-IIIc" in out and "max_years = 5" in out and "commentary:" in out
    assert "five (5) years" in out and "[[" not in out
    code, _, err = run(capsys, "clauses", "--category", "offense")
    assert "did you mean 'offence'" in one_line_error(code, err)
    code, _, err = run(capsys, "clauses", "show", "offence.incitement_genocid")
    assert "did you mean 'offence.incitement_genocide'" in one_line_error(code, err)


def test_interactive_asks_for_missing_answers(tmp_path: Path) -> None:
    from click.testing import CliRunner

    out = tmp_path / "act.md"
    given = tmp_path / "partial.yaml"
    given.write_text("template: incitement-act\ntiers:\n  hatred: false\n  denial: false\n")
    # questions not in the file, in order: state.name, state.legislature, act.*, offences...
    answers = "the Kingdom of Borealis\n" + "\n" * 60
    result = CliRunner().invoke(
        cli, ["draft", "incitement-act", "--answers", str(given), "--interactive", "-o", str(out),
              "--allow-findings"],
        input=answers,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "the Kingdom of Borealis" in text and "Incitement to hatred" not in text


def test_python_dash_m_entry_point(tmp_path: Path, aurelia: Path) -> None:
    out = tmp_path / "a.docx"
    result = subprocess.run(
        [sys.executable, "-m", "drafter", "draft", "incitement-act", "--answers", str(aurelia), "-o", str(out),
         "--allow-findings"],
        check=False, capture_output=True, text=True, cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert zipfile.is_zipfile(out)
    again = subprocess.run(
        [sys.executable, "-m", "drafter", "draft", "incitement-act", "--answers", str(aurelia), "-o", str(out)],
        check=False, capture_output=True, text=True, cwd=tmp_path,
    )  # fmt: skip
    assert again.returncode == 2 and again.stderr.count("\n") == 1
