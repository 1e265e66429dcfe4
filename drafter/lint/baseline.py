"""Baselines: accept today's findings so that CI fails only on new ones.

A baseline records, per file, the code and fingerprint of each finding. Fingerprints hash the
rule, the article's heading and the flagged words (drafter/findings.py), not article numbers or
offsets, so inserting an article or editing another paragraph keeps them. Paths are stored
relative to the baseline file's folder, so the baseline works from any working directory.

The file is JSON, sorted and indented, so that a change to it reads well in a diff.
"""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from .api import FileResult

VERSION = 1


def _key(path: str, base: Path) -> str:
    """Return a file's path relative to the baseline's folder, with forward slashes."""
    absolute = Path(path).resolve()
    try:
        return Path(os.path.relpath(absolute, base.resolve())).as_posix()
    except ValueError:  # another drive on Windows: no relative path exists
        return absolute.as_posix()


def baseline_data(results: list[FileResult], baseline_path: Path) -> dict[str, Any]:
    """Return the baseline of these results as a JSON-ready dict (files that failed are left out)."""
    base = Path(baseline_path).parent
    files: dict[str, list[dict[str, str]]] = {}
    for result in results:
        if result.error is not None:
            continue
        entries = {(f.code, f.fingerprint) for f in result.findings}
        files[_key(result.path, base)] = [
            {"code": code, "fingerprint": fp} for code, fp in sorted(entries)
        ]
    return {"version": VERSION, "files": {k: files[k] for k in sorted(files)}}


def dump_baseline(results: list[FileResult], baseline_path: Path) -> bytes:
    """Return the baseline file's bytes: stable key order, one entry per line."""
    data = baseline_data(results, baseline_path)
    return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def load_baseline(path: Path) -> dict[str, set[tuple[str, str]]]:
    """Read a baseline: {relative path: {(code, fingerprint)}}; malformed -> ConfigError."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: baseline file does not exist") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read baseline: {exc}") from exc
    except json.JSONDecodeError as exc:
        raise ConfigError(f"{path}: baseline is not valid JSON: {exc}") from exc
    if not isinstance(data, dict) or data.get("version") != VERSION:
        raise ConfigError(f"{path}: not a drafter baseline (expected version {VERSION})")
    files = data.get("files")
    if not isinstance(files, dict):
        raise ConfigError(f"{path}: baseline 'files' must map file paths to entries")
    table: dict[str, set[tuple[str, str]]] = {}
    for name, entries in files.items():
        if not isinstance(entries, list):
            raise ConfigError(f"{path}: baseline entries for {name!r} must be a list")
        for entry in entries:
            if (
                not isinstance(entry, dict)
                or not isinstance(entry.get("code"), str)
                or not isinstance(entry.get("fingerprint"), str)
            ):
                raise ConfigError(
                    f"{path}: baseline entry for {name!r} needs 'code' and 'fingerprint' strings"
                )
            table.setdefault(name, set()).add((entry["code"], entry["fingerprint"]))
    return table


def apply_baseline(
    results: list[FileResult], table: dict[str, set[tuple[str, str]]], baseline_path: Path
) -> tuple[list[FileResult], int]:
    """Return the results without the findings in the baseline, and how many were dropped."""
    base = Path(baseline_path).parent
    kept: list[FileResult] = []
    dropped = 0
    for result in results:
        known = table.get(_key(result.path, base), set())
        findings = [f for f in result.findings if (f.code, f.fingerprint) not in known]
        dropped += len(result.findings) - len(findings)
        kept.append(replace(result, findings=findings))
    return kept, dropped


__all__ = ["apply_baseline", "baseline_data", "dump_baseline", "load_baseline"]
