"""Assemble a statute: render a template and its clauses in a Jinja sandbox, then parse it.

Templates and clauses are data from folders a user may not fully trust (a shared team library),
so they run in ``SandboxedEnvironment`` with ``StrictUndefined``: a misspelt variable is an
error naming the file and line, never an empty string in a law. Answer values are passed as
data and never rendered as Jinja, so ``{{ ... }}`` typed into an answer stays literal text.
"""

from __future__ import annotations

import re
import sys
import time
import traceback
from pathlib import Path
from typing import Any, Self

from jinja2 import (
    ChoiceLoader,
    FileSystemLoader,
    FunctionLoader,
    StrictUndefined,
    TemplateNotFound,
    TemplateSyntaxError,
)
from jinja2 import TemplateError as JinjaError
from jinja2.sandbox import SandboxedEnvironment, SecurityError

from . import __version__
from .answers import check_value
from .errors import AssemblyError, DrafterError, TemplateError
from .library import Library, did_you_mean
from .library_model import Clause, ClauseUse, Draft, Template
from .markup import LEVELS, parse_markup, terms_used, tokenize
from .model import Article
from .paths import builtin_dir
from .style import item_number, paragraph_marker, sort_key

CLAUSE_PREFIX = "@clause/"
DEFINITIONS_LINE = re.compile(r"^[ \t]*::definitions[ \t]*$", re.MULTILINE)
# The term a definition clause defines, as printed: `::item « publiquement » : ...`.
PRINTED_TERM = re.compile(r"::item\s*[«“\"]\s*([^»”\"]+?)\s*[»”\"]")
ARTICLE_LABEL = re.compile(r"^[ \t]*::article\b[^\n]*\{[^{}\n]*\blabel=([^\s}]+)", re.MULTILINE)

# Number words for max_words(); 0-999,999 covers every term, fine and period in a statute.
EN_UNITS = (  # noqa: SIM905
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
EN_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()  # noqa: SIM905
FR_UNITS = (  # noqa: SIM905
    "zéro un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize"
).split()
FR_TENS = "_ dix vingt trente quarante cinquante soixante".split()  # noqa: SIM905


def _en(n: int) -> str:
    if n < 20:
        return EN_UNITS[n]
    if n < 100:
        return EN_TENS[n // 10] + (f"-{EN_UNITS[n % 10]}" if n % 10 else "")
    if n < 1000:
        rest = f" and {_en(n % 100)}" if n % 100 else ""
        return f"{EN_UNITS[n // 100]} hundred{rest}"
    rest = n % 1000
    joiner = " and " if 0 < rest < 100 else " "
    return f"{_en(n // 1000)} thousand" + (f"{joiner}{_en(rest)}" if rest else "")


def _fr(n: int) -> str:
    if n <= 16:
        return FR_UNITS[n]
    if n < 20:
        return f"dix-{FR_UNITS[n - 10]}"
    if n < 70:
        tens, unit = divmod(n, 10)
        return FR_TENS[tens] + ("" if not unit else " et un" if unit == 1 else f"-{FR_UNITS[unit]}")
    if n < 80:
        return "soixante et onze" if n == 71 else f"soixante-{_fr(n - 60)}"
    if n < 100:
        return "quatre-vingts" if n == 80 else f"quatre-vingt-{_fr(n - 80)}"
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        head = "cent" if hundreds == 1 else f"{FR_UNITS[hundreds]} cent" + ("" if rest else "s")
        return head + (f" {_fr(rest)}" if rest else "")
    thousands, rest = divmod(n, 1000)
    # "mille" is invariable and takes the plural "s" off "quatre-vingts" and "deux cents".
    head = "mille" if thousands == 1 else f"{_fr(thousands).removesuffix('s')} mille"
    return head + (f" {_fr(rest)}" if rest else "")


def number_words(n: Any, language: str = "en") -> str:
    """Return a number as statutes write it, in words and digits: "five (5)", "cinq (5)"."""
    if isinstance(n, bool) or not isinstance(n, (int, float)):
        raise TemplateError(f"max_words(): expected a number, got {n!r}")
    if isinstance(n, float) and not n.is_integer():
        return str(n)  # "2.5": words for fractions read worse than digits in a statute
    value = int(n)
    if not 0 <= value < 1_000_000:
        # French groups thousands with a non-breaking space: "1 000 000".
        return f"{value:,}".replace(",", "\u00a0") if language == "fr" else f"{value:,}"
    words = _fr(value) if language == "fr" else _en(value)
    return f"{words} ({value})"


def ref(label: str, paragraph: int | None = None, item: str | None = None) -> str:
    """Return a cross-reference marker, printed after numbering as "Article 7(2)(b)"."""
    if not re.fullmatch(r"[A-Za-z0-9_.-]+", str(label)):
        raise TemplateError(f"ref(): bad article label {label!r}")
    marker = str(label)
    if paragraph is not None:
        marker += f"/{int(paragraph)}"
    if item is not None:
        if paragraph is None:
            raise TemplateError(f"ref({label!r}): an item needs a paragraph")
        marker += f"/{item}"
    return f"[[ref:{marker}]]"


def term(name: str, form: str | None = None) -> str:
    """Return a defined-term marker; ``form`` is the printed form (plural, capitalised...)."""
    return f"[[term:{name}|{form}]]" if form else f"[[term:{name}]]"


# Limits on what a template may cost (docs/security.md): the built-in Acts take some tens of
# thousands of template lines and under 100 KB of markup to render.
MAX_RENDER_STEPS = 5_000_000  # template lines executed (loop iterations), whatever the nesting
MAX_RENDER_SECONDS = 30.0
MAX_VALUE_CHARS = 1_000_000  # a string or list a template builds with + or *
MAX_POWER_BITS = 4096


class LimitedSandbox(SandboxedEnvironment):
    """Jinja's sandbox, plus limits on the size of what ``+``, ``*`` and ``**`` build."""

    intercepted_binops = frozenset({"+", "*", "**"})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Filters whose width argument allocates that many characters.
        for name in ("center", "indent"):
            self.filters[name] = _bounded_width(self.filters[name], name)

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        """Refuse arithmetic that would build a huge string, list or number."""
        sized = (str, list, tuple)
        if operator == "**" and _is_int(left) and _is_int(right) and abs(left) > 1:
            if right * abs(left).bit_length() > MAX_POWER_BITS:
                raise SecurityError(f"{left} ** {right} is too large a number")
        elif operator == "*" and (isinstance(left, sized) or isinstance(right, sized)):
            seq, times = (left, right) if isinstance(left, sized) else (right, left)
            if _is_int(times) and len(seq) * times > MAX_VALUE_CHARS:
                raise SecurityError(f"repeating a value {times} times is too large")
        elif (
            operator == "+"
            and isinstance(left, sized)
            and isinstance(right, sized)
            and len(left) + len(right) > MAX_VALUE_CHARS
        ):
            raise SecurityError("joining these values builds too large a value")
        return super().call_binop(context, operator, left, right)


def _bounded_width(filter_: Any, name: str) -> Any:
    """Wrap a filter so that a numeric argument (a width) cannot exceed MAX_VALUE_CHARS."""

    def bounded(value: Any, *args: Any, **kwargs: Any) -> Any:
        for arg in (*args, *kwargs.values()):
            if _is_int(arg) and arg > MAX_VALUE_CHARS:
                raise SecurityError(f"{name}({arg}) is too large")
        return filter_(value, *args, **kwargs)

    return bounded


def _is_int(x: Any) -> bool:
    return isinstance(x, int) and not isinstance(x, bool)


class RenderLimit:
    """Counts the template lines executed in this thread and stops a render that runs away.

    Jinja compiles templates to Python, so a ``{% for %}`` nested over large ranges is a plain
    Python loop the sandbox never sees; a trace function on template frames only counts each
    line run, and raises TemplateError past the step or time limit.
    """

    def __init__(self, is_template: Any) -> None:
        self.is_template = is_template
        self.steps = 0
        self.deadline = 0.0
        self.depth = 0
        self.previous: Any = None

    def __enter__(self) -> Self:
        self.depth += 1
        if self.depth == 1:
            self.steps, self.deadline = 0, time.monotonic() + MAX_RENDER_SECONDS
            self.previous = sys.gettrace()
            sys.settrace(self._global)
        return self

    def __exit__(self, *exc: object) -> None:
        self.depth -= 1
        if self.depth == 0:
            sys.settrace(self.previous)

    def _global(self, frame: Any, event: str, arg: Any) -> Any:
        return self._local if self.is_template(frame.f_code.co_filename) else None

    def _local(self, frame: Any, event: str, arg: Any) -> Any:
        if event == "line":
            self.steps += 1
            if self.steps > MAX_RENDER_STEPS:
                raise TemplateError(f"stopped after {MAX_RENDER_STEPS} steps (an endless loop?)")
            if self.steps % 10_000 == 0 and time.monotonic() > self.deadline:
                raise TemplateError(f"stopped after {MAX_RENDER_SECONDS:g} s (an endless loop?)")
        return self._local


class Renderer:
    """Renders templates and clauses in one sandbox and records the clauses it used."""

    def __init__(self, library: Library, language: str) -> None:
        self.library = library
        self.language = language
        self.uses: list[ClauseUse] = []
        self.clauses: dict[str, Clause] = {}
        self.offsets: dict[str, int] = {}  # clause file -> lines before its body
        loader = ChoiceLoader(
            [
                FileSystemLoader([str(p) for p in library.template_roots()]),
                FunctionLoader(self._clause_source),
            ]
        )
        self.limit = RenderLimit(lambda name: name.endswith(".j2") or name in self.offsets)
        self.env = LimitedSandbox(
            loader=loader,
            undefined=StrictUndefined,
            autoescape=False,  # the output is statute markup, not HTML
            # No trim_blocks: markup is line-oriented, and a tag ending a line must not join it
            # to the next; the blank lines that block tags leave are ignored by the parser.
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.env.globals.update(
            clause=self.clause,
            ref=ref,
            term=term,
            max_words=lambda n: number_words(n, language),
            language=language,
        )

    def _clause_source(self, name: str) -> tuple[str, str, Any] | None:
        if not name.startswith(CLAUSE_PREFIX):
            return None
        language, _, clause_id = name[len(CLAUSE_PREFIX) :].partition("/")
        found = self.library.clause(clause_id, language)
        filename = str(found.path) if found.path else f"<clause {clause_id}>"
        self.offsets[filename] = found.body_line - 1
        return found.body, filename, lambda: True

    def clause(self, clause_id: str, **params: Any) -> str:
        """Render a library clause with checked parameters (the ``clause()`` Jinja helper)."""
        found = self.library.clause(clause_id, self.language)
        values = clause_parameters(found, params)
        text = self.env.get_template(f"{CLAUSE_PREFIX}{self.language}/{clause_id}").render(values)
        label = ARTICLE_LABEL.search(text)
        self.uses.append(ClauseUse(clause_id, values, label.group(1) if label else None))
        self.clauses[clause_id] = found
        return text

    def render(self, name: str, context: dict[str, Any]) -> str:
        """Render a template file by loader name; Jinja errors become TemplateError with file:line."""
        try:
            with self.limit:
                return self.env.get_template(name).render(context)
        except TemplateSyntaxError as exc:
            where = self._where(exc.filename, exc.lineno)
            raise TemplateError(f"{where}: {exc.message}") from exc
        except TemplateNotFound as exc:
            roots = ", ".join(display_path(str(p)) for p in self.library.template_roots())
            raise TemplateError(
                f"{self._location(exc)}template file {exc.name!r} not found (searched {roots})"
            ) from exc
        except SecurityError as exc:
            raise TemplateError(f"{self._location(exc)}blocked by the sandbox: {exc}") from exc
        except JinjaError as exc:
            raise TemplateError(f"{self._location(exc)}{exc.message or exc}") from exc
        except DrafterError as exc:
            # e.g. a bad clause() parameter: say which template line asked for it
            raise type(exc)(f"{self._location(exc)}{exc}") from exc
        except RecursionError as exc:
            raise TemplateError(
                f"{self._location(exc)}a clause or template includes itself"
            ) from exc
        except (ArithmeticError, LookupError, TypeError, ValueError) as exc:
            raise TemplateError(f"{self._location(exc)}{type(exc).__name__}: {exc}") from exc

    def _location(self, exc: BaseException) -> str:
        """Return "file:line: " for the innermost template frame of the exception, or ""."""
        last = None
        for frame, lineno in traceback.walk_tb(exc.__traceback__):
            filename = frame.f_code.co_filename
            if filename.endswith(".j2") or filename in self.offsets:
                last = (filename, lineno)
        return f"{self._where(*last)}: " if last else ""

    def _where(self, filename: str | None, lineno: int | None) -> str:
        filename = filename or "<template>"
        line = (lineno or 0) + self.offsets.get(filename, 0)
        return f"{display_path(filename)}:{line}"


def display_path(filename: str) -> str:
    """Show a file relative to the working folder, or the built-in data as "templates/...""."""
    path = Path(filename)
    for base in (Path.cwd(), builtin_dir("templates").parent):
        try:
            return str(path.relative_to(base))
        except ValueError:
            continue
    return filename


def clause_parameters(found: Clause, params: dict[str, Any]) -> dict[str, Any]:
    """Check parameters against the clause's declarations and fill defaults."""
    declared = {p.name: p for p in found.parameters}
    for name in params:
        if name not in declared:
            hint = did_you_mean(name, declared)
            raise TemplateError(f"clause {found.id!r}: unknown parameter {name!r}{hint}")
    values: dict[str, Any] = {}
    for p in found.parameters:
        value = params.get(p.name, p.default)
        if value is None:
            if p.required:
                raise TemplateError(f"clause {found.id!r}: parameter {p.name!r} is required")
        else:
            problem = check_value(p, value)
            if problem:
                raise TemplateError(f"clause {found.id!r}: parameter {p.name!r}: {problem}")
        values[p.name] = value
    return values


def expand_definitions(markup: str, renderer: Renderer) -> str:
    """Replace the ``::definitions`` line by one definition per term used, alphabetically."""
    lines = DEFINITIONS_LINE.findall(markup)
    if not lines:
        return markup
    if len(lines) > 1:
        raise TemplateError("the template has more than one ::definitions line")
    position = DEFINITIONS_LINE.search(markup)
    assert position is not None
    before = ARTICLE_LABEL.findall(markup[: position.start()])
    label = before[-1] if before else None
    language = renderer.language
    pending = set(terms_used(markup))
    rendered: dict[str, tuple[Clause, str]] = {}  # clause id -> (clause, markup)
    by_term: dict[str, str] = {}
    # Close the set of terms over the definitions' own uses ("incitement" uses "publicly"...).
    while pending:
        name = pending.pop()
        found = renderer.library.definition_clause(name, language)
        by_term[name] = found.id
        if found.id in rendered:
            continue
        source = f"{CLAUSE_PREFIX}{language}/{found.id}"
        text = renderer.render(source, clause_parameters(found, {}))
        rendered[found.id] = (found, text)
        pending |= terms_used(text) - set(by_term)
    parts: list[str] = []

    def order(name: str) -> tuple[str, str]:
        # English sorts by the term's key; other languages by the term as printed there
        # ("« apologie »" before "« génocide »"), accents ignored.
        if language == "en":
            return name.casefold(), name
        found = PRINTED_TERM.search(rendered.get(by_term[name], (None, ""))[1])
        return sort_key(found.group(1) if found else name)

    for name in sorted(by_term, key=order):
        found, text = rendered.pop(by_term[name], (None, ""))
        if found is None:
            continue  # a clause that defines several terms is placed at its first term
        renderer.uses.append(ClauseUse(found.id, clause_parameters(found, {}), label))
        renderer.clauses[found.id] = found
        parts.append(text.strip("\n"))
    return markup[: position.start()] + "\n".join(parts) + markup[position.end() :]


def assemble(template: Template, answers: dict, library: Library) -> Draft:
    """Render ``template`` with validated ``answers`` and parse the result into a Draft."""
    renderer = Renderer(library, template.language)
    markup = renderer.render(f"{template.name}/{template.entry}", dict(answers))
    markup = expand_definitions(markup, renderer)
    try:
        statute = parse_markup(markup, template.language)
    except AssemblyError as exc:
        raise AssemblyError(f"template {template.name!r}: {exc}") from exc
    # The memorandum follows the statute: order the clauses by the article they produced.
    order = {a.label: i for i, a in enumerate(statute.articles) if a.label}
    uses = sorted(renderer.uses, key=lambda u: order.get(u.article_label, len(order)))
    statute.metadata.update({"template": template.name, "generator": f"drafter {__version__}"})
    return Draft(
        statute=statute,
        template=template,
        answers=answers,
        uses=uses,
        clauses=renderer.clauses,
        markup=markup,
        library_version=__version__,
    )


def render_clause_plain(library: Library, found: Clause) -> str:
    """Render a clause with its defaults and return it as plain text without markers."""
    renderer = Renderer(library, found.language)
    name = f"{CLAUSE_PREFIX}{found.language}/{found.id}"
    # A text parameter with no default (the title of the law to repeal) shows as a placeholder:
    # this text is a suggestion to read, never a draft.
    placeholders = {
        p.name: f"[{p.name.replace('_', ' ')}]"
        for p in found.parameters
        if p.default is None and p.required and p.type in ("string", "text")
    }
    markup = renderer.render(name, clause_parameters(found, placeholders))
    return markup_to_plain(markup, found.language)


def _placeholder_ref(match: re.Match[str], language: str) -> str:
    """Show a reference that cannot be resolved outside a statute by the label it points to."""
    label, *rest = match.group(1).split("/")
    if language == "fr":
        alinea = ["premier" if p == "1" else p for p in rest[:1]]
        parts = [f"article [{label}]"] + [f"alinéa {p}" for p in alinea]
        parts += [f"{item_number(p)}\u00b0" for p in rest[1:2] if p.isalpha()]
        return ", ".join(parts)
    return f"Article [{label}]" + "".join(f"({p})" for p in rest)


def markup_to_plain(markup: str, language: str = "en") -> str:
    """Turn clause markup into readable plain text numbered as in a statute, markers removed."""
    text = re.sub(r"\[\[ref:([^\]]+)\]\]", lambda m: _placeholder_ref(m, language), markup)
    text = DEFINITIONS_LINE.sub("", text)
    first = next((b.directive for b in tokenize(text)), None)
    if first in LEVELS:  # a definition clause is a bare item: give it an article to sit in
        text = "::article\n" + text
    out: list[str] = []
    for block in parse_markup(text, language).body:
        if isinstance(block, Article):
            if block.heading:
                out.append(block.heading)
            for para in block.paragraphs:
                printed = paragraph_marker(para, language)
                marker = f"{printed} " if printed else ""
                out.append("  " * para.level + marker + para.text)
        else:
            out.append(f"{block.caption} {block.heading or ''}".strip())
    return "\n".join(out)
