"""Cores and threads. One BLAS thread per process: the Slovnet models multiply small matrices, for which
OpenBLAS's extra threads only spin and fight over the cores (on 2 cores the extraction took 3.5× as long with two
threads as with one, BENCHMARKS.md), and N worker processes each taking every core would fight over them too."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

#: The variables OpenBLAS, OpenMP and MKL read when they load (so they must be set before numpy is imported).
THREAD_VARS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def one_blas_thread_env(environ: os._Environ | dict[str, str] = os.environ) -> None:
    """Ask for one BLAS thread in this process and its children, unless the user set a number (before numpy loads).

    >>> env = {"OMP_NUM_THREADS": "4"}
    >>> one_blas_thread_env(env)
    >>> sorted(env.items())
    [('MKL_NUM_THREADS', '1'), ('OMP_NUM_THREADS', '4'), ('OPENBLAS_NUM_THREADS', '1')]
    """
    for name in THREAD_VARS:
        environ.setdefault(name, "1")


def blas_threads(environ: os._Environ | dict[str, str] = os.environ) -> int:
    """The BLAS threads a process of the build runs: the user's ``OPENBLAS_NUM_THREADS`` when set, else one.

    >>> blas_threads({}), blas_threads({"OPENBLAS_NUM_THREADS": "2"}), blas_threads({"OPENBLAS_NUM_THREADS": "x"})
    (1, 2, 1)
    """
    value = environ.get("OPENBLAS_NUM_THREADS", "")
    return int(value) if value.isdigit() and int(value) > 0 else 1


@contextmanager
def limited_blas() -> Iterator[None]:
    """Run the block with :func:`blas_threads` BLAS threads, also when numpy was loaded before with more (by a
    library caller, or a notebook)."""
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=blas_threads(), user_api="blas"):
        yield


def default_jobs() -> int:
    """Worker processes of a build whose ``--jobs`` is not given: one per core this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


@contextmanager
def child_env(**values: str) -> Iterator[None]:
    """Set environment variables for the processes started in the block, then restore them."""
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
