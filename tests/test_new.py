"""drafter new template|clause: scaffolds that check clean, draft, and never overwrite."""

from __future__ import annotations

from pathlib import Path

from drafter.cli import main
from drafter.library import Library
from drafter.library_check import check_library

ROOT = Path(__file__).resolve().parent.parent
AURELIA = ROOT / "examples" / "republic-of-aurelia.yaml"


def codes(folder: Path) -> list[str]:
    return [f.code for r in check_library(folder) for f in r.findings]


def test_new_template_checks_clean_and_drafts(tmp_path: Path, capsys) -> None:
    lib = tmp_path / "lib"
    assert (
        main(["new", "template", "aurelia-act", "--from", "incitement-act", "--into", str(lib)])
        == 0
    )
    folder = lib / "templates" / "aurelia-act"
    meta = (folder / "template.yaml").read_text()
    assert "extends: incitement-act" in meta and meta.count("\n#") >= 3  # commented
    entry = (folder / "statute.j2").read_text()
    assert entry.startswith('{% extends "incitement-act/statute.j2" %}')
    assert "{% block offences %}" in entry  # the blocks that can be replaced are listed
    assert codes(lib) == []
    template = Library([lib]).template("aurelia-act")
    assert template.origin == str(lib) and template.extends == "incitement-act"
    # The scaffold drafts what its base drafts until the team edits it.
    answers = tmp_path / "answers.yaml"
    answers.write_text(
        AURELIA.read_text().replace("template: incitement-act", "template: aurelia-act")
    )
    argv = ["--answers", str(answers), "--library", str(lib)]
    assert main(["draft", "aurelia-act", *argv, "-o", str(tmp_path / "a.md")]) == 0
    argv[1] = str(AURELIA)
    assert main(["draft", "incitement-act", *argv, "-o", str(tmp_path / "b.md")]) == 0
    assert (tmp_path / "a.md").read_text() == (tmp_path / "b.md").read_text()


def test_new_template_offers_the_base_languages(tmp_path: Path, capsys) -> None:
    lib = tmp_path / "lib"
    argv = ["new", "template", "aurelia-act", "--from", "incitement-act", "--into", str(lib)]
    assert main(argv) == 0
    folder = lib / "templates" / "aurelia-act"
    entry = (folder / "statute.fr.j2").read_text()
    assert entry.startswith('{% extends "incitement-act/statute.fr.j2" %}')
    template = Library([lib]).template("aurelia-act")
    assert (
        sorted(template.languages) == ["fr"] and template.languages["fr"].entry == "statute.fr.j2"
    )
    assert codes(lib) == []  # the French entry matches the English one (LIB012 is silent)
    answers = tmp_path / "answers.yaml"
    answers.write_text(
        AURELIA.read_text().replace("template: incitement-act", "template: aurelia-act")
    )
    common = ["--answers", str(answers), "--library", str(lib), "--lang", "fr"]
    assert main(["draft", "aurelia-act", *common, "-o", str(tmp_path / "a.md")]) == 0
    common[1] = str(AURELIA)
    assert main(["draft", "incitement-act", *common, "-o", str(tmp_path / "b.md")]) == 0
    assert (tmp_path / "a.md").read_text() == (tmp_path / "b.md").read_text()
    assert "Article premier" in (tmp_path / "a.md").read_text()


def test_new_template_refuses_to_overwrite(tmp_path: Path, capsys) -> None:
    lib = tmp_path / "lib"
    argv = ["new", "template", "my-act", "--into", str(lib)]
    assert main(argv) == 0
    path = lib / "templates" / "my-act" / "statute.j2"
    path.write_text("edited")
    capsys.readouterr()
    assert main(argv) == 2
    assert "already exists" in capsys.readouterr().err
    assert path.read_text() == "edited"


def test_new_template_bad_arguments(tmp_path: Path, capsys) -> None:
    lib = tmp_path / "lib"
    assert main(["new", "template", "x-act", "--from", "incitment-act", "--into", str(lib)]) == 2
    assert "did you mean 'incitement-act'" in capsys.readouterr().err
    assert main(["new", "template", "base", "--from", "base", "--into", str(lib)]) == 2
    assert main(["new", "template", "My Act", "--into", str(lib)]) == 2
    assert not lib.exists()


def test_new_clause_skeleton_checks_clean(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    assert main(["new", "clause", "offence.local_variant", "--into", str(lib)]) == 0
    assert main(["new", "clause", "definitions.broadcaster", "--into", str(lib)]) == 0
    path = lib / "clause_library" / "offence" / "offence.local_variant.j2"
    assert "kind=offence" in path.read_text()
    assert codes(lib) == []
    assert Library([lib]).clause("definitions.broadcaster").introduces == ["broadcaster"]


def test_new_clause_overriding_a_builtin_starts_from_its_text(tmp_path: Path, capsys) -> None:
    lib = tmp_path / "lib"
    argv = ["new", "clause", "offence.incitement_genocide", "--into", str(lib)]
    assert main(argv) == 0
    text = (lib / "clause_library" / "offence" / "offence.incitement_genocide.j2").read_text()
    assert "overrides the built-in clause" in text
    builtin = Library().clause("offence.incitement_genocide")
    found = Library([lib]).clause("offence.incitement_genocide")
    assert found.origin == str(lib) and found.body == builtin.body
    assert codes(lib) == []
    assert main(argv) == 2  # never overwritten
    assert "already exists" in capsys.readouterr().err


def test_new_clause_bad_ids(tmp_path: Path, capsys) -> None:
    lib = tmp_path / "lib"
    assert main(["new", "clause", "weather.rain", "--into", str(lib)]) == 2
    assert "category 'weather'" in capsys.readouterr().err
    assert main(["new", "clause", "Offence", "--into", str(lib)]) == 2
    assert not lib.exists()
