"""Answers files: loading by format, validation with every problem at once, defaults, conditions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from drafter.answers import load_answers, prompt_answers, starter_yaml, validate_answers
from drafter.errors import AnswersError
from drafter.library import Library
from drafter.library_model import Parameter, Template


def make_template(*questions: Parameter) -> Template:
    return Template("t", "T", "", "en", list(questions), "statute.j2", path=Path("templates/t"))


TPL = make_template(
    Parameter("state.name", "string", help="The name of the State."),
    Parameter("act.year", "int", required=False, min=1948, max=2100),
    Parameter("tiers.hatred", "bool", default=True),
    Parameter("tiers.hatred_max_years", "int", default=3, min=1, max=3, when="tiers.hatred"),
    Parameter("authority", "choice", default="prosecutor", choices=["prosecutor", "commission"]),
    Parameter("commission", "string", default="Commission", when="authority == 'commission'"),
    Parameter("ratio", "number", default=0.5, min=0, max=1),
    Parameter("groups", "list", default=["national"], choices=["national", "ethnical", "racial"]),
)


def test_defaults_filled_and_nested() -> None:
    result = validate_answers(TPL, {"state": {"name": "the Republic of Aurelia"}})
    assert result == {
        "state": {"name": "the Republic of Aurelia"},
        "act": {"year": None},
        "tiers": {"hatred": True, "hatred_max_years": 3},
        "authority": "prosecutor",
        "ratio": 0.5,
        "groups": ["national"],
    }


def test_false_condition_drops_the_question_and_its_answer() -> None:
    result = validate_answers(
        TPL, {"state": {"name": "X"}, "tiers": {"hatred": False, "hatred_max_years": 99}}
    )
    assert result["tiers"] == {"hatred": False}  # not required, not passed, not checked
    result = validate_answers(TPL, {"state": {"name": "X"}, "authority": "commission"})
    assert result["commission"] == "Commission"


def test_condition_on_an_unanswered_question_does_not_hold() -> None:
    tpl = make_template(
        Parameter("state.name", "string"),
        Parameter("state.capital", "string", default="X", when="state.name == 'Aurelia'"),
    )
    with pytest.raises(AnswersError, match=r"^answers: state.name: missing required answer$"):
        validate_answers(tpl, {})
    assert validate_answers(tpl, {"state": {"name": "Aurelia"}})["state"]["capital"] == "X"
    assert "capital" not in validate_answers(tpl, {"state": {"name": "Borealis"}})["state"]


def test_every_problem_reported_at_once_with_key_paths() -> None:
    answers = {
        "state": {"nmae": "X"},
        "act": {"year": "2026"},
        "tiers": {"hatred_max_years": 9},
        "authority": "minister",
        "ratio": True,
        "groups": ["national", "political"],
        "template": "t",  # names the template; ignored
    }
    with pytest.raises(AnswersError) as info:
        validate_answers(TPL, answers, source="answers.yaml")
    message = str(info.value)
    first, *rest = message.splitlines()
    assert first.startswith("answers.yaml: 7 problems: ")
    assert len(rest) == 7
    expected = {
        "state.nmae": "unknown question (did you mean 'state.name'?)",
        "state.name": "missing required answer (The name of the State.)",
        "act.year": "expected a whole number, got text '2026'",
        "tiers.hatred_max_years": "9 is above the maximum 3",
        "authority": "'minister' is not one of 'prosecutor', 'commission'",
        "ratio": "expected a number, got true/false True",
        "groups": "'political' is not one of",
    }
    problems = dict(info.value.problems)
    assert set(problems) == set(expected)
    for key, text in expected.items():
        assert text in problems[key], (key, problems[key])


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ({"state": "X"}, "answers: state: expected a mapping of state.* answers"),
        ({"state": {"name": ""}}, "state.name: is empty"),
        ({"state": {"name": None}}, "state.name: missing required answer"),
        (
            {"state": {"name": "X"}, "act": {"year": 1900}},
            "act.year: 1900 is below the minimum 1948",
        ),
        (
            {"state": {"name": "X"}, "tiers": {"hatred": "yes"}},
            "expected true or false, got text 'yes'",
        ),
        ({"state": {"name": "X"}, "groups": "national"}, "groups: expected a list"),
        ({"state": {"name": "X"}, "autority": "x"}, "did you mean 'authority'"),
        ({"state": {"name": "::article Injected {label=x}"}}, "contains statute markup"),
        ({"state": {"name": "Aurelia [[ref:x]]"}}, "contains statute markup"),
    ],
)
def test_single_problem_is_one_line(answers: dict, message: str) -> None:
    with pytest.raises(AnswersError, match=message.replace("[", r"\[").replace("*", r"\*")) as info:
        validate_answers(TPL, answers)
    assert "\n" not in str(info.value)


def test_answers_for_another_template_are_refused() -> None:
    with pytest.raises(
        AnswersError, match=r"^answers: template: the file is for 'other', not 't'$"
    ):
        validate_answers(TPL, {"template": "other", "unknown": 1})
    assert validate_answers(TPL, {"template": "t", "state": {"name": "X"}})["state"]["name"] == "X"


def test_jinja_syntax_in_answers_is_accepted_as_text() -> None:
    # It is data; assembly must print it literally (tested in test_assemble).
    result = validate_answers(TPL, {"state": {"name": "{{ 7 * 7 }} {% if x %}"}})
    assert result["state"]["name"] == "{{ 7 * 7 }} {% if x %}"


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("a.yaml", "state:\n  name: X\ntiers:\n  hatred: false\n"),
        ("a.yml", "state: {name: X}\ntiers: {hatred: false}\n"),
        ("a.toml", '[state]\nname = "X"\n[tiers]\nhatred = false\n'),
        ("a.json", '{"state": {"name": "X"}, "tiers": {"hatred": false}}'),
    ],
)
def test_load_each_format(tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text)
    assert load_answers(path) == {"state": {"name": "X"}, "tiers": {"hatred": False}}


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("bad.yaml", "state:\n  name: X\n  - oops\n", r"bad.yaml:3: malformed YAML"),
        ("bad.toml", '[state]\nname = "X\n', r"bad.toml:2: malformed TOML"),
        ("bad.json", '{"state":\n {"name": }}', r"bad.json:2: malformed JSON"),
        ("list.yaml", "- a\n- b\n", r"list.yaml: the answers must be a mapping"),
        ("a.txt", "x", r"unknown answers format '.txt'"),
    ],
)
def test_malformed_files_name_file_and_line(
    tmp_path: Path, name: str, text: str, message: str
) -> None:
    path = tmp_path / name
    path.write_text(text)
    with pytest.raises(AnswersError, match=message) as info:
        load_answers(path)
    assert "\n" not in str(info.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(AnswersError, match=r"nope.yaml: answers file not found"):
        load_answers(tmp_path / "nope.yaml")


def test_empty_file_means_no_answers(tmp_path: Path) -> None:
    (tmp_path / "e.yaml").write_text("# nothing yet\n")
    assert load_answers(tmp_path / "e.yaml") == {}


def test_interactive_prompts_only_for_what_is_missing(monkeypatch) -> None:
    import click

    asked: list[str] = []

    def fake_prompt(text, default=None, type=None, **kw):
        asked.append(text)
        if text == "tiers.hatred_max_years":
            return type.convert("2", None, None)  # an IntRange(1, 3) converts and checks
        if text == "authority":
            assert isinstance(type, click.Choice)
            return "commission"
        if text == "groups":
            return "national, racial"
        return default

    monkeypatch.setattr(click, "prompt", fake_prompt)
    monkeypatch.setattr(
        click, "confirm", lambda text, default=None, **kw: asked.append(text) or True
    )
    answers = prompt_answers(TPL, {"state": {"name": "X"}})
    assert "state.name" not in asked
    assert asked[:3] == ["act.year", "tiers.hatred", "tiers.hatred_max_years"]
    result = validate_answers(TPL, answers)
    assert result["tiers"]["hatred_max_years"] == 2
    assert result["authority"] == "commission" and result["commission"] == "Commission"
    assert result["groups"] == ["national", "racial"]


@pytest.mark.parametrize("name", ["incitement-act", "amending-act"])
def test_starter_file_lists_every_question_and_validates_once_filled(name: str) -> None:
    tpl = Library().template(name)
    text = starter_yaml(tpl)
    data = yaml.safe_load(text)
    assert data["template"] == name
    for q in tpl.questions:
        assert q.name.rsplit(".", 1)[-1] + ":" in text
        if q.help:
            assert " ".join(q.help.split())[:30].split()[0] in text
    with pytest.raises(AnswersError, match="missing required answer"):
        validate_answers(tpl, data)  # the REQUIRED ones are left null
    data["state"]["name"] = "the Republic of Aurelia"
    if "amended_law" in data:
        data["amended_law"] = {"title": "the Old Law", "provisions": "articles 1 to 3"}
    assert validate_answers(tpl, json.loads(json.dumps(data)))["state"]["name"]
