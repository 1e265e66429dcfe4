"""The validation cache of rule files (drafter/lint/rules_cache.py, used by the catalogue)."""

from __future__ import annotations

import json
import os
import shutil

import pytest

from drafter.errors import LibraryError
from drafter.lint import catalog, rules_cache
from drafter.paths import builtin_dir

RULE = "DR203-negligence-or-recklessness.yaml"


@pytest.fixture()
def cache_home(tmp_path, monkeypatch):
    """Point the cache at a temporary folder and count the full validations."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("DRAFTER_NO_CACHE", raising=False)
    calls = []
    real = catalog.parse_rule

    def spy(path, kinds=None, validate=True, data=None):
        calls.append(validate)
        return real(path, kinds, validate, data)

    monkeypatch.setattr(catalog, "parse_rule", spy)
    return tmp_path / "cache" / "drafter" / "validated-rules.json", calls


def _folder(tmp_path):
    folder = tmp_path / "rules"
    folder.mkdir()
    shutil.copy(builtin_dir("checks") / RULE, folder / RULE)
    return folder


def test_unchanged_file_is_read_without_validation(tmp_path, cache_home):
    where, calls = cache_home
    folder = _folder(tmp_path)
    kinds = catalog.ensure_kinds()
    first = catalog.load_dir(folder, kinds)
    assert calls == [True] and where.is_file()
    assert str((folder / RULE).resolve()) in json.loads(where.read_text())["entries"]
    second = catalog.load_dir(folder, kinds)
    assert calls == [True, False]
    assert first == second  # the same rule, validated or not
    rule = second["DR203"]
    assert catalog.patterns.get(rule, "patterns", "en").search("acts negligently")


def test_changed_file_is_validated_again(tmp_path, cache_home):
    _, calls = cache_home
    folder = _folder(tmp_path)
    kinds = catalog.ensure_kinds()
    catalog.load_dir(folder, kinds)
    path = folder / RULE
    text = path.read_text(encoding="utf-8").replace(r"\bnegligen", r"\bnegligen(", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LibraryError, match="DR203-negligence-or-recklessness.yaml: .*bad pattern"):
        catalog.load_dir(folder, kinds)
    assert calls == [True, True]


def test_corrupt_or_foreign_cache_means_full_validation(tmp_path, cache_home, monkeypatch):
    where, calls = cache_home
    folder = _folder(tmp_path)
    kinds = catalog.ensure_kinds()
    where.parent.mkdir(parents=True)
    where.write_text("{not json", encoding="utf-8")
    catalog.load_dir(folder, kinds)
    assert calls == [True]
    # Another version of the validating code: what it validated proves nothing.
    monkeypatch.setattr(rules_cache, "code_stamp", lambda: "other code")
    catalog.load_dir(folder, kinds)
    assert calls == [True, True]


def test_cache_can_be_turned_off(tmp_path, cache_home, monkeypatch):
    where, calls = cache_home
    monkeypatch.setenv("DRAFTER_NO_CACHE", "1")
    folder = _folder(tmp_path)
    kinds = catalog.ensure_kinds()
    catalog.load_dir(folder, kinds)
    catalog.load_dir(folder, kinds)
    assert calls == [True, True] and not where.exists()


def test_unwritable_cache_folder_is_not_an_error(tmp_path, cache_home, monkeypatch):
    _, calls = cache_home
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # a file where a folder should be
    folder = _folder(tmp_path)
    assert "DR203" in catalog.load_dir(folder, catalog.ensure_kinds())
    assert calls == [True]
    assert not os.path.isdir(blocker)


def _count_parses(monkeypatch) -> list[str]:
    parsed: list[str] = []
    real = catalog._load_yaml

    def spy(text):
        parsed.append(text)
        return real(text)

    monkeypatch.setattr(catalog, "_load_yaml", spy)
    return parsed


def test_unchanged_file_is_not_parsed_again(tmp_path, cache_home, monkeypatch):
    where, _ = cache_home
    parsed = _count_parses(monkeypatch)
    folder = _folder(tmp_path)
    kinds = catalog.ensure_kinds()
    first = catalog.load_dir(folder, kinds)
    assert len(parsed) == 1 and (where.parent / rules_cache.PARSED).is_file()
    second = catalog.load_dir(folder, kinds)
    assert len(parsed) == 1  # read from the parsed cache
    assert first == second
    # A changed file is parsed again, and its new content is what the rule holds.
    path = folder / RULE
    path.write_text(path.read_text(encoding="utf-8").replace("severity: error",
                                                             "severity: warning"), "utf-8")  # fmt: skip
    third = catalog.load_dir(folder, kinds)
    assert len(parsed) == 2 and third["DR203"].severity.value == "warning"


def test_parsed_cache_of_another_parser_is_ignored(tmp_path, cache_home, monkeypatch):
    parsed = _count_parses(monkeypatch)
    folder = _folder(tmp_path)
    kinds = catalog.ensure_kinds()
    catalog.load_dir(folder, kinds)
    monkeypatch.setattr(rules_cache, "parser_stamp", lambda: "another YAML library")
    catalog.load_dir(folder, kinds)
    assert len(parsed) == 2


def test_only_content_json_gives_back_unchanged_is_stored():
    import datetime

    kept = {"code": "DR203", "options": {"distance": 12, "ratio": 1.0, "on": True, "x": None}}
    copy = rules_cache.storable(kept)
    assert copy == kept and copy is not kept
    assert rules_cache.storable({"date": datetime.date(2020, 1, 1)}) is None
    assert rules_cache.storable({1: "a number as a key"}) is None


def test_malformed_parsed_entry_means_parsing(tmp_path, cache_home, monkeypatch):
    where, _ = cache_home
    parsed = _count_parses(monkeypatch)
    folder = _folder(tmp_path)
    kinds = catalog.ensure_kinds()
    first = catalog.load_dir(folder, kinds)
    store = where.parent / rules_cache.PARSED
    data = json.loads(store.read_text(encoding="utf-8"))
    data["entries"] = {key: "not a [stamp, content] pair" for key in data["entries"]}
    store.write_text(json.dumps(data), encoding="utf-8")
    assert catalog.load_dir(folder, kinds) == first
    assert len(parsed) == 2


def test_cache_file_follows_the_environment_as_it_changes(tmp_path, monkeypatch):
    from drafter.cache_files import cache_file

    monkeypatch.delenv("DRAFTER_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "a"))
    assert cache_file("x.json") == tmp_path / "a" / "drafter" / "x.json"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "b"))
    assert cache_file("x.json") == tmp_path / "b" / "drafter" / "x.json"
    assert cache_file("y.json") == tmp_path / "b" / "drafter" / "y.json"
    monkeypatch.setenv("DRAFTER_NO_CACHE", "1")
    assert cache_file("x.json") is None
    monkeypatch.setenv("DRAFTER_NO_CACHE", "")
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache_file("x.json") == tmp_path / "home" / ".cache" / "drafter" / "x.json"
    monkeypatch.setenv("HOME", str(tmp_path / "other"))
    assert cache_file("x.json") == tmp_path / "other" / ".cache" / "drafter" / "x.json"
