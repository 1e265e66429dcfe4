"""French drafting: templates in two languages, bilingual answers, French printing and reading.

A small library written in a temporary folder (an English and a French entry, a few clauses in
both languages) tests the engine on its own; the built-in templates and examples are tested
in French too when their French versions are installed.
"""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import pytest
import yaml
from roundtrip import assert_reads_back

from drafter.answers import in_language, validate_answers
from drafter.assemble import assemble
from drafter.cli import main
from drafter.docx_write import memo_docx, statute_docx
from drafter.errors import AnswersError, LibraryError
from drafter.library import Library, offered_languages
from drafter.library_model import Parameter
from drafter.markdown import statute_markdown
from drafter.markup import parse_markup
from drafter.model import Division, Paragraph
from drafter.reading import read_document, read_text
from drafter.style import division_caption, paragraph_marker, reference_text, sort_key

ROOT = Path(__file__).resolve().parent.parent

BASE_YAML = """\
name: fbase
title: Base
language: en
entry: statute.j2
abstract: true
languages:
  fr:
    entry: statute.fr.j2
    title: Socle
    defaults:
      state.legislature: le Parlement
questions:
  - name: state.name
    type: string
  - name: state.legislature
    type: string
    default: Parliament
  - name: act.title
    type: string
    default: Incitement Act
  - name: act.max_years
    type: int
    default: 5
    min: 1
    max: 8
"""
ACT_YAML = """\
name: fact
title: Incitement Act
language: en
extends: fbase
languages:
  fr:
    entry: statute.fr.j2
    title: Loi sur l'incitation
    defaults:
      act.title: Loi sur l'incitation
    help:
      state.name: Le nom de l'État.
"""
BASE_EN = """\
::title {{ act.title }}
::enacting BE IT ENACTED by {{ state.legislature }} as follows:
{% block body %}{% endblock %}
"""
BASE_FR = """\
::title {{ act.title }}
::enacting {{ state.legislature[:1] | upper }}{{ state.legislature[1:] }} a adopté la loi dont \
la teneur suit :
{% block body %}{% endblock %}
"""
ACT_EN = """\
{% extends "fbase/statute.j2" %}
{% block body %}
::part General provisions
::article Definitions {label=definitions kind=definitions}
::para In this Act:
::definitions
{{ clause("offence.incite", max_years=act.max_years) }}
::article Application {label=application}
::para This Act applies in {{ state.name }}.
::para Nothing in [[ref:incite/2]] or [[ref:incite/1/b]] applies to reporting.
{% endblock %}
"""
ACT_FR = """\
{% extends "fbase/statute.fr.j2" %}
{% block body %}
::part Dispositions générales
::article Définitions {label=definitions kind=definitions}
::para Au sens de la présente loi, on entend par :
::definitions
{{ clause("offence.incite", max_years=act.max_years) }}
::article Application {label=application}
::para La présente loi s'applique sur le territoire de {{ state.name }}.
::para L'[[ref:incite/2]] et l'[[ref:incite/1/b]] ne s'appliquent pas au compte rendu.
{% endblock %}
"""


def clause(cid: str, lang: str, body: str, extra: str = "", category: str = "offence") -> str:
    """Return a clause file: front matter then body."""
    front = [
        "---",
        f"id: {cid}",
        f"title: {cid}",
        f"category: {category}",
        f"language: {lang}",
        "sources: [RABAT]",
        f"commentary: Because the {lang} text says so.",
        extra,
        "---",
    ]
    return "\n".join(front) + "\n" + textwrap.dedent(body)


PARAMS = "parameters:\n  - name: max_years\n    type: int\n    default: 5"
CLAUSES = {
    "offence/offence.incite.j2": clause(
        "offence.incite",
        "en",
        """\
        ::article Incitement {label=incite kind=offence clause=offence.incite}
        ::para A person who intentionally and [[term:publicly]] incites [[term:genocide]]
        or [[term:writing|writings]] commits an offence where:
        ::item the words are direct;
        ::subitem spoken; or
        ::subitem written;
        ::item violence is likely.
        ::para The penalty is imprisonment not exceeding {{ max_words(max_years) }} years.
        """,
        PARAMS,
    ),
    "offence/offence.incite.fr.j2": clause(
        "offence.incite",
        "fr",
        """\
        ::article Incitation {label=incite kind=offence clause=offence.incite}
        ::para Commet une infraction quiconque, intentionnellement et [[term:publicly|publiquement]],
        incite au [[term:genocide|génocide]] ou par des [[term:writing|écrits]], lorsque :
        ::item les propos sont directs ;
        ::subitem oraux ;
        ::subitem écrits ;
        ::item la violence est probable.
        ::para La peine est un emprisonnement n'excédant pas {{ max_words(max_years) }} ans.
        """,
        PARAMS,
    ),
}
for term, en, fr in (
    ("publicly", '"publicly" means in public;', "« publiquement » : en public ;"),
    ("genocide", '"genocide" means the crime;', "« génocide » : le crime ;"),
    ("writing", '"writing" means any text.', "« écrit » : tout texte."),
):
    for lang, text in (("en", en), ("fr", fr)):
        suffix = ".fr" if lang == "fr" else ""
        CLAUSES[f"definitions/definitions.{term}{suffix}.j2"] = clause(
            f"definitions.{term}", lang, f"::item {text}\n", f"introduces: [{term}]", "definitions"
        )


def write(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def lib_dir(tmp_path: Path) -> Path:
    files = {
        "templates/fbase/template.yaml": BASE_YAML,
        "templates/fbase/statute.j2": BASE_EN,
        "templates/fbase/statute.fr.j2": BASE_FR,
        "templates/fact/template.yaml": ACT_YAML,
        "templates/fact/statute.j2": ACT_EN,
        "templates/fact/statute.fr.j2": ACT_FR,
    }
    files.update({f"clause_library/{k}": v for k, v in CLAUSES.items()})
    return write(tmp_path / "lib", files)


ANSWERS = {
    "template": "fact",
    "state": {"name": {"en": "the Republic of Aurelia", "fr": "la République d'Aurélie"}},
    "act": {"max_years": 7},
}


def draft(lib_dir: Path, language: str | None, answers: dict | None = None):
    library = Library([lib_dir])
    template = library.template_in("fact", language)
    return assemble(template, validate_answers(template, answers or ANSWERS), library)


# -- printing ---------------------------------------------------------------------------------


def test_markers_captions_and_references_by_language() -> None:
    item, sub, para = Paragraph("x", "2", 1), Paragraph("x", "b", 2), Paragraph("x", None, 0)
    assert [paragraph_marker(p, "fr") for p in (para, item, sub)] == ["", "2\u00b0", "b)"]
    assert paragraph_marker(Paragraph("x", "b", 1), "en") == "(b)"
    assert division_caption(Division("title", "II", "x"), "fr") == "Titre II"
    assert division_caption(Division("part", "II", "x"), "en") == "Part II"
    statute = parse_markup("::article A\n::para x\n::article B\n::para y\n::para z\n", "fr")
    first, second = statute.articles
    assert first.caption == "Article premier"
    assert reference_text(first, None, None, "fr") == "article premier"
    assert reference_text(second, "2", "b", "fr") == "article 2, alinéa 2, 2\u00b0"
    assert reference_text(second, "2", "b", "en") == "Article 2(2)(b)"
    assert sorted(["fait", "écrit", "droit"], key=sort_key) == ["droit", "écrit", "fait"]


def test_french_markup_numbers_items_and_resolves_references() -> None:
    markup = (
        "::part Généralités\n::chapter Objet\n::article Objet {label=objet}\n::para Un :\n"
        "::item premier ;\n::subitem a ;\n::item second.\n::para Deux.\n"
        "::article Renvoi\n::para Voir l'[[ref:objet/1/b]], l'[[ref:objet]] et l'[[ref:objet/2]].\n"
    )
    statute = parse_markup(markup, "fr")
    division, chapter = statute.divisions
    assert (division.kind, division.number, chapter.number) == ("title", "I", "premier")
    paras = statute.articles[0].paragraphs
    assert [(p.number, p.level) for p in paras] == [
        (None, 0), ("1", 1), ("a", 2), ("2", 1), (None, 0)
    ]  # fmt: skip
    text = statute.articles[1].paragraphs[0].text
    assert text == (
        "Voir l'article premier, alinéa premier, 2\u00b0, l'article premier et "
        "l'article premier, alinéa 2."
    )


# -- templates and answers ----------------------------------------------------------------------


def test_template_in_french_has_french_entry_title_defaults_and_help(lib_dir: Path) -> None:
    library = Library([lib_dir])
    english, french = library.template("fact"), library.template_in("fact", "fr")
    assert (english.language, english.entry, english.title) == (
        "en",
        "statute.j2",
        "Incitement Act",
    )
    assert (french.language, french.entry, french.title) == (
        "fr", "statute.fr.j2", "Loi sur l'incitation"
    )  # fmt: skip
    defaults = {q.name: q.default for q in french.questions}
    # The base's French default reaches the child; the child's own French default too.
    assert defaults["state.legislature"] == "le Parlement"
    assert defaults["act.title"] == "Loi sur l'incitation"
    assert {q.name: q.help for q in french.questions}["state.name"] == "Le nom de l'État."
    assert library.template_in("fact", None) is english
    assert offered_languages(english) == ["en", "fr"]
    assert offered_languages(french) == ["fr", "en"]  # the version still knows the others
    assert library.template_in("fact", "en") is english
    with pytest.raises(LibraryError, match=r"not offered in 'de' \(languages: en, fr\)"):
        library.template_in("fact", "de")


@pytest.mark.parametrize(
    ("languages", "message"),
    [
        ("  fr:\n    entry: statute.fr.j2\n    titel: T\n", "unknown key 'titel'"),
        ("  fr:\n    title: T\n", "missing key 'languages.fr.entry'"),
        ("  FR:\n    entry: statute.fr.j2\n    title: T\n", "'FR' is not a two-letter"),
        ("  fr:\n    entry: nope.fr.j2\n    title: T\n", "languages.fr: entry file 'nope.fr.j2'"),
        (
            "  fr:\n    entry: statute.fr.j2\n    title: T\n    defaults:\n      state.nme: x\n",
            "unknown question 'state.nme' \\(did you mean 'state.name'\\?\\)",
        ),
        (
            "  fr:\n    entry: statute.fr.j2\n    title: T\n    defaults:\n      act.max_years: 3\n",
            "'act.max_years' is a int question",
        ),
    ],
)
def test_bad_languages_block_is_a_clear_error(lib_dir: Path, languages: str, message: str) -> None:
    path = lib_dir / "templates" / "fact" / "template.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.split("languages:\n")[0] + "languages:\n" + languages, encoding="utf-8")
    with pytest.raises(LibraryError, match=message):
        Library([lib_dir]).template("fact")


def test_text_answers_by_language() -> None:
    name = Parameter("state.name", "string")
    given = {"en": "Aurelia", "fr": "Aurélie"}
    assert in_language(name, given, "fr") == ("Aurélie", None)
    assert in_language(name, "Aurelia", "fr") == ("Aurelia", None)
    assert in_language(Parameter("n", "int"), 3, "fr") == (3, None)
    assert in_language(name, {"en": "Aurelia"}, "fr")[1] == "no 'fr' text (the mapping gives: en)"
    assert "got the key 'english'" in in_language(name, {"english": "A"}, "en")[1]


def test_missing_language_in_answers_names_key_and_language(lib_dir: Path) -> None:
    answers = {"state": {"name": {"en": "the Republic of Aurelia"}}}
    draft(lib_dir, "en", answers)  # English is given: fine
    with pytest.raises(AnswersError, match=r"state\.name: no 'fr' text"):
        draft(lib_dir, "fr", answers)


def test_cli_lang_errors_and_listing(lib_dir: Path, tmp_path: Path, capsys) -> None:
    answers = tmp_path / "a.yaml"
    answers.write_text(yaml.safe_dump({"state": {"name": {"en": "X"}}}), encoding="utf-8")
    out = tmp_path / "loi.md"
    code = main(["draft", "fact", "--library", str(lib_dir), "--lang", "fr",
                 "--answers", str(answers), "-o", str(out)])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 2 and "state.name: no 'fr' text" in err and not out.exists()
    code = main(["draft", "fact", "--library", str(lib_dir), "--lang", "es", "-o", str(out)])
    err = capsys.readouterr().err
    assert code == 2 and "not offered in 'es' (languages: en, fr)" in err
    assert main(["templates", "--library", str(lib_dir)]) == 0
    listing = capsys.readouterr().out
    assert "LANGUAGES" in listing and any(
        line.startswith("fact") and "en,fr" in line for line in listing.splitlines()
    )
    assert main(["answers", "fact", "--library", str(lib_dir), "--lang", "fr"]) == 0
    starter = capsys.readouterr().out
    assert '  legislature: "le Parlement"' in starter and "# Le nom de l'État." in starter
    assert main(["answers", "fact", "--library", str(lib_dir)]) == 0
    assert '  legislature: "Parliament"' in capsys.readouterr().out


# -- assembling and writing -----------------------------------------------------------------------


def test_french_draft_structure_definitions_and_references(lib_dir: Path) -> None:
    result = draft(lib_dir, "fr")
    statute = result.statute
    assert statute.language == "fr" and statute.enacting_formula.startswith("Le Parlement a")
    definitions, offence, application = statute.articles
    # Sorted by the printed French term, accents ignored: écrit < génocide < publiquement
    # (the English keys would give genocide, publicly, writing).
    assert [p.text.split(" :")[0] for p in definitions.paragraphs[1:]] == [
        "« écrit »", "« génocide »", "« publiquement »"
    ]  # fmt: skip
    assert [p.number for p in definitions.paragraphs] == [None, "1", "2", "3"]
    assert "sept (7) ans" in offence.paragraphs[-1].text
    assert application.paragraphs[0].text.endswith("la République d'Aurélie.")
    assert application.paragraphs[1].text.startswith(
        "L'article 2, alinéa 2 et l'article 2, alinéa premier, 2\u00b0 ne"
    )
    english = draft(lib_dir, "en").statute
    assert [p.text.split(" means")[0] for p in english.articles[0].paragraphs[1:]] == [
        '"genocide"', '"publicly"', '"writing"'
    ]  # fmt: skip
    assert (
        english.articles[2]
        .paragraphs[1]
        .text.startswith("Nothing in Article 2(2) or Article 2(1)(b)")
    )


def test_french_writers_print_french_markers(lib_dir: Path, tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "tests" / "golden"))
    from docx_dump import docx_outline

    result = draft(lib_dir, "fr")
    # Compare with plain spaces; the non-breaking ones French typography wants are checked below.
    nbsp = docx_outline(statute_docx(result))
    outline = [(style, text.replace("\u00a0", " ")) for style, text in nbsp]
    assert ("Statute Item", "1\u00b0\t«\u00a0écrit\u00a0»\u00a0: tout texte.") in nbsp
    assert ("Part Heading", "Titre I \u2013 Dispositions générales") in outline
    assert ("Article Heading", "Article premier \u2013 Définitions") in outline
    assert ("Statute Item", "1\u00b0\tles propos sont directs ;") in outline
    assert ("Statute Subitem", "a)\toraux ;") in outline
    assert (
        "Statute Text",
        "La peine est un emprisonnement n'excédant pas sept (7) ans.",
    ) in outline
    assert not any(text.startswith("(") for _, text in outline)
    markdown = statute_markdown(result.statute)
    assert "### Article premier. Définitions" in markdown
    assert "\n  1\u00b0 les propos sont directs ;\n" in markdown
    assert "\n   b) écrits ;\n" in markdown
    memo = [(s, t.replace("\u00a0", " ")) for s, t in docx_outline(memo_docx(result))]
    assert memo[0] == ("Memo Title", "Exposé des motifs")
    texts = [text for _, text in memo]
    assert "Table des sources" in texts and "Commentaire des articles" in texts
    assert "Motifs : Because the fr text says so." in texts
    assert "[table]\tClé de réponse | Question | Réponse" in [f"{s}\t{t}" for s, t in memo]
    assert any(t.endswith("| Le nom de l'État. | la République d'Aurélie") for t in texts)
    assert not any(t.startswith(("Why", "Clause: ", "Standards")) for t in texts)


def test_french_draft_reads_back(lib_dir: Path, tmp_path: Path) -> None:
    result = draft(lib_dir, "fr")
    path = tmp_path / "loi.docx"
    path.write_bytes(statute_docx(result))
    back = read_document(path, language="fr")
    assert_reads_back(back, result.statute)
    refs = {(r.target_article, r.target_paragraph, r.target_item) for r in back.cross_references}
    assert {("2", "2", None), ("2", "1", "2")} <= refs
    markdown = read_text(statute_markdown(result.statute), language="fr")
    assert_reads_back(markdown, result.statute)


def test_reader_french_lists_and_references() -> None:
    text = textwrap.dedent(
        """\
        Article premier – Objet
        La présente loi s'applique lorsque :
        1° l'auteur agit intentionnellement ;
        a) par écrit ;
        b) oralement ;
        2° le propos est public.
        Un second alinéa.
        Article 2 – Renvois
        Les articles 3 et 4 ne s'appliquent pas. L'article premier et l'article premier, alinéa 1, 2° s'appliquent.
        Article 3 – Trois
        Texte.
        Article 4 – Quatre
        1° Texte sans phrase introductive.
        """
    )
    statute = read_text(text, language="fr")
    first = statute.articles[0]
    assert [(p.number, p.level) for p in first.paragraphs] == [
        (None, 0), ("1", 1), ("a", 2), ("b", 2), ("2", 1), (None, 0)
    ]  # fmt: skip
    # Without a lead-in ending with ":", a "1°" line stays at paragraph level (gazettes).
    assert [(p.number, p.level) for p in statute.articles[3].paragraphs] == [("1", 0)]
    refs = [
        (r.target_article, r.target_paragraph, r.target_item)
        for r in statute.cross_references
        if r.article == "2"
    ]
    assert ("3", None, None) in refs and ("4", None, None) in refs
    assert ("premier", None, None) in refs and ("premier", "1", "2") in refs


# -- the built-in templates in French ---------------------------------------------------------------

EXAMPLES = sorted(p for p in (ROOT / "examples").iterdir() if p.suffix in (".yaml", ".toml"))


def _french_builtin(example: Path):
    from drafter.answers import load_answers

    answers = load_answers(example)
    library = Library()
    if "fr" not in library.template(answers["template"]).languages:
        pytest.skip("the built-in template has no French version")
    template = library.template_in(answers["template"], "fr")
    return assemble(template, validate_answers(template, answers, str(example)), library)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_builtin_french_draft_is_valid_akoma_ntoso(example: Path) -> None:
    from test_akn import NS, validate

    from drafter.akn import statute_akn

    result = _french_builtin(example)
    doc = validate(statute_akn(result.statute, result.answers))
    assert doc.xpath("//a:FRBRlanguage/@language", namespaces=NS) == ["fra"]
    assert doc.xpath("//a:article/a:num/text()", namespaces=NS)[0] == "Article premier"
    assert "Titre I" in doc.xpath("//a:title/a:num/text()", namespaces=NS)
    item_nums = doc.xpath("//a:item/a:num/text()", namespaces=NS)
    assert item_nums and all(n.endswith(("\u00b0", ")")) for n in item_nums)
    # French references point at alinéas counted by position.
    hrefs = doc.xpath("//a:ref/@href", namespaces=NS)
    eids = set(doc.xpath("//@eId"))
    assert all(h[1:] in eids for h in hrefs)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_builtin_english_and_french_drafts_have_the_same_shape(example: Path) -> None:
    from drafter.answers import load_answers

    french = _french_builtin(example).statute
    answers = load_answers(example)
    library = Library()
    template = library.template(answers["template"])
    english = assemble(template, validate_answers(template, answers), library).statute
    assert len(english.articles) == len(french.articles)
    for en, fr in zip(english.articles, french.articles, strict=True):
        levels = [[p.level for p in a.paragraphs] for a in (en, fr)]
        if en.kind.value == "definitions":
            # Definitions are sorted by the term as printed in each language: same items in
            # another order.
            levels = [sorted(x) for x in levels]
        assert levels[0] == levels[1], en.caption
        assert en.kind == fr.kind and en.label == fr.label


def test_cli_drafts_the_builtin_act_in_french_lint_clean(tmp_path: Path, capsys) -> None:
    if "fr" not in Library().template("incitement-act").languages:
        pytest.skip("the built-in template has no French version")
    loi, memo = tmp_path / "loi.docx", tmp_path / "memo.docx"
    aurelia = ROOT / "examples" / "republic-of-aurelia.yaml"
    code = main(["draft", "incitement-act", "--lang", "fr", "--answers", str(aurelia),
                 "-o", str(loi), "--memo", str(memo)])  # fmt: skip
    assert code == 0, capsys.readouterr().err
    back = read_document(loi)
    assert back.language == "fr" and back.title.startswith("Loi de 2026")
    assert back.articles[0].caption == "Article premier"
    assert back.enacting_formula.startswith("L'Assemblée nationale a adopté")


def test_any_valid_answers_draft_a_french_law_that_lints_clean_and_reads_back() -> None:
    """The property test of test_properties.py, in French, with answers given in both languages."""
    from hypothesis import given
    from test_properties import ANSWERS, SLOW

    from drafter.lint.api import lint_statute

    library = Library()
    if "fr" not in library.template("incitement-act").languages:
        pytest.skip("the built-in template has no French version")
    template = library.template_in("incitement-act", "fr")
    legislatures = {"Parliament": "le Parlement", "the National Assembly": "l'Assemblée nationale"}

    def bilingual(answers: dict) -> dict:
        state = answers["state"]
        french = "la République de " + state["name"].removeprefix("the Republic of ")
        name = {"en": state["name"], "fr": french}
        legislature = {"en": state["legislature"], "fr": legislatures[state["legislature"]]}
        return {**answers, "state": {"name": name, "legislature": legislature}}

    @SLOW
    @given(ANSWERS.map(bilingual))
    def check(answers: dict) -> None:
        draft = assemble(template, validate_answers(template, answers), library)
        serious = [f for f in lint_statute(draft.statute) if f.severity.rank >= 1]
        assert not serious, [(f.code, f.message) for f in serious]
        import tempfile

        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "loi.docx"
            path.write_bytes(statute_docx(draft))
            assert_reads_back(read_document(path, language="fr"), draft.statute)

    check()


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (5, "cinq (5)"),
        (71, "soixante et onze (71)"),
        (80, "quatre-vingts (80)"),
        (380, "trois cent quatre-vingts (380)"),
        (80_000, "quatre-vingt mille (80000)"),
        (200_000, "deux cent mille (200000)"),
        (1_500_000, "1\u00a0500\u00a0000"),
    ],
)
def test_french_number_words(value: int, words: str) -> None:
    from drafter.assemble import number_words

    assert number_words(value, "fr") == words


def test_memo_cites_articles_compactly_in_french() -> None:
    from drafter.docx_write import _cited_for

    captions = ["Article premier", "Article 2", "Article 4"]
    assert _cited_for(captions, "fr") == "Articles premier, 2 et 4"
    assert _cited_for(["Article 2"], "fr") == "Article 2"
    assert _cited_for(captions, "en") == "Article premier, Article 2, Article 4"
