"""The explanatory memorandum's content as plain data, built from a Draft.

Pure: no docx, no files. The Word writer (docx_write.memo_docx) only lays this out, so the
content can be tested, and written in other formats later, without Word.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .library_model import Clause, ClauseUse, Draft
from .model import Article
from .standards import AUTHORITIES, authority_title

# The memorandum's fixed words, by language (a language without an entry uses English).
LABELS = {
    "en": {
        "title": "Explanatory memorandum",
        "introduction": "Introduction",
        "answer_key": "Answer key",
        "question": "Question",
        "answer": "Answer",
        "articles": "The articles",
        "no_clause": "Written in the template; no library clause.",
        "clause": "Clause: ",
        "why": "Why: ",
        "standards": "Standards:",
        "options": "Options chosen:",
        "default": "(default)",
        "authorities": "Table of authorities",
        "id": "Id",
        "authority": "Authority",
        "cited_for": "Cited for",
        "no_authority": "No authority is cited.",
        "yes": "yes",
        "no": "no",
        "not_given": "(not given)",
        "none": "(none)",
    },
    "fr": {
        "title": "Exposé des motifs",
        "introduction": "Introduction",
        "answer_key": "Clé de réponse",
        "question": "Question",
        "answer": "Réponse",
        "articles": "Commentaire des articles",
        "no_clause": "Rédigé dans le modèle ; aucune clause de la bibliothèque.",
        "clause": "Clause : ",
        "why": "Motifs : ",
        "standards": "Normes internationales :",
        "options": "Options retenues :",
        "default": "(par défaut)",
        "authorities": "Table des sources",
        "id": "Identifiant",
        "authority": "Source",
        "cited_for": "Citée pour",
        "no_authority": "Aucune source n'est citée.",
        "yes": "oui",
        "no": "non",
        "not_given": "(non renseigné)",
        "none": "(aucun)",
    },
}
MEMO_TITLE = LABELS["en"]["title"]


def labels_for(language: str) -> dict[str, str]:
    """Return the memorandum's fixed words in a language (English if it has none)."""
    return LABELS.get(language, LABELS["en"])


@dataclass
class Authority:
    """An authority cited, with its full name and the articles that rely on it."""

    id: str
    title: str
    articles: list[str] = field(default_factory=list)  # captions, e.g. "Article 3"


@dataclass
class Option:
    """One parameter value a clause was rendered with."""

    name: str
    value: str
    help: str = ""
    is_default: bool = False


@dataclass
class ClauseNote:
    """Why one library clause reads as it does, and the options chosen for it."""

    id: str
    title: str
    commentary: str
    authorities: list[Authority]
    options: list[Option]


@dataclass
class ArticleNote:
    """The memorandum's entry for one article of the draft."""

    caption: str
    heading: str
    clauses: list[ClauseNote]  # empty for an article written directly in the template


@dataclass
class Memo:
    """The whole memorandum: introduction, one note per article, table of authorities."""

    title: str
    statute_title: str
    introduction: list[str]
    answers: list[tuple[str, str, str]]  # (answers-file key, question, answer as printed)
    articles: list[ArticleNote]
    authorities: list[Authority]
    labels: dict[str, str] = field(default_factory=lambda: dict(LABELS["en"]))
    language: str = "en"


def format_value(value: Any, language: str = "en") -> str:
    """Return an answer or parameter value as a lawyer would read it."""
    words = labels_for(language)
    if isinstance(value, bool):
        return words["yes"] if value else words["no"]
    if value is None:
        return words["not_given"]
    if isinstance(value, (list, tuple)):
        return "; ".join(format_value(v, language) for v in value) or words["none"]
    if isinstance(value, dict):
        pairs = (f"{k}: {format_value(v, language)}" for k, v in value.items())
        return "; ".join(pairs) or words["none"]
    return str(value)


def _lookup(answers: dict[str, Any], dotted: str) -> tuple[bool, Any]:
    """Return (found, value) for a dotted question name in nested answers."""
    node: Any = answers
    for key in dotted.split("."):
        if not isinstance(node, dict) or key not in node:
            return False, None
        node = node[key]
    return True, node


def _answers_summary(draft: Draft) -> list[tuple[str, str, str]]:
    """List each template question that was answered, in the template's order."""
    rows = []
    for question in draft.template.questions:
        found, value = _lookup(draft.answers, question.name)
        if found:  # a question skipped by its `when` condition has no answer
            help_text = " ".join(question.help.split())
            rows.append((question.name, help_text, format_value(value, draft.statute.language)))
    return rows


def _authority(authority_id: str, language: str = "en") -> Authority:
    """Return an authority with its title in the memorandum's language."""
    # Library validation rejects unknown ids; print the bare id rather than fail if one slips by.
    title = authority_title(authority_id, language) if authority_id in AUTHORITIES else None
    return Authority(authority_id, title or authority_id)


def _clause_note(clause: Clause, use: ClauseUse | None, language: str = "en") -> ClauseNote:
    params = {p.name: p for p in clause.parameters}
    options = []
    for name, value in (use.params if use else {}).items():
        param = params.get(name)
        options.append(
            Option(
                name=name,
                value=format_value(value, language),
                help=param.help.strip() if param else "",
                is_default=param is not None and param.default == value,
            )
        )
    return ClauseNote(
        id=clause.id,
        title=clause.title,
        commentary=" ".join(clause.commentary.split()),
        authorities=[_authority(a, language) for a in clause.sources],
        options=options,
    )


def _use_for(draft: Draft, clause_id: str, article: Article) -> ClauseUse | None:
    """Return the use of a clause in this article (a clause may be used in several)."""
    candidates = [u for u in draft.uses if u.clause_id == clause_id]
    for use in candidates:
        if article.label and use.article_label == article.label:
            return use
    return candidates[0] if candidates else None


def _clauses_of(article: Article, draft: Draft) -> list[ClauseNote]:
    """Return the clauses an article was built from: its own clause, then any placed in it."""
    notes: list[ClauseNote] = []
    seen: set[str] = set()
    ids = [article.clause] if article.clause else []
    # Clauses rendered into this article (e.g. one definition clause per defined term).
    ids += [u.clause_id for u in draft.uses if article.label and u.article_label == article.label]
    for clause_id in ids:
        if clause_id in seen or clause_id not in draft.clauses:
            continue
        seen.add(clause_id)
        use = _use_for(draft, clause_id, article)
        notes.append(_clause_note(draft.clauses[clause_id], use, draft.statute.language))
    return notes


def _introduction(draft: Draft) -> list[str]:
    statute = draft.statute
    template = draft.template
    if statute.language == "fr":
        return _introduction_fr(draft)
    version = f" (version {draft.library_version})" if draft.library_version else ""
    count = len(statute.articles)
    opening = (
        f"This memorandum accompanies the draft {statute.title or template.title}. It was "
        f"assembled by drafter from the template \u201c{template.title}\u201d "
        f"({template.name}) and the clause library{version}, with the answers listed below."
    )
    plan = (
        f"For each of the {count} articles it names the library clause the article comes from, "
        "explains why the clause is drafted that way, gives the international standards behind "
        "it and the options chosen. A table of the authorities cited closes the memorandum."
    )
    status = (
        "The memorandum explains the draft; it is not part of the law and does not replace "
        "the review of the draft by the State's own legislative drafters."
    )
    return [opening, plan, status]


def _introduction_fr(draft: Draft) -> list[str]:
    statute = draft.statute
    template = draft.template
    version = f" (version {draft.library_version})" if draft.library_version else ""
    opening = (
        "Le présent exposé des motifs accompagne le projet de texte intitulé "
        f"«\u00a0{statute.title or template.title}\u00a0». "
        f"Il a été établi par drafter à partir du modèle «\u00a0{template.title}\u00a0» "
        f"({template.name}) et de la bibliothèque de clauses{version}, avec les réponses "
        "reproduites ci-dessous."
    )
    plan = (
        f"Pour chacun des {len(statute.articles)} articles, il indique la clause de la "
        "bibliothèque dont l'article est issu, explique les motifs de sa rédaction, cite les "
        "normes internationales sur lesquelles il repose et les options retenues. Une table "
        "des sources citées clôt l'exposé."
    )
    status = (
        "Le présent exposé explique le projet ; il ne fait pas partie de la loi et ne remplace "
        "pas l'examen du projet par les légistes de l'État."
    )
    return [opening, plan, status]


def build_memo(draft: Draft) -> Memo:
    """Build the memorandum's content from an assembled draft."""
    statute = draft.statute
    articles: list[ArticleNote] = []
    cited: dict[str, Authority] = {}
    for article in statute.articles:
        clauses = _clauses_of(article, draft)
        articles.append(ArticleNote(article.caption, article.heading or "", clauses))
        for note in clauses:
            for auth in note.authorities:
                entry = cited.setdefault(auth.id, Authority(auth.id, auth.title))
                if article.caption not in entry.articles:
                    entry.articles.append(article.caption)
    # The table follows the canonical order of the standards table, unknown ids last.
    order = {key: i for i, key in enumerate(AUTHORITIES)}
    table = sorted(cited.values(), key=lambda a: (order.get(a.id, len(order)), a.id))
    labels = labels_for(statute.language)
    return Memo(
        title=labels["title"],
        statute_title=statute.title or draft.template.title,
        introduction=_introduction(draft),
        answers=_answers_summary(draft),
        articles=articles,
        authorities=table,
        labels=dict(labels),
        language=statute.language,
    )
