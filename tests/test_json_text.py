"""The fast indented JSON encoder writes exactly what json.dumps(indent=2) writes."""

from __future__ import annotations

import json
import random

import pytest

from drafter.lint.json_text import dumps_indented


def _reference(value) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False)


TRICKY = [
    "",
    "plain",
    'quote " and backslash \\',
    "control \x00\x01\x1f and tab\t newline\n",
    "é ü « » — ’ İ ı ſ 𝄞 \u2028\u2029",
    "\ud800 lone surrogate",
]


@pytest.mark.parametrize(
    "value",
    [
        {},
        [],
        {"a": {}, "b": [], "c": [{}], "d": [[]]},
        {"version": 1, "files": [{"path": "x", "error": None, "findings": []}]},
        [True, False, None, 0, -1, 10**30, "text"],
        {"nested": {"deeper": {"deepest": [1, [2, [3, {"k": "v"}]]]}}},
        {s or "empty": s for s in TRICKY},
        (1, 2, ("a", "b")),
    ],
)
def test_same_text_as_json_dumps(value):
    assert dumps_indented(value) == _reference(value)


def _random_value(rng: random.Random, depth: int = 0):
    kinds = ["str", "int", "none", "bool"] + (["dict", "list"] if depth < 5 else [])
    kind = rng.choice(kinds)
    if kind == "str":
        return "".join(rng.choice(TRICKY + ["a", "B", " "]) for _ in range(rng.randint(0, 3)))
    if kind == "int":
        return rng.randint(-(10**6), 10**6)
    if kind == "none":
        return None
    if kind == "bool":
        return rng.random() < 0.5
    if kind == "list":
        return [_random_value(rng, depth + 1) for _ in range(rng.randint(0, 4))]
    keys = [rng.choice(TRICKY + ["k", "code", "é"]) + str(i) for i in range(rng.randint(0, 4))]
    return {k: _random_value(rng, depth + 1) for k in keys}


def test_random_values_match_json_dumps():
    rng = random.Random(7)
    for _ in range(500):
        value = _random_value(rng)
        assert dumps_indented(value) == _reference(value)


@pytest.mark.parametrize(
    "value",
    [
        {"ratio": 0.5, "big": 1e300, "nan": float("nan"), "inf": float("-inf")},
        {1: "int key", None: "none key", 2.5: "float key"},
        {True: "bool key", "after": [False]},
        [1.0, {"x": [0.1]}],
    ],
)
def test_unusual_values_fall_back_to_json_dumps(value):
    assert dumps_indented(value) == _reference(value)


def test_values_json_rejects_raise_the_same_error():
    with pytest.raises(TypeError):
        dumps_indented({"a": object()})
    circular: list = []
    circular.append(circular)
    with pytest.raises(ValueError, match="Circular"):
        dumps_indented(circular)


@pytest.mark.parametrize("level", [1, 2, 5])
def test_nested_level_is_the_text_inside_enclosing_lists(level):
    rng = random.Random(level)
    values = [_random_value(rng) for _ in range(100)] + [{"ratio": 0.5, "k": [1.5]}, {1: "x"}]
    opening = "".join("[\n" + "  " * (i + 1) for i in range(level))
    closing = "".join("\n" + "  " * i + "]" for i in reversed(range(level)))
    for value in values:
        nested = value
        for _ in range(level):
            nested = [nested]
        assert opening + dumps_indented(value, level) + closing == _reference(nested)
