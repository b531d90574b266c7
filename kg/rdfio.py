"""Reading the graph files the tool writes (or any RDF file): one reader for every command.

The format comes from the suffix (:func:`kg.formats.format_from_suffix`); a build folder stands for its
``graph.trig`` (else ``graph.ttl``). A file that cannot be read raises :class:`GraphReadError`, which names the
file and, where the parser says, the line.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from rdflib import Dataset, Graph

from kg.errors import KgError
from kg.formats import QUAD_FORMATS, format_from_suffix

_RDFLIB_OWN_DEPRECATIONS = r"(Dataset\.\w+|ConjunctiveGraph) is deprecated"


class GraphReadError(KgError, ValueError):
    """A graph file that cannot be read: names the file and, where the parser says, the line."""


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
    fmt = format_from_suffix(source)
    graph: Graph = Dataset() if fmt in QUAD_FORMATS else Graph()
    try:
        with source.open("rb") as handle, quiet_rdflib_deprecations():
            graph.parse(handle, format=fmt, publicID=source.resolve().as_uri())
    except Exception as exc:  # parsers raise many unrelated types; all mean "cannot read this file"
        raise GraphReadError(f"{source}: cannot parse as {fmt}: {_parse_problem(exc, source)}") from exc
    return graph


@contextmanager
def quiet_rdflib_deprecations() -> Iterator[None]:
    """Silence only the deprecation warnings raised by rdflib 7's own TriG / N-Quads / JSON-LD code."""
    # rdflib's quad parsers and serialisers still call the Dataset API it deprecates (default_context,
    # contexts, ConjunctiveGraph); with filterwarnings=error they would fail every read of a .trig file
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", _RDFLIB_OWN_DEPRECATIONS, DeprecationWarning, r"rdflib\.")
        yield


def _parse_problem(exc: Exception, path: Path) -> str:
    """What a parser said, on one line, with the line number where it can be found."""
    why = getattr(exc, "_why", None) or getattr(exc, "msg", None) or str(exc) or type(exc).__name__
    line: int | None = None
    if isinstance(getattr(exc, "lines", None), int):  # rdflib's Turtle / TriG BadSyntax: 0-based
        line = exc.lines + 1  # type: ignore[attr-defined]
    elif isinstance(getattr(exc, "lineno", None), int):  # json.JSONDecodeError
        line = exc.lineno  # type: ignore[attr-defined]
    elif hasattr(exc, "getLineNumber"):  # xml.sax.SAXParseException
        line, why = exc.getLineNumber(), exc.getMessage()
    else:  # the N-Triples / N-Quads parser quotes the bad line but does not count lines
        line = _line_of(path, str(exc).rpartition("\n")[2].strip("'"))
    why = " ".join(str(why).split())
    return f"line {line}: {why}" if line is not None else why


def _line_of(path: Path, text: str) -> int | None:
    """The 1-based number of the first line of a file that reads ``text`` (stripped), if any."""
    if not text.strip():
        return None
    with path.open(encoding="utf-8", errors="replace") as lines:
        return next((n for n, line in enumerate(lines, 1) if line.strip() == text.strip()), None)
