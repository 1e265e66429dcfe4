"""The importable face of the linter: lint a Statute, a file, or many files and folders.

Nothing here prints. A file that cannot be read becomes a ``FileResult`` with an ``error`` so
that one corrupt document in a folder of twenty does not hide the findings of the other
nineteen; the command decides the exit status from the results.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..citations import cited, paragraph_places
from ..errors import InputError
from ..findings import Finding
from ..model import Article, Statute

# The kinds of file a folder is searched for; a file named explicitly is always tried.
LINTABLE = (".docx", ".md", ".txt")


@dataclass
class LintOptions:
    """What to lint with: rule selection, reading options and extra rule folders."""

    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    lang: str = "auto"  # auto, en, fr
    changes: str = "accepted"  # read tracked changes as accepted, or the original text
    rule_dirs: list[Path] = field(default_factory=list)
    jobs: int = 1


@dataclass
class Region:
    """Where a finding sits in a text file, counted from the file's start (for SARIF/GitHub)."""

    line: int  # 1-based
    column: int | None = None  # 1-based, in characters
    char_offset: int | None = None
    char_length: int | None = None


@dataclass
class FileResult:
    """The outcome of linting one file: its findings, or the error that prevented reading it.

    ``captions`` maps an article number to its printed caption ("Section 5", "§ 130") and
    ``markers`` maps (article number, paragraph index) to the printed paragraph reference
    ("(1)(b)"; French "alinéa 2, 3°"), so that reporters can print where a finding is as a
    lawyer would cite it.
    ``regions`` maps a finding's fingerprint to its place in a plain-text file.
    """

    path: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    language: str = "en"
    captions: dict[str, str] = field(default_factory=dict)
    markers: dict[tuple[str, int], str] = field(default_factory=dict)
    regions: dict[str, Region] = field(default_factory=dict)

    def caption(self, article: str | None) -> str:
        """Return the printed caption of an article number ("Article 3" if unknown)."""
        if article is None:
            return "Whole statute"
        return self.captions.get(article, f"Article {article}")

    def place(self, finding: Finding) -> str:
        """Return where a finding is as cited: "Article 3(2)(a)", "Article 3", "Whole statute"."""
        loc = finding.location
        caption = self.caption(loc.article)
        if loc.article is None or loc.paragraph is None:
            return caption
        return cited(caption, self.markers.get((loc.article, loc.paragraph), ""))


def summarise(results: list[FileResult]) -> dict[str, object]:
    """Count files, findings per severity and per code (what every report's summary shows)."""
    counts = {"error": 0, "warning": 0, "info": 0}
    by_code: dict[str, int] = {}
    for result in results:
        for finding in result.findings:
            counts[finding.severity.value] += 1
            by_code[finding.code] = by_code.get(finding.code, 0) + 1
    return {
        "files": len(results),
        "errors": counts["error"],
        "warnings": counts["warning"],
        "info": counts["info"],
        "by_code": {code: by_code[code] for code in sorted(by_code)},
    }


def lint_statute(
    statute: Statute, rules: list | None = None, file: str | None = None
) -> list[Finding]:
    """Run the rules (default: every built-in rule) on a statute and return its findings."""
    from .catalog import load_rules
    from .engine import run_rules

    return run_rules(statute, load_rules() if rules is None else rules, file)


def paragraph_markers(statute: Statute) -> dict[tuple[str, int], str]:
    """Return the printed reference of every paragraph: (article, index) -> "(1)(b)".

    French statutes cite places as French legislative style does ("alinéa 2, 3°", see
    ``drafter.citations.place_citation``); every French paragraph has one, even an article's
    only alinéa ("alinéa premier"), so a report never falls back to "¶1".
    """
    markers: dict[tuple[str, int], str] = {}
    if statute.language == "fr":
        for article in statute.articles:
            for index, place in enumerate(paragraph_places(article, "fr"), start=1):
                markers.setdefault((article.number, index), place)
        return markers
    for article in statute.articles:
        trail: list[str] = []  # the markers of the enclosing paragraph, item, sub-item
        for index, para in enumerate(article.paragraphs, start=1):
            level = max(0, para.level)
            trail = trail[:level]
            trail += [""] * (level - len(trail))
            trail.append(para.marker)
            markers.setdefault((article.number, index), "".join(trail))
    return markers


def _paragraph_text(articles: dict[str, Article], article: str | None, index: int | None) -> str:
    """Return the text of a paragraph by article number and 1-based index ("" if unknown)."""
    found = articles.get(article) if article is not None else None
    if found is None or index is None or not 0 < index <= len(found.paragraphs):
        return ""
    return found.paragraphs[index - 1].text


def text_regions(source: str, statute: Statute, findings: list[Finding]) -> dict[str, Region]:
    """Locate findings in a plain-text file's own characters, for formats that want lines.

    A paragraph's text is its source line(s) with the printed number and Markdown stripped
    and wrapped lines joined, so offsets cannot be carried over. The quoted text is searched
    from the paragraph's first line instead, taking the same occurrence as in the paragraph
    (the second "insult" of a sentence, not the first). Findings whose quote is not found get
    the paragraph's line only.
    """
    lines = source.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    regions: dict[str, Region] = {}
    articles: dict[str, Article] = {}  # number -> the first article printed with it
    for article in statute.articles:
        articles.setdefault(article.number, article)
    for finding in findings:
        loc = finding.location
        if loc.source_index is None or not 0 <= loc.source_index < len(lines):
            continue
        line_no = loc.source_index
        region = Region(line=line_no + 1)
        words = [re.escape(w) for w in (loc.text or "").split()]
        if words:
            pattern = re.compile(r"\s+".join(words))
            para = _paragraph_text(articles, loc.article, loc.paragraph)
            before = len(pattern.findall(para[: loc.start])) if loc.start and para else 0
            # The paragraph's own lines: hard-wrapped text continues on the following lines.
            last = line_no + 1
            while last < len(lines) and starts[last] - starts[line_no] < len(para) + 200:
                last += 1
            window = "".join(lines[line_no:last])
            matches = list(pattern.finditer(window))
            if matches:
                match = matches[before] if before < len(matches) else matches[0]
                offset = starts[line_no] + match.start()
                hit_line = line_no + window.count("\n", 0, match.start())
                region = Region(
                    line=hit_line + 1,
                    column=offset - starts[hit_line] + 1,
                    char_offset=offset,
                    char_length=match.end() - match.start(),
                )
        regions[finding.fingerprint] = region
    return regions


def lint_path(path: Path, options: LintOptions, rules: list | None = None) -> FileResult:
    """Read and lint one file; an InputError becomes the result's ``error``."""
    from ..reading import read_document
    from .catalog import load_rules, select_rules

    shown = str(path)
    if rules is None:
        rules = select_rules(load_rules(options.rule_dirs), options.select, options.ignore)
    try:
        if not Path(path).exists():
            raise InputError(f"{shown}: no such file or folder")
        if Path(path).is_dir():
            kinds = ", ".join(LINTABLE)
            raise InputError(f"{shown}: folder has no {kinds} files to lint")
        statute = read_document(Path(path), changes=options.changes, language=options.lang)
    except InputError as exc:
        message = str(exc)
        return FileResult(path=shown, error=message if shown in message else f"{shown}: {message}")
    findings = lint_statute(statute, rules, shown)
    result = FileResult(
        path=shown,
        findings=findings,
        language=statute.language,
        captions={},
        markers=paragraph_markers(statute),
    )
    for article in statute.articles:
        result.captions.setdefault(article.number, article.caption)
    if Path(path).suffix.lower() in (".txt", ".md"):
        try:
            source = Path(path).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            source = None  # UTF-16 files and the like: lines only where the reader gave them
        if source is not None:
            result.regions = text_regions(source, statute, findings)
    return result


def _walk(folder: Path) -> list[Path]:
    """Return the lintable files under a folder, sorted, skipping hidden and lock files."""
    found = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in names:
            # "~$law.docx" is Word's lock file for an open document, not a document.
            if name.startswith((".", "~$")) or not name.lower().endswith(LINTABLE):
                continue
            found.append(Path(root) / name)
    return sorted(found)


def collect_files(paths: list[Path]) -> list[Path]:
    """Expand folders into the lintable files under them (sorted); keep named files as given.

    A folder with nothing to lint stays in the list as itself, so that linting it reports an
    error instead of silently passing.
    """
    files: list[Path] = []
    for path in map(Path, paths):
        files.extend((_walk(path) or [path]) if path.is_dir() else [path])
    return files


def _lint_one(args: tuple[Path, LintOptions]) -> FileResult:
    """Worker for parallel linting (module level so that it can be pickled)."""
    path, options = args
    return lint_path(path, options)


def lint_paths(
    paths: list[Path],
    options: LintOptions,
    on_start: Callable[[int], None] | None = None,
    on_result: Callable[[FileResult], None] | None = None,
) -> list[FileResult]:
    """Lint files and folders; return one result per file, in the order they were found.

    ``on_start`` is called with the number of files and ``on_result`` with each result as it
    arrives (in order), for a progress display.
    """
    from .catalog import load_rules, select_rules

    files = collect_files(paths)
    # Load and select once, so that a bad rule folder or selector fails before any file.
    rules = select_rules(load_rules(options.rule_dirs), options.select, options.ignore)
    if on_start is not None:
        on_start(len(files))
    results: list[FileResult] = []
    if options.jobs > 1 and len(files) > 1:
        from concurrent.futures import ProcessPoolExecutor  # only here: ~7 ms of start-up

        with ProcessPoolExecutor(max_workers=min(options.jobs, len(files))) as pool:
            for result in pool.map(_lint_one, [(f, options) for f in files]):
                results.append(result)
                if on_result is not None:
                    on_result(result)
        return results
    for f in files:
        results.append(lint_path(f, options, rules))
        if on_result is not None:
            on_result(results[-1])
    return results


__all__ = [
    "FileResult",
    "LintOptions",
    "Region",
    "collect_files",
    "lint_path",
    "lint_paths",
    "lint_statute",
    "paragraph_markers",
    "summarise",
]
