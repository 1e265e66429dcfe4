"""Atomic output: no clobbering without --force, no partial files, clear errors."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest

from drafter import output
from drafter.errors import OutputError
from drafter.output import check_writable, write_output


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_writes_a_new_file(tmp_path: Path) -> None:
    target = tmp_path / "out.docx"
    write_output(target, b"data", force=False)
    assert target.read_bytes() == b"data"
    assert leftovers(tmp_path) == []


def test_new_file_gets_ordinary_permissions(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_output(tmp_path / "out.md", b"x", force=False)
    finally:
        os.umask(old)
    assert (tmp_path / "out.md").stat().st_mode & 0o777 == 0o644


def test_refuses_an_existing_file_without_force(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("out.docx").write_bytes(b"old")
    with pytest.raises(OutputError, match=r"^out\.docx exists; use --force to overwrite$"):
        write_output(Path("out.docx"), b"new", force=False)
    assert Path("out.docx").read_bytes() == b"old"


def test_force_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "out.docx"
    target.write_bytes(b"old")
    write_output(target, b"new", force=True)
    assert target.read_bytes() == b"new"
    assert leftovers(tmp_path) == []


def test_missing_folder_names_the_path(tmp_path: Path) -> None:
    target = tmp_path / "nowhere" / "out.docx"
    with pytest.raises(OutputError, match="nowhere"):
        write_output(target, b"x", force=False)


def test_a_directory_is_not_an_output_file(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="is a directory"):
        check_writable(tmp_path, force=True)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write to read-only folders")
def test_unwritable_folder_names_the_path(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(OutputError, match="not writable"):
            write_output(folder / "out.docx", b"x", force=False)
    finally:
        folder.chmod(0o700)


def test_failed_rename_leaves_old_file_and_no_temp(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "out.docx"
    target.write_bytes(b"old")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(output.os, "replace", broken_replace)
    with pytest.raises(OutputError, match="out.docx: cannot write: No space left"):
        write_output(target, b"new", force=True)
    assert target.read_bytes() == b"old"
    assert leftovers(tmp_path) == []


def test_interrupt_while_writing_leaves_nothing(tmp_path: Path, monkeypatch) -> None:
    def interrupted(fd):
        raise KeyboardInterrupt

    monkeypatch.setattr(output.os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_output(tmp_path / "out.docx", b"new", force=False)
    assert list(tmp_path.iterdir()) == []


def test_check_writable_validates_before_anything_is_written(tmp_path: Path) -> None:
    (tmp_path / "memo.docx").write_bytes(b"old")
    check_writable(tmp_path / "draft.docx", force=False)  # fine: does not exist
    with pytest.raises(OutputError, match="memo.docx exists"):
        check_writable(tmp_path / "memo.docx", force=False)
    check_writable(tmp_path / "memo.docx", force=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["memo.docx"]


@pytest.mark.parametrize("value", ["", "abc", "-5", "99999999999999999999"])
def test_unusable_source_date_epoch_falls_back(monkeypatch, value: str) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    assert output.source_date() == output.DEFAULT_EPOCH


def test_source_date_epoch_before_1980_keeps_the_earliest_zip_date(monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w") as z:
        z.writestr("a.xml", "A")
    info = zipfile.ZipFile(io.BytesIO(output.normalise_zip(raw.getvalue()))).infolist()[0]
    assert info.date_time == (1980, 1, 1, 0, 0, 0)
    assert output.source_date().year == 1970
