"""Nothing lost: interrupted drafts leave no partial file; output is identical across runs."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ANSWERS = ROOT / "examples" / "republic-of-aurelia.yaml"


def draft_args(folder: Path, stem: str = "act") -> list[str]:
    return [
        sys.executable, "-m", "drafter", "draft", "incitement-act", "--answers", str(ANSWERS),
        "-o", str(folder / f"{stem}.docx"), "--memo", str(folder / f"{stem}-memo.docx"),
    ]  # fmt: skip


@pytest.mark.parametrize("delay", [0.3, 0.8, 1.3])
def test_interrupted_draft_leaves_no_partial_file(tmp_path: Path, delay: float) -> None:
    proc = subprocess.Popen(draft_args(tmp_path), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(delay)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    # Finished before the signal (status 0) or interrupted: either way, no traceback.
    assert b"Traceback" not in err, err.decode()[-1500:]
    for name in ("act.docx", "act-memo.docx"):
        path = tmp_path / name
        if path.exists():  # written before the interrupt: then it is complete
            assert zipfile.ZipFile(path).testzip() is None
    assert not list(tmp_path.glob(".*.tmp")), "a temporary file was left behind"


def test_outputs_are_byte_identical_across_processes(tmp_path: Path) -> None:
    outputs = []
    for run, (seed, tz) in enumerate([("1", "UTC"), ("2", "Pacific/Auckland")]):
        folder = tmp_path / f"run{run}"
        folder.mkdir()
        env = {**os.environ, "PYTHONHASHSEED": seed, "TZ": tz, "SOURCE_DATE_EPOCH": "1700000000"}
        subprocess.run(draft_args(folder), env=env, check=True, capture_output=True)
        akn = [*draft_args(folder)[:7], "-o", str(folder / "act.xml")]
        subprocess.run(akn, env=env, check=True, capture_output=True)
        outputs.append({p.name: p.read_bytes() for p in sorted(folder.iterdir())})
    assert outputs[0].keys() == {"act.docx", "act-memo.docx", "act.xml"}
    assert outputs[0] == outputs[1]
    core = zipfile.ZipFile(tmp_path / "run0" / "act.docx").read("docProps/core.xml").decode()
    assert "2023-11-14T22:13:20Z" in core  # SOURCE_DATE_EPOCH sets the document dates


def test_existing_output_is_not_overwritten_without_force(tmp_path: Path) -> None:
    target = tmp_path / "act.docx"
    target.write_bytes(b"keep me")
    done = subprocess.run(draft_args(tmp_path), capture_output=True, text=True, check=False)
    assert done.returncode == 2 and "--force" in done.stderr
    assert target.read_bytes() == b"keep me"
    assert not (tmp_path / "act-memo.docx").exists()
