"""Which of many texts hold a literal, answered for all of them at once.

A prefilter (prefilter.py) asks whether a text holds one of a few literals. Asked of each of
the ~4700 paragraphs of a long code, for each of ~100 rules, that is a scan of the whole code
per literal per rule. A literal without whitespace can only occur inside one run of
non-whitespace characters of a text (a *token*: ``str.split()``), so it occurs in a text
exactly when it occurs in one of the text's distinct tokens. The index keeps, for every
distinct token of all the texts, the texts holding it, and answers such a literal by searching
it in the short list of distinct tokens instead of in the texts. A literal with whitespace
("or to ") is searched only in the texts that hold each of its pieces ("or", "to"). Either
way the answer is exactly the texts that hold the literal (tests/test_literal_index.py).

``StatuteIndex`` lays out the headings and paragraphs of a statute's articles so that one index
answers a gate both per paragraph and per whole article (heading and text), see there.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable
from itertools import repeat

from ..regexes.prefilter import Gate

# Texts whose token bits are gathered on small integers first (see LiteralIndex).
BLOCK = 256
# Below this many positions, bits_of sets them one by one (cheaper than a base-2 conversion).
FEW = 128


def bits_of(positions: Iterable[int], size: int) -> int:
    """Return the integer whose set bits are ``positions`` (each below ``size``)."""
    positions = list(positions)
    if len(positions) < FEW:
        bits = 0
        for position in positions:
            bits |= 1 << position
        return bits
    # Setting many bits one by one copies the whole integer for each: one flag byte per
    # position instead, then one base-2 conversion (highest position first).
    flags = bytearray(b"0" * size)
    top = size - 1
    for _ in map(flags.__setitem__, map(top.__sub__, positions), repeat(ord("1"))):
        pass
    return int(flags, 2) if size else 0


def set_bits(bits: int) -> list[int]:
    """Return the positions of the set bits of a non-negative integer, lowest first."""
    digits = bin(bits)[:1:-1]  # lowest bit first
    out = []
    at = digits.find("1")
    while at >= 0:
        out.append(at)
        at = digits.find("1", at + 1)
    return out


def _merge(holders: dict[str, int], block: dict[str, int], base: int) -> None:
    """Add the bits of a block of texts (starting at bit ``base``) to the tokens' bits."""
    for token, bits in block.items():
        holders[token] = holders.get(token, 0) | bits << base


class LiteralIndex:
    """The distinct tokens of some texts and the texts each token occurs in.

    Text ``i`` answers as bit ``positions[i]`` of the integers returned (default: bit ``i``;
    positions increase); ``size``: the number of bits (default: one past the last position).
    """

    def __init__(
        self, texts: list[str], positions: list[int] | None = None, size: int | None = None
    ) -> None:
        self.texts = texts
        self.positions = list(range(len(texts))) if positions is None else positions
        self.size = max(self.positions, default=-1) + 1 if size is None else size
        self.every = bits_of(self.positions, self.size)
        holders: dict[str, int] = {}
        # The bits of a token are set a block of BLOCK texts at a time: within a block on a
        # small integer (cheap), then once per block on the token's whole integer (setting
        # each bit on it copies the whole integer, a visible cost for common words).
        block: dict[str, int] = {}
        base = 0
        for position, text in zip(self.positions, texts, strict=True):
            if position - base >= BLOCK:
                _merge(holders, block, base)
                block = {}
                base = position
            bit = 1 << (position - base)
            for token in set(text.split()):
                block[token] = block.get(token, 0) | bit
        _merge(holders, block, base)
        self.tokens = list(holders)
        self.holders = list(holders.values())
        # All tokens on one line each: a literal is searched once in this short text.
        self.vocabulary = "\n".join(self.tokens)
        self.starts: list[int] = []
        offset = 0
        for token in self.tokens:
            self.starts.append(offset)
            offset += len(token) + 1
        self.found: dict[str, int] = {}
        self._by_position: dict[int, str] | None = None

    def _text_at(self) -> dict[int, str]:
        """Return each text by its position (built once)."""
        if self._by_position is None:
            self._by_position = dict(zip(self.positions, self.texts, strict=True))
        return self._by_position

    def holding(self, literal: str) -> int:
        """Return the texts that hold a literal, as the bits of an integer."""
        bits = self.found.get(literal)
        if bits is not None:
            return bits
        bits = 0
        if literal.split() == [literal]:
            # No whitespace: inside one token only; every token holding it, each found once.
            at = self.vocabulary.find(literal)
            while at >= 0:
                k = bisect_right(self.starts, at) - 1
                bits |= self.holders[k]
                at = self.vocabulary.find(literal, self.starts[k] + len(self.tokens[k]) + 1)
        elif literal.split() and "\n" not in literal:
            # With whitespace: a text holding the literal holds each of its tokens' pieces
            # (answered by the tokens above), so only the texts holding them all are searched.
            candidates = self.every
            for piece in literal.split():
                candidates &= self.holding(piece)
            text_at = self._text_at()
            held = [p for p in set_bits(candidates) if literal in text_at[p]]
            bits = bits_of(held, self.size)
        else:
            for position, text in zip(self.positions, self.texts, strict=True):
                if literal in text:
                    bits |= 1 << position
        self.found[literal] = bits
        return bits

    def clause(self, literals: Iterable[str]) -> int:
        """Return the texts holding any of some literals."""
        met = 0
        for literal in literals:
            met |= self.holding(literal)
        return met

    def admitted(self, gate: Gate) -> int:
        """Return the texts a gate admits, as bits: the same texts as ``gate.admits`` on each."""
        if gate.conjunctions is None:
            return self.every
        admitted = 0
        for conjunction in gate.conjunctions:
            bits = self.every
            for clause in conjunction:
                bits &= self.clause(clause)
                if not bits:
                    break
            admitted |= bits
        return admitted


class StatuteIndex:
    """A literal index of articles' headings and paragraphs, asked per paragraph or per article.

    Article ``a`` takes consecutive bits: its heading, its paragraphs, then a *guard* bit that
    no text holds. A gate's paragraph answer is ``LiteralIndex.admitted`` on these texts. An
    article (heading and text joined by newlines) holds a literal without a newline exactly
    when one of its texts does, but a gate's clauses may be met by different paragraphs, so
    the article answer is computed clause by clause: the articles with any text in a clause's
    bits. That is one addition: in the complement of those bits, 1 added at each article's
    first bit carries through the article's bits up to its guard only if none of them is set.
    The article answer is given by guard bits (``guard``).
    """

    def __init__(self, articles: list[tuple[str, list[str]]]) -> None:
        """Index ``articles``: (folded heading, folded paragraphs) of each, in order."""
        texts: list[str] = []
        positions: list[int] = []
        firsts: list[int] = []
        self.guard: list[int] = []  # per article, its guard bit
        self.first_paragraph: list[int] = []  # per article, the bit of its first paragraph
        position = 0
        for heading, paragraphs in articles:
            firsts.append(position)
            texts.append(heading)
            positions.append(position)
            self.first_paragraph.append(position + 1)
            for k, text in enumerate(paragraphs, start=position + 1):
                texts.append(text)
                positions.append(k)
            position += len(paragraphs) + 1
            self.guard.append(position)
            position += 1
        self.size = position
        self.words = LiteralIndex(texts, positions, size=position)
        self.firsts = bits_of(firsts, position)
        self.guards = bits_of(self.guard, position)
        self.text_bits = self.words.every  # every heading and paragraph

    def any_text(self, bits: int) -> int:
        """Return the guard bits of the articles with any text in ``bits``."""
        carried = ((self.text_bits & ~bits) + self.firsts) & self.guards
        return self.guards & ~carried

    def paragraphs(self, gate: Gate) -> int:
        """Return the texts (headings and paragraphs) a gate admits, one by one."""
        return self.words.admitted(gate)

    def articles(self, gate: Gate, article_texts: Callable[[], list[str]]) -> int:
        """Return the guard bits of the articles whose heading and text a gate admits.

        ``article_texts`` returns each article's folded heading and text, for the rare literal
        with a newline (which may span two of its texts).
        """
        if gate.conjunctions is None:
            return self.guards
        admitted = 0
        for conjunction in gate.conjunctions:
            bits = self.guards
            for clause in conjunction:
                if any("\n" in literal for literal in clause):
                    texts = article_texts()
                    held = [g for g, t in zip(self.guard, texts, strict=True) if _any_in(clause, t)]
                    met = bits_of(held, self.size)
                else:
                    met = self.any_text(self.words.clause(clause))
                bits &= met
                if not bits:
                    break
            admitted |= bits
        return admitted


def _any_in(literals: Iterable[str], text: str) -> bool:
    return any(literal in text for literal in literals)


__all__ = ["LiteralIndex", "StatuteIndex", "bits_of", "set_bits"]
