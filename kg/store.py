"""The embedded triple store: a build's RDF in a pyoxigraph ``Store``, and SPARQL over it.

The only module that imports pyoxigraph. A query target is a build folder (its ``graph.nq`` is loaded, so each
article keeps its named graph), a persistent store directory (``kg build --store DIR``), or one RDF file whose
suffix names its format. Queries see the union of all graphs as their default graph, and know the project's
prefixes (``dip:``, ``kgr:``, ``skos:`` …) without declaring them; a query's own ``PREFIX`` lines win.

Oxigraph's union default graph is a multiset, not an RDF merge: a triple asserted in two articles' graphs
matches twice. Queries that count should use ``DISTINCT`` (the ones in ``queries/`` do).
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import os
import re
import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from kg.vocab import KGR_IRI, PREFIXES

try:
    import pyoxigraph as ox
except ImportError as exc:  # pragma: no cover - pyoxigraph is a core dependency
    raise ImportError("kg.store needs pyoxigraph: pip install pyoxigraph") from exc

#: Graph files of a build folder, best first: N-Quads keeps the named graphs and parses fastest.
BUILD_GRAPH_FILES: tuple[str, ...] = ("graph.nq", "graph.trig", "graph.ttl", "graph.jsonld")

#: File suffixes we read, and their formats.
RDF_SUFFIXES: dict[str, ox.RdfFormat] = {
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
    ".n3": ox.RdfFormat.N3,
}

#: Output formats of ``kg query``.
RESULT_FORMATS: tuple[str, ...] = ("table", "csv", "tsv", "json")

_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGER_TYPES = {
    _XSD + t
    for t in (
        "integer",
        "int",
        "long",
        "short",
        "byte",
        "nonNegativeInteger",
        "positiveInteger",
        "negativeInteger",
        "nonPositiveInteger",
        "unsignedInt",
        "unsignedLong",
        "unsignedShort",
        "unsignedByte",
    )
}


class StoreError(ValueError):
    """A query target that cannot be opened: missing, of an unknown format, or not parseable."""


class QuerySyntaxError(ValueError):
    """A SPARQL syntax error, with its line and column in the user's query (1-based)."""

    def __init__(self, message: str, line: int, column: int, source_line: str = "") -> None:
        self.message = message
        self.line = line
        self.column = column
        self.source_line = source_line
        super().__init__(f"SPARQL syntax error at line {line}, column {column}: {message}")

    @property
    def excerpt(self) -> str:
        """The offending line with a caret under the error's column."""
        return f"  {self.source_line}\n  {' ' * max(self.column - 1, 0)}^"


class QueryError(ValueError):
    """A query that parsed but could not be evaluated."""


@dataclass(frozen=True)
class Result:
    """The answer to one query, as plain Python values.

    ``kind`` is ``select`` (``variables`` and ``rows``), ``ask`` (``boolean``) or ``graph`` (CONSTRUCT or
    DESCRIBE: ``turtle`` and ``triple_count``). ``json`` keeps the SPARQL 1.1 Query Results JSON of a
    ``select`` or ``ask``, from which the other formats are written.
    """

    kind: str
    variables: tuple[str, ...] = ()
    rows: tuple[tuple[object, ...], ...] = ()
    boolean: bool | None = None
    turtle: str = ""
    triple_count: int = 0
    json: bytes = field(default=b"", repr=False)

    def column(self, name: str) -> list[object]:
        """The values of one variable, row by row."""
        i = self.variables.index(name)
        return [row[i] for row in self.rows]

    def records(self) -> list[dict[str, object]]:
        """Rows as dicts keyed by variable name (unbound variables are None)."""
        return [dict(zip(self.variables, row, strict=True)) for row in self.rows]


# --- opening ---------------------------------------------------------------------------------------------


def rdf_format(path: Path) -> ox.RdfFormat:
    """The RDF format of a file, from its suffix; a clear error names an unknown one."""
    fmt = RDF_SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        known = ", ".join(RDF_SUFFIXES)
        raise StoreError(
            f"{path}: unknown RDF file suffix {path.suffix or '(none)'!r}; expected one of {known}"
        )
    return fmt


def is_store_dir(path: Path) -> bool:
    """Whether a directory holds an Oxigraph (RocksDB) store."""
    return path.is_dir() and (path / "CURRENT").is_file() and any(path.glob("OPTIONS-*"))


def build_graph_file(folder: Path) -> Path:
    """The graph file to load from a build folder (``graph.nq`` first)."""
    for name in BUILD_GRAPH_FILES:
        if (folder / name).is_file():
            return folder / name
    raise StoreError(
        f"{folder}: neither a build folder (no {', '.join(BUILD_GRAPH_FILES)}) nor an Oxigraph store directory"
    )


def graph_source(target: Path) -> Path:
    """The RDF file behind a query target that is a build folder or a file (not a store directory)."""
    if not target.exists():
        raise StoreError(f"{target}: no such file or folder")
    if target.is_dir():
        return build_graph_file(target)
    rdf_format(target)
    return target


def _load(store: ox.Store, path: Path, *, bulk: bool) -> None:
    fmt = rdf_format(path)
    try:
        if bulk:
            store.bulk_load(path=str(path), format=fmt)
        else:
            store.load(path=str(path), format=fmt)
    except SyntaxError as exc:
        raise StoreError(f"{path}: not valid {fmt.name}: {exc}") from None


def load_file(path: Path) -> ox.Store:
    """An in-memory store holding one RDF file."""
    store = ox.Store()
    _load(store, path, bulk=False)
    return store


def open_store_dir(path: Path, *, read_only: bool = True) -> ox.Store:
    """Open a persistent store directory (read-only by default, so other processes may read it too)."""
    if not is_store_dir(path):
        raise StoreError(f"{path}: not an Oxigraph store directory")
    try:
        return ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
    except OSError as exc:
        raise StoreError(f"{path}: cannot open the store: {exc}") from None


def open_target(target: Path) -> ox.Store:
    """A store for a query target: a store directory, a build folder or one RDF file."""
    target = Path(target)
    if is_store_dir(target):
        return open_store_dir(target)
    return load_file(graph_source(target))


def load_into_dir(graph_files: Iterable[Path], store_dir: Path) -> int:
    """Bulk-load RDF files into a persistent store directory (created if missing); return its quad count."""
    store = ox.Store(str(store_dir))
    try:
        for path in graph_files:
            _load(store, Path(path), bulk=True)
        store.flush()
        store.optimize()
        return len(store)
    finally:
        # RocksDB releases its lock only when the Store is dropped.
        del store
        gc.collect()


def write_store(nquads_path: Path, store_dir: Path) -> int:
    """Load a build's N-Quads into ``store_dir`` atomically (a sibling temp dir, then a swap); return quads.

    An existing ``store_dir`` is replaced only if it is an Oxigraph store (or empty), never another folder.
    """
    store_dir = Path(store_dir)
    if (
        store_dir.exists()
        and not is_store_dir(store_dir)
        and (store_dir.is_file() or any(store_dir.iterdir()))
    ):
        raise StoreError(f"{store_dir}: exists and is not an Oxigraph store; refusing to replace it")
    store_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = store_dir.with_name(f".{store_dir.name}.tmp-{os.getpid()}")
    old = store_dir.with_name(f".{store_dir.name}.old-{os.getpid()}")
    shutil.rmtree(tmp, ignore_errors=True)
    try:
        count = load_into_dir([Path(nquads_path)], tmp)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    # Two renames: readers see either the old store or the new one, never a half-loaded one.
    if store_dir.exists():
        shutil.rmtree(old, ignore_errors=True)
        store_dir.rename(old)
    tmp.rename(store_dir)
    shutil.rmtree(old, ignore_errors=True)
    return count


# --- querying --------------------------------------------------------------------------------------------


def prefixes(base: str = KGR_IRI) -> dict[str, str]:
    """The project's prefixes, with ``kgr:`` bound to the build's base IRI."""
    return {p: (base if p == "kgr" else iri) for p, iri in PREFIXES.items()}


def query(
    store: ox.Store, sparql: str, *, base: str = KGR_IRI, union: bool = True, known_prefixes: bool = True
) -> Result:
    """Run a SPARQL query; the project's prefixes are known, the union of graphs is the default graph.

    ``known_prefixes=False`` makes the query declare its own prefixes, as another store would need.
    """
    try:
        # Default prefixes go in through the parser, not as prepended text, so error positions stay the
        # user's own; a PREFIX the query declares overrides ours.
        answer = store.query(
            sparql, prefixes=prefixes(base) if known_prefixes else None, use_default_graph_as_union=union
        )
    except SyntaxError as exc:
        raise _syntax_error(str(exc), sparql, prefixes(base) if known_prefixes else {}) from None
    except (OSError, RuntimeError) as exc:
        raise QueryError(f"the query failed: {exc}") from None
    try:
        return _result(answer, base)
    except (OSError, RuntimeError) as exc:
        raise QueryError(f"the query failed: {exc}") from None


def _result(answer: object, base: str) -> Result:
    if isinstance(answer, ox.QueryBoolean):
        return Result(
            kind="ask", boolean=bool(answer), json=answer.serialize(format=ox.QueryResultsFormat.JSON)
        )
    if isinstance(answer, ox.QueryTriples):
        triples = list(answer)
        return Result(kind="graph", turtle=_turtle(triples, base), triple_count=len(triples))
    data = answer.serialize(format=ox.QueryResultsFormat.JSON)
    parsed = json.loads(data)
    variables = tuple(parsed["head"]["vars"])
    rows = tuple(
        tuple(plain_value(binding.get(v)) for v in variables) for binding in parsed["results"]["bindings"]
    )
    return Result(kind="select", variables=variables, rows=rows, json=data)


def _turtle(triples: list[ox.Triple], base: str) -> str:
    """Turtle of some triples, its ``@prefix`` lines sorted (pyoxigraph writes them in hash order)."""
    # kgr: names contain '/', which Turtle would escape as '\/'; full IRIs read better.
    known = {p: iri for p, iri in prefixes(base).items() if p != "kgr"}
    text = (
        ox.serialize(sorted(triples, key=str), format=ox.RdfFormat.TURTLE, prefixes=known) or b""
    ).decode()
    lines = text.splitlines(keepends=True)
    head = sorted(line for line in lines if line.startswith("@prefix"))
    return "".join(head + [line for line in lines if not line.startswith("@prefix")])


def plain_value(term: dict | None) -> object:
    """A SPARQL JSON term as a plain Python value: IRI → str, typed literal → int/Decimal/float/bool/date.

    >>> plain_value({"type": "uri", "value": "http://x/a"})
    'http://x/a'
    >>> plain_value({"type": "literal", "value": "7", "datatype": "http://www.w3.org/2001/XMLSchema#integer"})
    7
    >>> plain_value({"type": "literal", "value": "2020-09-12", "datatype": "http://www.w3.org/2001/XMLSchema#date"})
    datetime.date(2020, 9, 12)
    >>> plain_value({"type": "literal", "value": "Ван И", "xml:lang": "ru"})
    'Ван И'
    >>> plain_value(None) is None
    True
    """
    if term is None:
        return None
    kind, value = term["type"], term.get("value")
    if kind == "bnode":
        return f"_:{value}"
    if kind == "triple":
        return json.dumps(term["value"], ensure_ascii=False, sort_keys=True)
    if kind != "literal" and kind != "typed-literal":
        return value
    datatype = term.get("datatype", "")
    try:
        if datatype in _INTEGER_TYPES:
            return int(value)
        if datatype == _XSD + "decimal":
            return Decimal(value)
        if datatype in (_XSD + "double", _XSD + "float"):
            return float(value)
        if datatype == _XSD + "boolean":
            return value in ("true", "1")
        if datatype == _XSD + "date":
            return dt.date.fromisoformat(value)
        if datatype == _XSD + "dateTime":
            return dt.datetime.fromisoformat(value)
    except (ValueError, InvalidOperation):
        pass  # an ill-typed literal stays its lexical form
    return value


_POSITION = re.compile(r"^error at (\d+):(\d+):\s*(.*)$", re.DOTALL)
_PNAME_BEFORE = re.compile(r"(?:^|[^\w:.\-])([A-Za-z][\w.\-]*)?:[\w.\-%]*$")
_DECLARED = re.compile(r"\bPREFIX\s+([A-Za-z][\w.\-]*)?:", re.IGNORECASE)


def _syntax_error(text: str, sparql: str, known: dict[str, str]) -> QuerySyntaxError:
    """Turn pyoxigraph's ``error at L:C: …`` into a QuerySyntaxError with a readable message."""
    match = _POSITION.match(text.strip())
    if not match:
        return QuerySyntaxError(text.strip(), 1, 1, sparql.splitlines()[0] if sparql else "")
    line, column, detail = int(match[1]), int(match[2]), match[3]
    lines = sparql.splitlines() or [""]
    source_line = lines[line - 1] if 0 < line <= len(lines) else ""
    return QuerySyntaxError(
        _explain(detail, source_line[: column - 1], sparql, known), line, column, source_line
    )


def _explain(detail: str, before: str, sparql: str, known: dict[str, str]) -> str:
    """A one-line reason: unknown prefixes named, the parser's own sentences kept, long lists cut."""
    pname = _PNAME_BEFORE.search(before)
    if pname is not None:
        name = pname[1] or ""
        if name not in set(known) | {m or "" for m in _DECLARED.findall(sparql)}:
            hint = f" (known without declaring: {', '.join(sorted(known))})" if known else ""
            return f"unknown prefix '{name}:'{hint}"
    detail = " ".join(detail.split())
    if detail.startswith("expected one of "):
        # pyoxigraph puts semantic errors among the expected tokens: "expected one of The SELECT …, [_]".
        sentences = [item for item in detail[16:].split(", ") if " " in item and item[:1].isupper()]
        if sentences:
            return sentences[0]
    return detail if len(detail) <= 160 else detail[:157] + "…"


# --- writing results -------------------------------------------------------------------------------------


def serialize_result(result: Result, fmt: str) -> str:
    """A result as CSV, TSV or SPARQL 1.1 Query Results JSON text (graph results are Turtle in any format)."""
    if result.kind == "graph":
        return result.turtle
    if fmt == "json":
        return result.json.decode("utf-8")
    target = {"csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV}.get(fmt)
    if target is None:
        raise ValueError(f"unknown result format {fmt!r}; expected one of {', '.join(RESULT_FORMATS)}")
    parsed = ox.parse_query_results(result.json, format=ox.QueryResultsFormat.JSON)
    return parsed.serialize(format=target).decode("utf-8")


def display_rows(result: Result, base: str = KGR_IRI) -> list[list[str]]:
    """The rows of a select result as short strings for a table: IRIs compacted with the known prefixes."""
    bindings = json.loads(result.json)["results"]["bindings"] if result.json else []
    return [[_display(b.get(v), base) for v in result.variables] for b in bindings]


def _display(term: dict | None, base: str) -> str:
    if term is None:
        return ""
    if term["type"] == "uri":
        return compact_iri(term["value"], base)
    if term["type"] == "bnode":
        return f"_:{term['value']}"
    if term["type"] == "triple":
        return json.dumps(term["value"], ensure_ascii=False)
    return term["value"]


def compact_iri(iri: str, base: str = KGR_IRI) -> str:
    """An IRI as ``prefix:rest`` with the longest matching known namespace, for display only.

    >>> compact_iri("https://w3id.org/partnership-kg/id/person/van-i")
    'kgr:person/van-i'
    >>> compact_iri("https://w3id.org/partnership-kg/ontology#Talks")
    'dip:Talks'
    >>> compact_iri("http://example.org/x")
    'http://example.org/x'
    """
    known = prefixes(base)
    matches = [(len(ns), prefix) for prefix, ns in known.items() if iri.startswith(ns)]
    if not matches:
        return iri
    prefix = max(matches)[1]
    return f"{prefix}:{iri[len(known[prefix]) :]}"


# --- writing files -----------------------------------------------------------------------------------------

_WRITE_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG, "json-ld": ox.RdfFormat.JSON_LD}


def _sort_key(term: object) -> tuple[int, str]:
    return (0, "") if isinstance(term, ox.DefaultGraph) else (1, str(term))


def convert_nquads(nquads: bytes, fmt: str, prefixes: dict[str, str]) -> bytes:
    """N-Quads turned into Turtle (the union of the graphs), TriG or JSON-LD by Oxigraph's fast writers.

    The statements are sorted first, so the same graph always gives the same bytes, grouped by subject.
    """
    quads = list(ox.parse(nquads, format=ox.RdfFormat.N_QUADS))
    target = _WRITE_FORMATS[fmt]
    if target.supports_datasets:
        quads.sort(key=lambda q: (_sort_key(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))
        return ox.serialize(quads, format=target, prefixes=prefixes)
    triples = sorted(
        {q.triple for q in quads}, key=lambda t: (str(t.subject), str(t.predicate), str(t.object))
    )
    return ox.serialize(triples, format=target, prefixes=prefixes)
