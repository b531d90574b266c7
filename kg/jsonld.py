"""JSON-LD of a graph, written one node at a time: compacted with our prefixes (``context.jsonld``), every list
sorted, so that the same graph always gives the same bytes. Standard library only.

The document is the one rdflib's compacting serialiser gives with our context (and ``kg build`` wrote before it
streamed): ``{"@context": …, "@graph": [node, …]}``, a node per subject with its ``@id`` and ``@type`` and one
key per property, a single value bare and several in a list; IRIs shortened to ``prefix:name`` where the part
after the last ``#``, ``/`` or ``:`` is all that follows a prefix; ``xsd:integer``, ``xsd:boolean``,
``xsd:double`` and ``xsd:string`` literals as JSON values. Nodes are sorted by ``@id`` as JSON text.

Terms come in as plain tuples: ``("iri", value)``, ``("blank", id)`` or ``("literal", value, datatype, language)``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from itertools import chain
from pathlib import Path
from typing import Any

from kg.spool import SortedSpool

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD = "http://www.w3.org/2001/XMLSchema#"
_NATIVE = {XSD + "integer": int, XSD + "double": float, XSD + "boolean": lambda v: v in ("true", "1")}
_DELIMS = ("#", "/", ":")

Term = tuple


class Compactor:
    """Shortens IRIs with a context's prefixes (``{"dip": "https://…#", …}``)."""

    def __init__(self, prefixes: dict[str, str]) -> None:
        self.prefixes = {iri: name for name, iri in prefixes.items()}
        self.terms = dict(self.prefixes)

    def iri(self, iri: str) -> str:
        """``dip:Meeting`` for an IRI in a known namespace, the IRI itself otherwise.

        >>> Compactor({"dip": "https://w3id.org/partnership-kg/ontology#"}).iri("https://w3id.org/partnership-kg/ontology#Meeting")
        'dip:Meeting'
        >>> Compactor({"kgr": "https://w3id.org/partnership-kg/id/"}).iri("https://w3id.org/partnership-kg/id/person/van-i")
        'https://w3id.org/partnership-kg/id/person/van-i'
        """
        for delim in _DELIMS:
            at = iri.rfind(delim)
            if at > -1:
                prefix = self.prefixes.get(iri[: at + 1])
                return f"{prefix}:{iri[at + 1 :]}" if prefix else iri
        return iri

    def symbol(self, iri: str) -> str:
        """A property or class: a prefix's own IRI is named by the prefix."""
        return self.terms.get(iri) or self.iri(iri)

    def value(self, term: Term) -> Any:
        kind = term[0]
        if kind == "iri":
            return {"@id": self.iri(term[1])}
        if kind == "blank":
            return {"@id": f"_:{term[1]}"}
        _, value, datatype, language = term
        if language:
            return {"@language": language, "@value": value}
        if datatype == XSD + "string":
            return value
        if datatype in _NATIVE:
            return _NATIVE[datatype](value)
        if datatype:
            return {"@type": self.symbol(datatype), "@value": value}
        return value


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def node(compact: Compactor, subject: Term, properties: Iterable[tuple[str, Term]]) -> dict[str, Any]:
    """One subject's node: ``@id``, ``@type`` and its properties, each list sorted."""
    values: dict[str, list[Any]] = {}
    for predicate, obj in properties:
        if predicate == RDF_TYPE and obj[0] == "iri":
            values.setdefault("@type", []).append(compact.symbol(obj[1]))
        else:
            values.setdefault(compact.symbol(predicate), []).append(compact.value(obj))
    out: dict[str, Any] = {"@id": compact.iri(subject[1]) if subject[0] == "iri" else f"_:{subject[1]}"}
    for key, items in values.items():
        out[key] = items[0] if len(items) == 1 else sorted(items, key=_json)
    return out


def write_jsonld(
    subjects: Iterable[tuple[Term, list[tuple[str, Term]]]], path: Path, prefixes: dict[str, str], spool: Path
) -> None:
    """Write the document of ``subjects`` (each subject with all its properties, once) to ``path``; nodes are
    put in order through a sorted spool in the folder ``spool``."""
    compact = Compactor(prefixes)
    context = dict(sorted(prefixes.items()))
    with SortedSpool(spool) as nodes:
        for subject, properties in subjects:
            item = node(compact, subject, properties)
            nodes.add(f"{_json(item['@id'])}\t{_json(item)}\n")
        with path.open("w", encoding="utf-8", newline="\n") as out:
            out.writelines(document(context, (json.loads(line.partition("\t")[2]) for line in nodes)))


def _indented(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True)


def document(context: dict[str, Any], nodes: Iterable[dict[str, Any]]) -> Iterator[str]:
    r"""The text of ``{"@context": context, "@graph": nodes}`` as ``json.dumps(…, indent=1, sort_keys=True)``
    writes it, one node at a time; a graph of one node is that node with the context (as rdflib writes it).

    >>> "".join(document({"ex": "http://ex/"}, [{"@id": "ex:a"}, {"@id": "ex:b"}])) == _indented(
    ...     {"@context": {"ex": "http://ex/"}, "@graph": [{"@id": "ex:a"}, {"@id": "ex:b"}]}) + "\n"
    True
    """
    nodes = iter(nodes)
    first = next(nodes, None)
    second = next(nodes, None) if first is not None else None
    if second is None:
        single = {"@context": context, **(first or {})} if first else {"@context": context, "@graph": []}
        yield _indented(single) + "\n"
        return
    head = _indented({"@context": context})
    yield head[: -len("\n}")] + ',\n "@graph": [\n'
    yield _in_graph(first)
    for item in chain([second], nodes):
        yield ",\n" + _in_graph(item)
    yield "\n ]\n}\n"


def _in_graph(item: dict[str, Any]) -> str:
    return "\n".join("  " + line for line in _indented(item).split("\n"))
