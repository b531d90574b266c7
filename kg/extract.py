"""The extraction stream and the one adapter from spaCy to our records: articles go through the pipeline
(``nlp.pipe``), each processed Doc becomes an :class:`ArticleRecord`, and its partial dates are anchored to the
article's date. Nothing downstream of this module sees a spaCy object."""

from __future__ import annotations

import math
import signal
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from itertools import islice
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import raise_error

from kg.chunks import CHUNK_CHARS, chunk_bounds, joined
from kg.dating import anchor
from kg.records import ENTITY_TYPES, Article, ArticleRecord, Mention
from kg.sources import Problem


def _doc_list(doc: Doc, name: str) -> tuple[Any, ...]:
    """A list a component stored on the Doc (events, positions, facts), or nothing when it is not in the pipeline."""
    if not Doc.has_extension(name):
        return ()
    return tuple(getattr(doc._, name) or ())


def mentions_of(doc: Doc) -> tuple[Mention, ...]:
    """Every entity span of the Doc as a Mention."""
    out = []
    # names nested in others («МИД Казахстана»), and the bodies of posts named by a common noun only
    extra = [s for group in ("kg_nested", "kg_bodies") if group in doc.spans for s in doc.spans[group]]
    for ent in sorted([*doc.ents, *extra], key=lambda s: (s.start_char, -s.end_char)):
        if ent.label_ not in ENTITY_TYPES:
            continue
        norm = ent._.kg_norm if ent.has_extension("kg_norm") and ent._.kg_norm else ent.text
        out.append(
            Mention(
                ent.start_char, ent.end_char, ent.text, ent.label_, norm, ent.id_ or "ner", ent.kb_id_ or None
            )
        )
    return tuple(out)


def to_record(doc: Doc, article: Article) -> ArticleRecord:
    """Everything the pipeline found in one article, as plain records."""
    if doc.text != article.text:
        raise ValueError(f"{article.path or article.id}: the Doc's text differs from the article's")
    return ArticleRecord(
        article=article,
        mentions=mentions_of(doc),
        events=_doc_list(doc, "kg_events"),
        positions=_doc_list(doc, "kg_positions"),
        facts=_doc_list(doc, "kg_facts"),
        ownerships=_doc_list(doc, "kg_ownerships"),
    )


class ArticleTimeout(BaseException):  # noqa: N818 — not an Exception, so spaCy's error handler lets it through
    """An article's extraction ran over its time budget."""


@contextmanager
def _budget(seconds: float | None) -> Iterator[None]:
    """Raise :class:`ArticleTimeout` in this (main) thread when the block runs over ``seconds`` (SIGALRM)."""
    if not seconds or seconds <= 0:
        yield
        return

    def ring(signum: int, frame: Any) -> None:
        raise ArticleTimeout

    previous = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _finite(record: ArticleRecord) -> tuple[ArticleRecord, list[str]]:
    """The record without figures whose numbers no RDF or JSON writer can carry (a huge number read as ``inf``),
    and what was dropped."""
    kept, dropped = [], []
    for fact in record.facts:
        numbers = [getattr(fact, name, None) for name in ("value", "change_percent", "confidence")]
        if all(not isinstance(n, float) or math.isfinite(n) for n in numbers):
            kept.append(fact)
        else:
            dropped.append(f"figure «{fact.evidence.text[:60]}» left out: a number too large to write")
    return (replace(record, facts=tuple(kept)) if dropped else record), dropped


def _where(article: Article) -> str:
    return article.path or article.id


@dataclass(frozen=True)
class _Piece:
    """The context a piece of an article's text goes through ``nlp.pipe`` with: its article and where it starts."""

    article: Article
    offset: int
    index: int  # the article's place in the stream


def _pieces(numbered: Iterable[tuple[int, Article]], size: int) -> Iterator[tuple[str, _Piece]]:
    """(text, context) for ``nlp.pipe``: an article whole, or in sentence-aligned pieces when it is longer than
    ``size``."""
    for index, article in numbered:
        if len(article.text) <= size:
            yield article.text, _Piece(article, 0, index)
        else:
            for start, end in chunk_bounds(article.text, size):
                yield article.text[start:end], _Piece(article, start, index)


def _by_article(pairs: Iterable[tuple[Doc, _Piece]]) -> Iterator[tuple[_Piece, list[tuple[Doc, int]]]]:
    """The processed pieces grouped by article, in order (the pieces of an article come one after another)."""
    current: _Piece | None = None
    docs: list[tuple[Doc, int]] = []
    for doc, piece in pairs:
        if current is None or piece.index != current.index:
            if current is not None:
                yield current, docs
            current, docs = piece, []
        docs.append((doc, piece.offset))
    if current is not None:
        yield current, docs


def _record(article: Article, docs: list[tuple[Doc, int]]) -> ArticleRecord:
    """The record of an article from its Doc, or from the Docs of its pieces."""
    if len(docs) == 1 and docs[0][1] == 0:
        return to_record(docs[0][0], article)
    pieces = [(offset, to_record(doc, replace(article, text=doc.text))) for doc, offset in docs]
    if sum(len(rec.article.text) for _, rec in pieces) != len(article.text):
        raise ValueError(f"{_where(article)}: a piece of the article is missing")
    return joined(article, pieces)


def extract_records(
    articles: Iterable[Article],
    nlp: Language,
    batch_size: int = 16,
    on_error: Callable[[Problem], None] | None = None,
    timeout: float | None = None,
    on_warning: Callable[[Problem], None] | None = None,
    chunk_chars: int = CHUNK_CHARS,
) -> Iterator[ArticleRecord]:
    """Stream articles through the pipeline; an article a component (or the adapter) fails on is reported and
    skipped. An article longer than ``chunk_chars`` (or the pipeline's ``max_length``) goes through in
    sentence-aligned pieces whose findings are shifted back onto its text. With a ``timeout`` (seconds per
    article) a batch gets that budget times its size; a batch over it is run again one article at a time, and an
    article over its own budget is reported and skipped."""
    size = min(chunk_chars, nlp.max_length)
    # the places in the stream of the articles a piece of which failed (reported once, then left out); a failure
    # is always reported before the next article's first piece comes out of the pipeline
    failed: set[int] = set()

    def report(problem: Problem, exc: BaseException) -> None:
        if on_error is None:
            raise exc
        on_error(problem)

    def handler(name: str, component: Any, docs: list[Any], exc: Exception) -> None:
        for doc in docs:
            piece = getattr(doc, "_context", None)
            if isinstance(piece, _Piece) and piece.index in failed:
                continue  # one line per article, however many of its pieces fail
            if isinstance(piece, _Piece):
                failed.add(piece.index)
            where = _where(piece.article) if isinstance(piece, _Piece) else "?"
            report(Problem(where, f"pipeline component {name!r} failed: {type(exc).__name__}: {exc}"), exc)

    def adapt(pairs: Iterable[tuple[Doc, _Piece]]) -> Iterator[ArticleRecord]:
        for piece, docs in _by_article(pairs):
            article, left_out = piece.article, piece.index in failed
            if failed:  # every failure up to this article has been reported by now
                failed.difference_update([i for i in failed if i <= piece.index])
            if left_out:
                continue
            try:
                record, dropped = _finite(anchor(_record(article, docs)))
            except Exception as exc:  # noqa: BLE001 — one article's failure is reported and the corpus goes on
                report(Problem(_where(article), f"extraction failed: {type(exc).__name__}: {exc}"), exc)
                continue
            for note in dropped:
                if on_warning is not None:
                    on_warning(Problem(_where(article), note))
            yield record

    def run(batch: list[tuple[int, Article]], budget: float | None) -> list[tuple[Doc, _Piece]]:
        with _budget(budget):
            return list(nlp.pipe(_pieces(batch, size), as_tuples=True, batch_size=batch_size))

    nlp.set_error_handler(handler)
    try:
        if not timeout:
            pairs = nlp.pipe(_pieces(enumerate(articles), size), as_tuples=True, batch_size=batch_size)
            yield from adapt(pairs)
            return
        it = enumerate(articles)
        while batch := list(islice(it, batch_size)):
            try:
                done = run(batch, timeout * len(batch))
            except ArticleTimeout:
                done = []
                for index, article in batch:
                    if index in failed:
                        continue  # a component failed on it before the batch ran out of time: reported
                    try:
                        done += run([(index, article)], timeout)
                    except ArticleTimeout as exc:
                        report(Problem(_where(article), f"took longer than {timeout:g} s: skipped"), exc)
            yield from adapt(done)
    finally:
        nlp.set_error_handler(raise_error)
