"""Opening a Word package safely: the zip, its relationships, and parts parsed on demand.

Every way a file can be unreadable or hostile ends here as an InputError naming the file:
a corrupt or truncated zip, a package without a main document part, a zip bomb (declared or
actual size over DRAFTER_MAX_DOCUMENT_BYTES, see docs/security.md), an encrypted or unknown
compression, invalid XML, and any DTD or entity declaration (which Word never writes). Legacy
.doc and password-protected files (OLE compound files) are refused before this, by
drafter/reading/files.py.
"""

from __future__ import annotations

import os
import posixpath
import re
import zipfile
import zlib
from pathlib import Path

from lxml import etree

from .docx_xml import REL
from .errors import ConfigError, InputError

OFFICE_DOCUMENT = "/officeDocument"
# Zip bombs: a package may declare, and may actually inflate to, at most this many bytes in all
# (every part counted, read or not); DRAFTER_MAX_DOCUMENT_BYTES overrides it (docs/security.md).
MAX_DOCUMENT_BYTES = 128 * 1024 * 1024
LIMIT_ENV = "DRAFTER_MAX_DOCUMENT_BYTES"
CHUNK = 1024 * 1024
PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False, recover=False
)


ROOT_START = re.compile(rb"<[A-Za-z_]")
DTD_PROBLEM = "declares a DTD or entities, which Word never writes; refused (XML entity attack)"


def max_document_bytes() -> int:
    """Return the uncompressed size limit of a Word package (DRAFTER_MAX_DOCUMENT_BYTES)."""
    raw = os.environ.get(LIMIT_ENV, "").strip()
    if not raw:
        return MAX_DOCUMENT_BYTES
    if not raw.isdigit() or int(raw) <= 0:
        raise ConfigError(f"{LIMIT_ENV}={raw!r}: expected a positive number of bytes")
    return int(raw)


def refuse_dtd(data: bytes, path: Path, name: str) -> None:
    """Raise InputError if an XML part declares a DTD (entity expansion, external entities)."""
    # A DTD must come before the root element, so only the prolog needs looking at.
    root = ROOT_START.search(data)
    head = data[: root.start()] if root else data
    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
        raise InputError(f"{path}: {name} {DTD_PROBLEM}")


class Package:
    """The zip package of a Word document, its parts parsed safely on demand."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.zip = zipfile.ZipFile(path)
            self.names = set(self.zip.namelist())
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            raise InputError(f"{path}: not a valid .docx (corrupt or truncated zip)") from exc
        self.limit = max_document_bytes()
        self.inflated = 0  # bytes actually decompressed so far, whatever the headers claim
        declared = sum(info.file_size for info in self.zip.infolist())
        if declared > self.limit:
            self.zip.close()
            raise InputError(
                f"{path}: declares {declared} bytes uncompressed, over the limit of "
                f"{self.limit} ({LIMIT_ENV}); refused as a possible zip bomb"
            )
        try:
            self.main = self.main_part()
            if self.main not in self.names:
                raise InputError(f"{path}: not a Word document (no word/document.xml)")
        except InputError:
            self.zip.close()  # do not leak the open file when refusing the package
            raise

    def xml(self, name: str) -> etree._Element | None:
        """Parse one part; None if absent; InputError if corrupt or too large."""
        if name not in self.names:
            return None
        try:
            data = self.read(name)
            refuse_dtd(data, self.path, name)
            root = etree.fromstring(data, PARSER)
            if root.getroottree().docinfo.doctype:  # a DTD in an encoding the byte check missed
                raise InputError(f"{self.path}: {name} {DTD_PROBLEM}")
            return root
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError) as exc:
            raise InputError(f"{self.path}: corrupt part {name} in the .docx ({exc})") from exc
        except (RuntimeError, NotImplementedError) as exc:  # encrypted or unknown compression
            raise InputError(f"{self.path}: cannot read part {name} ({exc})") from exc
        except etree.XMLSyntaxError as exc:
            raise InputError(f"{self.path}: invalid XML in {name}: {exc}") from exc

    def read(self, name: str) -> bytes:
        """Inflate one part, stopping as soon as the package exceeds its size limit."""
        chunks: list[bytes] = []
        # Headers can lie about sizes: count the bytes really inflated, chunk by chunk, so a
        # forged header cannot make us hold more than the limit in memory.
        with self.zip.open(name) as handle:
            while chunk := handle.read(CHUNK):
                self.inflated += len(chunk)
                if self.inflated > self.limit:
                    raise InputError(
                        f"{self.path}: inflates to more than {self.limit} bytes ({LIMIT_ENV}); "
                        "refused as a possible zip bomb"
                    )
                chunks.append(chunk)
        return b"".join(chunks)

    def close(self) -> None:
        """Close the zip file."""
        self.zip.close()

    def main_part(self) -> str:
        """Return the name of the main document part, following the package relationships."""
        rels = self.rels("_rels/.rels", "")
        return rels.get(OFFICE_DOCUMENT, "word/document.xml")

    def rels(self, name: str, base: str) -> dict[str, str]:
        """Return {relationship type suffix: part name} of a .rels part."""
        out: dict[str, str] = {}
        root = self.xml(name) if name in self.names else None
        if root is None:
            return out
        for rel in root.iter(f"{{{REL}}}Relationship"):
            kind = "/" + (rel.get("Type") or "").rsplit("/", 1)[-1]
            target = rel.get("Target") or ""
            if rel.get("TargetMode") == "External" or not target:
                continue
            part = (
                target.lstrip("/")
                if target.startswith("/")
                else posixpath.normpath(posixpath.join(base, target))
            )
            out.setdefault(kind, part)
        return out

    def related(self) -> dict[str, str]:
        """Return the parts related to the main document (styles, numbering, notes)."""
        folder, name = posixpath.split(self.main)
        return self.rels(posixpath.join(folder, "_rels", name + ".rels"), folder)
