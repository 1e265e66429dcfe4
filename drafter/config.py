"""Typed configuration: ``drafter.toml`` or ``[tool.drafter]`` in ``pyproject.toml``.

The file is found by searching upward from the first linted file's folder (or named with
``--config``). Unknown keys are errors, with a "did you mean", because a misspelt ``ignroe``
that is silently skipped makes a reviewer believe a rule is off when it is not. Folders in the
file are relative to the file, so the same config works from any working directory.

Precedence (as in mkdocs): a command-line flag that was given wins; one that was not given
never overrides the file; the file wins over the built-in defaults.
"""

from __future__ import annotations

import difflib
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ConfigError

CONFIG_NAME = "drafter.toml"
PYPROJECT = "pyproject.toml"
FAIL_ON = ("error", "warning", "info", "never")
LANGS = ("auto", "en", "fr")
CHANGES = ("accepted", "original")


@dataclass
class Config:
    """The settings a config file can hold, with the built-in defaults."""

    select: list[str] = field(default_factory=list)  # rule codes or prefixes; empty = all
    ignore: list[str] = field(default_factory=list)
    fail_on: str = "error"
    lang: str = "auto"
    changes: str = "accepted"
    rules: list[Path] = field(default_factory=list)  # extra rule folders
    library: list[Path] = field(default_factory=list)  # extra library folders
    baseline: Path | None = None
    path: Path | None = None  # the file it was read from; None for the defaults


# TOML key -> Config attribute.
KEYS = {
    "select": "select",
    "ignore": "ignore",
    "fail-on": "fail_on",
    "lang": "lang",
    "changes": "changes",
    "rules": "rules",
    "library": "library",
    "baseline": "baseline",
}


def _has_tool_section(path: Path) -> bool:
    """Return whether a pyproject.toml has a [tool.drafter] table (unparsable: yes, to report)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return False
    except tomllib.TOMLDecodeError:
        return "[tool.drafter]" in path.read_text(encoding="utf-8", errors="replace")
    return isinstance(data.get("tool"), dict) and "drafter" in data["tool"]


def find_config(start: Path) -> Path | None:
    """Return the nearest drafter.toml, or pyproject.toml with [tool.drafter], above ``start``."""
    start = Path(start).resolve()
    folder = start if start.is_dir() else start.parent
    for candidate in (folder, *folder.parents):
        own = candidate / CONFIG_NAME
        if own.is_file():
            return own
        project = candidate / PYPROJECT
        if project.is_file() and _has_tool_section(project):
            return project
    return None


def _strings(path: Path, key: str, value: Any) -> list[str]:
    """Accept a list of strings or one comma-separated string."""
    if isinstance(value, str):
        value = [v for v in value.split(",")]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{path}: {key} must be a list of strings")
    return [v.strip() for v in value if v.strip()]


def _choice(path: Path, key: str, value: Any, choices: tuple[str, ...]) -> str:
    if value not in choices:
        raise ConfigError(f"{path}: {key} must be one of {', '.join(choices)}, not {value!r}")
    return value


def _folders(path: Path, key: str, value: Any) -> list[Path]:
    if isinstance(value, str):
        value = [value]
    names = _strings(path, key, value)
    return [(path.parent / name).resolve() for name in names]


def parse_config(data: dict[str, Any], path: Path, prefix: str = "") -> Config:
    """Build a Config from a TOML table; unknown keys and bad values raise ConfigError."""
    config = Config(path=path)
    for key, value in data.items():
        shown = f"{prefix}{key}"
        if key not in KEYS:
            close = difflib.get_close_matches(key, list(KEYS), n=1, cutoff=0.5)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            known = ", ".join(KEYS)
            raise ConfigError(f"{path}: unknown key {shown!r}{hint}; known keys: {known}")
        if key in ("select", "ignore"):
            setattr(config, KEYS[key], [s.upper() for s in _strings(path, shown, value)])
        elif key == "fail-on":
            config.fail_on = _choice(path, shown, value, FAIL_ON)
        elif key == "lang":
            config.lang = _choice(path, shown, value, LANGS)
        elif key == "changes":
            config.changes = _choice(path, shown, value, CHANGES)
        elif key in ("rules", "library"):
            setattr(config, key, _folders(path, shown, value))
        elif key == "baseline":
            if not isinstance(value, str) or not value.strip():
                raise ConfigError(f"{path}: {shown} must be a file name")
            config.baseline = (path.parent / value).resolve()
    return config


def load_config(path: Path) -> Config:
    """Read a drafter.toml or the [tool.drafter] table of a pyproject.toml."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file does not exist") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read config file: {exc}") from exc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from exc
    if path.name == PYPROJECT:
        tool = data.get("tool", {})
        table = tool.get("drafter", {}) if isinstance(tool, dict) else {}
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: [tool.drafter] must be a table")
        return parse_config(table, path, prefix="tool.drafter.")
    return parse_config(data, path)


def discover(explicit: Path | None, first_path: Path | None) -> Config:
    """Return the config named by --config, or the nearest one above the first input, or defaults."""
    if explicit is not None:
        return load_config(explicit)
    if first_path is not None:
        found = find_config(first_path)
        if found is not None:
            return load_config(found)
    return Config()


def merged(config: Config, **flags: Any) -> Config:
    """Return the config with the command-line flags that were given (not None/empty) applied.

    ``rules`` and ``library`` given on the command line are searched before the config's own
    folders (the user's one-off folder first), rather than replacing them.
    """
    result = Config(**{name: getattr(config, name) for name in config.__dataclass_fields__})
    for name, value in flags.items():
        if name not in config.__dataclass_fields__:
            raise TypeError(f"unknown config field {name}")
        if value is None or (isinstance(value, (list, tuple)) and not value):
            continue  # not given: the config (or the default) stands
        if name in ("rules", "library"):
            given = [Path(v).resolve() for v in value]
            value = given + [p for p in getattr(config, name) if p not in given]
        setattr(result, name, list(value) if isinstance(value, tuple) else value)
    return result


__all__ = ["Config", "discover", "find_config", "load_config", "merged", "parse_config"]
