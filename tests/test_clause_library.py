"""Checks of the built-in clause library: metadata, parameters, terms, rendering, legal content.

The clauses are read directly from clause_library/ (not through drafter.library) so that this
test pins the file format of docs/architecture.md and does not depend on the loader.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
import pytest
import yaml
from jinja2 import meta
from jinja2.sandbox import SandboxedEnvironment

from drafter.markup import REF, parse_markup, terms_used
from drafter.model import ArticleKind
from drafter.standards import AUTHORITIES

ROOT = Path(__file__).resolve().parent.parent
LIBRARY = ROOT / "clause_library"
CATALOGUE = ROOT / "docs" / "architecture.md"


def names(text: str) -> set[str]:
    """Return the whitespace-separated names of a string as a set."""
    return set(re.findall(r"\S+", text))


CATEGORIES = names(
    "general definitions offence assessment exceptions sanctions legal_persons age authority "
    "procedure temporal review final"
)
# The article kind each category renders to; "definitions" render items, not articles.
KIND_OF = {
    "general": {"general"},
    "offence": {"offence"},
    "assessment": {"procedure"},
    "exceptions": {"exceptions"},
    "sanctions": {"sanction"},
    "legal_persons": {"sanction"},
    "age": {"general"},
    "authority": {"procedure"},
    "procedure": {"procedure"},
    "temporal": {"general", "procedure"},
    "review": {"final"},
    "final": {"final"},
}


REQUIRED_KEYS = names(
    "id title category language label variant_of parameters introduces uses sources "
    "satisfies commentary"
)
PARAM_TYPES = {"string", "text", "bool", "int", "number", "choice", "list"}
HELPERS = {"ref", "term", "max_words"}
ARTICLE_LINE = re.compile(r"^::article\s+(.*)$", re.MULTILINE)

# One clause (or a choice of variants) for every element of "What a good law contains".
REQUIRED_ELEMENTS: dict[str, set[str]] = {
    "purpose and scope": names("general.purpose general.scope"),
    "definitions": {
        f"definitions.{t}"
        for t in names(
            "genocide protected_group incitement publicly hatred hostility discrimination "
            "violence court final_judgment prosecutor"
        )
    },
    "incitement to genocide": names("offence.incitement_genocide"),
    "incitement to hatred": names("offence.incitement_hatred"),
    "qualified denial": names("offence.denial_qualified"),
    "assessment factors": names("assessment.rabat_factors"),
    "exceptions": names("exceptions.protected_expression"),
    "sanctions": names("sanctions.non_custodial sanctions.sentencing sanctions.graduated"),
    "legal persons": names("legal_persons.liability legal_persons.dissolution"),
    "minimum age": names("age.minimum_age age.no_vicarious_liability"),
    "independent authority": names(
        "authority.prosecutor_consent authority.commission_referral "
        "authority.judicial_determination"
    ),
    "appeal and reasons": names("procedure.appeal_and_reasons procedure.fair_trial"),
    "non-retroactivity, limitation": names("temporal.non_retroactivity temporal.limitation"),
    "review and reporting": names("review.statistics review.independent_review review.sunset"),
    "entry into force": names(
        "final.entry_into_force final.short_title final.repeal final.transitional"
    ),
}
# Labels a clause may refer to without a bool guard: they are in every statute.
CORE_LABELS = {"incitement_genocide"}
# Phrases that the linter flags inside offence articles (see docs/architecture.md).
OFFENCE_BANNED = [
    r"\bany act",
    r"\bany behaviou?r",
    r"\bby any means",
    r"\bdirectly or indirectly",
    r"\band/or\b",
    r"\bideolog",
    r"\bin peace or in war",
    r"\bwhatever the circumstances",
    r"\bincluding but not limited to",
    r"\bin any manner",
    r"\bnot less than",
    r"\bat least\b",
    r"\bminimum\b",
    r"\bdoubled?\b",
    r"\blife imprisonment",
    r"\bnegligen",
    r"\breckless",
    r"\binsult",
    r"\bdefam",
    r"\bmock",
    r"\bdespis",
    r"\bhumiliat",
    r"\bdivisionism",
    r"\bsectarian",
    r"\bnational unity",
    r"\bsocial harmony",
    r"\btending to",
    r"\baimed at",
]
SAMPLE_STRINGS = {
    "law_title": "Law No. 00/2000 of 1 January 2000 on the Crime of Genocide Ideology",
    "provisions": "articles 3 to 12",
}
NUMBER_WORDS = re.findall(
    r"\w+",
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen",
)
TENS = re.findall(r"\w+", "_ _ twenty thirty forty fifty sixty seventy eighty ninety")


def words(n: int) -> str:
    """Spell out 0..999 in English (a stand-in for the assembler's helper)."""
    if n < 20:
        return NUMBER_WORDS[n]
    if n < 100:
        return TENS[n // 10] + ("" if n % 10 == 0 else "-" + NUMBER_WORDS[n % 10])
    rest = n % 100
    return f"{NUMBER_WORDS[n // 100]} hundred" + (f" and {words(rest)}" if rest else "")


def ref(label: str, paragraph: int | None = None, item: str | None = None) -> str:
    """Stand-in for the assembler's ref() helper."""
    parts = [label] + [str(p) for p in (paragraph, item) if p is not None]
    return f"[[ref:{'/'.join(parts)}]]"


def term(name: str, form: str | None = None) -> str:
    """Stand-in for the assembler's term() helper."""
    return f"[[term:{name}|{form}]]" if form else f"[[term:{name}]]"


ENV = SandboxedEnvironment(
    undefined=jinja2.StrictUndefined, keep_trailing_newline=True, lstrip_blocks=True
)
ENV.globals.update(ref=ref, term=term, max_words=lambda n: f"{words(int(n))} ({int(n)})")


@dataclass
class ClauseFile:
    """A clause file split into its front matter and its Jinja body."""

    path: Path
    meta: dict[str, Any]
    body: str

    @property
    def id(self) -> str:
        """Return the clause id from the front matter."""
        return self.meta["id"]

    @property
    def params(self) -> dict[str, dict[str, Any]]:
        """Return the parameters by name."""
        return {p["name"]: p for p in self.meta["parameters"]}

    @property
    def is_definition(self) -> bool:
        """Return whether the clause renders a definition item."""
        return self.meta["category"] == "definitions"


def read_clause(path: Path) -> ClauseFile:
    """Split a clause file at its front-matter delimiters."""
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n"), f"{path.name}: no front matter"
    front, sep, body = text[4:].partition("\n---\n")
    assert sep, f"{path.name}: front matter not closed"
    data = yaml.safe_load(front)
    assert isinstance(data, dict), f"{path.name}: front matter is not a mapping"
    return ClauseFile(path, data, body)


# The English clauses; French versions (<id>.fr.j2) are checked against them in test_clause_library_fr.py.
CLAUSES = [read_clause(p) for p in sorted(LIBRARY.rglob("*.j2")) if not p.name.endswith(".fr.j2")]
BY_ID = {c.id: c for c in CLAUSES}
IDS = [c.id for c in CLAUSES]


def catalogue_codes() -> set[str]:
    """Return the rule codes listed in the catalogue of docs/architecture.md."""
    text = CATALOGUE.read_text(encoding="utf-8").split("## Rule catalogue", 1)[1]
    return set(re.findall(r"\b(DR\d{3})\s+[a-z]", text))


def default_values(clause: ClauseFile) -> dict[str, Any]:
    """Return every parameter's default, or a sample value for a required one."""
    values = {}
    for name, p in clause.params.items():
        values[name] = p["default"] if "default" in p else SAMPLE_STRINGS[name]
    return values


def value_sets(clause: ClauseFile) -> list[dict[str, Any]]:
    """Return the defaults plus every combination of bools and int bounds."""
    base = default_values(clause)
    axes = []
    for name, p in clause.params.items():
        if p["type"] == "bool":
            axes.append([(name, True), (name, False)])
        elif p["type"] == "int":
            axes.append([(name, p["min"]), (name, p["max"])])
    sets = [base]
    for combo in itertools.product(*axes):
        sets.append({**base, **dict(combo)})
    return sets


def render(clause: ClauseFile, values: dict[str, Any]) -> str:
    """Render a clause body with the stand-in helpers."""
    return ENV.from_string(clause.body).render(**values)


def parse_rendered(clause: ClauseFile, markup: str):
    """Parse rendered markup, adding a dummy article for definitions and each label referred to."""
    if clause.is_definition:
        markup = f"::article Definitions {{label=defs kind=definitions}}\n{markup}"
    own = clause.meta["label"]
    for label in sorted({m.group(1) for m in REF.finditer(markup)} - {own}):
        markup += f"::article Target {{label={label} kind=general}}\n::para Text.\n"
    return parse_markup(markup)


def test_library_is_large_enough():
    assert len(CLAUSES) >= 34
    assert len(set(IDS)) == len(IDS), "duplicate clause ids"


@pytest.mark.parametrize("clause", CLAUSES, ids=IDS)
def test_front_matter(clause: ClauseFile):
    m = clause.meta
    assert REQUIRED_KEYS <= set(m), f"missing keys: {REQUIRED_KEYS - set(m)}"
    assert m["id"] == clause.path.stem
    category, _, name = m["id"].partition(".")
    assert category == m["category"] == clause.path.parent.name
    assert category in CATEGORIES and re.fullmatch(r"[a-z_]+", name)
    assert m["language"] == "en"
    assert m["title"].strip() and len(m["commentary"].split()) >= 40
    assert m["sources"] and set(m["sources"]) <= set(AUTHORITIES)
    assert set(m["satisfies"]) <= catalogue_codes()
    assert clause.body.endswith("\n")


@pytest.mark.parametrize("clause", CLAUSES, ids=IDS)
def test_parameters(clause: ClauseFile):
    for p in clause.meta["parameters"]:
        assert re.fullmatch(r"[a-z_]+", p["name"]) and p["type"] in PARAM_TYPES
        assert p.get("help", "").strip(), f"{p['name']}: no help"
        if "default" not in p:
            assert p.get("required") is True and p["type"] == "string"
            continue
        value = p["default"]
        if p["type"] == "bool":
            assert isinstance(value, bool)
        elif p["type"] == "int":
            assert isinstance(value, int) and not isinstance(value, bool)
            assert p["min"] <= value <= p["max"], f"{p['name']}: default outside bounds"
        elif p["type"] in ("string", "text"):
            assert isinstance(value, str) and value.strip()


@pytest.mark.parametrize("clause", CLAUSES, ids=IDS)
def test_variables_are_declared_parameters(clause: ClauseFile):
    used = meta.find_undeclared_variables(ENV.parse(clause.body)) - HELPERS
    declared = set(clause.params)
    assert used <= declared, f"undeclared: {used - declared}"
    assert declared <= used, f"declared but unused: {declared - used}"


@pytest.mark.parametrize("clause", CLAUSES, ids=IDS)
def test_terms_are_declared_and_defined(clause: ClauseFile):
    markers = terms_used(clause.body)
    assert markers == set(clause.meta["uses"])
    for name in markers:
        assert f"definitions.{name}" in BY_ID, f"no definition clause for {name}"
    if clause.is_definition:
        term_name = clause.id.split(".", 1)[1]
        assert clause.meta["introduces"] == [term_name]
        assert term_name not in markers, "a definition must not use its own term"
    else:
        assert clause.meta["introduces"] == []


@pytest.mark.parametrize("clause", CLAUSES, ids=IDS)
def test_label_and_article_line(clause: ClauseFile):
    lines = ARTICLE_LINE.findall(clause.body)
    if clause.is_definition:
        assert clause.meta["label"] is None and lines == []
        assert clause.body.lstrip().startswith("::item ")
        return
    assert len(lines) == 1, "exactly one ::article line"
    attrs = dict(a.split("=", 1) for a in re.search(r"\{([^{}]*)\}", lines[0]).group(1).split())
    assert attrs["label"] == clause.meta["label"]
    assert attrs["clause"] == clause.id
    assert attrs["kind"] in KIND_OF[clause.meta["category"]]


def test_labels_unique_except_between_variants():
    seen: dict[str, str] = {}
    for c in CLAUSES:
        label = c.meta["label"]
        if label is None:
            continue
        base = c.meta["variant_of"] or c.id
        assert seen.setdefault(label, base) == base, f"label {label} reused by {c.id}"


@pytest.mark.parametrize("clause", [c for c in CLAUSES if c.meta["variant_of"]], ids=str)
def test_variants(clause: ClauseFile):
    base = BY_ID[clause.meta["variant_of"]]
    assert base.meta["variant_of"] is None
    assert base.meta["category"] == clause.meta["category"]
    assert base.meta["label"] == clause.meta["label"], "variants share the label they replace"


def test_every_required_element_is_covered():
    missing = {k: v - set(IDS) for k, v in REQUIRED_ELEMENTS.items() if v - set(IDS)}
    assert not missing


@pytest.mark.parametrize("clause", CLAUSES, ids=IDS)
def test_renders_to_valid_markup(clause: ClauseFile):
    for values in value_sets(clause):
        markup = render(clause, values)
        assert markup.endswith("\n")
        assert "{{" not in markup and "{%" not in markup
        statute = parse_rendered(clause, markup)
        article = statute.articles[0]
        if clause.is_definition:
            assert article.paragraphs[0].level == 1
            assert len([p for p in article.paragraphs if p.level == 1]) == 1
        else:
            assert article.label == clause.meta["label"]
            assert article.clause == clause.id and article.heading
            assert article.kind in {ArticleKind(k) for k in KIND_OF[clause.meta["category"]]}
        for para in article.paragraphs:
            assert "[[" not in para.text and para.text.strip()
            ending = para.text.endswith(("; and", "; or")) or para.text[-1] in ".;:"
            assert ending, f"unterminated text: {para.text[-40:]!r}"


@pytest.mark.parametrize("clause", CLAUSES, ids=IDS)
def test_references_are_guarded(clause: ClauseFile):
    """With every bool parameter false, only labels present in every statute remain."""
    values = default_values(clause)
    values.update({n: False for n, p in clause.params.items() if p["type"] == "bool"})
    labels = {m.group(1) for m in REF.finditer(render(clause, values))}
    assert labels <= CORE_LABELS | {clause.meta["label"]}


def printed_text(clause_id: str) -> str:
    """Return the printed heading and text of a clause's article under its defaults."""
    clause = BY_ID[clause_id]
    article = parse_rendered(clause, render(clause, default_values(clause))).articles[0]
    return f"{article.heading}\n{article.text}"


@pytest.mark.parametrize("clause_id", [c for c in IDS if c.startswith("offence.")])
def test_offences_have_every_element(clause_id: str):
    text = printed_text(clause_id)
    low = text.lower()
    assert "intentionally" in low and "with intent" in low
    assert "publicly" in low
    # The nexus: a harm the speech must incite (genocide is itself the gravest such harm).
    assert re.search(r"\b(violence|discrimination|hostility|commit genocide)\b", low)
    years = BY_ID[clause_id].params["max_years"]["default"]
    assert f"not exceeding {words(years)} ({years}) years" in low
    assert re.search(r"or to a fine", low), "a fine alternative"
    for pattern in OFFENCE_BANNED:
        assert not re.search(pattern, low), f"offence text matches {pattern!r}"


def test_offence_caps_follow_comparable_laws():
    caps = {c: BY_ID[c].params["max_years"] for c in IDS if c.startswith("offence.")}
    assert caps["offence.incitement_genocide"]["max"] == 8
    assert caps["offence.incitement_hatred"]["max"] <= 3
    assert caps["offence.denial_qualified"]["max"] <= 3
    graded = BY_ID["sanctions.graduated"].params
    for key, offence in (
        ("genocide", "incitement_genocide"), ("hatred", "incitement_hatred"),
        ("denial", "denial_qualified"),
    ):  # fmt: skip
        mine, theirs = graded[f"{key}_max_years"], caps[f"offence.{offence}"]
        assert (mine["default"], mine["min"], mine["max"]) == (
            theirs["default"],
            theirs["min"],
            theirs["max"],
        )


def test_genocide_definition_mirrors_the_convention():
    text = render(BY_ID["definitions.genocide"], {}).lower()
    assert "national, ethnical, racial or religious group, as such" in text
    assert "intent to destroy, in whole\nor in part" in text or "in whole or in part" in text
    acts = re.findall(r"^::subitem (.*)", text, re.MULTILINE)
    assert len(acts) == 5
    for word in ("political", "region", "social", "opinion"):
        assert word not in text


def test_no_and_or_anywhere():
    for c in CLAUSES:
        assert "and/or" not in c.body.lower(), c.id


def test_denial_is_limited_to_adjudicated_genocide():
    text = BY_ID["offence.denial_qualified"].body
    assert "final_judgment" in text and "likely to" in text and "with intent" in text
    definition = BY_ID["definitions.final_judgment"].body
    assert "court" in definition and "legislative or executive body does not qualify" in definition


def test_minimum_age_floor_and_juvenile_branch():
    clause = BY_ID["age.minimum_age"]
    assert clause.params["min_age"]["min"] >= 14
    assert "juvenile" in render(clause, {"min_age": 14})
    assert "juvenile" not in render(clause, {"min_age": 18})


@pytest.mark.parametrize("clause", CLAUSES, ids=IDS)
def test_units_agree_in_number(clause: ClauseFile):
    for values in value_sets(clause):
        text = " ".join(render(clause, values).split())
        assert not re.search(r"\bone \(1\) (?:years|months|days)\b", text)
        assert not re.search(r"\((?:[2-9]|\d\d+)\) (?:year|month|day)\b", text)


def test_strict_rendering_catches_a_missing_parameter():
    with pytest.raises(jinja2.UndefinedError):
        render(BY_ID["offence.incitement_genocide"], {})


def test_loader_accepts_every_clause():
    """The library loader (drafter.library) reads every file with the same metadata."""
    library = pytest.importorskip("drafter.library")
    loaded = {c.id: c for c in library.Library().clauses(language="en") if c.origin == "built-in"}
    assert set(loaded) == set(IDS)
    for clause_id, clause in loaded.items():
        mine = BY_ID[clause_id].meta
        assert clause.uses == mine["uses"] and clause.introduces == mine["introduces"]
        assert clause.variant_of == mine["variant_of"]
        assert [p.name for p in clause.parameters] == [p["name"] for p in mine["parameters"]]


STATUTE_ORDER = [
    "general.purpose", "general.scope", "general.prevention", "DEFINITIONS",
    "offence.incitement_genocide", "offence.incitement_hatred", "offence.denial_qualified",
    "assessment.rabat_factors", "exceptions.protected_expression", "sanctions.non_custodial",
    "SENTENCING", "legal_persons.liability", "legal_persons.dissolution", "age.minimum_age",
    "age.no_vicarious_liability", "AUTHORITY", "authority.judicial_determination",
    "procedure.appeal_and_reasons", "procedure.fair_trial", "temporal.non_retroactivity",
    "temporal.limitation", "review.statistics", "review.independent_review", "review.sunset",
    "final.repeal", "final.transitional", "final.short_title", "final.entry_into_force",
]  # fmt: skip


def whole_statute(sentencing: str, authority: str) -> str:
    """Render every clause (all tiers on) into one statute, definitions as the assembler would."""
    body = ""
    for cid in STATUTE_ORDER:
        cid = {"SENTENCING": sentencing, "AUTHORITY": authority}.get(cid, cid)
        if cid == "DEFINITIONS":
            body += "@DEFINITIONS@"
            continue
        clause = BY_ID[cid]
        values = default_values(clause)
        values.update({n: True for n in ("hatred_tier", "denial_tier") if n in values})
        body += render(clause, values)
    used, todo = set(), terms_used(body)
    while todo:  # the terms used, transitively through the definitions themselves
        name = todo.pop()
        used.add(name)
        todo |= terms_used(BY_ID[f"definitions.{name}"].body) - used
    definitions = (
        "::article Definitions {label=definitions kind=definitions}\n::para In this Act:\n"
    )
    definitions += "".join(BY_ID[f"definitions.{name}"].body for name in sorted(used))
    return "::title Test Act\n" + body.replace("@DEFINITIONS@", definitions)


@pytest.mark.parametrize("sentencing", ["sanctions.sentencing", "sanctions.graduated"])
@pytest.mark.parametrize(
    "authority", ["authority.prosecutor_consent", "authority.commission_referral"]
)
def test_whole_statute_lints_clean(sentencing: str, authority: str):
    """A statute made of every clause draws no finding from the rule catalogue."""
    catalog = pytest.importorskip("drafter.lint.catalog")
    engine = pytest.importorskip("drafter.lint.engine")
    statute = parse_markup(whole_statute(sentencing, authority))
    findings = engine.run_rules(statute, catalog.load_rules())
    assert [(f.code, f.location.article, f.location.text) for f in findings] == []


def test_rule_fix_clauses_exist():
    """Every lint rule's suggested fix is a clause of this library."""
    checks = sorted((ROOT / "checks").glob("DR*.yaml"))
    if not checks:
        pytest.skip("no rules in checks/ yet")
    for path in checks:
        fix = yaml.safe_load(path.read_text(encoding="utf-8")).get("fix_clause")
        assert fix is None or fix in BY_ID, f"{path.name}: fix_clause {fix!r} is not in the library"
