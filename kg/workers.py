"""Extraction in worker processes (``kg build --jobs N``): each worker loads the pipeline once and turns batches
of articles into records; the records come back in input order, so the build is the same as with one process."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any

from kg.records import Article, ArticleRecord
from kg.sources import Problem

_THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")

# the pipeline of this worker process, loaded once by the pool's initializer (never set in the parent)
_nlp: Any = None


_timeout: float | None = None


def _load(model: str | None, timeout: float | None = None, max_length: int = 0) -> None:
    global _nlp, _timeout
    from kg.pipeline.nlp import build_nlp

    _nlp = build_nlp(model)
    _nlp.max_length = max(_nlp.max_length, max_length)
    _timeout = timeout


def _extract(batch: list[Article]) -> tuple[list[ArticleRecord | Problem], list[Problem]]:
    from kg.extract import extract_records

    problems: list[Problem] = []
    warnings: list[Problem] = []
    records = {
        r.article.id: r
        for r in extract_records(
            batch, _nlp, on_error=problems.append, timeout=_timeout, on_warning=warnings.append
        )
    }
    failed = {p.where: p for p in problems}
    results = [
        records.get(a.id) or failed.get(a.path or a.id) or Problem(a.path or a.id, "not extracted")
        for a in batch
    ]
    return results, warnings


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(articles)
    while batch := list(islice(it, size)):
        yield batch


def extract_in_processes(
    articles: Iterable[Article],
    model: str | None,
    jobs: int,
    on_error: Callable[[Problem], None],
    batch_size: int = 8,
    timeout: float | None = None,
    on_warning: Callable[[Problem], None] | None = None,
    max_length: int = 0,
) -> Iterator[ArticleRecord]:
    """Records of the articles, extracted by ``jobs`` worker processes, in input order; an article the pipeline
    fails on is passed to ``on_error`` and left out."""
    # fresh interpreters, each with one BLAS thread: the models' matrix products would otherwise each take every
    # core, and N workers would fight over them
    context = multiprocessing.get_context("spawn")
    saved = {name: os.environ.get(name) for name in _THREAD_VARS}
    os.environ.update(dict.fromkeys(_THREAD_VARS, "1"))
    try:
        pool = context.Pool(jobs, initializer=_load, initargs=(model, timeout, max_length))
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    with pool:
        for results, warnings in pool.imap(_extract, _batches(articles, batch_size)):
            for note in warnings:
                if on_warning is not None:
                    on_warning(note)
            for item in results:
                if isinstance(item, Problem):
                    on_error(item)
                else:
                    yield item
