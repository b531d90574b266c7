"""Read a graph the tool wrote (.ttl, .trig, .nq, .nt, .jsonld, or a build folder) for drawing."""

from __future__ import annotations

import warnings
from pathlib import Path

from rdflib import Dataset, Graph

#: File suffix -> rdflib parser name.
FORMATS = {
    ".ttl": "turtle",
    ".trig": "trig",
    ".nq": "nquads",
    ".nt": "nt",
    ".jsonld": "json-ld",
    ".json": "json-ld",
}
_WITH_GRAPHS = {"trig", "nquads", "json-ld"}


class GraphReadError(ValueError):
    """A graph file that cannot be read: missing, of an unknown kind, or not parseable."""


def graph_format(path: Path) -> str:
    """The rdflib format name for a file, from its suffix.

    >>> graph_format(Path("out/graph.trig"))
    'trig'
    >>> graph_format(Path("graph.csv"))
    Traceback (most recent call last):
    ...
    kg.viz.load.GraphReadError: graph.csv: unknown graph format '.csv' (expected one of .json, .jsonld, .nq, .nt, .trig, .ttl)
    """
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        known = ", ".join(sorted(FORMATS))
        raise GraphReadError(f"{path}: unknown graph format '{path.suffix}' (expected one of {known})")
    return fmt


def resolve_graph_path(path: Path) -> Path:
    """The file to read: the path itself, or a build folder's graph.trig (else graph.ttl)."""
    if path.is_dir():
        for name in ("graph.trig", "graph.ttl"):
            if (path / name).is_file():
                return path / name
        raise GraphReadError(f"{path}: a folder without graph.trig or graph.ttl (expected a build folder)")
    if not path.exists():
        raise GraphReadError(f"{path}: no such file")
    return path


def read_graph(path: Path | str) -> Graph:
    """Parse a graph file (format from its suffix) or a build folder; a Dataset when the format has named graphs."""
    source = resolve_graph_path(Path(path))
    fmt = graph_format(source)
    graph: Graph = Dataset() if fmt in _WITH_GRAPHS else Graph()
    try:
        with warnings.catch_warnings():
            # rdflib 7.6's own Dataset parsing path calls its deprecated ConjunctiveGraph API
            warnings.simplefilter("ignore", DeprecationWarning)
            graph.parse(source, format=fmt)
    except Exception as exc:  # the parsers raise many unrelated types; all mean "not a valid file"
        message = " ".join(str(exc).split())[:300]
        raise GraphReadError(f"{source}: cannot parse as {fmt}: {message}") from exc
    return graph
