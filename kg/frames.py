"""A build as pandas tables: entities, posts, events, figures, the most central actors and their communities.

The only module that imports pandas, which comes with the ``notebook`` extra
(``pip install 'partnership-kg[notebook]'``); without it every function here raises
:class:`kg.errors.MissingDependencyError` naming that extra. Each table is read with SPARQL from a store that
:func:`kg.store.open_target` opens (a build folder, a store directory or one RDF file), one row per resource
(``DISTINCT``, so a triple stated in two article graphs counts once), in a fixed order, so the same build gives
the same tables. Labels are the Russian ``skos:prefLabel``; IRIs are kept in an ``iri`` column to go back to the
graph.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from kg.errors import MissingDependencyError
from kg.sparql import Result, compact_iri
from kg.store import query

_DIP = "https://w3id.org/partnership-kg/ontology#"

ENTITIES = """
SELECT ?iri ?type ?label ?label_en ?wikidata (COUNT(DISTINCT ?article) AS ?articles)
       (COUNT(DISTINCT ?mention) AS ?mentions)
WHERE {
  ?iri a ?class . VALUES ?class { dip:Person dip:State dip:Organization dip:Initiative dip:Place }
  BIND(STRAFTER(STR(?class), "#") AS ?type)
  OPTIONAL { ?iri skos:prefLabel ?label FILTER(LANG(?label) = "ru") }
  OPTIONAL { ?iri skos:prefLabel ?label_en FILTER(LANG(?label_en) = "en") }
  OPTIONAL { ?iri skos:exactMatch ?wd FILTER(STRSTARTS(STR(?wd), "http://www.wikidata.org/entity/")) }
  BIND(STRAFTER(STR(?wd), "entity/") AS ?wikidata)
  OPTIONAL { ?iri dip:extractedFrom ?article }
  OPTIONAL { ?iri dip:denotedBy ?mention }
}
GROUP BY ?iri ?type ?label ?label_en ?wikidata
ORDER BY DESC(?mentions) ?label ?iri
"""

POSTS = """
SELECT DISTINCT ?person ?post ?in ?article ?holding
WHERE {
  ?holding a dip:PostHolding ; dip:holder ?p ; dip:heldPost ?q .
  ?p skos:prefLabel ?person FILTER(LANG(?person) = "ru")
  ?q skos:prefLabel ?post FILTER(LANG(?post) = "ru")
  OPTIONAL { ?q dip:postIn/skos:prefLabel ?in FILTER(LANG(?in) = "ru") }
  OPTIONAL { ?holding dip:extractedFrom ?a }
  BIND(STRAFTER(STR(?a), "/article/") AS ?article)
}
ORDER BY ?person ?post ?article
"""

EVENTS = """
SELECT ?event ?type ?status ?cameo ?score ?date ?partial_date ?place
       (GROUP_CONCAT(?actor; separator=", ") AS ?participants) ?confidence ?article
WHERE {
  SELECT DISTINCT ?event ?type ?status ?cameo ?score ?date ?partial_date ?place ?actor ?confidence ?article WHERE {
    ?event a dip:PartnershipEvent ; dip:eventType ?t .
    OPTIONAL { ?t skos:prefLabel ?typeLabel FILTER(LANG(?typeLabel) = "ru") }
    BIND(COALESCE(?typeLabel, STRAFTER(STR(?t), "#")) AS ?type)
    OPTIONAL { ?t dip:cameoCode ?cameo }
    OPTIONAL {  # not reported as done: planned, proposed, cancelled … (empty: it happened)
      ?event dip:status ?s .
      OPTIONAL { ?s skos:prefLabel ?statusLabel FILTER(LANG(?statusLabel) = "ru") }
      BIND(COALESCE(?statusLabel, STRAFTER(STR(?s), "#")) AS ?status)
    }
    OPTIONAL { ?t dip:cooperationScore ?score }
    OPTIONAL { ?event dip:date ?d }
    BIND(STR(?d) AS ?date)
    OPTIONAL { ?event dip:partialDate ?pd }
    BIND(STR(?pd) AS ?partial_date)
    OPTIONAL { ?event dip:place/skos:prefLabel ?place FILTER(LANG(?place) = "ru") }
    OPTIONAL { ?event dip:hasParticipant/skos:prefLabel ?actor FILTER(LANG(?actor) = "ru") }
    OPTIONAL { ?event dip:confidence ?confidence }
    OPTIONAL { ?event dip:extractedFrom ?a }
    BIND(STRAFTER(STR(?a), "/article/") AS ?article)
  }
  ORDER BY ?actor
}
GROUP BY ?event ?type ?status ?cameo ?score ?date ?partial_date ?place ?confidence ?article
ORDER BY ?article ?event
"""

FIGURES = """
SELECT ?indicator ?value ?unit ?period ?change_percent (GROUP_CONCAT(?state; separator=", ") AS ?between)
       ?article ?fact
WHERE {
  SELECT DISTINCT ?fact ?indicator ?value ?unit ?period ?change_percent ?state ?article WHERE {
    ?fact a dip:StatisticalFact ; dip:value ?value .
    OPTIONAL { ?fact dip:indicator ?ind }
    BIND(STRAFTER(STR(?ind), "#") AS ?indicator)
    OPTIONAL { ?fact dip:unit ?unit }
    OPTIONAL { ?fact dip:refPeriod ?period }
    OPTIONAL { ?fact dip:changePercent ?change_percent }
    OPTIONAL { ?fact dip:concerns/skos:prefLabel ?state FILTER(LANG(?state) = "ru") }
    OPTIONAL { ?fact dip:extractedFrom ?a }
    BIND(STRAFTER(STR(?a), "/article/") AS ?article)
  }
  ORDER BY ?state
}
GROUP BY ?fact ?indicator ?value ?unit ?period ?change_percent ?article
ORDER BY ?article ?fact
"""


def pandas() -> Any:
    """The pandas module, or an error naming the extra that brings it."""
    try:
        import pandas as pd
    except ImportError as exc:
        raise MissingDependencyError(
            "kg.frames needs pandas, which comes with the notebook extra: pip install 'partnership-kg[notebook]'"
        ) from exc
    return pd


def to_frame(result: Result, *, compact: bool = True) -> Any:
    """A SELECT result as a DataFrame, one column per variable; IRIs shortened to ``kgr:…`` when ``compact``,
    decimals as floats (so a column of scores is numeric)."""
    pd = pandas()
    rows = [[_plain(v, compact) for v in row] for row in result.rows]
    frame = pd.DataFrame(rows, columns=list(result.variables))
    for i, name in enumerate(result.variables):
        # A column of integers with a gap keeps its integers (pandas would make them floats around the NaN).
        values = [row[i] for row in rows]
        present = [v for v in values if v is not None]
        if present and len(present) < len(values) and all(type(v) is int for v in present):
            frame[name] = pd.array(values, dtype="Int64")
    return frame


def _plain(value: object, compact: bool) -> object:
    if isinstance(value, Decimal):
        return float(value)
    if compact and isinstance(value, str) and value.startswith(("http://", "https://")):
        return compact_iri(value)
    return value


def select(store: object, sparql: str, *, compact: bool = True) -> Any:
    """Run a SELECT query (the project's prefixes need no declaring) and return its rows as a DataFrame."""
    return to_frame(query(store, sparql), compact=compact)


def entities(store: object) -> Any:
    """People, states, organisations, initiatives and places: type, labels, Wikidata id, articles and mentions
    counted; most mentioned first."""
    return select(store, ENTITIES)


def posts(store: object) -> Any:
    """Who holds which post in which state or body, by article."""
    return select(store, POSTS)


def events(store: object) -> Any:
    """One row per event: type (Russian), status (empty when reported as done, else «запланировано», «отменено» …),
    CAMEO code, cooperation score, date (or partial date), place, participants (alphabetical), confidence, article;
    and ``month`` (``YYYY-MM``) when the date gives one."""
    frame = select(store, EVENTS)
    frame["month"] = [_month(d, p) for d, p in zip(frame["date"], frame["partial_date"], strict=True)]
    return frame


def _month(date: object, partial: object) -> str | None:
    """``YYYY-MM`` of a full date or of a partial one with a year and a month (``--09-12`` has no year).

    >>> _month("2025-10-28", None), _month(None, "2024-03"), _month(None, "--09-12"), _month(None, "2024")
    ('2025-10', '2024-03', None, None)
    """
    for value in (date, partial):
        text = str(value) if isinstance(value, str) else ""
        if len(text) >= 7 and text[:4].isdigit() and text[4] == "-" and text[5:7].isdigit():
            return text[:7]
    return None


def figures(store: object) -> Any:
    """The stated figures (trade turnover, investment …): indicator, value, unit, period, change, the states
    they are about, article."""
    return select(store, FIGURES)


def central_actors(store: object, top: int = 10) -> Any:
    """The actors linked by shared events (as ``kg stats``), ranked by PageRank: label, type, events, degree
    centrality, PageRank, betweenness."""
    from kg.stats import actor_graph, centrality

    pd = pandas()
    graph = actor_graph(store)
    n = graph.number_of_nodes()
    ranks = {name: {r.iri: r.score for r in ranked} for name, ranked in centrality(graph, top=n).items()}
    rows = [
        {
            "actor": graph.nodes[node]["label"],
            "type": graph.nodes[node]["type"],
            "partners": graph.degree(node),
            "degree": ranks["degree"].get(node, 0.0),
            "pagerank": ranks["pagerank"].get(node, 0.0),
            "betweenness": ranks["betweenness"].get(node, 0.0),
            "iri": compact_iri(node),
        }
        for node in graph
    ]
    columns = ["actor", "type", "partners", "degree", "pagerank", "betweenness", "iri"]
    frame = pd.DataFrame(rows, columns=columns)
    frame = frame.sort_values(["pagerank", "actor", "iri"], ascending=[False, True, True], kind="stable")
    return frame.head(top).reset_index(drop=True)


def communities(store: object) -> Any:
    """Louvain communities of the actor graph (as ``kg stats``), each named by its most central member
    (PageRank): name, size, members by label."""
    from kg.stats import actor_graph, pagerank
    from kg.stats import communities as louvain

    pd = pandas()
    graph = actor_graph(store)
    rank = pagerank(graph)
    rows = []
    for group in louvain(graph):
        head = min(group, key=lambda node: (-round(rank[node], 9), graph.nodes[node]["label"], node))
        members = [graph.nodes[node]["label"] for node in group]
        rows.append(
            {"community": graph.nodes[head]["label"], "size": len(group), "members": ", ".join(members)}
        )
    return pd.DataFrame(rows, columns=["community", "size", "members"])
