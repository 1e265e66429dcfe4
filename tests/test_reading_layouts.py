"""Statutes laid out as printers lay them out: PDF copies, gazettes, bills, parliaments' sites.

Each behaviour of the reader is shown firing on the layout that needs it and staying quiet on
the layout it must not touch; the held-out PDF copies (Canadian code, Rwandan gazette, US
bill, French Journal officiel) must read into their real articles and paragraphs.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.model import Article, Statute
from drafter.reading import read_document, read_text
from drafter.reading.pages import page_furniture, strip_line_numbers
from drafter.reading.text import join_lines, split_breaks

HELDOUT = Path(__file__).resolve().parent / "heldout"
# A line as long as a hard-wrapped line of these snippets, so that they read as wrapped text.
RULER = "This line is as long as a full line of the hard-wrapped text it is part of."


def paras(article: Article) -> list[tuple[str | None, int, str]]:
    """Return (number, level, text) for each paragraph of an article."""
    return [(p.number, p.level, p.text) for p in article.paragraphs]


def captions(statute: Statute) -> list[tuple[str, str | None]]:
    """Return (caption, heading) for each article."""
    return [(a.caption, a.heading) for a in statute.articles]


# --- hard-wrapped lines ---------------------------------------------------------------------


def test_wrapped_lines_after_a_numbered_heading_join_the_sentence() -> None:
    statute = read_text(
        "Hate Act\n\n1. Short title\nThis Act may be cited as the Hate Act.\n"
        "2. (1) Every person who advocates or promotes genocide is\n"
        "guilty of an indictable offence and liable to imprisonment\n"
        "for a term of not more than five years.\n"
        "(2) No proceeding for an offence under this section shall\n"
        "be instituted without the consent of the Attorney General.\n"
    )
    assert captions(statute) == [("Section 1", "Short title"), ("Section 2", None)]
    assert [(n, t[:22]) for n, _, t in paras(statute.article("2"))] == [
        ("1", "Every person who advoc"),
        ("2", "No proceeding for an o"),
    ]
    assert statute.article("2").paragraphs[0].text.endswith("not more than five years.")


def test_a_short_caption_never_takes_the_next_line() -> None:
    statute = read_text(
        f"{RULER}\nArticle 3 - Incitement\nA person who incites commits an offence."
    )
    assert captions(statute) == [("Article 3", "Incitement")]


def test_lower_case_designation_after_a_hyphen_continues_the_sentence() -> None:
    """ "sub-" / "section (2)" is "subsection (2)", not a heading "section 2" (A.1)."""
    statute = read_text(
        "Hate Act\n\nDefences\n3. (1) No person shall be convicted of an offence under sub-\n"
        "section (2) if the statements were true.\n"
        "Consent\n4. No proceeding shall be instituted without consent.\n"
    )
    assert [a.number for a in statute.articles] == ["3", "4"]
    assert (
        statute.article("3")
        .paragraphs[0]
        .text.endswith("under subsection (2) if the statements were true.")
    )


def test_a_capitalised_section_heading_after_a_full_stop_is_still_a_heading() -> None:
    statute = read_text(f"{RULER}\nSection 1 Scope\nThis Act applies.\nSection 2 Offence\nText.")
    assert [a.number for a in statute.articles] == ["1", "2"]


def test_a_number_that_ends_a_reference_continues_the_line() -> None:
    statute = read_text(
        f"{RULER}\nArticle 6: Minimisation\nAny person who minimises genocide commits an offence.\n"
        "Upon conviction, he or she is liable to the penalties provided for in Article\n"
        "5 of this Law.\n"
    )
    assert [p.text for p in statute.article("6").paragraphs][-1] == (
        "Upon conviction, he or she is liable to the penalties provided for in Article 5 of this "
        "Law."
    )


def test_bracketed_number_after_a_designation_is_a_reference_not_a_marker() -> None:
    statute = read_text(
        f"{RULER}\nSection 6 Consent\n(1) No proceeding for an offence under subsection (2) or\n"
        "(2.1) shall be instituted without the consent of the Attorney General.\n"
        "(2) The Attorney General shall publish guidelines.\n"
    )
    assert [n for n, _, _ in paras(statute.article("6"))] == ["1", "2"]
    assert "(2) or (2.1) shall be instituted" in statute.article("6").paragraphs[0].text


def test_a_dash_that_announces_a_list_is_not_wrapped_onto_its_first_item() -> None:
    statute = read_text(
        "Cohesion Act\n\n2. In this Act, unless the context otherwise requires, and in every rule—\n"
        "“Commission” means the National Cohesion and Integration Commission established;\n"
        "“ethnic group” means a group of persons defined by reference to colour, race.\n"
    )
    assert [p.text[:14] for p in statute.article("2").paragraphs] == [
        "In this Act, u", "“Commission” m", "“ethnic group”",
    ]  # fmt: skip


def test_list_items_after_semicolon_or_stay_items() -> None:
    statute = read_text(
        f"{RULER}\nSection 2 Genocide\n(1) Genocide means any of the following acts, namely,\n"
        "(a) killing members of the group; or\n(b) causing serious bodily harm.\n"
    )
    assert [(n, lvl) for n, lvl, _ in paras(statute.article("2"))] == [("1", 0), ("a", 1), ("b", 1)]


def test_inserted_subsection_numbers_are_markers() -> None:
    statute = read_text(
        "Section 319 Hatred\n(2) Text.\n(2.1) Every person who denies commits an offence."
    )
    assert [n for n, _, _ in paras(statute.articles[0])] == ["2", "2.1"]


def test_canadian_definitions_after_in_this_section_stay_apart() -> None:
    statute = read_text(
        f"{RULER}\nSection 7 Definitions\n(1) In this section,\n"
        "communicating includes communicating by telephone, broadcasting or other\n"
        "audible or visible means; (communiquer)\n"
        "public place includes any place to which the public have access; (endroit public)\n"
    )
    texts = [t for _, _, t in paras(statute.articles[0])]
    assert texts == [
        "In this section,",
        (
            "communicating includes communicating by telephone, broadcasting or other audible or "
            "visible means; (communiquer)"
        ),
        "public place includes any place to which the public have access; (endroit public)",
    ]


# --- hyphenation ----------------------------------------------------------------------------

HYPHENS = [
    ("makes a statement that justi-", "fies genocide", "makes a statement that justifies genocide"),
    ("with the inten-", "tion of misleading", "with the intention of misleading"),
    ("ou la non-", "appartenance à une ethnie", "ou la non-appartenance à une ethnie"),
    ("the right to self-", "determination", "the right to self-determination"),
    ("the Anti-", "Incitement Act", "the Anti-Incitement Act"),
    ("section 18 -", "not a word break", "section 18 - not a word break"),
]


@pytest.mark.parametrize(("block", "line", "expected"), HYPHENS)
def test_hyphenated_line_breaks(block: str, line: str, expected: str) -> None:
    assert join_lines(block, line, frozenset()) == expected


def test_a_word_printed_with_its_hyphen_elsewhere_keeps_it() -> None:
    text = (
        f"{RULER}\nArticle 1 - Scope\n"
        "This Law protects the well-being of every person and the well-\n"
        "being of every group.\n"
    )
    assert (
        read_text(text)
        .articles[0]
        .paragraphs[0]
        .text.endswith("and the well-being of every group.")
    )


def test_word_paragraph_with_manual_breaks_from_a_pdf() -> None:
    """The same rules hold for a Word paragraph pasted with its line breaks."""
    text = "A person who makes a statement that justi-\nfies genocide under sub-\nsection (2)."
    assert split_breaks(text) == [
        "A person who makes a statement that justifies genocide under subsection (2)."
    ]
    assert split_breaks("Article 3\nIncitement\n(1) A person...") == [
        "Article 3", "Incitement", "(1) A person...",
    ]  # fmt: skip


def test_a_long_caption_at_the_margin_keeps_the_text_below_apart() -> None:
    statute = read_text(
        f"{RULER}\nArticle 3: Characteristics of the crime of genocide ideology and offences\n"
        "Any person who commits genocide ideology commits an offence.\n"
    )
    assert captions(statute) == [
        ("Article 3", "Characteristics of the crime of genocide ideology and offences")
    ]


# --- page furniture -------------------------------------------------------------------------

GAZETTE_PAGES = """Official Gazette no Special of 30/09/2018

LAW Nº 61/2018 ON THE CRIME OF GENOCIDE IDEOLOGY

Article One: Purpose
This Law defines the crime of genocide ideology and related crimes and
determines their penalties.

Article 2: Definitions
In this Law, the following terms are defined as follows:
1° genocide: the genocide as defined by the Convention;
2° genocide ideology: any deliberate act, committed in public, which may show that a

Official Gazette no Special of 30/09/2018

11

person is characterised by ethnic, religious, nationality or racial-based
ideology;
3° minimising genocide: any act of reducing the gravity of genocide.

Official Gazette no Special of 30/09/2018

12
"""


def test_running_heads_and_page_numbers_are_dropped_and_sentences_join() -> None:
    statute = read_text(GAZETTE_PAGES)
    article = statute.article("2")
    assert [(n, lvl) for n, lvl, _ in paras(article)] == [(None, 0), ("1", 1), ("2", 1), ("3", 1)]
    assert article.paragraphs[2].text.endswith(
        "which may show that a person is characterised by ethnic, religious, nationality or "
        "racial-based ideology;"
    )
    assert not any("Official Gazette" in p.text for a in statute.articles for p in a.paragraphs)
    assert statute.title == "LAW Nº 61/2018 ON THE CRIME OF GENOCIDE IDEOLOGY"


def test_page_heads_set_in_columns_are_dropped() -> None:
    lines = [
        "14 juillet 1990          JOURNAL OFFICIEL DE LA RÉPUBLIQUE FRANÇAISE          8333",
        "",
        "Art. 1er. - Texte.",
        "",
        "8334          JOURNAL OFFICIEL DE LA RÉPUBLIQUE FRANÇAISE          14 juillet 1990",
        "",
        "Art. 2. - Texte.",
    ]
    assert page_furniture(lines) == {0, 1, 3, 4, 5}


def test_repeated_lines_of_the_statute_itself_are_kept() -> None:
    """Headings, marginal notes and a repeated title are the drafter's, not the printer's."""
    lines = [
        "LAW Nº 61/2018 ON GENOCIDE IDEOLOGY", "GENOCIDE IDEOLOGY AND RELATED CRIMES", "",
        "Article 1: Definitions", "Consent", "(3) Text.", "",
        "LAW Nº 61/2018 ON GENOCIDE IDEOLOGY", "GENOCIDE IDEOLOGY AND RELATED CRIMES", "",
        "Article 1: Definitions", "Consent", "(3) Text.",
        "Upon conviction, he is liable to the penalties in Article", "5 of this Law.",
        "Upon conviction, he is liable to the penalties in Article", "5 of this Law.",
    ]  # fmt: skip
    assert page_furniture(lines) == set()


def test_a_lone_number_is_a_page_number_only_inside_a_sentence_or_by_a_running_head() -> None:
    interrupted = ["Any person who publicly", "", "7", "", "denies genocide commits an offence."]
    assert page_furniture(interrupted) == {1, 2, 3}
    between = ["Article 2", "", "3", "", "Article 3"]
    assert page_furniture(between) == set()


# --- US bills -------------------------------------------------------------------------------


def test_printed_line_numbers_are_stripped() -> None:
    lines = [f"{i} line {i} of the bill" for i in range(1, 13)] + [
        "",
        "1 nic, racial",
        "2 x",
        "3 y",
    ]
    stripped = strip_line_numbers(lines, set())
    assert stripped[0] == "line 1 of the bill" and stripped[13:] == ["nic, racial", "x", "y"]


def test_swiss_paragraph_numbers_are_not_line_numbers() -> None:
    lines = ["Art. 2 Atteinte", "1 Celui qui aura nié sera puni.", "2 La peine est doublée."]
    assert strip_line_numbers(lines, set()) == lines


def test_us_bill_sections_and_lettered_subsections() -> None:
    body = [
        "Be it enacted by the Senate and House of Representatives of the United States of",
        "America in Congress assembled,",
        "SECTION 1. SHORT TITLE.",
        "This Act may be cited as the ‘‘Genocide Incitement Pre-",
        "vention Act of 2026’’.",
        "SEC. 2. GENOCIDE DENIAL IN FEDERALLY FUNDED INSTITUTIONS AND",
        "PROGRAMS.",
        "(a) ESTABLISHMENT.—There is established a commis-",
        "sion to be known as the Commission on Genocide Re-",
        "membrance.",
        "(b) DUTIES.—The Commission shall—",
        "(1) support education and research about geno-",
        "cide; and",
        "(2) submit to Congress, not later than 1 year after the",
        "date of enactment of this Act, a report.",
        "SEC. 3. EFFECTIVE DATE.",
        "This Act takes effect on the date of enactment of this Act.",
    ]
    text = "119TH CONGRESS\n2D SESSION        H. R. 8412\n\nA BILL\n\n" + "\n".join(
        f"{i} {line}" for i, line in enumerate(body, 1)
    )
    statute = read_text(text)
    assert captions(statute) == [
        ("Section 1", "SHORT TITLE"),
        ("Sec. 2", "GENOCIDE DENIAL IN FEDERALLY FUNDED INSTITUTIONS AND PROGRAMS"),
        ("Sec. 3", "EFFECTIVE DATE"),
    ]
    assert (
        statute.article("1")
        .paragraphs[0]
        .text.endswith("Genocide Incitement Prevention Act of 2026’’.")
    )
    assert [(n, lvl) for n, lvl, _ in paras(statute.article("2"))] == [
        ("a", 0), ("b", 0), ("1", 1), ("2", 1),
    ]  # fmt: skip
    assert statute.enacting_formula.startswith("Be it enacted")
    assert "2D SESSION H. R. 8412" in statute.preamble


def test_commonwealth_items_under_a_lead_in_keep_their_levels() -> None:
    statute = read_text(
        "Section 4 Offence\n(1) A person who:\n(a) incites;\n(b) promotes,\ncommits an offence."
    )
    assert [(n, lvl) for n, lvl, _ in paras(statute.articles[0])][:3] == [
        ("1", 0),
        ("a", 1),
        ("b", 1),
    ]


# --- the heading convention ------------------------------------------------------------------


def test_the_convention_most_headings_follow_wins() -> None:
    """One "Section 2" line among "318 (1)" sections does not make every number a paragraph."""
    statute = read_text(
        "Criminal Code\n\nAdvocating genocide\n"
        "318 (1) Every person who advocates genocide is guilty.\n(2) Text.\nSection 2\n"
        "Public incitement\n319 (1) Every person who incites hatred is guilty.\n"
        "Warrant\n320 (1) A judge may issue a warrant.\n"
    )
    assert [a.number for a in statute.articles if a.number in ("318", "319", "320")] == [
        "318", "319", "320",
    ]  # fmt: skip


def test_section_reference_under_a_schedule_heading_is_not_a_heading() -> None:
    statute = read_text(
        "Hatred Act 2026\n\n1 Incitement\n(1) A person who incites genocide commits an offence.\n"
        "2 Commencement\n(1) This Act comes into force on 1 May 2026.\n"
        "SCHEDULE 1\nSection 2\nConsequential amendments\n"
        "Public Order Act 1986, section 27: omit.\n"
    )
    assert captions(statute)[:2] == [("Section 1", "Incitement"), ("Section 2", "Commencement")]
    schedule = statute.articles[-1]
    assert schedule.heading == "Consequential amendments"
    assert schedule.paragraphs[0].text == "Section 2"


def test_sections_that_skip_numbers_start_new_sections() -> None:
    """Excerpts and Acts skip numbers: "25. The Commission ..." after section 14 is section 25."""
    statute = read_text(
        "Cohesion Act\n\nHate speech.\n"
        "13. (1) A person who uses insulting words commits an offence.\n"
        "(2) The penalty is a fine.\nEthnic contempt.\n"
        "14. (1) A person who utters words commits an offence.\n"
        "(2) Text.\nFunctions of the Commission.\n25. The Commission shall promote equality.\n"
        "Commencement.\n"
        "62. This Act shall come into operation on such date as the Minister may appoint.\n"
    )
    assert captions(statute) == [
        ("Section 13", "Hate speech"),
        ("Section 14", "Ethnic contempt"),
        ("Section 25", "Functions of the Commission"),
        ("Section 62", "Commencement"),
    ]
    assert [p.text[-8:] for p in statute.article("13").paragraphs] == ["offence.", " a fine."]


def test_a_numbered_list_inside_a_section_is_not_a_run_of_sections() -> None:
    statute = read_text(
        "Act\n\n3. Offences\nThe following are offences:\n1. Genocide.\n2. Incitement.\n"
        "3. Conspiracy.\n4. Complicity.\n4. Penalties\nThe penalty is five years.\n"
    )
    assert [a.number for a in statute.articles] == ["3", "4"]
    assert len(statute.article("3").paragraphs) == 5


def test_a_short_sentence_above_a_section_is_not_its_heading() -> None:
    statute = read_text(
        "Act\n\n1. (1) A person who incites genocide commits an offence.\n(2) Text.\n"
        "The Act binds the Crown.\n2. (1) Text.\n"
    )
    assert statute.article("2").heading is None
    assert statute.article("1").paragraphs[-1].text == "The Act binds the Crown."


def test_congress_and_session_lines_are_front_matter() -> None:
    statute = read_text(
        "119TH CONGRESS\n2D SESSION\nA BILL\nSEC. 1. SHORT TITLE.\nThis Act is cited."
    )
    assert captions(statute) == [("Sec. 1", "SHORT TITLE")]


# --- French Journal officiel -----------------------------------------------------------------


def test_text_after_art_n_dash_is_the_first_sentence() -> None:
    text = (
        f"{RULER}\n"
        "Art. 2. - Le 21 mars de chaque année, date retenue par l'Organisation des\n"
        "Nations Unies pour la journée internationale, la Commission remet un rapport\n"
        "au Gouvernement.\nCe rapport est rendu public.\n"
        "Art. 3. – Incitation\n"
        "Est puni de cinq ans d'emprisonnement le fait d'inciter au génocide.\n"
    )
    statute = read_text(text, language="fr")
    assert captions(statute) == [("Art. 2", None), ("Art. 3", "Incitation")]
    assert [p.text[:30] for p in statute.article("2").paragraphs] == [
        "Le 21 mars de chaque année, da",
        "Ce rapport est rendu public.",
    ]


def test_signature_and_trailing_footnote_are_not_article_text() -> None:
    statute = read_text(
        "LOI no 90-615 du 13 juillet 1990 tendant à réprimer tout acte raciste (1)\n\n"
        "Art. 13. - La présente loi sera exécutée comme loi de l'Etat.\n\n"
        "Fait à Paris, le 13 juillet 1990.\nPar le Président de la République :\n\n"
        "(1) Travaux préparatoires : loi no 90-615.\nAssemblée nationale :\nRapport.\n"
    )
    article = statute.article("13")
    assert [(p.number, p.text) for p in article.paragraphs] == [
        (None, "La présente loi sera exécutée comme loi de l'Etat."),
        (
            None,
            "[Footnote 1] Travaux préparatoires : loi no 90-615. Assemblée nationale : Rapport.",
        ),
    ]
    assert statute.metadata["signature"].startswith("Fait à Paris")


def test_a_sentence_starting_like_a_signature_stays_in_the_article() -> None:
    statute = read_text(
        "Act\n\nArticle 1 - Offence\nA person who incites genocide commits an offence.\n"
        "Done in good faith, research is not an offence.\n"
        "Fait à l'étranger, le crime est puni.\nArticle 2 - End\nThis Act comes into force.\n"
    )
    assert len(statute.article("1").paragraphs) == 3
    assert "signature" not in statute.metadata


def test_canadian_history_notes_are_not_article_text() -> None:
    statute = read_text(
        "Code\n\n318 (1) Every person who advocates genocide is guilty.\n"
        "R.S., 1985, c. C-46, s. 318; 2004, c. 14, s. 1; 2014, c. 31, s. 12.\n"
        "319 (1) Every person who incites hatred is guilty.\n"
    )
    assert [p.text for p in statute.article("318").paragraphs] == [
        "Every person who advocates genocide is guilty."
    ]
    assert statute.metadata["history"].startswith("R.S., 1985")
    assert not any(r.article == "318" for r in statute.cross_references)
    cited = read_text("Code\n\n318 (1) Text.\n2004, c. 14, s. 1 applies to a person who incites.")
    assert len(cited.article("318").paragraphs) == 2


# --- the held-out PDF copies -------------------------------------------------------------------


def read(name: str) -> Statute:
    return read_document(HELDOUT / name)


def structure(statute: Statute) -> list[tuple[str, list[tuple[str | None, int]]]]:
    """Return each article's number and its numbered paragraphs' (number, level)."""
    return [
        (a.number, [(p.number, p.level) for p in a.paragraphs if p.number is not None])
        for a in statute.articles
    ]


def all_text(statute: Statute) -> str:
    return "\n".join(p.text for a in statute.articles for p in a.paragraphs)


def test_canadian_criminal_code_copy() -> None:
    statute = read("en_ca_criminal_code.txt")
    assert captions(statute) == [
        ("Section 318", "Advocating genocide"),
        ("Section 319", "Public incitement of hatred"),
        ("Section 320", "Warrant of seizure"),
    ]
    items = [("a", 1), ("b", 1)]
    assert structure(statute) == [
        ("318", [("1", 0), ("2", 0), *items, ("3", 0), ("4", 0)]),
        ("319", [("1", 0), *items, ("2", 0), *items, ("2.1", 0), *items, ("3", 0), *items,
                 ("c", 1), ("d", 1), ("3.1", 0), *items, ("c", 1), ("4", 0), ("6", 0), ("7", 0)]),
        ("320", [("1", 0), ("2", 0), ("6", 0), ("8", 0)]),
    ]  # fmt: skip
    text = all_text(statute)
    assert "liable to imprisonment for a term of not more than five years." in text
    assert "other than in private conversation, wilfully promotes hatred" in text
    assert "No person shall be convicted of an offence under subsection (2)" in text
    for furniture in ("Current to", "Last amended", "Code criminel", "R.S., 1985"):
        assert furniture not in text
    assert "-\n" not in text and "communi- cated" not in text


def test_rwandan_gazette_copy() -> None:
    statute = read("en_rw_ideology_2018.txt")
    assert [a.number for a in statute.articles] == ["One", *map(str, range(2, 12))]
    numbered = dict(structure(statute))
    assert numbered["2"] == [("1", 1), ("2", 1), ("3", 1)]
    assert numbered["5"] == [("1", 1), ("2", 1), ("3", 1), ("4", 1)]
    assert "whether orally, written or video means" in statute.article("2").paragraphs[2].text
    assert statute.article("2").paragraphs[2].text.endswith("racial-based ideology;")
    assert "commits any act that justifies genocide" in statute.article("7").paragraphs[0].text
    assert "with the intention of misleading" in statute.article("5").paragraphs[2].text
    assert statute.article("6").paragraphs[-1].text.endswith("in Article 5 of this Law.")
    assert "Official Gazette no" not in all_text(statute)
    assert statute.title.startswith("LAW Nº 61/2018")
    assert [d.term for d in statute.definitions] == [
        "genocide", "genocide ideology", "minimising genocide",
    ]  # fmt: skip


def test_us_bill_copy() -> None:
    statute = read("en_us_bill.txt")
    assert [(a.number, a.heading) for a in statute.articles] == [
        ("1", "SHORT TITLE"),
        ("2", "DEFINITIONS"),
        ("3", "INCITEMENT TO GENOCIDE"),
        ("4", "GENOCIDE DENIAL IN FEDERALLY FUNDED PROGRAMS"),
        ("5", "COMMISSION ON GENOCIDE REMEMBRANCE"),
        ("6", "RULE OF CONSTRUCTION"),
        ("7", "EFFECTIVE DATE"),
    ]
    numbered = dict(structure(statute))
    assert numbered["2"] == [("1", 0), ("2", 0), ("3", 0)]
    assert numbered["4"] == [("a", 1), ("b", 1), ("c", 1)]
    assert numbered["5"] == [("a", 0), ("b", 0), ("1", 1), ("2", 1)]
    text = all_text(statute)
    assert "national, ethnic, racial, or religious group as such" in text
    assert "any event designated as genocide by the Secretary of State" in text
    assert "HR 8412" not in text and "Æ" not in text
    assert statute.enacting_formula.startswith(
        "Be it enacted by the Senate and House of Representatives"
    )


def test_french_journal_officiel_copy() -> None:
    statute = read("fr_gayssot_loi.txt")
    assert [(a.number, a.heading) for a in statute.articles] == [
        ("1er", None), ("2", None), ("9", None), ("10", None), ("13", None),
    ]  # fmt: skip
    assert (
        statute.article("1er")
        .paragraphs[0]
        .text.startswith(
            "Toute discrimination fondée sur l'appartenance ou la non-appartenance à une ethnie"
        )
    )
    assert (
        statute.article("2")
        .paragraphs[0]
        .text.startswith(
            "Le 21 mars de chaque année, date retenue par l'Organisation des Nations Unies"
        )
    )
    quoted = [p.text for p in statute.article("9").paragraphs]
    assert len(quoted) == 4 and quoted[1].startswith("« Art. 24 bis. - Seront punis")
    assert "au premier alinéa du présent article, lorsque ce crime" in quoted[2]
    assert "JOURNAL OFFICIEL" not in all_text(statute)
    assert (
        statute.article("13").paragraphs[-1].text.startswith("[Footnote 1] Travaux préparatoires")
    )
