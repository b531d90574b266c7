"""The one reader of the package's tab-separated data files (``kg/data/*.tsv``).

Lines starting with ``#`` are comments and blank lines are skipped; a file whose first non-comment line names its
columns is read with :func:`records`, a headerless one with :func:`rows`.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from kg.errors import KgError


class DataFileError(KgError, ValueError):
    """A data file that is missing or malformed, named with its line."""


@cache
def _lines(name: str) -> tuple[tuple[int, str], ...]:
    try:
        text = resources.files("kg").joinpath("data", name).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise DataFileError(f"kg/data/{name}: no such data file") from exc
    return tuple(
        (n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip() and not line.startswith("#")
    )


def rows(name: str) -> list[list[str]]:
    """The cells of every row of a headerless data file."""
    return [line.split("\t") for _, line in _lines(name)]


def records(name: str) -> list[dict[str, str]]:
    """The rows of a data file with a header line, as dicts keyed by the header's column names; a missing
    trailing cell reads as ``""``."""
    lines = _lines(name)
    if not lines:
        return []
    header = lines[0][1].split("\t")
    out = []
    for n, line in lines[1:]:
        cells = line.split("\t")
        if len(cells) > len(header):
            raise DataFileError(f"kg/data/{name}:{n}: {len(cells)} cells, the header names {len(header)}")
        out.append(dict(zip(header, cells + [""] * (len(header) - len(cells)), strict=True)))
    return out
