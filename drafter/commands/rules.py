"""``drafter rules``: list the lint rules by family, or show one rule's full documentation."""

from __future__ import annotations

import difflib
import textwrap
from pathlib import Path

import click

from .options import library_dirs_option, rule_dirs_option

# Family digit -> heading, as STANDARDS.md names the families.
FAMILY_TITLES = {
    "1": "DR1xx legality and precision",
    "2": "DR2xx offence elements",
    "3": "DR3xx protected expression",
    "4": "DR4xx sanctions",
    "5": "DR5xx institutions and procedure",
    "6": "DR6xx drafting hygiene",
}
WIDTH = 88


def find_rule(rules: list, wanted: str):
    """Return the rule with this code or name; LibraryError with a "did you mean" otherwise."""
    from ..errors import LibraryError

    key = wanted.strip()
    for rule in rules:
        if rule.code == key.upper() or rule.name == key.lower():
            return rule
    names = [r.code for r in rules] + [r.name for r in rules]
    close = difflib.get_close_matches(key.upper(), [r.code for r in rules], n=3, cutoff=0.6)
    close += difflib.get_close_matches(key.lower(), [r.name for r in rules], n=2, cutoff=0.6)
    close += [r.name for r in rules if key.lower() in r.name and r.name not in close][:3]
    if not close and names:
        # A code in a family that has no such number: offer that family's codes.
        close = [r.code for r in rules if r.code[:3] == key.upper()[:3]][:3]
    hint = f" (did you mean {', '.join(close)}?)" if close else ""
    raise LibraryError(f"unknown rule {wanted!r}{hint}; run 'drafter rules' for the list")


def rule_listing(rules: list) -> str:
    """Return every rule, one line each, grouped under its family heading."""
    lines: list[str] = []
    width = min(max((len(r.name) for r in rules), default=0), 30)
    family = None
    for rule in sorted(rules, key=lambda r: r.code):
        if rule.code[2] != family:
            family = rule.code[2]
            if lines:
                lines.append("")
            lines.append(FAMILY_TITLES.get(family, f"DR{family}xx"))
        message = " ".join(rule.message.split())
        lines.append(f"  {rule.code}  {rule.severity.value:<7}  {rule.name:<{width}}  {message}")
    lines.append("")
    lines.append(f"{len(rules)} rules. 'drafter rules CODE' shows a rule's documentation.")
    return "\n".join(lines) + "\n"


def _wrap(text: str, indent: str = "  ", hanging: str | None = None) -> list[str]:
    return textwrap.wrap(
        " ".join(text.split()), WIDTH, initial_indent=indent, subsequent_indent=hanging or indent
    ) or [indent.rstrip()]


def rule_document(rule, clause_text: str | None) -> str:
    """Return a rule's full documentation: what, why, authorities, scope, examples, the fix."""
    from ..standards import AUTHORITIES

    family = FAMILY_TITLES.get(rule.code[2], rule.family)
    lines = [f"{rule.code} {rule.name} ({rule.severity.value}; {family})", ""]
    lines += ["What it flags:", *_wrap(rule.message), ""]
    lines += ["Why:", *_wrap(rule.rationale), ""]
    lines.append("Authorities:")
    for authority in rule.authorities:
        title = AUTHORITIES.get(authority, "(unknown authority)")
        lines += _wrap(f"{authority}: {title}", "  ", "      ")
    lines += ["", "Scope:", f"  {_scope_text(rule.scope)} (kind: {rule.kind})", ""]
    for label, key in (("Flagged", "fail"), ("Not flagged", "pass")):
        for number, example in enumerate(rule.examples.get(key, []), start=1):
            lines.append(f"{label} (example {number}):")
            lines += ["    " + line for line in example.rstrip().splitlines()]
            lines.append("")
    lines.append("Fix:")
    if rule.fix_clause:
        lines.append(f"  library clause {rule.fix_clause}")
        if clause_text:
            lines.append("")
            for paragraph in clause_text.strip().splitlines():
                lines += _wrap(paragraph, "    ")
        else:
            lines.append("  (the clause is not in the library searched)")
    else:
        lines.append("  no single clause; see the rationale")
    if rule.path:
        lines += ["", f"Defined in {rule.path}"]
    return "\n".join(lines) + "\n"


def _scope_text(scope: str) -> str:
    """Say in words which part of a statute a rule reads."""
    return {
        "offence": "offence articles",
        "definitions": "the definitions article",
        "sanction": "sanction articles",
        "procedure": "procedure and authority articles",
        "exceptions": "exceptions articles",
        "final": "final provisions",
        "general": "general provisions",
        "article": "every article",
        "statute": "the whole statute",
    }.get(scope, scope)


@click.command()
@click.argument("code", required=False)
@rule_dirs_option
@library_dirs_option("Extra library folder for the text of fixing clauses (repeatable).")
@click.option(
    "--config",
    "config_file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Read rule and library folders from FILE (default: drafter.toml found "
    "above the current folder).",
)
def rules(
    code: str | None,
    rule_dirs: tuple[Path, ...],
    library_dirs: tuple[Path, ...],
    config_file: Path | None,
) -> None:
    """List the lint rules by family, or show the documentation of rule CODE (or name)."""
    from ..config import discover, merged
    from ..lint.catalog import load_rules

    config = merged(
        discover(config_file, Path.cwd()), rules=list(rule_dirs), library=list(library_dirs)
    )
    catalogue = load_rules(config.rules)
    if code is None:
        click.echo(rule_listing(catalogue), nl=False)
        return
    rule = find_rule(catalogue, code)
    click.echo(rule_document(rule, _clause_text(rule, config.library)), nl=False)


def _clause_text(rule, library_dirs: list[Path]) -> str | None:
    """Return the fixing clause rendered with its defaults, or None if it cannot be shown."""
    from ..errors import DrafterError
    from ..library import Library

    if not rule.fix_clause:
        return None
    library = Library(library_dirs)  # a bad folder the user named is an error, not a blank
    try:
        return library.clause_text(rule.fix_clause)
    except DrafterError:
        return None


__all__ = ["find_rule", "rule_document", "rule_listing", "rules"]
