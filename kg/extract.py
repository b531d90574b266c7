"""The extraction stream and the one adapter from spaCy to our records: articles go through the pipeline
(``nlp.pipe``), each processed Doc becomes an :class:`ArticleRecord`, and its partial dates are anchored to the
article's date. Nothing downstream of this module sees a spaCy object."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import raise_error

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
    )


def extract_records(
    articles: Iterable[Article],
    nlp: Language,
    batch_size: int = 16,
    on_error: Callable[[Problem], None] | None = None,
) -> Iterator[ArticleRecord]:
    """Stream articles through the pipeline; an article a component fails on is reported and skipped."""

    def handler(name: str, component: Any, docs: list[Any], exc: Exception) -> None:
        for doc in docs:
            article = getattr(doc, "_context", None)
            where = (article.path or article.id) if isinstance(article, Article) else "?"
            problem = Problem(where, f"pipeline component {name!r} failed: {type(exc).__name__}: {exc}")
            if on_error is None:
                raise exc
            on_error(problem)

    nlp.set_error_handler(handler)
    try:
        pairs = ((a.text, a) for a in articles)
        for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
            yield anchor(to_record(doc, article))
    finally:
        nlp.set_error_handler(raise_error)
