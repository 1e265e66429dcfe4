"""Hostile answers and templates: inert Jinja in answers, sandbox escapes, endless loops."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from drafter.answers import load_answers, validate_answers
from drafter.assemble import assemble
from drafter.errors import AnswersError, TemplateError
from drafter.library import Library

from .harness import assert_bounded, run_cli

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from test_library import MINI_J2, write_library

GOOD = {"state": {"name": "the Republic of Aurelia"}}


def build(tmp_path: Path, body: str | None = None, answers: dict | None = None):
    templates = {}
    if body is not None:
        templates["templates/mini/statute.j2"] = MINI_J2.replace(
            "{% block body %}\n", "{% block body %}\n" + body + "\n"
        )
    lib = Library([write_library(tmp_path / "lib", templates=templates)])
    tpl = lib.template("mini")
    return assemble(tpl, validate_answers(tpl, answers or GOOD), lib)


def test_jinja_in_an_answer_stays_literal_text(tmp_path: Path) -> None:
    name = "the Republic of {{ 7 * 7 }} {% for x in range(9) %}x{% endfor %} {{ ''.__class__ }}"
    draft = build(tmp_path, answers={"state": {"name": name}})
    assert name in draft.markup
    assert "49" not in draft.markup


@pytest.mark.parametrize(
    "body",
    [
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ clause.__globals__ }}",
        "{{ range.__self__.__import__('os') }}",
        "{{ cycler.__init__.__globals__.os }}",
    ],
)
def test_template_reaching_python_internals_is_blocked(tmp_path: Path, body: str) -> None:
    with pytest.raises(TemplateError) as caught:
        build(tmp_path, body)
    assert "statute.j2" in str(caught.value)


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ("{% for a in range(99999) %}{% for b in range(99999) %}{% endfor %}{% endfor %}",
         "stopped after"),
        ("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", "includes itself"),
        ("{{ 'x' * 10**9 }}", "too large"),
        ("{{ 9 ** 100000 }}", "too large"),
        ("{% set s = 'x' * 900000 %}{{ s + s }}", "too large"),
        ("{{ 'x'|center(10**9) }}", "too large"),
    ],
)  # fmt: skip
def test_runaway_template_is_stopped(tmp_path: Path, body: str, words: str) -> None:
    start = time.monotonic()
    with pytest.raises(TemplateError, match=words) as caught:
        build(tmp_path, body)
    assert time.monotonic() - start < 20
    assert "\n" not in str(caught.value)


def test_trace_function_is_restored_after_rendering(tmp_path: Path) -> None:
    before = sys.gettrace()
    build(tmp_path)
    with pytest.raises(TemplateError):
        build(
            tmp_path,
            "{% for a in range(99999) %}{% for b in range(99999) %}{% endfor %}{% endfor %}",
        )
    assert sys.gettrace() is before


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('state:\n  name: "Aurelia\\x01"\n', r"control character U\+0001|special characters"),
        ("state:\n  name: Aurelia\nact:\n  year: " + "9" * 5000 + "\n", "4300 digits"),
        ("state:\n  name: Aurelia\ntiers:\n  hatred_max_years: .inf\n", "expected a whole number"),
        ("state:\n  name: [1, 2]\n", "expected text"),
        ("state:\n  name: {a: 1}\n", "expected text"),
        ("tiers:\n  hatred: yes please\nstate:\n  name: A\n", "expected true or false"),
        ("state: " + "[" * 100000 + "\n", "malformed YAML|nested too deeply"),
    ],
    ids=["control", "digits", "inf", "list", "mapping", "bool", "nesting"],
)
def test_hostile_answers_give_one_clear_error(tmp_path: Path, text: str, words: str) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(text)
    lib = Library([write_library(tmp_path / "lib")])
    with pytest.raises(AnswersError, match=words):
        validate_answers(lib.template("mini"), load_answers(path), str(path))


def test_yaml_alias_bomb_is_refused(tmp_path: Path) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        prev, cur = chr(96 + i), chr(97 + i)
        lines.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 9) + "]")
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n")
    with pytest.raises(AnswersError, match="expands to more than"):
        load_answers(path)
    many = "x: &x 1\ny: [" + ",".join(["*x"] * 500) + "]\n"
    path.write_text(many)
    with pytest.raises(AnswersError, match="aliases"):
        load_answers(path)


def test_cli_alias_bomb_and_control_characters_write_nothing(tmp_path: Path) -> None:
    lines = [
        'template: incitement-act\nstate:\n  name: &n "Aurelia"\na: &a [*n,*n,*n,*n,*n,*n,*n,*n]'
    ]
    for i in range(1, 9):
        prev, cur = chr(96 + i), chr(97 + i)
        lines.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 8) + "]")
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text("\n".join(lines) + "\n")
    run = run_cli("draft", "incitement-act", "--answers", str(bomb), "-o", "act.docx", cwd=tmp_path)
    assert run.status == 2 and "expands to more than" in run.errors()[0]
    assert_bounded(run)
    assert not (tmp_path / "act.docx").exists()
