"""Remember which rule files passed validation, so that an unchanged file is not validated again.

The cache is one small JSON file in the user's cache folder (``$XDG_CACHE_HOME/drafter`` or
``~/.cache/drafter``; ``DRAFTER_NO_CACHE=1`` turns it off). It maps a rule file's absolute path
to the stamp it had when it passed: size, inode and modification times (ns). The whole cache
belongs to one version of the validating code: the Python version and the stamps of the
modules that validate (the catalogue, the kinds and their option schemas, the authorities,
the pattern conventions, jsonschema); when any of them changes, every file is validated again.

A second file (``parsed-rules.json``) keeps each rule file's parsed content by the same stamp,
so that an unchanged file is not parsed again (parsing the catalogue and importing the YAML
library cost about 0.02 s per run); it belongs to the Python version and the YAML library's
stamp. Only content that JSON gives back unchanged is kept (no dates, no non-string keys).

Nothing here is needed for correctness: an unreadable, corrupt or unwritable cache only means
that files are validated in full, as without it. Writes are atomic (a temporary file renamed),
so parallel ``--jobs`` workers never read half a file.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from functools import cache
from pathlib import Path
from typing import Any

from ..cache_files import read_entries, stamp, write_entries

VERSION = 1
# Modules whose code decides whether a rule file is valid.
VALIDATING = [
    "drafter.lint.catalog",
    "drafter.lint.engine",
    "drafter.lint.patterns",
    "drafter.lint.rules_cache",
    "drafter.lint.sanction_text",  # option schemas shared by the sanction kinds
    "drafter.standards",
    "drafter.findings",
    "jsonschema",
]


@cache
def code_stamp() -> str:
    """Return the identity of the validating code: Python version and the modules' stamps."""
    from .engine import KIND_MODULES

    parts = [f"v{VERSION}", sys.version]
    for name in VALIDATING + KIND_MODULES:
        spec = importlib.util.find_spec(name)
        origin = spec.origin if spec is not None else None
        parts.append(f"{name}={stamp(Path(origin)) if origin else None}")
    return "|".join(parts)


def load() -> dict[str, list[int]]:
    """Return {absolute path: stamp} of the files validated by this code (empty if unknown)."""
    return read_entries("validated-rules.json", code_stamp())


def remember(validated: dict[str, list[int]]) -> None:
    """Add files that passed validation to the cache."""
    write_entries("validated-rules.json", code_stamp(), validated)


PARSED = "parsed-rules.json"


@cache
def parser_stamp() -> str:
    """Return the identity of the parsing code: Python version and the YAML library's stamps."""
    parts = [f"v{VERSION}", sys.version, f"cache={stamp(Path(__file__))}"]
    try:
        spec = importlib.util.find_spec("yaml")  # finds a top-level package without importing
    except (ImportError, ValueError):
        spec = None
    if spec is not None and spec.origin:
        # The package's files (libyaml's binding among them), by their stamps.
        folder = Path(spec.origin).parent
        parts += [f"{p.name}={stamp(p)}" for p in sorted(folder.iterdir()) if p.is_file()]
    return "|".join(parts)


def load_parsed() -> dict[str, list[Any]]:
    """Return {absolute path: [stamp, parsed content]} of rule files parsed in earlier runs."""
    return read_entries(PARSED, parser_stamp())


def storable(data: Any) -> Any:
    """Return a copy of parsed content made through JSON, or None if JSON would change it."""
    try:
        back = json.loads(json.dumps(data))
    except (TypeError, ValueError):
        return None
    return back if _same(data, back) else None


def _same(a: Any, b: Any) -> bool:
    """Return whether two values are equal and of the same types throughout (1 is not 1.0)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same(v, b[k]) for k, v in a.items())
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return a == b


def remember_parsed(entries: dict[str, list[Any]]) -> None:
    """Add rule files' parsed content, each with the stamp it was read at, to the cache."""
    write_entries(PARSED, parser_stamp(), entries)
