"""Config files: discovery upward, pyproject [tool.drafter], unknown keys, precedence."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.config import Config, discover, find_config, load_config, merged
from drafter.errors import ConfigError


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_found_upward_from_the_linted_file(tmp_path):
    config = write(tmp_path / "drafter.toml", 'fail-on = "warning"\n')
    law = write(tmp_path / "bills" / "2026" / "law.md", "Article 1\nText.\n")
    assert find_config(law) == config
    assert find_config(law.parent) == config
    assert discover(None, law).fail_on == "warning"


def test_nearest_wins_and_drafter_toml_before_pyproject(tmp_path):
    write(tmp_path / "drafter.toml", 'lang = "fr"\n')
    inner = tmp_path / "sub"
    write(inner / "pyproject.toml", '[tool.drafter]\nlang = "en"\n')
    assert load_config(find_config(inner / "x.md")).lang == "en"
    write(inner / "drafter.toml", 'lang = "auto"\n')
    assert find_config(inner / "x.md") == inner / "drafter.toml"


def test_pyproject_without_section_is_skipped(tmp_path):
    write(tmp_path / "drafter.toml", 'ignore = ["DR6"]\n')
    write(tmp_path / "pkg" / "pyproject.toml", '[project]\nname = "x"\n')
    assert find_config(tmp_path / "pkg" / "law.txt") == tmp_path / "drafter.toml"


def test_pyproject_tool_section(tmp_path):
    path = write(
        tmp_path / "pyproject.toml",
        '[project]\nname = "x"\n\n[tool.drafter]\nselect = ["dr2", "DR301"]\n'
        'fail-on = "info"\nrules = ["team-rules"]\nbaseline = "lint/baseline.json"\n',
    )
    config = load_config(path)
    assert config.select == ["DR2", "DR301"]
    assert config.fail_on == "info"
    assert config.rules == [(tmp_path / "team-rules").resolve()]  # relative to the file
    assert config.baseline == (tmp_path / "lint" / "baseline.json").resolve()
    assert config.path == path


def test_unknown_key_names_file_and_key_with_suggestion(tmp_path):
    path = write(tmp_path / "drafter.toml", 'ignroe = ["DR607"]\n')
    with pytest.raises(ConfigError) as info:
        load_config(path)
    message = str(info.value)
    assert str(path) in message and "'ignroe'" in message and "did you mean 'ignore'" in message
    project = write(tmp_path / "p" / "pyproject.toml", '[tool.drafter]\nfail_on = "error"\n')
    with pytest.raises(ConfigError, match=r"tool\.drafter\.fail_on.*did you mean 'fail-on'"):
        load_config(project)


@pytest.mark.parametrize(
    "text, problem",
    [
        ('fail-on = "sometimes"\n', "fail-on must be one of"),
        ("select = 3\n", "select must be a list of strings"),
        ('lang = "de"\n', "lang must be one of"),
        ("rules = [1]\n", "rules must be a list of strings"),
        ("select = [\n", "invalid TOML"),
    ],
)
def test_bad_values(tmp_path, text, problem):
    path = write(tmp_path / "drafter.toml", text)
    with pytest.raises(ConfigError, match=problem):
        load_config(path)


def test_missing_explicit_config(tmp_path):
    with pytest.raises(ConfigError, match="does not exist"):
        discover(tmp_path / "nope.toml", None)


def test_defaults_without_any_file(tmp_path):
    assert discover(None, tmp_path / "law.md") == Config()


def test_unset_flags_never_override_set_ones_do(tmp_path):
    config = Config(
        select=["DR2"], ignore=["DR207"], fail_on="warning", lang="fr", rules=[tmp_path / "team"]
    )
    same = merged(config, select=None, ignore=None, fail_on=None, lang=None, rules=[])
    assert same == config
    changed = merged(config, select=["DR3"], fail_on="never", rules=[tmp_path / "mine"])
    assert changed.select == ["DR3"] and changed.fail_on == "never"
    assert changed.ignore == ["DR207"] and changed.lang == "fr"
    # Folders given on the command line are searched first, the config's still after them.
    assert changed.rules == [(tmp_path / "mine").resolve(), tmp_path / "team"]
