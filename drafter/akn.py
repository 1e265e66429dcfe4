"""Write a Statute as Akoma Ntoso 3.0 XML (OASIS LegalDocML), the format parliaments exchange.

eIds follow the Akoma Ntoso naming convention: each element's id is its parent's id, "__", the
element's abbreviation and its number as printed ("part_1__art_3__para_2__list_1__item_a"), so
that a reference ``<ref href="#art_7__para_2">`` survives re-rendering. Defined terms are marked
``<def>`` where they are defined and ``<term>`` where they are used; cross-references the reader
finds in the text become ``<ref>`` to the target's eId. The output depends only on the statute,
the answers and SOURCE_DATE_EPOCH, so the same draft always gives the same bytes.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from typing import Any

from lxml import etree

from .model import Article, Division, Paragraph, Statute
from .style import division_caption, paragraph_marker

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
LANGUAGES = {"en": "eng", "fr": "fra"}  # FRBRlanguage wants ISO 639-2 codes
# Fictional and unnamed States get the ISO 3166 user-assigned code "xx".
DEFAULT_COUNTRY = "xx"
DIVISIONS = {
    "title": ("title", 0),
    "part": ("part", 1),
    "chapter": ("chp", 2),
    "section": ("sec", 3),
}
ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}


def _e(tag: str, parent: etree._Element | None = None, text: str | None = None, **attrs: str):
    """Create an element in the AKN namespace (attribute names with '_' for reserved words)."""
    attrs = {k.rstrip("_"): v for k, v in attrs.items()}
    qname = f"{{{AKN_NS}}}{tag}"
    el = etree.Element(qname, attrs) if parent is None else etree.SubElement(parent, qname, attrs)
    if text is not None:
        el.text = text
    return el


def _roman(value: str) -> int | None:
    """Return the value of a Roman numeral, or None if it is not one."""
    total, prev = 0, 0
    for ch in reversed(value.lower()):
        if ch not in ROMAN:
            return None
        n = ROMAN[ch]
        total, prev = (total - n, prev) if n < prev else (total + n, n)
    return total or None


def num_id(number: str | None, ordinal: int) -> str:
    """Return the number part of an eId: "3bis" -> "3bis", "II" -> "2", None -> the ordinal."""
    if not number:
        return str(ordinal)
    if number.lower() in ("premier", "première", "1er", "1re"):
        return "1"  # "Article premier" is art_1, as the convention numbers it
    clean = re.sub(r"[^\w]", "", number.lower())
    # Part II -> part_2, as the convention's examples number parts. Only I, V and X count as
    # Roman: "Part C" in a lettered series is a letter, not 100.
    if re.fullmatch(r"[IVX]+", number) and (value := _roman(number)):
        return str(value)
    return clean or str(ordinal)


def slug(text: str) -> str:
    """Return an id-safe slug ("protected group" -> "protected-group", "génocide" -> "genocide")."""
    plain = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-") or "x"


class _Ids:
    """Hands out eIds, keeping them unique even when a printed number repeats."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def make(self, prefix: str | None, abbr: str, number: str) -> str:
        base = f"{prefix}__{abbr}_{number}" if prefix else f"{abbr}_{number}"
        eid, n = base, 1
        while eid in self.used:
            n += 1
            eid = f"{base}-{n}"
        self.used.add(eid)
        return eid


def _groups(paragraphs: list[Paragraph]) -> list[list[Paragraph]]:
    """Split an article's flat paragraphs into a level-0 paragraph and the items after it."""
    groups: list[list[Paragraph]] = []
    for para in paragraphs:
        if para.level <= 0 or not groups:
            groups.append([para])
        else:
            groups[-1].append(para)
    return groups


class _Writer:
    """Builds the body, recording each paragraph's eId and element for inline markup later."""

    def __init__(self, statute: Statute) -> None:
        self.statute = statute
        self.ids = _Ids()
        self.targets: dict[tuple[str, str | None, str | None], str] = {}
        # (article number, 1-based paragraph index) -> (element holding the text, text)
        self.texts: dict[tuple[str, int], etree._Element] = {}
        self.article_count = 0

    def body(self, parent: etree._Element) -> None:
        stack: list[tuple[int, etree._Element, str]] = []  # (rank, element, eId)
        counts: dict[str, int] = {}
        for block in self.statute.body:
            if isinstance(block, Division):
                # Unknown kinds (schedule, annex) sit at the top level, as schedules do.
                abbr, rank = DIVISIONS.get(block.kind, ("hcontainer", 0))
                while stack and stack[-1][0] >= rank:
                    stack.pop()
                counts[abbr] = counts.get(abbr, 0) + 1
                prefix = stack[-1][2] if stack else None
                eid = self.ids.make(prefix, abbr, num_id(block.number, counts[abbr]))
                tag = {"chp": "chapter", "sec": "section"}.get(abbr, abbr)
                attrs = {"name": block.kind} if tag == "hcontainer" else {}
                el = _e(tag, stack[-1][1] if stack else parent, eId=eid, **attrs)
                _e("num", el, division_caption(block, self.statute.language))
                if block.heading:
                    _e("heading", el, block.heading)
                stack.append((rank, el, eid))
            else:
                self.article(
                    block, stack[-1][1] if stack else parent, stack[-1][2] if stack else None
                )
        # A division with no article would break the schema's content model.
        tags = ("part", "chapter", "title", "section", "hcontainer")
        for el in parent.iter(*(f"{{{AKN_NS}}}{t}" for t in tags)):
            if len(el) and all(c.tag in (f"{{{AKN_NS}}}num", f"{{{AKN_NS}}}heading") for c in el):
                _e("p", _e("content", el), "")

    def article(self, art: Article, parent: etree._Element, prefix: str | None) -> None:
        self.article_count += 1
        eid = self.ids.make(prefix, "art", num_id(art.number, self.article_count))
        self.targets[(art.number, None, None)] = eid
        el = _e("article", parent, eId=eid)
        _e("num", el, art.caption)
        if art.heading:
            _e("heading", el, art.heading)
        groups = _groups(art.paragraphs)
        index = 0
        if not groups:
            _e("p", _e("content", el), "")
            return
        if len(groups) == 1 and groups[0][0].number is None:
            # A single unnumbered paragraph: the article's own content, as printed.
            self._content(el, art, groups[0], eid, index)
            return
        language = self.statute.language
        for ordinal, group in enumerate(groups, start=1):
            head = group[0]
            number = head.number if head.level <= 0 else None
            peid = self.ids.make(eid, "para", num_id(number, ordinal))
            # French alinéas are unnumbered: "article 7, alinéa 2" counts them by position.
            key = number or (str(ordinal) if language == "fr" and head.level <= 0 else None)
            if key:
                self.targets[(art.number, key, None)] = peid
            pel = _e("paragraph", el, eId=peid)
            if number:
                _e("num", pel, paragraph_marker(head, language))
            self._content(pel, art, group, peid, index, key)
            index += len(group)

    def _content(
        self, parent, art: Article, group: list[Paragraph], prefix: str, index: int, para=None
    ) -> None:
        content = _e("content", parent)
        head, items = group[0], group[1:]
        if head.level > 0:
            items, head = group, None
        if head is not None:
            index += 1
            self.texts[(art.number, index)] = _e("p", content, head.text)
        if items:
            self._list(content, art, items, prefix, index, para)

    def _list(self, parent, art: Article, items: list[Paragraph], prefix: str, index: int, para):
        """Write items (and their deeper sub-items) as a blockList, nesting by level."""
        leid = self.ids.make(prefix, "list", "1")
        lel = _e("blockList", parent, eId=leid)
        level = items[0].level
        i = 0
        while i < len(items):
            item = items[i]
            j = i + 1
            while j < len(items) and items[j].level > level:
                j += 1
            ieid = self.ids.make(leid, "item", num_id(item.number, i + 1))
            if item.number and para and level == 1:
                self.targets[(art.number, para, item.number)] = ieid
            iel = _e("item", lel, eId=ieid)
            if item.number:
                _e("num", iel, paragraph_marker(item, self.statute.language))
            self.texts[(art.number, index + i + 1)] = _e("p", iel, item.text)
            if j > i + 1:
                self._list(iel, art, items[i + 1 : j], ieid, index + i + 1, para)
            i = j


def _terms(statute: Statute) -> dict[str, str]:
    """Return defined term -> TLCTerm eId, for the terms the statute defines."""
    return {d.term: f"term-{slug(d.term)}" for d in statute.definitions}


def _mark(writer: _Writer, statute: Statute, terms: dict[str, str]) -> None:
    """Replace plain paragraph text with text carrying def, term and ref elements."""
    spans: dict[tuple[str, int], list[tuple[int, int, str, dict[str, str]]]] = {}
    defined_at: set[tuple[str, int]] = set()
    for d in statute.definitions:
        key = (d.article, d.paragraph)
        el = writer.texts.get(key)
        if el is None or not el.text:
            continue
        m = re.search(rf"[\"“'‘«]\s?({re.escape(d.term)})\s?[\"”'’»]", el.text)
        if m:
            spans.setdefault(key, []).append(
                (m.start(1), m.end(1), "def", {"refersTo": f"#{terms[d.term]}"})
            )
            defined_at.add(key)
    for r in statute.cross_references:
        target = (
            writer.targets.get((r.target_article, r.target_paragraph, r.target_item))
            or writer.targets.get((r.target_article, r.target_paragraph, None))
            or writer.targets.get((r.target_article, None, None))
        )
        if target:
            spans.setdefault((r.article, r.paragraph), []).append(
                (r.start, r.end, "ref", {"href": f"#{target}"})
            )
    if terms:
        # Longest first, so "protected group" is marked rather than "group".
        names = sorted(terms, key=len, reverse=True)
        pattern = re.compile(
            r"\b(" + "|".join(re.escape(t) for t in names) + r")(?:s|es)?\b", re.IGNORECASE
        )
        lower = {t.lower(): t for t in names}
        for key, el in writer.texts.items():
            if key in defined_at or not el.text:
                continue
            for m in pattern.finditer(el.text):
                term = lower[m.group(1).lower()]
                spans.setdefault(key, []).append(
                    (m.start(), m.end(), "term", {"refersTo": f"#{terms[term]}"})
                )
    priority = {"def": 0, "ref": 1, "term": 2}
    for key, found in spans.items():
        el = writer.texts.get(key)
        if el is None or not el.text:
            continue
        chosen: list[tuple[int, int, str, dict[str, str]]] = []
        for span in sorted(found, key=lambda s: (priority[s[2]], s[0])):
            if 0 <= span[0] < span[1] <= len(el.text) and all(
                span[1] <= c[0] or span[0] >= c[1] for c in chosen
            ):
                chosen.append(span)
        _inline(el, sorted(chosen))


def _inline(el: etree._Element, spans: list[tuple[int, int, str, dict[str, str]]]) -> None:
    """Rewrite an element's text as text with inline children at the given spans."""
    text, pos, last = el.text or "", 0, None
    el.text = None
    for start, end, tag, attrs in spans:
        if last is None:
            el.text = text[pos:start]
        else:
            last.tail = text[pos:start]
        last = _e(tag, el, text[start:end], **attrs)
        pos = end
    if last is None:
        el.text = text
    else:
        last.tail = text[pos:]


def _year(statute: Statute, date: str) -> str:
    """Return the Act's year from its metadata or title (", 2026"), else the document date's."""
    m = re.search(r"\b(1[89]\d\d|2\d\d\d)\s*$", statute.title or "")
    return statute.metadata.get("year") or (m.group(1) if m else date[:4])


def _identification(meta, statute: Statute, country: str, date: str) -> None:
    """Write the FRBR work, expression and manifestation of the draft."""
    lang = LANGUAGES.get(statute.language, statute.language)
    year = _year(statute, date)
    number = slug(statute.metadata.get("template") or statute.title or "act")
    work = f"/akn/{country}/act/{year}/{number}"
    expression = f"{work}/{lang}@"
    ident = _e("identification", meta, source="#drafter")
    for tag, this, uri in (
        ("FRBRWork", f"{work}/!main", work),
        ("FRBRExpression", f"{expression}/!main", expression),
        ("FRBRManifestation", f"{expression}/!main.xml", f"{expression}.akn"),
    ):
        el = _e(tag, ident)
        _e("FRBRthis", el, value=this)
        _e("FRBRuri", el, value=uri)
        _e("FRBRdate", el, date=date, name="Generation")
        _e("FRBRauthor", el, href="#legislature" if tag == "FRBRWork" else "#drafter")
        if tag == "FRBRWork":
            _e("FRBRcountry", el, value=country)
        elif tag == "FRBRExpression":
            _e("FRBRlanguage", el, language=lang)


def statute_akn(
    statute: Statute, answers: dict[str, Any] | None = None, country: str = DEFAULT_COUNTRY
) -> bytes:
    """Return the statute as Akoma Ntoso 3.0 XML (UTF-8 bytes)."""
    from .output import source_date

    statute = replace(statute)  # the caller's statute keeps its own lists
    if not statute.definitions and not statute.cross_references:
        from .reading.extract import extract

        extract(statute)  # the generator does not record them; read them as a reviewer would
    date = source_date().date().isoformat()
    legislature = str(((answers or {}).get("state") or {}).get("legislature") or "legislature")
    root = etree.Element(f"{{{AKN_NS}}}akomaNtoso", nsmap={None: AKN_NS})
    act = _e("act", root, name="act", contains="originalVersion")
    meta = _e("meta", act)
    _identification(meta, statute, country, date)
    terms = _terms(statute)
    refs = _e("references", meta, source="#drafter")
    _e("TLCOrganization", refs, eId="drafter", href="/ontology/organization/drafter",
       showAs="drafter")  # fmt: skip
    _e("TLCOrganization", refs, eId="legislature",
       href=f"/ontology/organization/{country}/{slug(legislature)}", showAs=legislature)  # fmt: skip
    for term, eid in sorted(terms.items(), key=lambda kv: kv[1]):
        _e("TLCTerm", refs, eId=eid, href=f"/ontology/term/this.{slug(term)}", showAs=term)

    preface = _e("preface", act)
    _e("docTitle", _e("p", preface), statute.title or "Act")
    if statute.long_title:
        _e("p", _e("longTitle", preface), statute.long_title)
    if statute.preamble or statute.enacting_formula:
        preamble = _e("preamble", act)
        for text in statute.preamble:
            _e("p", preamble, text)
        if statute.enacting_formula:
            formula = _e("formula", preamble, name="enactingFormula")
            _e("p", formula, statute.enacting_formula)
    body = _e("body", act)
    writer = _Writer(statute)
    writer.body(body)
    if not len(body):
        _e("p", _e("content", _e("article", body, eId="art_1")), "")
    _mark(writer, statute, terms)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
