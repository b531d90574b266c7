"""Reading single terms of a partnership graph: labels, numbers, concepts from the ontology, mentions, dates."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from rdflib import RDF, RDFS, SKOS, Graph, Literal, URIRef
from rdflib.term import Node

from kg.vocab import DIP, NIF, ONTOLOGY_FILE

ENTITY_CLASSES: tuple[tuple[str, URIRef], ...] = (
    ("State", DIP.State),
    ("Person", DIP.Person),
    ("Organization", DIP.Organization),
    ("Initiative", DIP.Initiative),
    ("Place", DIP.Place),
)


def local_name(iri: str) -> str:
    """The last part of an IRI, after ``#`` or ``/``.

    >>> local_name("https://w3id.org/partnership-kg/ontology#Talks")
    'Talks'
    >>> local_name("https://w3id.org/partnership-kg/id/person/van-i")
    'van-i'
    """
    return re.split(r"[#/]", iri.rstrip("/#"))[-1]


def union_graph(graph: Graph) -> Graph:
    """All triples of a Graph or Dataset (every named graph and the default one) as one plain Graph; a graph of
    one graph's triples (a Graph, or kg.viz.triples.TripleIndex) as it is."""
    if type(graph) is Graph or not hasattr(graph, "quads"):
        return graph
    union = Graph()
    # quads() covers the default graph and every named graph; a plain Graph yields its own triples
    for s, p, o, *_ in graph.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


@lru_cache(maxsize=1)
def ontology() -> Graph:
    """The ontology file, for labels and scores of concepts a graph refers to without describing them."""
    g = Graph()
    if ONTOLOGY_FILE.exists():
        g.parse(ONTOLOGY_FILE, format="turtle")
    return g


def sorted_literals(g: Graph, s: Node, p: URIRef, lang: str | None = None) -> list[str]:
    """The distinct literal values of ``s p ?o`` (in one language, when given), sorted."""
    values = {
        str(o) for o in g.objects(s, p) if isinstance(o, Literal) and (lang is None or o.language == lang)
    }
    return sorted(values)


def label_of(g: Graph, s: Node, lang: str = "ru") -> str:
    """The name to show: prefLabel@ru, then rdfs:label@ru, then any prefLabel or label, then the IRI's end."""
    for p, want in ((SKOS.prefLabel, lang), (RDFS.label, lang), (SKOS.prefLabel, None), (RDFS.label, None)):
        values = sorted_literals(g, s, p, want)
        if values:
            return values[0]
    return local_name(str(s))


def number_of(g: Graph, s: Node, p: URIRef) -> float | None:
    """The value of ``s p ?o`` as a number; None when absent or not numeric."""
    o = g.value(s, p)
    try:
        return float(o) if o is not None else None
    except (TypeError, ValueError):
        return None


def text_of(g: Graph, s: Node, p: URIRef) -> str | None:
    """The value of ``s p ?o`` as a string; None when absent."""
    o = g.value(s, p)
    return str(o) if o is not None else None


def concept_info(g: Graph, concept: URIRef) -> dict[str, Any]:
    """Label, cooperation score and CAMEO code of a concept, from the graph or else from the ontology file."""
    src = g if (concept, SKOS.prefLabel, None) in g else ontology()
    return {
        "id": str(concept),
        "name": local_name(str(concept)),
        "label": label_of(src, concept)
        if (concept, SKOS.prefLabel, None) in src
        else local_name(str(concept)),
        "score": number_of(g, concept, DIP.cooperationScore)
        if (concept, DIP.cooperationScore, None) in g
        else number_of(ontology(), concept, DIP.cooperationScore),
        "cameo": text_of(g, concept, DIP.cameoCode) or text_of(ontology(), concept, DIP.cameoCode),
    }


def role_label(g: Graph, role: URIRef | None) -> str | None:
    """The Russian name of a participant role: from the graph, else from the ontology, else the IRI's end."""
    if role is None:
        return None
    # the ontology names every role of dip:RoleScheme, so the page needs no table of its own
    for src in (g, ontology()):
        labels = sorted_literals(src, role, SKOS.prefLabel, "ru")
        if labels:
            return labels[0]
    return local_name(str(role))


#: Characters of an evidence sentence the page quotes; the rest is cut with «…» (the offsets stay the sentence's).
#: A scraped «sentence» can run to tens of thousands of characters, and each post or event it states would carry
#: it whole into the page.
EVIDENCE_CHARS = 500


def span_of(g: Graph, mention: Node) -> dict[str, Any] | None:
    """A mention as evidence: its text (at most :data:`EVIDENCE_CHARS` of it), article and offsets.

    >>> from rdflib import BNode, Literal
    >>> g, m = Graph(), BNode()
    >>> _ = g.add((m, NIF.anchorOf, Literal("слово " * 200)))
    >>> quoted = span_of(g, m)["text"]
    >>> len(quoted) <= EVIDENCE_CHARS + 2, quoted.endswith(" …")
    (True, True)
    """
    text = text_of(g, mention, NIF.anchorOf)
    if text is None:
        return None
    if len(text) > EVIDENCE_CHARS:
        text = text[:EVIDENCE_CHARS].rstrip() + " …"
    begin, end = number_of(g, mention, NIF.beginIndex), number_of(g, mention, NIF.endIndex)
    return {
        "text": text,
        "article": text_of(g, mention, NIF.referenceContext),
        "start": int(begin) if begin is not None else None,
        "end": int(end) if end is not None else None,
    }


def evidence_of(g: Graph, s: Node) -> list[dict[str, Any]]:
    """Sentence mentions denoting ``s`` (any mention that is not a trigger or a bare name), in article order."""
    spans = []
    for m in g.objects(s, DIP.denotedBy):
        kind = text_of(g, m, DIP.mentionType)
        if kind in ("trigger", "name"):
            continue
        span = span_of(g, m)
        if span is not None:
            spans.append(span)
    return sorted(spans, key=lambda x: (x["article"] or "", x["start"] or 0, x["end"] or 0, x["text"]))


def date_range(date: str | None, partial: str | None) -> tuple[str | None, str | None]:
    """The first and last day an event's date allows, ISO; (None, None) when no year is known.

    >>> date_range("2020-09-12", None)
    ('2020-09-12', '2020-09-12')
    >>> date_range(None, "2019-09")
    ('2019-09-01', '2019-09-31')
    >>> date_range(None, "2019")
    ('2019-01-01', '2019-12-31')
    >>> date_range(None, "--12-01")
    (None, None)
    """
    if date and re.fullmatch(r"\d{4}-\d{2}-\d{2}", date[:10]):
        return date[:10], date[:10]
    if partial and re.fullmatch(r"\d{4}-\d{2}", partial):
        return f"{partial}-01", f"{partial}-31"  # string comparison only needs an upper bound
    if partial and re.fullmatch(r"\d{4}", partial):
        return f"{partial}-01-01", f"{partial}-12-31"
    return None, None


def human_date(date: str | None, partial: str | None) -> str | None:
    """An event's date as Russian readers write it; a partial date shows only what is known.

    >>> human_date("2025-10-28", None), human_date(None, "--09-12"), human_date(None, "2020-10"), human_date(None, "2019")
    ('28.10.2025', '12.09', '10.2020', '2019')
    >>> human_date(None, None) is None
    True
    """
    for value in (date, partial):
        if not value:
            continue
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value[:10]):
            return f"{m[3]}.{m[2]}.{m[1]}"
        if m := re.fullmatch(r"--(\d{2})-(\d{2})", value):
            return f"{m[2]}.{m[1]}"
        if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
            return f"{m[2]}.{m[1]}"
        return value
    return None


def kind_of(g: Graph, s: Node) -> str:
    """The node kind of an entity (State, Person, …) by its first class in ENTITY_CLASSES; else "Other"."""
    types = set(g.objects(s, RDF.type))
    for kind, cls in ENTITY_CLASSES:
        if cls in types:
            return kind
    return "Other"
