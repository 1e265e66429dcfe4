"""Compiled rule patterns remembered between runs, so that each run does not compile them again.

Compiling the rule catalogue's regular expressions (a few hundred alternations, some of a
hundred words) costs about 0.05 s of CPU in every lint process, whatever the document's size:
a visible share of linting a short bill. ``re.compile`` parses a pattern and translates it
into the regex engine's code, a list of integers, then hands that list to the C engine
(``_sre.compile``), which checks it before use. Only the list depends on the pattern, its flags
and the Python version, so it is kept in a small cache file (``regex-<version>.marshal`` in
the user's cache folder, see drafter/cache_files.py) and handed to the engine directly the next time.
The result is the same pattern object: equal to what ``re.compile`` returns (same pattern,
flags and code), tests/test_lint_caches.py checks it.

This leans on CPython's own compiler modules (``re._parser``, ``re._compiler``, ``_sre``), as
prefilter.py does. Whenever one of them is missing or refuses a cached entry, the pattern is
compiled by ``re.compile`` as usual: the cache can make a run faster, never different.
``DRAFTER_NO_CACHE=1`` turns it off.
"""

from __future__ import annotations

import atexit
import contextlib
import marshal
import os
import re
import sys
from typing import Any

try:  # CPython's regex compiler; without it every pattern is compiled by re.compile
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - another Python implementation
    _sre = None  # type: ignore[assignment]

from .. import cache_files

Entry = tuple[int, list[int], int, dict[str, int]]  # flags, code, groups - 1, group names
# Beyond this many entries, only those used by the run that writes the file are kept.
MAX_ENTRIES = 5000


def _name() -> str:
    """Return the cache file's name: the engine's code belongs to one Python build."""
    magic = getattr(_sre, "MAGIC", 0)
    return f"regex-{sys.version_info[0]}.{sys.version_info[1]}-{magic}.marshal"


class _Store:
    """The cached code of patterns, read on first use and written back when the process ends."""

    def __init__(self) -> None:
        self.entries: dict[tuple[str, int], Entry] | None = None
        self.fresh = False
        self.used: set[tuple[str, int]] = set()

    def _load(self) -> dict[tuple[str, int], Entry]:
        where = cache_files.cache_file(_name())
        entries: dict[tuple[str, int], Entry] = {}
        if where is not None:
            try:
                data = marshal.loads(where.read_bytes())
                if isinstance(data, dict) and data.get("version") == sys.version:
                    found = data["entries"]
                    entries = found if isinstance(found, dict) else {}
            except (OSError, ValueError, EOFError, TypeError, KeyError):
                entries = {}
        return entries

    def compile(self, pattern: str, flags: int) -> re.Pattern[str]:
        """Return the compiled pattern, from its cached code when there is one."""
        if _sre is None or cache_files.cache_file(_name()) is None:
            return re.compile(pattern, flags)
        if self.entries is None:
            self.entries = self._load()
        key = (pattern, int(flags))
        self.used.add(key)
        entry = self.entries.get(key)
        if entry is not None:
            try:
                return _build(pattern, entry)
            except Exception:  # noqa: BLE001 - an unusable entry: compile as usual
                del self.entries[key]
        compiled = re.compile(pattern, flags)  # raises re.error for a bad pattern, as before
        parsed = _parser.parse(pattern, int(flags))
        code = [int(c) for c in _compiler._code(parsed, int(flags))]
        state = parsed.state
        self.entries[key] = (int(flags) | state.flags, code, state.groups - 1, state.groupdict)
        if not self.fresh:
            self.fresh = True
            atexit.register(self.save)
        return compiled

    def save(self) -> None:
        """Write the entries to the cache file atomically (silently does nothing if it cannot)."""
        import tempfile

        where = cache_files.cache_file(_name())
        if where is None or not self.entries:
            return
        if len(self.entries) > MAX_ENTRIES:  # patterns of rules long since edited: drop them
            self.entries = {k: v for k, v in self.entries.items() if k in self.used}
        try:
            where.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=".regex-", dir=where.parent)
        except OSError:
            return
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(marshal.dumps({"version": sys.version, "entries": self.entries}))
            os.replace(temporary, where)
        except (OSError, ValueError):
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def _build(pattern: str, entry: Any) -> re.Pattern[str]:
    """Hand cached code to the engine, which checks it (an error for anything malformed)."""
    flags, code, groups, names = entry
    index: list[str | None] = [None] * (groups + 1)
    for name, number in names.items():
        index[number] = name
    return _sre.compile(pattern, flags, code, groups, names, tuple(index))


_STORE = _Store()


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Return ``re.compile(pattern, flags)``, reusing the code cached by earlier runs."""
    return _STORE.compile(pattern, flags)


__all__ = ["compile"]
