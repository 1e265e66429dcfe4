"""``drafter new template|clause``: scaffold a commented starting point in a library folder.

The scaffolds are meant to pass ``drafter check-library`` as written, so that a team starts
from a sound file and each edit it makes is checked against a known-good baseline.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import click

from ..errors import LibraryError, OutputError

# The article kind a new clause of each category most likely has (the team may change it).
KIND_OF = {
    "offence": "offence",
    "sanctions": "sanction",
    "legal_persons": "sanction",
    "definitions": "definitions",
    "exceptions": "exceptions",
    "procedure": "procedure",
    "authority": "procedure",
    "final": "final",
    "review": "final",
    "temporal": "final",
}
TEMPLATE_NAME = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


def _write_all(files: dict[Path, str]) -> None:
    """Write every file or none: refuse at once if any already exists."""
    from ..output import write_output

    for path in files:
        if path.exists():
            raise OutputError(f"{path}: already exists; not overwritten")
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        write_output(path, text.encode("utf-8"), False)
        click.echo(f"wrote {path}", err=True)


def _blocks(library, name: str) -> list[str]:
    """Return the names of the Jinja blocks a template (and those it extends) defines."""
    from jinja2 import nodes
    from jinja2.sandbox import SandboxedEnvironment

    env = SandboxedEnvironment()
    found: list[str] = []
    seen: set[str] = set()
    while name and name not in seen:
        seen.add(name)
        template = library.template(name)
        source = (template.path / template.entry).read_text(encoding="utf-8")
        for block in env.parse(source).find_all(nodes.Block):
            if block.name not in found:
                found.append(block.name)
        name = template.extends
    return found


def template_files(into: Path, name: str, base: str, library) -> dict[Path, str]:
    """Return the files of a new template extending ``base``."""
    if not TEMPLATE_NAME.match(name):
        raise LibraryError(f"template name {name!r}: use lower-case words joined by '-'")
    if name == base:
        raise LibraryError(f"template {name!r} cannot extend itself; give it another name")
    parent = library.template(base)  # unknown base -> LibraryError with a suggestion
    folder = into / "templates" / name
    blocks = "\n".join(f"     {{% block {b} %}}...{{% endblock %}}" for b in _blocks(library, base))
    meta = f"""\
# A statute template for drafter. Check it with: drafter check-library {into}
# It extends {base!r} ({parent.title}): every question of {base!r} is asked as well, and
# statute.j2 replaces only the blocks it names. A question below with the same name as one of
# {base!r} replaces it (e.g. to change a default or tighten a maximum).
name: {name}
title: {parent.title}
description: >
  Describe what this template drafts and for which legal system.
language: {parent.language}
extends: {base}
entry: statute.j2
questions: []
#  - name: state.region_name          # dotted names are nested keys in the answers file
#    type: string                     # string, text, bool, int, number, choice, list
#    help: What the drafter is asked.
#    default: null
#    when: tiers.hatred               # only asked when this expression is true
"""
    entry = f"""\
{{% extends "{base}/{parent.entry}" %}}
{{#- Replace only the blocks your drafting style needs; the others come from {base!r}.
   Inside a block: clause("category.id", param=value) inserts a library clause,
   ref("label") a cross-reference, term("name") a defined term, and {{{{ super() }}}} the
   block as {base!r} writes it. The blocks you can replace:
{blocks}
   For example, to add a clause of your own library after the offences:
     {{% block offences %}}{{{{ super() }}}}{{{{ clause("offence.my_offence") }}}}{{% endblock %}}
-#}}
"""
    files = {folder / "template.yaml": meta, folder / "statute.j2": entry}
    # Offer every language the base offers, each entry extending the base's entry in the same
    # language, so that a French draft keeps working (check-library compares the entries).
    if parent.languages:
        meta += "languages:\n"
    for code, version in sorted(parent.languages.items()):
        own_entry = f"statute.{code}.j2"
        meta += (
            f"  {code}:\n    entry: {own_entry}\n    title: {json.dumps(version.title, ensure_ascii=False)}\n"
            "    # defaults:                  # this language's defaults of text questions\n"
            "    #   state.legislature: ...\n"
        )
        files[folder / own_entry] = entry.replace(
            f'{{% extends "{base}/{parent.entry}" %}}',
            f'{{% extends "{base}/{version.entry}" %}}',
            1,
        ).replace(
            "The blocks you can replace",
            f"The {code} entry; replace the same blocks as statute.j2",
            1,
        )
    files[folder / "template.yaml"] = meta
    return files


def clause_files(into: Path, clause_id: str, library) -> dict[Path, str]:
    """Return the file of a new clause: a copy of the built-in one, or a commented skeleton."""
    from ..library import CATEGORIES, CLAUSE_SCHEMA

    if not re.match(CLAUSE_SCHEMA["properties"]["id"]["pattern"], clause_id):
        raise LibraryError(f"clause id {clause_id!r}: write it as category.name (offence.my_name)")
    category = clause_id.split(".")[0]
    if category not in CATEGORIES:
        raise LibraryError(
            f"clause id {clause_id!r}: the category {category!r} is not one of "
            f"{', '.join(CATEGORIES)}"
        )
    path = into / "clause_library" / category / f"{clause_id}.j2"
    existing = {c.id: c for c in library.clauses(language="en")}
    if clause_id in existing and existing[clause_id].path is not None:
        # Overriding: start from the clause the team replaces, so only deliberate edits differ.
        text = existing[clause_id].path.read_text(encoding="utf-8")
        note = (
            f"# This file overrides the built-in clause {clause_id!r} wherever the folder is on\n"
            "# the library path (--library DIR). Keep the id, the parameters the templates pass,\n"
            "# and the label; change the wording. Check with: drafter check-library DIR\n"
        )
        return {path: text.replace("---\n", "---\n" + note, 1)}
    kind = KIND_OF.get(category, "general")
    label = clause_id.split(".", 1)[1]
    if category == "definitions":
        body = (
            f'::item "{label.replace("_", " ")}" means ... (one item: the assembler gathers the\n'
            "definitions of the terms a draft uses into one article, alphabetically).\n"
        )
        params, used, introduces = "parameters: []\n", "", f"[{label}]"
    else:
        params = """\
parameters:
  - name: max_years                     # string, text, bool, int, number, choice, list
    type: int
    default: 2
    min: 1
    max: 5                              # keep bounds to STANDARDS.md's comparable figures
    help: Maximum term of imprisonment in years.
"""
        used = "{{ max_words(max_years) }}"
        introduces = "[]"
        body = (
            f"::article {label.replace('_', ' ').capitalize()} "
            f"{{label={label} kind={kind} clause={clause_id}}}\n"
            "::para Replace this text with the provision, in statute markup: one ::para per\n"
            f"numbered paragraph, ::item for each lettered item. Maximum term: {used} years.\n"
        )
    text = f"""\
---
# A clause for drafter. Check it with: drafter check-library DIR
# Every parameter declared must be used in the text, and every variable used declared; an
# optional parameter (required: false) must be guarded: {{% if name %}}...{{% endif %}}.
# In the text (docs/markup.md): [[term:genocide]] marks a defined term (list it in uses:),
# {{{{ ref("label") }}}} a cross-reference, {{{{ max_words(n) }}}} writes "five (5)".
id: {clause_id}
title: {label.replace("_", " ").capitalize()}
category: {category}
language: en
variant_of: null                        # or the id of the clause this is an alternative to
{params}introduces: {introduces}                         # defined terms this clause defines
uses: []                                # defined terms it uses ([[term:...]] markers)
sources: []                             # authority ids from drafter.standards, e.g. [RABAT]
satisfies: []                           # lint rule codes it answers, e.g. [DR201]
commentary: >
  Why the clause is drafted this way, in one paragraph, for the explanatory memorandum.
---
{body}"""
    return {path: text}


@click.group()
def new() -> None:
    """Scaffold a commented template or clause in a library folder."""


@new.command("template")
@click.argument("name")
@click.option("--from", "base", default="incitement-act", show_default=True,
              help="The template to extend.")  # fmt: skip
@click.option("--into", required=True, type=click.Path(path_type=Path, file_okay=False),
              help="The library folder to create it in.")  # fmt: skip
def new_template(name: str, base: str, into: Path) -> int:
    """Create INTO/templates/NAME extending the template BASE (refuses to overwrite)."""
    from ..library import Library

    extra = [into] if (into / "templates").is_dir() or (into / "clause_library").is_dir() else []
    _write_all(template_files(into, name, base, Library(extra)))
    return 0


@new.command("clause")
@click.argument("clause_id", metavar="ID")
@click.option("--into", required=True, type=click.Path(path_type=Path, file_okay=False),
              help="The library folder to create it in.")  # fmt: skip
def new_clause(clause_id: str, into: Path) -> int:
    """Create INTO/clause_library/<category>/ID.j2: a copy of the built-in ID, or a skeleton."""
    from ..library import Library

    _write_all(clause_files(into, clause_id, Library()))
    return 0


__all__ = ["clause_files", "new", "template_files"]
