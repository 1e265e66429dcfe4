"""Indented JSON text, byte for byte as ``json.dumps(value, indent=2, ensure_ascii=False)``.

The standard library encodes indented JSON with its pure-Python encoder, a generator yielding
every bracket, comma and key separately: about a third of a second for the report of a long
code. The reports' values are only dicts, lists, strings, integers, booleans and None, so one
recursive function that appends to a list and escapes strings with the C escaper produces the
same text several times faster. Anything else (a float, a non-string key, another type) is
left to ``json.dumps`` for the whole value, so the output never differs
(tests/test_json_text.py compares both on many values).
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring  # the C escaper when _json is available
from typing import Any

INDENT = 2


class Unusual(Exception):
    """A value the fast path does not encode itself: the standard encoder does all of it."""


# Strings at least this long are escaped once per report and looked up after: each finding
# repeats the long text of the clause it suggests.
LONG = 200


class _Escaper(dict):
    """Escaped strings by their text."""

    def __missing__(self, text: str) -> str:
        escaped = self[text] = encode_basestring(text)
        return escaped


def _leaf(value: Any, long: _Escaper | None = None) -> str | None:
    """Return the JSON text of a string, integer, boolean or None (None for anything else)."""
    if isinstance(value, str):
        if long is not None and len(value) >= LONG:
            return long[value]
        return encode_basestring(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    return None


def _encode(value: Any, level: int, out: list[str], long: _Escaper) -> None:
    """Append the JSON text of a value whose first line starts at indentation ``level``."""
    if isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        inner = "\n" + " " * (INDENT * (level + 1))
        opening = "{"
        for key, item in value.items():
            if not isinstance(key, str):
                raise Unusual  # json.dumps turns numbers and None into strings its own way
            head = opening + inner + encode_basestring(key) + ": "
            opening = ","
            leaf = _leaf(item, long)
            if leaf is not None:
                out.append(head + leaf)
            else:
                out.append(head)
                _encode(item, level + 1, out, long)
        out.append("\n" + " " * (INDENT * level) + "}")
    elif isinstance(value, list | tuple):
        if not value:
            out.append("[]")
            return
        inner = "\n" + " " * (INDENT * (level + 1))
        opening = "["
        for item in value:
            head = opening + inner
            opening = ","
            leaf = _leaf(item, long)
            if leaf is not None:
                out.append(head + leaf)
            else:
                out.append(head)
                _encode(item, level + 1, out, long)
        out.append("\n" + " " * (INDENT * level) + "]")
    else:
        leaf = _leaf(value, long)
        if leaf is None:
            raise Unusual  # floats (nan, inf), and types json.dumps rejects with its own error
        out.append(leaf)


def dumps_indented(value: Any, level: int = 0) -> str:
    """Return ``json.dumps(value, indent=2, ensure_ascii=False)``, faster for plain data.

    ``level``: the value sits that deep in an enclosing indented document, so its inner lines
    are indented ``2 * level`` spaces further (its first line is not indented).
    """
    out: list[str] = []
    try:
        _encode(value, level, out, _Escaper())
    except (Unusual, RecursionError):
        text = json.dumps(value, indent=INDENT, ensure_ascii=False)
        # Every newline of indented JSON is between items (strings escape theirs).
        return text.replace("\n", "\n" + " " * (INDENT * level)) if level else text
    return "".join(out)


def scalar_text(value: Any) -> str:
    """Return the JSON text of a string, integer, boolean or None; raise Unusual otherwise."""
    text = _leaf(value)
    if text is None:
        raise Unusual
    return text


__all__ = ["INDENT", "Unusual", "dumps_indented", "scalar_text"]
