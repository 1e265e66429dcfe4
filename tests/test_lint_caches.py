"""The caches of start-up work: clause texts of suggestions, literal prefilters of patterns."""

from __future__ import annotations

import json
import re

import pytest

from drafter.lint import suggestions
from drafter.regexes import prefilter


@pytest.fixture()
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("DRAFTER_NO_CACHE", raising=False)
    return tmp_path / "cache" / "drafter"


def test_suggestion_texts_are_rendered_once_then_read_from_the_cache(cache_home, monkeypatch):
    wanted = {"offence.incitement_genocide": "en", "no.such_clause": "en"}
    first = suggestions.suggestion_texts(wanted)
    assert first["offence.incitement_genocide"] and first["no.such_clause"] is None
    stored = json.loads((cache_home / "suggestions.json").read_text())["entries"]
    assert list(stored) == ["offence.incitement_genocide|en"]  # failures are not remembered

    rendered = []
    real = suggestions._render
    monkeypatch.setattr(suggestions, "_render", lambda w, d: rendered.append(w) or real(w, d))
    assert suggestions.suggestion_texts(wanted) == first
    assert rendered == [{"no.such_clause": "en"}]  # only the one that failed is tried again


def test_suggestion_cache_is_dropped_when_a_library_file_changes(cache_home, tmp_path):
    library = tmp_path / "lib"
    folder = library / "clause_library" / "offence"
    folder.mkdir(parents=True)
    before = suggestions.library_stamp([library])
    (folder / "notes.txt").write_text("a new file in the library")
    assert suggestions.library_stamp([library]) != before


def test_suggestion_texts_without_cache_render_the_same(cache_home, monkeypatch):
    wanted = {"offence.incitement_genocide": "fr"}
    cached = suggestions.suggestion_texts(wanted)
    monkeypatch.setenv("DRAFTER_NO_CACHE", "1")
    assert suggestions.suggestion_texts(wanted) == cached
    assert suggestions.suggestion_texts({}) == {}


def test_prefilter_store_gives_the_same_conjunctions_after_a_round_trip(cache_home):
    pattern = r"\b(?:minister|council)\b\W+(?:\w+\W+){0,3}?(?:shall|may) (?:decide|order)\b"
    store = prefilter._Store()
    computed = store.conjunctions(pattern, re.IGNORECASE)
    store.save()
    again = prefilter._Store()
    assert again.conjunctions(pattern, re.IGNORECASE) == computed
    assert not again.fresh  # read from the file, not parsed again
    assert computed == prefilter.conjunctions_of(pattern, re.IGNORECASE)


def test_alternatives_after_a_shared_prefix_are_split():
    # The parser reads "\bfoo|\bbar" as "\b(?:foo|bar)": each alternative keeps its own words.
    gate = prefilter.gate(re.compile(r"\bminister\W+\w+ shall|\bcouncil\W+\w+ may", re.IGNORECASE))
    assert len(gate.conjunctions) == 2
    assert gate.admits(prefilter.fold("The Minister alone shall"))
    assert not gate.admits(prefilter.fold("The Minister alone may"))  # "minister ... may"


def test_a_short_first_word_keeps_part_of_the_next_one():
    assert prefilter._cut("three times") == "three times"
    assert prefilter._cut("or to imprisonment") == "or to imp"  # six after the first space
    assert prefilter._cut("imprisonment") == "impris"


def test_cached_regex_is_the_pattern_re_compile_gives(cache_home):
    from drafter.regexes import regex_cache

    pattern = r"\b(?P<num>\d+)\s+(?:years?|ans?)\b|(?<!non-)retroactiv(?:e|ely)\b|(['’])x\1"
    store = regex_cache._Store()
    first = store.compile(pattern, re.IGNORECASE)
    store.save()
    again = regex_cache._Store()
    cached = again.compile(pattern, re.IGNORECASE)
    assert not again.fresh  # built from the cache file, not compiled
    assert cached == first == re.compile(pattern, re.IGNORECASE)
    assert cached.groupindex == {"num": 1} and cached.groups == 2
    text = "Ten 10 years; 'x' and retroactive"
    assert [m.span() for m in cached.finditer(text)] == [m.span() for m in first.finditer(text)]
    with pytest.raises(re.error):
        again.compile(r"(unclosed", 0)


def test_a_malformed_regex_cache_entry_is_compiled_again(cache_home):
    from drafter.regexes import regex_cache

    store = regex_cache._Store()
    store.entries = {(r"\bfine\b", 0): (32, [1, 2, 3], 0, {})}  # not code the engine accepts
    assert store.compile(r"\bfine\b", 0) == re.compile(r"\bfine\b")
