"""Article kinds, definitions, cross-references and language detection (drafter.reading)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.model import Article, Paragraph
from drafter.model import ArticleKind as K
from drafter.reading import read_text
from drafter.reading.classify import classify_article
from drafter.reading.language import detect_language

KINDS = [
    # (heading, text, language, expected)
    ("Definitions", "In this Act: (a) x;", "en", K.DEFINITIONS),
    (None, '"genocide" means any act listed in the Convention.', "en", K.DEFINITIONS),
    ("Interpretation", "Words have their ordinary meaning.", "en", K.DEFINITIONS),
    ("Incitement", "A person who incites genocide commits an offence.", "en", K.OFFENCE),
    (None, "Any person who publicly denies genocide is guilty of an offence.", "en", K.OFFENCE),
    (None, "Whoever insults the nation shall be punished with imprisonment.", "en", K.OFFENCE),
    (None, "Any person who spreads hatred shall be liable to a fine.", "en", K.OFFENCE),
    ("Offences and penalties", "A person who incites shall be liable to a fine.", "en", K.OFFENCE),
    (
        "Penalties",
        "A person who commits an offence under Article 3 is liable to a fine.",
        "en",
        K.SANCTION,
    ),
    (
        None,
        "The penalty for the offence in Article 3 is imprisonment for 2 years.",
        "en",
        K.SANCTION,
    ),
    ("Sentencing", "The court shall impose the least severe sanction.", "en", K.SANCTION),
    (
        "Prosecution",
        "Proceedings require the consent of the Prosecutor-General.",
        "en",
        K.PROCEDURE,
    ),
    (None, "An appeal lies to the Court of Appeal against any conviction.", "en", K.PROCEDURE),
    ("Exceptions", "Nothing in this Act applies to research.", "en", K.EXCEPTIONS),
    (None, "Article 3 does not apply to academic research.", "en", K.EXCEPTIONS),
    ("Minimum age", "No person under the age of 14 is criminally liable.", "en", K.GENERAL),
    ("Statistics", "The prosecutor shall publish statistics on prosecutions.", "en", K.FINAL),
    ("Expiry", "This Act ceases to have effect after six years.", "en", K.FINAL),
    ("Dissolution of legal persons", "The court may order the dissolution.", "en", K.SANCTION),
    (
        "Prosecution",
        "The Commission may not decide that a statement constitutes an offence.",
        "en",
        K.PROCEDURE,
    ),
    (
        None,
        "No one may be convicted for conduct that did not constitute a criminal offence.",
        "en",
        K.GENERAL,
    ),
    ("Entry into force", "On publication.", "en", K.FINAL),
    (None, "This Act comes into force on 1 July 2026.", "en", K.FINAL),
    (None, "The Press Act 1990 is repealed.", "en", K.FINAL),
    ("Review", "Within five years the Minister shall report.", "en", K.FINAL),
    ("Judicial review", "Decisions are subject to judicial review.", "en", K.PROCEDURE),
    ("Purpose", "This Act protects people from incitement.", "en", K.GENERAL),
    (
        "False testimony and evidence",
        "Any person who conceals evidence is liable to a fine.",
        "en",
        K.OFFENCE,
    ),
    (
        None,
        "A person who reports facts in good faith does not commit an offence.",
        "en",
        K.EXCEPTIONS,
    ),
    (
        None,
        (
            "A person who publicly spreads hatred commits the offence of incitement and is liable "
            "to imprisonment."
        ),
        "en",
        K.OFFENCE,
    ),
    (
        "False testimony and concealment of evidence",
        "Any person who conceals evidence of genocide commits the offence of concealment.",
        "en",
        K.OFFENCE,
    ),
    (
        None,
        "Any person who commits the offence of genocide denial shall be liable to a fine.",
        "en",
        K.SANCTION,
    ),
    (None, "Public incitement to genocide shall be punished by imprisonment.", "en", K.OFFENCE),
    (
        "Administrative sanctions",
        (
            "The Commission may order the suspension of the newspaper. Its decision shall not be "
            "questioned in any court."
        ),
        "en",
        K.SANCTION,
    ),
    (None, "This Act applies throughout the territory.", "en", K.GENERAL),
    (None, "This Act applies to statements made before its commencement.", "en", K.GENERAL),
    (None, "« génocide » désigne les actes énumérés.", "fr", K.DEFINITIONS),
    (None, "La haine s'entend d'un sentiment intense.", "fr", K.DEFINITIONS),
    (None, "Est puni de cinq ans d'emprisonnement le fait d'inciter au génocide.", "fr", K.OFFENCE),
    (None, "Quiconque nie le génocide est puni d'une amende.", "fr", K.OFFENCE),
    (None, "Ce fait constitue une infraction.", "fr", K.OFFENCE),
    (None, "L'infraction prévue à l'article 2 est punie de dix ans.", "fr", K.SANCTION),
    (
        None,
        (
            "La provocation directe et publique à commettre un génocide est punie de cinq ans "
            "d'emprisonnement."
        ),
        "fr",
        K.OFFENCE,
    ),
    (
        None,
        "La négation publique d'un génocide est punie d'un an d'emprisonnement.",
        "fr",
        K.OFFENCE,
    ),
    (None, "La provocation prévue à l'article 2 est punie de dix ans.", "fr", K.SANCTION),
    (None, "Est qualifié de divisionnisme tout propos tendant à opposer.", "fr", K.DEFINITIONS),
    (None, "Est considéré comme sectarisme tout écrit visant à diviser.", "fr", K.DEFINITIONS),
    ("Peines", "La juridiction peut prononcer un travail d'intérêt général.", "fr", K.SANCTION),
    (None, "Les poursuites sont engagées par le ministère public.", "fr", K.PROCEDURE),
    (None, "L'article 2 ne s'applique pas aux travaux de recherche.", "fr", K.EXCEPTIONS),
    (None, "La présente loi entre en vigueur le jour de sa publication.", "fr", K.FINAL),
    (None, "La loi n° 12 est abrogée.", "fr", K.FINAL),
    (
        None,
        "La présente loi sera enregistrée, publiée suivant la procédure d'urgence.",
        "fr",
        K.FINAL,
    ),
    (None, "La République honore la mémoire des victimes.", "fr", K.GENERAL),
    # Offences defined by their name: "Le crime de X est caractérisé par ...", "Commet le crime
    # de X quiconque ...", "The offence of X consists in ...".
    (
        None,
        "Le crime d'idéologie du génocide est caractérisé par tout comportement visant à nuire.",
        "fr",
        K.OFFENCE,
    ),
    (None, "Le délit de négationnisme consiste à nier un génocide.", "fr", K.OFFENCE),
    (None, "L'infraction de divisionnisme est constituée par tout propos.", "fr", K.OFFENCE),
    (None, "Commet le crime d'idéologie du génocide quiconque méprise autrui.", "fr", K.OFFENCE),
    (None, "The offence of genocide ideology consists in any deliberate act.", "en", K.OFFENCE),
    (None, "The crime of divisionism is committed by any person who speaks.", "en", K.OFFENCE),
    # ... but a penalty for a crime named elsewhere, and a definition, are not offences.
    (
        None,
        (
            "Toute personne reconnue coupable du crime d'idéologie du génocide est punie d'une "
            "servitude pénale de dix ans."
        ),
        "fr",
        K.SANCTION,
    ),
    (
        None,
        "Au sens de la présente loi, l'idéologie du génocide est un ensemble de pensées.",
        "fr",
        K.DEFINITIONS,
    ),
    (None, "Le crime de génocide est imprescriptible.", "fr", K.GENERAL),
    (
        "Warrant of seizure",
        (
            "A judge may seize any publication the communication of which would constitute an "
            "offence under section 319."
        ),
        "en",
        K.GENERAL,
    ),
]


@pytest.mark.parametrize(("heading", "text", "language", "expected"), KINDS)
def test_article_kind(heading: str | None, text: str, language: str, expected: K) -> None:
    article = Article(number="1", heading=heading, paragraphs=[Paragraph(text)])
    assert classify_article(article, language) == expected


def test_kinds_are_set_when_reading() -> None:
    statute = read_text(
        "Article 1 - Definitions\nx.\nArticle 2\nA person who incites commits an offence."
    )
    assert [a.kind for a in statute.articles] == [K.DEFINITIONS, K.OFFENCE]


DEFINITIONS = [
    ('"genocide" means an act.', "en", ["genocide"]),
    ("“public place” includes a road.", "en", ["public place"]),
    ("'hatred' means an emotion.", "en", ["hatred"]),
    ('"court" means the High Court; "judge" means a judge of it.', "en", ["court", "judge"]),
    ("In this Act, incitement means urging others to act.", "en", ["incitement"]),
    ("For the purposes of this Act, the term hatred means an emotion.", "en", ["hatred"]),
    ("« génocide » désigne les actes.", "fr", ["génocide"]),
    ("« publiquement » s'entend de tout lieu public.", "fr", ["publiquement"]),
    ("« haine » : un sentiment intense.", "fr", ["haine"]),
    ("On entend par « incitation » : le fait d'appeler.", "fr", ["incitation"]),
    ("Au sens de la présente loi, l'idéologie du génocide s'entend de tout ensemble.", "fr",
     ["idéologie du génocide"]),
    ("A person who incites commits an offence.", "en", []),
    ("The Minister means business.", "en", []),
    ("Est qualifié de régionalisme tout propos tendant à opposer.", "fr", ["régionalisme"]),
    ("Au sens de la présente loi, l'« extrémisme » s'entend de toute opinion.", "fr",
     ["extrémisme"]),
    ("Constitue un discours de haine tout acte de nature à diviser.", "fr", ["discours de haine"]),
    ("L'incitation et la provocation s'entendent d'un appel.", "fr", ["incitation", "provocation"]),
    # Terms defined together, and the doubled quotes of US bills (‘‘term’’, ``term'').
    ("In this section, “hatred” and “hostility” mean intense emotions.", "en",
     ["hatred", "hostility"]),
    ("“hatred”, “hostility” or “contempt” includes an emotion.", "en",
     ["hatred", "hostility", "contempt"]),
    ("« haine » et « hostilité » s'entendent d'émotions intenses.", "fr", ["haine", "hostilité"]),
    ("(3) PUBLICLY.—The term ‘‘publicly’’ means in a public place.", "en", ["publicly"]),
    ("“Hatred” and hostility are emotions.", "en", []),
]  # fmt: skip


def test_typed_doubled_quotes_mark_a_term() -> None:
    """``term'' (typed GPO quotes) as ‘‘term’’; the text reader may drop backquotes itself."""
    from drafter.reading.extract import terms_in

    found = terms_in("The term ``genocide'' has the meaning given in section 1091.", False, False)
    assert [term for term, _ in found] == ["genocide"]


@pytest.mark.parametrize(("text", "language", "terms"), DEFINITIONS)
def test_definitions(text: str, language: str, terms: list[str]) -> None:
    statute = read_text(f"Article 1 - Scope\n{text}", language=language)
    assert [d.term for d in statute.definitions] == terms


def test_definition_records_article_paragraph_and_text() -> None:
    statute = read_text(
        'Article 2 - Definitions\nIn this Act:\n(a) "group" means a national group;'
    )
    (definition,) = statute.definitions
    assert (definition.article, definition.paragraph) == ("2", 2)
    assert definition.text == "a national group"


def test_definitions_article_list_items() -> None:
    text = "Article 1 - Definitions\nIn this Act:\n(a) genocide: an act listed;\n(b) publicly means openly."
    assert [d.term for d in read_text(text).definitions] == ["genocide", "publicly"]


REFERENCES = [
    ("as provided in Article 7.", [("7", None, None)]),
    ("under Article 7(2)(b) of this Act", [("7", "2", "b")]),
    ("under Article 7(b)", [("7", None, "b")]),
    ("Articles 3 to 5 apply", [("3", None, None), ("4", None, None), ("5", None, None)]),
    ("Articles 3 and 6 apply", [("3", None, None), ("6", None, None)]),
    ("section 12 applies", [("12", None, None)]),
    ("under s. 12", [("12", None, None)]),
    ("under §§ 2 and 3", [("2", None, None), ("3", None, None)]),
    ("under paragraph (2)", [("1", "2", None)]),
    ("under paragraph (2)(a) of Article 7", [("7", "2", "a")]),
    ("under subsection (1) of section 4", [("4", "1", None)]),
    ("visés à l'alinéa 2 de l'article 7", [("7", "2", None)]),
    ("under paragraph (2) of article 5 of the Penal Code", []),
    ("l'article premier de la présente loi", [("premier", None, None)]),
    ("aux articles 2 et 3", [("2", None, None), ("3", None, None)]),
    ("Article 3 of the Penal Code", []),
    ("article 6 of Law No. 18/2008", []),
    ("article 20(2) of the International Covenant", []),
    ("l'article 6 du Statut de Rome", []),
    ("l'article 3 de la loi n° 2008-12", []),
    ("as this article provides", []),
]


@pytest.mark.parametrize(("text", "expected"), REFERENCES)
def test_cross_references(text: str, expected: list) -> None:
    statute = read_text(f"Article 1 - Scope\nIt applies {text}.")
    got = [(r.target_article, r.target_paragraph, r.target_item) for r in statute.cross_references]
    assert got == expected
    for ref in statute.cross_references:
        para = statute.articles[0].paragraphs[ref.paragraph - 1].text
        assert para[ref.start : ref.end] == ref.text
        assert ref.article == "1"


LANGUAGES = [
    ("A person who incites others to commit genocide commits an offence.", "en"),
    ("Est puni de cinq ans d'emprisonnement le fait d'inciter à commettre un génocide.", "fr"),
    ("La présente loi entre en vigueur le jour de sa publication.", "fr"),
    ("This Act comes into force on the day of its publication.", "en"),
    ("", "en"),
]


@pytest.mark.parametrize(("text", "expected"), LANGUAGES)
def test_language_detection(text: str, expected: str) -> None:
    assert detect_language(text) == expected


def test_explicit_language_wins() -> None:
    assert read_text("Article 1\nLa loi.", language="en").language == "en"
    assert read_text("Article 1\nLa présente loi entre en vigueur.").language == "fr"


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from([
    "Article 1", "Art. 2 - X", "(1) text;", "(a) item", "(i) sub", "- bullet", "PART I", "3.",
    "Section 4", "Chapitre II", "", "« x » désigne y", '"y" means z', "Articles 1 to 3", "§",
    "1. A person", "i) x", "Titre premier", "1° a", "BE IT ENACTED", "An Act to do things",
]) | st.text(), max_size=20))  # fmt: skip
def test_any_text_reads_without_crashing(lines: list[str] | str) -> None:
    text = "\n".join(lines) if isinstance(lines, list) else lines
    statute = read_text(text)
    for article in statute.articles:
        assert all(0 <= p.level <= 2 for p in article.paragraphs)


def test_definition_layouts_inside_a_definitions_article() -> None:
    text = """Article 2 - Definitions
The following definitions apply in this Law.
génocide L'un des actes énumérés à l'article II de la Convention.
Hateful expression: any statement capable of arousing strife.
(a) incite refers to urging others to act.
Est commis publiquement l'acte accompli dans un lieu public.
"""
    got = [d.term for d in read_text(text, language="en").definitions]
    assert got == ["génocide", "hateful expression", "incite", "publiquement"]


def test_two_definitions_in_one_paragraph_are_split() -> None:
    statute = read_text('Article 1\n"court" means the High Court; "judge" means a judge of it.')
    assert [(d.term, d.text) for d in statute.definitions] == [
        ("court", "the High Court"),
        ("judge", "a judge of it."),
    ]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            (
                "Article 3 - Characteristics\n"
                "Genocide ideology is characterised by any behaviour aimed at dehumanising a group.\n\n"
                "Article 4 - Punishment\n"
                "Any person found guilty of the crime of genocide ideology shall be liable to "
                "imprisonment of ten years.\n"
            ),
            "en",
        ),
        (
            (
                "Article 3\n"
                "L'idéologie du génocide se manifeste par tout comportement visant à mépriser.\n\n"
                "Article 4\n"
                "Toute personne reconnue coupable du crime d'idéologie du génocide est punie d'une "
                "servitude pénale de dix ans.\n"
            ),
            "fr",
        ),
    ],
)
def test_an_article_describing_a_crime_punished_later_states_the_offence(
    text: str, language: str
) -> None:
    statute = read_text(text, language=language)
    assert [a.kind for a in statute.articles] == [K.OFFENCE, K.SANCTION]


def test_a_described_subject_not_punished_by_name_stays_general() -> None:
    statute = read_text(
        "Article 3 - Memory\n"
        "Genocide remembrance is a duty of the State.\n\n"
        "Article 4 - Incitement\n"
        "Any person who publicly incites genocide shall be liable to imprisonment of five years.\n",
        language="en",
    )
    assert statute.article("3").kind == K.GENERAL
