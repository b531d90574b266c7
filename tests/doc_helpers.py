"""Small readers of a processed Doc that several component tests share."""

from __future__ import annotations


def entity_names(doc, refs) -> set[str]:
    """The nominative names (else the texts) of the entities some refs point at."""
    by_offsets = {(e.start_char, e.end_char): e for e in doc.ents}
    return {by_offsets[(r.start, r.end)]._.kg_norm or by_offsets[(r.start, r.end)].text for r in refs}


def position_triples(doc) -> set[tuple[str, str, str | None]]:
    """(person text, role, of text) of every position the Doc holds."""
    t = doc.text
    return {
        (t[p.person.start : p.person.end], p.role, t[p.of.start : p.of.end] if p.of else None)
        for p in doc._.kg_positions
    }
