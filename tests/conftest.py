"""Shared fixtures: isolate every test from the user's environment and home."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def isolated_environment(monkeypatch, tmp_path_factory):
    """Keep the user's library path, colour settings and home out of the tests."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    # XDG_CACHE_HOME unset: the lint caches (rules_cache.py) then live in the temporary home.
    for var in ("DRAFTER_LIBRARY", "FORCE_COLOR", "SOURCE_DATE_EPOCH", "XDG_CACHE_HOME",
                "DRAFTER_NO_CACHE", "DRAFTER_SENTENCES"):  # fmt: skip
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
