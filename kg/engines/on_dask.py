"""``kg build --engine dask``: the per-article extraction on a Dask cluster (``dask.distributed``).

Batches of articles go to the workers as tasks; each worker process loads the pipeline once (a module global of
:mod:`kg.workers`, kept between tasks) and sends back plain records. The client takes the results in input order,
a bounded number of batches in flight, and everything after extraction (resolution, graph, writing) happens once,
in the client. Without a scheduler address, a ``LocalCluster`` of this machine runs the workers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from kg.engines.errors import EngineError
from kg.engines.threads import default_jobs
from kg.errors import MissingDependencyError
from kg.records import Article, ArticleRecord
from kg.sources import Problem
from kg.workers import AHEAD, BATCH_SIZE, BatchResult, batches, delivered, extract_batch, in_order

#: Seconds to reach the scheduler, and to wait for a first worker to join it.
CONNECT_TIMEOUT = 30


def _distributed() -> Any:
    try:
        import distributed
    except ImportError as exc:
        raise MissingDependencyError(
            'the dask engine needs dask.distributed: pip install "partnership-kg[dask]"'
        ) from exc
    return distributed


def worker_version() -> str:
    """The version of kg a worker runs (run on each worker before any article is sent)."""
    from kg import __version__

    return __version__


@contextmanager
def _client(scheduler: str | None, jobs: int | None) -> Iterator[Any]:
    """A client of the scheduler at ``scheduler``, or of a new LocalCluster of ``jobs`` single-threaded worker
    processes (one per core when None); closed (with its cluster) on the way out."""
    distributed = _distributed()
    cluster = None
    try:
        if scheduler is None:
            cluster = distributed.LocalCluster(
                n_workers=jobs or default_jobs(), threads_per_worker=1, processes=True, dashboard_address=None
            )
            client = distributed.Client(cluster)
        else:
            client = distributed.Client(scheduler, timeout=CONNECT_TIMEOUT)
    except OSError as exc:
        if cluster is not None:
            cluster.close()
        raise EngineError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def check_workers(client: Any) -> int:
    """The worker threads of the cluster, once at least one worker has joined and every worker runs this version
    of kg; otherwise an :class:`EngineError` that says what to install."""
    from kg import __version__

    try:
        client.wait_for_workers(1, timeout=CONNECT_TIMEOUT)
    except TimeoutError as exc:
        raise EngineError(f"no Dask worker joined the scheduler in {CONNECT_TIMEOUT} s") from exc
    try:
        versions = client.run(worker_version)
    except Exception as exc:  # noqa: BLE001 — whatever a worker raises, the cure is the same
        raise EngineError(
            f"the Dask workers cannot run kg ({type(exc).__name__}: {exc}); "
            f"install partnership-kg {__version__} on every worker"
        ) from exc
    other = {addr: v for addr, v in versions.items() if v != __version__}
    if other:
        named = ", ".join(f"{addr} has {v}" for addr, v in sorted(other.items()))
        raise EngineError(f"the Dask workers must run partnership-kg {__version__}: {named}")
    return sum(client.nthreads().values())


def extract_on_dask(
    articles: Iterable[Article],
    model: str | None,
    scheduler: str | None,
    jobs: int | None,
    on_error: Callable[[Problem], None],
    on_warning: Callable[[Problem], None] | None = None,
    timeout: float | None = None,
    batch_size: int = BATCH_SIZE,
) -> Iterator[ArticleRecord]:
    """Records of the articles, extracted on the Dask cluster at ``scheduler`` (or a LocalCluster), in input
    order. Tasks run in the workers' threads, where the per-article time budget (a signal) cannot ring."""
    with _client(scheduler, jobs) as client:
        threads = check_workers(client)

        def submit(batch: list[Article]) -> Callable[[], BatchResult]:
            return client.submit(extract_batch, batch, model, timeout, pure=False).result

        yield from delivered(
            in_order(batches(articles, batch_size), submit, AHEAD * threads), on_error, on_warning
        )
