"""Long articles in pieces: where to cut a text the pipeline cannot take whole, and how the records of the pieces
become the record of the article again (offsets shifted back onto the article's text).

A cut falls at the last paragraph end of the window, else at the last sentence start razdel finds in it, else at
the last space; only a "word" longer than a whole chunk is ever cut inside.
"""

from __future__ import annotations

import re
from dataclasses import fields, is_dataclass, replace
from typing import Any, TypeVar

from razdel import sentenize

from kg.records import Article, ArticleRecord, Event, Mention, Position

#: Pieces are at most this many characters: five times a long feature article, so news is never cut; a text
#: longer than that is a dump or a book, whose Doc would need gigabytes and whose rules look across sentences only.
CHUNK_CHARS = 100_000

T = TypeVar("T")
_SPACE = re.compile(r"\s")


def _cut(window: str) -> int:
    """Where the next piece starts in a window that is too long: after a paragraph end, before a sentence, after
    a space, in the second half of the window when there is one (so that pieces do not get tiny)."""
    half = len(window) // 2
    newline = window.rfind("\n", half)
    if newline >= 0:
        return newline + 1
    starts = [s.start for s in sentenize(window[half:]) if s.start > 0]
    # razdel's last sentence may be the cut-off end of one that goes on past the window: its start is still a start
    if starts:
        return half + starts[-1]
    space = max((m.end() for m in _SPACE.finditer(window, half)), default=0)
    return space or len(window)


def chunk_bounds(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """(start, end) of consecutive pieces of ``text``, each at most ``size`` characters, covering all of it.

    >>> chunk_bounds("Один. Два.", 100)
    [(0, 10)]
    >>> text = "Первый абзац.\\nВторой абзац здесь.\\nТретий."
    >>> [text[a:b] for a, b in chunk_bounds(text, 24)]
    ['Первый абзац.\\n', 'Второй абзац здесь.\\n', 'Третий.']
    >>> text = "Мир труд май. Солнце светит ярко. Тихо."
    >>> [text[a:b] for a, b in chunk_bounds(text, 22)]
    ['Мир труд май. ', 'Солнце светит ярко. ', 'Тихо.']
    >>> text = "слово другое третье"
    >>> [text[a:b] for a, b in chunk_bounds(text, 8)]
    ['слово ', 'другое ', 'третье']
    """
    if size <= 0:
        raise ValueError(f"a chunk size must be positive, got {size}")
    bounds, start = [], 0
    while len(text) - start > size:
        end = start + _cut(text[start : start + size])
        bounds.append((start, end))
        start = end
    bounds.append((start, len(text)))
    return bounds


def shifted(value: T, delta: int) -> T:
    """A record with every offset (the ``start`` and ``end`` of its spans, mentions and refs, at any depth) moved
    by ``delta``.

    >>> from kg.records import Ref, TextSpan
    >>> shifted((Ref(2, 5, "host"), TextSpan(0, 3, "abc")), 10)
    (Ref(start=12, end=15, role='host'), TextSpan(start=10, end=13, text='abc'))
    """
    if isinstance(value, tuple):
        return tuple(shifted(v, delta) for v in value)  # type: ignore[return-value]
    if not is_dataclass(value) or isinstance(value, type):
        return value
    changes: dict[str, Any] = {}
    for f in fields(value):
        old = getattr(value, f.name)
        if f.name in ("start", "end") and isinstance(old, int):
            changes[f.name] = old + delta
        elif isinstance(old, tuple) or is_dataclass(old):
            new = shifted(old, delta)
            if new is not old:
                changes[f.name] = new
    return replace(value, **changes) if changes else value  # type: ignore[type-var]


def joined(article: Article, pieces: list[tuple[int, ArticleRecord]]) -> ArticleRecord:
    """The article's record from the records of its pieces, each given with the offset where its piece starts."""
    mentions, events, positions, facts, ownerships = [], [], [], [], []
    for offset, rec in pieces:
        if article.text[offset : offset + len(rec.article.text)] != rec.article.text:
            raise ValueError(f"{article.path or article.id}: a piece at {offset} is not the article's text")
        mentions += shifted(rec.mentions, offset)
        before = len(events)
        events += [_renumbered(ev, before) for ev in shifted(rec.events, offset)]
        positions += shifted(rec.positions, offset)
        facts += shifted(rec.facts, offset)
        ownerships += shifted(rec.ownerships, offset)
    merged = _one_per_holding(positions, mentions) if len(pieces) > 1 else positions
    return ArticleRecord(
        article, tuple(mentions), tuple(events), tuple(merged), tuple(facts), tuple(dict.fromkeys(ownerships))
    )


def _one_per_holding(positions: list[Position], mentions: list[Mention]) -> list[Position]:
    """One position per person (by the name's nominative), post and body across the pieces, as the posts
    component keeps one per Doc: the surest (the first of those), with the words of the others as restated."""
    names = {(m.start, m.end): m.key or m.norm for m in mentions}
    groups: dict[tuple[object, ...], list[Position]] = {}
    for pos in positions:
        of = names.get((pos.of.start, pos.of.end), pos.of) if pos.of else None
        groups.setdefault(
            (names.get((pos.person.start, pos.person.end), pos.person), pos.role, of), []
        ).append(pos)
    out = []
    for same in groups.values():
        best = max(same, key=lambda p: p.confidence)
        said = {t for p in same for t in (p.role_span, *p.restated) if t is not None and t != best.role_span}
        out.append(replace(best, restated=tuple(sorted(said, key=lambda t: (t.start, t.end)))))
    return sorted(out, key=lambda p: (p.person.start, p.role))


def _renumbered(event: Event, before: int) -> Event:
    """An event of a later piece, its link to the enclosing event counted in the whole article's list."""
    return event if event.sub_event_of is None else replace(event, sub_event_of=event.sub_event_of + before)
