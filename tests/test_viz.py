"""The graph page without a browser: what to_network draws, and what write_html writes."""

from __future__ import annotations

import json
import os
import random
import re
import warnings
from pathlib import Path

import pytest
from rdflib import RDF, Graph, URIRef
from sample_graphs import HOSTILE_LABEL, sample_dataset, synthetic_dataset

from kg.formats import UnknownFormatError
from kg.viz import GraphReadError, read_graph, render_html, to_network, write_html
from kg.viz.network import union_graph
from kg.viz.page import page_data
from kg.viz.style import score_color
from kg.vocab import DIP, SKOS

ENTITY_CLASSES = (DIP.Person, DIP.State, DIP.Organization, DIP.Initiative, DIP.Place)


@pytest.fixture(scope="module")
def dataset():
    return sample_dataset()


@pytest.fixture(scope="module")
def net(dataset):
    return to_network(dataset)


def _by_label(net, label: str) -> dict:
    return next(n for n in net.nodes if n["label"] == label)


def _data_block(page: str) -> dict:
    match = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.DOTALL)
    assert match, "no data block"
    return json.loads(match.group(1))


def test_nodes_are_the_graphs_entities_and_events(dataset, net):
    g = union_graph(dataset)
    expected = {str(s) for c in ENTITY_CLASSES for s in g.subjects(RDF.type, c)}
    expected |= {str(e) for e in g.subjects(RDF.type, DIP.PartnershipEvent)}
    assert {n["id"] for n in net.nodes} == expected
    assert len(net.nodes) == len(expected)  # no duplicates
    kinds = {n["id"]: n["kind"] for n in net.nodes}
    for s in g.subjects(RDF.type, DIP.Person):
        assert kinds[str(s)] == "Person"
    for s in g.subjects(RDF.type, DIP.PartnershipEvent):
        assert kinds[str(s)] == "Event"


def test_types_have_their_own_shape_and_colour(net):
    style = {}
    for n in net.nodes:
        style.setdefault(n["kind"], set()).add(
            (n["shape"], n["color"]["background"] if n["kind"] != "Event" else "")
        )
    assert all(len(v) == 1 for k, v in style.items() if k != "Event")
    shapes = {next(iter(v))[0] for v in style.values()}
    assert len(shapes) == len(style)


def test_every_participation_is_an_edge_coloured_by_cooperation_score(dataset, net):
    g = union_graph(dataset)
    edges = {(e["from"], e["to"]): e for e in net.edges if e["kind"] == "participant"}
    pairs = {(str(e), str(p)) for e, p in g.subject_objects(DIP.hasParticipant)}
    assert set(edges) == pairs
    for (event, _), edge in edges.items():
        score = float(g.value(g.value(URIRef(event), DIP.eventType), DIP.cooperationScore))
        assert edge["color"] == score_color(score)
    talks = next(e for e in edges.values() if "Переговоры" in e["title"])
    meeting = next(e for e in edges.values() if "Встреча" in e["title"])
    assert talks["color"] != meeting["color"]


def test_events_as_links_join_participants_and_start_hidden(dataset, net):
    g = union_graph(dataset)
    pair_edges = [e for e in net.edges if e["kind"] == "pair"]
    joined = {frozenset((e["from"], e["to"])) for e in pair_edges}
    for event in g.subjects(RDF.type, DIP.PartnershipEvent):
        people = sorted(str(p) for p in g.objects(event, DIP.hasParticipant))
        for i, a in enumerate(people):
            for b in people[i + 1 :]:
                assert frozenset((a, b)) in joined
    assert all(e["hidden"] and e["physics"] is False and e["mode"] == "edges" for e in pair_edges)
    two = [e for e in pair_edges if len(e["events"]) == 2]
    assert two and all("×2" in e["label"] for e in two)


def test_node_size_grows_with_degree(net):
    actors = [n for n in net.nodes if n["kind"] != "Event"]
    busiest = max(actors, key=lambda n: n["degree"])
    quietest = min(actors, key=lambda n: n["degree"])
    assert busiest["degree"] > quietest["degree"]
    assert busiest["size"] > quietest["size"]


def test_details_carry_posts_events_and_evidence(dataset, net):
    g = union_graph(dataset)
    wang = _by_label(net, "Ван И")["id"]
    ent = net.details["entities"][wang]
    assert [p["label"] for p in ent["posts"]] == ["министр иностранных дел Китая"]
    assert ent["posts"][0]["evidence"][0]["text"].startswith("В субботу")
    events = {e["id"] for e in ent["events"]}
    assert events == {str(e) for e in g.subjects(DIP.hasParticipant, URIRef(wang))}
    for e in events:
        evidence = net.details["events"][e]["evidence"]
        assert evidence, e
        for span in evidence:
            assert span["article"] in net.details["articles"]
            assert span["end"] - span["start"] == len(span["text"])
    roles = {net.details["events"][e["id"]]["type"]: e["role"] for e in ent["events"]}
    assert roles["Talks"] == "гость"


def test_labels_keep_the_text_as_it_is(net):
    # the data keeps the raw name; escaping is the page's job, not the data's
    evil = _by_label(net, HOSTILE_LABEL)
    assert evil["kind"] == "Organization"
    assert "<script>alert(2)</script>" in net.details["entities"][evil["id"]]["alt"]


def test_titles_are_plain_text(net):
    for item in [*net.nodes, *net.edges]:
        title = item.get("title")
        assert isinstance(title, str)
        # plain text: vis-network shows a string title with innerText; nothing but the planted names has a "<"
        assert "<" not in title.replace(HOSTILE_LABEL, ""), title


def test_page_is_self_contained_and_has_no_external_resources(net, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    out = write_html(net, tmp_path / "page.html")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["page.html"]  # no lib/ folder, no temp file
    page = out.read_text(encoding="utf-8")
    assert not re.search(r"<link\b", page)
    assert not re.search(r"<script[^>]*\bsrc=", page)
    assert "bootstrap" not in page.lower()
    assert not re.search(r"""<[^>]+\s(?:src|href)\s*=\s*["']?(?:https?:)?//""", page)
    assert not re.search(r"""url\(\s*(?!["']?data:)""", page)  # stylesheets use data: images only
    assert "@import" not in page
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "default-src &#x27;none&#x27;" in csp
    assert "unsafe" not in csp
    assert "vis.Network" in page and "new vis.DataSet" in page


def test_hostile_text_never_reaches_the_markup(net):
    page = render_html(net, title="Граф <b>жирный</b> & «Ван И»")
    assert "<img src=x" not in page
    assert "alert(2)</script>" not in page
    assert "<script>alert(3)" not in page
    assert "\\u003cscript\\u003ealert(3)" in page  # the article text is there, escaped inside the JSON
    assert "<title>Граф &lt;b&gt;жирный&lt;/b&gt; &amp; «Ван И»</title>" in page
    data = _data_block(page)
    assert data == json.loads(json.dumps(page_data(net)))
    labels = {n["label"] for n in data["nodes"]}
    assert HOSTILE_LABEL in labels


def test_same_graph_same_bytes_whatever_the_triple_order(dataset, net, tmp_path):
    g = union_graph(dataset)
    triples = list(g)
    random.Random(3).shuffle(triples)
    shuffled = Graph()
    for t in triples:
        shuffled.add(t)
    a = write_html(net, tmp_path / "a.html").read_bytes()
    b = write_html(to_network(shuffled), tmp_path / "b.html").read_bytes()
    c = write_html(to_network(sample_dataset()), tmp_path / "c.html").read_bytes()
    assert a == b == c


def test_write_replaces_an_existing_page_atomically(net, tmp_path):
    target = tmp_path / "sub" / "graph.html"
    target.parent.mkdir()
    target.write_text("old", encoding="utf-8")
    write_html(net, target)
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in target.parent.iterdir()] == ["graph.html"]
    assert target.stat().st_mode & 0o444 == 0o444


def test_the_page_opens_laid_out_and_physics_waits_for_the_reader(net):
    options = net.options
    # off as the page opens (every node comes placed); «Уложить заново» turns it on and runs vis-network's physics
    assert options["physics"]["enabled"] is False
    assert options["physics"]["stabilization"]["enabled"] is True
    assert options["physics"]["stabilization"]["iterations"] == 0
    assert options["layout"]["improvedLayout"] is False
    big = to_network(synthetic_dataset(300, 300))
    assert 0 < big.details["relayoutIterations"] < net.details["relayoutIterations"]


@pytest.fixture(scope="module")
def synthetic_net():
    return to_network(synthetic_dataset(150, 150))


def _positions(net) -> dict[str, tuple[int, int]]:
    return {n["id"]: (n["x"], n["y"]) for n in net.nodes}


def _parts(net) -> list[set[str]]:
    """The connected parts of the picture with events as nodes (the pair links of the other mode left out)."""
    import networkx as nx

    g = nx.Graph()
    g.add_nodes_from(n["id"] for n in net.nodes)
    g.add_edges_from((e["from"], e["to"]) for e in net.edges if e["mode"] != "edges")
    return [set(c) for c in nx.connected_components(g)]


def _box(node: dict) -> tuple[float, float, float, float]:
    """The node's shape and its label under it, as the layout counts them: (left, top, right, bottom)."""
    from kg.viz.layout import node_box

    box = node_box(node["size"], node["label"], node["font"]["size"])
    x, y = node["x"], node["y"]
    return (x - box.half_width, y - box.radius, x + box.half_width, y + box.radius + box.label_height)


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.mark.parametrize("which", ["sample", "synthetic"])
def test_every_node_has_its_own_place_in_the_page(net, synthetic_net, which):
    net = net if which == "sample" else synthetic_net
    data = _data_block(render_html(net))
    assert all(isinstance(n["x"], int) and isinstance(n["y"], int) for n in data["nodes"])
    assert {n["id"]: (n["x"], n["y"]) for n in data["nodes"]} == _positions(net)
    assert len(set(_positions(net).values())) == len(net.nodes)


@pytest.mark.parametrize("which", ["sample", "synthetic"])
def test_nodes_and_their_labels_do_not_overlap(net, synthetic_net, which):
    net = net if which == "sample" else synthetic_net
    boxes = {n["id"]: _box(n) for n in net.nodes}
    ids = sorted(boxes)
    clashes = [(a, b) for i, a in enumerate(ids) for b in ids[i + 1 :] if _overlap(boxes[a], boxes[b])]
    assert clashes == []


def test_connected_parts_lie_apart_and_lone_nodes_below_them(synthetic_net):
    nodes = {n["id"]: n for n in synthetic_net.nodes}
    parts = _parts(synthetic_net)
    linked = [p for p in parts if len(p) > 1]
    lone = [p for p in parts if len(p) == 1]
    assert len(linked) > 1 and lone  # the synthetic graph has small parts and isolated entities
    frames = []
    for part in linked:
        boxes = [_box(nodes[i]) for i in part]
        frames.append(tuple(f(b[k] for b in boxes) for k, f in enumerate((min, min, max, max))))
    for i, a in enumerate(frames):
        for b in frames[i + 1 :]:
            assert not _overlap(a, b)
    lowest_linked = max(f[3] for f in frames)
    assert all(nodes[next(iter(p))]["y"] > lowest_linked for p in lone)


def test_events_stand_near_their_participants(synthetic_net):
    """An event is closer to its participants than two nodes of its part picked at random are to each other."""
    pos = _positions(synthetic_net)
    largest = max(_parts(synthetic_net), key=len)

    def dist(a: str, b: str) -> float:
        return ((pos[a][0] - pos[b][0]) ** 2 + (pos[a][1] - pos[b][1]) ** 2) ** 0.5

    links = [
        dist(e["from"], e["to"])
        for e in synthetic_net.edges
        if e["kind"] == "participant" and e["from"] in largest
    ]
    members = sorted(largest)
    rng = random.Random(5)
    pairs = [dist(*rng.sample(members, 2)) for _ in range(2000)]
    links.sort()
    pairs.sort()
    assert links[len(links) // 2] < pairs[len(pairs) // 2] / 3


def test_positions_do_not_depend_on_hash_seed_or_triple_order(dataset, net, tmp_path):
    import subprocess
    import sys

    g = union_graph(dataset)
    triples = list(g)
    random.Random(11).shuffle(triples)
    shuffled = Graph()
    for t in triples:
        shuffled.add(t)
    assert _positions(to_network(shuffled)) == _positions(net)
    script = (
        f"import json, sys; sys.path.insert(0, {str(Path(__file__).parent)!r}); "
        "from kg.viz import to_network; from sample_graphs import synthetic_dataset; "
        "print(json.dumps({n['id']: [n['x'], n['y']] for n in to_network(synthetic_dataset(150, 150)).nodes}))"
    )
    runs = [
        subprocess.run(
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "4242")
    ]
    assert runs[0] == runs[1]
    here = {k: tuple(v) for k, v in json.loads(runs[0]).items()}
    assert here == _positions(to_network(synthetic_dataset(150, 150)))


def test_labels_fall_back_to_ontology_and_iri(tmp_path):
    g = Graph()
    person = URIRef("https://w3id.org/partnership-kg/id/person/nameless")
    event = URIRef("https://w3id.org/partnership-kg/id/event/x-1")
    g.add((person, RDF.type, DIP.Person))
    g.add((event, RDF.type, DIP.PartnershipEvent))
    g.add((event, DIP.eventType, DIP.Talks))  # no label or score in the graph: taken from the ontology
    g.add((event, DIP.hasParticipant, person))
    net = to_network(g)
    assert _by_label(net, "nameless")["kind"] == "Person"
    ev = net.details["events"][str(event)]
    assert ev["typeLabel"] == "переговоры" and ev["score"] == 7.0
    assert next(e for e in net.edges if e["kind"] == "participant")["color"] == score_color(7.0)
    assert (g.value(DIP.Talks, SKOS.prefLabel)) is None  # the input was not changed


@pytest.mark.parametrize("suffix", [".ttl", ".trig", ".nq", ".jsonld"])
def test_read_graph_by_suffix_draws_the_same_page(dataset, net, tmp_path, suffix):
    fmt = {".ttl": "turtle", ".trig": "trig", ".nq": "nquads", ".jsonld": "json-ld"}[suffix]
    path = tmp_path / f"graph{suffix}"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # rdflib 7.6 Dataset serialisers
        (union_graph(dataset) if fmt == "turtle" else dataset).serialize(path, format=fmt)
    assert render_html(to_network(read_graph(path))) == render_html(net)


def test_read_graph_errors_name_the_file(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix x: <http://x/> . x:a x:b", encoding="utf-8")
    with pytest.raises(GraphReadError, match=r"bad\.ttl: cannot parse as turtle"):
        read_graph(bad)
    with pytest.raises(UnknownFormatError, match=r"graph\.csv: unknown RDF file suffix '\.csv'"):
        (tmp_path / "graph.csv").write_text("a,b", encoding="utf-8")
        read_graph(tmp_path / "graph.csv")
    with pytest.raises(GraphReadError, match="no such file"):
        read_graph(tmp_path / "missing.trig")
    with pytest.raises(GraphReadError, match="without graph.trig"):
        read_graph(tmp_path)


def test_read_graph_takes_a_build_folder(dataset, tmp_path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        dataset.serialize(tmp_path / "graph.trig", format="trig")
    assert len(to_network(read_graph(tmp_path)).nodes) == len(to_network(dataset).nodes)


def test_html_command_writes_the_page_and_counts(dataset, tmp_path):
    from typer.testing import CliRunner

    from kg.cli import app

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        dataset.serialize(tmp_path / "graph.trig", format="trig")
    out = tmp_path / "page.html"
    result = CliRunner().invoke(app, ["html", str(tmp_path / "graph.trig"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    n = len(to_network(dataset).nodes)
    assert f"({n} nodes" in result.output
    assert out.read_text(encoding="utf-8") == render_html(to_network(dataset))
    folder = CliRunner().invoke(app, ["html", str(tmp_path)])
    assert folder.exit_code == 0 and (tmp_path / "graph.html").is_file()
    bad = CliRunner().invoke(app, ["html", str(tmp_path / "graph.xml")])
    assert bad.exit_code == 1
    assert "Error:" in bad.output and "graph.xml" in bad.output


def test_empty_graph_draws_an_empty_page():
    net = to_network(Graph())
    assert net.nodes == [] and net.edges == []
    assert _data_block(render_html(net))["details"]["counts"]["nodes"] == 0


def test_synthetic_graph_has_the_asked_size():
    net = to_network(synthetic_dataset(120, 80))
    kinds = [n["kind"] for n in net.nodes]
    assert kinds.count("Event") == 80
    assert len(kinds) == 200


# ---------------------------------------------------------------- co-occurrence (kg/cooccurrence.py)

COOC_TEXT = "Бразилия и Индия провели консультации.\nМинистр Лула да Силва прибыл в Индию. Индия и Бразилия — партнёры."


def _cooc_corpus():
    from kg.records import Article, ArticleRecord, Corpus, Entity, Mention

    names = {
        "Бразилия": "state/brazil",
        "Индия": "state/india",
        "Индию": "state/india",
        "Лула да Силва": "person/lula",
    }
    mentions, links = [], {}
    for m in re.finditer("|".join(sorted(names, key=len, reverse=True)), COOC_TEXT):
        kind = "Person" if names[m.group()].startswith("person") else "State"
        mentions.append(Mention(m.start(), m.end(), m.group(), kind, m.group(), "gazetteer"))
        links[("a1", m.start(), m.end())] = names[m.group()]
    entities = (
        Entity("state/brazil", "State", "Бразилия"),
        Entity("state/india", "State", "Индия"),
        Entity("person/lula", "Person", "Лула да Силва"),
    )
    rec = ArticleRecord(Article("a1", COOC_TEXT, title="Визит"), tuple(mentions))
    return Corpus((rec,), entities, links)


def test_cooccurrences_count_sentences_that_name_two_actors():
    from kg.cooccurrence import cooccurrences

    found = {(c.a, c.b): [s.text for _, s in c.sentences] for c in cooccurrences(_cooc_corpus())}
    assert found == {
        ("state/brazil", "state/india"): [
            "Бразилия и Индия провели консультации.",
            "Индия и Бразилия — партнёры.",
        ],
        ("person/lula", "state/india"): ["Министр Лула да Силва прибыл в Индию."],
    }


def test_cooccurrences_answer_sparql_with_their_count_and_sentences():
    from kg.graph import build_dataset, union

    g = union(build_dataset(_cooc_corpus()))
    rows = g.query(
        """SELECT ?a ?b ?n (COUNT(?m) AS ?said) WHERE {
             ?c a dip:CoOccurrence ; dip:actor ?a, ?b ; dip:sentenceCount ?n ; dip:denotedBy ?m .
             FILTER (STR(?a) < STR(?b)) } GROUP BY ?a ?b ?n ORDER BY ?a""",
        initNs={"dip": DIP},
    )
    found = [
        (str(a).rsplit("/", 1)[-1], str(b).rsplit("/", 1)[-1], int(n), int(said)) for a, b, n, said in rows
    ]
    assert found == [("lula", "india", 1, 1), ("brazil", "india", 2, 2)]
    page = to_network(g)
    pairs = {
        (e["from"].rsplit("/", 1)[-1], e["to"].rsplit("/", 1)[-1]): e
        for e in page.edges
        if e["kind"] == "cooc"
    }
    assert pairs[("brazil", "india")]["sentences"] == 2 and pairs[("brazil", "india")]["mode"] == "edges"


@pytest.mark.parametrize(
    "dataset", [sample_dataset(), synthetic_dataset(40, 60)], ids=["sample", "synthetic"]
)
def test_the_page_of_a_triple_index_is_the_page_of_the_graph(dataset):
    """kg build draws the page from a compact index of what the page reads (kg.viz.triples), never from an rdflib
    store of the corpus: the same statements give the same page, whatever the order they come in."""
    from kg.render import page_triples
    from kg.viz.triples import TripleIndex

    triples = sorted({(s, p, o) for s, p, o, _ in dataset.quads((None, None, None, None))})
    index = TripleIndex(page_triples(set(reversed(triples))))
    assert 0 < len(index) <= len(triples)
    assert render_html(to_network(index)) == render_html(to_network(dataset))
