"""Reading penalties: numbers, terms, fines, alternatives, multipliers, and attachment."""

from __future__ import annotations

import re

import pytest

from drafter.lint.engine import Context
from drafter.lint.numbering import NUMBER, number_value, words_to_number
from drafter.lint.offence_articles import is_offence_article, referenced_numbers
from drafter.lint.penalty_sentence import read_sentence
from drafter.lint.sanctions import cached_sanctions, read_sanctions
from drafter.markup import parse_markup
from drafter.model import Article, ArticleKind, Paragraph, Statute
from drafter.reading import read_text

Y = 12  # months in a year


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("ten", 10),
        ("twenty five", 25),
        ("twenty-five", 25),
        ("one hundred and twenty", 120),
        ("ten (10)", 10),
        ("twenty five (25)", 25),
        ("25", 25),
        ("vingt-cinq", 25),
        ("vingt et un", 21),
        ("soixante-dix-sept", 77),
        ("quatre-vingts", 80),
        ("quatre-vingt-dix-neuf", 99),
        ("deux cents", 200),
        ("un", 1),
        ("douze (12)", 12),
    ],
)
def test_numbers_in_words_and_digits(text: str, value: int) -> None:
    match = re.fullmatch(NUMBER, text, re.IGNORECASE)
    assert match is not None, text
    assert number_value(text) == value


def test_and_between_two_numbers_is_not_one_number() -> None:
    assert re.match(NUMBER, "five and nine", re.IGNORECASE).group() == "five"
    assert (
        words_to_number("cinq et neuf") is None
        or re.match(NUMBER, "cinq et neuf").group() == "cinq"
    )


# (sentence, min years/months, max, life, fine, non_custodial, multiplier, mandatory dissolution)
PENALTIES = [
    (("shall be sentenced to an imprisonment of ten (10) years to twenty five (25) years and a "
     "fine of two hundred thousand (200,000) francs."), 10 * Y, 25 * Y, False, True, False, None, False),
    (("is liable on conviction to imprisonment for a term not exceeding five years or to a fine, "
     "or both."), None, 5 * Y, False, True, True, None, False),
    ("shall be liable to imprisonment of not more than three years.", None, 3 * Y, False, False, False, None, False),
    ("shall be liable to imprisonment of up to 3 years.", None, 3 * Y, False, False, False, None, False),
    ("shall be liable to a maximum of 8 years' imprisonment.", None, 8 * Y, False, False, False, None, False),
    ("shall be liable to imprisonment of at least ten years.", 10 * Y, None, False, False, False, None, False),
    ("shall be punished by imprisonment of not less than ten years.", 10 * Y, None, False, False, False, None, False),
    ("shall be punished by imprisonment from 10 to 25 years.", 10 * Y, 25 * Y, False, False, False, None, False),
    ("shall be punished by imprisonment of between five and nine years.", 5 * Y, 9 * Y, False, False, False, None, False),
    ("is liable to imprisonment for six months.", None, 6, False, False, False, None, False),
    ("is liable to imprisonment for a term of 18 months or to community service.", None, 18, False, False, True, None, False),
    (("shall be liable to imprisonment of more than five (5) years but not more than nine (9) "
     "years."), 5 * Y, 9 * Y, False, False, False, None, False),
    ("shall be punished with twenty-five years imprisonment.", 25 * Y, 25 * Y, False, False, False, None, False),
    ("is liable to twenty-five years imprisonment.", None, 25 * Y, False, False, False, None, False),
    ("shall be liable to life imprisonment.", None, None, True, False, False, None, False),
    ("shall be sentenced to imprisonment for life.", None, None, True, False, False, None, False),
    (("is liable to imprisonment for 7 years on indictment, or for 12 months and a fine on "
     "summary conviction."), None, 7 * Y, False, True, False, None, False),
    ("In case of repeat offence, the penalty shall be doubled.", None, None, False, False, False, 2.0, False),
    ("The penalty is twice the penalty provided for the offence.", None, None, False, False, False, 2.0, False),
    ("The organisation shall be dissolved.", None, None, False, False, False, None, True),
    ("The court may, as a last resort, order the dissolution of the organisation.", None, None, False, False, False, None, False),
    ("The offender may be placed on probation.", None, None, False, False, True, None, False),
    ("The court may suspend the sentence of imprisonment.", None, None, False, False, True, None, False),
    (("shall be liable to a fine not exceeding one million shillings or to imprisonment for a term "
     "not exceeding five years, or to both."), None, 5 * Y, False, True, True, None, False),
    (("shall be punished with imprisonment for a term which may extend to three years, or with "
     "fine, or with both."), None, 3 * Y, False, True, True, None, False),
    ("the punishment shall be rigorous imprisonment from one year up to three years.", Y, 3 * Y, False, False, False, None, False),
    ("shall be liable to imprisonment for a term of not less than 5 years but not exceeding 10 years.", 5 * Y, 10 * Y, False, False, False, None, False),
    ("is liable to imprisonment for two years or to one of these penalties only.", None, 2 * Y, False, False, True, None, False),
    ("shall be punished with imprisonment for a term which shall not be less than one year but which may extend to three years.", Y, 3 * Y, False, False, False, None, False),
    # French
    ("sera puni d'une peine privative de liberté de trois à dix ans.", 3 * Y, 10 * Y, False, False, False, None, False),
    ("sera puni d'une peine privative de liberté de cinq ans au moins.", 5 * Y, None, False, False, False, None, False),
    ("est passible d'un emprisonnement maximal de cinq ans, d'une amende, ou des deux.", None, 5 * Y, False, True, True, None, False),
    ("encourt une peine de dix ans de réclusion criminelle.", None, 10 * Y, False, False, False, None, False),
    ("est puni de la réclusion criminelle à perpétuité.", None, None, True, False, False, None, False),
    ("Est puni d'un emprisonnement de cinq ans et d'une amende de 45 000 euros.", None, 5 * Y, False, True, False, None, False),
    ("est puni de cinq ans d'emprisonnement.", None, 5 * Y, False, False, False, None, False),
    ("est puni d'un emprisonnement de dix à vingt-cinq ans.", 10 * Y, 25 * Y, False, False, False, None, False),
    ("est puni d'un emprisonnement d'un an au moins et de cinq ans au plus.", Y, 5 * Y, False, False, False, None, False),
    ("est passible d'une peine d'emprisonnement de cinq ans à dix ans et d'une amende.", 5 * Y, 10 * Y, False, True, False, None, False),
    ("est puni de trois ans d'emprisonnement ou de l'une de ces deux peines seulement.", None, 3 * Y, False, False, True, None, False),
    ("est puni de six mois d'emprisonnement ou d'une amende de 1 000 euros.", None, 6, False, True, True, None, False),
    ("est puni d'une peine de travaux d'intérêt général.", None, None, False, False, True, None, False),
    ("En cas de récidive, la peine est portée au double.", None, None, False, False, False, 2.0, False),
    ("La dissolution de l'association est prononcée d'office.", None, None, False, False, False, None, True),
    ("Le tribunal peut prononcer la dissolution de la personne morale.", None, None, False, False, False, None, False),
    # "servitude pénale": imprisonment in Burundian, Congolese and Rwandan codes.
    ("est punie d'une servitude pénale de dix à vingt-cinq ans et d'une amende.", 10 * Y, 25 * Y, False, True, False, None, False),
    ("est puni de cinq ans de servitude pénale principale.", None, 5 * Y, False, False, False, None, False),
]  # fmt: skip


@pytest.mark.parametrize(
    ("sentence", "minimum", "maximum", "life", "fine", "alternative", "multiplier", "dissolved"),
    PENALTIES,
)
def test_penalty_phrases_are_read(
    sentence, minimum, maximum, life, fine, alternative, multiplier, dissolved
) -> None:
    facts = read_sentence(sentence)
    assert facts is not None, sentence
    assert facts["min_months"] == minimum, sentence
    assert facts["max_months"] == maximum, sentence
    assert facts["life"] is life
    assert facts["fine"] is fine
    assert facts["non_custodial"] is alternative, sentence
    assert facts["multiplier"] == multiplier
    assert facts["mandatory_dissolution"] is dissolved


@pytest.mark.parametrize(
    "sentence",
    [
        "Prosecution shall be barred after five years.",
        "He shall be deprived of civil rights for five years.",
        "The Minister shall review the operation of this Act within three years.",
        "A child under twelve (12) years of age shall be taken to a rehabilitation centre.",
        "This Act comes into force on the day of its publication.",
        "The refinement of the rules is left to regulations.",
    ],
)
def test_sentences_without_a_penalty_are_not_read(sentence: str) -> None:
    assert read_sentence(sentence) is None


def test_death_penalty_is_read() -> None:
    assert read_sentence("shall on conviction be sentenced to death.")["death"]
    assert read_sentence("est puni de la peine de mort.")["death"]
    assert not read_sentence("is liable to life imprisonment.")["death"]


def test_imprisonment_without_a_term_is_custodial_without_bounds() -> None:
    facts = read_sentence(
        "A person who commits an offence under Article 3 shall be liable to imprisonment."
    )
    assert facts["custodial"] and facts["max_months"] is None and facts["min_months"] is None
    assert read_sentence("Est puni de cinq ans d'emprisonnement.")["custodial"]
    assert read_sentence("est puni d'une peine de servitude pénale principale.")["custodial"]
    assert not read_sentence("is liable to a fine.")["custodial"]


def test_a_ban_next_to_a_term_does_not_become_the_term() -> None:
    facts = read_sentence(
        "shall be liable to imprisonment for five years and deprivation of civil rights for ten years."
    )
    assert facts["max_months"] == 5 * Y


def test_references_are_read_with_ranges_and_external_ones_dropped() -> None:
    assert referenced_numbers("the offences in Articles 3 to 5") == ["3", "4", "5"]
    assert referenced_numbers("sections 4 and 6") == ["4", "6"]
    assert referenced_numbers("Article 3bis") == ["3bis"]
    assert referenced_numbers("article 211-1 of the Penal Code") == []
    assert referenced_numbers("l'article 24 de la loi du 29 juillet 1881") == []


RWANDA_STYLE = """\
Article 2: Definition of genocide ideology
Genocide ideology is an aggregate of thoughts characterised by conduct, speeches and other acts.

Article 3: Characteristics of the crime of genocide ideology
The crime of genocide ideology is characterised by any behaviour such as mocking, degrading or defamatory speeches.

Article 4: Punishment for the crime of genocide ideology
Any person found guilty of the crime of genocide ideology as provided under Articles 2 and 3 of this Law shall be sentenced to an imprisonment of ten (10) to twenty five (25) years.
In case of recidivism, the penalty shall be doubled.

Article 5: Penalties for leaders
Any person who commits the crime of genocide ideology while being a leader shall be liable to imprisonment of fifteen (15) to twenty-five (25) years.

Article 7: Entry into force
This Law shall come into force on the day of its publication in the Official Gazette.
"""


def test_penalty_article_attaches_to_the_offence_it_refers_to() -> None:
    statute = read_text(RWANDA_STYLE)
    sanctions = read_sanctions(statute)
    assert statute.sanctions == sanctions
    band = [s for s in sanctions if s.article == "4" and s.paragraph == 1]
    assert [s.offence_article for s in band] == ["3"]  # Article 2 only defines
    assert (band[0].min_months, band[0].max_months) == (120, 300)
    doubled = [s for s in sanctions if s.multiplier]
    assert doubled and doubled[0].offence_article == "3"
    assert all(s.article != "7" for s in sanctions)


def test_penalty_article_without_reference_attaches_to_the_preceding_offence() -> None:
    markup = """
::article Incitement {kind=offence}
::para A person who directly and publicly incites others to commit genocide commits an offence.
::article Leaders {kind=sanction}
::para Where the offender is a leader, the penalty is imprisonment of fifteen (15) to twenty-five
(25) years.
"""
    (sanction,) = read_sanctions(parse_markup(markup))
    assert sanction.offence_article == "1"
    assert (sanction.min_months, sanction.max_months) == (180, 300)


def test_penalty_in_the_offence_article_attaches_to_it() -> None:
    statute = read_text(
        "Article 3 - Incitement\nA person who directly and publicly incites others to commit "
        "genocide commits an offence and is liable to imprisonment for a term not exceeding "
        "five years.\n"
    )
    (sanction,) = read_sanctions(statute)
    assert sanction.offence_article == "3"
    assert sanction.max_months == 60
    assert sanction.text.startswith("liable")
    para = statute.article("3").paragraphs[0].text
    assert para[sanction.start : sanction.end] == sanction.text


def test_penalty_for_offences_under_this_act_attaches_to_every_offence() -> None:
    markup = """
::article Incitement {kind=offence}
::para A person who directly and publicly incites others to commit genocide commits an offence.
::article Denial {kind=offence}
::para A person who publicly denies a genocide established by a final judgment commits an offence.
::article Penalties {kind=sanction}
::para A person who commits an offence under this Act is liable to imprisonment for a term not
exceeding three years or to a fine, or both.
"""
    statute = parse_markup(markup)
    sanctions = read_sanctions(statute)
    assert sorted(s.offence_article for s in sanctions) == ["1", "2"]
    assert all(s.non_custodial for s in sanctions)


def test_a_rule_about_offences_under_this_act_creates_no_offence() -> None:
    article = Article("9", "Children", [Paragraph("A child under fourteen who commits an offence "
                      "under this Law shall be placed in a centre.")])  # fmt: skip
    assert not is_offence_article(article)
    article = Article("3", "Hatred", [Paragraph("A person who publicly incites hatred commits an "
                      "offence under this Act.")])  # fmt: skip
    assert is_offence_article(article)


def test_an_offence_borrowed_from_another_article_is_a_penalty_article() -> None:
    statute = Statute(
        body=[
            Article("3", "Denial", [Paragraph("It is an offence publicly to deny a genocide.")],
                    ArticleKind.OFFENCE),
            Article("4", "Penalties", [Paragraph("A person who commits an offence under Article 3 "
                    "is liable to imprisonment not exceeding two years.")], ArticleKind.OFFENCE),
        ]
    )  # fmt: skip
    assert is_offence_article(statute.article("3"))
    assert not is_offence_article(statute.article("4"))
    (sanction,) = read_sanctions(statute)
    assert sanction.offence_article == "3"


def test_french_penalty_and_cache_is_shared() -> None:
    statute = read_text(
        "Article 24\nSeront punis de cinq ans d'emprisonnement et de 45 000 euros d'amende ceux "
        "qui auront provoqué publiquement à la haine envers un groupe de personnes.\n",
        language="fr",
    )
    context = Context(statute=statute, language="fr")
    first = cached_sanctions(statute, context.cache)
    assert cached_sanctions(statute, context.cache) is first
    assert first[0].max_months == 60 and first[0].fine and first[0].offence_article == "24"


def test_same_penalties_copy_the_penalty_referred_to() -> None:
    statute = read_text(
        "Article 1 - Division\nEst puni d'une peine de trois à dix ans d'emprisonnement "
        "quiconque sème la division.\n\nArticle 2 - Minimisation\nEst puni des mêmes peines "
        "quiconque minimise les massacres.\n\nArticle 3 - Haine\nQuiconque provoque à la haine "
        "est passible de la peine prévue à l'article 1.\n",
        language="fr",
    )
    copied = [s for s in read_sanctions(statute) if s.article in ("2", "3")]
    assert [(s.article, s.min_months, s.max_months) for s in copied] == [
        ("2", 36, 120),
        ("3", 36, 120),
    ]
