"""Write output files atomically, refusing to overwrite without --force; make zips reproducible.

A half-written .docx is worse than none: Word refuses it and the user may not notice until
later. So every output goes to a temporary file in the same directory (same file system, so
the final rename is atomic) and replaces the target only once it is complete.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import tempfile
import zipfile
from pathlib import Path

from .errors import OutputError

DEFAULT_EPOCH = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip entry can carry


def check_writable(path: Path, force: bool) -> None:
    """Raise OutputError if ``path`` could not be written (exists without force, bad folder)."""
    path = Path(path)
    if path.is_dir():
        raise OutputError(f"{path} is a directory, not a file")
    if path.exists() and not force:
        raise OutputError(f"{path} exists; use --force to overwrite")
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.exists():
        raise OutputError(f"{path}: folder {parent} does not exist")
    if not parent.is_dir():
        raise OutputError(f"{path}: {parent} is not a folder")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise OutputError(f"{path}: folder {parent} is not writable")


def write_output(path: Path, data: bytes, force: bool) -> None:
    """Write ``data`` to ``path`` atomically; refuse an existing file unless ``force``."""
    path = Path(path)
    check_writable(path, force)
    parent = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=parent)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write: {exc.strerror or exc}") from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp creates the file 0600; give it the permissions a normal new file would get.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        if not force and path.exists():
            # Another process created it since the check: do not clobber it.
            raise OutputError(f"{path} exists; use --force to overwrite")
        os.replace(tmp, path)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write: {exc.strerror or exc}") from exc
    finally:
        # Reached on success too, when the temp file is already renamed away; on any error,
        # including KeyboardInterrupt, it removes the partial file.
        if tmp.exists():
            try:
                tmp.unlink()
            except OSError:
                pass


def source_date() -> dt.datetime:
    """Return the fixed document date: SOURCE_DATE_EPOCH if set, else 2000-01-01 UTC."""
    raw = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if raw.isdigit():
        try:
            return dt.datetime.fromtimestamp(int(raw), tz=dt.UTC)
        except (OverflowError, OSError, ValueError):
            pass  # beyond what a date can hold: ignore it, as reproducible-builds tools do
    return DEFAULT_EPOCH


def _zip_date() -> tuple[int, int, int, int, int, int]:
    if not os.environ.get("SOURCE_DATE_EPOCH", "").strip().isdigit():
        return ZIP_EPOCH
    when = source_date()
    if not 1980 <= when.year <= 2107:  # the range a zip entry's date can hold
        return ZIP_EPOCH
    return (when.year, when.month, when.day, when.hour, when.minute, when.second & ~1)


def normalise_zip(data: bytes) -> bytes:
    """Rewrite a zip package with a stable entry order, fixed dates, compression and modes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    names = source.namelist()
    # [Content_Types].xml first, as Office writes it; the rest sorted for a stable order.
    first = [n for n in ("[Content_Types].xml", "_rels/.rels") if n in names]
    ordered = first + sorted(n for n in names if n not in first)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in ordered:
            info = zipfile.ZipInfo(name, date_time=_zip_date())
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # unix, so the mode below means the same everywhere
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(name), compresslevel=6)
    return out.getvalue()
