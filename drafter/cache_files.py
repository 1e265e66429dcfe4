"""Small JSON cache files in the user's cache folder, shared by the caches that speed up lint.

The folder is ``$XDG_CACHE_HOME/drafter`` (else ``~/.cache/drafter``); ``DRAFTER_NO_CACHE=1``
turns every cache off. A cache file holds ``{"code": ..., "entries": {...}}``: its entries
belong to one version of the code that wrote them (``code``), and a file written by other code
reads as empty. Nothing here is needed for correctness: an unreadable, corrupt or unwritable
cache only means that the work is done again. Writes are atomic (a temporary file renamed), so
parallel ``--jobs`` workers never read half a file.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path
from typing import Any

# cache_file's answers by name and the environment variables they depend on: the compiled-regex
# cache asks for every pattern it compiles, and building the path is most of the cost.
_PLACES: dict[tuple[str, str | None, str | None, str | None], Path | None] = {}


def cache_file(name: str = "validated-rules.json") -> Path | None:
    """Return where a cache file lives, or None when caching is turned off."""
    environ = os.environ
    key = (
        name,
        environ.get("DRAFTER_NO_CACHE"),
        environ.get("XDG_CACHE_HOME"),
        environ.get("HOME"),
    )
    if key in _PLACES:
        return _PLACES[key]
    where = None
    if not key[1]:
        base = key[2] or os.path.join(os.path.expanduser("~"), ".cache")
        where = Path(base) / "drafter" / name
    _PLACES[key] = where
    return where


def stamp(path: Path) -> list[int] | None:
    """Return what identifies a file's content cheaply: size, inode, times; None if unreadable."""
    try:
        st = path.stat()
    except OSError:
        return None
    return [st.st_size, st.st_ino, st.st_mtime_ns, st.st_ctime_ns]


def read_entries(name: str, code: str) -> dict[str, Any]:
    """Return the entries of a cache file written by this code (empty if none or unknown)."""
    where = cache_file(name)
    if where is None:
        return {}
    try:
        data = json.loads(where.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("code") != code:
        return {}
    entries = data.get("entries")
    return entries if isinstance(entries, dict) else {}


def write_entries(name: str, code: str, entries: dict[str, Any]) -> None:
    """Add entries to a cache file, atomically (silently does nothing if it cannot)."""
    import tempfile  # only when writing: most runs only read

    where = cache_file(name)
    if where is None:
        return
    merged = {**read_entries(name, code), **entries}
    try:
        where.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{name}-", dir=where.parent)
    except OSError:
        return
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump({"code": code, "entries": merged}, out)
        os.replace(temporary, where)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
