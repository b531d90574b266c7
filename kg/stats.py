"""Figures about a build: resources by class, events by type, the most central actors and their communities.

The only module that imports networkx. The actor graph is the actor–event bipartite graph (``dip:hasParticipant``)
projected onto the actors: two actors are linked when they took part in the same event, and the link's ``weight``
is the number of events they share. On it:

- degree: ``networkx.degree_centrality`` (the share of other actors met at least once; weights ignored, so one
  much-repeated pair does not outrank a well-connected actor);
- PageRank: weighted by ``weight`` (repeated meetings count more), damping 0.85; computed by ``pagerank`` below,
  the power iteration of networkx's pure-Python reference, because ``networkx.pagerank`` needs scipy, which the
  project does not otherwise depend on;
- betweenness: ``networkx.betweenness_centrality`` with distance ``1 / weight`` (a pair that meets often is
  close), normalised;
- communities: Louvain (``networkx.community.louvain_communities``, ``weight``, ``seed=0``) on nodes added in
  IRI order, so the same graph always gives the same partition; listed largest first, members by label.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

import networkx as nx

from kg.sparql import compact_iri
from kg.store import query

#: The classes whose members are actors, most specific first (the one shown as an actor's type).
ACTOR_CLASSES: tuple[str, ...] = ("Person", "State", "Organization")

_DIP = "https://w3id.org/partnership-kg/ontology#"

CLASS_COUNTS = """
SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?class } GROUP BY ?class ORDER BY DESC(?n) ?class
"""
EVENT_TYPE_COUNTS = """
SELECT ?type (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a dip:PartnershipEvent ; dip:eventType ?type }
GROUP BY ?type ORDER BY DESC(?n) ?type
"""
PARTICIPATIONS = """
SELECT DISTINCT ?event ?actor WHERE { ?event a dip:PartnershipEvent ; dip:hasParticipant ?actor }
ORDER BY ?event ?actor
"""
ACTORS = """
SELECT DISTINCT ?actor ?class ?label WHERE {
  ?event a dip:PartnershipEvent ; dip:hasParticipant ?actor .
  OPTIONAL { ?actor a ?class FILTER(?class IN (dip:Person, dip:State, dip:Organization)) }
  OPTIONAL { ?actor skos:prefLabel ?label FILTER(LANGMATCHES(LANG(?label), "ru")) }
} ORDER BY ?actor ?class ?label
"""


@dataclass(frozen=True)
class Ranked:
    """An actor with its score under one centrality measure."""

    iri: str
    label: str
    score: float


@dataclass(frozen=True)
class Stats:
    """What ``kg stats`` reports."""

    classes: tuple[tuple[str, int], ...]
    event_types: tuple[tuple[str, int], ...]
    actors: int
    links: int
    central: dict[str, tuple[Ranked, ...]]
    communities: tuple[tuple[str, ...], ...]  # member labels


def counts(store: object, sparql: str) -> tuple[tuple[str, int], ...]:
    """``(compact IRI, count)`` pairs from a query that selects an IRI and a count."""
    return tuple((compact_iri(str(key)), int(n)) for key, n in query(store, sparql).rows)


def actor_graph(store: object) -> nx.Graph:
    """Actors linked by the events they share (``weight`` = shared events), with ``label`` and ``type``."""
    graph = nx.Graph()
    labels: dict[str, str] = {}
    types: dict[str, str] = {}
    for actor, cls, label in query(store, ACTORS).rows:
        actor = str(actor)
        if label is not None:
            labels.setdefault(actor, str(label))
        if cls is not None:
            name = str(cls).removeprefix(_DIP)
            # An actor typed twice keeps the most specific class in ACTOR_CLASSES order.
            if actor not in types or ACTOR_CLASSES.index(name) < ACTOR_CLASSES.index(types[actor]):
                types[actor] = name
    for actor in sorted(labels.keys() | types.keys()):
        graph.add_node(actor, label=labels.get(actor, compact_iri(actor)), type=types.get(actor, "Actor"))
    by_event: dict[str, list[str]] = {}
    for event, actor in query(store, PARTICIPATIONS).rows:
        by_event.setdefault(str(event), []).append(str(actor))
    weights: Counter[tuple[str, str]] = Counter()
    for actors in by_event.values():
        for node in actors:
            if node not in graph:
                graph.add_node(node, label=compact_iri(node), type="Actor")
        weights.update(combinations(sorted(set(actors)), 2))
    for (a, b), weight in sorted(weights.items()):
        graph.add_edge(a, b, weight=weight)
    return graph


def centrality(graph: nx.Graph, top: int = 10) -> dict[str, tuple[Ranked, ...]]:
    """The ``top`` actors by degree, PageRank and betweenness (ties by label), as documented above."""
    if graph.number_of_nodes() == 0:
        return {"degree": (), "pagerank": (), "betweenness": ()}
    for _, _, data in graph.edges(data=True):
        data["distance"] = 1.0 / data["weight"]
    scores = {
        "degree": nx.degree_centrality(graph),
        "pagerank": pagerank(graph),
        "betweenness": nx.betweenness_centrality(graph, weight="distance", normalized=True),
    }

    def order(item: tuple[str, float]) -> tuple[float, str, str]:
        # Rounded, so float noise between runs cannot reorder equal scores.
        return (-round(item[1], 9), graph.nodes[item[0]]["label"], item[0])

    return {
        name: tuple(
            Ranked(node, graph.nodes[node]["label"], round(score, 6))
            for node, score in sorted(values.items(), key=order)[:top]
        )
        for name, values in scores.items()
    }


def pagerank(
    graph: nx.Graph, alpha: float = 0.85, tol: float = 1.0e-10, max_iter: int = 1000
) -> dict[str, float]:
    """Weighted PageRank by power iteration (as ``networkx.pagerank``, without scipy).

    >>> g = nx.Graph([("a", "b", {"weight": 1}), ("b", "c", {"weight": 1})])
    >>> {k: round(v, 3) for k, v in pagerank(g).items()}
    {'a': 0.257, 'b': 0.486, 'c': 0.257}
    """
    nodes = sorted(graph)
    if not nodes:
        return {}
    n = len(nodes)
    strength = {v: sum(d.get("weight", 1) for _, _, d in graph.edges(v, data=True)) for v in nodes}
    rank = dict.fromkeys(nodes, 1.0 / n)
    for _ in range(max_iter):
        # Isolated actors (no shared event) spread their rank evenly, as networkx does with dangling nodes.
        dangling = alpha * sum(rank[v] for v in nodes if strength[v] == 0) / n
        new = dict.fromkeys(nodes, (1.0 - alpha) / n + dangling)
        for v in nodes:
            if strength[v]:
                share = alpha * rank[v] / strength[v]
                for _, u, d in graph.edges(v, data=True):
                    new[u] += share * d.get("weight", 1)
        if sum(abs(new[v] - rank[v]) for v in nodes) < n * tol:
            return new
        rank = new
    return rank


def communities(graph: nx.Graph) -> tuple[tuple[str, ...], ...]:
    """Louvain communities (seed 0) as IRIs: largest first, members sorted by label."""
    if graph.number_of_edges() == 0:
        return ()
    found = nx.community.louvain_communities(graph, weight="weight", seed=0)
    groups = [sorted(group, key=lambda n: (graph.nodes[n]["label"], n)) for group in found]
    groups.sort(key=lambda g: (-len(g), graph.nodes[g[0]]["label"], g[0]))
    return tuple(tuple(g) for g in groups)


def compute(store: object, top: int = 10) -> tuple[Stats, nx.Graph]:
    """All the figures of ``kg stats`` for one store, and the actor graph they were computed on."""
    graph = actor_graph(store)
    groups = communities(graph)
    stats = Stats(
        classes=counts(store, CLASS_COUNTS),
        event_types=counts(store, EVENT_TYPE_COUNTS),
        actors=graph.number_of_nodes(),
        links=graph.number_of_edges(),
        central=centrality(graph, top),
        communities=tuple(tuple(graph.nodes[n]["label"] for n in group) for group in groups),
    )
    return stats, graph


def write_graphml(graph: nx.Graph, path: Path) -> None:
    """Write the actor graph as GraphML (node ``label``, ``type``, ``iri``; edge ``weight``) for Gephi/Cytoscape."""
    out = nx.Graph()
    for node, data in sorted(graph.nodes(data=True)):
        out.add_node(node, label=data["label"], type=data["type"], iri=node)
    for a, b, data in sorted(graph.edges(data=True)):
        out.add_edge(a, b, weight=int(data["weight"]))
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    nx.write_graphml(out, str(path), encoding="utf-8")
