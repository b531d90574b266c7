"""SHACL validation of a corpus graph one part at a time, so that its cost grows linearly with the corpus.

Each article graph is validated with the classes the shared (default) graph gives the IRIs it points to (an
event's participants, a holding's post), in parts of about ``PART_STATEMENTS`` statements; only the results about
the articles' own nodes are kept (a shared node is the shared graph's to answer for). The shared graph is
validated at the end, also in parts (whole subjects with the classes of what they point to). Every node of the graph is an article's own or the shared graph's, and every
shape looks one step from its focus node (at most at the class of a value), so the violations are the ones a
validation of the whole union reports (tests/test_validate.py checks it shape by shape).

Two things keep a part cheap. The shapes whose targets are only ever in the shared graph (``SHARED_SHAPES``) have
no target in a part. And the shapes whose targets are SPARQL queries (the mention offsets) are looked for by
Oxigraph first (kg.store, about 37 times faster than rdflib's SPARQL): only a part where one of the queries finds a
node is validated with them by pyshacl.
"""

from __future__ import annotations

from functools import lru_cache

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from kg.validate import SHAPES_IRI, Report, Violation, our_shapes, validate, violations_of

#: Statements validated at once: big enough that pyshacl's cost per call is small beside the data, small
#: enough that no part grows with the corpus.
PART_STATEMENTS = 50_000

#: Shapes whose focus nodes are only in the shared graph (entities, posts, a body's state): not looked for in
#: an article part. A shape left out of this list is still checked everywhere, only more slowly.
SHARED_SHAPES = ("NamedEntityShape", "PostShape", "PartOfShape")

_TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)


@lru_cache(maxsize=1)
def _sparql_targets() -> tuple[tuple[Node, Node, str], ...]:
    """The SPARQL targets of the shapes: (shape, target node, query)."""
    full = our_shapes()
    out = []
    for shape, target in full.subject_objects(SH.target):
        if (target, RDF.type, SH.SPARQLTarget) in full:
            out.append((shape, target, str(full.value(target, SH.select))))
    return tuple(sorted(out))


@lru_cache(maxsize=64)
def shapes_for(untargeted: frozenset[Node], sparql: bool) -> Graph:
    """The shapes graph without the targets of the shapes named ``untargeted`` (and of the SPARQL-target shapes
    unless ``sparql``): those shapes are not checked."""
    part = Graph()
    for t in our_shapes():
        part.add(t)
    for name in untargeted:
        for target in _TARGETS:
            part.remove((name, target, None))
    if not sparql:
        for shape, target, _ in _sparql_targets():
            part.remove((shape, SH.target, target))
    return part


def _has_targets(shapes: Graph) -> bool:
    return any((None, t, None) in shapes for t in (*_TARGETS, SH.target))


class PartsValidator:
    """Collects article graphs (:meth:`add`) into parts, validates each, and the shared graph (:meth:`finish`)."""

    def __init__(self, part_statements: int = PART_STATEMENTS) -> None:
        self.part_statements = part_statements
        self.data: set = set()
        self.owned: set[Node] = set()
        self.violations: set[Violation] = set()
        self.texts: list[str] = []
        self.results = Graph()

    def add(self, triples: set, about: dict) -> None:
        """An article's triples, and the shared graph's triples by subject (``about``)."""
        for t in triples:
            self.data.add(t)
            if t[0] not in about:  # an entity's own statements are the shared graph's to check
                self.owned.add(t[0])
        for obj in {t[2] for t in triples if isinstance(t[2], URIRef)}:
            for t in about.get(obj, ()):
                if t[1] == RDF.type:
                    self.data.add(t)
        if len(self.data) >= self.part_statements:
            self._run()

    def _run(self, shared: bool = False) -> None:
        if not self.data:
            return
        from kg.validate_screen import flagged, screened_shapes

        found = flagged(self.data)
        clean = set() if found is None else {s.name for s in screened_shapes()} - found
        if shared:
            shapes = shapes_for(frozenset(clean), sparql=True)
        else:
            from kg.store import any_rows

            queries = [q for _, _, q in _sparql_targets()]
            sparql = any_rows(self.data, queries)
            shared_shapes = {URIRef(SHAPES_IRI + name) for name in SHARED_SHAPES}
            shapes = shapes_for(frozenset(clean | shared_shapes), sparql=sparql)
        if not _has_targets(shapes):
            self.data, self.owned = set(), set()
            return
        graph = Graph()
        for t in self.data:
            graph.add(t)
        report = validate(graph, shapes)
        if not report.conforms:
            kept = violations_of(report.graph, self.owned)
            self.violations.update(kept)
            if kept:
                self.texts.append(report.text)
                self.results += report.graph
        self.data, self.owned = set(), set()

    def finish(self, about: dict) -> Report:
        """Validate what is left, then the shared graph (its triples by subject, ``about``) in parts of whole
        subjects, each with the classes of the IRIs it points to; the report of the whole."""
        self._run()
        for subject in sorted(about):
            triples = about[subject]
            self.owned.add(subject)
            for t in triples:
                self.data.add(t)
            for obj in {t[2] for t in triples if isinstance(t[2], URIRef)}:
                for t in about.get(obj, ()):
                    if t[1] == RDF.type:
                        self.data.add(t)
            if len(self.data) >= self.part_statements:
                self._run(shared=True)
        self._run(shared=True)
        violations = tuple(
            sorted(self.violations, key=lambda v: (v.shape, v.focus, v.path or "", v.message, v.value or ""))
        )
        text = "\n".join(self.texts) if violations else "Validation Report\nConforms: True\n"
        return Report(conforms=not violations, text=text, violations=violations, graph=self.results)
