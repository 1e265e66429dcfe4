"""Find optional values used without a guard in a clause's or a template's Jinja (LIB007).

A clause parameter with ``required: false`` and no default renders as None when not given; a
template question with a ``when:`` condition is not there at all when the condition is false,
and under StrictUndefined any use of it then stops the draft (even ``{% if x %}``). So:

- a plain optional value is guarded by a test that names it (``{% if x %}``, ``x if x else``,
  ``x is defined``) or by ``x | default(...)``;
- a conditional question is guarded by its ``when`` condition (an ``{% if %}`` whose test is
  that condition, or an ``and`` that includes it, the ``else`` of its negation), by
  ``x is defined`` or by ``x | default(...)``.

A child template's block inherits the guards around the same block in its parent file.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from jinja2 import nodes


@dataclass(frozen=True)
class OptionalValue:
    """An optional value: its (dotted) name and, for a conditional question, its condition."""

    name: str
    when: nodes.Expr | None = None


def parse_condition(env: Any, expression: str) -> nodes.Expr | None:
    """Return the Jinja expression of a ``when`` condition, or None if it does not parse."""
    from jinja2 import TemplateSyntaxError

    try:
        tree = env.parse("{{ " + expression + " }}")
    except TemplateSyntaxError:
        return None
    output = tree.body[0] if tree.body else None
    if isinstance(output, nodes.Output) and len(output.nodes) == 1:
        return output.nodes[0]
    return None


def dotted(node: nodes.Node) -> str | None:
    """Return "a.b.c" for a name or a chain of attribute lookups on a name, else None."""
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr):
        base = dotted(node.node)
        return f"{base}.{node.attr}" if base else None
    if isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const):
        base = dotted(node.node)
        return f"{base}.{node.arg.value}" if base else None
    return None


def _mentioned(test: nodes.Node) -> set[str]:
    """Return every dotted name a test reads (and its prefixes)."""
    found: set[str] = set()
    for node in [test, *test.find_all((nodes.Name, nodes.Getattr, nodes.Getitem))]:
        name = dotted(node)
        if name:
            found.add(name)
    return found


def _defined_tests(test: nodes.Node) -> set[str]:
    """Return the names a test checks with ``is defined`` (safe for an absent value)."""
    found = set()
    for node in [test, *test.find_all(nodes.Test)]:
        if isinstance(node, nodes.Test) and node.name == "defined":
            name = dotted(node.node)
            if name:
                found.add(name)
    return found


def _implies(test: nodes.Node, condition: nodes.Node) -> bool:
    """Return whether a true ``test`` makes ``condition`` true (equal, or a conjunct of it)."""
    if test == condition:
        return True
    if isinstance(test, nodes.And):
        return _implies(test.left, condition) or _implies(test.right, condition)
    return False


def guards_of(
    test: nodes.Node, optional: dict[str, OptionalValue], negated: bool = False
) -> set[str]:
    """Return the optional names a true test (a false one if ``negated``) makes safe to use."""
    mentioned, defined = _mentioned(test), _defined_tests(test)
    if negated:
        # A plain optional named in the test is guarded in every branch ({% if not x %} ...
        # {% else %}{{ x }}), as before; a condition only in the else of its negation.
        inner = test.node if isinstance(test, nodes.Not) else None
        return {
            o.name for o in optional.values()
            if (o.when is None and o.name in mentioned)
            or (inner is not None and o.when is not None and _implies(inner, o.when))
        }  # fmt: skip
    safe = set(defined)
    for o in optional.values():
        plain = o.when is None and o.name in mentioned
        if plain or (o.when is not None and _implies(test, o.when)):
            safe.add(o.name)
    return safe


class GuardWalker:
    """Walk a Jinja tree and collect (name, line) of unguarded optional uses."""

    def __init__(
        self, optional: dict[str, OptionalValue], inherited: dict[str, frozenset] | None = None
    ):
        self.optional = optional
        self.inherited = inherited or {}  # block name -> guards around it in the parent
        self.found: list[tuple[str, int]] = []
        self.blocks: dict[str, frozenset[str]] = {}  # block name -> guards around it here

    def walk(self, node: nodes.Node, guarded: frozenset[str] = frozenset()) -> None:
        """Visit a node with the names already guarded around it."""
        if isinstance(node, nodes.Block):
            guarded = guarded | self.inherited.get(node.name, frozenset())
            self.blocks[node.name] = guarded
        if isinstance(node, nodes.If | nodes.CondExpr):
            self._branch(node, guarded)
            return
        if isinstance(node, nodes.And):  # the right side runs only when the left is true
            self.walk(node.left, guarded)
            self.walk(node.right, guarded | guards_of(node.left, self.optional))
            return
        if isinstance(node, nodes.Filter) and node.name in ("default", "d"):
            return  # x | default(...) is its own guard
        if isinstance(node, nodes.Test) and node.name in ("defined", "undefined", "none"):
            return  # these tests never fail, even on an absent value
        name = dotted(node)
        loaded = not isinstance(node, nodes.Name) or node.ctx == "load"
        if name in self.optional and name not in guarded and loaded:
            self.found.append((name, node.lineno))
            return
        for child in node.iter_child_nodes():
            self.walk(child, guarded)

    def _branch(self, node: nodes.If | nodes.CondExpr, guarded: frozenset[str]) -> None:
        test = node.test
        if test is None:  # a CondExpr without else
            return
        safe = guards_of(test, self.optional)
        # The test itself may read what it guards ({% if x %}), but nothing else unguarded.
        self.walk(test, guarded | safe)
        then = guarded | safe
        otherwise = guarded | guards_of(test, self.optional, negated=True)
        if isinstance(node, nodes.CondExpr):
            self.walk(node.expr1, then)
            if node.expr2 is not None:
                self.walk(node.expr2, otherwise)
            return
        for child in node.body:
            self.walk(child, then)
        for child in [*node.elif_, *node.else_]:
            self.walk(child, otherwise)


def unguarded_uses(
    tree: nodes.Template,
    optional: dict[str, OptionalValue],
    inherited: dict[str, frozenset] | None = None,
) -> tuple[list[tuple[str, int]], dict[str, frozenset[str]]]:
    """Return the unguarded (name, line) uses and the guards around each block of the tree."""
    walker = GuardWalker(optional, inherited)
    walker.walk(tree)
    return list(dict.fromkeys(walker.found)), walker.blocks  # one finding per name and line


def template_guard_problems(
    template: Any, tree: nodes.Template, roots: list
) -> list[tuple[int, str]]:
    """Return (line, message) for each optional or conditional question used unguarded."""
    from jinja2 import TemplateSyntaxError
    from jinja2.sandbox import SandboxedEnvironment

    env = SandboxedEnvironment()
    optional = {
        q.name: OptionalValue(q.name, parse_condition(env, q.when) if q.when else None)
        for q in template.questions
        if q.when or (not q.required and q.default is None)
    }
    inherited: dict[str, frozenset] = {}
    for extends in tree.find_all(nodes.Extends):  # blocks inherit the parent's guards
        target = extends.template.value if isinstance(extends.template, nodes.Const) else None
        parent = next((r / target for r in roots if target and (r / target).is_file()), None)
        if parent is None:
            continue
        try:
            parent_tree = env.parse(parent.read_text(encoding="utf-8"))
        except (TemplateSyntaxError, OSError, UnicodeDecodeError):
            continue  # the parent's own check reports it
        inherited.update(unguarded_uses(parent_tree, optional)[1])
    problems = []
    for name, line in unguarded_uses(tree, optional, inherited)[0]:
        when = next((q.when for q in template.questions if q.name == name), None)
        if optional[name].when is not None:
            message = f"conditional question {name!r} is used without a guard: use it inside "
            message += f"{{% if {when} %}}, or write {name} | default(...)"
        else:
            message = f"optional question {name!r} is used without a guard: wrap it in "
            message += f"{{% if {name} %}} or write {name} | default(...)"
        problems.append((line, message))
    return problems
