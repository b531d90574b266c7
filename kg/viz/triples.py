"""A small read-only triple index for the page: what :class:`kg.viz.reader.Reader` asks of a graph (``objects``,
``subjects``, ``value``, ``subject_objects``, ``(s, p, o) in``), in a fraction of the memory of an rdflib Graph.

``kg build`` fills one while it writes the graph, article by article (kg.render), instead of keeping an rdflib
store of the whole corpus: each statement is kept once, by subject, and the few predicates the reader looks up
by object (classes, support, membership, posts held) once more, by predicate and object.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from rdflib.namespace import RDF
from rdflib.term import Node

from kg.vocab import DIP

#: Predicates the reader asks by object (``subjects(p, o)``) or by predicate alone (``subject_objects(p)``).
BY_OBJECT = frozenset({RDF.type, DIP.supports, DIP.memberOf, DIP.holdsPost})


class TripleIndex:
    """Statements by subject and predicate; for ``BY_OBJECT`` predicates also by predicate and object."""

    def __init__(self, triples: Iterable[tuple[Node, Node, Node]] = ()) -> None:
        self.spo: dict[Node, dict[Node, dict[Node, None]]] = {}
        self.pos: dict[Node, dict[Node, dict[Node, None]]] = {}
        self.size = 0
        for t in triples:
            self.add(t)

    def add(self, triple: tuple[Node, Node, Node]) -> None:
        s, p, o = triple
        objects = self.spo.setdefault(s, {}).setdefault(p, {})
        if o in objects:
            return
        objects[o] = None
        self.size += 1
        if p in BY_OBJECT:
            self.pos.setdefault(p, {}).setdefault(o, {})[s] = None

    def __len__(self) -> int:
        return self.size

    def objects(self, s: Node, p: Node) -> Iterator[Node]:
        return iter(list(self.spo.get(s, {}).get(p, ())))

    def value(self, s: Node, p: Node) -> Node | None:
        return next(iter(self.spo.get(s, {}).get(p, ())), None)

    def subjects(self, p: Node, o: Node) -> Iterator[Node]:
        if p in BY_OBJECT:
            return iter(list(self.pos.get(p, {}).get(o, ())))
        return iter([s for s, by_p in self.spo.items() if o in by_p.get(p, ())])

    def subject_objects(self, p: Node) -> Iterator[tuple[Node, Node]]:
        if p in BY_OBJECT:
            return iter([(s, o) for o, subjects in self.pos.get(p, {}).items() for s in subjects])
        return iter([(s, o) for s, by_p in self.spo.items() for o in by_p.get(p, ())])

    def __contains__(self, triple: tuple[Node | None, Node | None, Node | None]) -> bool:
        s, p, o = triple
        if s is None or p is None:
            raise NotImplementedError("the page looks statements up by subject and predicate")
        objects = self.spo.get(s, {}).get(p, {})
        return bool(objects) if o is None else o in objects
