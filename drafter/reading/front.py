"""Front matter (title, long title, enacting formula, preamble) and tables of contents."""

from __future__ import annotations

from ..model import Article, Division, Statute
from ..regexes import regex_cache
from . import patterns as P
from .blocks import Block


def front_matter(statute: Statute, front: list[Block]) -> None:
    """Sort the text before the first article into title, long title, enacting formula."""
    title = title_block([b for b in front if not b.note])
    last_was_enacting = False
    for block in front:
        text = block.text
        enacting = not block.note and bool(P.ENACTING.search(text))
        if block is title:
            statute.title = text
        elif (
            not block.note
            and statute.long_title is None
            and (P.LONG_TITLE.match(text) or (block.style or "").lower() == "subtitle")
        ):
            statute.long_title = text
        elif enacting and (statute.enacting_formula is None or last_was_enacting):
            # "L'Assemblée nationale a adopté," then "Le Président ... promulgue ...":
            # one formula printed on two lines.
            formula = statute.enacting_formula
            statute.enacting_formula = f"{formula} {text}" if formula else text
        else:
            statute.preamble.append(text)
            enacting = False
        last_was_enacting = enacting


def title_block(blocks: list[Block]) -> Block | None:
    """Choose the title: a "Title" style, else an early line naming a law (not "REPUBLIC")."""
    for block in blocks:
        if block.style and block.style.lower() in ("title", "titre"):
            return block
    candidates = [
        b for b in blocks[:4] if not P.ENACTING.search(b.text) and not P.LONG_TITLE.match(b.text)
    ]
    for block in candidates:
        if P.LAW_TITLE.search(block.text) and len(block.text) <= 250:
            return block
    return candidates[0] if candidates else None


TOC_LEADER = regex_cache.compile(r"\s*(?:\.{3,}|…+|_{3,})\s*\d*\s*$|\s+\d{1,3}$")


def heading_key(item: Article | Division) -> tuple[str, str, str]:
    """Return what identifies a heading: its kind or designation and its number."""
    if isinstance(item, Article):
        return ("article", item.designation.lower().rstrip("."), item.number.lower())
    return ("division", item.kind, (item.number or "").lower())


def drop_table_of_contents(statute: Statute) -> list[Block]:
    """Remove a typed table of contents from the body; return text caught inside it.

    Gazettes print "Article 1: Purpose ..... 3" and "PART I - PRELIMINARY" lists before the
    enacting formula; read as headings they would make every number a duplicate. The contents
    are the longest run of headings at the start of the body that all appear again later; they
    go to ``metadata["contents"]``. Text read into the last entry (the enacting formula that
    follows the contents) is returned as front-matter blocks.
    """
    body = statute.body
    keys = [heading_key(b) for b in body]
    end = 0
    while end < len(body) and keys[end] in keys[end + 1 :]:
        end += 1
    entries = body[:end]
    articles = [b for b in entries if isinstance(b, Article)]
    if len(entries) < 2 or any(a.paragraphs for a in articles[:-1]):
        return []
    statute.metadata["contents"] = "\n".join(
        b.caption + (f" {TOC_LEADER.sub('', b.heading)}" if b.heading else "") for b in entries
    )
    del body[:end]
    caught = articles[-1].paragraphs if articles else []
    return [Block(p.text, None, p.source_index) for p in caught]
