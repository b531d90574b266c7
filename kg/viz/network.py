"""Draw a partnership graph as a pyvis Network plus the details-panel data: ``to_network(graph) -> KgNetwork``.

The graph is read into plain data first (:mod:`kg.viz.reader`); here actors, initiatives and places become nodes
coloured and shaped by type (:mod:`kg.viz.style`); each event is a small node linked to its participants, place
and subject, coloured by its cooperation score. A second set of edges, drawn instead when the page shows events as
links, joins the participants of each event directly. Node size follows degree (networkx); every node gets its
x/y from kg.viz.layout, so the page opens with the picture already laid out. Writing the page is
:func:`kg.viz.page.write_html`.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations
from typing import Any

import networkx as nx
from pyvis.network import Network
from rdflib import Graph

from kg.viz.actors import ACTOR_KINDS, communities, cooccurrence_edges, set_start_view
from kg.viz.layout import layout, node_box
from kg.viz.options import LAYOUT_SEED, stabilization_iterations, vis_options
from kg.viz.reader import Reader
from kg.viz.style import (
    EDGE_STYLE,
    ENTITY_FONT,
    ENTITY_FONT_SIZE,
    EVENT_BORDER,
    EVENT_FONT,
    EVENT_SIZE,
    HIGHLIGHT_BORDER,
    KIND_SINGULAR,
    KIND_STYLE,
    KINDS,
    MIN_NODE_SIZE,
    NODE_SIZE_RANGE,
    OTHER_FONT_SIZE,
    PAIR_BASE_WIDTH,
    PAIR_MAX_EXTRA,
    score_color,
    score_stops,
    short_label,
)
from kg.viz.terms import local_name, union_graph

__all__ = ["DEFAULT_TITLE", "KgNetwork", "local_name", "place_nodes", "to_network", "union_graph"]

DEFAULT_TITLE = "Граф партнёрства"
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
    "cooc": 0.2,
}
# A clique over many participants of one event would swamp the picture; above this, join them to the first.
MAX_CLIQUE = 6

Link = tuple[str, str, str]  # (kind, from, to)


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


def _tooltip(*lines: str | None) -> str:
    """A plain-text tooltip (vis-network shows a string title as text, never as HTML)."""
    return "\n".join(line for line in lines if line)


def _event_short(ev: dict[str, Any]) -> str:
    """«Переговоры 2020-09-12»: the event's type and date, short enough for the canvas."""
    when = ev["when"] or ""
    label = ev["typeLabel"][:1].upper() + ev["typeLabel"][1:]
    return f"{label} {when}".strip()


def _node_color(fill: str, border: str) -> dict[str, Any]:
    highlight = {"background": fill, "border": HIGHLIGHT_BORDER}
    return {"background": fill, "border": border, "highlight": highlight, "hover": dict(highlight)}


def _edge_style(kind: str) -> dict[str, Any]:
    """A fresh copy of a kind's line style (the dash lists are not shared between edges)."""
    return {k: list(v) if isinstance(v, list) else v for k, v in EDGE_STYLE[kind].items()}


def _merged_links(reader: Reader) -> dict[Link, set[str]]:
    """Links merged per (kind, from, to): one line per pair, with the posts it carries."""
    links: dict[Link, set[str]] = {}
    for kind, src, dst, extra in reader.links:
        posts = links.setdefault((kind, src, dst), set())
        if "post" in extra:
            posts.add(extra["post"])
    return links


def _pairs(events: dict[str, dict[str, Any]]) -> dict[tuple[str, str], list[str]]:
    """The events each pair of participants shares, for the view that draws events as links."""
    pairs: dict[tuple[str, str], list[str]] = defaultdict(list)
    for key in sorted(events):
        ids = [p["id"] for p in events[key]["participants"]]
        joined = combinations(ids, 2) if len(ids) <= MAX_CLIQUE else ((ids[0], other) for other in ids[1:])
        for a, b in joined:
            pairs[(min(a, b), max(a, b))].append(key)
    return pairs


def _add_nodes(net: KgNetwork, reader: Reader, degree: dict[str, int]) -> None:
    entities, events = reader.entities, reader.events
    top = max((degree[k] for k in entities), default=1) or 1
    kind_order = {k: i for i, (k, *_rest) in enumerate(KINDS)}
    for key in sorted(entities, key=lambda k: (kind_order[entities[k]["kind"]], k)):
        ent = entities[key]
        style = KIND_STYLE[ent["kind"]]
        n_events = len({e["id"] for e in ent["events"]})
        size = MIN_NODE_SIZE + NODE_SIZE_RANGE * (degree[key] / top) ** 0.5
        net.add_node(
            key,
            label=short_label(ent["label"]),
            shape=style["shape"],
            size=round(size, 2),
            color=_node_color(style["color"], style["border"]),
            font={"size": ENTITY_FONT_SIZE.get(ent["kind"], OTHER_FONT_SIZE), **ENTITY_FONT},
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
            size=EVENT_SIZE,
            color=_node_color(color, EVENT_BORDER),
            font=dict(EVENT_FONT),
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


def _link_options(reader: Reader, link: Link, posts: set[str]) -> dict[str, Any]:
    """The vis options of a line drawn with events as nodes: style, tooltip, the events it belongs to."""
    entities, events = reader.entities, reader.events
    kind, src, dst = link
    options: dict[str, Any] = {"kind": kind, "mode": "nodes", **_edge_style(kind)}
    if kind == "participant":
        ev = events[src]
        role = next((p["role"] for p in ev["participants"] if p["id"] == dst), None)
        options.update(
            color=score_color(ev["score"]),
            title=_tooltip(f"{entities[dst]['label']} — {role or 'участник'}", ev["label"]),
            events=[src],
        )
    elif kind == "place":
        options.update(title=_tooltip(f"место: {entities[dst]['label']}", events[src]["label"]), events=[src])
    elif kind == "concerns":
        options.update(title=_tooltip(f"о чём: {entities[dst]['label']}", events[src]["label"]), events=[src])
    elif kind == "post":
        shown = sorted(posts)
        # no label on the line: the legend names dashed grey lines, the tooltip and panel name the post
        options.update(title=_tooltip(entities[src]["label"], *shown), posts=shown, mode="all")
    elif kind == "supports":
        options.update(
            title=_tooltip(f"{entities[src]['label']} поддерживает {entities[dst]['label']}"), mode="all"
        )
    else:
        member = f"{entities[src]['label']} — член {entities[dst]['label']}"
        options.update(mode="all", title=_tooltip(member))
    return options


def _edges(reader: Reader, links: dict[Link, set[str]]) -> list[tuple[tuple[Any, ...], dict[str, Any]]]:
    """Every line of both views with its sort key: links, sub-event links, then the participant pairs."""
    events, entities = reader.events, reader.entities
    edges: list[tuple[tuple[Any, ...], dict[str, Any]]] = [
        ((0, *link), _link_options(reader, link, posts)) for link, posts in links.items()
    ]
    for key, ev in events.items():
        parent = ev["subEventOf"]
        if parent in events:
            options = {"kind": "subevent", "mode": "nodes", **_edge_style("subevent")}
            options.update(title=_tooltip("часть события", events[parent]["label"]), events=[key, parent])
            edges.append(((0, "subevent", key, parent), options))
    for (a, b), keys in _pairs(events).items():
        scores = [events[k]["score"] for k in keys if events[k]["score"] is not None]
        mean = sum(scores) / len(scores) if scores else None
        types = sorted({events[k]["typeLabel"] for k in keys})
        dates = sorted({events[k]["when"] for k in keys if events[k]["when"]})
        edges.append(
            (
                (1, "pair", a, b),
                {
                    "kind": "pair",
                    "mode": "edges",
                    "color": score_color(mean),
                    "width": PAIR_BASE_WIDTH + min(len(keys), PAIR_MAX_EXTRA),
                    "label": short_label(", ".join(types), 30) + (f" ×{len(keys)}" if len(keys) > 1 else ""),
                    "title": _tooltip(
                        f"{entities[a]['label']} — {entities[b]['label']}",
                        f"совместных событий: {len(keys)} ({', '.join(types)})",
                        f"даты: {dates[0]} — {dates[-1]}"
                        if len(dates) > 1
                        else (f"дата: {dates[0]}" if dates else None),
                        *sorted(events[k]["label"] for k in keys)[:10],
                    ),
                    "events": sorted(keys),
                    "physics": False,
                    "hidden": True,
                },
            )
        )
    edges.extend(cooccurrence_edges(reader))
    edges.sort(key=lambda item: item[0])
    return edges


def _details(net: KgNetwork, reader: Reader, title: str) -> dict[str, Any]:
    """What the details panel, the filters and the legend show."""
    entities, events = reader.entities, reader.events
    return {
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
            "articles": len(reader.articles),
            "nodes": len(net.nodes),
            "edges": sum(1 for e in net.edges if e["mode"] != "edges"),
            "pairs": sum(1 for e in net.edges if e["mode"] == "edges"),
        },
    }


def to_network(graph: Graph, *, title: str = DEFAULT_TITLE) -> KgNetwork:
    """Draw a partnership graph (Graph or Dataset, as kg/graph.py builds it) as a pyvis Network."""
    reader = Reader(union_graph(graph))
    reader.read()
    net = KgNetwork(height="100%", width="100%", bgcolor="#ffffff", font_color=False, heading="")
    links = _merged_links(reader)
    degree_graph = nx.Graph()
    degree_graph.add_nodes_from(list(reader.entities) + list(reader.events))
    degree_graph.add_edges_from((src, dst) for _, src, dst in links)
    _add_nodes(net, reader, dict(degree_graph.degree()))
    for i, ((_, _, src, dst), options) in enumerate(_edges(reader, links)):
        net.add_edge_fast(src, dst, id=f"e{i}", **options)
    member, groups = communities(reader, net.edges)
    place_nodes(net)
    start = set_start_view(net, member, groups)
    net.options = vis_options(len(net.nodes))
    net.details = _details(net, reader, title)
    net.details["communities"] = groups
    net.details["actorKinds"] = list(ACTOR_KINDS)
    net.details["startView"] = start
    # each sentence once (a sentence naming k actors is evidence for k·(k-1)/2 links), the links by index
    sentences: dict[tuple[Any, ...], int] = {}
    links_of: dict[str, list[int]] = {}
    for (a, b), said in sorted(reader.cooccurrences.items()):
        keys = [(x["article"], x["start"], x["end"], x["text"]) for x in said]
        links_of[f"{a} {b}"] = [sentences.setdefault(k, len(sentences)) for k in keys]
    net.details["sentences"] = [list(k) for k in sentences]
    net.details["cooccurrences"] = links_of
    return net


def place_nodes(net: KgNetwork) -> None:
    """Give every node its x/y (kg.viz.layout), so the browser has no layout left to do."""
    ids = [n["id"] for n in net.nodes]
    boxes = [node_box(n["size"], n["label"], n["font"]["size"]) for n in net.nodes]
    # the links drawn with events as nodes; the pair links of the other mode would pull participants together twice
    links = [
        (e["from"], e["to"], EDGE_WEIGHT[e["kind"]])
        for e in net.edges
        if e["mode"] != "edges" or e["kind"] == "cooc"
    ]
    positions = layout(ids, boxes, links, seed=LAYOUT_SEED)
    for node in net.nodes:
        node["x"], node["y"] = positions[node["id"]]
