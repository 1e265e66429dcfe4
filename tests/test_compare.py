"""``drafter compare``: two language versions of one law, aligned and misaligned.

The English and French statutes below are translations of each other in the house styles of
both languages: "(1)"/"(a)"/"(i)" against unnumbered alinéas, "1°" and "a)"; "five (5)"
against "cinq (5)"; "Article 3(1)(b)" against "l'article 3, alinéa 1, 2°". The French
definitions are sorted by the French terms, as bilingual statute books sort them, so "court"
comes first in English and « juridiction » third in French. Each misaligned pair changes one
thing in the French version and must be reported once, with both places.
"""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest

from drafter.cli import main
from drafter.compare import compare_statutes
from drafter.compare_align import align
from drafter.compare_facts import figures_in, place_label
from drafter.model import Article, Paragraph
from drafter.reading import read_text

ROOT = Path(__file__).resolve().parent.parent

EN = """\
Prevention of Incitement to Genocide Act, 2026

Article 1 - Definitions

In this Act:

(a) "court" means an independent and impartial tribunal established by law.

(b) "genocide" means one or more of the following acts, committed with intent to destroy, \
in whole or in part, a protected group, as such:

(i) killing members of the group;

(ii) causing serious bodily or mental harm to members of the group.

(c) "incitement" means a call to commit the act to which the offence refers; "incite" and \
"incites" have corresponding meanings.

(d) "publicly" means by a communication made in a place open to the public or through a \
publication.

Article 2 - Incitement to genocide

(1) A person commits an offence who intentionally, directly and publicly incites others to \
commit genocide.

(2) A person who commits the offence is liable on conviction to imprisonment for a term not \
exceeding five (5) years, or to a fine, or to both.

Article 3 - Protected expression

(1) No offence under Article 2 is committed by a person who, in good faith, makes a statement:

(a) in the course of academic research; or

(b) in the course of journalism.

(2) Where there is evidence that paragraph (1) applies, the prosecution must prove that it \
does not.

Article 4 - Limitation

No proceedings for an offence under this Act may be instituted more than three (3) years \
after the statement was first made public.

Article 5 - Review

Within two (2) years after the entry into force of this Act, an independent person shall \
review its operation and report to the court, having regard in particular to Article 3(1)(b).
"""

FR = """\
Loi de 2026 portant prévention de l'incitation au génocide

Article premier – Définitions

Au sens de la présente loi, on entend par :

1° « génocide » : l'un des actes ci-après, commis dans l'intention de détruire, en tout ou \
en partie, un groupe protégé, comme tel :

a) meurtre de membres du groupe ;

b) atteinte grave à l'intégrité physique ou mentale de membres du groupe ;

2° « incitation » : l'appel à commettre l'acte visé par l'infraction ; « inciter » et \
« incite » ont un sens correspondant ;

3° « juridiction » : un tribunal indépendant et impartial établi par la loi ;

4° « publiquement » : par une communication faite dans un lieu ouvert au public ou par une \
publication.

Article 2 – Incitation au génocide

Commet une infraction quiconque, intentionnellement, directement et publiquement, incite \
autrui à commettre le génocide.

L'auteur de l'infraction est puni de cinq (5) ans d'emprisonnement au plus et d'une amende, \
ou de l'une de ces deux peines.

Article 3 – Expression protégée

Aucune infraction prévue à l'article 2 n'est commise par la personne qui, de bonne foi, fait \
une déclaration :

1° dans le cadre de recherches universitaires ;

2° dans le cadre du journalisme.

Lorsqu'il existe des éléments de preuve de l'application de l'alinéa 1 du présent article, \
il appartient à l'accusation de prouver qu'il ne s'applique pas.

Article 4 – Prescription

Aucune poursuite pour une infraction à la présente loi ne peut être engagée plus de trois \
(3) ans après que la déclaration a été rendue publique pour la première fois.

Article 5 – Évaluation

Dans un délai de deux (2) ans après l'entrée en vigueur de la présente loi, une personne \
indépendante évalue son application et fait rapport à la juridiction, au regard notamment \
de l'article 3, alinéa 1, 2°.
"""

MISSING_ARTICLE = FR.replace(
    FR[FR.index("Article 4 – Prescription") : FR.index("Article 5 – Évaluation")], ""
).replace("Article 5 – Évaluation", "Article 4 – Évaluation")
MISSING_PARAGRAPH = FR.replace(
    "\nLorsqu'il existe des éléments de preuve de l'application de l'alinéa 1 du présent "
    "article, il appartient à l'accusation de prouver qu'il ne s'applique pas.\n",
    "",
)
CHANGED_PENALTY = FR.replace("cinq (5) ans", "trois ans")
OTHER_REFERENCE = FR.replace("prévue à l'article 2", "prévue à l'article 4")
MISSING_DEFINITION = FR.replace(
    "3° « juridiction » : un tribunal indépendant et impartial établi par la loi ;\n\n", ""
)


def compare(a: str, b: str, **kwargs):
    """Compare two statutes given as text."""
    return compare_statutes(read_text(a), read_text(b), "en.txt", "fr.txt", **kwargs)


def codes(comparison) -> list[str]:
    return [m.code for m in comparison.mismatches]


@pytest.fixture
def run(capsys, monkeypatch, tmp_path):
    """Run the CLI in tmp_path; return (status, stdout, stderr)."""
    monkeypatch.chdir(tmp_path)

    def invoke(*args) -> tuple[int, str, str]:
        status = main([str(a) for a in args])
        out, err = capsys.readouterr()
        return status, out, err

    return invoke


def write(folder: Path, name: str, text: str) -> Path:
    """Write a file in the test's folder and return its name (the CLI runs in that folder)."""
    (folder / name).write_text(text, encoding="utf-8")
    return Path(name)


def write_docx(path: Path, text: str) -> Path:
    """Write a statute as a Word document, one paragraph per line (headings styled)."""
    document = docx.Document()
    for line in text.split("\n\n"):
        line = line.replace("\\\n", "").strip()
        if not line:
            continue
        style = "Heading 2" if line.startswith("Article") else None
        document.add_paragraph(line.replace("\n", " "), style=style)
    document.save(str(path))
    return path


# --- aligned versions --------------------------------------------------------------------


def test_english_and_french_text_versions_line_up() -> None:
    comparison = compare(EN, FR)
    assert comparison.mismatches == [], [m.message for m in comparison.mismatches]
    assert comparison.a.language == "en" and comparison.b.language == "fr"
    assert comparison.pairs == [(i, i) for i in range(5)]


def test_same_version_twice_lines_up_and_counts_what_it_compared(run, tmp_path) -> None:
    en = write(tmp_path, "en.md", EN)
    status, out, err = run("compare", en, en)
    assert status == 0, out + err
    assert "Aligned: 5 articles" in out
    assert "1 penalty" in out and "4 definitions" in out


def test_word_documents_line_up(run, tmp_path) -> None:
    en = write_docx(tmp_path / "act.docx", EN)
    fr = write_docx(tmp_path / "loi.docx", FR)
    status, out, err = run("compare", en, fr)
    assert status == 0, out + err
    assert "Aligned" in out


def test_word_against_text_of_the_other_language(run, tmp_path) -> None:
    en = write_docx(tmp_path / "act.docx", EN)
    fr = write(tmp_path, "loi.txt", FR)
    status, out, _ = run("compare", fr, en)  # either order
    assert status == 0, out


# --- misaligned versions: each reported once, with both places -----------------------------


def test_missing_article_is_reported_once_and_the_rest_still_lines_up() -> None:
    comparison = compare(EN, MISSING_ARTICLE)
    assert codes(comparison) == ["CMP001"]
    mismatch = comparison.mismatches[0]
    assert mismatch.a.cite == "Article 4" and mismatch.a.quote == "Limitation"
    assert mismatch.b.missing and mismatch.b.cite == "between Article 3 and Article 4"
    assert mismatch.b.file == "fr.txt" and mismatch.a.file == "en.txt"
    # The French Article 4 (renumbered) is paired with the English Article 5.
    assert comparison.pairs[-2:] == [(3, None), (4, 3)]


def test_missing_article_in_the_first_version_is_reported_on_its_side() -> None:
    comparison = compare(MISSING_ARTICLE, FR)
    assert codes(comparison) == ["CMP001"]
    assert comparison.mismatches[0].a.missing
    assert comparison.mismatches[0].b.cite == "Article 4"


def test_missing_paragraph() -> None:
    comparison = compare(EN, MISSING_PARAGRAPH)
    assert codes(comparison) == ["CMP002"]
    mismatch = comparison.mismatches[0]
    assert mismatch.a.cite == "Article 3(2)"
    assert mismatch.a.quote.startswith("Where there is evidence")
    assert mismatch.b.missing and mismatch.b.cite == "after Article 3, 2°"
    assert "2 paragraphs, 2 items" in mismatch.message


def test_changed_penalty_figure() -> None:
    comparison = compare(EN, CHANGED_PENALTY)
    assert codes(comparison) == ["CMP005"]
    mismatch = comparison.mismatches[0]
    assert "maximum 5 years" in mismatch.message and "maximum 3 years" in mismatch.message
    assert mismatch.a.cite == "Article 2(2)" and "five (5) years" in mismatch.a.quote
    assert mismatch.b.cite == "Article 2, alinéa 2" and "trois ans" in mismatch.b.quote


def test_changed_figure_outside_a_penalty() -> None:
    comparison = compare(
        EN, FR.replace("trois\n(3) ans", "quatre ans").replace("trois (3) ans", "quatre ans")
    )
    assert codes(comparison) == ["CMP003"]
    mismatch = comparison.mismatches[0]
    assert "3 in en.txt, 4 in fr.txt" in mismatch.message
    assert mismatch.a.cite == "Article 4" and "three (3)" in mismatch.a.quote
    assert mismatch.b.cite == "Article 4" and "quatre" in mismatch.b.quote


def test_reference_to_another_article() -> None:
    comparison = compare(EN, OTHER_REFERENCE)
    assert codes(comparison) == ["CMP004"]
    mismatch = comparison.mismatches[0]
    assert "Article 2 in en.txt" in mismatch.message and "article 4 in fr.txt" in mismatch.message
    assert mismatch.a.cite == "Article 3(1)" and "Article 2" in mismatch.a.quote
    assert mismatch.b.cite == "Article 3, alinéa premier" and "l'article 4" in mismatch.b.quote


def test_reference_to_another_item() -> None:
    comparison = compare(EN, FR.replace("alinéa 1, 2°.", "alinéa 1, 1°."))
    assert codes(comparison) == ["CMP004"]
    assert comparison.mismatches[0].a.cite == "Article 5"


def test_missing_definition() -> None:
    comparison = compare(EN, MISSING_DEFINITION)
    assert sorted(codes(comparison)) == ["CMP002", "CMP006"]
    definition = next(m for m in comparison.mismatches if m.code == "CMP006")
    assert '"court"' in definition.message
    assert definition.a.cite == "Article 1(a)" and definition.a.quote.startswith('"court" means')
    assert definition.b.missing and definition.b.cite.startswith("between Article premier")


def test_missing_definition_with_its_items_is_reported_once() -> None:
    start = FR.index("1° « génocide »")
    without = FR[:start] + FR[FR.index("2° « incitation »") :]
    comparison = compare(EN, without)
    assert sorted(codes(comparison)) == ["CMP002", "CMP006"]
    structure = comparison.mismatches[0]
    assert "this item and the 2 items under it of en.txt have no counterpart" in structure.message
    assert structure.a.cite == "Article 1(b)"
    # The French definitions are in their own order: there is no "between" to cite.
    assert structure.b.cite == "Article premier, none of its definitions"


def test_defined_term_used_in_one_version_only() -> None:
    comparison = compare(
        EN, FR.replace("fait rapport à la juridiction", "fait rapport au tribunal")
    )
    assert codes(comparison) == ["CMP007"]
    mismatch = comparison.mismatches[0]
    assert '"court"' in mismatch.message and '"juridiction"' in mismatch.message
    assert mismatch.a.cite == "Article 5" and mismatch.a.quote
    assert mismatch.b.cite == "Article 5" and mismatch.b.missing


def test_item_that_became_an_alinea() -> None:
    changed = FR.replace("1° dans le cadre de recherches", "Dans le cadre de recherches")
    comparison = compare(EN, changed)
    assert "CMP002" in codes(comparison)


def test_division_that_begins_elsewhere() -> None:
    en = EN.replace(
        "Article 4 - Limitation", "Part II - Final provisions\n\nArticle 4 - Limitation"
    )
    fr = FR.replace(
        "Article 5 – Évaluation", "Titre II – Dispositions finales\n\nArticle 5 – Évaluation"
    )
    comparison = compare(en, fr)
    assert sorted(codes(comparison)) == ["CMP008", "CMP008"]
    assert compare(
        en,
        FR.replace(
            "Article 4 – Prescription",
            "Titre II – Dispositions finales\n\nArticle 4 – Prescription",
        ),
    ).aligned


def test_part_whose_first_article_is_missing_still_lines_up() -> None:
    en = EN.replace(
        "Article 4 - Limitation", "Part II - Final provisions\n\nArticle 4 - Limitation"
    )
    fr = MISSING_ARTICLE.replace(
        "Article 4 – Évaluation", "Titre II – Dispositions finales\n\nArticle 4 – Évaluation"
    )
    assert codes(compare(en, fr)) == ["CMP001"]
    moved = compare(
        en, FR.replace("Article 5 – Évaluation", "Titre II – Fin\n\nArticle 5 – Évaluation")
    )
    assert [m.a.cite for m in moved.mismatches] == [
        "Part II – Final provisions (before Article 4)",
        "no division before Article 5",
    ]
    assert moved.mismatches[1].b.cite == "Titre II – Fin (before Article 5)"


def test_ignore_skips_a_kind_of_mismatch() -> None:
    assert compare(EN, CHANGED_PENALTY, ignore=("CMP005",)).aligned
    assert not compare(EN, CHANGED_PENALTY, ignore=("CMP007",)).aligned


# A consolidated statute in the Canadian style (marginal notes as headings, "3 (1)", bare
# definitions tagged with the other language's term, "section 3" / "l'article 3"), not drafted
# by drafter: the two versions line up, and a changed figure is still found.
CANADA_EN = """\
Prevention of Incitement to Genocide Act
S.C. 2026, c. 4

Short title
1 Prevention of Incitement to Genocide Act.

Definitions
2 The following definitions apply in this Act.
genocide One of the acts listed in article II of the Convention on the Prevention and Punishment of the Crime of Genocide, committed with intent to destroy, in whole or in part, a national, ethnical, racial or religious group, as such. (génocide)
incite To call on others to commit an act, in terms understood as such by those addressed. (inciter)
publicly In a public place or by a means of communication to the public, excluding private conversations. (publiquement)

Incitement to genocide
3 (1) Every person who directly and publicly incites others to commit genocide, with intent that the crime be committed and with intent to destroy, in whole or in part, a group referred to in the definition of genocide in section 2, commits an offence.
(2) Every person who commits the offence under subsection (1) is liable to imprisonment for a term of not more than five years, to a fine, or to both.

Exceptions
4 Section 3 does not apply to statements made in good faith in the course of research, teaching, journalism, artistic creation or judicial or parliamentary proceedings.

Factors
5 The court shall take into account the context, the standing of the speaker, their intent, the content and form of the statements, their reach and the likelihood and imminence of harm.

Prosecutions
6 (1) No prosecution for the offence under section 3 may be instituted without the prior consent of the Attorney General.
(2) Only courts of criminal jurisdiction may convict a person of that offence; a conviction may be appealed.

Application in time
7 This Act applies only to acts committed after it comes into force; prosecutions are barred after five years.

Review
8 The Minister of Justice shall publish statistics on the application of this Act every year; an independent review of this Act is to be carried out within five years after it comes into force.

Coming into force
9 This Act comes into force six months after the day on which it receives royal assent.
"""

CANADA_FR = """\
Loi sur la prévention de l'incitation au génocide
L.C. 2026, ch. 4

Titre abrégé
1 Loi sur la prévention de l'incitation au génocide.

Définitions
2 Les définitions qui suivent s'appliquent à la présente loi.
génocide L'un des actes énumérés à l'article II de la Convention pour la prévention et la répression du crime de génocide, commis dans l'intention de détruire, en tout ou en partie, un groupe national, ethnique, racial ou religieux, comme tel. (genocide)
inciter Appeler autrui à commettre un acte, en des termes compris comme tels par ceux auxquels on s'adresse. (incite)
publiquement Dans un lieu public ou par un moyen de communication au public, à l'exclusion des conversations privées. (publicly)

Incitation au génocide
3 (1) Quiconque incite directement et publiquement autrui à commettre un génocide, dans l'intention que ce crime soit commis et dans l'intention de détruire, en tout ou en partie, un groupe visé à la définition de génocide à l'article 2, commet une infraction.
(2) Quiconque commet l'infraction prévue au paragraphe (1) est passible d'un emprisonnement maximal de cinq ans, d'une amende, ou des deux.

Exceptions
4 L'article 3 ne s'applique pas aux propos tenus de bonne foi dans le cadre de recherches, de l'enseignement, du journalisme, de la création artistique ou d'une instance judiciaire ou parlementaire.

Facteurs
5 Le tribunal tient compte du contexte, de la qualité de l'orateur, de son intention, du contenu et de la forme des propos, de leur portée ainsi que de la probabilité et de l'imminence d'un préjudice.

Poursuites
6 (1) Il ne peut être engagé de poursuite pour l'infraction prévue à l'article 3 sans le consentement préalable du procureur général.
(2) Seuls les tribunaux de juridiction criminelle peuvent déclarer une personne coupable de cette infraction; la déclaration de culpabilité est susceptible d'appel.

Application dans le temps
7 La présente loi ne s'applique qu'aux actes commis après son entrée en vigueur; les poursuites se prescrivent par cinq ans.

Examen
8 Le ministre de la Justice publie chaque année des statistiques sur l'application de la présente loi; un examen indépendant de celle-ci est effectué dans les cinq ans suivant son entrée en vigueur.

Entrée en vigueur
9 La présente loi entre en vigueur six mois après la date de sa sanction.
"""


def test_consolidated_statutes_in_another_layout_line_up() -> None:
    assert compare(CANADA_EN, CANADA_FR).aligned
    changed = compare(CANADA_EN, CANADA_FR.replace("six mois après", "trois mois après"))
    assert codes(changed) == ["CMP003"]
    assert (
        changed.mismatches[0].a.cite == "Section 9" and changed.mismatches[0].b.cite == "Article 9"
    )


CORPUS = sorted((ROOT / "tests" / "corpus").glob("*.txt")) + sorted(
    (ROOT / "tests" / "corpus").glob("*.md")
)


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_every_corpus_statute_lines_up_with_itself(path: Path) -> None:
    # Forty layouts of real statutes (sections, "§", "Art. 3.", "Article premier", "1°"...):
    # a version compared with itself is aligned, whatever the reader makes of it.
    text = path.read_text(encoding="utf-8")
    comparison = compare(text, text)
    assert comparison.aligned, [m.message for m in comparison.mismatches]
    assert comparison.pairs == [(i, i) for i in range(len(comparison.a.articles))]


def test_unrelated_statutes_do_not_line_up() -> None:
    en = (ROOT / "tests" / "corpus" / "en_good_incitement_act.txt").read_text(encoding="utf-8")
    fr = (ROOT / "tests" / "corpus" / "fr_good_loi.txt").read_text(encoding="utf-8")
    found = {m.code for m in compare(en, fr).mismatches}
    assert {"CMP001", "CMP002", "CMP003", "CMP005"} <= found


# --- the command: text, JSON, output file, exit statuses ---------------------------------


def test_text_report_groups_by_article_and_shows_both_places(run, tmp_path) -> None:
    en, fr = write(tmp_path, "en.txt", EN), write(tmp_path, "fr.txt", CHANGED_PENALTY)
    status, out, _ = run("compare", en, fr)
    assert status == 1
    lines = out.splitlines()
    header = lines.index("Article 2 | Article 2 – Incitement to genocide")
    assert lines[header + 1].startswith("  CMP005 penalty: penalty differs")
    assert "en.txt" in lines[header + 2] and "Article 2(2)" in lines[header + 2]
    assert "fr.txt" in lines[header + 3] and "Article 2, alinéa 2" in lines[header + 3]
    assert lines[-1] == "1 mismatch (CMP005 1): the versions do not line up."


def test_json_report_shape(run, tmp_path) -> None:
    en, fr = write(tmp_path, "en.txt", EN), write(tmp_path, "fr.txt", MISSING_ARTICLE)
    status, out, _ = run("compare", en, fr, "--format", "json")
    assert status == 1
    data = json.loads(out)
    assert set(data) == {"version", "aligned", "files", "articles", "summary", "mismatches"}
    assert data["version"] == 1 and data["aligned"] is False
    assert data["files"]["a"] == {"path": "en.txt", "language": "en", "articles": 5}
    assert data["files"]["b"]["language"] == "fr" and data["files"]["b"]["articles"] == 4
    assert data["articles"][3] == {"a": "4", "b": None}
    assert data["articles"][0] == {"a": "1", "b": "premier"}
    assert data["summary"]["mismatches"] == 1 and data["summary"]["by_code"] == {"CMP001": 1}
    assert data["summary"]["compared"]["a"]["penalties"] == 1
    (mismatch,) = data["mismatches"]
    assert set(mismatch) == {"code", "name", "message", "a", "b"}
    assert mismatch["code"] == "CMP001" and mismatch["name"] == "article"
    place_keys = {"file", "article", "number", "heading", "paragraph", "cite", "quote", "missing"}
    assert set(mismatch["a"]) == place_keys and set(mismatch["b"]) == place_keys
    assert mismatch["a"]["number"] == "4" and mismatch["a"]["missing"] is False
    assert mismatch["b"]["missing"] is True and mismatch["b"]["file"] == "fr.txt"


def test_aligned_json(run, tmp_path) -> None:
    en, fr = write(tmp_path, "en.txt", EN), write(tmp_path, "fr.txt", FR)
    status, out, _ = run("compare", en, fr, "-f", "json")
    assert status == 0
    data = json.loads(out)
    assert data["aligned"] is True and data["mismatches"] == []


def test_output_file_is_written_once_without_force(run, tmp_path) -> None:
    en, fr = write(tmp_path, "en.txt", EN), write(tmp_path, "fr.txt", OTHER_REFERENCE)
    report = tmp_path / "report.json"
    status, out, _ = run("compare", en, fr, "-f", "json", "-o", report)
    assert status == 1 and out == ""
    assert json.loads(report.read_text(encoding="utf-8"))["summary"]["by_code"] == {"CMP004": 1}
    status, _, err = run("compare", en, fr, "-o", report)
    assert status == 2 and "exists; use --force" in err
    assert run("compare", en, fr, "-o", report, "--force")[0] == 1
    assert report.read_text(encoding="utf-8").startswith("Comparing en.txt")
    status, _, err = run("compare", en, fr, "-o", en, "--force")
    assert status == 2 and "would overwrite a file being compared" in err
    assert (tmp_path / en).read_text(encoding="utf-8") == EN


@pytest.mark.parametrize(
    "make, fragment",
    [
        (lambda d: d / "missing.docx", "file not found"),
        (lambda d: write(d, "empty.txt", ""), "is empty"),
        (lambda d: write(d, "bad.docx", "PK\x03\x04 not a zip"), "bad.docx"),
        (lambda d: d, "is a directory"),
    ],
    ids=["missing", "empty", "corrupt", "folder"],
)
def test_bad_input_is_one_line_and_status_2(run, tmp_path, make, fragment) -> None:
    good = write(tmp_path, "en.txt", EN)
    bad = make(tmp_path)
    for args in ((good, bad), (bad, good)):
        status, out, err = run("compare", *args)
        assert status == 2 and out == ""
        assert len(err.strip().splitlines()) == 1 and fragment in err
        assert "Traceback" not in err


def test_unknown_ignore_code_is_a_usage_error(run, tmp_path) -> None:
    en = write(tmp_path, "en.txt", EN)
    status, _, err = run("compare", en, en, "--ignore", "CMP999")
    assert status == 2 and "unknown comparison code 'CMP999'" in err


def test_language_overrides(run, tmp_path) -> None:
    en, fr = write(tmp_path, "en.txt", EN), write(tmp_path, "fr.txt", FR)
    status, out, _ = run("compare", en, fr, "--lang-a", "en", "--lang-b", "fr", "-f", "json")
    assert status == 0 and json.loads(out)["files"]["b"]["language"] == "fr"
    status, out, _ = run("compare", en, fr, "--lang-b", "en", "-f", "json")
    assert json.loads(out)["files"]["b"]["language"] == "en"


def test_compare_is_listed_in_help(run) -> None:
    status, out, _ = run("--help")
    assert status == 0 and "compare" in out


# --- the pieces ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("imprisonment for a term not exceeding seven (7) years", ["7"]),
        ("de sept ans d'emprisonnement", ["7"]),
        ("vingt-cinq ans ou quatre-vingts jours", ["25", "80"]),
        ("une amende, ou de l'une de ces deux peines", []),
        ("one or more of the following acts", []),
        ("one (1) year", ["1"]),
        ("under Article 5(2)(b) and sections 3 to 4", []),
        ("de l'article 7, alinéa 2, 2°, et des articles 3 et 4", []),
        ("the Act of 2026, within 60 days", ["60"]),
        ("a fine not exceeding 100,000 euros or 2.5 years", ["100000", "2.5"]),
        ("une amende de 100 000 euros ou 2,5 ans", ["100000", "2.5"]),
        ("one hundred thousand (100,000) dollars", ["100000"]),
    ],
)
def test_figures(text: str, expected: list[str]) -> None:
    assert [f.value for f in figures_in(text, [], {"2026"})] == expected


def test_terms_of_years_are_marked_as_durations() -> None:
    figures = figures_in("five (5) years, or within sixty (60) days, 12 persons", [], set())
    assert [(f.value, f.duration) for f in figures] == [("5", True), ("60", True), ("12", False)]


def test_place_labels_in_each_language() -> None:
    article = Article(
        number="7",
        paragraphs=[
            Paragraph("lead", None, 0),
            Paragraph("second", None, 0),
            Paragraph("item", "1", 1),
            Paragraph("item", "2", 1),
            Paragraph("sub", "a", 2),
        ],
    )
    assert place_label(article, 5, "fr") == "Article 7, alinéa 2, 2°, a)"
    assert place_label(article, 2, "fr") == "Article 7, alinéa 2"
    assert place_label(article, 2, "en") == "Article 7, paragraph 2"
    assert place_label(article, 5, "en") == "Article 7(2)(a)"
    assert place_label(article, None, "en") == "Article 7"
    single = Article(number="9", paragraphs=[Paragraph("only")])
    assert place_label(single, 1, "fr") == place_label(single, 1, "en") == "Article 9"


def test_alignment_recovers_after_a_gap_and_keeps_order_by_default() -> None:
    a = ["x", "y", "z", "w"]
    b = ["x", "z", "w"]
    same = lambda i, j: 1.0 if a[i] == b[j] else 0.0
    assert align(4, 3, same) == [(0, 0), (1, None), (2, 1), (3, 2)]
    assert align(2, 2, lambda i, j: 0.0) == [(0, 0), (1, 1)]
    assert align(0, 2, lambda i, j: 0.0) == [(None, 0), (None, 1)]


# --- drafted versions of every built-in template and example -------------------------------

EXAMPLES = sorted(
    p for p in (ROOT / "examples").glob("*.*") if p.suffix in (".yaml", ".toml", ".json")
)


def _template(example: Path) -> str:
    from drafter.answers import load_answers

    return load_answers(example)["template"]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_drafted_english_and_french_versions_line_up(run, tmp_path, example) -> None:
    from drafter.library import Library

    name = _template(example)
    template = Library().template(name)
    languages = {template.language, *getattr(template, "languages", {})}
    if "fr" not in languages or "en" not in languages:
        pytest.skip(f"template {name} has no French version yet (languages: {sorted(languages)})")
    act, loi = tmp_path / "act.docx", tmp_path / "loi.docx"
    for lang, out in (("en", act), ("fr", loi)):
        status, _, err = run("draft", name, "--answers", example, "--lang", lang, "-o", out,
                             "--allow-findings")  # fmt: skip
        assert status == 0, err
    status, out, _ = run("compare", act, loi)
    assert status == 0, out
