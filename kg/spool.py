"""Sorting more lines than fit in memory: lines are gathered in sorted runs on disk and merged (an external
merge sort), each distinct line once. Standard library only.

The outputs of ``kg build`` are sorted (so the same corpus always gives the same bytes) but written one article
at a time; a :class:`SortedSpool` keeps at most ``run_lines`` lines in memory whatever the corpus size.
"""

from __future__ import annotations

import heapq
import os
import pickle
import tempfile
import weakref
from collections.abc import Iterable, Iterator
from pathlib import Path

#: Lines held in memory before a sorted run goes to disk: about 40 MB of N-Quads.
RUN_LINES = 200_000


class SortedSpool:
    """Lines (each ending in a newline, none inside) added in any order, read back sorted by code point, each
    distinct line once. Runs live in ``folder`` and are removed by :meth:`close`."""

    def __init__(self, folder: Path, run_lines: int = RUN_LINES) -> None:
        self.folder = Path(folder)
        self.run_lines = run_lines
        self.buffer: list[str] = []
        self.runs: list[Path] = []

    def add(self, line: str) -> None:
        self.buffer.append(line)
        if len(self.buffer) >= self.run_lines:
            self._flush()

    def extend(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.add(line)

    def _flush(self) -> None:
        if not self.buffer:
            return
        fd, name = tempfile.mkstemp(prefix=".run-", suffix=".txt", dir=self.folder)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as run:
            run.writelines(sorted(set(self.buffer)))
        self.runs.append(Path(name))
        self.buffer = []

    def __iter__(self) -> Iterator[str]:
        """The lines, sorted, without repeats (code-point order, which is also UTF-8 byte order)."""
        if not self.runs:
            yield from sorted(set(self.buffer))
            return
        self._flush()
        handles = [path.open(encoding="utf-8", newline="") for path in self.runs]
        try:
            last = None
            for line in heapq.merge(*handles):
                if line != last:
                    yield line
                    last = line
        finally:
            for handle in handles:
                handle.close()

    def close(self) -> None:
        for path in self.runs:
            path.unlink(missing_ok=True)
        self.runs, self.buffer = [], []

    def __enter__(self) -> SortedSpool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class RecordSpool:
    """Objects (article records) pickled one after another into a temporary file, read back in order as often as
    needed: a corpus of any size held on disk, not in memory. The file goes with the spool."""

    def __init__(self, items: Iterable[object] = (), folder: Path | None = None) -> None:
        fd, name = tempfile.mkstemp(prefix=".kg-records-", suffix=".tmp", dir=folder)
        self.path = Path(name)
        self.file = os.fdopen(fd, "wb")
        self.count = 0
        weakref.finalize(self, _remove, self.file, self.path)
        for item in items:
            self.append(item)

    def append(self, item: object) -> None:
        pickle.dump(item, self.file, protocol=pickle.HIGHEST_PROTOCOL)
        self.count += 1

    def __len__(self) -> int:
        return self.count

    def __iter__(self) -> Iterator[object]:
        self.file.flush()
        with self.path.open("rb") as handle:
            for _ in range(self.count):
                yield pickle.load(handle)  # noqa: S301 - our own file, written above


def _remove(handle: object, path: Path) -> None:
    handle.close()  # type: ignore[attr-defined]
    path.unlink(missing_ok=True)
