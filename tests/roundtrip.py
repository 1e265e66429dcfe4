"""The round-trip check shared by tests: a statute read back equals the one written."""

from __future__ import annotations

from drafter.model import Statute


def shape(statute: Statute) -> list:
    """Return what a round trip must keep of each article: number, heading, paragraphs."""
    return [
        (a.number, a.heading, [(p.number, p.level, p.text) for p in a.paragraphs])
        for a in statute.articles
    ]


def assert_reads_back(back: Statute, mine: Statute) -> None:
    """Assert that ``back`` has the front matter, divisions and articles of ``mine``."""
    assert (back.title, back.long_title, back.enacting_formula) == (
        mine.title,
        mine.long_title,
        mine.enacting_formula,
    )
    assert [(d.kind, d.number, d.heading) for d in back.divisions] == [
        (d.kind, d.number, d.heading) for d in mine.divisions
    ]
    assert shape(back) == shape(mine)
