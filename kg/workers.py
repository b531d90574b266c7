"""Extraction in worker processes (``kg build --jobs N``), and the work every engine's worker does: each worker
process loads the pipeline once, turns batches of articles into records, and the batches come back in input order
(a bounded number in flight), so the build is the same as with one process and its memory does not grow with the
corpus."""

from __future__ import annotations

import multiprocessing
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Any

from kg.engines.threads import THREAD_VARS, blas_threads, child_env, limited_blas
from kg.records import Article, ArticleRecord
from kg.sources import Problem

#: Articles sent to a worker at a time: enough that a batch's transfer costs nothing beside its extraction, few
#: enough that the workers finish together at the end of the corpus.
BATCH_SIZE = 8

#: Batches in flight per worker: a worker always has the next one waiting while the slowest batch is collected.
AHEAD = 4

# the pipelines of this (worker) process by model, loaded on first use; the lock lets one thread at a time use
# them (a Dask worker may run tasks in several threads; a spaCy pipeline and its error handler are not shared)
_pipelines: dict[str | None, Any] = {}
_lock = threading.Lock()


@dataclass(frozen=True)
class BatchResult:
    """What a worker made of a batch: a record or the reason it was skipped, for each article in order; and the
    warnings about the articles it built."""

    results: tuple[ArticleRecord | Problem, ...]
    warnings: tuple[Problem, ...]


def pipeline(model: str | None) -> Any:
    """The pipeline of this process for ``model``, loaded on the first call."""
    if model not in _pipelines:
        from kg.pipeline.nlp import build_nlp

        _pipelines[model] = build_nlp(model)
    return _pipelines[model]


def extract_batch(batch: list[Article], model: str | None, timeout: float | None = None) -> BatchResult:
    """Records of a batch of articles by this process's pipeline. The time budget needs the main thread (it is
    a signal): in another thread (a Dask worker's) articles run without one."""
    from kg.extract import extract_records

    if threading.current_thread() is not threading.main_thread():
        timeout = None
    problems: list[Problem] = []
    warnings: list[Problem] = []
    with _lock, limited_blas():
        built = list(
            extract_records(
                batch, pipeline(model), on_error=problems.append, timeout=timeout, on_warning=warnings.append
            )
        )
    # a record carries the very Article object it was made from
    records = {id(rec.article): rec for rec in built}
    failed = {p.where: p for p in problems}
    results: list[ArticleRecord | Problem] = []
    for article in batch:
        where = article.path or article.id
        results.append(records.get(id(article)) or failed.get(where) or Problem(where, "not extracted"))
    return BatchResult(tuple(results), tuple(warnings))


def batches(articles: Iterable[Article], size: int = BATCH_SIZE) -> Iterator[list[Article]]:
    """The articles in lists of ``size``."""
    it = iter(articles)
    while batch := list(islice(it, size)):
        yield batch


def in_order(
    work: Iterable[list[Article]], submit: Callable[[list[Article]], Callable[[], BatchResult]], ahead: int
) -> Iterator[BatchResult]:
    """Each batch's result in input order; ``submit`` starts a batch and returns the call that waits for it, and at
    most ``ahead`` batches are in flight."""
    pending: deque[Callable[[], BatchResult]] = deque()
    for batch in work:
        pending.append(submit(batch))
        if len(pending) >= ahead:
            yield pending.popleft()()
    while pending:
        yield pending.popleft()()


def delivered(
    results: Iterable[BatchResult],
    on_error: Callable[[Problem], None],
    on_warning: Callable[[Problem], None] | None = None,
) -> Iterator[ArticleRecord]:
    """The records of the batches' results; each skipped article passed to ``on_error``, each warning to
    ``on_warning``."""
    for result in results:
        for note in result.warnings:
            if on_warning is not None:
                on_warning(note)
        for item in result.results:
            if isinstance(item, Problem):
                on_error(item)
            else:
                yield item


# -- worker processes on this machine ------------------------------------------------------------------------


def extract_in_processes(
    articles: Iterable[Article],
    model: str | None,
    jobs: int,
    on_error: Callable[[Problem], None],
    timeout: float | None = None,
    on_warning: Callable[[Problem], None] | None = None,
    batch_size: int = BATCH_SIZE,
) -> Iterator[ArticleRecord]:
    """Records of the articles, extracted by ``jobs`` worker processes, in input order; an article the pipeline
    fails on is passed to ``on_error`` and left out."""
    # fresh interpreters that read the thread variables when they load numpy: one BLAS thread each. Each loads
    # the pipeline with its first batch (all start at once), so that a model that cannot load raises its error here
    context = multiprocessing.get_context("spawn")
    with child_env(**dict.fromkeys(THREAD_VARS, str(blas_threads()))):
        pool = context.Pool(jobs)
    with pool:

        def submit(batch: list[Article]) -> Callable[[], BatchResult]:
            return pool.apply_async(extract_batch, (batch, model, timeout)).get

        yield from delivered(
            in_order(batches(articles, batch_size), submit, AHEAD * jobs), on_error, on_warning
        )
