"""Find translations that have drifted from the default-language version (LIB011, LIB012).

A clause in several languages (``<id>.j2`` and ``<id>.fr.j2``) must say the same thing in the
same place: ``drafter compare`` aligns the two drafts article by article, paragraph by
paragraph, and one answers file drafts both. So a translation must keep the default version's
metadata (LIB011: parameters with their types, bounds and non-text defaults, label, category,
variant_of, introduces, uses, sources, satisfies) and its markup structure (LIB012: the
sequence of ``::`` directives with their attributes and the ``[[ref:...]]`` targets, read from
the Jinja source without rendering). A template's language entry must define the same blocks
and call the same clauses in the same order as its default entry.

Each problem is returned as (line in the translation file, code, message).
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Any

Problem = tuple[int, str, str]
DIRECTIVE = re.compile(r"^\s*::(?P<name>[a-z][\w-]*)(?P<rest>.*)$")
ATTRIBUTES = re.compile(r"\{(?P<attrs>[^{}%]*)\}\s*$")
REF = re.compile(r"\[\[ref:(?P<target>[^\]|]+)")
# Metadata that must be identical, compared as sets where order carries no meaning.
SAME = ("label", "category", "variant_of")
SAME_SET = ("introduces", "uses", "sources", "satisfies")
TEXT_TYPES = ("string", "text")


def _line_of(text: str, needle: str, default: int = 1) -> int:
    pos = text.find(needle)
    return text.count("\n", 0, pos) + 1 if pos >= 0 else default


def markup_tokens(body: str, first_line: int) -> list[tuple[str, int]]:
    """Return the structure of a clause body: one (directive, line) per ``::`` line.

    A directive is shown with its sorted ``{...}`` attributes and the ``[[ref:...]]`` targets
    of its block, so that a paragraph that gained or lost a reference is one difference.
    """
    tokens: list[tuple[str, int]] = []
    for offset, line in enumerate(body.splitlines()):
        number = first_line + offset
        match = DIRECTIVE.match(line)
        if match:
            attrs = ATTRIBUTES.search(match.group("rest"))
            shown = f"::{match.group('name')}"
            if attrs:
                shown += " {" + " ".join(sorted(attrs.group("attrs").split())) + "}"
            tokens.append((shown, number))
        refs = [f"[[ref:{r.group('target').strip()}]]" for r in REF.finditer(line)]
        if refs and tokens:
            tokens[-1] = (" ".join([tokens[-1][0], *refs]), tokens[-1][1])
        elif refs:
            tokens.append((" ".join(refs), number))  # before the first directive
    return tokens


def _parameters(meta: dict) -> dict[str, dict]:
    return {
        str(p["name"]): p
        for p in meta.get("parameters") or []
        if isinstance(p, dict) and "name" in p
    }


def metadata_drift(meta: dict, text: str, base: dict, base_name: str) -> list[Problem]:
    """Compare a translation's front matter with the default version's (LIB011)."""
    problems: list[Problem] = []
    ours, theirs = _parameters(meta), _parameters(base)
    for name in theirs.keys() - ours.keys():
        problems.append((_line_of(text, "parameters:"), "LIB011",
                         f"parameter {name!r} of {base_name} is missing"))  # fmt: skip
    for name in ours.keys() - theirs.keys():
        problems.append((_line_of(text, f"name: {name}"), "LIB011",
                         f"parameter {name!r} is not a parameter of {base_name}"))  # fmt: skip
    for name in sorted(ours.keys() & theirs.keys()):
        mine, other = ours[name], theirs[name]
        keys = ["type", "min", "max", "choices", "required", "when"]
        if other.get("type") not in TEXT_TYPES:
            keys.append("default")  # text defaults are translated; numbers and flags are not
        for key in keys:
            if mine.get(key) != other.get(key):
                message = (
                    f"parameter {name!r}: {key} is {mine.get(key)!r} here but "
                    f"{other.get(key)!r} in {base_name}"
                )
                problems.append((_line_of(text, f"name: {name}"), "LIB011", message))
    for key in SAME:
        if meta.get(key) != base.get(key):
            message = f"{key} is {meta.get(key)!r} here but {base.get(key)!r} in {base_name}"
            problems.append((_line_of(text, f"{key}:"), "LIB011", message))
    for key in SAME_SET:
        mine, other = set(meta.get(key) or []), set(base.get(key) or [])
        if mine != other:
            parts = []
            if other - mine:
                parts.append(f"missing {sorted(other - mine)}")
            if mine - other:
                parts.append(f"extra {sorted(mine - other)}")
            problems.append((_line_of(text, f"{key}:"), "LIB011",
                             f"{key} differs from {base_name}: {', '.join(parts)}"))  # fmt: skip
    return problems


def sequence_drift(
    ours: list[tuple[str, int]], theirs: list[tuple[str, int]], base_name: str, what: str
) -> list[Problem]:
    """Compare two token sequences; report each difference at our line (LIB012), at most 5."""
    matcher = difflib.SequenceMatcher(
        None, [t for t, _ in theirs], [t for t, _ in ours], autojunk=False
    )
    problems: list[Problem] = []
    last = ours[-1][1] if ours else 1
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        line = ours[j1][1] if j1 < len(ours) else last
        theirs_part = ", ".join(f"{t} (line {n})" for t, n in theirs[i1:i2][:3])
        ours_part = ", ".join(t for t, _ in ours[j1:j2][:3])
        if op == "delete":
            message = f"{what} differs from {base_name}: {theirs_part} missing here"
        elif op == "insert":
            message = f"{what} differs from {base_name}: {ours_part} here has no counterpart"
        else:
            message = f"{what} differs from {base_name}: {ours_part} here, {theirs_part} there"
        problems.append((line, "LIB012", message))
        if len(problems) == 5:
            break
    return problems


def clause_drift(path: Path, base_path: Path) -> list[Problem]:
    """Return the drift of the clause file ``path`` from its default version ``base_path``."""
    from .errors import DrafterError
    from .library import read_front_matter

    try:
        meta, body, body_line = read_front_matter(path)
        base, base_body, base_line = read_front_matter(base_path)
    except DrafterError:
        return []  # the metadata check reports unreadable front matter
    text = path.read_text(encoding="utf-8", errors="replace")
    base_name = f"{base_path.name} ({base.get('language', '?')})"
    problems = metadata_drift(meta, text, base, base_name)
    problems += sequence_drift(
        markup_tokens(body, body_line), markup_tokens(base_body, base_line), base_name, "markup"
    )
    return problems


def template_tokens(source: str) -> tuple[list[tuple[str, int]], str | None]:
    """Return (blocks and clause calls in order, with lines; the extends target) of an entry."""
    from jinja2 import nodes
    from jinja2.sandbox import SandboxedEnvironment

    tree = SandboxedEnvironment().parse(source)
    found: list[tuple[str, int]] = []
    for node in tree.find_all((nodes.Block, nodes.Call)):
        if isinstance(node, nodes.Block):
            found.append((f"block {node.name}", node.lineno))
        elif isinstance(node.node, nodes.Name) and node.node.name == "clause" and node.args:
            first = node.args[0]
            if isinstance(first, nodes.Const):
                found.append((f"clause({first.value!r})", node.lineno))
    found.sort(key=lambda t: t[1])
    extends = next(iter(tree.find_all(nodes.Extends)), None)
    target = (
        extends.template.value if extends and isinstance(extends.template, nodes.Const) else None
    )
    return found, target


def template_drift(template: Any, language: str, parent: Any | None) -> list[Problem]:
    """Return the drift of a template's language entry from its default entry (LIB012)."""
    from jinja2 import TemplateSyntaxError

    folder: Path = template.path
    entry = folder / template.languages[language].entry
    default = folder / template.entry
    if not entry.is_file() or not default.is_file() or entry == default:
        return []
    try:
        ours, our_parent = template_tokens(entry.read_text(encoding="utf-8"))
        theirs, their_parent = template_tokens(default.read_text(encoding="utf-8"))
    except (TemplateSyntaxError, OSError):
        return []  # the Jinja check reports it
    problems = sequence_drift(ours, theirs, f"{default.name} ({template.language})", "structure")
    if parent is not None and our_parent is not None and our_parent == their_parent:
        version = parent.languages.get(language)
        if version is not None and version.entry != parent.entry:
            wanted = f"{parent.name}/{version.entry}"
            message = (
                f"extends {our_parent!r}, the {parent.language!r} parent; a {language!r} entry "
                f"extends {wanted!r}"
            )
            problems.append((1, "LIB012", message))
    return problems
