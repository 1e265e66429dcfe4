"""Shared fixtures: isolate every test from the user's environment and home."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def isolated_environment(monkeypatch, tmp_path_factory):
    """Keep the user's library path, colour settings and home out of the tests."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    for var in ("DRAFTER_LIBRARY", "FORCE_COLOR", "SOURCE_DATE_EPOCH"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
