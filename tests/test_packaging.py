"""The wheel carries the data folders: install it in a fresh venv and draft from elsewhere."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("drafter-*.whl")
    return built


def test_wheel_contains_the_data_folders(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    for folder in ("templates", "clause_library", "checks"):
        assert any(n.startswith(f"drafter/_data/{folder}/") for n in names), folder
    assert any(n.startswith("drafter/_data/templates/incitement-act/") for n in names)


def test_installed_wheel_drafts_from_another_directory(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    # System site-packages give the heavy dependencies without a download; drafter itself
    # comes only from the wheel, installed into the venv (checked below).
    venv.create(env_dir, system_site_packages=True, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [python, "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)], check=True
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    answers = ROOT / "examples" / "republic-of-aurelia.yaml"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    where = subprocess.run(
        [python, "-c", "import drafter, sys; print(drafter.__file__)"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert str(env_dir) in where.stdout, where.stdout
    result = subprocess.run(
        [python, "-m", "drafter", "draft", "incitement-act", "--answers", str(answers),
         "-o", "draft.docx", "--memo", "memo.docx"],
        cwd=elsewhere, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert zipfile.is_zipfile(elsewhere / "draft.docx")
    assert zipfile.is_zipfile(elsewhere / "memo.docx")
