"""Records for the clause library and templates, and the result of assembling a draft.

Loading, searching and validation live in library.py; these records are what the writers
(the Word document, the memorandum, Markdown) and the CLI read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .model import Statute


@dataclass
class Parameter:
    """A typed parameter of a clause, or a question of a template (same fields)."""

    name: str  # may be dotted for nested answers: "state.name"
    type: str  # string, text, bool, int, number, choice, list
    help: str = ""
    default: Any = None
    required: bool = True  # a required value with no default must be answered
    choices: list[Any] | None = None
    min: float | None = None
    max: float | None = None
    when: str | None = None  # a Jinja expression over the other answers: ask only if true


@dataclass
class Clause:
    """One clause of the library: metadata from its front matter, Jinja text after it."""

    id: str
    title: str
    category: str
    language: str
    parameters: list[Parameter]
    introduces: list[str]  # defined terms this clause defines
    uses: list[str]  # defined terms this clause uses
    sources: list[str]  # authority ids (drafter.standards)
    commentary: str  # for the explanatory memorandum
    satisfies: list[str] = field(default_factory=list)  # lint rule codes it satisfies
    variant_of: str | None = None  # a clause it is an alternative to
    body: str = ""  # the Jinja source of the clause text (statute markup)
    path: Path | None = None
    body_line: int = 1  # line of the file where the body starts (for error messages)
    origin: str = "built-in"  # which library folder it came from


@dataclass
class TemplateLanguage:
    """A language a template offers besides its default: entry file, title, string defaults."""

    entry: str
    title: str
    description: str = ""
    defaults: dict[str, Any] = field(default_factory=dict)  # question name -> default
    help: dict[str, str] = field(default_factory=dict)  # question name -> help text


@dataclass
class Template:
    """A statute template: metadata, questions and its Jinja entry file."""

    name: str
    title: str
    description: str
    language: str
    questions: list[Parameter]
    entry: str  # Jinja file name relative to the template folder, e.g. "statute.j2"
    extends: str | None = None
    path: Path | None = None  # the template folder
    origin: str = "built-in"
    languages: dict[str, TemplateLanguage] = field(default_factory=dict)  # other languages


@dataclass
class ClauseUse:
    """A clause included in a draft, with the parameter values it was rendered with."""

    clause_id: str
    params: dict[str, Any]
    article_label: str | None = None


@dataclass
class Draft:
    """The result of assembling a template with answers."""

    statute: Statute
    template: Template
    answers: dict[str, Any]
    uses: list[ClauseUse]
    clauses: dict[str, Clause]  # every clause used, by id
    markup: str = ""  # the statute markup before parsing, for debugging
    library_version: str = ""
