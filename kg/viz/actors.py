"""The actor view of the page: actors only, events folded into weighted, typed links between their participants,
actors named in one sentence linked too (kg/cooccurrence.py), communities coloured and named by their central actor.

Communities are networkx's Louvain partition (seeded, so the page is the same every time) of the actor graph
weighted by shared events and sentences; a community's name is its actor with the largest weighted degree.
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from kg.viz.reader import Reader
from kg.viz.style import short_label

#: The kinds the actor view shows.
ACTOR_KINDS = ("State", "Person", "Organization")
#: Above this many nodes the page opens in the actor view.
ACTOR_VIEW_NODES = 600
#: Colours of the largest communities, in order; smaller ones share the last, a neutral grey.
COMMUNITY_COLORS = (
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948",
    "#b07aa1", "#ff9da7", "#9c755f", "#86bcb6", "#d37295", "#a0cbe8",
)  # fmt: skip
OTHER_COMMUNITY = "#c7c7c7"
#: A line between actors named together: thin grey, wider the more sentences.
COOC_COLOR, COOC_BASE_WIDTH, COOC_MAX_EXTRA = "#9aa5b1", 1.0, 5


def cooccurrence_edges(reader: Reader) -> list[tuple[tuple[Any, ...], dict[str, Any]]]:
    """The co-occurrence lines of the actor view, with their sort keys."""
    entities = reader.entities
    edges = []
    for (a, b), sentences in sorted(reader.cooccurrences.items()):
        seen = {(s["article"], s["start"]) for s in sentences}
        n = len(seen)
        edges.append(
            (
                (2, "cooc", a, b),
                {
                    "kind": "cooc",
                    "mode": "edges",
                    "color": COOC_COLOR,
                    "width": COOC_BASE_WIDTH + min(n - 1, COOC_MAX_EXTRA),
                    "title": f"{entities[a]['label']} — {entities[b]['label']}\nназваны в одном предложении: {n}",
                    "sentences": n,
                    "physics": False,
                    "hidden": True,
                },
            )
        )
    return edges


def communities(reader: Reader, edges: list[dict[str, Any]]) -> tuple[dict[str, int], list[dict[str, Any]]]:
    """Community of each linked actor and the communities (name, colour, size), largest first."""
    g = nx.Graph()
    for e in edges:
        if e["kind"] in ("pair", "cooc"):
            weight = len(e.get("events", [])) or e.get("sentences", 1)
            a, b = e["from"], e["to"]
            g.add_edge(a, b, weight=g.get_edge_data(a, b, {"weight": 0})["weight"] + weight)
    if not g:
        return {}, []
    parts = nx.community.louvain_communities(g, weight="weight", seed=7)
    strength = dict(g.degree(weight="weight"))
    ranked = sorted((sorted(p) for p in parts), key=lambda p: (-len(p), -sum(strength[x] for x in p), p[0]))
    member: dict[str, int] = {}
    info = []
    for i, part in enumerate(ranked):
        centre = max(part, key=lambda x: (strength[x], x))
        color = COMMUNITY_COLORS[i] if i < len(COMMUNITY_COLORS) else OTHER_COMMUNITY
        info.append(
            {
                "name": short_label(reader.entities[centre]["label"], 30),
                "centre": centre,
                "color": color,
                "size": len(part),
            }
        )
        for x in part:
            member[x] = i
    return member, info


def set_start_view(net: Any, member: dict[str, int], groups: list[dict[str, Any]]) -> str:
    """Mark what the page hides and how it colours nodes as it opens, so the browser starts with nothing to update.

    The page opens in the actor view above ACTOR_VIEW_NODES nodes; either way nodes without a link are hidden
    (the page counts them and offers to show them). The events view's colour of a node stays in ``nodeColor``.
    """
    view = "edges" if len(net.nodes) > ACTOR_VIEW_NODES else "nodes"
    shown = {}
    for node in net.nodes:
        if node["kind"] in ACTOR_KINDS:
            node["actorLinked"] = node["id"] in member
            if node["id"] in member:
                node["community"] = member[node["id"]]
                node["actorColor"] = groups[member[node["id"]]]["color"]
        if view == "edges":
            visible = node.get("actorLinked", False)
            if "actorColor" in node:
                node["nodeColor"] = node["color"]
                fill = node["actorColor"]
                node["color"] = {
                    "background": fill,
                    "border": "#444444",
                    "highlight": {"background": fill, "border": "#111111"},
                    "hover": {"background": fill, "border": "#111111"},
                }
        else:
            visible = not node.get("isolated", False)
        shown[node["id"]] = visible
        if not visible:
            node["hidden"] = True
    for edge in net.edges:
        mode = edge["mode"]
        visible = shown[edge["from"]] and shown[edge["to"]] and mode in ("all", view)
        edge["hidden"] = not visible
    return view
