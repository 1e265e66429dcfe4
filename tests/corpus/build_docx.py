"""Build the .docx documents of the lint corpus from docx_specs.yaml (no binaries committed).

The specs describe paragraphs (with Word styles or without), tables, tracked insertions and
deletions (raw ``w:ins`` / ``w:del`` XML, as Word writes them) and paragraphs numbered by Word
itself through numbering.xml (the numbers are not in the text). The output is byte-identical
for identical specs: fixed document properties, fixed revision ids and dates, fixed zip
timestamps and member order.

Usage: ``python tests/corpus/build_docx.py OUT_DIR`` (or ``build_all(out_dir)`` from a test).
"""

from __future__ import annotations

import datetime as dt
import io
import sys
import zipfile
from pathlib import Path
from typing import Any

import docx
import yaml
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.text.paragraph import Paragraph
from lxml import etree

CORPUS = Path(__file__).resolve().parent
SPECS = CORPUS / "docx_specs.yaml"

AUTHOR = "Corpus Reviewer"
REVISION_DATE = "2026-01-15T10:00:00Z"
FIXED_TIME = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
ZIP_TIME = (2026, 1, 1, 0, 0, 0)

# Ids for our own numbering definition, far from anything the default template uses.
ABSTRACT_NUM_ID = 90
NUM_ID = 90
# Level 0 numbers articles ("Article 1." + the heading text), level 1 their paragraphs "(1)".
NUMBERING_XML = f"""
<w:abstractNum {nsdecls("w")} w:abstractNumId="{ABSTRACT_NUM_ID}">
  <w:multiLevelType w:val="multilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>
    <w:lvlText w:val="Article %1."/><w:lvlJc w:val="left"/><w:suff w:val="space"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>
    <w:lvlText w:val="(%2)"/><w:lvlJc w:val="left"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>
    <w:lvlText w:val="(%3)"/><w:lvlJc w:val="left"/></w:lvl>
</w:abstractNum>
"""


def load_specs(path: Path = SPECS) -> list[dict[str, Any]]:
    """Return the document specs, each with an id, a file name, a language and blocks."""
    specs = yaml.safe_load(path.read_text(encoding="utf-8"))
    ids = [spec["id"] for spec in specs]
    if len(ids) != len(set(ids)):
        raise ValueError(f"{path}: duplicate spec ids")
    return specs


class _Revisions:
    """Hand out w:id values for tracked changes; deterministic per document."""

    def __init__(self) -> None:
        self.next_id = 1

    def take(self) -> int:
        value = self.next_id
        self.next_id += 1
        return value


def _run_xml(text: str, deleted: bool = False, bold: bool = False, ns: bool = False) -> str:
    """Return a w:r element as XML text (with the namespace declaration if ``ns``)."""
    tag = "w:delText" if deleted else "w:t"
    props = "<w:rPr><w:b/></w:rPr>" if bold else ""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    decl = f" {nsdecls('w')}" if ns else ""
    return f'<w:r{decl}>{props}<{tag} xml:space="preserve">{escaped}</{tag}></w:r>'


def _add_segments(paragraph: Paragraph, segments: list[Any], revisions: _Revisions) -> None:
    """Append plain, bold, inserted and deleted segments to a paragraph as raw runs."""
    p = paragraph._p
    for seg in segments:
        if isinstance(seg, str):
            p.append(parse_xml(_run_xml(seg, ns=True)))
            continue
        (kind, text), *rest = seg.items()
        if rest:
            raise ValueError(f"segment with more than one key: {seg!r}")
        if kind == "bold":
            p.append(parse_xml(_run_xml(text, bold=True, ns=True)))
        elif kind in ("ins", "del"):
            change = (
                f'<w:{kind} {nsdecls("w")} w:id="{revisions.take()}" w:author="{AUTHOR}" '
                f'w:date="{REVISION_DATE}">{_run_xml(text, deleted=kind == "del")}</w:{kind}>'
            )
            p.append(parse_xml(change))
        else:
            raise ValueError(f"unknown segment kind {kind!r}")


def _ensure_numbering(document: docx.document.Document) -> None:
    """Add our abstractNum/num pair to numbering.xml (abstractNum elements come first)."""
    numbering = document.part.numbering_part.element
    abstract = parse_xml(NUMBERING_XML)
    existing_nums = numbering.findall(qn("w:num"))
    if existing_nums:
        existing_nums[0].addprevious(abstract)
    else:
        numbering.append(abstract)
    num = parse_xml(
        f'<w:num {nsdecls("w")} w:numId="{NUM_ID}"><w:abstractNumId w:val="{ABSTRACT_NUM_ID}"/></w:num>'
    )
    numbering.append(num)


def _number(paragraph: Paragraph, level: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(
        parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{NUM_ID}"/></w:numPr>'
        )
    )


def build_document(spec: dict[str, Any]) -> bytes:
    """Return the bytes of the .docx described by one spec."""
    document = docx.Document()
    revisions = _Revisions()
    if any("num" in block for block in spec["blocks"]):
        _ensure_numbering(document)
    for block in spec["blocks"]:
        if "table" in block:
            rows = block["table"]
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            table.style = "Table Grid"
            for r, row in enumerate(rows):
                for c, value in enumerate(row):
                    table.cell(r, c).text = str(value)
            continue
        paragraph = document.add_paragraph(style=block.get("style"))
        text = block["text"]
        _add_segments(paragraph, [text] if isinstance(text, str) else text, revisions)
        if "num" in block:
            _number(paragraph, int(block["num"]))
    props = document.core_properties
    props.author = AUTHOR
    props.last_modified_by = AUTHOR
    props.title = spec["id"]
    props.created = FIXED_TIME
    props.modified = FIXED_TIME
    props.revision = 1
    props.language = spec.get("language", "en")
    buffer = io.BytesIO()
    document.save(buffer)
    return _normalise_zip(buffer.getvalue())


def _normalise_zip(data: bytes) -> bytes:
    """Rewrite the package with fixed member timestamps so the bytes are reproducible."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            dst.writestr(member, src.read(info.filename))
    return out.getvalue()


def build_all(out_dir: Path, specs: list[dict[str, Any]] | None = None) -> dict[str, Path]:
    """Build every spec into out_dir; return {spec id: path}."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths: dict[str, Path] = {}
    for spec in specs if specs is not None else load_specs():
        path = out_dir / spec["file"]
        path.write_bytes(build_document(spec))
        paths[spec["id"]] = path
    return paths


def document_xml(path: Path) -> etree._Element:
    """Return the parsed word/document.xml of a built file (used by the tests)."""
    with zipfile.ZipFile(path) as zf:
        return etree.fromstring(zf.read("word/document.xml"))


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path.cwd()
    for spec_id, built in build_all(target).items():
        print(f"{spec_id}: {built}")
