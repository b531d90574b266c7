"""Read a partnership graph (the shape of notes/GRAPH.md) into a pyvis Network plus the details-panel data.

Actors, initiatives and places become nodes coloured and shaped by type; each event is a small node linked to its
participants, place and subject, coloured by its cooperation score. A second set of edges, drawn instead when the
page shows events as links, joins the participants of each event directly. Node size follows degree (networkx);
every node gets its x/y from kg.viz.layout, so the page opens with the picture already laid out.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from itertools import combinations
from typing import Any

import networkx as nx
from pyvis.network import Network
from rdflib import RDF, RDFS, SKOS, Graph, Literal, URIRef
from rdflib.term import Node

from kg.viz.layout import layout, node_box
from kg.viz.style import KIND_SINGULAR, KIND_STYLE, KINDS, ROLE_LABELS, score_color, score_stops, short_label
from kg.vocab import DIP, NIF, ONTOLOGY_FILE, PROV, SCHEMA

ENTITY_CLASSES: tuple[tuple[str, URIRef], ...] = (
    ("State", DIP.State),
    ("Person", DIP.Person),
    ("Organization", DIP.Organization),
    ("Initiative", DIP.Initiative),
    ("Place", DIP.Place),
)
DEFAULT_TITLE = "Граф партнёрства"
LAYOUT_SEED = 7
#: Physics iterations the page runs on load: none, every node comes with its place (kg.viz.layout).
BROWSER_ITERATIONS = 0
# How strongly a link holds its ends together in the layout: an event stays by its participants more than by
# its place or subject, which many events share and which would otherwise pull them all into one knot.
EDGE_WEIGHT = {
    "participant": 1.0,
    "place": 0.3,
    "concerns": 0.3,
    "subevent": 0.5,
    "post": 0.5,
    "supports": 0.5,
    "member": 0.5,
}
# A clique over many participants of one event would swamp the picture; above this, join them to the first.
MAX_CLIQUE = 6


class KgNetwork(Network):
    """A pyvis Network that also carries what the page's details panel, filters and legend need."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(directed=True, cdn_resources="in_line", **kwargs)
        self.details: dict[str, Any] = {}

    def add_edge_fast(self, source: str, to: str, **options: Any) -> None:
        """Add an edge without pyvis's linear scan over every node (quadratic on large graphs)."""
        if source not in self.node_map or to not in self.node_map:
            raise ValueError(f"edge {source} -> {to} names a node not in the network")
        self.edges.append({"from": source, "to": to, **options})


def local_name(iri: str) -> str:
    """The last part of an IRI, after ``#`` or ``/``.

    >>> local_name("https://w3id.org/partnership-kg/ontology#Talks")
    'Talks'
    >>> local_name("https://w3id.org/partnership-kg/id/person/van-i")
    'van-i'
    """
    return re.split(r"[#/]", iri.rstrip("/#"))[-1]


def union_graph(graph: Graph) -> Graph:
    """All triples of a Graph or Dataset (every named graph and the default one) as one plain Graph."""
    if type(graph) is Graph:
        return graph
    union = Graph()
    # quads() covers the default graph and every named graph; a plain Graph yields its own triples
    for s, p, o, *_ in graph.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


@lru_cache(maxsize=1)
def _ontology() -> Graph:
    """The ontology file, for labels and scores of concepts a graph refers to without describing them."""
    g = Graph()
    if ONTOLOGY_FILE.exists():
        g.parse(ONTOLOGY_FILE, format="turtle")
    return g


def _sorted_literals(g: Graph, s: Node, p: URIRef, lang: str | None = None) -> list[str]:
    values = {
        str(o) for o in g.objects(s, p) if isinstance(o, Literal) and (lang is None or o.language == lang)
    }
    return sorted(values)


def _label(g: Graph, s: Node, lang: str = "ru") -> str:
    """The name to show: prefLabel@ru, then rdfs:label@ru, then any prefLabel or label, then the IRI's end."""
    for p, want in ((SKOS.prefLabel, lang), (RDFS.label, lang), (SKOS.prefLabel, None), (RDFS.label, None)):
        values = _sorted_literals(g, s, p, want)
        if values:
            return values[0]
    return local_name(str(s))


def _number(g: Graph, s: Node, p: URIRef) -> float | None:
    o = g.value(s, p)
    try:
        return float(o) if o is not None else None
    except (TypeError, ValueError):
        return None


def _text(g: Graph, s: Node, p: URIRef) -> str | None:
    o = g.value(s, p)
    return str(o) if o is not None else None


def _concept(g: Graph, concept: URIRef) -> dict[str, Any]:
    """Label, cooperation score and CAMEO code of a concept, from the graph or else from the ontology file."""
    src = g if (concept, SKOS.prefLabel, None) in g else _ontology()
    return {
        "id": str(concept),
        "name": local_name(str(concept)),
        "label": _label(src, concept) if (concept, SKOS.prefLabel, None) in src else local_name(str(concept)),
        "score": _number(g, concept, DIP.cooperationScore)
        if (concept, DIP.cooperationScore, None) in g
        else _number(_ontology(), concept, DIP.cooperationScore),
        "cameo": _text(g, concept, DIP.cameoCode) or _text(_ontology(), concept, DIP.cameoCode),
    }


def _role_label(g: Graph, role: URIRef | None) -> str | None:
    if role is None:
        return None
    for src in (g, _ontology()):
        labels = _sorted_literals(src, role, SKOS.prefLabel, "ru")
        if labels:
            return labels[0]
    return ROLE_LABELS.get(local_name(str(role)), local_name(str(role)))


def _span(g: Graph, mention: Node) -> dict[str, Any] | None:
    """A mention as evidence: its text, article and offsets."""
    text = _text(g, mention, NIF.anchorOf)
    if text is None:
        return None
    begin, end = _number(g, mention, NIF.beginIndex), _number(g, mention, NIF.endIndex)
    return {
        "text": text,
        "article": _text(g, mention, NIF.referenceContext),
        "start": int(begin) if begin is not None else None,
        "end": int(end) if end is not None else None,
    }


def _evidence(g: Graph, s: Node) -> list[dict[str, Any]]:
    """Sentence mentions denoting ``s`` (any mention that is not a trigger or a bare name), in article order."""
    spans = []
    for m in g.objects(s, DIP.denotedBy):
        kind = _text(g, m, DIP.mentionType)
        if kind in ("trigger", "name"):
            continue
        span = _span(g, m)
        if span is not None:
            spans.append(span)
    return sorted(spans, key=lambda x: (x["article"] or "", x["start"] or 0, x["end"] or 0, x["text"]))


def _date_range(date: str | None, partial: str | None) -> tuple[str | None, str | None]:
    """The first and last day an event's date allows, ISO; (None, None) when no year is known.

    >>> _date_range("2020-09-12", None)
    ('2020-09-12', '2020-09-12')
    >>> _date_range(None, "2019-09")
    ('2019-09-01', '2019-09-31')
    >>> _date_range(None, "2019")
    ('2019-01-01', '2019-12-31')
    >>> _date_range(None, "--12-01")
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


def _kind(g: Graph, s: Node) -> str:
    types = set(g.objects(s, RDF.type))
    for kind, cls in ENTITY_CLASSES:
        if cls in types:
            return kind
    return "Other"


def _tooltip(*lines: str | None) -> str:
    """A plain-text tooltip (vis-network shows a string title as text, never as HTML)."""
    return "\n".join(line for line in lines if line)


class _Reader:
    """Collects entities, events and their links from one union graph."""

    def __init__(self, g: Graph) -> None:
        self.g = g
        self.entities: dict[str, dict[str, Any]] = {}
        self.events: dict[str, dict[str, Any]] = {}
        self.articles: dict[str, dict[str, Any]] = {}
        self.facts: dict[str, dict[str, Any]] = {}
        self.event_types: dict[str, dict[str, Any]] = {}
        self.links: list[tuple[str, str, str, dict[str, Any]]] = []  # (kind, from, to, extra)

    def entity(self, s: Node) -> str:
        key = str(s)
        if key in self.entities:
            return key
        g = self.g
        wikidata = sorted(
            m
            for m in (local_name(str(o)) for o in g.objects(s, SKOS.exactMatch) if "wikidata.org" in str(o))
            if re.fullmatch(r"Q\d+", m)
        )
        self.entities[key] = {
            "kind": _kind(g, s),
            "label": _label(g, s),
            "en": next(iter(_sorted_literals(g, s, SKOS.prefLabel, "en")), None),
            "alt": _sorted_literals(g, s, SKOS.altLabel),
            "hidden": _sorted_literals(g, s, SKOS.hiddenLabel),
            "wikidata": wikidata[0] if wikidata else None,
            "posts": [],
            "events": [],
            "supports": [],
            "facts": [],
            "articles": sorted({str(a) for a in g.objects(s, DIP.extractedFrom)}),
            "mentions": sum(1 for _ in g.objects(s, DIP.denotedBy)),
        }
        return key

    def read(self) -> None:
        g = self.g
        for _, cls in ENTITY_CLASSES:
            for s in g.subjects(RDF.type, cls):
                if isinstance(s, URIRef):
                    self.entity(s)
        for a in g.subjects(RDF.type, DIP.NewsArticle):
            self.articles[str(a)] = {
                "id": local_name(str(a)),
                "title": _label(g, a) if (a, RDFS.label, None) in g else None,
                "date": _text(g, a, SCHEMA.datePublished),
                "file": _text(g, a, DIP.sourceFile),
                "agency": _label(g, g.value(a, PROV.wasAttributedTo))
                if g.value(a, PROV.wasAttributedTo)
                else None,
            }
        for e in g.subjects(RDF.type, DIP.PartnershipEvent):
            self.read_event(e)
        self.read_posts()
        for s, o in g.subject_objects(DIP.supports):
            self.links.append(("supports", self.entity(s), self.entity(o), {}))
            self.entities[str(s)]["supports"].append(str(o))
        for s, o in g.subject_objects(DIP.memberOf):
            self.links.append(("member", self.entity(s), self.entity(o), {}))
        for f in g.subjects(RDF.type, DIP.StatisticalFact):
            self.read_fact(f)
        # the store's iteration order is not part of the data: sort every list for byte-identical pages
        for ent in self.entities.values():
            ent["events"] = sorted(
                {(e["id"], e["role"]) for e in ent["events"]},
                key=lambda x: (self.events[x[0]]["dateFrom"] or "9999", x[0], x[1]),
            )
            ent["events"] = [{"id": i, "role": r} for i, r in ent["events"]]
            ent["posts"] = sorted(ent["posts"], key=lambda x: (x["label"], x["id"]))
            ent["supports"] = sorted(set(ent["supports"]))
            ent["articles"] = sorted(
                set(ent["articles"]).union(*(self.events[e["id"]]["articles"] for e in ent["events"]))
            )
            ent["facts"] = sorted(set(ent["facts"]))

    def read_event(self, e: Node) -> None:
        g = self.g
        key = str(e)
        type_iri = g.value(e, DIP.eventType)
        etype = (
            _concept(g, type_iri)
            if isinstance(type_iri, URIRef)
            else {"id": "", "name": "Unknown", "label": "событие", "score": None, "cameo": None}
        )
        self.event_types.setdefault(etype["name"], {**etype, "count": 0})["count"] += 1
        roles: dict[str, list[str]] = defaultdict(list)
        for part in g.objects(e, DIP.hasParticipation):
            who = g.value(part, DIP.participant)
            if who is not None:
                role = _role_label(g, g.value(part, DIP.roleType))
                if role:
                    roles[str(who)].append(role)
        participants = sorted({str(p) for p in g.objects(e, DIP.hasParticipant)} | set(roles))
        date, partial = _text(g, e, DIP.date), _text(g, e, DIP.partialDate)
        date_from, date_to = _date_range(date, partial)
        place = g.value(e, DIP.place)
        concerns = sorted(str(c) for c in g.objects(e, DIP.concerns))
        level = g.value(e, DIP.partnershipLevel)
        parent = g.value(e, DIP.subEventOf)
        trigger = g.value(e, DIP.trigger)
        self.events[key] = {
            "label": _label(g, e),
            "type": etype["name"],
            "typeLabel": etype["label"],
            "score": etype["score"],
            "cameo": etype["cameo"],
            "date": date,
            "partialDate": partial,
            "dateText": _text(g, e, DIP.dateText),
            "dateInferred": bool(g.value(e, DIP.dateInferred))
            if g.value(e, DIP.dateInferred) is not None
            else False,
            "when": human_date(date, partial),
            "dateFrom": date_from,
            "dateTo": date_to,
            "participants": [
                {"id": p, "role": ", ".join(sorted(set(roles.get(p, [])))) or None} for p in participants
            ],
            "place": str(place) if place is not None else None,
            "concerns": concerns,
            "level": _label(g, level) if level is not None else None,
            "confidence": _number(g, e, DIP.confidence),
            "trigger": _span(g, trigger) if trigger is not None else None,
            "evidence": _evidence(g, e),
            "subEventOf": str(parent) if parent is not None else None,
            "articles": sorted(str(a) for a in g.objects(e, DIP.extractedFrom)),
        }
        for p in participants:
            self.entity(URIRef(p))
            self.entities[p]["events"].append(
                {
                    "id": key,
                    "role": self.events[key]["participants"][participants.index(p)]["role"] or "участник",
                }
            )
            self.links.append(("participant", key, p, {}))
        if place is not None:
            self.entities[self.entity(place)]["events"].append({"id": key, "role": "место"})
            self.links.append(("place", key, str(place), {}))
        for c in concerns:
            self.entities[self.entity(URIRef(c))]["events"].append({"id": key, "role": "предмет"})
            self.links.append(("concerns", key, c, {}))

    def read_posts(self) -> None:
        g = self.g
        evidence: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
        for h in g.subjects(RDF.type, DIP.PostHolding):
            holder, post = g.value(h, DIP.holder), g.value(h, DIP.heldPost)
            if holder is not None and post is not None:
                evidence[(str(holder), str(post))].extend(_evidence(g, h))
        for person, post in g.subject_objects(DIP.holdsPost):
            where = g.value(post, DIP.postIn)
            item = {
                "id": str(post),
                "label": _label(g, post),
                "in": str(where) if where is not None else None,
                "evidence": sorted(
                    evidence.get((str(person), str(post)), []),
                    key=lambda x: (x["article"] or "", x["start"] or 0),
                ),
            }
            self.entities[self.entity(person)]["posts"].append(item)
            if where is not None:
                self.links.append(("post", str(person), self.entity(where), {"post": item["label"]}))

    def read_fact(self, f: Node) -> None:
        g = self.g
        indicator = g.value(f, DIP.indicator)
        about = sorted(str(c) for c in g.objects(f, DIP.concerns))
        self.facts[str(f)] = {
            "label": _label(g, f),
            "indicator": _concept(g, indicator)["label"] if isinstance(indicator, URIRef) else None,
            "value": _number(g, f, DIP.value),
            "unit": _text(g, f, DIP.unit),
            "period": _text(g, f, DIP.refPeriod),
            "changePercent": _number(g, f, DIP.changePercent),
            "about": about,
            "evidence": _evidence(g, f),
        }
        for c in about:
            self.entities[self.entity(URIRef(c))]["facts"].append(str(f))


def _event_short(ev: dict[str, Any]) -> str:
    """«Переговоры 2020-09-12»: the event's type and date, short enough for the canvas."""
    when = ev["when"] or ""
    label = ev["typeLabel"][:1].upper() + ev["typeLabel"][1:]
    return f"{label} {when}".strip()


def to_network(graph: Graph, *, title: str = DEFAULT_TITLE) -> KgNetwork:
    """Draw a partnership graph (Graph or Dataset, as kg/graph.py builds it) as a pyvis Network."""
    reader = _Reader(union_graph(graph))
    reader.read()
    net = KgNetwork(height="100%", width="100%", bgcolor="#ffffff", font_color=False, heading="")
    entities, events = reader.entities, reader.events

    # Participant edges (and the rest) are merged per (kind, from, to): one line per pair, sorted for stable output.
    links: dict[tuple[str, str, str], dict[str, Any]] = {}
    for kind, src, dst, extra in reader.links:
        item = links.setdefault((kind, src, dst), {"posts": set()})
        if "post" in extra:
            item["posts"].add(extra["post"])

    pairs: dict[tuple[str, str], list[str]] = defaultdict(list)
    for key in sorted(events):
        ids = [p["id"] for p in events[key]["participants"]]
        joined = combinations(ids, 2) if len(ids) <= MAX_CLIQUE else ((ids[0], other) for other in ids[1:])
        for a, b in joined:
            pairs[(min(a, b), max(a, b))].append(key)

    degree_graph = nx.Graph()
    degree_graph.add_nodes_from(list(entities) + list(events))
    degree_graph.add_edges_from((src, dst) for _, src, dst in links)
    degree = dict(degree_graph.degree())
    top = max((degree[k] for k in entities), default=1) or 1

    kind_order = {k: i for i, (k, *_rest) in enumerate(KINDS)}
    for key in sorted(entities, key=lambda k: (kind_order[entities[k]["kind"]], k)):
        ent = entities[key]
        style = KIND_STYLE[ent["kind"]]
        n_events = len({e["id"] for e in ent["events"]})
        size = 12 + 22 * (degree[key] / top) ** 0.5
        net.add_node(
            key,
            label=short_label(ent["label"]),
            shape=style["shape"],
            size=round(size, 2),
            color={
                "background": style["color"],
                "border": style["border"],
                "highlight": {"background": style["color"], "border": "#111111"},
                "hover": {"background": style["color"], "border": "#111111"},
            },
            font={
                "size": 18 if ent["kind"] in ("State", "Person") else 15,
                "color": "#1b1b1b",
                "strokeWidth": 4,
                "strokeColor": "#ffffff",
            },
            title=_tooltip(
                ent["label"], KIND_SINGULAR[ent["kind"]], f"событий: {n_events}" if n_events else None
            ),
            kind=ent["kind"],
            degree=degree[key],
            isolated=degree[key] == 0,
        )
    for key in sorted(events):
        ev = events[key]
        color = score_color(ev["score"])
        net.add_node(
            key,
            label=_event_short(ev),
            shape="diamond",
            size=7,
            color={
                "background": color,
                "border": "#555555",
                "highlight": {"background": color, "border": "#111111"},
                "hover": {"background": color, "border": "#111111"},
            },
            font={"size": 10, "color": "#555555", "strokeWidth": 3, "strokeColor": "#ffffff"},
            title=_tooltip(
                ev["label"],
                ev["when"] or ev["dateText"],
                f"сотрудничество: {ev['score']:+.1f}" if ev["score"] is not None else None,
            ),
            kind="Event",
            eventType=ev["type"],
            dateFrom=ev["dateFrom"],
            dateTo=ev["dateTo"],
            degree=degree[key],
        )

    edges: list[tuple[tuple[Any, ...], dict[str, Any]]] = []
    for (kind, src, dst), item in links.items():
        options: dict[str, Any] = {"kind": kind, "mode": "nodes"}
        if kind == "participant":
            ev = events[src]
            role = next((p["role"] for p in ev["participants"] if p["id"] == dst), None)
            options.update(
                color=score_color(ev["score"]),
                width=2,
                title=_tooltip(f"{entities[dst]['label']} — {role or 'участник'}", ev["label"]),
                events=[src],
            )
        elif kind == "place":
            options.update(
                color="#b08a5e",
                width=1,
                dashes=[4, 4],
                title=_tooltip(f"место: {entities[dst]['label']}", events[src]["label"]),
                events=[src],
            )
        elif kind == "concerns":
            options.update(
                color="#b07aa1",
                width=1,
                dashes=[2, 4],
                title=_tooltip(f"о чём: {entities[dst]['label']}", events[src]["label"]),
                events=[src],
            )
        elif kind == "post":
            posts = sorted(item["posts"])
            options.update(
                color="#8a8a8a",
                width=1.5,
                dashes=[8, 4],
                # no label on the line: the legend names dashed grey lines, the tooltip and panel name the post
                title=_tooltip(entities[src]["label"], *posts),
                posts=posts,
                mode="all",
            )
        elif kind == "supports":
            options.update(
                color="#b07aa1",
                width=1.5,
                dashes=[8, 4],
                title=_tooltip(f"{entities[src]['label']} поддерживает {entities[dst]['label']}"),
                mode="all",
            )
        else:
            options.update(
                color="#8a8a8a",
                width=1,
                dashes=[2, 2],
                mode="all",
                title=_tooltip(f"{entities[src]['label']} — член {entities[dst]['label']}"),
            )
        edges.append(((0, kind, src, dst), options))
    for key, ev in events.items():
        parent = ev["subEventOf"]
        if parent in events:
            edges.append(
                (
                    (0, "subevent", key, parent),
                    {
                        "kind": "subevent",
                        "mode": "nodes",
                        "color": "#7f7f7f",
                        "width": 1,
                        "dashes": [1, 3],
                        "title": _tooltip("часть события", events[parent]["label"]),
                        "events": [key, parent],
                    },
                )
            )
    for (a, b), keys in pairs.items():
        scores = [events[k]["score"] for k in keys if events[k]["score"] is not None]
        mean = sum(scores) / len(scores) if scores else None
        types = sorted({events[k]["typeLabel"] for k in keys})
        edges.append(
            (
                (1, "pair", a, b),
                {
                    "kind": "pair",
                    "mode": "edges",
                    "color": score_color(mean),
                    "width": 1.5 + min(len(keys), 6),
                    "label": short_label(", ".join(types), 30) + (f" ×{len(keys)}" if len(keys) > 1 else ""),
                    "title": _tooltip(
                        f"{entities[a]['label']} — {entities[b]['label']}",
                        *sorted(events[k]["label"] for k in keys)[:12],
                    ),
                    "events": sorted(keys),
                    "physics": False,
                    "hidden": True,
                },
            )
        )
    edges.sort(key=lambda item: item[0])
    for i, ((_, _, src, dst), options) in enumerate(edges):
        net.add_edge_fast(src, dst, id=f"e{i}", **options)

    place_nodes(net)
    net.options = _options(len(net.nodes))
    n_articles = len(reader.articles)
    net.details = {
        "title": title,
        "relayoutIterations": stabilization_iterations(len(net.nodes)),
        "entities": entities,
        "events": events,
        "facts": reader.facts,
        "articles": reader.articles,
        "kinds": [
            {
                "kind": k,
                "label": label,
                "one": KIND_SINGULAR[k],
                "shape": shape,
                "color": fill,
                "border": border,
                "count": sum(1 for e in entities.values() if e["kind"] == k) if k != "Event" else len(events),
            }
            for k, label, shape, fill, border in KINDS
        ],
        "eventTypes": [
            {**t, "color": score_color(t["score"])}
            for t in sorted(reader.event_types.values(), key=lambda t: (-(t["score"] or -99), t["name"]))
        ],
        "scale": score_stops(),
        "counts": {
            "entities": len(entities),
            "events": len(events),
            "articles": n_articles,
            "nodes": len(net.nodes),
            "edges": sum(1 for e in net.edges if e["mode"] != "edges"),
            "pairs": sum(1 for e in net.edges if e["mode"] == "edges"),
        },
    }
    return net


def place_nodes(net: KgNetwork) -> None:
    """Give every node its x/y (kg.viz.layout), so the browser has no layout left to do."""
    ids = [n["id"] for n in net.nodes]
    boxes = [node_box(n["size"], n["label"], n["font"]["size"]) for n in net.nodes]
    # the links drawn with events as nodes; the pair links of the other mode would pull participants together twice
    links = [(e["from"], e["to"], EDGE_WEIGHT[e["kind"]]) for e in net.edges if e["mode"] != "edges"]
    positions = layout(ids, boxes, links, seed=LAYOUT_SEED)
    for node in net.nodes:
        node["x"], node["y"] = positions[node["id"]]


def stabilization_iterations(n_nodes: int) -> int:
    """How many physics iterations «Уложить заново» may spend on a new layout: fewer as the graph grows.

    >>> stabilization_iterations(50), stabilization_iterations(1000), stabilization_iterations(2000)
    (400, 200, 150)
    """
    return max(150, min(400, 200_000 // max(n_nodes, 1)))


def _options(n_nodes: int) -> dict[str, Any]:
    """vis-network options: the nodes come placed, so physics runs only when the reader asks for a new layout."""
    big = n_nodes > 400
    return {
        "autoResize": True,
        # every node comes with its x/y (place_nodes): vis-network's own first layout would only be thrown away
        "layout": {"randomSeed": LAYOUT_SEED, "improvedLayout": False},
        "physics": {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {
                "gravitationalConstant": -70 if big else -110,
                # enough pull to keep entities no event links from drifting to the edge of the picture
                "centralGravity": 0.012 if big else 0.02,
                "springLength": 90 if big else 110,
                "springConstant": 0.06,
                "damping": 0.5,
                "avoidOverlap": 0 if big else 0.3,
                # a coarser Barnes-Hut approximation: the repulsion dominates the cost
                "theta": 1.0 if big else 0.6,
            },
            "maxVelocity": 60,
            # a large graph stops once it moves little: the last iterations would only polish it
            "minVelocity": 2.0 if big else 1.0,
            "timestep": 0.6 if big else 0.5,
            "stabilization": {
                "enabled": True,
                "iterations": BROWSER_ITERATIONS,
                "updateInterval": 10 if big else 25,
                "fit": True,
            },
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 150,
            "hideEdgesOnDrag": big,
            "hideEdgesOnZoom": big,
            "navigationButtons": False,
            "keyboard": False,
            "multiselect": False,
        },
        "nodes": {
            "borderWidth": 1.5,
            "borderWidthSelected": 3,
            "font": {"face": "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"},
        },
        "edges": {
            "smooth": False,
            "arrows": {"to": {"enabled": False}},
            "selectionWidth": 2,
            "hoverWidth": 1,
            "font": {
                "size": 10,
                "color": "#555555",
                "strokeWidth": 3,
                "strokeColor": "#ffffff",
                "align": "middle",
            },
        },
    }
