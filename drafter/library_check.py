"""Check a team's library folder (templates/, clause_library/, checks/) file by file.

Unlike loading the library, which stops at the first problem, this reports every problem it can
find, each as a finding located in the library file at a line, so that ``drafter lint``'s
reporters (text, JSON, SARIF, GitHub) print them and CI can annotate the very line.

Codes: LIB001 metadata, LIB002 Jinja syntax, LIB003 unknown clause, LIB004 unknown template,
LIB005 undeclared variable, LIB006 unused parameter, LIB007 unguarded optional parameter,
LIB008 unknown authority, LIB009 does not render, LIB010 rule example fails, LIB011 a
translation's metadata differs from the default-language version, LIB012 its markup (or a
template entry's blocks and clauses) differs; a drafted example's own lint findings keep their
DR codes.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import DrafterError
from .findings import Finding, Location, Severity
from .library_drift import clause_drift, template_drift
from .library_guards import OptionalValue, template_guard_problems, unguarded_uses
from .lint.api import FileResult, Region
from .standards import is_known

NAMES = {
    "LIB001": "metadata",
    "LIB002": "jinja-syntax",
    "LIB003": "unknown-clause",
    "LIB004": "unknown-template",
    "LIB005": "undeclared-variable",
    "LIB006": "unused-parameter",
    "LIB007": "unguarded-optional-parameter",
    "LIB008": "unknown-authority",
    "LIB009": "does-not-render",
    "LIB010": "rule-example",
    "LIB011": "translation-drift",
    "LIB012": "translation-structure-drift",
}
# Names every clause and template may use without declaring them: the renderer's helpers.
HELPERS = {"clause", "ref", "term", "max_words", "language", "range", "loop", "namespace"}
ANSWER_SUFFIXES = (".yaml", ".yml", ".toml", ".json")
FILE_LINE = re.compile(r"^(?:[^:\s]+\.(?:j2|yaml|yml)):(\d+):\s*")


@dataclass
class _File:
    """The findings gathered for one library file."""

    path: Path
    shown: str
    findings: list[tuple[str, int, str, dict[str, Any]]] = field(default_factory=list)

    def add(self, code: str, line: int, message: str, **extra: Any) -> None:
        self.findings.append((code, max(1, line), message, extra))


def _line_of(text: str, needle: str, default: int = 1) -> int:
    """Return the 1-based line of the first occurrence of ``needle`` in ``text``."""
    pos = text.find(needle) if needle else -1
    return text.count("\n", 0, pos) + 1 if pos >= 0 else default


def _line_from_message(message: str, text: str) -> int:
    """Guess the line a library error is about: its "file:N:" or "line N", else a quoted name."""
    m = re.search(r":(\d+):", message) or re.search(r"\bline (\d+)\b", message)
    if m:
        return int(m.group(1))
    key = re.search(r"(?:^|:\s)([A-Za-z_][\w.]*): ", message)  # "examples: 'pass' is required"
    if key and (line := _line_of(text, key.group(1).split(".")[-1] + ":", 0)):
        return line
    quoted = re.findall(r"'([^']+)'", message) + re.findall(
        r"unknown authorit\w+ ([\w-]+)", message
    )
    for name in reversed(quoted):
        line = _line_of(text, name, 0)
        if line:
            return line
    return 1


def _strip_path(message: str, path: Path) -> str:
    """Drop the file name a library error starts with: the report already shows the file."""
    for prefix in (str(path), f"{path.parent.name}/{path.name}"):
        if message.startswith(prefix):
            message = message[len(prefix) :]
            return re.sub(r"^:(\d+)?:?\s*(?:line \d+:\s*)?", "", message)
    return message


# -- Jinja analysis -----------------------------------------------------------------------------


def _env():
    from jinja2.sandbox import SandboxedEnvironment

    return SandboxedEnvironment(lstrip_blocks=True, keep_trailing_newline=True)


def _parse(source: str, entry: _File, first_line: int):
    """Parse Jinja; report a syntax error at its line in the file and return None."""
    from jinja2 import TemplateSyntaxError

    try:
        return _env().parse(source)
    except TemplateSyntaxError as exc:
        entry.add("LIB002", first_line + (exc.lineno or 1) - 1, f"Jinja syntax: {exc.message}")
        return None


def _clause_calls(tree) -> list[tuple[str, int]]:
    """Return (clause id, line) of ``clause("id", ...)`` calls and ``@clause/`` includes."""
    from jinja2 import nodes

    found = []
    for call in tree.find_all(nodes.Call):
        first = call.args[0] if call.args else None
        named = isinstance(call.node, nodes.Name) and call.node.name == "clause"
        if named and isinstance(first, nodes.Const) and isinstance(first.value, str):
            found.append((first.value, call.lineno))
    return found


def _template_targets(tree) -> list[tuple[str, int]]:
    """Return (file name, line) of extends/include/import targets written as strings."""
    from jinja2 import nodes

    found = []
    for node in tree.find_all((nodes.Extends, nodes.Include, nodes.Import, nodes.FromImport)):
        if isinstance(node.template, nodes.Const) and isinstance(node.template.value, str):
            found.append((node.template.value, node.lineno))
    return found


# -- the checks ---------------------------------------------------------------------------------


class LibraryChecker:
    """Checks one library folder against the built-in library beneath it."""

    def __init__(self, folder: Path) -> None:
        from .library import Library

        self.folder = folder
        self.builtin = Library()
        self.files: dict[Path, _File] = {}
        self.clause_ids: set[str] = {c.id for c in self.builtin.clauses()}
        self.template_names: set[str] = {t.name for t in self.builtin.templates(True)}

    def entry(self, path: Path) -> _File:
        if path not in self.files:
            try:
                shown = str(path.relative_to(Path.cwd()))
            except ValueError:
                shown = str(path)
            self.files[path] = _File(path, shown)
        return self.files[path]

    def run(self) -> list[FileResult]:
        """Check every file and return one FileResult per file (in path order)."""
        clause_files = sorted(self._walk("clause_library", "*.j2"))
        template_files = sorted(self._walk("templates", "template.yaml"))
        for path in clause_files:  # first pass: the ids the team adds
            try:
                from .library import read_front_matter

                meta, _, _ = read_front_matter(path)
                if isinstance(meta.get("id"), str):
                    self.clause_ids.add(meta["id"])
            except DrafterError:
                pass
        self.template_names |= {p.parent.name for p in template_files}
        for path in clause_files:
            self.check_clause(path)
            base = self._default_version(path)
            if base is not None:
                for line, code, message in clause_drift(path, base):
                    self.entry(path).add(code, line, message)
            else:
                self._builtin_translations(path)
        for path in template_files:
            self.check_template(path.parent)
        for path in sorted(self._walk("checks", "*.yaml")):
            self.check_rule(path)
        if not any(e.findings for e in self.files.values()):
            self.check_examples()  # drafts only make sense once every file is sound
        return [self._result(e) for _, e in sorted(self.files.items())]

    def _default_version(self, path: Path) -> Path | None:
        """Return the default-language file of a translated clause (``x.fr.j2`` -> ``x.j2``)."""
        from .paths import builtin_dir

        match = re.fullmatch(r"(?P<id>.+)\.(?P<lang>[a-z]{2})\.j2", path.name)
        if match is None:
            return None
        name = f"{match.group('id')}.j2"
        if (path.parent / name).is_file():
            return path.parent / name
        return next(iter(sorted(builtin_dir("clause_library").rglob(name))), None)

    def _builtin_translations(self, path: Path) -> None:
        """Compare the built-in translations of a clause the folder overrides with the override.

        Drafts in another language still use the built-in translation, which must say what the
        team's version says; each difference is reported on the override's first line.
        """
        from .paths import builtin_dir

        root = builtin_dir("clause_library")
        if path.is_relative_to(root):
            return
        stem = path.name[: -len(".j2")]
        for other in sorted(root.rglob(f"{stem}.??.j2")):
            if (path.parent / other.name).is_file():
                continue  # the folder has its own translation, compared with the override
            language = other.name[len(stem) + 1 : -len(".j2")]
            for _, code, message in clause_drift(other, path):
                self.entry(path).add(
                    code, 1, f"the built-in {language!r} version (used for {language!r} drafts) "
                    f"no longer matches this one: {message}",
                )  # fmt: skip

    def _walk(self, sub: str, pattern: str) -> list[Path]:
        root = self.folder / sub
        if not root.is_dir():
            return []
        return [
            p
            for p in root.rglob(pattern)
            if not any(part.startswith(".") for part in p.relative_to(root).parts)
        ]

    def check_clause(self, path: Path) -> None:
        """Metadata, sources, Jinja syntax, referenced clauses and parameter use of a clause."""
        from .library import _validator, load_clause, read_front_matter

        entry = self.entry(path)
        text = path.read_text(encoding="utf-8", errors="replace")
        try:
            meta, body, body_line = read_front_matter(path)
        except DrafterError as exc:
            entry.add("LIB001", _line_from_message(str(exc), text), _strip_path(str(exc), path))
            return
        errors = list(_validator("clause").iter_errors(meta))
        for err in errors:
            key = str(err.absolute_path[0]) if err.absolute_path else ""
            line = _line_of(text, f"{key}:") if key else _line_from_message(err.message, text)
            where = ".".join(str(p) for p in err.absolute_path) or "front matter"
            entry.add("LIB001", line, f"{where}: {err.message}")
        for source in meta.get("sources") or []:
            if isinstance(source, str) and not is_known(source):
                line = _line_of(text, source, _line_of(text, "sources:"))
                entry.add(
                    "LIB008", line, f"unknown authority id {source!r} (see drafter.standards)"
                )
        if not errors and not entry.findings:
            try:
                load_clause(path, str(self.folder))
            except DrafterError as exc:
                entry.add("LIB001", _line_from_message(str(exc), text), _strip_path(str(exc), path))
        tree = _parse(body, entry, body_line)
        if tree is None:
            return
        self._references(tree, entry, body_line)
        params = [p for p in meta.get("parameters") or [] if isinstance(p, dict) and "name" in p]
        declared = {str(p["name"]) for p in params}
        from jinja2 import meta as jmeta
        from jinja2 import nodes

        used = jmeta.find_undeclared_variables(tree)
        lines = {n.name: n.lineno for n in reversed(list(tree.find_all(nodes.Name)))}
        for name in sorted(used - declared - HELPERS):
            entry.add(
                "LIB005", body_line + lines.get(name, 1) - 1,
                f"variable {name!r} is not a declared parameter of the clause",
            )  # fmt: skip
        for name in sorted(declared - used):
            entry.add(
                "LIB006", _line_of(text, f"name: {name}"),
                f"parameter {name!r} is declared but the clause text never uses it",
            )  # fmt: skip
        optional = {
            str(p["name"]): OptionalValue(str(p["name"]))
            for p in params
            if p.get("required") is False and p.get("default") is None
        }
        found, _ = unguarded_uses(tree, optional)
        for name, line in found:
            entry.add(
                "LIB007", body_line + line - 1,
                f"optional parameter {name!r} is used without a guard: wrap it in "
                f"{{% if {name} %}} or write {name} | default(...)",
            )  # fmt: skip

    def _references(self, tree, entry: _File, first_line: int) -> None:
        from .library import did_you_mean

        for clause_id, line in _clause_calls(tree):
            if clause_id not in self.clause_ids:
                hint = did_you_mean(clause_id, self.clause_ids)
                entry.add("LIB003", first_line + line - 1, f"unknown clause {clause_id!r}{hint}")

    def check_template(self, folder: Path) -> None:
        """Metadata (via the loader), Jinja files, and the templates and clauses they name."""
        from .library import Library, did_you_mean

        meta_path = folder / "template.yaml"
        entry = self.entry(meta_path)
        text = meta_path.read_text(encoding="utf-8", errors="replace")
        try:
            raw = yaml.safe_load(text)
        except yaml.YAMLError:
            raw = None
        extends = raw.get("extends") if isinstance(raw, dict) else None
        template = None
        if isinstance(extends, str) and extends not in self.template_names:
            hint = did_you_mean(extends, self.template_names)
            entry.add("LIB004", _line_of(text, "extends:"), f"unknown template {extends!r}{hint}")
        else:
            try:
                template = Library([self.folder]).template(folder.name)
            except DrafterError as exc:
                message = str(exc)
                code = "LIB004" if "unknown template" in message else "LIB001"
                entry.add(code, _line_from_message(message, text), _strip_path(message, meta_path))
        roots = [self.folder / "templates", *Library().template_roots()]
        for j2 in sorted(folder.rglob("*.j2")):
            jentry = self.entry(j2)
            tree = _parse(j2.read_text(encoding="utf-8", errors="replace"), jentry, 1)
            if tree is None:
                continue
            self._references(tree, jentry, 1)
            for target, line in _template_targets(tree):
                if target.startswith("@clause/"):
                    clause_id = target.rsplit("/", 1)[-1]
                    if clause_id not in self.clause_ids:
                        jentry.add("LIB003", line, f"unknown clause {clause_id!r}")
                elif not any((root / target).is_file() for root in roots):
                    jentry.add("LIB004", line, f"template file {target!r} not found")
            if template is not None:
                for line, message in template_guard_problems(template, tree, roots):
                    jentry.add("LIB007", line, message)
        if template is not None:
            self._template_languages(template)

    def _template_languages(self, template) -> None:
        """Compare each language entry of a template with its default entry (LIB012)."""
        from .library import Library

        parent = None
        if template.extends:
            try:
                parent = Library([self.folder]).template(template.extends)
            except DrafterError:
                parent = None
        for language in sorted(template.languages):
            entry = template.path / template.languages[language].entry
            for line, code, message in template_drift(template, language, parent):
                self.entry(entry).add(code, line, message)

    def check_rule(self, path: Path) -> None:
        """Validate a rule file and run it on its own examples."""
        from .lint.catalog import ensure_kinds, parse_rule
        from .lint.engine import run_rules
        from .reading import read_text

        entry = self.entry(path)
        text = path.read_text(encoding="utf-8", errors="replace")
        try:
            rule = parse_rule(path, ensure_kinds())
        except DrafterError as exc:
            message = str(exc)
            code = "LIB008" if "unknown authorit" in message else "LIB001"
            entry.add(code, _line_from_message(message, text), _strip_path(message, path))
            return
        for outcome in ("fail", "pass"):
            for example in rule.examples.get(outcome, []):
                hits = [
                    f for f in run_rules(read_text(example), [rule], None) if f.code == rule.code
                ]
                if bool(hits) != (outcome == "fail"):
                    first = next((ln for ln in example.splitlines() if ln.strip()), "")
                    verb = "does not fire on" if outcome == "fail" else "fires on"
                    entry.add(
                        "LIB010", _line_of(text, first.strip(), _line_of(text, "examples:")),
                        f"the rule {verb} its {outcome!r} example",
                    )  # fmt: skip

    def check_examples(self) -> None:
        """Draft each example answers file of the folder and lint the draft."""
        from .answers import load_answers, validate_answers
        from .assemble import assemble
        from .library import Library, offered_languages
        from .lint.api import lint_statute

        folder = self.folder / "examples"
        if not folder.is_dir():
            return
        from .lint.catalog import load_rules

        has_library = any((self.folder / s).is_dir() for s in ("templates", "clause_library"))
        library = Library([self.folder] if has_library else [])
        checks = self.folder / "checks"
        # The team's own rules apply to its drafts, as with drafter lint --rules DIR/checks.
        rules = load_rules([checks] if checks.is_dir() else [])
        for path in sorted(p for p in folder.iterdir() if p.suffix in ANSWER_SUFFIXES):
            try:
                answers = load_answers(path)
            except DrafterError as exc:
                self.entry(path).add("LIB001", 1, _strip_path(str(exc), path))
                continue
            name = answers.get("template")
            if not isinstance(name, str):
                continue  # not an answers file for a template
            if name not in self.template_names:
                self.entry(path).add("LIB004", 1, f"unknown template {name!r}")
                continue
            base = library.template(name)
            target = (
                self.entry(base.path / "template.yaml")
                if base.origin != "built-in"
                else self.entry(path)
            )
            # Every language the template offers is drafted: one answers file drafts them all.
            for language in offered_languages(base):
                template = library.template_in(name, language)
                shown = path.name if language == base.language else f"{path.name} ({language})"
                try:
                    answers_in = validate_answers(template, answers, str(path))
                    draft = assemble(template, answers_in, library)
                except DrafterError as exc:
                    target.add("LIB009", 1, f"with {shown}: {exc}")
                    continue
                for f in lint_statute(draft.statute, rules):
                    if f.severity.rank >= 1:
                        where = f"Article {f.location.article}" if f.location.article else "statute"
                        target.add(
                            f.code, 1, f"drafted with {shown}, {where}: {f.message}", finding=f
                        )

    def _result(self, entry: _File) -> FileResult:
        result = FileResult(path=entry.shown)
        for code, line, message, extra in sorted(entry.findings, key=lambda f: (f[1], f[0])):
            source: Finding | None = extra.get("finding")
            article = f"line {line}"
            finding = Finding(
                code=code,
                name=source.name if source else NAMES[code],
                severity=source.severity if source else Severity.ERROR,
                message=message,
                location=Location(file=entry.shown, article=article),
                authorities=list(source.authorities) if source else [],
                suggestion=source.suggestion if source else None,
            )
            raw = f"{entry.shown}\x1f{code}\x1f{message}\x1f{len(result.findings)}"
            finding.fingerprint = hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]
            result.findings.append(finding)
            result.captions[article] = article
            result.regions[finding.fingerprint] = Region(line=line)
        return result


def check_library(folder: Path) -> list[FileResult]:
    """Check every file of a library folder; return one FileResult per file, findings by line."""
    from .errors import InputError

    if not folder.is_dir():
        raise InputError(f"{folder}: library folder does not exist")
    if not any((folder / sub).is_dir() for sub in ("templates", "clause_library", "checks")):
        raise InputError(f"{folder}: a library folder needs templates/, clause_library/ or checks/")
    return LibraryChecker(folder).run()
