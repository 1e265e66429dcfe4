"""Find the defined terms and the internal cross-references of a statute read from a document.

A definition is a quoted term followed by a defining verb (`"genocide" means`, `« génocide »
désigne`), "In this Act, X means", or, inside a definitions article, an item "term: text".
A cross-reference is "Article 7", "Article 7(2)(b)", "Articles 3 to 5", "section 12" or
"paragraph (2)" (this article). A reference followed by the name of another instrument
("of the Penal Code", "de la loi n° 18/2008") points outside the statute and is not recorded.
"""

from __future__ import annotations

import re
from functools import cache

from ..model import Article, ArticleKind, CrossReference, Definition, Statute
from ..regexes import prefilter, regex_cache

Q_OPEN, Q_CLOSE = "\"“'‘«", "\"”'’»"
# An apostrophe glued to a word is an elision ("l'« extrémisme »"), not an opening quote.
QUOTED_TERM = regex_cache.compile(
    rf"(?:[{Q_OPEN.replace(chr(39), '')}]|(?<!\w)')\s?(?P<term>[^{Q_CLOSE}«\n]{{1,80}}?)\s?[{Q_CLOSE}]"
    r"(?:\s*(?:\([^)]{0,40}\)|or\s+[\"“'‘][^\"”'’]{1,60}[\"”'’]))?"  # ("the Act") / or "x"
    r"\s*,?\s*(?P<verb>means|includes|shall mean|shall include|refers to|has the meaning|"
    r"is defined as|désigne|s['’]entend(?: de| d['’]| comme)?|signifie|vise|recouvre|comprend)\b",
    re.IGNORECASE,
)
# Terms defined together: "“hatred” and “hostility” mean ...", "« haine » et « hostilité »
# s'entendent de ...".
COORDINATED_TERMS = regex_cache.compile(
    rf"(?P<terms>(?:[{Q_OPEN}][^{Q_CLOSE}\n]{{1,80}}?[{Q_CLOSE}]\s*(?:,|\band\b|\bor\b|\bet\b|\bou\b)\s*)+"
    rf"[{Q_OPEN}][^{Q_CLOSE}\n]{{1,80}}?[{Q_CLOSE}])\s*,?\s*(?:means?|includes?|shall mean|refers? to|"
    r"have the meanings?|désignent|s['’]entendent(?: de| d['’]| comme)?|signifient)\b",
    re.IGNORECASE,
)
TWO_QUOTES = regex_cache.compile(rf"[{Q_CLOSE}].*?[{Q_CLOSE}]")  # terms defined together need two
ONE_QUOTED = regex_cache.compile(rf"[{Q_OPEN}]\s?(?P<term>[^{Q_CLOSE}\n]{{1,80}}?)\s?[{Q_CLOSE}]")
# Doubled quotes as printed by the US Government Publishing Office (‘‘term’’) or typed (``term'').
DOUBLED_QUOTES = str.maketrans({"`": "‘"})
DOUBLED = regex_cache.compile(r"‘‘|’’|''")
UNQUOTED_TERM = regex_cache.compile(
    r"^(?:in this (?:act|law|statute|part|chapter|section|article)|for the purposes? of this "
    r"(?:act|law|statute))\s*,?\s*(?:the (?:term|expression|word) )?(?P<term>[\w][\w \-']{0,60}?)"
    r"\s+(?P<verb>means|includes)\b",
    re.IGNORECASE,
)
ON_ENTEND = regex_cache.compile(
    r"\bon entend par\s+(?:[«\"“]\s?(?P<q>[^»\"”]{1,80}?)\s?[»\"”]|(?P<u>[\w][\w \-']{0,60}?))"
    r"\s*[,:]\s*(?P<rest>.+)$",
    re.IGNORECASE,
)
LIST_QUOTED = regex_cache.compile(
    r"^[«\"“]\s?(?P<term>[^»\"”]{1,80}?)\s?[»\"”]\s*[:–—]\s*(?P<rest>\S.*)$"
)
# French unquoted: "l'idéologie du génocide s'entend de ...", "Le terme X désigne ...".
FR_VERB_TERM = regex_cache.compile(
    r"(?:^|[,;:]\s*)(?:(?:le|la|les)\s+|l['’])?(?:(?:terme|expression|mot)\s+)?"
    r"(?P<term>[^,;:«»\"]{1,60}?)\s+(?:s['’]entend(?:ent)?\s+(?:de |d['’]|du |des |comme )|"
    r"désigne(?:nt)?\s)(?P<rest>.*)$",
    re.IGNORECASE,
)
FR_CONSTITUE = regex_cache.compile(
    r"^constitue(?:nt)? (?:un|une|des) (?P<term>[^,]{1,60}?) (?P<rest>(?:tout|toute|tous|toutes|"
    r"le fait)\b.*)$",
    re.IGNORECASE,
)
PLURAL_VERB = regex_cache.compile(r"s['’]entendent|désignent", re.IGNORECASE)
COORDINATION = regex_cache.compile(r"\s+(?:et|ou)\s+(?:(?:le|la|les)\s+|l['’])?", re.IGNORECASE)
# Inside a definitions article only: "Est commis publiquement l'acte accompli ...".
FR_REPUTE = regex_cache.compile(
    r"^(?:est|sont) (?:commise?s?|réputée?s?|considérée?s? comme) (?P<term>[\w-]+)\s+(?P<rest>.+)$",
    re.IGNORECASE,
)
# "Est qualifié de régionalisme tout propos ..."
FR_QUALIFIE = regex_cache.compile(
    r"^(?:est|sont) qualifiée?s? (?:de |d['’])(?P<term>[^,]{1,60}?) "
    r"(?P<rest>(?:tout|toute|tous|toutes|le fait|l['’]acte)\b.*)$",
    re.IGNORECASE,
)
# Canadian consolidations, definitions article only: "génocide L'un des actes ..." (the term
# was in bold or italics, and nothing else marks it).
BARE_TERM = regex_cache.compile(r"^(?P<term>[a-zà-öø-ÿ][\w'’ -]{0,40}?)\s+(?P<rest>[A-ZÀ-ÖØ-Þ].*)$")
# Inside a definitions article only: "(a) genocide means ...", "Genocide ideology is an ...".
PLAIN_TERM = regex_cache.compile(
    r"^(?:the (?:term|expression) )?(?P<term>[\w][\w \-']{0,50}?)\s+"
    r"(?:means|includes|refers to|is an?|is the|are)\s(?P<rest>.*)$",
    re.IGNORECASE,
)
CAPITAL_INSIDE = regex_cache.compile(r"\b[a-zà-öø-ÿ][\w'’-]*\s+[A-ZÀ-ÖØ-Þ]")
LIST_TERM = regex_cache.compile(
    r"^(?P<term>[\w][\w \-'’]{0,50}?)\s*(?::|–|—| - )\s+(?P<rest>\S.*)$"
)

REF_WORD = r"(?:articles?|art\.|sections?|ss?\.|§§?)"
NUM = r"\d+[A-Za-z]{0,2}(?:\s?(?:bis|ter|quater))?|premier|1er"
SUB = r"(?:\(\w{1,4}\))*"
REFERENCE = regex_cache.compile(
    rf"(?<!\w)(?P<word>{REF_WORD})\s*(?P<first>(?:{NUM}){SUB})"
    rf"(?P<more>(?:\s*(?:,|and|or|to|à|et|ou|-|–)\s*(?:{NUM}){SUB})*)",
    re.IGNORECASE,
)
PARAGRAPH_REF = regex_cache.compile(
    r"\b(?:paragraphs?|subsections?|sub-sections?|alinéa|paragraphe)\s*\((?P<p>\d+[A-Za-z]?)\)"
    r"(?P<sub>(?:\(\w{1,4}\))*+)"
    # "paragraph (1) or (2)", "subsections (1) to (3)": every number is a reference.
    r"(?P<more>(?:\s*(?:,|or|and|to|ou|et)\s*\(\d+[A-Za-z]?\)(?:\([^\d()]\w{0,3}\))*)*+)"
    r"(?!\s*of\s+(?:article|section|s\.))",
    re.IGNORECASE,
)
MORE_PARAGRAPH = regex_cache.compile(r"\((?P<p>\d+[A-Za-z]?)\)(?P<sub>(?:\([^\d()]\w{0,3}\))*)")
# "paragraph (2)(b) of Article 7", "subsection (1) of section 4", "l'alinéa 2 de l'article 7".
PARAGRAPH_OF = regex_cache.compile(
    r"\b(?:(?:paragraph|subsection|sub-section)\s*\((?P<p>\d+[A-Za-z]?)\)(?P<sub>(?:\(\w{1,4}\))*+)"
    rf"\s+of\s+(?:article|section|s\.)|alinéa\s+(?P<fp>\d+|premier|1er)\s+de\s+l['’]article)"
    rf"\s*(?P<num>{NUM})",
    re.IGNORECASE,
)
# French: "article 7, alinéa 2, 2°" and "l'alinéa premier du présent article" (alinéas are
# unnumbered in print and counted by position; items are "1°", "2°").
FR_ITEMS = r"(?P<items>(?:\s*(?:,|ou|et)\s*\d+°)*)"  # ", 2°", ", 1° ou 3°"
FR_ALINEA = regex_cache.compile(
    rf"\barticle\s+(?P<num>{NUM})\s*,\s*alinéa\s+(?P<p>\d+|premier|1er){FR_ITEMS}",
    re.IGNORECASE,
)
FR_OWN_ALINEA = regex_cache.compile(
    rf"\balinéas?\s+(?P<p>\d+|premier|1er){FR_ITEMS}\s*,?"
    # "l'alinéa premier ou l'alinéa 2 du présent article", "alinéas 1 et 2 du présent article"
    r"(?P<more>(?:\s*(?:,|ou|et)\s*(?:l['’]\s*alinéa\s+)?(?:\d+|premier|1er))*)"
    r"\s+du\s+présent\s+article\b(?P<tail>\s+(?:ou|et)\s+(?:à\s+)?son\s+alinéa\s+(?:\d+|premier))?",
    re.IGNORECASE,
)
ONE = regex_cache.compile(rf"(?P<num>{NUM})(?P<sub>{SUB})", re.IGNORECASE)
# What follows a reference to another instrument (English, then French), after any spaced
# sub-reference: "section 6 (1) of the Code" points outside as "section 6(1) of the Code" does.
EXTERNAL = regex_cache.compile(
    r"^(?:\s?\(\w{1,4}\))*(?:\s*,\s*alinéas?\s+(?:\d+|premier|1er)(?:\s*,\s*\d+°)?)?"
    r"\s*,?\s*(?:(?:of|in|under)\s+(?!this\b|the present\b)(?:the\s+)?"
    r"(?:[A-Z]|law\b|act\b|decree|ordinance|regulation|code|convention|constitution|statute|"
    r"title \d)"
    r"|(?:du|des|de la|de l['’]|de l’)\s*(?!présente?\b)(?:\w)"
    r")",
)


ALINEA_NUMBER = regex_cache.compile(r"\d+|premier|1er", re.IGNORECASE)
ITEM_NUMBER = regex_cache.compile(r"(\d+)°")
RANGE_JOINER = regex_cache.compile(r"(to|à|-|–)\s*(?:\d|premier|1er)")
WORD_TO = regex_cache.compile(r"\bto\b")
SUB_NUMBER = regex_cache.compile(r"\((\w+)\)")
REFERENCE_PATTERNS = (PARAGRAPH_OF, FR_ALINEA, FR_OWN_ALINEA, REFERENCE, PARAGRAPH_REF)


# A paragraph whose folded text a pattern's literal gate (drafter/regexes/prefilter.py) rules
# out is not scanned, which spares most paragraphs of a long code each regex's search.
def may_match(pattern: re.Pattern[str], folded: str) -> bool:
    """Return False if ``pattern`` cannot match the text that ``prefilter.fold`` made ``folded``."""
    return prefilter.gate(pattern).admits(folded)


def sentence_case(term: str) -> str:
    """Lower-case the capital a term has only because it starts a sentence ("Genocide ideology")."""
    if len(term) > 1 and term[0].isupper() and not term[1].isupper():
        return term[0].lower() + term[1:]
    return term


def _quoted_definitions(text: str, probe: str, found: list[re.Match[str]]) -> list[tuple[str, str]]:
    """Return the (term, text) pairs of the quoted definitions of a paragraph, in order.

    ``found`` are the matches of QUOTED_TERM. Terms defined together ("“hatred” and
    “hostility” mean ...") read as one quoted term at most, so they are looked for too, also
    beside other definitions ("...; “violence” means ..."). Each definition's text runs to
    the next definition in the same paragraph.
    """
    starts: list[tuple[int, int, list[str]]] = []  # (start, end of the verb, terms)
    if TWO_QUOTES.search(text) is not None and may_match(COORDINATED_TERMS, probe):
        for m in COORDINATED_TERMS.finditer(text):
            terms = [q.group("term") for q in ONE_QUOTED.finditer(m.group("terms"))]
            starts.append((m.start(), m.end(), terms))
    joint = [(start, end) for start, end, _ in starts]
    for m in found:
        if not any(s <= m.start() < e for s, e in joint):
            starts.append((m.start(), m.end(), [m.group("term")]))
    starts.sort(key=lambda hit: hit[0])
    ends = [start for start, _, _ in starts[1:]] + [len(text)]
    return [
        (term, text[verb_end:end].strip(" ;"))
        for (_, verb_end, terms), end in zip(starts, ends)
        for term in terms
    ]


def terms_in(text: str, in_definitions: bool, numbered: bool) -> list[tuple[str, str]]:
    """Return (term, definition text) pairs a paragraph defines."""
    if "‘‘" in text or "``" in text:
        text = DOUBLED.sub(
            lambda m: "“" if m.group() == "‘‘" else "”", text.translate(DOUBLED_QUOTES)
        )
    probe = prefilter.fold(text)
    found = list(QUOTED_TERM.finditer(text)) if may_match(QUOTED_TERM, probe) else []
    hits = _quoted_definitions(text, probe, found)
    if hits:
        return hits
    for pattern in (LIST_QUOTED, UNQUOTED_TERM, ON_ENTEND):
        if pattern is ON_ENTEND and not may_match(pattern, probe):
            continue  # the others are anchored: tried at one position only
        if m := pattern.search(text):
            groups = m.groupdict()
            term = groups.get("term") or groups.get("q") or groups.get("u") or ""
            rest = groups.get("rest") or text[m.end() :]
            return [(term if pattern is LIST_QUOTED else sentence_case(term), rest)]
    for pattern in (FR_VERB_TERM, FR_CONSTITUE, FR_QUALIFIE):
        if pattern is FR_VERB_TERM and not may_match(pattern, probe):
            continue
        if m := pattern.search(text):
            terms = [m.group("term")]
            parts = COORDINATION.split(m.group("term"))
            # "L'incitation et la provocation s'entendent", "Inciter ou provoquer s'entend":
            # two terms given one definition.
            if PLURAL_VERB.search(m.group(0)) or all(len(x.split()) == 1 for x in parts):
                terms = parts
            return [(sentence_case(t), m.group("rest")) for t in terms if t.strip()]
    if in_definitions:
        if m := FR_REPUTE.match(text):
            return [(m.group("term"), m.group("rest"))]
        m = PLAIN_TERM.match(text)
        # A capital inside the "term" ("publicly In a public place or by a means ...") means a
        # bare Canadian-style term followed by its definition (BARE_TERM below), not a term.
        if m and not CAPITAL_INSIDE.search(m.group("term")):
            return [(sentence_case(m.group("term")), m.group("rest"))]
        # "(a) genocide: ...", "Discrimination: a distinction ..." (a short term before a colon)
        m = LIST_TERM.match(text)
        if m and (numbered or len(m.group("term").split()) <= 4):
            return [(sentence_case(m.group("term")), m.group("rest"))]
        m = BARE_TERM.match(text)
        if m and len(m.group("term").split()) <= 4:
            return [(m.group("term"), m.group("rest"))]
    return []


def definitions_of(article: Article, memo: dict | None = None) -> list[Definition]:
    """Return the terms an article defines (``memo``: answers for other articles' paragraphs)."""
    memo = {} if memo is None else memo
    found: list[Definition] = []
    in_definitions = article.kind == ArticleKind.DEFINITIONS
    for index, para in enumerate(article.paragraphs, start=1):
        numbered = para.number is not None or para.level > 0
        key = (para.text, in_definitions, numbered)
        terms = memo.get(key)
        if terms is None:  # a code repeats its boilerplate paragraphs: read each text once
            terms = memo[key] = terms_in(para.text, in_definitions, numbered)
        for term, rest in terms:
            term = term.strip(" ,")
            if term and len(term.split()) <= 8:
                found.append(Definition(term, rest.strip(" :,;"), article.number, index))
    return found


def _split_sub(sub: str) -> tuple[str | None, str | None]:
    """Split "(2)(b)" into paragraph "2" and item "b"; "(b)" alone is an item."""
    parts = SUB_NUMBER.findall(sub)
    paragraph = item = None
    for part in parts:
        if part[0].isdigit() and paragraph is None and item is None:
            paragraph = part
        elif item is None:
            item = part
    return paragraph, item


def _range(first: str, last: str) -> list[str]:
    """Expand "3 to 5" to 3, 4, 5 (only plain numbers; anything else gives the two ends)."""
    if first.isdigit() and last.isdigit() and 0 < int(last) - int(first) <= 50:
        return [str(n) for n in range(int(first), int(last) + 1)]
    return [first, last]


# A reference's target in ``_references_in_text``: the article's own number, with its spaces
# taken out ("3 bis" -> "3bis") as for a printed target, or as printed.
_OWN, _OWN_AS_PRINTED = 0, 1
Found = tuple[str, int, int, "str | int", "str | None", "str | None"]


def references_in(article: Article, memo: dict | None = None) -> list[CrossReference]:
    """Return the references an article's paragraphs make to articles of the same statute.

    ``memo`` keeps what other articles' paragraphs of the same statute hold (a code repeats
    its boilerplate paragraphs): a paragraph's references depend on its text alone, but for
    the article it belongs to.
    """
    memo = {} if memo is None else memo
    refs: list[CrossReference] = []
    number = article.number
    for index, para in enumerate(article.paragraphs, start=1):
        found = memo.get(para.text)
        if found is None:
            found = memo[para.text] = _references_in_text(para.text)
        for printed, start, end, target, paragraph, item in found:
            if target == _OWN:
                target = number.replace(" ", "")
            elif target == _OWN_AS_PRINTED:
                target = number
            refs.append(CrossReference(printed, number, index, start, end, target, paragraph, item))
    return refs


@cache
def _reference_gates() -> tuple[tuple[prefilter.Gate, ...], frozenset[str]]:
    """Return the gates of REFERENCE_PATTERNS, and literals one of which any of them needs.

    Every conjunction of a gate needs a literal of its first clause: a text holding none of
    those of all the gates is ruled out by them all at once (most paragraphs; "" stands for a
    gate admitting anything).
    """
    gates = tuple(prefilter.gate(p) for p in REFERENCE_PATTERNS)
    anything = ((frozenset({""}),),)
    firsts = [c[0] for g in gates for c in g.conjunctions or anything]
    return gates, frozenset().union(*firsts)


def _may_refer(text: str, folded: str) -> list[bool]:
    """Return which of REFERENCE_PATTERNS may match a paragraph, by their literal gates."""
    gates, needed = _reference_gates()
    for literal in needed:
        if literal in folded:
            break
    else:
        return [False] * len(gates)
    return [gate.admits(folded) for gate in gates]


def _references_in_text(text: str) -> list[Found]:
    """Return (printed, start, end, target, paragraph, item) of the references in a text."""
    wanted = _may_refer(text, prefilter.fold(text))
    if not any(wanted):
        return []  # the usual paragraph: no reference word at all
    refs: list[Found] = []
    want_of, want_alinea, want_own, want_reference, want_paragraph = wanted
    taken: list[tuple[int, int]] = []  # spans read as "paragraph (2) of Article 7"
    for m in PARAGRAPH_OF.finditer(text) if want_of else ():
        if EXTERNAL.match(text[m.end() :]):
            continue
        _, item = _split_sub(m.group("sub") or "")
        paragraph = m.group("p") or m.group("fp")
        refs.append(
            (m.group(0), m.start(), m.end(), m.group("num").replace(" ", ""), paragraph, item)
        )
        taken.append((m.start(), m.end()))
    for pattern, want in ((FR_ALINEA, want_alinea), (FR_OWN_ALINEA, want_own)):
        for m in pattern.finditer(text) if want else ():
            if any(s <= m.start() < e for s, e in taken) or EXTERNAL.match(text[m.end() :]):
                continue
            target = m.group("num").replace(" ", "") if pattern is FR_ALINEA else _OWN
            more = (m.groupdict().get("more") or "") + (m.groupdict().get("tail") or "")
            numbers = [m.group("p"), *ALINEA_NUMBER.findall(more)]
            items: list[str | None] = ITEM_NUMBER.findall(m.group("items")) or [None]
            for n, number in enumerate(numbers):
                paragraph = "1" if number.lower() in ("premier", "1er") else number
                for item in items if n == 0 else [None]:  # items belong to the first alinéa
                    refs.append((m.group(0), m.start(), m.end(), target, paragraph, item))
            taken.append((m.start(), m.end()))
    for m in REFERENCE.finditer(text) if want_reference else ():
        if any(s <= m.start() < e for s, e in taken):
            continue
        if m.group("word").lower() in ("s.", "ss.") and not text[m.start("first")].isdigit():
            continue
        if EXTERNAL.match(text[m.end() :]):
            continue
        printed = m.group(0).rstrip()
        numbers: list[tuple[str, str]] = []
        pieces = [ONE.match(m.group("first"))] + list(ONE.finditer(m.group("more") or ""))
        joiners = RANGE_JOINER.findall(m.group("more") or "")
        for piece in pieces:
            if piece is not None:
                numbers.append((piece.group("num"), piece.group("sub")))
        if len(numbers) == 2 and joiners and not numbers[0][1] and not numbers[1][1]:
            numbers = [(n, "") for n in _range(numbers[0][0], numbers[1][0])]
        for number, sub in numbers:
            paragraph, item = _split_sub(sub)
            end = m.start() + len(printed)
            refs.append((printed, m.start(), end, number.replace(" ", ""), paragraph, item))
    for m in PARAGRAPH_REF.finditer(text) if want_paragraph else ():
        found = [(m.group("p"), m.group("sub"))]
        found += [(x.group("p"), x.group("sub")) for x in MORE_PARAGRAPH.finditer(m["more"])]
        ranged = len(found) == 2 and WORD_TO.search(m["more"])
        if ranged and not found[0][1] + found[1][1]:
            found = [(n, "") for n in _range(found[0][0], found[1][0])]
        for number, sub in found:
            _, item = _split_sub(sub)
            refs.append((m.group(0), m.start(), m.end(), _OWN_AS_PRINTED, number, item))
    return refs


def extract(statute: Statute) -> None:
    """Fill a statute's definitions and cross-references from its text."""
    terms: dict = {}
    statute.definitions = [d for a in statute.articles for d in definitions_of(a, terms)]
    refs: dict = {}
    statute.cross_references = [r for a in statute.articles for r in references_in(a, refs)]
