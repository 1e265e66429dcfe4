"""The languages a template offers: its ``languages:`` block and the version in each language.

A template drafts in its own ``language`` with its ``entry``; ``languages:`` in template.yaml adds
others, each with its entry file, title, description, and defaults and help for questions. The
questions themselves (names, types, bounds, conditions) are shared, so one answers file drafts
every version.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from .errors import LibraryError
from .library_model import Parameter, Template, TemplateLanguage


def offered_languages(template: Template) -> list[str]:
    """Return the languages a template can be drafted in, its default one first."""
    return [template.language] + sorted(set(template.languages) - {template.language})


def language_versions(
    path: Path, raw: dict, questions: list[Parameter], base: Template | None
) -> dict[str, TemplateLanguage]:
    """Check a template's ``languages:`` block and return one TemplateLanguage per language.

    Defaults of string questions are per language; a language's defaults start from those the
    parent template gives for it, so that the base's French defaults reach its children.
    """
    from .answers import check_value  # both import library.py: keep them lazy
    from .library import did_you_mean

    folder = path.parent
    by_name = {q.name: q for q in questions}
    out: dict[str, TemplateLanguage] = {}
    for code, spec in raw.items():
        where = f"{path}: languages.{code}"
        if not (folder / spec["entry"]).is_file():
            raise LibraryError(f"{where}: entry file {spec['entry']!r} not found in {folder}")
        inherited = base.languages[code].defaults if base and code in base.languages else {}
        defaults = dict(inherited)
        for name, value in (spec.get("defaults") or {}).items():
            question = by_name.get(str(name))
            if question is None:
                hint = did_you_mean(str(name), by_name)
                raise LibraryError(f"{where}.defaults: unknown question {name!r}{hint}")
            if question.type not in ("string", "text"):
                raise LibraryError(
                    f"{where}.defaults: {name!r} is a {question.type} question; only string "
                    "and text questions have a default per language"
                )
            problem = check_value(question, value)
            if problem:
                raise LibraryError(f"{where}.defaults: {name!r}: {problem}")
            defaults[name] = value
        helps = dict(base.languages[code].help) if base and code in base.languages else {}
        for name, text in (spec.get("help") or {}).items():
            if name not in by_name:
                hint = did_you_mean(str(name), by_name)
                raise LibraryError(f"{where}.help: unknown question {name!r}{hint}")
            helps[name] = text
        description = " ".join(str(spec.get("description") or "").split())
        out[code] = TemplateLanguage(spec["entry"], spec["title"], description, defaults, helps)
    return out


def template_version(template: Template, language: str) -> Template:
    """Return a template as drafted in one of its other languages.

    The result has that language's entry file, title, description, defaults and help, and
    lists the template's own language among its other languages.
    """
    version = template.languages[language]
    questions = [
        dataclasses.replace(
            q,
            default=version.defaults.get(q.name, q.default),
            help=version.help.get(q.name, q.help),
        )
        for q in template.questions
    ]
    # The version keeps the other languages, its own default language among them.
    own = TemplateLanguage(
        template.entry,
        template.title,
        template.description,
        {q.name: q.default for q in template.questions if q.name in version.defaults},
        {q.name: q.help for q in template.questions if q.name in version.help},
    )
    others = {code: v for code, v in template.languages.items() if code != language}
    return dataclasses.replace(
        template,
        title=version.title,
        description=version.description or template.description,
        language=language,
        entry=version.entry,
        questions=questions,
        languages={template.language: own, **others},
    )
