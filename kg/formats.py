"""RDF file formats by suffix: the one table every reader and writer uses (pure, standard library only)."""

from __future__ import annotations

from pathlib import Path

from kg.errors import KgError

#: RDF formats by file suffix, named as rdflib names them (kg.store maps them to Oxigraph's).
SUFFIXES: dict[str, str] = {
    ".ttl": "turtle",
    ".trig": "trig",
    ".nq": "nquads",
    ".nt": "nt",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".rdf": "xml",
    ".xml": "xml",
    ".owl": "xml",
    ".n3": "n3",
}

#: Formats whose files may hold named graphs.
QUAD_FORMATS = frozenset({"trig", "nquads", "json-ld"})


class UnknownFormatError(KgError, ValueError):
    """A file whose suffix names no RDF format we read or write."""


def format_from_suffix(path: str | Path) -> str:
    """The RDF format of a file, from its suffix; an unknown suffix is named in the error.

    >>> format_from_suffix("out/graph.TriG")
    'trig'
    >>> format_from_suffix("graph.csv")
    Traceback (most recent call last):
    ...
    kg.formats.UnknownFormatError: graph.csv: unknown RDF file suffix '.csv' (known: .json, .jsonld, .n3, .nq, .nt, .owl, .rdf, .trig, .ttl, .xml)
    """
    path = Path(path)
    fmt = SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        known = ", ".join(sorted(SUFFIXES))
        raise UnknownFormatError(
            f"{path}: unknown RDF file suffix {path.suffix or '(none)'!r} (known: {known})"
        )
    return fmt
