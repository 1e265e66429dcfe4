"""Generators for hostile input files: every case is built at test time, none is committed.

Each generator writes one file into a folder and returns its path, together with the words
the one-line error message must contain. The files are small on disk (a zip bomb is a few
kilobytes that would inflate to gigabytes) so the tests stay fast.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
LAW = (
    "Article 1 Incitement",
    "(1) Any person who directly and publicly incites others to commit genocide commits an offence.",
)


def document_xml(paragraphs: tuple[str, ...] = LAW, prolog: str = "") -> str:
    """Return a minimal word/document.xml with one w:p per paragraph."""
    body = "".join(f'<w:p><w:r><w:t xml:space="preserve">{p}</w:t></w:r></w:p>' for p in paragraphs)
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog}'
        f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'
    )


def package(parts: dict[str, str | bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """Return the bytes of a zip package holding ``parts`` (plus the package boilerplate)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", ROOT_RELS)
        for name, data in parts.items():
            z.writestr(name, data)
    return out.getvalue()


def valid_docx(folder: Path, name: str = "law.docx") -> Path:
    """A small, valid Word document with one article (the good file next to hostile ones)."""
    path = folder / name
    path.write_bytes(package({"word/document.xml": document_xml()}))
    return path


def corrupt_zip(folder: Path) -> Path:
    """A .docx whose bytes were scrambled in the middle: central directory unreadable."""
    data = bytearray(package({"word/document.xml": document_xml()}))
    data[len(data) // 3 :] = bytes(b ^ 0x5A for b in data[len(data) // 3 :])
    path = folder / "corrupt.docx"
    path.write_bytes(bytes(data))
    return path


def truncated_zip(folder: Path) -> Path:
    """A .docx cut off half-way, as a failed download or mail attachment leaves it."""
    data = package({"word/document.xml": document_xml()})
    path = folder / "truncated.docx"
    path.write_bytes(data[: len(data) // 2])
    return path


def not_a_document(folder: Path) -> Path:
    """A PNG image renamed to .docx."""
    path = folder / "picture.docx"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    return path


def ole_file(folder: Path, name: str, encrypted: bool) -> Path:
    """An OLE compound file: a legacy .doc, or an encrypted .docx (EncryptionInfo stream)."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    stream = "EncryptionInfo" if encrypted else "WordDocument"
    path = folder / name
    path.write_bytes(header + stream.encode("utf-16-le") + b"\x00" * 1024)
    return path


def encrypted_docx(folder: Path) -> Path:
    """A password-protected .docx (Office wraps the package in an encrypted OLE file)."""
    return ole_file(folder, "protected.docx", encrypted=True)


def legacy_doc(folder: Path) -> Path:
    """A Word 97-2003 .doc file."""
    return ole_file(folder, "old.doc", encrypted=False)


def docm_with_macros(folder: Path) -> Path:
    """A macro-enabled .docm whose package holds a VBA project (read as text, never run)."""
    path = folder / "macro.docm"
    path.write_bytes(
        package({"word/document.xml": document_xml(), "word/vbaProject.bin": b"\xd0\xcf" * 512})
    )
    return path


def empty_file(folder: Path) -> Path:
    """A zero-byte .docx."""
    path = folder / "empty.docx"
    path.write_bytes(b"")
    return path


def no_text(folder: Path) -> Path:
    """A valid Word document whose body has no text at all."""
    path = folder / "blank.docx"
    path.write_bytes(package({"word/document.xml": document_xml(("", "", ""))}))
    return path


def forge_size(data: bytes, real: int, fake: int) -> bytes:
    """Replace a part's uncompressed size in its local header and central directory entry."""
    return data.replace(real.to_bytes(4, "little"), fake.to_bytes(4, "little"))


def zip_bomb_declared(folder: Path) -> Path:
    """A part that declares 4 GB uncompressed, over the default limit (a bomb's headers)."""
    padding = b"\0" * 123_457  # an unusual size, so that its bytes occur only in the headers
    data = package({"word/document.xml": document_xml(), "word/media/pad.bin": padding})
    path = folder / "bomb-declared.docx"
    path.write_bytes(forge_size(data, len(padding), 0xFFFF_FFF0))
    return path


def zip_bomb_lying(folder: Path) -> Path:
    """A document part that declares 1 KB but inflates to 20 MB (headers forged)."""
    xml = document_xml((*LAW, "x" * (20 * 2**20)))
    path = folder / "bomb-lying.docx"
    path.write_bytes(forge_size(package({"word/document.xml": xml}), len(xml.encode()), 1000))
    return path


BILLION_LAUGHS = (
    '<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaaaaaaaaaaaa">'
    + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
    + "]>"
)


def entity_expansion(folder: Path, part: str = "word/document.xml") -> Path:
    """Billion laughs: nested entities that would expand to gigabytes if resolved."""
    parts: dict[str, str | bytes] = {"word/document.xml": document_xml()}
    laughs = document_xml((*LAW, "&j;"), prolog=BILLION_LAUGHS)
    parts[part] = (
        laughs
        if part == "word/document.xml"
        else (
            f'<?xml version="1.0"?>{BILLION_LAUGHS.replace("w:document", "w:styles")}'
            f'<w:styles xmlns:w="{W}"><w:style w:styleId="&j;"/></w:styles>'
        )
    )
    name = "laughs.docx" if part == "word/document.xml" else "laughs-styles.docx"
    path = folder / name
    path.write_bytes(package(parts))
    return path


def external_entity(folder: Path, secret: Path) -> Path:
    """An external entity (XXE) pointing at a local file, in the main part and in a rels part."""
    prolog = f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{secret}">]>'
    xml = document_xml((*LAW, "&xxe;"), prolog=prolog)
    rels = ROOT_RELS.replace(
        "?>", f'?><!DOCTYPE Relationships [<!ENTITY xxe SYSTEM "file://{secret}">]>', 1
    )
    path = folder / "xxe.docx"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", rels)
        z.writestr("word/document.xml", xml)
    path.write_bytes(out.getvalue())
    return path


def huge_paragraph(folder: Path, megabytes: int = 8) -> Path:
    """One paragraph of several megabytes of words (no article in it can be that long)."""
    words = "genocide ideology and divisionism " * (megabytes * 2**20 // 34)
    path = folder / "huge-paragraph.docx"
    path.write_bytes(package({"word/document.xml": document_xml((*LAW, words))}))
    return path


def latin1_text(folder: Path) -> Path:
    """A text file in Windows-1252, not UTF-8 ("é" is byte 0xE9)."""
    path = folder / "law.txt"
    path.write_bytes("Article premier\nLa négation du génocide est punie.\n".encode("cp1252"))
    return path


def binary_text(folder: Path) -> Path:
    """A .txt that is really binary noise with NUL bytes."""
    path = folder / "noise.txt"
    path.write_bytes(bytes(range(256)) * 16)
    return path


Generator = Callable[[Path], Path]


NUMBERING_RELS = (
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
    'relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/'
    '2006/relationships/numbering" Target="numbering.xml"/></Relationships>'
)


def hostile_numbering(folder: Path, start: str, fmt: str = "decimal", ilvl: str = "0") -> Path:
    """A list whose numbering attributes are absurd: a start of 10**11 in letters, ilvl "x"."""
    numbering = (
        f'<w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="{ilvl}">'
        f'<w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="%1."/></w:lvl>'
        '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>'
    )
    document = (
        f'<?xml version="1.0"?><w:document xmlns:w="{W}"><w:body><w:p><w:pPr><w:numPr>'
        f'<w:ilvl w:val="{ilvl}"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>{LAW[1]}</w:t>'
        "</w:r></w:p></w:body></w:document>"
    )
    path = folder / "numbering.docx"
    parts = {
        "word/document.xml": document,
        "word/numbering.xml": numbering,
        "word/_rels/document.xml.rels": NUMBERING_RELS,
    }
    path.write_bytes(package(parts))
    return path
