"""The rule catalogue: loading, validation errors naming the file, overrides, selection."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from drafter.errors import LibraryError
from drafter.lint import catalog
from drafter.lint.catalog import load_rules, parse_rule, rule_by_code, select_rules
from drafter.paths import PACKAGE, builtin_dir
from drafter.standards import is_known

ARCHITECTURE = PACKAGE.parent / "docs" / "architecture.md"

GOOD = {
    "code": "DR299",
    "name": "test-rule",
    "severity": "warning",
    "scope": "offence",
    "kind": "phrase",
    "message": "A test rule.",
    "rationale": "Why it matters.",
    "authorities": ["RABAT"],
    "fix_clause": "offence.incitement_hatred",
    "options": {"patterns": {"en": [r"\bfrobnicat\w*"]}},
    "examples": {
        "fail": ["Article 1 - Offence\nA person who frobnicates commits an offence.\n"],
        "pass": ["Article 1 - Offence\nA person who incites commits an offence.\n"],
    },
}


def write_rule(folder: Path, data: dict, name: str | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / (name or f"{data.get('code', 'DR299')}-test.yaml")
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_builtin_rules_load_sorted_and_valid():
    rules = load_rules()
    codes = [r.code for r in rules]
    assert codes == sorted(codes)
    assert len(codes) == len(set(codes))
    for rule in rules:
        assert Path(rule.path).stem.startswith(rule.code)
        assert all(is_known(a) for a in rule.authorities)
        assert rule.rationale.count(".") >= 2, f"{rule.code}: rationale should explain why"


def test_builtin_rule_names_match_the_catalogue():
    catalogue = dict(re.findall(r"\b(DR\d{3}) ([a-z][a-z0-9-]+)", ARCHITECTURE.read_text()))
    for rule in load_rules():
        if rule.code in catalogue:
            assert rule.name == catalogue[rule.code], rule.code


def test_builtin_fix_clauses_exist_in_the_clause_library():
    library = builtin_dir("clause_library")
    ids = {p.name.split(".j2")[0] for p in library.rglob("*.j2")}
    if not ids:
        pytest.skip("clause library not written yet")
    missing = {
        r.code: r.fix_clause for r in load_rules() if r.fix_clause and r.fix_clause not in ids
    }
    assert not missing


def test_text_rules_have_patterns_in_english_and_french():
    for rule in load_rules():
        if rule.kind in ("phrase", "element-required", "phrase-near"):
            assert set(rule.options["patterns"]) >= {"en", "fr"}, rule.code


def test_builtin_rules_are_parsed_once_and_patterns_compiled_once():
    first = load_rules()
    second = load_rules()
    for a, b in zip(first, second, strict=True):
        assert a == b
        assert catalog.patterns.compile_rule(a) is catalog.patterns.compile_rule(b)
    first[0].severity = "info"  # a caller's change does not leak into the cache
    assert load_rules()[0].severity == second[0].severity


def test_extra_dir_overrides_builtin_rule(tmp_path):
    data = dict(GOOD, code="DR203", name="negligence-or-recklessness", severity="info")
    write_rule(tmp_path / "mine", data)
    rules = {r.code: r for r in load_rules([tmp_path / "mine"])}
    assert rules["DR203"].severity == "info"
    assert {r.code for r in load_rules()} == set(rules)  # same codes, built-ins untouched
    assert next(r for r in load_rules() if r.code == "DR203").severity == "error"


def test_first_extra_dir_wins(tmp_path):
    write_rule(tmp_path / "a", dict(GOOD, message="from a"))
    write_rule(tmp_path / "b", dict(GOOD, message="from b"))
    rules = {r.code: r for r in load_rules([tmp_path / "a", tmp_path / "b"])}
    assert rules["DR299"].message == "from a"


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"code": "DR7"}, "code"),
        ({"code": "DR999"}, "code"),
        ({"severity": "fatal"}, "severity"),
        ({"scope": "everywhere"}, "scope"),
        ({"kind": "telepathy"}, "unknown kind 'telepathy'"),
        ({"authorities": ["NOWHERE-1"]}, "unknown authority NOWHERE-1"),
        ({"authorities": []}, "authorities"),
        ({"family": "sanctions"}, "family 'sanctions' does not match code DR299"),
        ({"examples": {"fail": ["x"], "pass": []}}, "examples.pass"),
        ({"examples": {"fail": ["x"]}}, "'pass' is a required property"),
        ({"options": {"patterns": {"en": ["(unclosed"]}}}, "bad pattern '(unclosed'"),
        ({"options": {"patterns": {"en": ["x"]}, "unles": {"en": ["y"]}}}, "options"),
        ({"colour": "red"}, "Additional properties"),
    ],
)
def test_invalid_rule_names_file_and_problem(tmp_path, change, problem):
    data = dict(GOOD, **change)
    path = write_rule(tmp_path / "checks", data, name="DR299-test.yaml")
    with pytest.raises(LibraryError) as info:
        parse_rule(path)
    message = str(info.value)
    assert message.startswith("checks/DR299-test.yaml: ")
    assert problem in message
    assert "\n" not in message


def test_missing_key_and_bad_yaml(tmp_path):
    data = {k: v for k, v in GOOD.items() if k != "rationale"}
    path = write_rule(tmp_path / "checks", data)
    with pytest.raises(LibraryError, match="'rationale' is a required property"):
        parse_rule(path)
    path.write_text("code: DR299\nname: [unclosed\n", encoding="utf-8")
    with pytest.raises(LibraryError, match=r"checks/DR299-test.yaml: line \d+: invalid YAML"):
        parse_rule(path)
    path.write_text("- just a list\n", encoding="utf-8")
    with pytest.raises(LibraryError, match="must be a mapping"):
        parse_rule(path)


def test_file_name_must_match_code(tmp_path):
    path = write_rule(tmp_path / "checks", GOOD, name="DR298-other.yaml")
    with pytest.raises(LibraryError, match="file name must start with the rule code DR299"):
        parse_rule(path)


def test_duplicate_code_in_one_folder(tmp_path):
    write_rule(tmp_path / "x", GOOD, name="DR299-a.yaml")
    write_rule(tmp_path / "x", GOOD, name="DR299-b.yaml")
    with pytest.raises(LibraryError, match="DR299 is also used by DR299-a.yaml"):
        load_rules([tmp_path / "x"])


def test_missing_extra_folder(tmp_path):
    with pytest.raises(LibraryError, match="does not exist"):
        load_rules([tmp_path / "nowhere"])


def test_patterns_are_compiled_at_load_time(tmp_path):
    path = write_rule(tmp_path / "checks", GOOD)
    rule = parse_rule(path)
    compiled = catalog.patterns.compile_rule(rule)
    assert compiled[("patterns", "en")].search("He FROBNICATES.")
    assert catalog.patterns.compile_rule(rule) is compiled  # kept on the rule


def test_select_and_ignore_by_code_or_prefix():
    rules = load_rules()
    assert {r.code[:3] for r in select_rules(rules, ["DR2"])} == {"DR2"}
    assert [r.code for r in select_rules(rules, ["dr203"])] == ["DR203"]
    chosen = select_rules(rules, ["DR20"], ["DR203"])
    assert chosen and all(r.code.startswith("DR20") and r.code != "DR203" for r in chosen)
    assert len(select_rules(rules, [], ["DR6"])) == len([r for r in rules if r.code[2] != "6"])
    with pytest.raises(LibraryError, match="not a code or a prefix"):
        select_rules(rules, ["E501"])


def test_rule_by_code():
    rules = load_rules()
    assert rule_by_code(rules, "dr101").name == "thought-offence"
    with pytest.raises(LibraryError, match="did you mean"):
        rule_by_code(rules, "DR10")
