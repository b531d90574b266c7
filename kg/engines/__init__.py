"""Where the per-article extraction runs: in this process, in worker processes on this machine (``--jobs N``), or
on a Dask cluster (``--engine dask``). Every engine yields the records in input order, so the outputs are the
same bytes whichever runs them; what comes after extraction (resolution, graph, writing) happens once, here."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sized
from typing import Any

from kg.engines.errors import EngineError
from kg.engines.threads import default_jobs
from kg.records import Article, ArticleRecord
from kg.sources import Problem

__all__ = ["ENGINES", "EngineError", "auto_jobs", "default_jobs", "extract"]

#: The engines ``kg build --engine`` accepts.
ENGINES = ("local", "dask")

#: Below this many articles per worker, starting worker processes (each loads the models, a few seconds) costs
#: more than it saves, so ``--jobs`` left to its default extracts in this process.
MIN_ARTICLES_PER_WORKER = 25


def auto_jobs(articles: int | None, cores: int | None = None) -> int:
    """Worker processes for a corpus of this many articles (None: a stream of unknown length, taken to be big):
    one per core, but never fewer than :data:`MIN_ARTICLES_PER_WORKER` articles apiece; 1 means this process.

    >>> auto_jobs(5, cores=2), auto_jobs(2 * MIN_ARTICLES_PER_WORKER - 1, cores=2), auto_jobs(10_000, cores=2)
    (1, 1, 2)
    >>> auto_jobs(None, cores=8), auto_jobs(10_000, cores=1)
    (8, 1)
    """
    cores = cores or default_jobs()
    if articles is None:
        return cores
    return max(1, min(cores, articles // MIN_ARTICLES_PER_WORKER))


def extract(
    articles: Iterable[Article],
    on_error: Callable[[Problem], None],
    on_warning: Callable[[Problem], None] | None = None,
    *,
    nlp: Any = None,
    model: str | None = None,
    jobs: int | None = 1,
    engine: str = "local",
    scheduler: str | None = None,
    timeout: float | None = None,
) -> Iterator[ArticleRecord]:
    """The records of the articles, in input order, extracted by the chosen engine; an article that fails is
    passed to ``on_error`` and left out. ``jobs=None`` is one worker per core when the corpus is big enough to
    pay for their start. A given ``nlp`` runs here, in this process."""
    if engine not in ENGINES:
        raise EngineError(f"unknown engine {engine!r}: expected one of {', '.join(ENGINES)}")
    if engine == "dask":
        if nlp is not None:
            raise EngineError(
                "the dask engine loads the pipeline on its workers: give a model name, not a pipeline"
            )
        from kg.engines.on_dask import extract_on_dask

        return extract_on_dask(articles, model, scheduler, jobs, on_error, on_warning, timeout)
    if scheduler is not None:
        raise EngineError("--scheduler needs --engine dask")
    if jobs is None:
        jobs = auto_jobs(len(articles) if isinstance(articles, Sized) else None) if nlp is None else 1
    if jobs > 1 and nlp is None:
        from kg.workers import extract_in_processes

        return extract_in_processes(articles, model, jobs, on_error, timeout, on_warning)
    return _in_this_process(articles, nlp, model, on_error, on_warning, timeout)


def _in_this_process(
    articles: Iterable[Article],
    nlp: Any,
    model: str | None,
    on_error: Callable[[Problem], None],
    on_warning: Callable[[Problem], None] | None,
    timeout: float | None,
) -> Iterator[ArticleRecord]:
    from kg.engines.threads import limited_blas
    from kg.extract import extract_records
    from kg.pipeline.nlp import build_nlp

    if nlp is None:
        nlp = build_nlp(model)
    with limited_blas():
        yield from extract_records(articles, nlp, on_error=on_error, timeout=timeout, on_warning=on_warning)
