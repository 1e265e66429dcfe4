"""Which of many texts hold a literal, answered for all of them at once.

A prefilter (prefilter.py) asks whether a text holds one of a few literals. Asked of each of
the ~2000 articles of a long code, for each of ~100 rules, that is a scan of the whole code per
literal per rule. Most literals are made of word characters only ("incit", "minist"); such a
literal can only occur inside one run of word characters of a text, so it occurs in a text
exactly when it occurs in one of the text's distinct words. The index keeps, for every distinct
word of all the texts, the set of texts holding it (as the bits of an integer), and answers a
literal by searching it in the short list of distinct words instead of in the texts. Literals
with other characters (a space, an apostrophe) are searched once in all the texts joined.
Either way the answer is exactly the texts that hold the literal (tests/test_literal_index.py).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from ..regexes.prefilter import Gate

WORD = re.compile(r"\w+")


class LiteralIndex:
    """The distinct words of some texts and the texts each word occurs in."""

    def __init__(self, texts: list[str]) -> None:
        self.texts = texts
        self.every = (1 << len(texts)) - 1
        holders: dict[str, int] = {}
        for i, text in enumerate(texts):
            bit = 1 << i
            for word in set(WORD.findall(text)):
                holders[word] = holders.get(word, 0) | bit
        self.words = list(holders)
        self.holders = [holders[w] for w in self.words]
        # All words on one line each: a literal is searched once in this short text.
        self.vocabulary = "\n".join(self.words)
        self.starts: list[int] = []
        offset = 0
        for word in self.words:
            self.starts.append(offset)
            offset += len(word) + 1
        self.found: dict[str, int] = {}
        self._joined: tuple[str, list[int]] | None = None

    def _texts_joined(self) -> tuple[str, list[int]]:
        """Return all the texts joined by newlines, and where each starts (built once)."""
        if self._joined is None:
            starts, offset = [], 0
            for text in self.texts:
                starts.append(offset)
                offset += len(text) + 1
            self._joined = ("\n".join(self.texts), starts)
        return self._joined

    def holding(self, literal: str) -> int:
        """Return the texts that hold a literal, as the bits of an integer (bit i: text i)."""
        bits = self.found.get(literal)
        if bits is not None:
            return bits
        bits = 0
        if literal and WORD.fullmatch(literal):
            # Inside one word only: every word holding it, each found once.
            at = self.vocabulary.find(literal)
            while at >= 0:
                k = bisect_right(self.starts, at) - 1
                bits |= self.holders[k]
                at = self.vocabulary.find(literal, self.starts[k] + len(self.words[k]) + 1)
        elif literal and "\n" not in literal:
            # The texts are joined by newlines, which the literal lacks: each occurrence lies
            # inside one text, so one search of the joined texts finds every text holding it.
            joined, starts = self._texts_joined()
            at = joined.find(literal)
            while at >= 0:
                k = bisect_right(starts, at) - 1
                bits |= 1 << k
                at = joined.find(literal, starts[k] + len(self.texts[k]) + 1)
        else:
            for i, text in enumerate(self.texts):
                if literal in text:
                    bits |= 1 << i
        self.found[literal] = bits
        return bits

    def admitted(self, gate: Gate) -> int:
        """Return the texts a gate admits, as bits: the same texts as ``gate.admits`` on each."""
        if gate.conjunctions is None:
            return self.every
        admitted = 0
        for conjunction in gate.conjunctions:
            bits = self.every
            for clause in conjunction:
                met = 0
                for literal in clause:
                    met |= self.holding(literal)
                bits &= met
                if not bits:
                    break
            admitted |= bits
        return admitted


__all__ = ["LiteralIndex"]
