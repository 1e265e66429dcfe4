"""French clauses (<id>.fr.j2) against their English originals: same law, same structure.

drafter compare aligns the English and French versions of a draft article by article, paragraph
by paragraph and item by item, so every French clause must render the same directives in the
same order, with the same references, defined terms and figures in the same places, for every
combination of its parameters. The metadata that is not text (parameters, terms, sources, rules
satisfied) must be identical, and the French wording must state each offence element in words
the French lint patterns recognise.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import jinja2
import pytest
from jinja2 import meta
from jinja2.sandbox import SandboxedEnvironment
from test_clause_library import default_values, read_clause, ref, term, value_sets

from drafter.assemble import number_words
from drafter.markup import REF, TERM, parse_markup, tokenize
from drafter.model import Article, ArticleKind

ROOT = Path(__file__).resolve().parent.parent
LIBRARY = ROOT / "clause_library"
FRENCH = sorted(LIBRARY.rglob("*.fr.j2"))
PAIRS = [(p, p.with_name(p.name.replace(".fr.j2", ".j2"))) for p in FRENCH]
IDS = [p.name.removesuffix(".fr.j2") for p in FRENCH]
SAME_KEYS = ["id", "category", "label", "variant_of", "introduces", "uses", "sources", "satisfies"]
PARAM_KEYS = ["name", "type", "min", "max", "required", "choices"]
# A figure as max_words prints it: "five (5)"; "paragraph (1)" is a reference, written in French
# as "l'alinéa premier du présent article".
FIGURE = re.compile(r"(?<!paragraph )(?<!or )(?<!and )\((\d+)\)", re.IGNORECASE)


def environment(language: str) -> SandboxedEnvironment:
    """Return a strict sandbox with the template helpers, max_words in ``language``."""
    env = SandboxedEnvironment(
        undefined=jinja2.StrictUndefined, keep_trailing_newline=True, lstrip_blocks=True
    )
    env.globals.update(ref=ref, term=term, max_words=lambda n: number_words(n, language))
    return env


ENV = {"en": environment("en"), "fr": environment("fr")}


def render(path: Path, language: str, values: dict[str, Any]) -> str:
    """Render a clause body in ``language`` with the given parameter values."""
    return ENV[language].from_string(read_clause(path).body).render(**values)


def shape(markup: str) -> list[tuple[str, list[str], list[str], list[str]]]:
    """Return each directive with its references, defined terms and figures, in order."""
    out = []
    for block in tokenize(markup):
        refs = ["/".join(g for g in m.groups() if g) for m in REF.finditer(block.text)]
        terms = [m.group(1) for m in TERM.finditer(block.text)]
        text = block.text.split("{", 1)[0] if block.directive == "article" else block.text
        attrs = block.text.rsplit("{", 1)[1] if block.directive == "article" else ""
        out.append((block.directive + attrs, refs, terms, FIGURE.findall(text)))
    return out


def french_values(french: Path, english: Path) -> list[dict[str, Any]]:
    """Return the English value sets with the French clause's own string defaults."""
    own = default_values(read_clause(french))
    sets = value_sets(read_clause(english))
    strings = {k for k, v in own.items() if isinstance(v, str)}
    return [{**values, **{k: own[k] for k in strings}} for values in sets]


def printed(markup: str) -> str:
    """Return an article's heading and text as printed (markers replaced by their forms)."""
    for label in sorted({m.group(1) for m in REF.finditer(markup)}):
        markup += f"::article Cible {{label={label} kind=general}}\n::para Texte.\n"
    article = parse_markup(markup, "fr").articles[0]
    return f"{article.heading}\n{article.text}"


def test_every_english_clause_has_a_french_version_or_none():
    assert FRENCH, "no French clauses yet"
    for french, english in PAIRS:
        assert english.is_file(), f"{french.name} has no English original"


@pytest.mark.parametrize(("french", "english"), PAIRS, ids=IDS)
def test_metadata_matches_the_english(french: Path, english: Path):
    fr, en = read_clause(french).meta, read_clause(english).meta
    assert fr["language"] == "fr"
    for key in SAME_KEYS:
        assert fr[key] == en[key], f"{key}: {fr[key]!r} != {en[key]!r}"
    assert fr["title"].strip() and fr["title"] != en["title"]
    assert len(fr["commentary"].split()) >= 40 and fr["commentary"] != en["commentary"]
    assert len(fr["parameters"]) == len(en["parameters"])
    for p_fr, p_en in zip(fr["parameters"], en["parameters"], strict=True):
        assert {k: p_fr.get(k) for k in PARAM_KEYS} == {k: p_en.get(k) for k in PARAM_KEYS}
        assert p_fr.get("help", "").strip() and p_fr["help"] != p_en["help"]
        if p_en["type"] in ("string", "text") and "default" in p_en:
            assert p_fr["default"].strip() and p_fr["default"] != p_en["default"]
        else:
            assert p_fr.get("default") == p_en.get("default")


@pytest.mark.parametrize(("french", "english"), PAIRS, ids=IDS)
def test_same_variables(french: Path, english: Path):
    used = {
        path: meta.find_undeclared_variables(ENV["fr"].parse(read_clause(path).body))
        for path in (french, english)
    }
    assert used[french] == used[english]


@pytest.mark.parametrize(("french", "english"), PAIRS, ids=IDS)
def test_same_structure_refs_terms_and_figures(french: Path, english: Path):
    en_sets = value_sets(read_clause(english))
    for en_values, fr_values in zip(en_sets, french_values(french, english), strict=True):
        en_markup, fr_markup = render(english, "en", en_values), render(french, "fr", fr_values)
        assert shape(fr_markup) == shape(en_markup), fr_values


@pytest.mark.parametrize(("french", "english"), PAIRS, ids=IDS)
def test_french_punctuation_and_style(french: Path, english: Path):
    """Items end in ";" (the last in "." or ":"), no "et/ou", no English left over."""
    for values in french_values(french, english):
        blocks = tokenize(render(french, "fr", values))
        for block, after in zip(blocks, [*blocks[1:], None], strict=True):
            if block.directive == "article":
                continue
            text = block.text.rstrip()
            assert text[-1] in ".;:", f"unterminated: {text[-40:]!r}"
            if block.directive == "item" and after is not None and after.directive == "item":
                assert text.endswith(";"), f"an item before another ends in ';': {text[-40:]!r}"
            assert not re.search(r"\bet/ou\b|\band\b|\bshall\b", text), text[:60]
            # Elision before "un (1)": "d'un (1) an", never "de un (1) an".
            assert not re.search(r"\b(?:de|que|le) un \(1\)", text), text[:60]


def offence_text(clause_id: str) -> str:
    """Return the printed heading and text of a French offence under its defaults."""
    french = LIBRARY / "offence" / f"{clause_id}.fr.j2"
    return printed(render(french, "fr", default_values(read_clause(french)))).lower()


OFFENCES = [i for i in IDS if i.startswith("offence.")]
BANNED_FR = [
    r"\bdirectement ou indirectement\b", r"\bpar tous moyens\b", r"\bquel(?:le)?s? que soi",
    r"\bde quelque (?:manière|façon)\b", r"\bidéolog", r"\ben temps de paix\b", r"\bau moins\b",
    r"\bminim", r"\bdoubl", r"\bperpétuité\b", r"\bnégligen", r"\bimprudence\b", r"\binjur",
    r"\bdiffam", r"\bmépris", r"\bhumili", r"\bdivisionnisme\b", r"\bunité nationale\b",
    r"\btend(?:ant|ent)? à\b", r"\bvisant à\b", r"\bet/ou\b",
]  # fmt: skip


@pytest.mark.parametrize("clause_id", OFFENCES)
def test_french_offences_state_every_element(clause_id: str):
    text = offence_text(clause_id)
    years = read_clause(LIBRARY / "offence" / f"{clause_id}.j2").meta["parameters"][0]["default"]
    assert "intentionnellement" in text and "dans l'intention" in text
    assert "publiquement" in text
    assert re.search(r"\b(violence|discrimination|hostilité|commettre un génocide)\b", text)
    assert f"n'excédant pas {number_words(years, 'fr')} ans" in text
    assert "ou d'une amende" in text or "et d'une amende, ou de l'une de ces deux peines" in text
    for pattern in BANNED_FR:
        assert not re.search(pattern, text), f"offence text matches {pattern!r}"


def test_the_structure_check_fires_on_a_misaligned_clause(tmp_path: Path):
    """A French body with one item fewer, or a different reference, is caught."""
    english = LIBRARY / "sanctions" / "sanctions.graduated.j2"
    french = LIBRARY / "sanctions" / "sanctions.graduated.fr.j2"
    values = default_values(read_clause(english))
    good = render(french, "fr", {**values, "denial_tier": True})
    assert shape(good) == shape(render(english, "en", {**values, "denial_tier": True}))
    lines = good.splitlines(keepends=True)
    dropped = "".join(line for line in lines if "ref:denial" not in line)
    assert shape(dropped) != shape(render(english, "en", {**values, "denial_tier": True}))
    moved = good.replace("[[ref:incitement_hatred]]", "[[ref:incitement_genocide]]")
    assert shape(moved) != shape(render(english, "en", {**values, "denial_tier": True}))


# -- templates --------------------------------------------------------------------------------
STATE = {
    "name": {"en": "the Kingdom of Borealis", "fr": "le Royaume de Boréalie"},
    "legislature": {"en": "Parliament", "fr": "le Parlement"},
}
AMENDED = {
    "title": {"en": "the Penal Code", "fr": "le Code pénal"},
    "provisions": {"en": "sections 135 to 137", "fr": "les articles 135 à 137"},
}
SWITCHES = [
    {},
    {"tiers": {"hatred": False}, "measures": {"prevention": False}},
    {
        "tiers": {"denial": True},
        "measures": {"penalty_scale": True},
        "prosecution": {"authority": "commission_referral"},
    },
    {"liability": {"legal_persons": False}, "act": {"year": 2027}},
]


def levels(article: Article) -> list[int]:
    """Return the paragraph levels; definitions (sorted by language) as sorted group sizes."""
    found = [p.level for p in article.paragraphs]
    if article.kind != ArticleKind.DEFINITIONS:
        return found
    groups = "".join(str(level) for level in found).split("1")
    return sorted(len(g) for g in groups[1:]) + [len(groups) - 1]


def draft_shape(template: str, language: str, answers: dict) -> list[tuple]:
    """Assemble a template in ``language`` and return the shape of every article."""
    from drafter.answers import validate_answers
    from drafter.assemble import assemble
    from drafter.library import Library

    library = Library()
    tpl = library.template_in(template, language)
    statute = assemble(tpl, validate_answers(tpl, answers), library).statute
    assert statute.title and statute.long_title and statute.enacting_formula
    return [
        (a.label, a.kind, a.clause, levels(a))
        if isinstance(a, Article)
        else ("division", a.number)  # a "part" in English is a "titre" in French
        for a in statute.body
    ]


@pytest.mark.parametrize("template", ["incitement-act", "amending-act"])
@pytest.mark.parametrize("switches", SWITCHES, ids=range(len(SWITCHES)))
def test_french_templates_mirror_the_english(template: str, switches: dict):
    """Same articles, from the same clauses, in the same parts, with the same paragraph levels."""
    answers: dict = {"state": STATE, **switches}
    if template == "amending-act":
        answers["amended_law"] = AMENDED
    elif switches:
        answers["review"] = {"sunset": True}
    english = draft_shape(template, "en", answers)
    assert draft_shape(template, "fr", answers) == english
    assert len(english) > 15


def test_the_template_check_fires_on_a_missing_clause(tmp_path: Path):
    """A French template that leaves out a clause the English one has does not mirror it."""
    import shutil

    from drafter.answers import validate_answers
    from drafter.assemble import assemble
    from drafter.library import Library

    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    entry = tmp_path / "templates" / "base" / "statute.fr.j2"
    entry.write_text(
        entry.read_text(encoding="utf-8").replace('{{ clause("procedure.fair_trial") }}', ""),
        encoding="utf-8",
    )
    shapes = []
    for language in ("en", "fr"):
        library = Library([tmp_path])
        tpl = library.template_in("incitement-act", language)
        statute = assemble(tpl, validate_answers(tpl, {"state": STATE}), library).statute
        shapes.append([a.clause for a in statute.articles])
    assert "procedure.fair_trial" in shapes[0] and "procedure.fair_trial" not in shapes[1]
