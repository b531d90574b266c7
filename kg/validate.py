"""SHACL validation of a built graph against ``ontologies/shapes.ttl``: a report, never a raise on violations.

pyshacl is imported here and nowhere else.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rdflib import BNode, ConjunctiveGraph, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query
from rdflib.term import Node

from kg.errors import MissingDependencyError
from kg.rdfio import read_graph
from kg.vocab import PREFIXES, SHAPES_FILE

SHAPES_IRI = "https://w3id.org/partnership-kg/shapes#"

#: Prefixes used to shorten IRIs in reports (display only: the local part may contain '/').
_SHORT = {"dsh": SHAPES_IRI, "sh": str(SH), **PREFIXES}


@dataclass(frozen=True)
class Violation:
    """One SHACL result: which node broke which shape, on which path, and why."""

    focus: str
    path: str | None
    shape: str
    constraint: str
    message: str
    severity: str
    value: str | None = None


@dataclass(frozen=True)
class Report:
    """The outcome of a validation: ``conforms``, pyshacl's text, the results as records and as a graph."""

    conforms: bool
    text: str
    violations: tuple[Violation, ...]
    graph: Graph = field(repr=False, compare=False)


def short(node: Node | None) -> str:
    """A readable form of an RDF term: a prefixed IRI where a known prefix fits, else the term as is.

    >>> short(URIRef("https://w3id.org/partnership-kg/id/person/van-i"))
    'kgr:person/van-i'
    >>> short(URIRef("https://w3id.org/partnership-kg/shapes#MentionShape"))
    'dsh:MentionShape'
    >>> short(URIRef("urn:x"))
    '<urn:x>'
    >>> short(Literal("Ван И", lang="ru"))
    '"Ван И"@ru'
    """
    if node is None:
        return ""
    if isinstance(node, URIRef):
        # the longest namespace wins, so kgr: is not shadowed by a shorter one
        for prefix, iri in sorted(_SHORT.items(), key=lambda kv: -len(kv[1])):
            if node.startswith(iri) and len(node) > len(iri):
                return f"{prefix}:{node[len(iri) :]}"
        return f"<{node}>"
    if isinstance(node, BNode):
        return "[]"
    if isinstance(node, Literal):
        text = f'"{node}"'
        if node.language:
            return f"{text}@{node.language}"
        if node.datatype is not None:
            return f"{text}^^{short(node.datatype)}"
        return text
    return str(node)


def load_shapes(path: Path | str = SHAPES_FILE) -> Graph:
    """Read a SHACL shapes graph (Turtle)."""
    return read_graph(Path(path))


@lru_cache(maxsize=1)
def our_shapes() -> Graph:
    """ontologies/shapes.ttl, read once per process (validation by parts uses it for every part)."""
    return load_shapes()


@lru_cache(maxsize=64)
def _prepared(text: str) -> Query:
    """A SPARQL text parsed and translated once (prepared queries are immutable and reusable)."""
    return prepareQuery(text)


class _PreparedQueryGraph(Graph):
    """A view of a graph's store (no copy) whose ``query`` parses each distinct SPARQL text once.

    pyshacl runs a SHACL-SPARQL constraint once per focus node, with the same text and ``$this`` pre-bound;
    rdflib would parse and translate the text every time, about 0.1 s each: 90% of the validation time.
    """

    def __init__(self, graph: Graph) -> None:
        super().__init__(
            store=graph.store, identifier=graph.identifier, namespace_manager=graph.namespace_manager
        )

    def query(self, query_object, *args, **kwargs):  # type: ignore[no-untyped-def, override]
        """Run a query, from its prepared form when it is a text."""
        if isinstance(query_object, str) and not kwargs.get("initNs"):
            query_object = _prepared(query_object)
        return super().query(query_object, *args, **kwargs)


def _union(graph: Graph) -> Graph:
    """The union of all named graphs of a Dataset (a plain Graph is returned as it is)."""
    if not isinstance(graph, ConjunctiveGraph):
        return graph
    union = Graph()
    # quads() walks every named graph and the default one (triples() of a Dataset sees only the default graph)
    for s, p, o, _ in graph.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


def statement_count(graph: Graph) -> int:
    """How many statements a graph holds (for a Dataset, over all its named graphs)."""
    if isinstance(graph, ConjunctiveGraph):
        return sum(1 for _ in graph.quads((None, None, None, None)))
    return len(graph)


def validate(graph: Graph, shapes: Graph | None = None, ontology: Graph | None = None) -> Report:
    """Validate a graph (a Dataset is validated as the union of its graphs) against the SHACL shapes."""
    try:
        import pyshacl
    except ImportError as exc:  # pragma: no cover - a core dependency, but say how to get it
        raise MissingDependencyError("validation needs pyshacl: pip install 'pyshacl>=0.26'") from exc

    data = _union(graph)
    if ontology is not None:
        # mixed into a copy of our own, never into the caller's graph
        mixed = Graph()
        mixed += data
        mixed += _union(ontology)
        data = mixed
    conforms, results, text = pyshacl.validate(
        _PreparedQueryGraph(data),
        shacl_graph=shapes if shapes is not None else our_shapes(),
        inference="none",  # rdfs inference is too slow; the graph asserts the superclasses itself
        advanced=True,  # SHACL-SPARQL constraints on mention offsets
        # the shapes carry no rules and there is no inference, so pyshacl never writes to the data graph;
        # validating in place saves a copy of the whole graph
        inplace=True,
        allow_warnings=False,
        abort_on_first=False,
    )
    return Report(conforms=bool(conforms), text=str(text), violations=violations_of(results), graph=results)


def violations_of(results: Graph, owned: set[Node] | None = None) -> tuple[Violation, ...]:
    """The results of a SHACL report graph as records, in a stable order; with ``owned``, only those whose focus
    node is one of them."""
    out = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        if owned is not None and results.value(result, SH.focusNode) not in owned:
            continue
        value = results.value(result, SH.value)
        out.append(
            Violation(
                focus=short(results.value(result, SH.focusNode)),
                path=short(results.value(result, SH.resultPath)) or None,
                shape=_shape_name(results, results.value(result, SH.sourceShape)),
                constraint=short(results.value(result, SH.sourceConstraintComponent)),
                message=" ".join(str(m) for m in sorted(results.objects(result, SH.resultMessage))),
                severity=short(results.value(result, SH.resultSeverity)),
                value=short(value) if value is not None else None,
            )
        )
    return tuple(sorted(out, key=lambda v: (v.shape, v.focus, v.path or "", v.message, v.value or "")))


def _shape_name(results: Graph, shape: Node | None) -> str:
    """A shape's name; an anonymous shape is named by its path, so the report still says where it is."""
    if isinstance(shape, BNode):
        path = results.value(shape, SH.path)
        return f"[] on {short(path)}" if path is not None else "[]"
    return short(shape)


def format_report(report: Report, limit: int = 50) -> str:
    """A readable report: counts per shape, then one line per violation ``focus — path: message (shape)``."""
    if report.conforms:
        return "conforms: 0 violations"
    counts = Counter(v.shape for v in report.violations)
    lines = [f"{len(report.violations)} violations of {len(counts)} shapes:"]
    lines += [f"  {n:5d}  {shape}" for shape, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    lines.append("")
    for v in report.violations[:limit]:
        where = f"{v.focus} — {v.path}" if v.path else v.focus
        lines.append(f"{where}: {v.message} ({v.shape})")
    if len(report.violations) > limit:
        lines.append(f"… and {len(report.violations) - limit} more")
    return "\n".join(lines)
