"""``drafter lint`` and ``drafter rules`` end to end, on small statutes written by the tests.

Exit statuses and selection are tested with three rules of known severity in an extra rules
folder (so the tests do not depend on the wording of the built-in rules); a few tests run the
built-in rules to show the whole pipeline works on a real statute layout.
"""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import docx
import pytest

from drafter.cli import main

RULE = """\
code: {code}
name: {name}
severity: {severity}
scope: article
kind: phrase
message: The word {word} is used.
rationale: A test rule that flags the word {word}.
authorities: [GC34-25]
fix_clause: null
options:
  patterns:
    en: ['\\b{word}\\b']
examples:
  fail:
    - |
      Article 1 - Test
      A person who says {word} commits an offence.
  pass:
    - |
      Article 1 - Test
      A person who says nothing commits no offence.
"""
TEST_RULES = [
    ("DR191", "test-error-word", "error", "quux"),
    ("DR192", "test-warning-word", "warning", "frobnicate"),
    ("DR193", "test-info-word", "info", "wibble"),
]


def statute(*words: str, extra: str = "") -> str:
    """Return a small statute whose offence article uses the given words."""
    said = " and ".join(words) or "nothing"
    return (
        "# Test Act\n\n"
        "Article 1 - Short title\n"
        "This Act may be cited as the Test Act.\n\n"
        f"{extra}"
        "Article 2 - Offence\n"
        f"(1) A person who intentionally and publicly says {said} commits an offence.\n"
        "(2) The offence is punishable by a fine.\n"
    )


@pytest.fixture
def rules_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "test-rules"
    folder.mkdir()
    for code, name, severity, word in TEST_RULES:
        text = RULE.format(code=code, name=name, severity=severity, word=word)
        (folder / f"{code}-{name}.yaml").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def run(capsys, monkeypatch, tmp_path):
    """Run the CLI in tmp_path; return (status, stdout, stderr)."""
    monkeypatch.chdir(tmp_path)

    def invoke(*args: str) -> tuple[int, str, str]:
        status = main([str(a) for a in args])
        out, err = capsys.readouterr()
        return status, out, err

    return invoke


def codes(stdout: str) -> list[str]:
    data = json.loads(stdout)
    return [f["code"] for file in data["files"] for f in file["findings"]]


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "words, fail_on, status",
    [
        ((), None, 0),
        (("quux",), None, 1),  # default --fail-on is error
        (("frobnicate",), None, 0),
        (("frobnicate",), "warning", 1),
        (("wibble",), "warning", 0),
        (("wibble",), "info", 1),
        (("quux",), "never", 0),
    ],
)
def test_fail_on_thresholds(run, tmp_path, rules_dir, words, fail_on, status):
    law = write(tmp_path / "law.md", statute(*words))
    args = ["lint", law, "--rules", rules_dir, "--select", "DR19"]
    if fail_on:
        args += ["--fail-on", fail_on]
    got, out, err = run(*args)
    assert got == status, out + err
    assert out.rstrip().splitlines()[-1].endswith("in 1 file")


@pytest.mark.parametrize(
    "options, expected",
    [
        (["--select", "DR19"], ["DR191", "DR192", "DR193"]),
        (["--select", "DR191,dr193"], ["DR191", "DR193"]),
        (["--select", "DR191", "--select", "DR192"], ["DR191", "DR192"]),
        (["--select", "DR19", "--ignore", "DR192"], ["DR191", "DR193"]),
        (["--select", "DR19", "--ignore", "DR1"], []),
    ],
)
def test_select_and_ignore(run, tmp_path, rules_dir, options, expected):
    law = write(tmp_path / "law.md", statute("quux", "frobnicate", "wibble"))
    _, out, _ = run("lint", law, "--rules", rules_dir, "-f", "json", *options)
    assert sorted(codes(out)) == expected


def test_bad_selector_is_a_usage_error(run, tmp_path, rules_dir):
    law = write(tmp_path / "law.md", statute())
    status, _, err = run("lint", law, "--select", "XY1")
    assert status == 2 and "XY1" in err


def test_one_corrupt_file_others_still_reported(run, tmp_path, rules_dir):
    write(tmp_path / "laws" / "a.md", statute("quux"))
    (tmp_path / "laws" / "b.docx").write_bytes(b"this is not a zip file")
    write(tmp_path / "laws" / "c.txt", statute("quux"))
    write(tmp_path / "laws" / "notes.csv", "ignored,file\n")
    status, out, err = run("lint", "laws", "--rules", rules_dir, "--select", "DR19", "-f", "json")
    assert status == 2
    data = json.loads(out)
    assert [f["path"] for f in data["files"]] == ["laws/a.md", "laws/b.docx", "laws/c.txt"]
    assert [len(f["findings"]) for f in data["files"]] == [1, 0, 1]
    assert data["files"][1]["error"] and "b.docx" in data["files"][1]["error"]
    errors = [line for line in err.splitlines() if line.startswith("drafter: error:")]
    assert len(errors) == 1 and "b.docx" in errors[0]


def test_missing_file_and_empty_folder(run, tmp_path):
    (tmp_path / "empty").mkdir()
    status, _, err = run("lint", "nope.md", "empty")
    assert status == 2
    assert "nope.md" in err and "empty" in err


def test_config_discovered_and_flags_override(run, tmp_path, rules_dir):
    write(
        tmp_path / "drafter.toml",
        f'rules = ["{rules_dir.name}"]\nselect = ["DR19"]\nfail-on = "warning"\n',
    )
    law = write(tmp_path / "bills" / "law.md", statute("frobnicate"))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    status, out, _ = run("lint", law)
    assert status == 1 and "DR192" in out  # the config's rules, selection and threshold
    status, _, _ = run("lint", law, "--fail-on", "error")
    assert status == 0  # a flag that is given wins
    write(tmp_path / "other.toml", 'fail-on = "never"\n')
    status, out, _ = run(
        "lint", law, "--config", tmp_path / "other.toml", "--rules", rules_dir, "--select", "DR192"
    )
    assert status == 0 and "DR192" in out


def test_config_unknown_key_exits_2(run, tmp_path):
    write(tmp_path / "drafter.toml", 'slect = ["DR2"]\n')
    law = write(tmp_path / "law.md", statute())
    status, _, err = run("lint", law)
    assert status == 2
    assert "drafter.toml" in err and "'slect'" in err and "did you mean 'select'" in err


def test_output_file_and_force(run, tmp_path, rules_dir):
    law = write(tmp_path / "law.md", statute("quux"))
    report = tmp_path / "report.sarif"
    args = ["lint", law, "--rules", rules_dir, "--select", "DR19", "-f", "sarif", "-o", report]
    status, out, _ = run(*args)
    assert status == 1 and out == ""
    assert json.loads(report.read_text())["runs"][0]["results"][0]["ruleId"] == "DR191"
    status, _, err = run(*args)
    assert status == 2 and "--force" in err
    assert run(*args, "--force")[0] == 1
    status, _, err = run("lint", law, "-o", law, "--force")
    assert status == 2 and "overwrite" in err
    assert "Article 2" in law.read_text()


def test_no_color_respected(run, tmp_path, rules_dir, monkeypatch):
    law = write(tmp_path / "law.md", statute("quux"))
    monkeypatch.setenv("FORCE_COLOR", "1")
    _, out, _ = run("lint", law, "--rules", rules_dir, "--select", "DR19")
    assert "\x1b[" not in out  # NO_COLOR is set by the autouse fixture and wins
    monkeypatch.delenv("NO_COLOR")
    _, out, _ = run("lint", law, "--rules", rules_dir, "--select", "DR19")
    assert "\x1b[" in out
    _, out, _ = run("lint", law, "--rules", rules_dir, "--select", "DR19", "-f", "json")
    assert "\x1b[" not in out


def test_github_format_lines(run, tmp_path, rules_dir):
    write(tmp_path / "law.md", statute("quux"))
    _, out, _ = run("lint", "law.md", "--rules", rules_dir, "--select", "DR19", "-f", "github")
    (line,) = out.splitlines()
    # Line 7, column 50 of the file is where "quux" is (the line starts with "(1) A person").
    assert line == (
        "::error file=law.md,line=7,col=50,title=DR191 test-error-word::"
        "Article 2(1): 'quux': The word quux is used. [GC34-25]"
    )


def test_baseline_round_trip(run, tmp_path, rules_dir):
    law = write(tmp_path / "law.md", statute("quux", "frobnicate"))
    base = tmp_path / "ci" / "baseline.json"
    base.parent.mkdir()
    common = ["--rules", rules_dir, "--select", "DR19", "--fail-on", "warning"]
    status, _, err = run("lint", law, *common, "--write-baseline", base)
    assert status == 0 and "recorded 2 findings" in err
    stored = json.loads(base.read_text())
    assert list(stored["files"]) == ["../law.md"]  # relative to the baseline's folder
    status, out, _ = run("lint", law, *common, "--baseline", base, "-f", "json")
    assert status == 0 and codes(out) == []
    # An unrelated edit elsewhere (a new article before it renumbers Article 2) keeps them.
    extra = "Article 2 - Definitions\nIn this Act, words have their ordinary meaning.\n\n"
    law.write_text(statute("quux", "frobnicate", extra=extra), encoding="utf-8")
    status, out, _ = run("lint", law, *common, "--baseline", base, "-f", "json")
    assert status == 0 and codes(out) == []
    # A new problem is still reported.
    law.write_text(
        statute("quux", "frobnicate", "wibble", extra=extra.replace("ordinary", "quux")),
        encoding="utf-8",
    )
    status, out, _ = run(
        "lint", law, *common, "--baseline", base, "-f", "json", "--fail-on", "info"
    )
    assert status == 1 and sorted(codes(out)) == ["DR191", "DR193"]


def test_malformed_baseline_exits_2(run, tmp_path, rules_dir):
    law = write(tmp_path / "law.md", statute("quux"))
    bad = write(tmp_path / "baseline.json", '{"version": 1, "files": {"law.md": [{"code": 1}]}}')
    status, _, err = run("lint", law, "--baseline", bad)
    assert status == 2 and "baseline.json" in err


def make_docx(path: Path, text: str) -> Path:
    document = docx.Document()
    for line in text.splitlines():
        if line.strip():
            document.add_paragraph(line.lstrip("# "))
    document.save(path)
    return path


def test_annotate_writes_comments(run, tmp_path, rules_dir):
    law = make_docx(tmp_path / "law.docx", statute("quux", "wibble"))
    out = tmp_path / "reviewed.docx"
    status, _, err = run("lint", law, "--rules", rules_dir, "--select", "DR19", "--annotate", out)
    assert status == 1, err
    with zipfile.ZipFile(out) as package:
        comments = package.read("word/comments.xml").decode("utf-8")
        body = package.read("word/document.xml").decode("utf-8")
    assert "DR191" in comments and "DR193" in comments
    assert body.count("<w:commentRangeStart") == 2
    # The comment is anchored on the flagged word, not the whole paragraph.
    start = body.index("<w:commentRangeStart")
    end = body.index("<w:commentRangeEnd")
    assert "quux" in body[start:end] and "intentionally" not in body[start:end]


def test_annotate_refuses_its_input_and_other_inputs(run, tmp_path, rules_dir):
    law = make_docx(tmp_path / "law.docx", statute("quux"))
    before = law.read_bytes()
    status, _, err = run("lint", law, "--annotate", law, "--force")
    assert status == 2 and "overwrite" in err
    assert law.read_bytes() == before
    md = write(tmp_path / "law.md", statute("quux"))
    assert run("lint", md, "--annotate", tmp_path / "x.docx")[0] == 2
    assert run("lint", law, md, "--annotate", tmp_path / "x.docx")[0] == 2
    assert not (tmp_path / "x.docx").exists()


def test_builtin_rules_on_a_real_layout(run, tmp_path):
    law = write(
        tmp_path / "law.txt",
        "GENOCIDE IDEOLOGY ACT\n\n"
        "Article 1 - Offence of genocide ideology\n"
        "Any person who negligently spreads genocide ideology by any means whatsoever commits "
        "an offence and is liable to imprisonment for 10 to 25 years.\n",
    )
    status, out, _ = run("lint", law, "-f", "json")
    assert status == 1
    found = set(codes(out))
    assert {"DR101", "DR203"} <= found
    data = json.loads(out)
    dr203 = next(f for f in data["files"][0]["findings"] if f["code"] == "DR203")
    assert dr203["location"]["text"].lower() == "negligently"
    assert dr203["location"]["article"] == "1"
    if dr203["suggestion"] is not None:
        assert dr203["suggestion"]["clause"]


def test_rules_listing_and_document(run):
    status, out, _ = run("rules")
    assert status == 0
    assert "DR2xx offence elements" in out
    assert re.search(r"^  DR203  error +negligence-or-recklessness ", out, re.MULTILINE)
    status, out, _ = run("rules", "dr203")
    assert status == 0
    for heading in (
        "What it flags:",
        "Why:",
        "Authorities:",
        "Scope:",
        "Flagged (example 1):",
        "Not flagged (example 1):",
        "Fix:",
    ):
        assert heading in out
    assert "Rabat Plan of Action" in out  # authorities with full titles


def test_rules_unknown_code_suggests(run):
    status, _, err = run("rules", "DR2O3")
    assert status == 2 and "did you mean DR203" in err


def test_rules_extra_folder(run, rules_dir):
    status, out, _ = run("rules", "--rules", rules_dir)
    assert status == 0 and "DR191" in out and "test-error-word" in out
    status, out, _ = run("rules", "DR193", "--rules", rules_dir)
    assert status == 0 and "The word wibble is used." in out


# --- the importable API ----------------------------------------------------------------------


def test_collect_files_walks_folders_sorted(tmp_path):
    from drafter.lint.api import collect_files

    for name in ["b/z.md", "b/a.txt", "a.docx", ".hidden/x.md", "~$a.docx", "n.pdf", "b/c/d.md"]:
        write(tmp_path / name, "x")
    found = [p.relative_to(tmp_path).as_posix() for p in collect_files([tmp_path])]
    assert found == ["a.docx", "b/a.txt", "b/c/d.md", "b/z.md"]
    named = tmp_path / "n.pdf"
    assert collect_files([named]) == [named]  # a named file is tried (and reported) as given


def test_lint_paths_in_parallel_matches_serial(tmp_path, rules_dir):
    from drafter.lint.api import LintOptions, lint_paths

    for i, word in enumerate(["quux", "frobnicate", "wibble"]):
        write(tmp_path / f"law{i}.md", statute(word))
    (tmp_path / "law3.docx").write_bytes(b"junk")
    options = LintOptions(select=["DR19"], rule_dirs=[rules_dir])
    serial = lint_paths([tmp_path], options)
    options.jobs = 2
    parallel = lint_paths([tmp_path], options)
    assert [(r.path, [f.code for f in r.findings], bool(r.error)) for r in serial] == [
        (str(tmp_path / "law0.md"), ["DR191"], False),
        (str(tmp_path / "law1.md"), ["DR192"], False),
        (str(tmp_path / "law2.md"), ["DR193"], False),
        (str(tmp_path / "law3.docx"), [], True),
    ]
    assert [(r.path, r.findings, r.error) for r in parallel] == [
        (r.path, r.findings, r.error) for r in serial
    ]


def test_lint_statute_defaults_to_builtin_rules():
    from drafter.lint.api import lint_statute
    from drafter.reading import read_text

    text = "Article 1 - Offence\nA person who negligently spreads hatred commits an offence.\n"
    codes_found = {f.code for f in lint_statute(read_text(text), file="x.txt")}
    assert "DR203" in codes_found


def test_paragraph_markers_cite_items_under_paragraphs():
    from drafter.lint.api import paragraph_markers
    from drafter.model import Article, Paragraph, Statute

    article = Article(
        "4",
        paragraphs=[
            Paragraph("Intro", None, 0),
            Paragraph("first", "a", 1),
            Paragraph("One", "1", 0),
            Paragraph("item", "a", 1),
            Paragraph("sub", "i", 2),
            Paragraph("Two", "2", 0),
        ],
    )
    markers = paragraph_markers(Statute(body=[article]))
    assert [markers[("4", i)] for i in range(1, 7)] == [
        "",
        "(a)",
        "(1)",
        "(1)(a)",
        "(1)(a)(i)",
        "(2)",
    ]


def test_text_regions_find_wrapped_quotes():
    from drafter.lint.api import text_regions
    from drafter.model import Statute

    source = "Title\n\n(1) A person who\n    negligently spreads words\n"
    quote = finding_for("negligently spreads", source_index=2)
    (region,) = text_regions(source, Statute(), [quote]).values()
    assert (region.line, region.column) == (4, 5)
    assert source[region.char_offset : region.char_offset + region.char_length] == (
        "negligently spreads"
    )


def finding_for(text: str, source_index: int):
    from drafter.findings import Finding, Location, Severity

    return Finding(
        "DR203",
        "n",
        Severity.ERROR,
        "m",
        Location(article="1", paragraph=1, text=text, source_index=source_index),
        fingerprint="fp",
    )


def test_sarif_of_a_real_run_is_valid(run, tmp_path):
    import jsonschema

    schema = json.loads((Path(__file__).parent / "data" / "sarif-2.1.0.json").read_text("utf-8"))
    text = (
        "Article 1 - Offence\n"
        "(1) Any person who negligently spreads hatred by any means whatsoever commits an "
        "offence.\n(2) The penalty is imprisonment for life.\n"
    )
    write(tmp_path / "law.txt", text)
    make_docx(tmp_path / "law.docx", text)
    (tmp_path / "bad.docx").write_bytes(b"junk")
    status, out, _ = run("lint", "law.txt", "law.docx", "bad.docx", "-f", "sarif")
    assert status == 2
    log = json.loads(out)
    assert not list(jsonschema.Draft4Validator(schema).iter_errors(log))
    results = log["runs"][0]["results"]
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    assert uris == {"law.txt", "law.docx"}
    known = {rule["id"] for rule in log["runs"][0]["tool"]["driver"]["rules"]}
    assert {r["ruleId"] for r in results} <= known
    in_text = [r for r in results if r["ruleId"] == "DR203" and "law.txt" in json.dumps(r)]
    region = in_text[0]["locations"][0]["physicalLocation"]["region"]
    assert text[region["charOffset"] : region["charOffset"] + region["charLength"]] == "negligently"


def test_text_regions_take_the_same_occurrence():
    from drafter.findings import Finding, Location, Severity
    from drafter.lint.api import text_regions
    from drafter.reading import read_text

    source = "Article 1 - Offence\n(1) A person who insults\nor insults again commits an offence.\n"
    statute = read_text(source)
    para = statute.articles[0].paragraphs[0]
    second = para.text.index("insults", para.text.index("insults") + 1)
    loc = Location(
        article="1",
        paragraph=1,
        start=second,
        end=second + 7,
        text="insults",
        source_index=para.source_index,
    )
    (region,) = text_regions(
        source, statute, [Finding("DR1", "n", Severity.ERROR, "m", loc, fingerprint="x")]
    ).values()
    assert (region.line, region.column) == (3, 4)
    assert source[region.char_offset :].startswith("insults again")


def test_collector_settings_restored_after_lint(run, tmp_path, rules_dir):
    """The command makes the cycle collector cheaper while it runs, and undoes it after."""
    import gc

    before = (gc.get_threshold(), gc.get_freeze_count())
    law = write(tmp_path / "law.md", statute())
    status, _, _ = run("lint", law, "--format", "json")
    assert status in (0, 1)
    assert (gc.get_threshold(), gc.get_freeze_count()) == before
    status, _, err = run("lint", law, "--select", "XY1")  # a usage error restores them too
    assert status == 2 and "XY1" in err
    assert (gc.get_threshold(), gc.get_freeze_count()) == before
