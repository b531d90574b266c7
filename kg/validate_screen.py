"""A quick look, in plain Python, for the shapes a part of the graph surely conforms to; pyshacl checks the rest.

The simple shapes of ``ontologies/shapes.ttl`` (class and subjects-of targets; property shapes on an IRI path
with counts, class, in, datatype, node kind, numeric ranges, ``sh:or`` of classes or datatypes, unique and
qualified languages) are read from the shapes graph itself. :func:`flagged` answers, for a set of triples, which
of them may be violated: a shape it cannot answer for with certainty, or whose checks fail, is flagged, and only
the flagged ones are left to pyshacl, which writes the report. The screen only ever errs towards flagging (a
value typed by a subclass, an unknown datatype, a parameter it does not know), so the violations reported are
pyshacl's own, unchanged.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from functools import lru_cache

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SH, XSD
from rdflib.term import Node

#: Parameters a shape may carry that the screen understands (anything else: the shape is left to pyshacl).
_NODE_KEYS = {RDF.type, SH.targetClass, SH.targetSubjectsOf, SH.message, SH.property, SH["class"], RDFS.label}
_PROPERTY_KEYS = {
    RDF.type,
    SH.path,
    SH.message,
    SH.minCount,
    SH.maxCount,
    SH["class"],
    SH["in"],
    SH.datatype,
    SH.nodeKind,
    SH.minInclusive,
    SH.maxInclusive,
    SH["or"],
    SH.uniqueLang,
    SH.qualifiedValueShape,
    SH.qualifiedMinCount,
}
#: The Python type rdflib gives a well-formed literal of a datatype (the check pyshacl makes).
_PYTHON_TYPE = {
    XSD.integer: int,
    XSD.decimal: Decimal,
    XSD.float: float,
    XSD.boolean: bool,
    XSD.date: date,
    XSD.time: time,
    XSD.dateTime: datetime,
    XSD.string: str,
}


class _Unsure(Exception):
    """The shape uses something the screen does not check."""


@dataclass(frozen=True)
class _Shape:
    name: URIRef
    classes: tuple  # targets
    subjects_of: tuple
    node_class: tuple  # sh:class on the focus node itself
    properties: tuple  # (path, [(kind, argument)])


def _items(shapes: Graph, head: Node) -> list:
    return list(Collection(shapes, head))


def _value_test(shapes: Graph, node: Node) -> tuple:
    """A member of an ``sh:or``: only ``[ sh:class C ]`` or ``[ sh:datatype D ]``."""
    keys = set(shapes.predicates(node)) - {RDF.type}
    if keys == {SH["class"]}:
        return ("class", shapes.value(node, SH["class"]))
    if keys == {SH.datatype}:
        return ("datatype", shapes.value(node, SH.datatype))
    raise _Unsure


def _property(shapes: Graph, node: Node) -> tuple:
    if not set(shapes.predicates(node)) <= _PROPERTY_KEYS:
        raise _Unsure
    path = shapes.value(node, SH.path)
    targeted = any(
        (node, t, None) in shapes for t in (SH.targetClass, SH.targetSubjectsOf, SH.targetNode, SH.target)
    )
    if not isinstance(path, URIRef) or targeted or (node, SH.targetObjectsOf, None) in shapes:
        raise _Unsure
    checks = []
    for key, value in shapes.predicate_objects(node):
        if key in (RDF.type, SH.path, SH.message, SH.qualifiedMinCount):
            continue
        if key in (SH.minCount, SH.maxCount, SH.minInclusive, SH.maxInclusive, SH.qualifiedValueShape):
            if not isinstance(value, Literal if key != SH.qualifiedValueShape else BNode):
                raise _Unsure
        if key == SH.minCount or key == SH.maxCount:
            checks.append((str(key), int(value)))
        elif key in (SH.minInclusive, SH.maxInclusive):
            if not isinstance(value.value, (int, Decimal, float)) or isinstance(value.value, bool):
                raise _Unsure
            checks.append((str(key), value.value))
        elif key == SH["class"] or key == SH.datatype:
            checks.append(("class" if key == SH["class"] else "datatype", value))
        elif key == SH["in"]:
            checks.append(("in", frozenset(_items(shapes, value))))
        elif key == SH.nodeKind:
            if value not in (SH.Literal, SH.IRI):
                raise _Unsure
            checks.append(("nodeKind", value))
        elif key == SH["or"]:
            checks.append(("or", tuple(_value_test(shapes, m) for m in _items(shapes, value))))
        elif key == SH.uniqueLang:
            if value.toPython() is not True:
                raise _Unsure
            checks.append(("uniqueLang", True))
        elif key == SH.qualifiedValueShape:
            if set(shapes.predicates(value)) != {SH.languageIn}:
                raise _Unsure
            langs = frozenset(str(x).lower() for x in _items(shapes, shapes.value(value, SH.languageIn)))
            least = shapes.value(node, SH.qualifiedMinCount)
            if least is None:
                raise _Unsure
            checks.append(("languages", (langs, int(least))))
    return path, tuple(checks)


@lru_cache(maxsize=1)
def screened_shapes() -> tuple[_Shape, ...]:
    """The node shapes of ontologies/shapes.ttl the screen answers for, read from the file."""
    from kg.validate import our_shapes

    shapes = our_shapes()
    out = []
    for name in sorted(set(shapes.subjects(RDF.type, SH.NodeShape))):
        if not isinstance(name, URIRef) or set(shapes.predicates(name)) - _NODE_KEYS:
            continue
        if (name, RDF.type, RDFS.Class) in shapes or (name, RDF.type, OWL.Class) in shapes:
            continue  # an implicit class target
        try:
            properties = tuple(_property(shapes, p) for p in sorted(shapes.objects(name, SH.property)))
        except _Unsure:
            continue
        out.append(
            _Shape(
                name,
                tuple(shapes.objects(name, SH.targetClass)),
                tuple(shapes.objects(name, SH.targetSubjectsOf)),
                tuple(shapes.objects(name, SH["class"])),
                properties,
            )
        )
    return tuple(out)


def _number(v: Node):
    if isinstance(v, Literal) and v.ill_typed is not True:
        value = v.value
        if isinstance(value, (int, Decimal, float)) and not isinstance(value, bool):
            return value
    return None


def _has_datatype(v: Node, datatype: Node) -> bool:
    if not isinstance(v, Literal) or v.datatype != datatype or v.ill_typed is True:
        return False
    kind = _PYTHON_TYPE.get(datatype)
    return kind is None or isinstance(v.value, kind)


def _passes(check: tuple, values: list, types: dict) -> bool:
    kind, arg = check
    if kind == str(SH.minCount):
        return len(set(values)) >= arg
    if kind == str(SH.maxCount):
        return len(set(values)) <= arg
    if kind == "class":
        return all(arg in types.get(v, ()) for v in values)
    if kind == "datatype":
        return all(_has_datatype(v, arg) for v in values)
    if kind == "in":
        return all(isinstance(v, URIRef) and v in arg for v in values)
    if kind == "nodeKind":
        return all(isinstance(v, Literal if arg == SH.Literal else URIRef) for v in values)
    if kind in (str(SH.minInclusive), str(SH.maxInclusive)):
        low = kind == str(SH.minInclusive)
        for v in values:
            n = _number(v)
            if n is None or not (n >= arg if low else n <= arg):
                return False
        return True
    if kind == "or":
        return all(
            any(
                (t == "class" and a in types.get(v, ())) or (t == "datatype" and _has_datatype(v, a))
                for t, a in arg
            )
            for v in values
        )
    if kind == "uniqueLang":
        langs = [v.language.lower() for v in values if isinstance(v, Literal) and v.language]
        return len(langs) == len(set(langs))
    if kind == "languages":
        langs, least = arg
        sure = {v for v in values if isinstance(v, Literal) and v.language and v.language.lower() in langs}
        return len(sure) >= least
    return False  # pragma: no cover - every kind read above is checked


def flagged(triples) -> set[URIRef] | None:
    """The screened shapes that ``triples`` may violate (``None``: the screen cannot tell for any of them)."""
    about: dict = defaultdict(lambda: defaultdict(list))
    types: dict = defaultdict(set)
    subjects_of: dict = defaultdict(set)
    for s, p, o in triples:
        if p == RDFS.subClassOf:
            return None  # a target or a class reaches through subclasses: pyshacl's to answer
        about[s][p].append(o)
        subjects_of[p].add(s)
        if p == RDF.type:
            types[s].add(o)
    by_class: dict = defaultdict(set)
    for s, classes in types.items():
        for c in classes:
            by_class[c].add(s)
    out = set()
    for shape in screened_shapes():
        focus = set()
        for c in shape.classes:
            focus |= by_class.get(c, set())
        for p in shape.subjects_of:
            focus |= subjects_of.get(p, set())
        if any(not _clean(shape, f, about.get(f, {}), types) for f in focus):
            out.add(shape.name)
    return out


def _clean(shape: _Shape, focus: Node, props: dict, types: dict) -> bool:
    if any(c not in types.get(focus, ()) for c in shape.node_class):
        return False
    return all(
        _passes(check, props.get(path, []), types) for path, checks in shape.properties for check in checks
    )
