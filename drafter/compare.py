"""Check that two language versions of one law line up (``drafter compare``).

Both files are read with the linter's readers, their articles and paragraphs are aligned
(compare_align.py) and each aligned pair is checked for what a translation must keep: the same
articles, paragraphs and items, figures, cross-references, penalties, definitions in the same
places, defined terms used in the same articles, and the same divisions. Every mismatch is a
plain record naming both places, so that the text and JSON reports (compare_report.py) are pure
functions of one list. Nothing here prints.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .compare_align import Pair, align_articles, align_paragraphs
from .compare_facts import (
    ArticleFacts,
    ParaFacts,
    StatuteFacts,
    act_years,
    describe_penalty,
    is_figure_penalty,
    penalty_figures,
    quote,
    statute_facts,
)
from .compare_places import Place, Sides
from .compare_terms import term_uses
from .lint.numbering import normalise_number
from .model import Definition, Division, Statute

# code -> (name, what it means); the README and `drafter compare --help` list the same.
CODES: dict[str, tuple[str, str]] = {
    "CMP001": ("article", "an article of one version has no counterpart in the other"),
    "CMP002": ("structure", "paragraphs, alinéas, items or sub-items differ in number or level"),
    "CMP003": ("number", "the figures written in a paragraph differ"),
    "CMP004": ("cross-reference", "a reference points to a different article, paragraph or item"),
    "CMP005": ("penalty", "a penalty's term, life imprisonment, fine or multiplier differs"),
    "CMP006": ("definition", "a term is defined in one version but not at that place in the other"),
    "CMP007": ("term-use", "a defined term is used in an article of one version only"),
    "CMP008": ("division", "parts, titles or chapters begin at different articles"),
}
# Defined terms are a few words ("protected group", "jugement définitif"); a longer "term" is
# part of a definition the reader took in, and searching for it would report false absences.
MAX_TERM_WORDS = 5
LEVELS = {"en": ("paragraph", "item", "sub-item"), "fr": ("alinéa", "item", "sub-item")}


@dataclass
class Mismatch:
    """One difference between the versions, with both places."""

    code: str
    message: str
    a: Place
    b: Place
    group: int  # the index of the aligned article pair it belongs to (report order)

    @property
    def name(self) -> str:
        """Return the short name of the mismatch's kind ("penalty")."""
        return CODES[self.code][0]


@dataclass
class Comparison:
    """The outcome of comparing two versions: the article pairing and the mismatches."""

    a: StatuteFacts
    b: StatuteFacts
    pairs: list[Pair]
    mismatches: list[Mismatch] = field(default_factory=list)

    @property
    def aligned(self) -> bool:
        """Return whether the versions line up (no mismatch)."""
        return not self.mismatches


def _level_word(level: int, language: str) -> str:
    words = LEVELS.get(language, LEVELS["en"])
    return words[min(level, 2)]


def _a(word: str) -> str:
    """Return a word with its indefinite article: "an item", "a paragraph"."""
    return f"{'an' if word[0] in 'aeiouéà' else 'a'} {word}"


def _counts(facts: ArticleFacts) -> str:
    """Return "4 paragraphs, 3 items" for an article's skeleton."""
    levels = Counter(p.level for p in facts.paragraphs)
    names = ("paragraph", "item", "sub-item")
    parts = [f"{levels[n]} {names[n]}{'s' if levels[n] != 1 else ''}" for n in sorted(levels)]
    return ", ".join(parts) or "no paragraphs"


def _term_span(para: ParaFacts, penalties: list) -> tuple[int, int] | None:
    """Return the span to quote for a penalty: its first term of years, else its start."""
    if not penalties:
        return None
    first = penalties[0]
    for figure in para.figures:
        if figure.duration and first.start <= figure.start < first.end:
            return figure.start, figure.end
    return first.start, min(first.end, first.start + 40)


def _figures(values: Counter[str]) -> str:
    return ", ".join(sorted(values.elements(), key=lambda v: (float(v), v))) or "none"


class _Checker:
    """Runs every check over the aligned articles and collects the mismatches."""

    def __init__(self, sides: Sides) -> None:
        self.s = sides
        self.found: list[Mismatch] = []
        # Definitions found at aligned places: (article of A, its definition, of B, its own).
        self.def_pairs: list[tuple[int, Definition, int, Definition]] = []

    def add(self, code: str, message: str, a: Place, b: Place, group: int) -> None:
        self.found.append(Mismatch(code, message, a, b, group))

    def articles(self) -> None:
        s = self.s
        a_count, b_count = len(s.a.articles), len(s.b.articles)
        for k, (i, j) in enumerate(s.pairs):
            if i is not None and j is not None:
                self.article_pair(k, i, j)
                continue
            side, other, index, present = (s.a, s.b, i, 1) if i is not None else (s.b, s.a, j, 0)
            art = side.articles[index].article
            named = f'{art.caption} "{art.heading}"' if art.heading else art.caption
            message = (
                f"{named} of {side.file} has no counterpart in {other.file} "
                f"({s.a.file}: {a_count} articles, {s.b.file}: {b_count})"
            )
            here, there = s.article(side, index), s.article_gap(other, k, present)
            a, b = (here, there) if side is s.a else (there, here)
            self.add("CMP001", message, a, b, k)
            for para in side.articles[index].paragraphs:
                for definition in para.definitions:
                    self.missing_definition(k, side, index, para, definition, there)

    def article_pair(self, k: int, i: int, j: int) -> None:
        s = self.s
        fa, fb = s.a.articles[i], s.b.articles[j]
        pairs = align_paragraphs(fa, fb)
        reported_shape = False
        n = 0
        while n < len(pairs):
            p, q = pairs[n]
            if p is not None and q is not None:
                self.paragraph_pair(k, i, j, fa.paragraphs[p], fb.paragraphs[q])
                n += 1
                continue
            side, other, idx, oi, present = (
                (s.a, s.b, p, j, 1) if p is not None else (s.b, s.a, q, i, 0)
            )
            own_paras = (fa if side is s.a else fb).paragraphs
            own = own_paras[idx]
            # The items under a missing paragraph are missing with it: one mismatch for all.
            under: list[ParaFacts] = []
            while n + 1 + len(under) < len(pairs):
                nxt = pairs[n + 1 + len(under)]
                index = nxt[1 - present]
                if nxt[present] is not None or index is None:
                    break
                if own_paras[index].level <= own.level:
                    break
                under.append(own_paras[index])
            word = _level_word(own.level, side.language)
            message = f"this {word}"
            if under:
                message += f" and the {len(under)} item{'s' if len(under) > 1 else ''} under it"
            message += (
                f" of {side.file} {'have' if under else 'has'} no counterpart in {other.file}"
            )
            if not reported_shape:
                message += f" ({s.a.file}: {_counts(fa)}; {s.b.file}: {_counts(fb)})"
                reported_shape = True
            here = s.paragraph(side, i if side is s.a else j, own.index)
            there = s.paragraph_gap(other, oi, pairs, n, present)
            a, b = (here, there) if side is s.a else (there, here)
            self.add("CMP002", message, a, b, k)
            for para in [own, *under]:
                for definition in para.definitions:
                    index = i if side is s.a else j
                    self.missing_definition(k, side, index, para, definition, there)
            n += 1 + len(under)

    def missing_definition(self, k, side, index, para, definition, there: Place) -> None:
        s = self.s
        other = s.b if side is s.a else s.a
        message = f'the definition of "{definition.term}" in {side.file} has no counterpart in {other.file}'
        here = s.paragraph(side, index, para.index)
        a, b = (here, there) if side is s.a else (there, here)
        self.add("CMP006", message, a, b, k)

    def paragraph_pair(self, k: int, i: int, j: int, pa: ParaFacts, pb: ParaFacts) -> None:
        s = self.s
        if pa.level != pb.level:
            message = (
                f"{_a(_level_word(pa.level, s.a.language))} in {s.a.file} is "
                f"{_a(_level_word(pb.level, s.b.language))} in {s.b.file}"
            )
            self.add(
                "CMP002", message, s.paragraph(s.a, i, pa.index), s.paragraph(s.b, j, pb.index), k
            )
        penalty = self.penalties(k, i, j, pa, pb)
        self.figures(k, i, j, pa, pb, durations=not penalty)
        self.references(k, i, j, pa, pb)
        self.definitions(k, i, j, pa, pb)

    def penalties(self, k: int, i: int, j: int, pa: ParaFacts, pb: ParaFacts) -> bool:
        s = self.s
        la = [x for x in pa.penalties if is_figure_penalty(x)]
        lb = [x for x in pb.penalties if is_figure_penalty(x)]
        ca, cb = Counter(map(penalty_figures, la)), Counter(map(penalty_figures, lb))
        if ca == cb:
            return False
        only_a = [x for x in la if (ca - cb)[penalty_figures(x)]]
        only_b = [x for x in lb if (cb - ca)[penalty_figures(x)]]
        shown_a = "; ".join(describe_penalty(x) for x in only_a) or "no such penalty"
        shown_b = "; ".join(describe_penalty(x) for x in only_b) or "no such penalty"
        message = f"penalty differs: {shown_a} in {s.a.file}, {shown_b} in {s.b.file}"
        a = s.paragraph(s.a, i, pa.index, _term_span(pa, only_a))
        b = s.paragraph(s.b, j, pb.index, _term_span(pb, only_b))
        self.add("CMP005", message, a, b, k)
        return True

    def figures(self, k, i, j, pa: ParaFacts, pb: ParaFacts, durations: bool) -> None:
        s = self.s
        va, vb = pa.values(durations), pb.values(durations)
        if va == vb:
            return
        extra_a, extra_b = va - vb, vb - va
        message = (
            f"figures differ: {_figures(extra_a)} in {s.a.file}, {_figures(extra_b)} in "
            f"{s.b.file} at this place"
        )
        span_a = next(((f.start, f.end) for f in pa.figures if extra_a[f.value]), None)
        span_b = next(((f.start, f.end) for f in pb.figures if extra_b[f.value]), None)
        self.add(
            "CMP003",
            message,
            s.paragraph(s.a, i, pa.index, span_a),
            s.paragraph(s.b, j, pb.index, span_b),
            k,
        )

    def references(self, k, i, j, pa: ParaFacts, pb: ParaFacts) -> None:
        s = self.s
        ta = [(s.target(s.a, r), r) for r in pa.refs]
        tb = [(s.target(s.b, r), r) for r in pb.refs]
        ca, cb = Counter(t for t, _ in ta), Counter(t for t, _ in tb)
        if ca == cb:
            return
        only_a = [r for t, r in ta if (ca - cb)[t]]
        only_b = [r for t, r in tb if (cb - ca)[t]]
        shown_a = ", ".join(dict.fromkeys(r.text for r in only_a)) or "nothing"
        shown_b = ", ".join(dict.fromkeys(r.text for r in only_b)) or "nothing"
        message = f"cross-references differ: {shown_a} in {s.a.file}, {shown_b} in {s.b.file}"
        for r in only_b:
            target = s.target(s.b, r)[0]
            printed = normalise_number(r.target_article)
            shown = s.a.articles[target].article.number if isinstance(target, int) else printed
            if normalise_number(shown) != printed:  # renumbered: say which article of A it means
                message += f" ({r.text} is {s.a.articles[target].article.caption} in {s.a.file})"
                break
        span_a = (only_a[0].start, only_a[0].end) if only_a else None
        span_b = (only_b[0].start, only_b[0].end) if only_b else None
        self.add(
            "CMP004",
            message,
            s.paragraph(s.a, i, pa.index, span_a),
            s.paragraph(s.b, j, pb.index, span_b),
            k,
        )

    def definitions(self, k, i, j, pa: ParaFacts, pb: ParaFacts) -> None:
        s = self.s
        da, db = pa.definitions, pb.definitions
        if len(da) == len(db):
            self.def_pairs.extend((i, x, j, y) for x, y in zip(da, db, strict=True))
            return
        terms_a = ", ".join(f'"{d.term}"' for d in da) or "no term"
        terms_b = ", ".join(f'"{d.term}"' for d in db) or "no term"
        message = (
            f"definitions differ: {s.a.file} defines {terms_a}, {s.b.file} defines {terms_b} here"
        )
        self.add("CMP006", message, s.paragraph(s.a, i, pa.index), s.paragraph(s.b, j, pb.index), k)

    def term_use(self) -> None:
        """Report a defined term used in an article of one version and not in its pair."""
        s = self.s
        group = {i: k for k, (i, _) in enumerate(s.pairs) if i is not None}
        for number, (_, da, _, db) in enumerate(self.def_pairs, start=1):
            if max(len(da.term.split()), len(db.term.split())) > MAX_TERM_WORDS:
                continue  # a sentence read as a term: its uses cannot be searched for
            uses_a, uses_b = term_uses(s.a, da), term_uses(s.b, db)
            near_a, near_b = term_uses(s.a, da, loose=True), term_uses(s.b, db, loose=True)
            for i, j in s.a_to_b.items():
                if not (i in uses_a and j not in near_b) and not (j in uses_b and i not in near_a):
                    continue
                side, other, idx, oidx, used = (
                    (s.a, s.b, i, j, uses_a[i]) if i in uses_a else (s.b, s.a, j, i, uses_b[j])
                )
                term, counterpart = (da, db) if side is s.a else (db, da)
                message = (
                    f'defined term "{term.term}" (definition {number}) is used here in '
                    f'{side.file}, but "{counterpart.term}" is not used in this article of '
                    f"{other.file}"
                )
                para, start, end = used
                here = s.paragraph(side, idx, para, (start, end))
                there = s.article(other, oidx)
                there.missing = True
                a, b = (here, there) if side is s.a else (there, here)
                self.add("CMP007", message, a, b, group[i])

    def divisions(self) -> None:
        """Report parts, titles and chapters that begin at different (paired) articles."""
        s = self.s
        # Each division is placed at the first paired article at or after it, so that a part
        # whose first article is missing in one version still lines up with its counterpart.
        anchors_a = [(d, self._anchor(s.a, s.a_to_b, n)) for d, n in _anchors(s.a.statute)]
        anchors_b = [(d, self._anchor(s.b, s.b_to_a, n)) for d, n in _anchors(s.b.statute)]
        anchors_b = [(d, s.b_to_a.get(n, len(s.a.articles))) for d, n in anchors_b]
        ca = Counter(n for _, n in anchors_a)
        cb = Counter(n for _, n in anchors_b)
        for side, anchors, extra in ((s.a, anchors_a, ca - cb), (s.b, anchors_b, cb - ca)):
            for division, anchor in anchors:
                if not extra[anchor]:
                    continue
                extra[anchor] -= 1
                other = s.b if side is s.a else s.a
                self.add_division(side, other, division, anchor)

    @staticmethod
    def _anchor(side: StatuteFacts, paired: dict[int, int], n: int) -> int:
        """Return the first paired article of a side at or after index n (or n if none)."""
        for index in range(n, len(side.articles)):
            if index in paired:
                return index
        return len(side.articles)

    def add_division(self, side, other, division: Division, anchor: int) -> None:
        s = self.s
        caption = _division_caption(division, side.language)
        k = next((n for n, (i, _) in enumerate(s.pairs) if i == anchor), len(s.pairs))
        if anchor < len(s.a.articles):
            a_art = s.a.articles[anchor].article.caption
            b_art = s.b.articles[s.a_to_b[anchor]].article.caption
        else:
            a_art = b_art = "the end"
        first = a_art if side is s.a else b_art
        message = (
            f'the division "{caption}" of {side.file} before {first} has no counterpart in '
            f"{other.file}"
        )
        here = Place(
            side.file, None, None, None, None, f"{caption} (before {first})", quote(caption)
        )
        there_article = b_art if side is s.a else a_art
        there = Place(
            other.file, None, None, None, None, f"no division before {there_article}", "", True
        )
        a, b = (here, there) if side is s.a else (there, here)
        self.add("CMP008", message, a, b, k)


DIVISION_WORDS = {"fr": {"part": "Partie", "title": "Titre", "chapter": "Chapitre"}}


def _division_caption(division: Division, language: str) -> str:
    """Return a division's caption as its language prints it: "Part II – Offences", "Titre II"."""
    word = DIVISION_WORDS.get(language, {}).get(division.kind)
    caption = f"{word} {division.number or ''}".strip() if word else division.caption
    return f"{caption} – {division.heading}" if division.heading else caption


def _anchors(statute: Statute) -> list[tuple[Division, int]]:
    """Return each division with the index of the article it begins at."""
    found: list[tuple[Division, int]] = []
    count = 0
    for block in statute.body:
        if isinstance(block, Division):
            found.append((block, count))
        else:
            count += 1
    return found


def compare_statutes(
    a: Statute, b: Statute, file_a: str = "A", file_b: str = "B", ignore: tuple[str, ...] = ()
) -> Comparison:
    """Compare two language versions of a statute and return the pairing and mismatches."""
    years = act_years(a, b)
    fa, fb = statute_facts(a, file_a, years), statute_facts(b, file_b, years)
    pairs = align_articles(fa.articles, fb.articles)
    sides = Sides(fa, fb, pairs)
    checker = _Checker(sides)
    checker.articles()
    checker.divisions()
    checker.term_use()
    found = [m for m in checker.found if not any(m.code.startswith(c) for c in ignore)]
    found.sort(key=lambda m: (m.group, m.a.paragraph or 0, m.code))
    return Comparison(fa, fb, pairs, found)


def compare_files(
    path_a: Path,
    path_b: Path,
    lang_a: str = "auto",
    lang_b: str = "auto",
    changes: str = "accepted",
    ignore: tuple[str, ...] = (),
) -> Comparison:
    """Read two files (.docx, .md, .txt) and compare them (InputError if one is unreadable)."""
    from .reading import read_document

    a = read_document(Path(path_a), changes=changes, language=lang_a)
    b = read_document(Path(path_b), changes=changes, language=lang_b)
    return compare_statutes(a, b, str(path_a), str(path_b), ignore)


def parse_codes(values: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Split comma-separated codes or prefixes ("CMP007,CMP3") and check they exist."""
    from .errors import InputError

    codes = tuple(c.strip().upper() for v in values for c in v.split(",") if c.strip())
    for code in codes:
        if not re.fullmatch(r"CMP\d{0,3}", code) or not any(c.startswith(code) for c in CODES):
            known = ", ".join(CODES)
            raise InputError(f"unknown comparison code {code!r}; the codes are {known}")
    return codes
