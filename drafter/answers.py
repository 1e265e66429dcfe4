"""Answers files: load YAML, TOML or JSON, and validate them against a template's questions.

Validation reports every problem at once (a legal adviser fixing an answers file should not
have to run the tool once per typo) and never lets a blank into the law: a required question
without an answer or a default is an error, not an empty string. A top-level ``template:`` key
names the template the file is for; validation ignores it.
"""

from __future__ import annotations

import copy
import json
import math
import re
import tomllib
from pathlib import Path
from typing import Any

import yaml

from .errors import AnswersError, LibraryError
from .library import did_you_mean
from .library_model import Parameter, Template

IGNORED_KEYS = {"template"}  # which template an answers file is for (examples/, starter files)
MISSING = object()
# Answers files are small; these limits stop hostile ones (docs/security.md) before they cost
# memory: a YAML "billion laughs" nests aliases so that a 1 KB file expands to gigabytes.
MAX_ANSWERS_BYTES = 1024 * 1024
MAX_ALIASES = 100
MAX_VALUES = 100_000  # values in the file once aliases are expanded
# Characters XML 1.0 cannot hold (a Word document would be corrupt); tab and newlines are fine.
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


class _AliasLimitedLoader(yaml.SafeLoader):
    """PyYAML's safe loader, refusing files that use more than MAX_ALIASES aliases."""

    aliases = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            self.aliases += 1
            if self.aliases > MAX_ALIASES:
                event = self.peek_event()
                raise yaml.constructor.ConstructorError(
                    None, None, f"more than {MAX_ALIASES} aliases (*name)", event.start_mark
                )
        return super().compose_node(parent, index)


def load_answers(path: Path) -> dict:
    """Load an answers file by its extension (.yaml/.yml, .toml, .json) into a dict."""
    path = Path(path)
    if not path.is_file():
        raise AnswersError(f"{path}: answers file not found")
    if path.stat().st_size > MAX_ANSWERS_BYTES:
        raise AnswersError(
            f"{path}: larger than {MAX_ANSWERS_BYTES // 1024} KB; not an answers file"
        )
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise AnswersError(f"{path}: cannot read: {exc}") from exc
    suffix = path.suffix.lower()
    try:
        if suffix in (".yaml", ".yml"):
            data = yaml.load(text, Loader=_AliasLimitedLoader)
        elif suffix == ".toml":
            data = tomllib.loads(text)
        elif suffix == ".json":
            data = json.loads(text)
        else:
            raise AnswersError(
                f"{path}: unknown answers format {suffix!r} (use .yaml, .toml or .json)"
            )
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise AnswersError(f"{path}{line}: malformed YAML: {problem}") from exc
    except tomllib.TOMLDecodeError as exc:
        # Python 3.11's message ends "(at line 3, column 5)"; move the line to the front.
        msg = str(exc)
        found = re.search(r"\(at line (\d+), column \d+\)", msg)
        line = f":{found.group(1)}" if found else ""
        raise AnswersError(f"{path}{line}: malformed TOML: {msg}") from exc
    except json.JSONDecodeError as exc:
        raise AnswersError(f"{path}:{exc.lineno}: malformed JSON: {exc.msg}") from exc
    except RecursionError as exc:
        raise AnswersError(f"{path}: nested too deeply to be an answers file") from exc
    except ValueError as exc:
        # e.g. a number of more than 4300 digits, which Python refuses to convert
        raise AnswersError(f"{path}: unreadable value: {str(exc).split(';')[0]}") from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise AnswersError(f"{path}: the answers must be a mapping of question names to values")
    if _too_many_values(data):
        raise AnswersError(
            f"{path}: expands to more than {MAX_VALUES} values (nested aliases?); refused"
        )
    return data


def _too_many_values(data: Any) -> bool:
    """Return True if the loaded data, with every alias expanded, holds more than MAX_VALUES."""
    # An iterative walk that stops at the limit: few aliases can nest to 9**9 values, which
    # anything that copies or prints the answers would expand.
    stack, count = [data], 0
    while stack:
        node = stack.pop()
        count += 1
        if count > MAX_VALUES:
            return True
        if isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return False


def check_value(param: Parameter, value: Any) -> str | None:
    """Return what is wrong with ``value`` for this question or parameter, or None."""
    kind = param.type
    if kind in ("string", "text"):
        if not isinstance(value, str):
            return f"expected text, got {_show(value)} (put it in quotes)"
        if not value.strip():
            return "is empty"
    elif kind == "bool":
        if not isinstance(value, bool):
            return f"expected true or false, got {_show(value)}"
    elif kind == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            return f"expected a whole number, got {_show(value)}"
    elif kind == "number":
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return f"expected a number, got {_show(value)}"
    elif kind == "list":
        if not isinstance(value, list):
            return f"expected a list, got {_show(value)}"
        if any(isinstance(v, (dict, list)) or v is None for v in value):
            return "expected a list of plain values (text or numbers), not nested lists or mappings"
    if isinstance(value, float) and not math.isfinite(value):
        return f"{value} is not a usable number"
    if param.choices is not None:
        values = value if kind == "list" else [value]
        for one in values:
            if one not in param.choices:
                options = ", ".join(repr(c) for c in param.choices)
                hint = did_you_mean(str(one), [str(c) for c in param.choices])
                return f"{one!r} is not one of {options}{hint}"
    if kind in ("int", "number"):
        if param.min is not None and value < param.min:
            return f"{value} is below the minimum {_num(param.min)}"
        if param.max is not None and value > param.max:
            return f"{value} is above the maximum {_num(param.max)}"
    return None


def _markup_problem(value: Any) -> str | None:
    """Refuse statute markup in an answer: answers are data and must not add articles."""
    for text in value if isinstance(value, list) else [value]:
        if isinstance(text, str) and ("[[" in text or re.search(r"(?m)^\s*::", text)):
            return "contains statute markup ('[[' or a line starting with '::'); write plain text"
        if isinstance(text, str) and (bad := XML_ILLEGAL.search(text)):
            return (
                f"contains the control character U+{ord(bad.group()):04X}, which a Word "
                "document cannot hold; remove it"
            )
    return None


def _show(value: Any) -> str:
    if value is None:
        return "nothing"
    name = {bool: "true/false", int: "a number", float: "a number", str: "text"}.get(
        type(value), type(value).__name__
    )
    return f"{name} {value!r}" if not isinstance(value, (dict, list)) else f"a {name}"


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


def get_path(data: dict, dotted: str) -> Any:
    """Return the value at a dotted key path, or MISSING."""
    node: Any = data
    for part in dotted.split("."):
        if not isinstance(node, dict) or part not in node:
            return MISSING
        node = node[part]
    return node


def set_path(data: dict, dotted: str, value: Any) -> None:
    """Set the value at a dotted key path, creating nested mappings."""
    *parents, last = dotted.split(".")
    node = data
    for part in parents:
        node = node.setdefault(part, {})
    node[last] = value


def _unknown_keys(data: dict, names: set[str], prefix: str = "") -> list[tuple[str, str]]:
    """Return (path, problem) for keys that are neither questions nor groups of questions."""
    groups = {n.rsplit(".", i)[0] for n in names for i in range(1, n.count(".") + 1)}
    problems: list[tuple[str, str]] = []
    for key, value in data.items():
        path = f"{prefix}{key}"
        if path in names or (not prefix and key in IGNORED_KEYS):
            continue
        if path in groups:
            if isinstance(value, dict):
                problems += _unknown_keys(value, names, f"{path}.")
            elif value is not None:
                problems.append(
                    (path, f"expected a mapping of {path}.* answers, got {_show(value)}")
                )
            continue
        problems.append((path, f"unknown question{did_you_mean(path, names | groups)}"))
    return problems


def condition_holds(param: Parameter, answers: dict, template: Template | None = None) -> bool:
    """Evaluate a question's ``when`` expression over the answers, in a Jinja sandbox."""
    if not param.when:
        return True
    from jinja2 import StrictUndefined, TemplateError, UndefinedError
    from jinja2.sandbox import SandboxedEnvironment

    env = SandboxedEnvironment(undefined=StrictUndefined)
    try:
        expr = env.compile_expression(param.when, undefined_to_none=False)
        return bool(expr(**answers))
    except UndefinedError:
        # The condition depends on a question left unanswered (reported on its own), and the
        # library checked that it names only real questions: treat it as not holding.
        return False
    except TemplateError as exc:
        where = f"{template.path / 'template.yaml'}: " if template and template.path else ""
        raise LibraryError(
            f"{where}question {param.name!r}: condition {param.when!r} failed: {exc}"
        ) from exc


LANGUAGE_CODE = re.compile(r"^[a-z]{2}$")


def in_language(param: Parameter, value: Any, language: str) -> tuple[Any, str | None]:
    """Return (the value for ``language``, problem or None) of an answer.

    A string or text answer may be one string for every language or a mapping by language
    (``{en: the Republic of Aurelia, fr: la République d'Aurélie}``); other answers are
    returned as they are.
    """
    if param.type not in ("string", "text") or not isinstance(value, dict):
        return value, None
    bad = [str(k) for k in value if not isinstance(k, str) or not LANGUAGE_CODE.match(k)]
    if bad:
        return None, (
            f"expected text or a mapping of two-letter language codes to text "
            f"(en: ..., fr: ...), got the key {bad[0]!r}"
        )
    if language not in value:
        given = ", ".join(sorted(value)) or "none"
        return None, f"no {language!r} text (the mapping gives: {given})"
    return value[language], None


def validate_answers(template: Template, answers: dict, source: str = "answers") -> dict:
    """Return complete nested answers (defaults filled); raise one AnswersError with all problems.

    String answers given by language are resolved to the template's language.
    """
    language = template.language
    meant = answers.get("template")
    if meant is not None and meant != template.name:
        # Every other problem would be noise: the file answers another template's questions.
        raise _problems_error(
            source, [("template", f"the file is for {meant!r}, not {template.name!r}")]
        )
    names = {q.name for q in template.questions}
    problems = _unknown_keys(answers, names)
    # Conditions see what was given plus every default, so a condition on a question the file
    # left to its default works; answers under a false condition are then dropped.
    context: dict = {}
    for q in template.questions:
        given = get_path(answers, q.name)
        if given is not MISSING and given is not None:
            set_path(context, q.name, in_language(q, given, language)[0])
        elif q.default is not None:
            set_path(context, q.name, q.default)
    result: dict = {}
    for q in template.questions:
        if not condition_holds(q, context, template):
            continue
        if any(q.name.startswith(f"{key}.") for key, _ in problems):
            continue  # its group is already reported as not being a mapping
        value = get_path(answers, q.name)
        if value is MISSING or value is None:
            if q.default is not None:
                set_path(result, q.name, q.default)
            elif q.required:
                hint = f" ({q.help.strip().splitlines()[0]})" if q.help.strip() else ""
                problems.append((q.name, f"missing required answer{hint}"))
            else:
                set_path(result, q.name, None)
            continue
        value, problem = in_language(q, value, language)
        problem = problem or check_value(q, value) or _markup_problem(value)
        if problem:
            problems.append((q.name, problem))
        else:
            set_path(result, q.name, value)
    if problems:
        raise _problems_error(source, problems)
    return result


def _problems_error(source: str, problems: list[tuple[str, str]]) -> AnswersError:
    """Build one AnswersError: a one-line summary first, then one line per problem."""
    if len(problems) == 1:
        key, msg = problems[0]
        error = AnswersError(f"{source}: {key}: {msg}")
    else:
        keys = ", ".join(k for k, _ in problems)
        lines = [f"{source}: {len(problems)} problems: {keys}"]
        lines += [f"  {k}: {m}" for k, m in problems]
        error = AnswersError("\n".join(lines))
    error.problems = problems  # type: ignore[attr-defined]  # for callers that want the list
    return error


def prompt_answers(template: Template, given: dict, ask_all: bool = False) -> dict:
    """Ask with click.prompt for each question not in ``given`` (all if ask_all); return merged."""
    import click

    answers = copy.deepcopy(given)
    context: dict = {}
    for q in template.questions:
        if q.default is not None:
            set_path(context, q.name, q.default)
    _merge(context, answers)
    for q in template.questions:
        current = get_path(answers, q.name)
        if (current is not MISSING and not ask_all) or not condition_holds(q, context, template):
            continue
        value = _ask(click, q, current if current is not MISSING else q.default)
        if value is not None:
            set_path(answers, q.name, value)
            set_path(context, q.name, value)
    return answers


def _ask(click: Any, q: Parameter, default: Any) -> Any:
    """Ask one question; return the typed value or None for a skipped optional one."""
    if q.help:
        click.echo(click.style(q.help.strip(), dim=True), err=True)
    if q.type == "bool":
        return click.confirm(
            q.name, default=bool(default) if default is not None else None, err=True
        )
    if q.type in ("int", "number"):
        base = click.INT if q.type == "int" else click.FLOAT
        kind: Any = base
        if q.min is not None or q.max is not None:
            kind = (click.IntRange if q.type == "int" else click.FloatRange)(q.min, q.max)
    elif q.type == "choice" and q.choices:
        kind = click.Choice([str(c) for c in q.choices])
    else:
        kind = click.STRING
    shown = ", ".join(default) if isinstance(default, list) else default
    optional = not q.required and default is None
    if optional:
        # Enter skips an optional question; anything typed is still converted and checked.
        value = click.prompt(q.name, default="", show_default=False, err=True,
                             value_proc=lambda v: v if v == "" else kind.convert(v, None, None))  # fmt: skip
        if value == "":
            return None
    else:
        value = click.prompt(q.name, default=shown, type=kind, err=True)
    if q.type == "choice" and q.choices:
        return next(c for c in q.choices if str(c) == value)
    if q.type == "list":
        return [part.strip() for part in str(value).split(",") if part.strip()]
    return value


def _merge(into: dict, extra: dict) -> None:
    """Deep-merge ``extra`` into ``into`` (nested mappings merge, other values replace)."""
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            _merge(into[key], value)
        else:
            into[key] = value


def starter_yaml(template: Template) -> str:
    """Return a commented starter answers file with every question of ``template``."""
    import textwrap

    lines = [
        f"# Answers for the template {template.name!r}: {template.title}.",
        "# Every question is listed with its help, type, bounds and default. Replace each null",
        "# marked REQUIRED; questions with a condition are only used when it holds.",
    ]
    if template.languages:
        others = ", ".join(sorted(template.languages))
        command = f"drafter draft {template.name} --lang {template.language}"
        lines += [
            f"# Then: {command} --answers THIS_FILE -o statute.docx",
            f"# The defaults below are those of {template.language!r}; the template is also offered",
            f"# in {others}. A text answer may be one text for every language or one per",
            "# language: {en: ..., fr: ...}.",
        ]
    else:
        lines.append(f"# Then: drafter draft {template.name} --answers THIS_FILE -o statute.docx")
    lines.append(f"template: {template.name}")
    open_groups: list[str] = []
    for q in _grouped(template.questions):
        *groups, leaf = q.name.split(".")
        common = 0
        while common < min(len(groups), len(open_groups)) and groups[common] == open_groups[common]:
            common += 1
        open_groups = open_groups[:common]
        for depth in range(common, len(groups)):
            lines += ["", f"{'  ' * depth}{groups[depth]}:"]
            open_groups.append(groups[depth])
        pad = "  " * len(groups)
        if not groups:
            lines.append("")
        for para in (q.help or "").strip().split("\n\n"):
            if para.strip():
                lines += [
                    f"{pad}# {ln}" for ln in textwrap.wrap(" ".join(para.split()), 88 - len(pad))
                ]
        lines.append(f"{pad}# {_describe(q)}")
        value = q.default
        lines.append(
            f"{pad}{leaf}: {json.dumps(value, ensure_ascii=False) if value is not None else 'null'}"
        )
    return "\n".join(lines) + "\n"


def _grouped(questions: list[Parameter]) -> list[Parameter]:
    """Order questions so that each group (a dotted prefix) is written once, where it first appears."""
    first: dict[str, int] = {}
    for index, q in enumerate(questions):
        parts = q.name.split(".")
        for depth in range(1, len(parts) + 1):
            first.setdefault(".".join(parts[:depth]), index)

    def key(q: Parameter) -> tuple[int, ...]:
        parts = q.name.split(".")
        return tuple(first[".".join(parts[:depth])] for depth in range(1, len(parts) + 1))

    return sorted(questions, key=key)


def _describe(q: Parameter) -> str:
    """Return "type: int, 1 to 3; default 3; only if tiers.hatred" for a starter file comment."""
    parts = [f"type: {q.type}"]
    if q.min is not None or q.max is not None:
        low = _num(q.min) if q.min is not None else "any"
        high = _num(q.max) if q.max is not None else "any"
        parts[0] += f", {low} to {high}"
    if q.choices:
        parts.append("one of: " + ", ".join(str(c) for c in q.choices))
    if q.default is None:
        parts.append("REQUIRED" if q.required else "optional")
    if q.when:
        parts.append(f"only if: {q.when}")
    return "; ".join(parts)
