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

__all__ = ["ENGINES", "EngineError", "default_jobs", "extract"]

#: The engines ``kg build --engine`` accepts.
ENGINES = ("local", "dask")

#: Below this many articles per worker, starting worker processes (each loads the models, a few seconds) costs
#: more than it saves, so ``--jobs`` left to its default extracts in this process.
MIN_ARTICLES_PER_WORKER = 25


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
        # a stream of unknown length is taken to be big
        enough = len(articles) // MIN_ARTICLES_PER_WORKER if isinstance(articles, Sized) else default_jobs()
        jobs = max(1, min(default_jobs(), enough)) if nlp is None else 1
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
