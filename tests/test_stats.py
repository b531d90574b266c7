"""`kg stats`: counts, the actor graph projected from shared events, centrality, communities, GraphML."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from kg import stats as kstats
from kg import store as kstore

K = "https://w3id.org/partnership-kg/id/"

# Two groups of actors, joined by one event between C and D:
#   A–B meet twice, B–C once | C–D once | D–E twice, D–E–F once together.
ACTORS = {
    "A": ("person/a", "dip:Person", "Алия"),
    "B": ("person/b", "dip:Person", "Бахыт"),
    "C": ("state/c", "dip:State", "Вьетнам"),
    "D": ("state/d", "dip:State", "Гана"),
    "E": ("organization/e", "dip:Organization", "Дом"),
    "F": ("actor/f", None, "Ель"),
}
EVENTS = {
    "e1": ("Talks", "AB"),
    "e2": ("Meeting", "AB"),
    "e3": ("Meeting", "BC"),
    "e4": ("AgreementSigning", "CD"),
    "e5": ("Talks", "DE"),
    "e6": ("Meeting", "DEF"),
}


def sample_turtle() -> str:
    """The actors and events above as Turtle in the shape of notes/GRAPH.md."""
    lines = [
        "@prefix dip: <https://w3id.org/partnership-kg/ontology#> .",
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .",
    ]
    for key, cls, label in ACTORS.values():
        types = f"{cls}, dip:Actor" if cls else "dip:Actor"
        lines.append(f'<{K}{key}> a {types} ; skos:prefLabel "{label}"@ru, "{key}"@en .')
    for event, (etype, members) in EVENTS.items():
        who = ", ".join(f"<{K}{ACTORS[m][0]}>" for m in members)
        lines.append(
            f"<{K}event/{event}> a dip:PartnershipEvent ; dip:eventType dip:{etype} ; dip:hasParticipant {who} ."
        )
    # A person who takes part in nothing is counted by class but is not in the actor graph.
    lines.append(f'<{K}person/z> a dip:Person, dip:Actor ; skos:prefLabel "Зоя"@ru .')
    return "\n".join(lines) + "\n"


def iri(name: str) -> str:
    """The IRI of an actor of the sample."""
    return K + ACTORS[name][0]


@pytest.fixture(scope="module")
def sample_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("stats") / "graph.ttl"
    path.write_text(sample_turtle(), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def graph(sample_file: Path) -> nx.Graph:
    return kstats.actor_graph(kstore.open_target(sample_file))


def test_counts_by_class_and_event_type(sample_file: Path) -> None:
    stats, _ = kstats.compute(kstore.open_target(sample_file))
    classes = dict(stats.classes)
    assert classes["dip:Actor"] == 7
    assert classes["dip:Person"] == 3
    assert classes["dip:State"] == 2
    assert classes["dip:PartnershipEvent"] == 6
    assert stats.event_types == (("dip:Meeting", 3), ("dip:Talks", 2), ("dip:AgreementSigning", 1))


def test_actors_are_linked_by_shared_events(graph: nx.Graph) -> None:
    weights = {frozenset((a, b)): w for a, b, w in graph.edges(data="weight")}
    expected = {"AB": 2, "BC": 1, "CD": 1, "DE": 2, "DF": 1, "EF": 1}
    assert weights == {frozenset((iri(p[0]), iri(p[1]))): w for p, w in expected.items()}
    assert graph.nodes[iri("A")] == {"label": "Алия", "type": "Person"}
    assert graph.nodes[iri("E")]["type"] == "Organization"
    assert graph.nodes[iri("F")]["type"] == "Actor"
    assert K + "person/z" not in graph


def test_centrality(graph: nx.Graph) -> None:
    central = kstats.centrality(graph, top=6)
    assert [r.label for r in central["degree"]][:1] == ["Гана"]  # D meets C, E and F
    assert central["degree"][0].score == pytest.approx(3 / 5)
    betweenness = {r.label: r.score for r in central["betweenness"]}
    # C and D carry every path between the two groups; the leaf A and F (whose partners meet directly) carry none.
    assert betweenness["Вьетнам"] > betweenness["Бахыт"] > 0
    assert betweenness["Алия"] == 0 and betweenness["Ель"] == 0
    assert kstats.centrality(graph, top=2)["pagerank"] == central["pagerank"][:2]


def test_pagerank_agrees_with_networkx(graph: nx.Graph) -> None:
    reference = getattr(nx.algorithms.link_analysis.pagerank_alg, "_pagerank_python", None)
    if reference is None:
        pytest.skip("networkx has no pure-Python PageRank to compare with")
    ours = kstats.pagerank(graph)
    theirs = reference(graph, weight="weight", tol=1e-12, max_iter=1000)
    assert ours == pytest.approx(theirs, abs=1e-8)
    assert sum(ours.values()) == pytest.approx(1.0)


def test_communities_are_the_two_groups_and_deterministic(graph: nx.Graph) -> None:
    found = kstats.communities(graph)
    as_labels = [[graph.nodes[n]["label"] for n in group] for group in found]
    assert as_labels == [["Алия", "Бахыт", "Вьетнам"], ["Гана", "Дом", "Ель"]]
    # The same graph built in another order gives the same answer.
    shuffled = nx.Graph()
    shuffled.add_nodes_from(sorted(graph.nodes(data=True), reverse=True))
    shuffled.add_edges_from(sorted(graph.edges(data=True), reverse=True))
    assert kstats.communities(shuffled) == found


def test_graphml_keeps_labels_types_and_weights(graph: nx.Graph, tmp_path: Path) -> None:
    path = tmp_path / "actors.graphml"
    kstats.write_graphml(graph, path)
    back = nx.read_graphml(path)
    assert set(back.nodes) == set(graph.nodes)
    assert back.nodes[iri("C")] == {"label": "Вьетнам", "type": "State", "iri": iri("C")}
    assert back.edges[iri("A"), iri("B")]["weight"] == 2


def test_a_graph_without_events(tmp_path: Path) -> None:
    path = tmp_path / "graph.ttl"
    path.write_text(
        "@prefix dip: <https://w3id.org/partnership-kg/ontology#> .\n<http://x/a> a dip:Person .\n",
        encoding="utf-8",
    )
    stats, graph = kstats.compute(kstore.open_target(path))
    assert stats.classes == (("dip:Person", 1),)
    assert stats.actors == 0 and stats.communities == ()
    assert all(ranked == () for ranked in stats.central.values())
    kstats.write_graphml(graph, tmp_path / "empty.graphml")
    assert nx.read_graphml(tmp_path / "empty.graphml").number_of_nodes() == 0


def test_cli(sample_file: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from kg.cli import app

    out = tmp_path / "out" / "actors.graphml"
    result = CliRunner().invoke(app, ["stats", str(sample_file), "--top", "3", "--graphml", str(out)])
    assert result.exit_code == 0, result.output
    for heading in ("Resources by class", "Events by type", "Most central actors", "Communities"):
        assert heading in result.stdout
    assert "dip:PartnershipEvent" in result.stdout and "Гана" in result.stdout
    assert nx.read_graphml(out).number_of_nodes() == 6
    missing = CliRunner().invoke(app, ["stats", str(tmp_path / "nothing")])
    assert missing.exit_code == 1 and "no such file" in missing.stderr


@pytest.mark.slow
def test_seeds_stats(seeds_build: Path) -> None:
    stats, graph = kstats.compute(kstore.open_target(seeds_build))
    classes = dict(stats.classes)
    assert classes.get("dip:Person", 0) >= 4 and classes.get("dip:State", 0) >= 2
    assert classes.get("dip:NewsArticle") == 5
    # Ван И meets a different Kazakh official in four of the five articles.
    assert stats.central["degree"][0].label == "Ван И"
    assert stats.central["pagerank"][0].label == "Ван И"
    assert sum(n for _, n in stats.event_types) == classes["dip:PartnershipEvent"]
    # Every actor of the graph is in exactly one community.
    assert sorted(m for group in stats.communities for m in group) == sorted(
        graph.nodes[n]["label"] for n in graph
    )
