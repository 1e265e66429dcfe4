"""Where the built-in data folders are: inside the wheel, or at the top of a source checkout."""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
DATA_NAMES = ("templates", "clause_library", "checks")


def builtin_dir(name: str) -> Path:
    """Return the built-in folder ``name`` (templates, clause_library or checks)."""
    if name not in DATA_NAMES:
        raise ValueError(f"unknown data folder {name!r}")
    installed = PACKAGE / "_data" / name  # placed there by the wheel build
    if installed.is_dir():
        return installed
    return PACKAGE.parent / name  # a source checkout or editable install
