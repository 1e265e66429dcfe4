"""Legal sentence boundaries in pure Python: spaCy's answer without importing spaCy.

``drafter.lint.nlp`` defines the boundary logic on spaCy tokens (``_legal_sentences``): a
sentence ends at a terminal token (".", "!", "?", "...") that does not follow an abbreviation,
takes the quotes and brackets glued to it, and the next sentence starts only if the next word
(after opening quotes and brackets) is capitalised or a number. Importing spaCy for this costs
half a second and most of a lint process's memory (numpy, thinc, the vocabulary), so this
module applies the same logic to the tokens spaCy's tokenizer would produce, computed only
where they matter: around the characters that can end a sentence.

The tokenizer rules reproduced here are those of spaCy 3.8's English, French and base
(multi-language) tokenizers: whitespace handling, prefixes, suffixes, infixes and the special
cases (exceptions such as "Mr.", "e.g.", "a." to "z.", "n°") and URLs kept whole. Special
cases are vendored in ``sentence_data.py``, restricted to those that can change a boundary;
tests/test_sentences.py regenerates that table from the installed spaCy and runs both
implementations over every paragraph of the corpora and over 12,000 generated paragraphs of
abbreviations, initials, quotes, brackets, units and odd spacing, requiring identical spans. Known, deliberate differences (none occurs in the corpora):

- spaCy's letter classes are lists of scripts; here a letter is what ``str.isalpha`` says and
  lower/upper case what ``str.islower``/``str.isupper`` say (same answers on Latin, Greek and
  Cyrillic text);
- the French tokenizer's ``token_match`` (hyphenated words such as "anti-r" kept whole) is not
  reproduced: it matters only when the piece after the last hyphen is a single letter or an
  abbreviation and a full stop follows ("anti-r .");
- spaCy's second pass (special cases re-merged from tokens, "Mr" "." -> "Mr.") runs here within
  a whitespace-free chunk only; spaCy also lets a run that straddles a space block another
  run ("' 'Cause"), which changes a boundary only in such contrived text.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise

from .sentence_data import ICON_RANGES, MERGES, SPECIAL_CASES

Span = tuple[int, int]

# The boundary logic's vocabulary (shared with the spaCy implementation in nlp.py).
_ABBREVIATIONS = """
    art arts no nos nr para paras par s ss sec secs sect subs subsec ch chap cap cl cls
    p pp pt r reg regs sch cf e.g i.e eg ie et seq seqq al viz vs v etc approx fig vol ed
    op cit ibid id mr mrs ms dr prof st gen gov hon jr sr inc ltd co corp dept min
    alin n° cass civ crim pén proc ord req
"""
ABBREVIATIONS = frozenset(re.findall(r"\S+", _ABBREVIATIONS))
TERMINAL = frozenset({".", "!", "?", "…", "..."})
CLOSERS = frozenset({'"', "'", "”", "’", "»", ")", "]"})
OPENERS = frozenset({'"', "'", "“", "‘", "«", "(", "["})


def _words(text: str) -> list[str]:
    return text.split()


# spaCy's character lists (spacy/lang/char_classes.py), as plain characters.
DIGITS = frozenset("0123456789")
PUNCT = _words("… …… , : ; ! ? ¿ ؟ ¡ ( ) [ ] { } < > _ # * & 。 ？ ！ ， 、 ； ： ～ · । ، ۔ ؛ ٪")
QUOTES = _words(
    "' \" ” “ ` ‘ ´ ’ ‚ , „ » « 「 」 『 』 （ ） 〔 〕 【 】 《 》 〈 〉 \u2329 \u232a ⟦ ⟧"
)
CURRENCY = _words("$ £ € ¥ ฿ US$ C$ A$ ₽ ﷼ ₴ ₠ ₡ ₢ ₣ ₤ ₥ ₦ ₧ ₨ ₩ ₪ ₫ € ₭ ₮ ₯ ₰ ₱ ₲ ₳ ₴ ₵ ₶ ₷ ₸ ₹ "
            "₺ ₻ ₼ ₽ ₾ ₿")  # fmt: skip
UNITS = _words(
    "km km² km³ m m² m³ dm dm² dm³ cm cm² cm³ mm mm² mm³ ha µm nm yd in ft "
    "kg g mg µg t lb oz m/s km/h kmh mph hPa Pa mbar mb MB kb KB gb GB tb "
    "TB T G M K % км км² км³ м м² м³ дм дм² дм³ см см² см³ мм мм² мм³ нм "
    "кг г мг м/с км/ч кПа Па мбар Кб КБ кб Мб МБ мб Гб ГБ гб Тб ТБ тб"
    "كم كم² كم³ م م² م³ سم سم² سم³ مم مم² مم³ كم غرام جرام جم كغ ملغ كوب اكواب"
)
HYPHENS = ["-", "–", "—", "--", "---", "——", "~"]
FR_HYPHENS = "-–—‐‑"
FR_HYPHENS_SET = frozenset(FR_HYPHENS)
FR_HYPHEN_SUFFIXES = _words("ce clés elle en il ils je là moi nous on t vous")
FR_HYPHEN_SUFFIXES += [s.upper() for s in FR_HYPHEN_SUFFIXES]
ELISION = "'’"
# Unicode "other symbols" that spaCy splits off as prefixes, suffixes (not French) and infixes.
_ICON = re.compile(f"[{ICON_RANGES}]")

# The characters of the look-behind class of spaCy's full-stop suffix rule: digits, lower-case
# letters (tested apart), "%²-+", PUNCT and the quotes (English) and, because the class is
# written "[...(?:{q})]", the characters "(", "?", ":" and ")".
_DOT_AFTER = frozenset("%²-+(?:)" + "".join(QUOTES))
_DOT_AFTER_EN = _DOT_AFTER | frozenset("".join(PUNCT) + "|")
_QUOTE_CHARS = frozenset("".join(QUOTES))
# Chunks that can hold a terminal token; only they (and their neighbours) are tokenised.
_CANDIDATE = re.compile(r"\S*[.!?…]\S*")
_CHUNK = re.compile(r"\S+")
_UNITS = frozenset(CURRENCY + UNITS)
# Characters an infix match can start at or follow (an icon or a letter after an elision).
_INFIX_CHARS = re.compile(r"[.…,\-–—~+*^:<>=/'’]|[^\x00-\xa5]")
_UNIT_TAIL = re.compile(r"[0-9]([^0-9]+)$")
# spaCy's URL_PATTERN (lang/tokenizer_exceptions.py): a URL is kept whole, never split at
# infixes. Its top-level domain must be lower case (checked apart: ``re`` has no such class).
_URL = (
    r"^(?:(?:[\w\+\-\.]{2,})://)?(?:\S+(?::\S*)?@)?(?:"
    r"(?!(?:10|127)(?:\.\d{1,3}){3})(?!(?:169\.254|192\.168)(?:\.\d{1,3}){2})"
    r"(?!172\.(?:1[6-9]|2\d|3[0-1])(?:\.\d{1,3}){2})"
    r"(?:[1-9]\d?|1\d\d|2[01]\d|22[0-3])(?:\.(?:1?\d{1,2}|2[0-4]\d|25[0-5])){2}"
    r"(?:\.(?:[1-9]\d?|1\d\d|2[0-4]\d|25[0-4]))|"
    r"(?:(?:[A-Za-z0-9\u00a1-\uffff][A-Za-z0-9\u00a1-\uffff_-]{0,62})?[A-Za-z0-9\u00a1-\uffff]\.)+"
    r"(?P<tld>[^\W\d_]{2,63}))(?::\d{2,5})?(?:[/?#]\S*)?$"
)


def _lower(c: str) -> bool:
    return c.islower() or (c.isalpha() and not c.isupper())


def _upper(c: str) -> bool:
    return c.isupper() or (c.isalpha() and not c.islower())


def _icon(c: str) -> bool:
    return _ICON.match(c) is not None


@cache
def _url_pattern() -> re.Pattern[str]:
    return re.compile(_URL)  # compiled only for a text that has a word that looks like a URL


def is_url(s: str) -> bool:
    """Return whether spaCy's URL pattern matches ``s`` (then it is one token)."""
    if "." not in s:
        return False
    match = _url_pattern().match(s)
    if match is None:
        return False
    tld = match.group("tld")
    return tld is None or all(map(_lower, tld))


class Tokenizer:
    """spaCy's tokenization of one whitespace-free chunk, for one language's rules."""

    def __init__(self, language: str, specials: dict[str, tuple[str, ...]] | None = None) -> None:
        self.fr = language == "fr"
        self.en = language == "en"
        self.specials = special_cases(language) if specials is None else specials
        # spaCy's second pass: token runs that spell a special case with affixes are merged.
        runs = merges(language) if specials is None else {}
        self.merges = {p: key for p, key in runs.items() if len(p) > 1}
        self.merge_starts = frozenset(p[0] for p in self.merges)
        self.merge_longest = max(map(len, self.merges), default=0)
        singles = set(PUNCT[:1] + PUNCT[2:]) | set(QUOTES) | {"§", "%", "=", "—", "–"}
        self.prefix_chars = frozenset(singles | {c for c in CURRENCY if len(c) == 1})
        suffixes = set(PUNCT[:1] + PUNCT[2:]) | set(QUOTES)
        if not self.fr:
            suffixes |= {"—", "–"}
        self.suffix_chars = frozenset(suffixes)
        self.dot_after = _DOT_AFTER if self.fr else _DOT_AFTER_EN

    def prefix(self, s: str) -> int:
        """Return the length of the prefix spaCy splits off ``s`` (0: none)."""
        c = s[0]
        if c in self.prefix_chars:
            return 1
        if c == "+":
            return 0 if len(s) > 1 and s[1] in DIGITS else 1
        if s.startswith(".."):
            return len(s) - len(s.lstrip("."))
        for cur in ("US$", "C$", "A$"):
            if s.startswith(cur):
                return len(cur)
        if c >= "\xa6" and _icon(c):
            return 1
        if self.fr and len(s) > 2 and c in "dlnDLN" and s[1] in ELISION and s[2].isalpha():
            return 2
        return 0

    def suffix(self, s: str) -> int:
        """Return the length of the suffix spaCy splits off ``s`` (the longest that matches)."""
        n = len(s)
        best = n
        last = s[-1]
        if last in self.suffix_chars or (not self.fr and last >= "\xa6" and _icon(last)):
            best = n - 1
        if s.endswith("……"):
            best = min(best, n - 2)
        if s.endswith(".."):
            best = min(best, len(s.rstrip(".")))
        if not self.fr and n >= 2 and s[-2:] in ("'s", "'S", "’s", "’S"):
            best = min(best, n - 2)
        if n >= 2:
            before = s[-2]
            if last == "+" and before in DIGITS:
                best = min(best, n - 1)
            if self.fr and last == "%" and before in DIGITS:
                best = min(best, n - 1)
            if last == "." and (
                before in DIGITS or _lower(before) or before in self.dot_after
                or (n >= 3 and _upper(before) and _upper(s[-3]))
                or (n >= 3 and s[-3] == "°" and before in "FfCcKk")
            ):  # fmt: skip
                best = min(best, n - 1)
        # A unit or currency after a digit ("5km", "10$"): none holds an ASCII digit, so the
        # only candidate is what follows the last digit.
        tail = _UNIT_TAIL.search(s)
        if tail is not None and tail.group(1) in _UNITS:
            best = min(best, tail.start(1))
        if self.fr and (FR_HYPHENS_SET & set(s)):
            for word in FR_HYPHEN_SUFFIXES:
                k = len(word)
                if (n > k + 1 and s.endswith(word) and s[-k - 1] in FR_HYPHENS
                        and s[-k - 2].isalpha()):  # fmt: skip
                    best = min(best, n - k - 1)
        return n - best

    def infixes(self, s: str) -> list[tuple[int, int]]:
        """Return spaCy's infix matches in ``s``: leftmost first, never overlapping."""
        found: list[tuple[int, int]] = []
        if _INFIX_CHARS.search(s) is None:
            return found
        n = len(s)
        i = 0
        while i < n:
            end = self._infix_at(s, i)
            if end is None:
                i += 1
                continue
            found.append((i, end))
            i = end if end > i else i + 1
        return found

    def _infix_at(self, s: str, i: int) -> int | None:
        c = s[i]
        n = len(s)
        prev = s[i - 1] if i else ""
        nxt = s[i + 1] if i + 1 < n else ""
        if c == "." and nxt == ".":
            return i + len(s[i:]) - len(s[i:].lstrip("."))
        if c == "…" or (c >= "\xa6" and _icon(c)):
            return i + 1
        if c in "+-*^" and prev in DIGITS and (nxt in DIGITS or nxt == "-"):
            return i + 1
        if (
            c == "." and prev and nxt
            and (_lower(prev) or prev in _QUOTE_CHARS) and (_upper(nxt) or nxt in _QUOTE_CHARS)
        ):  # fmt: skip
            return i + 1
        if c == "," and prev.isalpha() and nxt.isalpha():
            return i + 1
        # Hyphens between letters (English: also after a digit), "--" tried after "-".
        if prev and (prev.isalpha() or (self.en and prev in DIGITS)):
            for h in HYPHENS:
                if s.startswith(h, i) and i + len(h) < n and s[i + len(h)].isalpha():
                    return i + len(h)
        if c in ":<>=/" and prev and (prev.isalpha() or prev in DIGITS) and nxt.isalpha():
            return i + 1
        if self.fr and i >= 2 and prev in ELISION and s[i - 2].isalpha() and c.isalpha():
            return i  # an empty infix: "jusqu'" | "ici"
        return None

    def tokens(self, chunk: str) -> list[str]:
        """Return the tokens of a whitespace-free chunk, as spaCy's tokenizer splits it."""
        special = self.specials.get(chunk)
        if special is not None:
            return list(special)
        prefixes: list[str] = []
        suffixes: list[str] = []
        s = chunk
        last_size = 0
        while s and len(s) != last_size:
            if s in self.specials:
                break
            last_size = len(s)
            pre = self.prefix(s)
            if pre:
                minus_pre = s[pre:]
                if minus_pre and minus_pre in self.specials:
                    prefixes.append(s[:pre])
                    s = minus_pre
                    break
            rest = s[pre:]
            suf = self.suffix(rest) if rest else 0
            if suf:
                minus_suf = s[:-suf]
                if minus_suf and minus_suf in self.specials:
                    suffixes.append(s[-suf:])
                    s = minus_suf
                    break
            if pre and suf and pre + suf <= len(s):
                prefixes.append(s[:pre])
                suffixes.append(s[-suf:])
                s = s[pre:-suf]
            elif pre:
                prefixes.append(s[:pre])
                s = s[pre:]
            elif suf:
                suffixes.append(s[-suf:])
                s = s[:-suf]
        out = prefixes
        if s:
            special = self.specials.get(s)
            matches = self.infixes(s) if special is None else []
            if special is not None:
                out.extend(special)
            elif not matches or is_url(s):  # a URL is one token whatever its infixes
                out.append(s)
            else:
                start = 0
                for m_start, m_end in matches:
                    if m_start == 0:
                        continue
                    if m_start != start:
                        out.append(s[start:m_start])
                    if m_start != m_end:
                        out.append(s[m_start:m_end])
                    start = m_end
                if s[start:]:
                    out.append(s[start:])
        out.extend(reversed(suffixes))
        if len(out) > 1 and self.merge_starts.intersection(out):
            out = self._merge(out)
        return out

    def _merge(self, tokens: list[str]) -> list[str]:
        """Re-merge runs of tokens that spell a special case: longest, then leftmost, first."""
        found = []
        for i, token in enumerate(tokens):
            if token in self.merge_starts:
                for size in range(2, min(self.merge_longest, len(tokens) - i) + 1):
                    key = self.merges.get(tuple(tokens[i : i + size]))
                    if key is not None:
                        found.append((size, i, key))
        seen: set[int] = set()
        kept = []
        for size, i, key in sorted(found, key=lambda f: (-f[0], f[1])):
            if i not in seen and i + size - 1 not in seen:
                kept.append((i, size, key))
            seen.update(range(i, i + size))
        for i, size, key in sorted(kept, reverse=True):
            tokens[i : i + size] = self.specials[key]
        return tokens


def _table(text: str) -> dict[str, tuple[str, ...]]:
    entries = {}
    for line in text.splitlines():
        key, *rest = line.split("\t")
        entries[key] = tuple(rest)
    return entries


def _rules(language: str) -> str:
    return language if language in ("en", "fr") else "xx"


@cache
def special_cases(language: str) -> dict[str, tuple[str, ...]]:
    """Return the vendored special cases of a language's tokenizer: text -> tokens."""
    return _table(SPECIAL_CASES[_rules(language)])


@cache
def merges(language: str) -> dict[tuple[str, ...], str]:
    """Return the token runs spaCy re-merges into a special case: tokens -> text."""
    return {tokens: key for key, tokens in _table(MERGES[_rules(language)]).items()}


@cache
def tokenizer(language: str) -> Tokenizer:
    """Return the (cached) tokenizer of a language."""
    return Tokenizer(language)


def is_abbreviation(token: str) -> bool:
    """Return whether the token before a "." is an abbreviation or an enumeration label."""
    word = token.lower().rstrip(".")
    if word in ABBREVIATIONS:
        return True
    # Initials and item letters ("J. Smith", "see a. above"), but not the word "I".
    return len(word) == 1 and word.isalpha() and token != "I"


def is_terminal(token: str) -> bool:
    """Return whether a token can end a sentence ("." "!" "?" "...", or "word." kept whole)."""
    return token in TERMINAL or (
        token.endswith(".") and len(token) > 1 and not is_abbreviation(token)
        and token.count(".") == 1 and token[:-1].isalpha()
    )  # fmt: skip


def _starts_sentence(text: str) -> bool:
    first = text[:1]
    return first.isupper() or first.isdigit()


def _doc_end(text: str) -> int:
    """Return where spaCy's last token ends: one trailing space is not a token, more are."""
    body = text.rstrip()
    if not body or len(body) == len(text):
        return len(text)
    tail = text[len(body) :]
    return len(text) - 1 if tail == " " else len(text)


class _Paragraph:
    """The tokens of a paragraph's chunks, computed on demand."""

    def __init__(self, text: str, tok: Tokenizer) -> None:
        self.text = text
        self.tok = tok
        self.cache: dict[int, tuple[int, list[tuple[int, str]]]] = {}

    def chunk(self, start: int) -> tuple[int, list[tuple[int, str]]]:
        """Return (end, [(offset, token), ...]) of the chunk that starts at ``start``."""
        found = self.cache.get(start)
        if found is None:
            match = _CHUNK.match(self.text, start)
            end = match.end()
            offset = start
            tokens = []
            for token in self.tok.tokens(self.text[start:end]):
                tokens.append((offset, token))
                offset += len(token)
            found = self.cache[start] = (end, tokens)
        return found

    def next_chunk(self, end: int) -> int | None:
        """Return the start of the chunk after a chunk ending at ``end`` if only " " separates them."""
        text = self.text
        if text[end : end + 1] == " " and end + 1 < len(text) and not text[end + 1].isspace():
            return end + 1
        return None  # the end, or a whitespace token (two spaces, a newline, a no-break space)

    def previous_token(self, start: int) -> str | None:
        """Return the last token of the chunk before ``start`` if only " " separates them."""
        text = self.text
        if start < 2 or text[start - 1] != " " or text[start - 2].isspace():
            return None
        begin = start - 2
        while begin > 0 and not text[begin - 1].isspace():
            begin -= 1
        return self.chunk(begin)[1][-1][1]


def split(text: str, language: str = "en") -> list[Span]:
    """Return the (start, end) spans of a paragraph's sentences, as nlp.py's spaCy path does."""
    if not text:
        return [(0, 0)]
    end = _doc_end(text)
    starts = {0}
    para: _Paragraph | None = None
    for match in _CANDIDATE.finditer(text):
        if para is None:
            para = _Paragraph(text, tokenizer(language))
        chunk_end, tokens = para.chunk(match.start())
        for index, (offset, token) in enumerate(tokens):
            if not is_terminal(token):
                continue
            if token == ".":
                prev = tokens[index - 1][1] if index else para.previous_token(offset)
                if prev is not None and is_abbreviation(prev):
                    continue
            start = _sentence_start(para, tokens, index, chunk_end)
            if start is not None:
                starts.add(start)
    bounds = sorted(starts)
    spans = []
    for first, following in pairwise(bounds):
        spans.append((first, following - 1 if text[following - 1] == " " else following))
    spans.append((bounds[-1], end))
    return spans


def _sentence_start(
    para: _Paragraph, tokens: list[tuple[int, str]], index: int, chunk_end: int
) -> int | None:
    """Return where the sentence after the terminal token ``tokens[index]`` starts, if one does."""
    j = index + 1
    # A quote or bracket glued to the full stop closes the sentence and belongs to it.
    while j < len(tokens) and tokens[j][1] in CLOSERS:
        j += 1
    stream = _following(para, tokens, j, chunk_end)
    first = next(stream, None)
    if first is None:
        return None
    token = first[1]
    while token in OPENERS:
        following = next(stream, None)
        if following is None:
            return None
        token = following[1]
    return first[0] if _starts_sentence(token) else None


def _following(para: _Paragraph, tokens: list[tuple[int, str]], j: int, chunk_end: int):
    """Yield the tokens from ``tokens[j]`` on, into the next chunks while " " separates them."""
    yield from tokens[j:]
    start = para.next_chunk(chunk_end)
    while start is not None:
        chunk_end, more = para.chunk(start)
        yield from more
        start = para.next_chunk(chunk_end)
