"""The clause library and the templates: an ordered search path, loading and validation.

A user's folders come first, then the built-in ones, so a user's clause or template with the
same id replaces the built-in one (its ``origin`` says where it came from). Files are only read
when something asks for them, and each is parsed once.

A library folder given with ``--library DIR`` holds ``DIR/templates/<name>/template.yaml`` and/or
``DIR/clause_library/<category>/<id>.j2``, the same layout as the built-in data.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import yaml

from .errors import LibraryError
from .library_languages import language_versions, offered_languages, template_version
from .library_model import Clause, Parameter, Template
from .paths import builtin_dir
from .standards import is_known

try:  # the C loader is several times faster; the library is parsed on every run
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - PyYAML without libyaml
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

CATEGORIES = [
    "general", "definitions", "offence", "assessment", "exceptions", "sanctions",
    "legal_persons", "age", "authority", "procedure", "temporal", "review", "final",
]  # fmt: skip
TYPES = ["string", "text", "bool", "int", "number", "choice", "list"]
BUILTIN = "built-in"
# Top-level question names a template may not use: the Jinja helpers, and the answers file's
# own "template" key.
RESERVED = {"clause", "ref", "term", "max_words", "language", "template"}

_PARAMETER_SCHEMA = {
    "type": "object",
    "required": ["name", "type"],
    "additionalProperties": False,
    "properties": {
        "name": {
            "type": "string",
            "pattern": r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$",
        },
        "type": {"enum": TYPES},
        "help": {"type": "string"},
        "default": {},
        "required": {"type": "boolean"},
        "choices": {"type": "array", "minItems": 1},
        "min": {"type": "number"},
        "max": {"type": "number"},
        "when": {"type": "string", "minLength": 1},
    },
}

CLAUSE_SCHEMA = {
    "type": "object",
    "required": ["id", "title", "category", "language", "sources", "commentary"],
    "additionalProperties": False,
    "properties": {
        "id": {"type": "string", "pattern": r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$"},
        "title": {"type": "string", "minLength": 1},
        "label": {"type": ["string", "null"]},
        "category": {"enum": CATEGORIES},
        "language": {"type": "string", "pattern": "^[a-z]{2}$"},
        "variant_of": {"type": ["string", "null"]},
        "parameters": {"type": ["array", "null"], "items": _PARAMETER_SCHEMA},
        "introduces": {"type": ["array", "null"], "items": {"type": "string"}},
        "uses": {"type": ["array", "null"], "items": {"type": "string"}},
        "sources": {"type": "array", "items": {"type": "string"}},
        "satisfies": {
            "type": ["array", "null"],
            "items": {"type": "string", "pattern": r"^DR\d{3}$"},
        },
        "commentary": {"type": "string", "minLength": 1},
    },
}

# A language a template offers besides its default one (docs/markup.md, "Templates").
_LANGUAGE_SCHEMA = {
    "type": "object",
    "required": ["entry", "title"],
    "additionalProperties": False,
    "properties": {
        "entry": {"type": "string", "minLength": 1},
        "title": {"type": "string", "minLength": 1},
        "description": {"type": "string"},
        "defaults": {"type": ["object", "null"]},  # question name -> default in this language
        # question name -> its help in this language (memorandum, starter answers file)
        "help": {"type": ["object", "null"], "additionalProperties": {"type": "string"}},
    },
}

TEMPLATE_SCHEMA = {
    "type": "object",
    "required": ["title"],
    "additionalProperties": False,
    "properties": {
        "name": {"type": "string"},
        "title": {"type": "string", "minLength": 1},
        "description": {"type": "string"},
        "language": {"type": "string", "pattern": "^[a-z]{2}$"},
        "entry": {"type": "string"},
        "extends": {"type": ["string", "null"]},
        "abstract": {"type": "boolean"},  # a base that only other templates extend
        "questions": {"type": ["array", "null"], "items": _PARAMETER_SCHEMA},
        "languages": {
            "type": ["object", "null"],
            "propertyNames": {"pattern": "^[a-z]{2}$"},
            "additionalProperties": _LANGUAGE_SCHEMA,
        },
    },
}


def did_you_mean(name: str, candidates: Iterable[str]) -> str:
    """Return " (did you mean 'x'?)" for the closest candidate, or ""."""
    close = difflib.get_close_matches(name, list(candidates), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


@functools.cache
def _validator(kind: str) -> Any:
    """Return a compiled validator for clause or template metadata (built once per run)."""
    import jsonschema  # imported here: only needed when a file is actually loaded

    return jsonschema.Draft202012Validator(CLAUSE_SCHEMA if kind == "clause" else TEMPLATE_SCHEMA)


def _schema_error(path: Path, data: Any, schema: dict) -> None:
    """Raise a one-line LibraryError for the first schema violation in ``data``."""
    validator = _validator("clause" if schema is CLAUSE_SCHEMA else "template")
    # An unknown key first: a misspelt key also shows up as a missing one, and the typo is the news.
    errors = sorted(
        validator.iter_errors(data),
        key=lambda e: (e.validator != "additionalProperties", [str(p) for p in e.absolute_path]),
    )
    if not errors:
        return
    err = errors[0]
    where = ".".join(str(p) for p in err.absolute_path) or "(top level)"
    if err.validator == "required":
        missing = err.message.split("'")[1] if "'" in err.message else err.message
        key = f"{where}.{missing}" if err.absolute_path else missing
        raise LibraryError(f"{path}: missing key {key!r}")
    if err.validator == "pattern" and list(err.absolute_path) == ["languages"]:
        raise LibraryError(
            f"{path}: key 'languages': {err.instance!r} is not a two-letter language code"
        )
    if err.validator == "additionalProperties":
        allowed = err.schema.get("properties") or {}
        extra = [k for k in err.instance if k not in allowed]
        hint = did_you_mean(extra[0], allowed) if extra else ""
        inside = f"{where}: " if err.absolute_path else ""
        raise LibraryError(f"{path}: {inside}unknown key {extra[0] if extra else '?'!r}{hint}")
    raise LibraryError(f"{path}: key {where!r}: {err.message}")


def _parameters(path: Path, raw: list[dict] | None, what: str) -> list[Parameter]:
    """Build Parameters and check that each default fits its own type, bounds and choices."""
    from .answers import check_value  # shared with answers validation (no import cycle at load)

    params: list[Parameter] = []
    seen: set[str] = set()
    for item in raw or []:
        param = Parameter(**item)
        if param.name in seen:
            raise LibraryError(f"{path}: {what} {param.name!r} declared twice")
        seen.add(param.name)
        if param.type == "choice" and not param.choices:
            raise LibraryError(f"{path}: {what} {param.name!r}: type choice needs 'choices'")
        if param.default is not None:
            problem = check_value(param, param.default)
            if problem:
                raise LibraryError(f"{path}: {what} {param.name!r}: default {problem}")
        params.append(param)
    return params


def _check_conditions(path: Path, questions: list[Parameter]) -> None:
    """Check that ``when`` conditions parse and only name questions of the same template."""
    from jinja2 import TemplateSyntaxError, meta
    from jinja2.sandbox import SandboxedEnvironment

    env = SandboxedEnvironment()
    roots = {q.name.split(".")[0] for q in questions}
    clash = sorted(roots & RESERVED)
    if clash:
        raise LibraryError(f"{path}: question name {clash[0]!r} is reserved (a Jinja helper)")
    for q in questions:
        if not q.when:
            continue
        try:
            names = meta.find_undeclared_variables(env.parse("{{ (" + q.when + ") }}"))
        except TemplateSyntaxError as exc:
            raise LibraryError(
                f"{path}: question {q.name!r}: bad 'when' condition: {exc.message}"
            ) from exc
        unknown = sorted(names - roots)
        if unknown:
            hint = did_you_mean(unknown[0], roots)
            raise LibraryError(
                f"{path}: question {q.name!r}: 'when' names unknown question {unknown[0]!r}{hint}"
            )


def read_front_matter(path: Path) -> tuple[dict, str, int]:
    """Split a clause file into its YAML front matter, its body and the body's first line."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise LibraryError(f"{path}: cannot read: {exc}") from exc
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        raise LibraryError(f"{path}:1: a clause file must start with '---' and YAML front matter")
    for end in range(1, len(lines)):
        if lines[end].strip() == "---":
            break
    else:
        raise LibraryError(f"{path}: front matter has no closing '---' line")
    try:
        meta = yaml.load("".join(lines[1:end]), Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 2}" if mark is not None else ""  # +1 for 1-based, +1 for '---'
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise LibraryError(f"{path}{line}: invalid YAML front matter: {problem}") from exc
    if not isinstance(meta, dict):
        raise LibraryError(f"{path}: front matter must be a mapping of keys")
    return meta, "".join(lines[end + 1 :]), end + 2


def load_clause(path: Path, origin: str = BUILTIN) -> Clause:
    """Read and validate one clause file."""
    meta, body, body_line = read_front_matter(path)
    _schema_error(path, meta, CLAUSE_SCHEMA)
    clause_id, language = meta["id"], meta["language"]
    if path.stem not in (clause_id, f"{clause_id}.{language}"):
        raise LibraryError(
            f"{path}: file name must be {clause_id}.j2 to match its id {clause_id!r}"
        )
    unknown = [s for s in meta["sources"] if not is_known(s)]
    if unknown:
        raise LibraryError(f"{path}: key 'sources': unknown authority id {unknown[0]!r}")
    if not body.strip():
        raise LibraryError(f"{path}: the clause has no text after its front matter")
    written = re.search(r"^::article\b[^\n]*\{[^{}\n]*\blabel=([^\s}]+)", body, re.MULTILINE)
    if meta.get("label") and (written is None or written.group(1) != meta["label"]):
        found = written.group(1) if written else "none"
        raise LibraryError(
            f"{path}: key 'label' is {meta['label']!r} but the article's label is {found!r}"
        )
    return Clause(
        id=clause_id,
        title=meta["title"],
        category=meta["category"],
        language=language,
        parameters=_parameters(path, meta.get("parameters"), "parameter"),
        introduces=list(meta.get("introduces") or []),
        uses=list(meta.get("uses") or []),
        sources=list(meta["sources"]),
        commentary=" ".join(meta["commentary"].split()),
        satisfies=list(meta.get("satisfies") or []),
        variant_of=meta.get("variant_of"),
        body=body,
        path=path,
        body_line=body_line,
        origin=origin,
    )


def _merge_questions(base: list[Parameter], own: list[Parameter]) -> list[Parameter]:
    """Return base questions with own ones replacing same-named ones in place, new ones after."""
    own_by_name = {q.name: q for q in own}
    merged = [own_by_name.pop(q.name, q) for q in base]
    return merged + [q for q in own if q.name in own_by_name]


class Library:
    """Clauses and templates found on an ordered search path (user folders first)."""

    def __init__(self, extra_dirs: Sequence[Path | str] = ()) -> None:
        self.extra_dirs = [Path(d) for d in extra_dirs]
        for folder in self.extra_dirs:
            if not folder.is_dir():
                raise LibraryError(f"{folder}: library folder does not exist")
            if not (folder / "templates").is_dir() and not (folder / "clause_library").is_dir():
                raise LibraryError(
                    f"{folder}: a library folder needs templates/ or clause_library/"
                )
        self._clauses: dict[tuple[str, str], Clause] | None = None
        self._template_paths: dict[str, tuple[Path, str]] | None = None
        self._templates: dict[str, Template] = {}
        self._abstract: set[str] = set()

    # -- search path ------------------------------------------------------------------------
    def _roots(self, name: str) -> list[tuple[Path, str]]:
        """Return (folder, origin) pairs for ``name``, highest priority first."""
        roots = [(d / name, str(d)) for d in self.extra_dirs if (d / name).is_dir()]
        builtin = builtin_dir(name)
        if builtin.is_dir():
            roots.append((builtin, BUILTIN))
        return roots

    def template_roots(self) -> list[Path]:
        """Return the template folders in search order (for the Jinja loader)."""
        return [root for root, _ in self._roots("templates")]

    # -- clauses ----------------------------------------------------------------------------
    def _all_clauses(self) -> dict[tuple[str, str], Clause]:
        if self._clauses is None:
            found: dict[tuple[str, str], Clause] = {}
            # Lowest priority first, so that user folders overwrite built-in entries.
            for root, origin in reversed(self._roots("clause_library")):
                here: dict[tuple[str, str], Path] = {}
                for path in sorted(root.rglob("*.j2")):
                    if any(part.startswith(".") for part in path.relative_to(root).parts):
                        continue  # editor backups and hidden folders are not clauses
                    clause = load_clause(path, origin)
                    key = (clause.id, clause.language)
                    if key in here:
                        raise LibraryError(f"{path}: clause id {clause.id!r} also in {here[key]}")
                    here[key] = path
                    found[key] = clause
            self._clauses = found
        return self._clauses

    def clause(self, clause_id: str, language: str = "en") -> Clause:
        """Return a clause by id and language; unknown -> LibraryError with a suggestion."""
        clauses = self._all_clauses()
        found = clauses.get((clause_id, language))
        if found is not None:
            return found
        other = sorted(lang for cid, lang in clauses if cid == clause_id)
        if other:
            raise LibraryError(
                f"clause {clause_id!r} has no {language!r} version (languages: {', '.join(other)})"
            )
        ids = {cid for cid, _ in clauses}
        raise LibraryError(f"unknown clause {clause_id!r}{did_you_mean(clause_id, ids)}")

    def clauses(
        self, language: str | None = None, category: str | None = None, source: str | None = None
    ) -> list[Clause]:
        """Return clauses filtered by language, category and cited authority, sorted by id."""
        out = [
            c
            for c in self._all_clauses().values()
            if (language is None or c.language == language)
            and (category is None or c.category == category)
            and (source is None or source in c.sources)
        ]
        return sorted(out, key=lambda c: (c.id, c.language))

    def definition_clause(self, term: str, language: str = "en") -> Clause:
        """Return the definitions clause that introduces ``term``; unknown -> LibraryError."""
        candidates = [
            c
            for c in self.clauses(language=language, category="definitions")
            if term in c.introduces
        ]
        if candidates:
            # A user folder's definition wins over the built-in one, even under another id.
            rank = {origin: i for i, (_, origin) in enumerate(self._roots("clause_library"))}
            candidates.sort(key=lambda c: rank.get(c.origin, len(rank)))
            best = [c for c in candidates if c.origin == candidates[0].origin]
            if len(best) > 1:
                ids = " and ".join(c.id for c in best)
                raise LibraryError(f"term {term!r} is introduced by both {ids} ({best[0].origin})")
            return best[0]
        slug = re.sub(r"[\s-]+", "_", term.strip().lower())
        try:
            return self.clause(f"definitions.{slug}", language)
        except LibraryError:
            known = sorted(t for c in self.clauses(language, "definitions") for t in c.introduces)
            raise LibraryError(
                f"term {term!r} is used but no definitions clause introduces it"
                f"{did_you_mean(term, known)}"
            ) from None

    def clause_text(self, clause_id: str, language: str = "en") -> str:
        """Return the clause rendered with its defaults as plain text, markers removed."""
        from .assemble import render_clause_plain  # assemble imports jinja2; keep it lazy

        return render_clause_plain(self, self.clause(clause_id, language))

    # -- templates --------------------------------------------------------------------------
    def _template_index(self) -> dict[str, tuple[Path, str]]:
        if self._template_paths is None:
            index: dict[str, tuple[Path, str]] = {}
            for root, origin in reversed(self._roots("templates")):
                for meta in sorted(root.glob("*/template.yaml")):
                    index[meta.parent.name] = (meta.parent, origin)
            self._template_paths = index
        return self._template_paths

    def template(self, name: str) -> Template:
        """Return a template by name (its questions merged with those it extends)."""
        return self._load_template(name, chain=())

    def _load_template(self, name: str, chain: tuple[str, ...]) -> Template:
        if name in self._templates:
            return self._templates[name]
        index = self._template_index()
        if name not in index:
            public = [n for n in index if n not in self._abstract]
            raise LibraryError(f"unknown template {name!r}{did_you_mean(name, public or index)}")
        if name in chain:
            raise LibraryError(f"templates extend each other in a loop: {' -> '.join(chain)}")
        folder, origin = index[name]
        path = folder / "template.yaml"
        try:
            meta = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = f":{mark.line + 1}" if mark is not None else ""
            raise LibraryError(
                f"{path}{line}: invalid YAML: {getattr(exc, 'problem', exc)}"
            ) from exc
        except (OSError, UnicodeDecodeError) as exc:
            raise LibraryError(f"{path}: cannot read: {exc}") from exc
        if not isinstance(meta, dict):
            raise LibraryError(f"{path}: must be a mapping of keys")
        _schema_error(path, meta, TEMPLATE_SCHEMA)
        if meta.get("name", name) != name:
            raise LibraryError(f"{path}: name {meta['name']!r} differs from its folder {name!r}")
        questions = _parameters(path, meta.get("questions"), "question")
        base: Template | None = None
        if meta.get("extends"):
            base = self._load_template(meta["extends"], (*chain, name))
            questions = _merge_questions(base.questions, questions)
        _check_conditions(path, questions)
        entry = meta.get("entry") or (base.entry if base else "statute.j2")
        if not (folder / entry).is_file():
            raise LibraryError(f"{path}: entry file {entry!r} not found in {folder}")
        language = meta.get("language") or (base.language if base else "en")
        languages = language_versions(path, meta.get("languages") or {}, questions, base)
        template = Template(
            name=name,
            title=meta["title"],
            description=" ".join(str(meta.get("description") or "").split()),
            language=language,
            questions=questions,
            entry=entry,
            extends=meta.get("extends"),
            path=folder,
            origin=origin,
            languages=languages,
        )
        if meta.get("abstract"):
            self._abstract.add(name)
        self._templates[name] = template
        return template

    def template_in(self, name: str, language: str | None = None) -> Template:
        """Return a template as drafted in ``language`` (default: its own language).

        The result has that language's entry file, title, description and defaults; a language
        the template does not offer is a LibraryError listing the ones it does.
        """
        template = self.template(name)
        if language is None or language == template.language and language not in template.languages:
            return template
        if language not in template.languages:
            offered = ", ".join(offered_languages(template))
            raise LibraryError(
                f"template {name!r} is not offered in {language!r} (languages: {offered})"
            )
        return template_version(template, language)

    def is_abstract(self, name: str) -> bool:
        """Return whether a template only exists to be extended (such as ``base``)."""
        self.template(name)
        return name in self._abstract

    def templates(self, include_abstract: bool = False) -> list[Template]:
        """Return the templates sorted by name; abstract bases only if asked."""
        loaded = [self.template(name) for name in sorted(self._template_index())]
        return [t for t in loaded if include_abstract or t.name not in self._abstract]
