"""Plain-text and Markdown layouts in the wild -> articles, numbers, levels (drafter.reading)."""

from __future__ import annotations

import pytest

from drafter.markup import parse_markup
from drafter.model import Article, ArticleKind, Division
from drafter.reading import read_text


def numbers(text: str) -> list[tuple[str, str | None]]:
    """Return (article number, heading) for each article read from text."""
    return [(a.number, a.heading) for a in read_text(text).articles]


def paras(article: Article) -> list[tuple[str | None, int, str]]:
    """Return (number, level, text) for each paragraph of an article."""
    return [(p.number, p.level, p.text) for p in article.paragraphs]


HEADINGS = [
    ("Article 3\nA person commits an offence.", [("3", None)]),
    ("Article 3 - Incitement\nText.", [("3", "Incitement")]),
    ("Article 3 – Incitement\nText.", [("3", "Incitement")]),
    ("Article 3: Incitement\nText.", [("3", "Incitement")]),
    ("Article: 3\nText.", [("3", None)]),
    ("Art. 3.\nText.", [("3", None)]),
    ("ARTICLE 3\nText.", [("3", None)]),
    ("Article 3bis\nText.", [("3bis", None)]),
    ("Article 3\nIncitement\n(1) Text.", [("3", "Incitement")]),
    ("Section 3 Incitement\nText.", [("3", "Incitement")]),
    ("s. 130 Incitement\nText.", [("130", "Incitement")]),
    ("§ 130\nText.", [("130", None)]),
    (
        "1. Short title\nThis Act may be cited.\n2. Offence\n(1) A person.",
        [("1", "Short title"), ("2", "Offence")],
    ),
    (
        "1 Short title\nThis Act may be cited.\n2 Offence\nText.",
        [("1", "Short title"), ("2", "Offence")],
    ),
    ("3.\nText.\n4.\nMore.", [("3", None), ("4", None)]),
    (
        "1. (1) A person commits an offence.\n(2) Another.\n2. (1) Penalty.",
        [("1", None), ("2", None)],
    ),
    ("Article premier\nTexte.\nArticle 2\nTexte.", [("premier", None), ("2", None)]),
    ("Article 1er\nTexte.", [("1er", None)]),
    (
        "## Article 1 - Definitions\nText.\n**Article 2.** Offence\nText.",
        [("1", "Definitions"), ("2", "Offence")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), HEADINGS)
def test_article_headings(text: str, expected: list) -> None:
    assert numbers(text) == expected


def test_designation_kept_as_printed() -> None:
    statute = read_text("Art. 1\nText.\n§ 2\nText.\ns. 3 Heading\nText.")
    assert [a.designation for a in statute.articles] == ["Art.", "§", "s."]
    assert read_text("Section 4\nText.").articles[0].caption == "Section 4"


NOT_HEADINGS = [
    "Article 3 of the Penal Code is repealed.",
    "Article 5(2) shall not apply.",
    "Part of the text is here.",
]


@pytest.mark.parametrize("line", NOT_HEADINGS)
def test_sentences_starting_with_article_words_are_text(line: str) -> None:
    statute = read_text(f"Article 1 - Scope\n{line}")
    assert len(statute.articles) == 1
    assert statute.articles[0].paragraphs[0].text == line
    assert statute.divisions == []


MARKERS = [
    ("(1) Text.", ("1", 0)),
    ("(1A) Text.", ("1A", 0)),
    ("1. Text.", ("1", 0)),
    ("1) Text.", ("1", 0)),
    ("1° Texte.", ("1", 0)),
    ("I. – Le fait de nier.", ("I", 0)),
    ("3.1 A person who.", ("3.1", 0)),
    ("(a) text;", ("a", 1)),
    ("a) text;", ("a", 1)),
    ("(i) text;", ("i", 2)),
    ("ii) text;", ("ii", 2)),
    ("- a bullet", (None, 0)),
    ("Plain paragraph.", (None, 0)),
]


@pytest.mark.parametrize(("line", "expected"), MARKERS)
def test_paragraph_markers(line: str, expected: tuple) -> None:
    para = read_text(f"Article 1 - X\n{line}").articles[0].paragraphs[0]
    assert (para.number, para.level) == expected
    assert not para.text.startswith(("(", "-"))


def test_nested_items_and_roman_versus_letter() -> None:
    text = """Article 4 - Offence
(1) A person who:
(a) first;
(b) second, including:
(i) one;
(ii) two;
(c) third;
(d) fourth;
(e) e;
(f) f;
(g) g;
(h) h;
(i) the ninth letter,

commits an offence.
(2) Second paragraph.
- bullet under it
"""
    got = [(n, lvl) for n, lvl, _ in paras(read_text(text).articles[0])]
    assert got == [
        ("1", 0), ("a", 1), ("b", 1), ("i", 2), ("ii", 2), ("c", 1), ("d", 1), ("e", 1),
        ("f", 1), ("g", 1), ("h", 1), ("i", 1), (None, 0), ("2", 0), (None, 1),
    ]  # fmt: skip


def test_numbered_paragraphs_inside_article_words_document() -> None:
    text = "Article 1 - Offence\n1. A person who incites.\n2. A person who denies.\n3. A third."
    statute = read_text(text)
    assert len(statute.articles) == 1
    assert [p.number for p in statute.articles[0].paragraphs] == ["1", "2", "3"]


def test_numbered_sentences_as_sections_when_no_article_words() -> None:
    text = (
        "My Act\n1. This Act may be cited as My Act.\n2. A person who incites commits an offence."
    )
    statute = read_text(text)
    assert [a.number for a in statute.articles] == ["1", "2"]
    assert statute.articles[0].designation == "Section"


def test_divisions_english() -> None:
    text = """PART I - PRELIMINARY
Article 1 - Purpose
Text.
Part 2 – Offences
CHAPTER III
Incitement
Article 2
Text.
Chapter 4
Article 3
Text.
"""
    body = read_text(text).body
    divisions = [(b.kind, b.number, b.heading) for b in body if isinstance(b, Division)]
    assert divisions == [
        ("part", "I", "PRELIMINARY"),
        ("part", "2", "Offences"),
        ("chapter", "III", "Incitement"),
        ("chapter", "4", None),
    ]
    assert [a.number for a in read_text(text).articles] == ["1", "2", "3"]


def test_section_is_a_division_in_a_statute_of_articles() -> None:
    statute = read_text("Section 1 - General\nArticle 1\nText.\nSection 2\nArticle 2\nText.")
    assert [d.kind for d in statute.divisions] == ["section", "section"]
    assert [a.number for a in statute.articles] == ["1", "2"]


def test_french_layout() -> None:
    text = """Loi n° 2024-12 relative à la répression de l'incitation au génocide
L'Assemblée nationale a adopté, le Président de la République promulgue la loi dont la teneur suit :
Titre premier - Dispositions générales
Chapitre Ier
Section 1 - Définitions
Article premier
Au sens de la présente loi, on entend par « génocide » : les actes énumérés à l'article 6 du Statut de Rome.
Art. 2. – Incitation
Est puni de cinq ans d'emprisonnement le fait d'inciter publiquement à commettre un génocide :
1° par des discours ;
2° par des écrits.
Article 3
La présente loi entre en vigueur le jour de sa publication.
"""
    statute = read_text(text)
    assert statute.language == "fr"
    assert statute.title.startswith("Loi n° 2024-12")
    assert statute.enacting_formula and "promulgue" in statute.enacting_formula
    assert [(d.kind, d.number) for d in statute.divisions] == [
        ("title", "premier"),
        ("chapter", "Ier"),
        ("section", "1"),
    ]
    assert [(a.number, a.heading) for a in statute.articles] == [
        ("premier", None),
        ("2", "Incitation"),
        ("3", None),
    ]
    assert [a.kind for a in statute.articles] == [
        ArticleKind.DEFINITIONS,
        ArticleKind.OFFENCE,
        ArticleKind.FINAL,
    ]
    # "1°" items after a lead-in ending with ":" are items of the alinéa above.
    assert [(p.number, p.level) for p in statute.articles[1].paragraphs] == [
        (None, 0),
        ("1", 1),
        ("2", 1),
    ]


def test_front_matter() -> None:
    text = """Prevention of Incitement to Genocide Act 2025
An Act to prevent and punish direct and public incitement to commit genocide.
WHEREAS the State is party to the Genocide Convention;
BE IT ENACTED by Parliament as follows:
Article 1 - Short title
This Act may be cited as the Prevention of Incitement to Genocide Act 2025.
"""
    statute = read_text(text, source="act.txt")
    assert statute.title == "Prevention of Incitement to Genocide Act 2025"
    assert statute.long_title.startswith("An Act to prevent")
    assert statute.enacting_formula.startswith("BE IT ENACTED")
    assert statute.preamble == ["WHEREAS the State is party to the Genocide Convention;"]
    assert statute.source == "act.txt"


def test_wrapped_lines_are_joined() -> None:
    text = """Article 1 - Offence
A person who directly and publicly incites others to commit genocide commits
an offence and is liable on conviction to imprisonment for a term not exceeding
Five years.
Article 2 - Penalty
"""
    para = read_text(text).articles[0].paragraphs
    assert len(para) == 1 and para[0].text.endswith("not exceeding Five years.")
    unwrapped = "Article 1 - X\n" + "A long line " * 10 + "and\nAnother paragraph.\n"
    assert len(read_text(unwrapped).articles[0].paragraphs) == 2


def test_document_without_article_headings_is_one_article() -> None:
    statute = read_text("Decree on speech\nIt is forbidden to mock the nation.\nOffenders pay.")
    assert statute.title == "Decree on speech"
    assert [a.number for a in statute.articles] == ["1"]
    assert len(statute.articles[0].paragraphs) == 2


@pytest.mark.parametrize("text", ["", "\n\n", "(((", "Article", "Article 1", "§", "1.", "- -", "#"])
def test_odd_input_never_crashes(text: str) -> None:
    read_text(text)


MARKUP = """::title Test Act
::article Definitions {kind=definitions}
::para In this Act:
::item "genocide" means an act listed in Article II of the Convention;
::item "publicly" means in a place open to the public.
::article Incitement {kind=offence label=inc}
::para A person who directly and publicly incites genocide commits an offence.
::para A person who commits the offence in paragraph (1) is liable to imprisonment.
::subitem a sub-item.
::article Penalty {kind=sanction}
::para The penalty for the offence in [[ref:inc/1]] is a fine.
"""


def as_text(statute) -> str:
    """Write a Statute as the simple text layout "Article N - Heading" / "(1) ..."."""
    lines = [statute.title]
    for article in statute.articles:
        lines.append(f"Article {article.number} - {article.heading}")
        lines.extend(f"{p.marker} {p.text}".strip() for p in article.paragraphs)
    return "\n".join(lines) + "\n"


def test_round_trip_from_markup() -> None:
    original = parse_markup(MARKUP)
    read = read_text(as_text(original))
    assert read.title == original.title
    assert [(a.number, a.heading, a.kind) for a in read.articles] == [
        (a.number, a.heading, a.kind) for a in original.articles
    ]
    for got, want in zip(read.articles, original.articles, strict=True):
        assert paras(got) == paras(want)
    assert [d.term for d in read.definitions] == ["genocide", "publicly"]
    assert [(r.target_article, r.target_paragraph) for r in read.cross_references] == [
        ("2", "1"),
        ("2", "1"),
    ]


def test_heading_above_the_number_common_law_style() -> None:
    text = """Hate Propaganda Act
An Act to prohibit hate propaganda.
Short title
1 This Act may be cited as the Hate Propaganda Act.
Advocating genocide
2 (1) Every one who advocates genocide is guilty of an indictable offence.
(2) In this section, genocide means any act listed in the Convention.
Public incitement of hatred
3 (1) Every one who publicly incites hatred is guilty of an offence.
"""
    statute = read_text(text)
    assert statute.title == "Hate Propaganda Act"
    assert statute.preamble == []
    assert [(a.number, a.heading) for a in statute.articles] == [
        ("1", "Short title"),
        ("2", "Advocating genocide"),
        ("3", "Public incitement of hatred"),
    ]
    assert [p.number for p in statute.articles[1].paragraphs] == ["1", "2"]


def test_french_inline_article_text() -> None:
    text = (
        "Art. 1er. – La présente loi s'applique à tous.\n"
        "Art. 2. – Le fait de provoquer publiquement à la haine est puni d'un an d'emprisonnement.\n"
    )
    statute = read_text(text)
    assert [(a.number, a.heading) for a in statute.articles] == [("1er", None), ("2", None)]
    assert statute.articles[0].paragraphs[0].text == "La présente loi s'applique à tous."
    assert statute.articles[1].kind == ArticleKind.OFFENCE


def test_table_of_contents_is_not_read_as_articles() -> None:
    text = """My Act
TABLE OF CONTENTS
CHAPTER I: GENERAL
Article 1: Purpose ........ 3
Article 2: Offence ....... 4
CHAPTER I: GENERAL
Article 1: Purpose
This Act protects.
Article 2: Offence
A person who incites commits an offence.
"""
    statute = read_text(text)
    assert [(a.number, a.heading, len(a.paragraphs)) for a in statute.articles] == [
        ("1", "Purpose", 1),
        ("2", "Offence", 1),
    ]
    assert len(statute.divisions) == 1
    assert "Article 2 Offence" in statute.metadata["contents"]


def test_text_after_a_division_heading_is_kept() -> None:
    text = "Article 1 - A\nText.\nPART II\nOffences\nThis Part applies to adults.\nArticle 2\nX."
    statute = read_text(text)
    assert statute.divisions[0].heading == "Offences"
    assert "This Part applies to adults." in statute.articles[0].text


GAZETTE_WITH_CONTENTS = """LAW N° 59/2018 OF 22/8/2018 ON THE CRIME OF GENOCIDE IDEOLOGY AND RELATED CRIMES
TABLE OF CONTENTS
CHAPTER ONE: GENERAL PROVISIONS
Article One: Purpose of this Law
Article 2: Definitions
CHAPTER II: OFFENCES AND PENALTIES
Article 3: Crime of genocide ideology
Article 4: Entry into force
We, KAGAME Paul,
President of the Republic;
THE PARLIAMENT HAS ADOPTED AND WE SANCTION, PROMULGATE THE FOLLOWING LAW AND ORDER IT BE PUBLISHED IN THE OFFICIAL GAZETTE
THE PARLIAMENT:
Pursuant to the Constitution of the Republic of Rwanda of 2003 revised in 2015, especially in Articles 64, 69, 70, 88, 90, 91, 106, 120, 122 and 176;
ADOPTS:
CHAPTER ONE: GENERAL PROVISIONS
Article One: Purpose of this Law
This Law defines the crime of genocide ideology and related crimes.
Article 2: Definitions
For the purposes of this Law, the following terms are defined as follows:
1° genocide: any of the acts committed with intent to destroy a group;
2° genocide ideology: an aggregate of thoughts aiming at exterminating a group.
CHAPTER II: OFFENCES AND PENALTIES
Article 3: Crime of genocide ideology
Any person who commits the crime of genocide ideology commits an offence. Upon conviction, he or she is liable to imprisonment for a term of more than five (5) years but not more than nine (9) years.
Article 4: Entry into force
This Law comes into force on the date of its publication in the Official Gazette of the Republic of Rwanda.
"""


def test_gazette_with_table_of_contents_and_word_numbers() -> None:
    statute = read_text(GAZETTE_WITH_CONTENTS)
    assert statute.title.startswith("LAW N° 59/2018")
    assert statute.enacting_formula.startswith("THE PARLIAMENT HAS ADOPTED")
    assert "ADOPTS:" in statute.preamble
    assert [(a.number, a.heading) for a in statute.articles] == [
        ("One", "Purpose of this Law"),
        ("2", "Definitions"),
        ("3", "Crime of genocide ideology"),
        ("4", "Entry into force"),
    ]
    assert [d.number for d in statute.divisions] == ["ONE", "II"]
    assert [d.term for d in statute.definitions] == ["genocide", "genocide ideology"]
    assert "Article 3 Crime of genocide ideology" in statute.metadata["contents"]


ARRANGEMENT_OF_SECTIONS = """THE NATIONAL COHESION AND INTEGRATION ACT, 2008
ARRANGEMENT OF SECTIONS
PART I—PRELIMINARY
1—Short title and commencement.
2—Interpretation.
PART II—OFFENCES
13—Hate speech.
AN ACT of Parliament to encourage national cohesion and integration by outlawing discrimination on ethnic grounds.
ENACTED by the Parliament of Kenya, as follows—
PART I—PRELIMINARY
1. This Act may be cited as the National Cohesion and Integration Act, 2008, and shall come into operation on such date as the Minister may appoint.
2. In this Act, unless the context otherwise requires—
"Commission" means the National Cohesion and Integration Commission;
"ethnic group" means a group of persons defined by reference to colour, race, religion, or ethnic or national origins.
PART II—OFFENCES
13. (1) A person who uses threatening, abusive or insulting words or behaviour commits an offence if such person intends thereby to stir up ethnic hatred.
(2) Any person who commits an offence under this section shall be liable to a fine not exceeding one million shillings, or to imprisonment for a term not exceeding three years or to both.
"""


def test_act_with_arrangement_of_sections_and_numbered_sections() -> None:
    statute = read_text(ARRANGEMENT_OF_SECTIONS)
    assert statute.long_title.startswith("AN ACT of Parliament to encourage")
    assert statute.enacting_formula.startswith("ENACTED by the Parliament")
    assert [(d.kind, d.number) for d in statute.divisions] == [("part", "I"), ("part", "II")]
    assert [(a.caption, a.heading, a.kind) for a in statute.articles] == [
        ("Section 1", None, ArticleKind.FINAL),
        ("Section 2", None, ArticleKind.DEFINITIONS),
        ("Section 13", None, ArticleKind.OFFENCE),
    ]
    assert statute.articles[1].paragraphs[0].text.startswith("In this Act, unless")
    assert [p.number for p in statute.articles[2].paragraphs] == ["1", "2"]


def test_inline_heading_then_text_philippine_style() -> None:
    text = (
        "REPUBLIC ACT No. 1\n"
        "AN ACT PENALIZING INCITEMENT TO GENOCIDE\n"
        "Section 1. Short Title. – This Act shall be known as the Anti-Incitement Act.\n"
        "Section 2. Prospective Application; Prescription. – This Act applies to later acts.\n"
    )
    statute = read_text(text)
    assert statute.long_title == "AN ACT PENALIZING INCITEMENT TO GENOCIDE"
    assert [(a.number, a.heading) for a in statute.articles] == [
        ("1", "Short Title"),
        ("2", "Prospective Application; Prescription"),
    ]
    assert statute.articles[0].paragraphs[0].text.startswith("This Act shall be known")


def test_article_number_in_brackets_and_heading_below() -> None:
    statute = read_text("Article (1)\nDefinitions\nText.\nArticle (2)\nMore text.")
    assert [(a.number, a.heading) for a in statute.articles] == [("1", "Definitions"), ("2", None)]


def test_sections_inserted_by_an_amending_act() -> None:
    text = """PENAL CODE (AMENDMENT) ACT
1. Insertion of new sections
The Penal Code is amended by inserting the following sections after section 51—
51A. Promotion of sectarian ideology
(1) Any person who promotes sectarian ideology is guilty of a felony.
51B. Genocide denial
Any person who denies the genocide is liable to imprisonment for life.
2. Commencement
This Act comes into force on 1 March 2022.
"""
    assert [(a.number, a.heading) for a in read_text(text).articles] == [
        ("1", "Insertion of new sections"),
        ("51A", "Promotion of sectarian ideology"),
        ("51B", "Genocide denial"),
        ("2", "Commencement"),
    ]


def test_swiss_paragraph_numbers() -> None:
    text = "Art. 2 Atteinte\n1 Celui qui aura nié sera puni.\n2 La peine est doublée."
    article = read_text(text).articles[0]
    assert [(p.number, p.text[:9]) for p in article.paragraphs] == [
        ("1", "Celui qui"),
        ("2", "La peine "),
    ]


def test_markdown_syntax_is_removed() -> None:
    text = (
        "# The Act\n\n## Article 1 - Scope <!-- draft -->\n"
        "This Act applies as set out in [the Convention](https://example.org) and `Article 2`.\n"
        "| Offence | Penalty |\n|---|---|\n| Incitement | 5 years |\n"
    )
    statute = read_text(text)
    assert statute.title == "The Act"
    article = statute.articles[0]
    assert article.heading == "Scope"
    assert [p.text for p in article.paragraphs] == [
        "This Act applies as set out in the Convention and Article 2.",
        "Offence | Penalty",
        "Incitement | 5 years",
    ]


def test_headings_run_into_the_text() -> None:
    text = (
        "Penal Code\n"
        "153A. Promoting enmity between different groups on grounds of religion, race, "
        "language, etc., and doing acts prejudicial to harmony.—(1) Whoever—\n"
        "(a) by words promotes disharmony,\n"
        "153B. Imputations.—Whoever makes any imputation shall be punished.\n"
    )
    statute = read_text(text)
    assert [a.number for a in statute.articles] == ["153A", "153B"]
    assert statute.articles[0].heading.endswith("doing acts prejudicial to harmony")
    assert [(p.number, p.level) for p in statute.articles[0].paragraphs] == [("1", 0), ("a", 1)]
    assert statute.articles[1].heading == "Imputations"
    caption = read_text("Article 3 – Incitement. A person who publicly incites commits an offence.")
    assert caption.articles[0].heading == "Incitement"
    assert caption.articles[0].paragraphs[0].text.startswith("A person who")


def test_belgian_paragraph_marks_inside_an_article() -> None:
    text = (
        "Art. 3. § 1er. Est puni quiconque incite au génocide.\n"
        "§ 2. Est puni quiconque incite à la violence.\n"
        "Art. 4. L'article 3 ne s'applique pas aux travaux de recherche."
    )
    statute = read_text(text, language="fr")
    assert [a.number for a in statute.articles] == ["3", "4"]
    paras = statute.articles[0].paragraphs
    assert [(p.number, p.level) for p in paras] == [("1", 0), ("2", 0)]
    assert paras[1].text.startswith("Est puni quiconque incite à la violence")


def test_schedule_is_read_apart_from_the_last_section() -> None:
    text = (
        "ACT 2025\n\n1. Interpretation\nIn this Act, genocide means an act in the Schedule.\n"
        "2. Review\nThe Minister shall report each year.\n"
        "SCHEDULE\nACTS OF GENOCIDE\n1. Killing members of the group.\n"
        "2. Causing serious bodily harm to members of the group.\n"
    )
    statute = read_text(text)
    assert [a.number for a in statute.articles] == ["1", "2", "Schedule"]
    assert len(statute.article("2").paragraphs) == 1
    schedule = statute.article("Schedule")
    assert schedule.heading == "ACTS OF GENOCIDE"
    assert [p.number for p in schedule.paragraphs] == ["1", "2"]


def test_schedule_in_an_arrangement_of_sections_is_not_the_schedule() -> None:
    text = ARRANGEMENT_OF_SECTIONS.replace("13—Hate speech.\n", "13—Hate speech.\nSCHEDULE\n")
    statute = read_text(text)
    assert [a.caption for a in statute.articles] == ["Section 1", "Section 2", "Section 13"]
    assert [p.number for p in statute.articles[2].paragraphs] == ["1", "2"]


# --- drafting styles met on held-out statutes ----------------------------------------------


def test_bare_numbered_heading_after_worded_articles_is_the_next_article() -> None:
    statute = read_text(
        "Hate Act\n\nArticle 1 - Offence\nA person who incites genocide commits an offence.\n"
        "2. Commencement\nThis Act comes into force on publication.\n"
    )
    assert [(a.number, a.heading) for a in statute.articles] == [
        ("1", "Offence"),
        ("2", "Commencement"),
    ]
    assert statute.article("2").kind == ArticleKind.FINAL


def test_numbered_list_items_in_worded_articles_stay_items() -> None:
    statute = read_text(
        "Hate Act\n\nArticle 1 - Offence\nThe following are offences:\n1. Genocide\n"
        "2. Incitement to genocide\nArticle 2 - End\nThis Act comes into force.\n"
    )
    assert [a.number for a in statute.articles] == ["1", "2"]
    assert len(statute.article("1").paragraphs) == 3


def test_spaced_sub_reference_to_another_law_is_not_internal() -> None:
    statute = read_text(
        "Article 1 - Offence\nA person who commits an offence under section 6 (1) of the Penal "
        "Code commits an offence.\nArticle 2 - Offence\nA person who breaks section 1 (1) "
        "commits an offence.\n"
    )
    targets = [(r.article, r.target_article) for r in statute.cross_references]
    assert ("1", "6") not in targets
    assert ("2", "1") in targets


def test_canadian_definitions_ending_with_the_other_language_term_stay_apart() -> None:
    statute = read_text(
        "Hate Act\n\nDefinitions\n1. The following definitions apply in this Act.\n"
        "genocide means an act of genocide as defined in the Rome Statute. (génocide)\n"
        "identifiable group means any section of the public distinguished by colour. "
        "(groupe identifiable)\nhatred means detestation. (haine)\n\n"
        "2. A person who incites hatred commits an offence.\n"
    )
    assert len(statute.article("1").paragraphs) == 4
    assert {d.term for d in statute.definitions} == {"genocide", "identifiable group", "hatred"}


def test_uk_chapter_citation_and_cross_headings() -> None:
    statute = read_text(
        "Hate Act 2025\n\n2025 CHAPTER 3\n\nAn Act to punish incitement to genocide.\n\n"
        "Be it enacted by the King's most Excellent Majesty as follows:\n\n"
        "1 Meaning of genocide\nIn this Act genocide means an act listed in the Schedule.\n\n"
        "Offences\n\n2 Incitement to genocide\n(1) A person who directly incites genocide "
        "commits an offence.\n(2) A person guilty of the offence is liable on conviction on "
        "indictment to imprisonment for a term not exceeding 7 years.\n\n"
        "Supplementary\n\n3 Commencement\nThis Act comes into force on 1 May 2026.\n"
    )
    assert [(a.number, a.heading) for a in statute.articles] == [
        ("1", "Meaning of genocide"),
        ("2", "Incitement to genocide"),
        ("3", "Commencement"),
    ]
    assert [d.heading for d in statute.divisions] == ["Offences", "Supplementary"]
    assert len(statute.article("1").paragraphs) == 1


def test_letter_i_after_numerals_and_numerals_after_a_lead_in() -> None:
    """ "(i)" after "(h)" is a letter, unless a lead-in opens numerals; "(ii)" continues them."""
    statute = read_text(
        "Article 1 - Definitions\n"
        "In this Act:\n"
        '(g) "court" means a court of law;\n'
        '(h) "publicly" means in one of the following ways:\n'
        "(i) in a place open to the public;\n"
        "(ii) through a broadcast;\n"
        '(i) "violence" means the use of physical force.\n'
    )
    levels = [(p.number, p.level) for p in statute.articles[0].paragraphs]
    assert levels == [(None, 0), ("g", 1), ("h", 1), ("i", 2), ("ii", 2), ("i", 1)]
