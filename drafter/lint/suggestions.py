"""The text of the clauses that findings suggest, rendered once and remembered between runs.

A JSON or SARIF report shows the text of each finding's fixing clause. Rendering one needs the
whole clause library (every clause file read and validated: a clause may use another) and the
Jinja sandbox, which cost more than linting a short bill. The rendered texts are therefore kept
in a small cache (``suggestions.json`` beside the rule cache, see rules_cache.py), valid only
for the exact library and code that rendered them: the stamps of every file under the clause
and template folders searched (user folders and built-in ones), of the drafter modules that
render (every module of the package's top level) and of Jinja2, PyYAML and MarkupSafe. When
anything changes, the texts are rendered again. Only rendered texts are remembered: a clause
that failed is tried again on the next run, exactly as without the cache.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path

from .. import cache_files
from . import rules_cache

CACHE_NAME = "suggestions.json"
# Third-party packages whose code takes part in rendering a clause.
RENDERING_PACKAGES = ("jinja2", "markupsafe", "yaml")


def _files_stamp(root: Path) -> list[str]:
    """Return "path=stamp" for every file under a folder (hidden ones too), sorted."""
    found = []
    for folder, dirs, names in os.walk(root):
        dirs.sort()
        for name in sorted(names):
            path = Path(folder) / name
            found.append(f"{path}={cache_files.stamp(path)}")
    return found


def _files_stamp_flat(folder: Path) -> list[str]:
    """Return "path=stamp" for the Python files directly in a folder, sorted."""
    return [f"{p}={cache_files.stamp(p)}" for p in sorted(folder.glob("*.py"))]


@cache
def _code_stamp() -> str:
    """Return the identity of the rendering code: Python, drafter's modules, the packages."""
    package = Path(__file__).resolve().parent.parent
    parts = [sys.version, *_files_stamp_flat(package)]
    for name in RENDERING_PACKAGES:
        spec = importlib.util.find_spec(name)
        origin = spec.origin if spec is not None else None
        parts.append(f"{name}={cache_files.stamp(Path(origin)) if origin else None}")
    return "|".join(parts)


def library_stamp(library_dirs: Sequence[Path]) -> str:
    """Return the identity of a library search path and of the code that renders from it."""
    from ..paths import builtin_dir

    parts = [f"v{rules_cache.VERSION}", _code_stamp()]
    for folder in [*map(Path, library_dirs), None]:
        for name in ("clause_library", "templates"):
            root = builtin_dir(name) if folder is None else folder / name
            parts.append(f"[{root.resolve()}]")
            parts += _files_stamp(root) if root.is_dir() else []
    return "|".join(parts)


def _render(wanted: Mapping[str, str], library_dirs: Sequence[Path]) -> dict[str, str | None]:
    """Render each wanted clause in its finding's language, else English (None: neither)."""
    from ..errors import DrafterError
    from ..library import Library

    library = Library(library_dirs)
    texts: dict[str, str | None] = {}
    for clause_id, language in sorted(wanted.items()):
        texts[clause_id] = None
        for lang in dict.fromkeys([language, "en"]):
            try:
                texts[clause_id] = library.clause_text(clause_id, lang)
                break
            except DrafterError:
                continue  # not in this language, or a broken clause: show the id only
    return texts


def suggestion_texts(
    wanted: Mapping[str, str], library_dirs: Sequence[Path] = ()
) -> dict[str, str | None]:
    """Return the text of each clause id in ``wanted`` (id -> the finding's language)."""
    if not wanted:
        return {}
    if library_dirs:
        from ..library import Library

        Library(library_dirs)  # a missing or malformed folder is an error, cached or not
    if cache_files.cache_file(CACHE_NAME) is None:
        return _render(wanted, library_dirs)
    stamp = library_stamp(library_dirs)
    known = cache_files.read_entries(CACHE_NAME, stamp)
    texts: dict[str, str | None] = {}
    missing: dict[str, str] = {}
    for clause_id, language in wanted.items():
        text = known.get(f"{clause_id}|{language}")
        if isinstance(text, str):
            texts[clause_id] = text
        else:
            missing[clause_id] = language
    if missing:
        rendered = _render(missing, library_dirs)
        texts.update(rendered)
        fresh = {f"{c}|{missing[c]}": t for c, t in rendered.items() if t is not None}
        # Remembered only if nothing changed while rendering (an edit in between would
        # otherwise be hidden behind the stamp taken before it).
        if fresh and library_stamp(library_dirs) == stamp:
            cache_files.write_entries(CACHE_NAME, stamp, fresh)
    return {clause_id: texts[clause_id] for clause_id in sorted(texts)}


__all__ = ["library_stamp", "suggestion_texts"]
