"""The graph page in headless Chromium, from a file URL with the network blocked.

The sample graph (tests/sample_graphs.py, with an XSS payload planted in an article) and the seeds build are both
opened; every check reads what the browser drew or shows, and compares it with the graph itself.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from rdflib import RDF, Graph, URIRef
from sample_graphs import CHROMIUM, HOSTILE_LABEL, sample_dataset
from sample_graphs import CHROMIUM_ARGS as ARGS

from kg.viz import read_graph, to_network, write_html
from kg.viz.network import KgNetwork, union_graph
from kg.vocab import DIP, SKOS

pytestmark = pytest.mark.slow

READY_TIMEOUT_S = 120.0


@dataclass
class Opened:
    """A page under test, with everything it asked for and said."""

    page: object
    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def open_page(browser, path: Path) -> Opened:
    """Open a page from disk; every request but file:// is aborted and recorded."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    opened = Opened(page)

    def route(r) -> None:
        url = r.request.url
        opened.requests.append(url)
        if url.startswith("file://"):
            r.continue_()
        else:
            opened.blocked.append(url)
            r.abort()

    page.route("**/*", route)
    page.on("console", lambda m: opened.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: opened.errors.append(str(e)))
    page.on("dialog", lambda d: (opened.dialogs.append(d.message), d.dismiss()))
    page.goto(path.resolve().as_uri())
    wait_ready(page)
    return opened


def wait_ready(page, timeout_s: float = READY_TIMEOUT_S) -> None:
    """Wait until the layout has settled (window.kgReady).

    Polled from here: Playwright's wait_for_function evaluates a string in the page, which the page's
    Content-Security-Policy rightly refuses ('unsafe-eval').
    """
    deadline = time.monotonic() + timeout_s
    while not page.evaluate("window.kgReady === true"):
        if time.monotonic() > deadline:
            raise TimeoutError(f"the page did not settle within {timeout_s} s")
        page.wait_for_timeout(100)


def node_id(net: KgNetwork, label: str) -> str:
    return next(n["id"] for n in net.nodes if n["label"] == label)


def node_point(opened: Opened, nid: str) -> tuple[float, float]:
    """Where on the screen the browser drew a node (after any camera animation has ended)."""
    opened.page.wait_for_timeout(450)  # the search's focus animation lasts 300 ms
    x, y, hit = opened.page.evaluate(
        """(id) => {
            const p = network.canvasToDOM(network.getPositions([id])[id]);
            const r = document.getElementById('kg-network').getBoundingClientRect();
            return [r.left + p.x, r.top + p.y, network.getNodeAt(p)];
        }""",
        nid,
    )
    assert hit == nid, f"another node ({hit}) is drawn over {nid}"
    return x, y


def click_node(opened: Opened, nid: str) -> None:
    """Click where the browser drew a node."""
    opened.page.mouse.click(*node_point(opened, nid))


def hover_node(opened: Opened, nid: str) -> None:
    """Rest the mouse on a node, so vis-network shows its tooltip."""
    x, y = node_point(opened, nid)
    opened.page.mouse.move(x - 3, y - 3)
    opened.page.mouse.move(x, y, steps=3)


def panel_text(opened: Opened) -> str:
    return opened.page.inner_text("#kg-details")


def evidence_of(g: Graph, entity: str) -> set[str]:
    """The evidence sentences of the events an entity took part in, read from the graph."""
    from rdflib.namespace import Namespace

    nif = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
    sentences = set()
    for event in g.subjects(DIP.hasParticipant, URIRef(entity)):
        for m in g.objects(event, DIP.denotedBy):
            text = g.value(m, nif.anchorOf)
            if text is not None:
                sentences.add(" ".join(str(text).split()))
    return sentences


def canvas_has_drawing(opened: Opened) -> bool:
    return opened.page.evaluate(
        """() => {
            const c = document.querySelector('#kg-network canvas');
            const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
            let ink = 0;
            for (let i = 0; i < d.length; i += 16) if (d[i + 3] > 0 && (d[i] < 240 || d[i + 1] < 240)) ink++;
            return ink > 200;
        }"""
    )


# ---------------------------------------------------------------- the hand-built sample, with the XSS payload


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> tuple[Path, KgNetwork, Graph]:
    ds = sample_dataset(hostile=True)
    net = to_network(ds)
    path = write_html(net, tmp_path_factory.mktemp("page") / "graph.html")
    return path, net, union_graph(ds)


@pytest.fixture
def sample_page(browser, sample) -> Iterator[Opened]:
    opened = open_page(browser, sample[0])
    yield opened
    opened.page.close()


def test_sample_page_draws_offline_with_every_node(sample_page, sample):
    _, net, g = sample
    expected = {
        str(s)
        for c in (DIP.Person, DIP.State, DIP.Organization, DIP.Initiative, DIP.Place)
        for s in g.subjects(RDF.type, c)
    } | {str(e) for e in g.subjects(RDF.type, DIP.PartnershipEvent)}
    # the page opens without the nodes that have no link; «показать» brings them in
    drawn = sample_page.page.evaluate("network.body.data.nodes.getIds()")
    assert set(drawn) == {n["id"] for n in net.nodes if not n.get("isolated")}
    if any(n.get("isolated") for n in net.nodes):
        sample_page.page.click("#kg-lonely")
    drawn = sample_page.page.evaluate("network.body.data.nodes.getIds()")
    assert set(drawn) == expected
    assert len(drawn) == len(net.nodes)
    assert canvas_has_drawing(sample_page)
    assert sample_page.blocked == []
    assert all(u.startswith("file://") for u in sample_page.requests)
    assert sample_page.errors == []
    # physics is off once the layout settled: positions no longer move
    before = sample_page.page.evaluate("JSON.stringify(network.getPositions())")
    sample_page.page.wait_for_timeout(300)
    assert sample_page.page.evaluate("JSON.stringify(network.getPositions())") == before
    assert sample_page.page.evaluate("network.physics.physicsEnabled") is False
    counts = sample_page.page.inner_text("#kg-counts")
    assert f"{len(expected)} из {len(expected)}" in counts


def drawn_where_written(opened: Opened, net: KgNetwork) -> dict[str, list]:
    """Nodes the browser draws somewhere other than the x/y the page carries for them: {id: [drawn, written]}.
    (Nodes hidden at the opening view, such as those without a link, have no drawn position.)"""
    drawn = opened.page.evaluate("network.getPositions()")
    assert drawn, "the page draws no node"
    return {
        n["id"]: [drawn[n["id"]], {"x": n["x"], "y": n["y"]}]
        for n in net.nodes
        if n["id"] in drawn and (drawn[n["id"]]["x"], drawn[n["id"]]["y"]) != (n["x"], n["y"])
    }


def test_sample_page_opens_laid_out_with_no_physics_run(sample_page, sample):
    page = sample_page.page
    assert page.evaluate("window.kgIterations") == 0
    assert drawn_where_written(sample_page, sample[1]) == {}
    assert page.evaluate("document.getElementById('kg-loading').classList.contains('kg-done')")


def test_relayout_runs_the_browsers_physics_and_settles_again(sample_page, sample):
    page = sample_page.page
    page.click("#kg-relayout")
    deadline = time.monotonic() + READY_TIMEOUT_S
    while not page.evaluate("document.getElementById('kg-loading').classList.contains('kg-done')"):
        assert time.monotonic() < deadline, "the new layout did not settle"
        page.wait_for_timeout(100)
    assert page.evaluate("window.kgIterations") > 0
    assert drawn_where_written(sample_page, sample[1])  # physics moved the nodes
    assert page.evaluate("network.physics.physicsEnabled") is False
    assert sample_page.errors == []


def test_search_finds_a_name_in_lower_case(sample_page, sample):
    page = sample_page.page
    page.fill("#kg-search", "токаев")
    page.press("#kg-search", "Enter")
    selected = page.evaluate("network.getSelectedNodes()")
    assert selected == [node_id(sample[1], "Касым-Жомарт Токаев")]
    assert page.inner_text("#kg-details h2") == "Касым-Жомарт Токаев"
    assert "Касым-Жомарт Токаев" in page.inner_text("#kg-search-results")
    page.fill("#kg-search", "КИТАЕМ")  # an inflected form, upper case
    assert page.inner_text("#kg-search-results li:first-child") == "Китай"


def test_type_filter_hides_places(sample_page):
    page = sample_page.page
    page.uncheck("#kg-kind-Place")
    kinds = page.evaluate("network.body.data.nodes.get().map(n => [n.kind, !!n.hidden])")
    assert any(k == "Place" for k, _ in kinds)
    assert all(hidden for k, hidden in kinds if k == "Place")
    assert not any(hidden for k, hidden in kinds if k in ("Person", "State"))
    page.check("#kg-kind-Place")
    assert not any(
        page.evaluate("network.body.data.nodes.get().filter(n => n.kind === 'Place').map(n => !!n.hidden)")
    )


def test_event_type_and_date_filters(sample_page, sample):
    page = sample_page.page
    net = sample[1]
    page.uncheck("#kg-type-Talks")
    talks = [n["id"] for n in net.nodes if n.get("eventType") == "Talks"]
    hidden = page.evaluate("(ids) => network.body.data.nodes.get(ids).map(n => !!n.hidden)", talks)
    assert talks and all(hidden)
    page.check("#kg-type-Talks")
    page.fill("#kg-date-from", "2020-01-01")
    page.dispatch_event("#kg-date-from", "change")
    shown = page.evaluate(
        "network.body.data.nodes.get().filter(n => n.kind === 'Event' && !n.hidden).map(n => n.dateFrom)"
    )
    assert shown and all(d is not None and d >= "2020-01-01" for d in shown)
    early = [n["id"] for n in net.nodes if n["kind"] == "Event" and (n["dateTo"] or "") < "2020-01-01"]
    assert early and all(
        page.evaluate("(ids) => network.body.data.nodes.get(ids).map(n => !!n.hidden)", early)
    )


def test_events_can_be_drawn_as_links(sample_page):
    page = sample_page.page
    page.check("#kg-mode-edges")
    state = page.evaluate("""() => ({
        events: network.body.data.nodes.get().filter(n => n.kind === 'Event').map(n => !!n.hidden),
        pairs: network.body.data.edges.get().filter(e => e.kind === 'pair').map(e => !!e.hidden),
        parts: network.body.data.edges.get().filter(e => e.kind === 'participant').map(e => !!e.hidden)})""")
    assert all(state["events"]) and all(state["parts"])
    assert state["pairs"] and not any(state["pairs"])


def test_clicking_a_node_highlights_its_neighbours_and_shows_evidence(sample_page, sample):
    _, net, g = sample
    wang = node_id(net, "Ван И")
    click_node(sample_page, wang)
    page = sample_page.page
    assert page.evaluate("network.getSelectedNodes()") == [wang]
    text = " ".join(panel_text(sample_page).split())
    assert page.inner_text("#kg-details h2") == "Ван И"
    assert any(sentence in text for sentence in evidence_of(g, wang))
    assert "министр иностранных дел китая" in text.lower()
    dimmed = page.evaluate(
        "network.body.data.nodes.get().filter(n => n.color && n.color.background === '#eceef1')"
        ".map(n => n.id)"
    )
    neighbours = set(page.evaluate("(id) => network.getConnectedNodes(id)", wang))
    assert dimmed and wang not in dimmed and not neighbours & set(dimmed)
    assert sample_page.errors == []


def test_hostile_names_show_as_text_and_run_nothing(sample_page, sample):
    page = sample_page.page
    evil = node_id(sample[1], HOSTILE_LABEL)
    page.fill("#kg-search", "onerror")
    page.press("#kg-search", "Enter")
    assert page.evaluate("network.getSelectedNodes()") == [evil]
    assert page.inner_text("#kg-details h2") == HOSTILE_LABEL
    assert "<script>alert(2)</script>" in panel_text(sample_page)
    click_node(sample_page, node_id(sample[1], "Встреча 05.01.2021"))
    shown = panel_text(sample_page)
    assert "</script><script>alert(3)</script>" in shown and "<b>Жирный</b>" in shown
    hover_node(sample_page, evil)
    page.wait_for_selector("div.vis-tooltip", state="visible")
    assert HOSTILE_LABEL in page.inner_text("div.vis-tooltip")
    assert sample_page.dialogs == []
    assert page.evaluate("document.querySelectorAll('img').length") == 0
    assert page.evaluate("document.querySelectorAll('script').length") == 3
    assert not page.evaluate("[...document.querySelectorAll('b')].some(b => b.textContent === 'Жирный')")
    assert page.title() == "Граф партнёрства"
    assert sample_page.errors == []
    assert sample_page.blocked == []


# ---------------------------------------------------------------- the seeds build (fixture from conftest)


@pytest.fixture(scope="module")
def seeds(seeds_build: Path) -> tuple[Path, KgNetwork, Graph]:
    g = read_graph(seeds_build / "graph.trig")
    return seeds_build / "graph.html", to_network(g), union_graph(g)


@pytest.fixture
def seeds_page(browser, seeds) -> Iterator[Opened]:
    opened = open_page(browser, seeds[0])
    yield opened
    opened.page.close()


def _label_of(g: Graph, s: str) -> str:
    return next((str(o) for o in g.objects(URIRef(s), SKOS.prefLabel) if o.language == "ru"), "")


def test_seeds_page_draws_offline_and_is_saved_as_a_screenshot(seeds_page, seeds, artifacts):
    _, net, _g = seeds
    page = seeds_page.page
    opening = sorted(n["id"] for n in net.nodes if not n.get("isolated"))
    assert sorted(page.evaluate("network.body.data.nodes.getIds()")) == opening
    page.click("#kg-lonely")
    assert sorted(page.evaluate("network.body.data.nodes.getIds()")) == sorted(n["id"] for n in net.nodes)
    assert canvas_has_drawing(seeds_page)
    assert seeds_page.blocked == [] and seeds_page.errors == []
    shot = artifacts / "graph-seeds.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 20_000


def test_seeds_page_opens_laid_out_with_no_physics_run(seeds_page, seeds):
    assert seeds_page.page.evaluate("window.kgIterations") == 0
    assert drawn_where_written(seeds_page, seeds[1]) == {}


def test_seeds_search_finds_tokayev(seeds_page, seeds):
    page = seeds_page.page
    page.fill("#kg-search", "токаев")
    page.press("#kg-search", "Enter")
    selected = page.evaluate("network.getSelectedNodes()")
    assert len(selected) == 1
    assert _label_of(seeds[2], selected[0]) == "Касым-Жомарт Токаев"
    assert page.inner_text("#kg-details h2") == "Касым-Жомарт Токаев"


def test_seeds_filter_hides_places(seeds_page):
    page = seeds_page.page
    page.uncheck("#kg-kind-Place")
    kinds = page.evaluate("network.body.data.nodes.get().map(n => [n.kind, !!n.hidden])")
    assert any(k == "Place" for k, _ in kinds)
    assert all(hidden for k, hidden in kinds if k == "Place")
    assert not all(hidden for k, hidden in kinds if k != "Place")


def test_seeds_clicking_wang_yi_shows_an_evidence_sentence(seeds_page, seeds):
    _, net, g = seeds
    wang = node_id(net, "Ван И")
    click_node(seeds_page, wang)
    assert seeds_page.page.evaluate("network.getSelectedNodes()") == [wang]
    text = " ".join(panel_text(seeds_page).split())
    sentences = evidence_of(g, wang)
    assert sentences, "the seeds graph has no event with Ван И"
    assert any(s in text for s in sentences)
    assert seeds_page.errors == []


# ---------------------------------------------------------------- reading the page at its opening view

# what the opening view shows: nodes inside the canvas, those with no visible line, labels and their screen size
OPENING_VIEW = """() => {
  const scale = network.getScale();
  const box = network.canvas.frame.canvas.getBoundingClientRect();
  const out = {scale: scale, shown: [], lonely: [], labels: []};
  network.body.nodeIndices.forEach((id) => {
    const n = network.body.nodes[id];
    const p = network.canvasToDOM({x: n.x, y: n.y});
    if (p.x < 0 || p.y < 0 || p.x > box.width || p.y > box.height) return;
    out.shown.push(id);
    const lines = network.getConnectedEdges(id).filter((e) => !network.body.data.edges.get(e).hidden);
    if (!lines.length) out.lonely.push(id);
    if (window.kgLabelDrawn(id)) out.labels.push(n.options.font.size * scale);
  });
  return out;
}"""


def test_nodes_without_a_link_are_hidden_and_counted(seeds_page, seeds):
    _, net, _g = seeds
    page = seeds_page.page
    lone = [n["id"] for n in net.nodes if n.get("isolated")]
    assert lone, "the seeds page has nodes without a link"
    opening = page.evaluate(OPENING_VIEW)
    assert opening["lonely"] == [] and opening["shown"]
    assert not set(lone) & set(opening["shown"])
    assert page.inner_text("#kg-lonely") == f"ещё {len(lone)} без связей — показать"
    page.click("#kg-lonely")
    shown = page.evaluate("network.body.data.nodes.get().filter(n => !n.hidden).map(n => n.id)")
    assert set(lone) <= set(shown)
    assert page.inner_text("#kg-lonely") == f"скрыть {len(lone)} без связей"


def test_labels_are_readable_at_the_opening_zoom(seeds_page):
    opening = seeds_page.page.evaluate(OPENING_VIEW)
    assert len(opening["labels"]) >= min(15, len(opening["shown"]))
    assert min(opening["labels"]) >= 11
    # what is not drawn now is drawn once zooming in brings it to the same size
    seeds_page.page.evaluate("network.moveTo({scale: 3})")
    zoomed = seeds_page.page.evaluate(OPENING_VIEW)
    assert len(zoomed["labels"]) == len(zoomed["shown"])


def test_reset_restores_the_opening_view_and_filters(seeds_page):
    page = seeds_page.page
    opening = page.evaluate("[network.getScale(), network.getViewPosition()]")
    page.uncheck("#kg-kind-Place")
    page.check("#kg-mode-edges")
    page.evaluate("network.moveTo({scale: 4, position: {x: 500, y: -300}})")
    page.click("#kg-reset")
    scale, where = page.evaluate("[network.getScale(), network.getViewPosition()]")
    # the same framing (to a pixel or so: the header's counts may wrap differently as the view changes)
    assert scale == pytest.approx(opening[0], rel=0.01)
    assert (where["x"], where["y"]) == pytest.approx((opening[1]["x"], opening[1]["y"]), abs=3 / scale)
    assert page.is_checked("#kg-kind-Place") and page.is_checked("#kg-mode-nodes")
    assert page.evaluate("window.kgView") == "nodes"


def test_actor_view_links_participants_and_names_said_together(seeds_page, seeds):
    _, net, g = seeds
    page = seeds_page.page
    page.check("#kg-mode-edges")
    nodes = page.evaluate("network.body.data.nodes.get().filter(n => !n.hidden)")
    assert nodes and {n["kind"] for n in nodes} <= {"State", "Person", "Organization"}
    assert all(n["color"]["background"] == n["actorColor"] for n in nodes)
    lines = page.evaluate("network.body.data.edges.get().filter(e => !e.hidden)")
    assert {"pair", "cooc"} <= {e["kind"] for e in lines} <= {"pair", "cooc", "post", "member"}
    ids = {n["id"] for n in nodes}
    assert all(e["from"] in ids and e["to"] in ids for e in lines)
    pair = max((e for e in lines if e["kind"] == "pair"), key=lambda e: len(e["events"]))
    assert f"совместных событий: {len(pair['events'])}" in pair["title"]
    # the strongest co-occurrence: its count is the graph's dip:sentenceCount, its sentences the panel's entries
    counts = {
        tuple(sorted(str(a) for a in g.objects(c, DIP.actor))): int(g.value(c, DIP.sentenceCount))
        for c in g.subjects(RDF.type, DIP.CoOccurrence)
    }
    cooc = max((e for e in lines if e["kind"] == "cooc"), key=lambda e: (e["sentences"], e["id"]))
    assert cooc["sentences"] == counts[(cooc["from"], cooc["to"])]
    page.evaluate("(id) => network.body.emitter.emit('click', {nodes: [], edges: [id]})", cooc["id"])
    assert len(page.query_selector_all("#kg-details .kg-quote")) == cooc["sentences"]
    assert page.inner_text("#kg-details .kg-source").startswith("— «")
    assert seeds_page.errors == []
