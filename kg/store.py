"""The embedded triple store: a build's RDF in a pyoxigraph ``Store``, and SPARQL over it.

The only module that imports pyoxigraph. A query target is a build folder (its ``graph.nq`` is loaded, so each
article keeps its named graph), a persistent store directory (``kg build --store DIR``), or one RDF file whose
suffix names its format. Queries see the union of all graphs as their default graph, and know the project's
prefixes (``dip:``, ``kgr:``, ``skos:`` …) without declaring them; a query's own ``PREFIX`` lines win.

Oxigraph's union default graph is a multiset, not an RDF merge: a triple asserted in two articles' graphs
matches twice. Queries that count should use ``DISTINCT`` (the ones in ``queries/`` do).
"""

from __future__ import annotations

import gc
import json
import os
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.errors import KgError, MissingDependencyError
from kg.formats import format_from_suffix
from kg.sparql import Result, plain_value, prefixes, syntax_error
from kg.sparqltext import check_query
from kg.vocab import KGR_IRI

try:
    import pyoxigraph as ox
except ImportError as exc:  # pragma: no cover - pyoxigraph is a core dependency
    raise MissingDependencyError("kg.store needs pyoxigraph: pip install pyoxigraph") from exc

#: Graph files of a build folder, best first: N-Quads keeps the named graphs and parses fastest.
BUILD_GRAPH_FILES: tuple[str, ...] = ("graph.nq", "graph.trig", "graph.ttl", "graph.jsonld")

#: Oxigraph's formats by the names kg.formats gives them.
_OX_FORMATS: dict[str, ox.RdfFormat] = {
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "json-ld": ox.RdfFormat.JSON_LD,
    "xml": ox.RdfFormat.RDF_XML,
    "n3": ox.RdfFormat.N3,
}

#: Output formats of ``kg query``: for SELECT and ASK, and for CONSTRUCT and DESCRIBE.
RESULT_FORMATS: tuple[str, ...] = ("table", "csv", "tsv", "json")
GRAPH_FORMATS: tuple[str, ...] = ("turtle", "nt")


class StoreError(KgError, ValueError):
    """A query target that cannot be opened: missing, of an unknown format, or not parseable."""


class QueryError(KgError, ValueError):
    """A query that parsed but could not be evaluated."""


# --- opening ---------------------------------------------------------------------------------------------


def rdf_format(path: Path) -> ox.RdfFormat:
    """Oxigraph's format of a file, from its suffix (kg.formats names an unknown one)."""
    return _OX_FORMATS[format_from_suffix(path)]


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


def query(
    store: ox.Store,
    sparql: str,
    *,
    base: str = KGR_IRI,
    union: bool = True,
    known_prefixes: bool = True,
    allow_service: bool = False,
) -> Result:
    """Run a SPARQL query; the project's prefixes are known, the union of graphs is the default graph.

    ``known_prefixes=False`` makes the query declare its own prefixes, as another store would need. Updates
    are refused, and so is a SERVICE clause (it would make this machine call another server) unless
    ``allow_service`` (kg.sparqltext.QueryRefused).
    """
    check_query(sparql, allow_service=allow_service)
    try:
        # Default prefixes go in through the parser, not as prepended text, so error positions stay the
        # user's own; a PREFIX the query declares overrides ours.
        answer = store.query(
            sparql, prefixes=prefixes(base) if known_prefixes else None, use_default_graph_as_union=union
        )
    except SyntaxError as exc:
        raise syntax_error(str(exc), sparql, prefixes(base) if known_prefixes else {}) from None
    except (OSError, RuntimeError) as exc:
        raise QueryError(f"the query failed: {exc}") from None
    try:
        return _result(answer, base)
    except (OSError, RuntimeError) as exc:
        raise QueryError(f"the query failed: {exc}") from None
    except BaseException as exc:
        # A panic inside Oxigraph reaches Python as pyo3's PanicException (a BaseException): one query failed.
        if type(exc).__name__ == "PanicException":
            raise QueryError(f"the store failed on this query: {exc}") from None
        raise


def _result(answer: object, base: str) -> Result:
    if isinstance(answer, ox.QueryBoolean):
        return Result(
            kind="ask", boolean=bool(answer), json=answer.serialize(format=ox.QueryResultsFormat.JSON)
        )
    if isinstance(answer, ox.QueryTriples):
        triples = sorted(answer, key=str)
        ntriples = (ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"").decode()
        return Result(
            kind="graph", turtle=_turtle(triples, base), ntriples=ntriples, triple_count=len(triples)
        )
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


# --- writing results -------------------------------------------------------------------------------------


def serialize_result(result: Result, fmt: str) -> str:
    """A SELECT or ASK result as CSV, TSV or SPARQL 1.1 Query Results JSON text; a CONSTRUCT or DESCRIBE
    result as Turtle (``turtle`` or ``table``) or N-Triples (``nt``). A format of the other kind is refused."""
    if result.kind == "graph":
        if fmt in ("turtle", "table"):
            return result.turtle
        if fmt == "nt":
            return result.ntriples
        raise QueryError(
            f"--format {fmt} is for SELECT and ASK; a CONSTRUCT or DESCRIBE result is written as "
            f"{' or '.join(GRAPH_FORMATS)}"
        )
    if fmt in GRAPH_FORMATS:
        raise QueryError(
            f"--format {fmt} is for CONSTRUCT and DESCRIBE; a SELECT or ASK result is written as "
            f"{', '.join(RESULT_FORMATS)}"
        )
    if fmt == "json":
        return result.json.decode("utf-8")
    target = {"csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV}.get(fmt)
    if target is None:
        raise QueryError(f"unknown result format {fmt!r}; expected one of {', '.join(RESULT_FORMATS)}")
    parsed = ox.parse_query_results(result.json, format=ox.QueryResultsFormat.JSON)
    return parsed.serialize(format=target).decode("utf-8")


# --- writing files -----------------------------------------------------------------------------------------


def _sort_key(term: object) -> tuple[int, str]:
    return (0, "") if isinstance(term, ox.DefaultGraph) else (1, str(term))


def convert_nquads(nquads: bytes, fmt: str, prefixes: dict[str, str]) -> bytes:
    """N-Quads turned into Turtle (the union of the graphs), TriG or JSON-LD by Oxigraph's fast writers.

    The statements are sorted first, so the same graph always gives the same bytes, grouped by subject.
    """
    quads = list(ox.parse(nquads, format=ox.RdfFormat.N_QUADS))
    target = _OX_FORMATS[fmt]
    if target.supports_datasets:
        quads.sort(key=lambda q: (_sort_key(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))
        return ox.serialize(quads, format=target, prefixes=prefixes)
    triples = sorted(
        {q.triple for q in quads}, key=lambda t: (str(t.subject), str(t.predicate), str(t.object))
    )
    return ox.serialize(triples, format=target, prefixes=prefixes)


def _plain(term: object) -> tuple:
    """An Oxigraph term as a plain tuple (kg.jsonld's terms)."""
    if isinstance(term, ox.Literal):
        return ("literal", term.value, term.datatype.value, term.language)
    if isinstance(term, ox.BlankNode):
        return ("blank", term.value)
    return ("iri", term.value)  # type: ignore[attr-defined]


def _triples_in_order(nquads_path: Path) -> Iterator[ox.Triple]:
    """The triples of a sorted N-Quads file, a triple said in several graphs once (its lines are adjacent)."""
    last = None
    for quad in ox.parse(path=str(nquads_path), format=ox.RdfFormat.N_QUADS):
        triple = quad.triple
        if triple != last:
            yield triple
            last = triple


def write_from_nquads(nquads_path: Path, path: Path, fmt: str, prefixes: dict[str, str]) -> None:
    """Write Turtle (the union of the graphs, each triple once) or TriG from an N-Quads file by Oxigraph's
    streaming writers, in the file's order: sorted lines give sorted output, grouped by subject (and, for TriG,
    lines sorted by graph first, by graph)."""
    target = _OX_FORMATS[fmt]
    if target.supports_datasets:
        quads = ox.parse(path=str(nquads_path), format=ox.RdfFormat.N_QUADS)
        ox.serialize(quads, output=str(path), format=target, prefixes=prefixes)
    else:
        ox.serialize(_triples_in_order(nquads_path), output=str(path), format=target, prefixes=prefixes)


def subjects_of_nquads(nquads_path: Path) -> Iterator[tuple[tuple, list[tuple[str, tuple]]]]:
    """Each subject of a sorted N-Quads file with its (predicate, object) pairs, as plain tuples (kg.jsonld)."""
    subject, properties = None, []
    for triple in _triples_in_order(nquads_path):
        if triple.subject != subject:
            if subject is not None:
                yield _plain(subject), properties
            subject, properties = triple.subject, []
        properties.append((triple.predicate.value, _plain(triple.object)))
    if subject is not None:
        yield _plain(subject), properties


def _ox_term(term: object) -> object:
    """An rdflib term as an Oxigraph one (by its attributes: this module does not import rdflib)."""
    if hasattr(term, "language"):  # a Literal
        datatype = getattr(term, "datatype", None)
        return ox.Literal(
            str(term), datatype=ox.NamedNode(str(datatype)) if datatype else None, language=term.language
        )
    if type(term).__name__ == "BNode":
        return ox.BlankNode(str(term))
    return ox.NamedNode(str(term))


def any_rows(triples: Iterable[tuple], queries: Iterable[str]) -> bool:
    """Whether any of the SELECT ``queries`` (the project's prefixes known) finds a row in ``triples`` (rdflib
    terms); ``True`` when the triples cannot be put into Oxigraph, so that the caller looks the slow way."""
    store = ox.Store()
    try:
        store.extend(ox.Quad(*(_ox_term(x) for x in t), ox.DefaultGraph()) for t in triples)
    except (ValueError, TypeError):
        return True
    known = prefixes(KGR_IRI)
    return any(next(iter(store.query(q, prefixes=known)), None) is not None for q in queries)
