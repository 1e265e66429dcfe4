"""Load the lint rules: checks/*.yaml (built in) plus a user's extra folders, validated.

Each file is one rule (format: docs/architecture.md). A file is parsed with libyaml's safe
loader (the pure-Python one when libyaml is missing, and to word a syntax error), checked
against a JSON schema (required keys, code and family, severity, scope), against the registry of
kinds and the kind's own options schema, against the known authorities, and its patterns are
compiled; any problem raises ``LibraryError("checks/DR203-x.yaml: <problem>")``.

Validation costs more than reading (the schemas, and compiling some 1,400 patterns in both
languages), so a file that passed is remembered in a small cache (rules_cache.py) by its path,
size and modification times, together with the code that validated it; an unchanged file is
then only read, and its patterns are compiled when a statute first needs them, in the
statute's language only. A changed or new file, in checks/ or in a user's rules folder, is
validated in full again. The same cache folder keeps each file's parsed content (JSON, by the
same stamp, see rules_cache.load_parsed): an unchanged file is then not even parsed, and a
run that parses nothing does not import the YAML library.

A rule in an extra folder replaces the built-in rule with the same code (a reviewer's stricter
version of a rule). The built-in rules are parsed once per process: linting many files reuses
the same Rule objects and their compiled patterns.
"""

from __future__ import annotations

import copy
import importlib
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from .. import cache_files, standards
from ..errors import LibraryError
from ..findings import Severity
from ..paths import builtin_dir
from . import patterns, rules_cache
from .engine import FAMILIES, KIND_MODULES, KINDS, SCOPES, Rule

CODE = r"^DR[1-6][0-9]{2}$"
RULE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": [
        "code",
        "name",
        "severity",
        "scope",
        "kind",
        "message",
        "rationale",
        "authorities",
        "fix_clause",
        "examples",
    ],
    "additionalProperties": False,
    "properties": {
        "code": {"type": "string", "pattern": CODE},
        "name": {"type": "string", "pattern": r"^[a-z0-9]+(?:-[a-z0-9]+)*$"},
        "family": {"enum": sorted(FAMILIES.values())},
        "severity": {"enum": [s.value for s in Severity]},
        "scope": {"enum": sorted(SCOPES)},
        "kind": {"type": "string", "minLength": 1},
        "message": {"type": "string", "minLength": 1},
        "rationale": {"type": "string", "minLength": 1},
        "authorities": {"type": "array", "minItems": 1, "items": {"type": "string"}},
        "fix_clause": {
            "anyOf": [{"type": "null"}, {"type": "string", "pattern": r"^[a-z_]+\.[a-z0-9_.]+$"}]
        },
        "options": {"type": "object"},
        "examples": {
            "type": "object",
            "required": ["fail", "pass"],
            "additionalProperties": False,
            "properties": {
                "fail": {"type": "array", "minItems": 1, "items": {"type": "string"}},
                "pass": {"type": "array", "minItems": 1, "items": {"type": "string"}},
            },
        },
    },
}


def ensure_kinds() -> dict[str, Any]:
    """Import the kind modules and return {kind: options schema or None}.

    A kind module that does not exist (yet) is skipped rather than fatal, so that the rules of
    the other modules still load; a rule naming one of its kinds is then reported as unknown.
    """
    schemas: dict[str, Any] = {}
    for name in KIND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        schemas.update(getattr(module, "OPTIONS_SCHEMA", {}))
    return {kind: schemas.get(kind) for kind in KINDS}


def _problem(error: Any) -> str:
    """Return a one-line description of a schema error with the path of the bad key."""
    where = ".".join(str(p) for p in error.absolute_path)
    return f"{where}: {error.message}" if where else error.message


def _load_yaml(text: str) -> Any:
    """Parse YAML with libyaml; on a syntax error, raise the pure-Python parser's error.

    The two parsers word errors differently; the pure-Python one names the problem as users
    of this tool have always seen it (and is what runs when libyaml is not installed).
    """
    import yaml  # here, not at the top: a run whose rule files are all cached never parses

    # libyaml parses the catalogue about ten times faster than the pure-Python parser.
    fast = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.load(text, Loader=fast)
    except yaml.YAMLError:
        if fast is yaml.SafeLoader:
            raise
    return yaml.safe_load(text)


def _read_rule_file(path: Path, shown: str) -> Any:
    """Return a rule file's parsed YAML; raise LibraryError on an unreadable or invalid file."""
    try:
        return _load_yaml(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise LibraryError(f"{shown}: cannot read: {exc.strerror}") from exc
    except Exception as exc:
        import yaml

        if not isinstance(exc, yaml.YAMLError):
            raise
        mark = getattr(exc, "problem_mark", None)
        line = f"line {mark.line + 1}: " if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise LibraryError(f"{shown}: {line}invalid YAML: {problem}") from exc


def parse_rule(
    path: Path, kinds: dict[str, Any] | None = None, validate: bool = True, data: Any = None
) -> Rule:
    """Read and validate one rule file; raise LibraryError naming the file on any problem.

    ``validate=False`` (a file the validation cache knows unchanged) skips the schemas and the
    compiling of the patterns, the costly checks; the patterns are compiled on first use.
    ``data``: the file's content as parsed in an earlier run (the file is then not read).
    """
    shown = f"{path.parent.name}/{path.name}"
    kinds = ensure_kinds() if kinds is None else kinds
    if data is None:
        data = _read_rule_file(path, shown)
    if not isinstance(data, dict):
        raise LibraryError(f"{shown}: a rule file must be a mapping of keys")
    if validate:
        import jsonschema  # only to validate: importing it is a visible share of start-up

        validator = jsonschema.Draft202012Validator(RULE_SCHEMA)
        errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
        if errors:
            raise LibraryError(f"{shown}: {_problem(errors[0])}")
    code = data["code"]
    family = FAMILIES[code[2]]
    if data.get("family", family) != family:
        raise LibraryError(f"{shown}: family {data['family']!r} does not match code {code}")
    if not path.stem.startswith(code):
        raise LibraryError(f"{shown}: file name must start with the rule code {code}")
    if data["kind"] not in kinds:
        known = ", ".join(sorted(kinds)) or "none"
        raise LibraryError(f"{shown}: unknown kind {data['kind']!r} (known: {known})")
    options = data.get("options") or {}
    schema = kinds[data["kind"]]
    if validate and schema is not None:
        bad = sorted(jsonschema.Draft202012Validator(schema).iter_errors(options), key=str)
        if bad:
            raise LibraryError(f"{shown}: options.{_problem(bad[0])}")
    unknown = [a for a in data["authorities"] if not standards.is_known(a)]
    if unknown:
        raise LibraryError(f"{shown}: unknown authorit{'ies' if len(unknown) > 1 else 'y'} "
                           f"{', '.join(unknown)} (see drafter/standards.py)")  # fmt: skip
    rule = Rule(
        code=code,
        name=data["name"],
        severity=Severity(data["severity"]),
        scope=data["scope"],
        kind=data["kind"],
        message=data["message"].strip(),
        rationale=" ".join(data["rationale"].split()),
        authorities=list(data["authorities"]),
        fix_clause=data["fix_clause"],
        options=options,
        examples={"fail": list(data["examples"]["fail"]), "pass": list(data["examples"]["pass"])},
        path=str(path),
    )
    patterns.attach(rule)
    if not validate:
        return rule
    try:
        patterns.compile_rule(rule)
    except re.error as exc:
        raise LibraryError(f"{shown}: {exc}") from exc
    for where, pattern in _nested_patterns(options, "options"):
        try:
            re.compile(patterns.prepare(pattern), patterns.FLAGS)
        except re.error as exc:
            raise LibraryError(f"{shown}: {where}: bad pattern {pattern!r}: {exc}") from exc
    return rule


# Options that hold one regex as a plain string rather than a {language: [...]} set.
REGEX_KEYS = frozenset({"separator"})


def _nested_patterns(value: Any, where: str) -> Iterable[tuple[str, str]]:
    """Yield (option path, regex) for every regex in the options, however deeply nested.

    Pattern sets nested in lists of options (offence_types[].patterns, terms[].uses) or holding
    lists of regexes that must all match (provision: {en: [[a, b]]}) are only compiled by the
    rule kinds at lint time; checking them here reports a bad one when the catalogue loads.
    """
    if isinstance(value, dict):
        if value and all(isinstance(k, str) and patterns.LANGUAGE_CODE.match(k) for k in value):
            for language, items in value.items():
                for index, item in enumerate(items if isinstance(items, list) else [items]):
                    for inner in item if isinstance(item, list) else [item]:
                        if isinstance(inner, str):
                            yield f"{where}.{language}[{index}]", inner
            return
        for key, item in value.items():
            if key in REGEX_KEYS and isinstance(item, str):
                yield f"{where}.{key}", item
            else:
                yield from _nested_patterns(item, f"{where}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _nested_patterns(item, f"{where}[{index}]")


def load_dir(folder: Path, kinds: dict[str, Any]) -> dict[str, Rule]:
    """Load every rule file of one folder, keyed by code; two files with one code is an error."""
    rules: dict[str, Rule] = {}
    known = rules_cache.load()
    parsed = rules_cache.load_parsed()
    validated: dict[str, list[int]] = {}
    fresh: dict[str, list[Any]] = {}
    # Resolved once for the folder (a file that is itself a link is resolved alone): resolving
    # each path again looks up every folder above it.
    real_folder = folder.resolve()
    for path in sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml")):
        stamp = cache_files.stamp(path)
        key = str(path.resolve() if path.is_symlink() else real_folder / path.name)
        unchanged = stamp is not None and known.get(key) == stamp
        entry = parsed.get(key)
        cached = stamp is not None and isinstance(entry, list) and len(entry) == 2
        data = entry[1] if cached and entry[0] == stamp else None
        if data is None and stamp is not None:
            data = _read_rule_file(path, f"{path.parent.name}/{path.name}")
            copied = rules_cache.storable(data)  # a copy: rules may keep and change the data
            if copied is not None and cache_files.stamp(path) == stamp:
                fresh[key] = [stamp, copied]
        rule = parse_rule(path, kinds, validate=not unchanged, data=data)
        if unchanged and cache_files.stamp(path) != stamp:  # changed while being read
            rule = parse_rule(path, kinds)
            unchanged, stamp = False, None
            fresh.pop(key, None)
        if rule.code in rules:
            other = Path(rules[rule.code].path).name
            raise LibraryError(
                f"{folder.name}/{path.name}: code {rule.code} is also used by {other}"
            )
        rules[rule.code] = rule
        if not unchanged and stamp is not None:
            validated[key] = stamp
    if validated:
        rules_cache.remember(validated)
    if fresh:
        rules_cache.remember_parsed(fresh)
    return rules


@lru_cache(maxsize=4)
def _builtin(folder: str) -> tuple[Rule, ...]:
    """Parse the built-in rules once per process."""
    return tuple(load_dir(Path(folder), ensure_kinds()).values())


def load_rules(extra_dirs: Iterable[Path] = ()) -> list[Rule]:
    """Return the built-in rules overlaid by the rules of extra folders, sorted by code."""
    # Shallow copies: a caller may change a rule (say its severity from a config file) without
    # touching the cache; the compiled patterns in the instance dict are shared, not rebuilt.
    rules = {r.code: copy.copy(r) for r in _builtin(str(builtin_dir("checks")))}
    extra = [Path(d) for d in extra_dirs]
    if extra:
        kinds = ensure_kinds()
        # The user's first folder wins, so apply the folders from last to first.
        for folder in reversed(extra):
            if not folder.is_dir():
                raise LibraryError(f"{folder}: rules folder does not exist")
            rules.update(load_dir(folder, kinds))
    return [rules[code] for code in sorted(rules)]


def select_rules(
    rules: Iterable[Rule], select: Iterable[str] = (), ignore: Iterable[str] = ()
) -> list[Rule]:
    """Keep the rules whose code starts with a selected prefix and none of the ignored ones."""
    chosen = [s.strip().upper() for s in select if s.strip()]
    dropped = [s.strip().upper() for s in ignore if s.strip()]
    for prefix in chosen + dropped:
        if not re.fullmatch(r"DR[1-6]?[0-9]{0,2}", prefix):
            raise LibraryError(f"rule selector {prefix!r} is not a code or a prefix like DR2")
    return [
        r
        for r in rules
        if (not chosen or any(r.code.startswith(p) for p in chosen))
        and not any(r.code.startswith(p) for p in dropped)
    ]


def rule_by_code(rules: Iterable[Rule], code: str) -> Rule:
    """Return the rule with a code, or raise LibraryError with the closest codes."""
    table = {r.code: r for r in rules}
    wanted = code.strip().upper()
    if wanted in table:
        return table[wanted]
    near = [c for c in table if c[:4] == wanted[:4]][:5]
    hint = f" (did you mean {', '.join(near)}?)" if near else ""
    raise LibraryError(f"unknown rule {code!r}{hint}")


__all__ = ["ensure_kinds", "load_rules", "parse_rule", "rule_by_code", "select_rules"]
