/* The partnership graph page: filters, search, neighbourhood highlight and the details panel.
   Every piece of text from the data goes into the page through textContent, never innerHTML. */
(function () {
  "use strict";

  const t0 = performance.now();
  const DATA = JSON.parse(document.getElementById("kg-data").textContent);
  const timings = { start: t0, parse: performance.now() - t0 };
  window.kgTimings = timings;
  const D = DATA.details || {};
  const entities = D.entities || {};
  const events = D.events || {};
  const articles = D.articles || {};
  const facts = D.facts || {};
  const kinds = D.kinds || [];
  const kindInfo = {};
  kinds.forEach((k) => { kindInfo[k.kind] = k; });
  const eventTypes = D.eventTypes || [];
  const typeInfo = {};
  eventTypes.forEach((t) => { typeInfo[t.name] = t; });

  const actorKinds = D.actorKinds || [];
  const communityList = D.communities || [];
  const cooc = D.cooccurrences || {};
  const startView = D.startView || "nodes";
  const LABEL_MIN_PX = 11, LABEL_TOP = 30;
  window.kgReady = false;
  window.kgData = DATA;

  // ---------- small DOM helpers (text only) ----------
  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function add(parent, ...children) {
    children.forEach((c) => { if (c) parent.appendChild(typeof c === "string" ? document.createTextNode(c) : c); });
    return parent;
  }
  function swatch(shape, color, border) {
    const s = el("span", "kg-swatch kg-shape-" + shape);
    s.style.background = color;
    s.style.borderColor = border || color;
    return s;
  }
  function norm(s) {
    return String(s || "").toLocaleLowerCase("ru").replace(/ё/g, "е").replace(/\s+/g, " ").trim();
  }

  // ---------- the network ----------
  const nodeMeta = {};
  DATA.nodes.forEach((n) => { nodeMeta[n.id] = n; });
  const edgeMeta = {};
  DATA.edges.forEach((e) => { edgeMeta[e.id] = e; });
  let t1 = performance.now();
  // vis-network gets what the opening view shows; the rest joins it the first time a filter or view shows it
  const nodes = new vis.DataSet(DATA.nodes.filter((n) => !n.hidden));
  const edges = new vis.DataSet(DATA.edges.filter((e) => !e.hidden));
  const inSet = {};
  DATA.nodes.forEach((n) => { if (!n.hidden) inSet["n:" + n.id] = true; });
  DATA.edges.forEach((e) => { if (!e.hidden) inSet["e:" + e.id] = true; });
  function full(prefix, item, update) {
    // an update of something vis-network has not been given yet: the whole item, with the update on top
    if (inSet[prefix + item.id]) return update;
    inSet[prefix + item.id] = true;
    return Object.assign({}, item, update);
  }
  timings.datasets = performance.now() - t1;
  const container = document.getElementById("kg-network");
  const started = performance.now();
  const network = new vis.Network(container, { nodes: nodes, edges: edges }, DATA.options);
  timings.network = performance.now() - started;
  window.network = network;

  const loading = document.getElementById("kg-loading");
  const progress = document.getElementById("kg-progress");
  let initDone = false, settledOnce = false;
  function settled() {
    // Stop the simulation once the layout has settled, so the picture stays still (pyvis issue 88).
    network.setOptions({ physics: { enabled: false } });
    loading.classList.add("kg-done");
    settledOnce = true;
    if (initDone) finish();
  }
  function finish() {
    // the first time only: frame the picture and size its labels once filters and views are set up
    if (!window.kgReady) {
      window.kgStabilizationMs = performance.now() - started;
      fitView();
    }
    if (!window.kgReady) {
      window.kgReadyAt = performance.now(); // since the navigation started
      network.once("afterDrawing", () => { window.kgDrawnAt = performance.now(); });
      network.redraw();
    }
    window.kgReady = true;
    document.body.setAttribute("data-ready", "true");
  }
  network.on("stabilizationProgress", (p) => {
    window.kgIterations = p.iterations;
    progress.textContent = Math.round((100 * p.iterations) / Math.max(1, p.total)) + "%";
  });
  network.on("stabilizationIterationsDone", settled);
  // every node comes placed and physics starts off: the page is settled as soon as it is drawn
  window.kgIterations = 0;
  settled();

  // ---------- filters ----------
  const state = { mode: startView, kinds: {}, types: {}, from: "", to: "", undated: true, isolated: false };
  window.kgView = startView;
  // how much each node matters for labels: links in the events view, shared events and sentences among actors
  const actorWeight = {};
  DATA.edges.forEach((e) => {
    if (e.kind !== "pair" && e.kind !== "cooc") return;
    const w = e.kind === "pair" ? (e.events || []).length * 3 : e.sentences || 1;
    actorWeight[e.from] = (actorWeight[e.from] || 0) + w;
    actorWeight[e.to] = (actorWeight[e.to] || 0) + w;
  });
  function importance(n) {
    return state.mode === "edges" ? actorWeight[n.id] || 0 : n.degree || 0;
  }
  function lonely(n) {
    if (state.mode === "edges") return actorKinds.indexOf(n.kind) >= 0 && !n.actorLinked;
    return !!n.isolated;
  }
  function baseColor(n) {
    if (state.mode === "edges" && n.actorColor) {
      const h = { background: n.actorColor, border: "#111111" };
      return { background: n.actorColor, border: "#444444", highlight: h, hover: h };
    }
    return n.nodeColor || n.color;
  }
  const boostedFont = {}; // id -> the enlarged font of the labels drawn first
  function fontOf(n) { return boostedFont[n.id] || n.font; }
  function clearBoost() {
    const list = Object.keys(boostedFont).map((id) => ({ id: id, font: nodeMeta[id].font }));
    Object.keys(boostedFont).forEach((id) => { delete boostedFont[id]; });
    if (list.length) nodes.update(list);
  }
  function tuneLabels() {
    // the most important visible nodes get a label of at least LABEL_MIN_PX on screen at this zoom;
    // the others are drawn once zooming in brings theirs to that size (vis-network's drawThreshold)
    const scale = network.getScale();
    const updates = {};
    Object.keys(boostedFont).forEach((id) => {
      delete boostedFont[id];
      updates[id] = { id: id, font: nodeMeta[id].font };
    });
    const ranked = DATA.nodes.filter((n) => !hidden["n:" + n.id] && n.label)
      .sort((a, b) => importance(b) - importance(a) || (a.id < b.id ? -1 : 1));
    // (vis-network's maxVisible does not cap a label's size unless label scaling is on: re-tuned on every zoom)
    ranked.slice(0, LABEL_TOP).forEach((n) => {
      if (n.font.size * scale < LABEL_MIN_PX + 1) {
        boostedFont[n.id] = Object.assign({}, n.font, { size: (LABEL_MIN_PX + 1.5) / scale });
        updates[n.id] = { id: n.id, font: dimmed["n:" + n.id] ? DIM_FONT : boostedFont[n.id] };
      }
    });
    const list = Object.values(updates);
    if (list.length) nodes.update(list);
  }
  function core() {
    // the largest connected part of what is shown: the page opens on it
    const parent = {};
    const root = (x) => { while (parent[x] !== x) { parent[x] = parent[parent[x]]; x = parent[x]; } return x; };
    DATA.nodes.forEach((n) => { if (!hidden["n:" + n.id]) parent[n.id] = n.id; });
    DATA.edges.forEach((e) => {
      if (!hidden["e:" + e.id] && parent[e.from] !== undefined && parent[e.to] !== undefined) {
        parent[root(e.from)] = root(e.to);
      }
    });
    const size = {};
    Object.keys(parent).forEach((x) => { const r = root(x); size[r] = (size[r] || 0) + 1; });
    let best = null;
    Object.keys(size).forEach((r) => { if (best === null || size[r] > size[best]) best = r; });
    return Object.keys(parent).filter((x) => root(x) === best);
  }
  network.on("zoom", tuneLabels);
  network.on("animationFinished", tuneLabels);
  function fitView(all) {
    // frame the connected core (or every visible node) by places and sizes (vis-network's fit() would also
    // count the enlarged labels of the last view, so «Сбросить» would not come back to the opening view)
    const ids = all === true ? DATA.nodes.filter((n) => !hidden["n:" + n.id]).map((n) => n.id) : core();
    const pos = network.getPositions(ids);
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    ids.forEach((id) => {
      const p = pos[id], r = (nodeMeta[id].size || 10) + 30;
      if (!p) return;
      x0 = Math.min(x0, p.x - r); x1 = Math.max(x1, p.x + r);
      y0 = Math.min(y0, p.y - r); y1 = Math.max(y1, p.y + r);
    });
    const box = container.getBoundingClientRect();
    if (isFinite(x0) && box.width > 0 && box.height > 0) {
      const scale = Math.min(1.5, 0.92 * Math.min(box.width / (x1 - x0), box.height / (y1 - y0)));
      network.moveTo({ position: { x: (x0 + x1) / 2, y: (y0 + y1) / 2 }, scale: scale });
    } else network.fit();
    tuneLabels();
  }
  window.kgLabelDrawn = (id) => {
    const n = network.body.nodes[id];
    return !!(n && n.options.label && n.options.font.size * network.getScale() >= LABEL_MIN_PX);
  };
  kinds.forEach((k) => { state.kinds[k.kind] = true; });
  eventTypes.forEach((t) => { state.types[t.name] = true; });
  const hidden = {}; // id -> bool, nodes and edges ("n:" / "e:"), as the page opens (set when it was written)
  DATA.nodes.forEach((n) => { hidden["n:" + n.id] = !!n.hidden; });
  DATA.edges.forEach((e) => { hidden["e:" + e.id] = !!e.hidden; });

  function eventPasses(id) {
    const n = nodeMeta[id];
    if (!n) return false;
    if (state.types[n.eventType] === false) return false;
    if (!n.dateFrom) return state.undated;
    if (state.from && n.dateTo < state.from) return false;
    if (state.to && n.dateFrom > state.to) return false;
    return true;
  }
  function nodeVisible(id) {
    const n = nodeMeta[id];
    if (n.kind === "Event") return state.mode === "nodes" && state.kinds.Event !== false && eventPasses(id);
    if (state.kinds[n.kind] === false) return false;
    if (state.mode === "edges" && actorKinds.indexOf(n.kind) < 0) return false;
    if (lonely(n) && !state.isolated) return false;
    if (state.mode === "edges" && n.actorLinked && !state.from && !state.to) return true;
    const ent = entities[id];
    if (ent && ent.events.length) return ent.events.some((e) => eventPasses(e.id));
    return true;
  }
  function edgeVisible(e, shown) {
    if (!shown[e.from] || !shown[e.to]) return false;
    if (e.kind === "cooc") return state.mode === "edges";
    if (e.mode === "edges") return state.mode === "edges" && (e.events || []).some(eventPasses);
    if (e.mode === "nodes") return state.mode === "nodes";
    return true;
  }
  function applyFilters() {
    const shown = {};
    const nodeUpdates = [];
    const recolour = colouredView !== state.mode;
    colouredView = state.mode;
    let nLonely = 0;
    DATA.nodes.forEach((n) => {
      const vis_ = nodeVisible(n.id);
      shown[n.id] = vis_;
      if (!vis_ && !state.isolated && lonely(n) && state.kinds[n.kind] !== false) nLonely += 1;
      const update = { id: n.id };
      if (hidden["n:" + n.id] !== !vis_) {
        hidden["n:" + n.id] = !vis_;
        update.hidden = !vis_;
      }
      if (recolour && n.actorColor && !dimmed["n:" + n.id]) update.color = baseColor(n);
      if (update.hidden === false || (Object.keys(update).length > 1 && inSet["n:" + n.id])) {
        nodeUpdates.push(inSet["n:" + n.id] ? update : full("n:", n, Object.assign({ color: baseColor(n) }, update)));
      }
    });
    window.kgView = state.mode;
    const lonelyButton = document.getElementById("kg-lonely");
    const allLonely = DATA.nodes.filter((n) => lonely(n) && state.kinds[n.kind] !== false).length;
    lonelyButton.hidden = !allLonely;
    lonelyButton.textContent = state.isolated ? "скрыть " + allLonely + " без связей"
      : "ещё " + nLonely + " без связей — показать";
    window.kgLonely = state.isolated ? 0 : nLonely;
    const edgeUpdates = [];
    let nEdges = 0;
    DATA.edges.forEach((e) => {
      const vis_ = edgeVisible(e, shown);
      if (vis_) nEdges += 1;
      if (hidden["e:" + e.id] !== !vis_) {
        hidden["e:" + e.id] = !vis_;
        if (vis_ || inSet["e:" + e.id]) edgeUpdates.push(full("e:", e, { id: e.id, hidden: !vis_ }));
      }
    });
    if (nodeUpdates.length) nodes.update(nodeUpdates);
    if (edgeUpdates.length) edges.update(edgeUpdates);
    let nNodes = 0, nEvents = 0;
    DATA.nodes.forEach((n) => {
      if (shown[n.id]) { nNodes += 1; if (n.kind === "Event") nEvents += 1; }
    });
    if (state.mode === "edges") {
      nEvents = Object.keys(events).filter(eventPasses).length;
    }
    const c = D.counts || {};
    document.getElementById("kg-counts").textContent =
      "Показано узлов: " + nNodes + " из " + DATA.nodes.length +
      " · связей: " + nEdges +
      " · событий: " + nEvents + " из " + (c.events || 0) +
      " · статей: " + (c.articles || 0);
    window.kgShown = { nodes: nNodes, edges: nEdges, events: nEvents };
    if (selected) highlight(selected);
  }

  // ---------- neighbourhood highlight ----------
  const DIM_NODE = { background: "#eceef1", border: "#d5d9de" };
  const DIM_FONT = { color: "#c3c7cc", strokeWidth: 0 };
  const DIM_EDGE = "rgba(190,195,200,0.35)";
  let dimmed = {}; // id -> true for dimmed nodes ("n:") and edges ("e:")
  let colouredView = startView; // the view whose node colours are drawn
  let selected = null;

  function neighbourhood(id) {
    const keep = new Set([id]);
    const visibleNeighbours = (x) => network.getConnectedNodes(x).filter((y) => !hidden["n:" + y]);
    visibleNeighbours(id).forEach((y) => {
      keep.add(y);
      // an event is a stop on the way: show who else took part in it
      if (nodeMeta[y] && nodeMeta[y].kind === "Event" && nodeMeta[id].kind !== "Event") {
        visibleNeighbours(y).forEach((z) => keep.add(z));
      }
    });
    return keep;
  }
  function highlight(id) {
    const keep = id && nodeMeta[id] ? neighbourhood(id) : null;
    const nodeUpdates = [];
    DATA.nodes.forEach((n) => {
      const dim = keep !== null && !keep.has(n.id);
      if (!inSet["n:" + n.id]) return;
      if (!!dimmed["n:" + n.id] !== dim) {
        dimmed["n:" + n.id] = dim;
        nodeUpdates.push(dim ? { id: n.id, color: DIM_NODE, font: DIM_FONT }
          : { id: n.id, color: baseColor(n), font: fontOf(n) });
      }
    });
    const edgeUpdates = [];
    DATA.edges.forEach((e) => {
      const dim = keep !== null && !(keep.has(e.from) && keep.has(e.to));
      if (!inSet["e:" + e.id]) return;
      if (!!dimmed["e:" + e.id] !== dim) {
        dimmed["e:" + e.id] = dim;
        edgeUpdates.push(dim ? { id: e.id, color: DIM_EDGE, font: { color: "rgba(0,0,0,0)", strokeWidth: 0 } }
          : { id: e.id, color: e.color, font: e.font || { color: "#555555", strokeWidth: 3 } });
      }
    });
    if (nodeUpdates.length) nodes.update(nodeUpdates);
    if (edgeUpdates.length) edges.update(edgeUpdates);
  }

  // ---------- details panel ----------
  const panel = document.getElementById("kg-details");
  function nameOf(id) {
    if (entities[id]) return entities[id].label;
    if (events[id]) return events[id].label;
    return id;
  }
  function nodeLink(id, text) {
    const b = el("button", "kg-link kg-capital", text || nameOf(id));
    b.type = "button";
    b.addEventListener("click", () => select(id, true));
    return b;
  }
  function articleLine(span) {
    const a = articles[span.article] || {};
    const meta = [];
    if (a.date) meta.push(a.date);
    if (a.agency) meta.push(a.agency);
    const title = a.title || a.id || "статья";
    return el("div", "kg-source", "— «" + title + "»" + (meta.length ? " (" + meta.join(", ") + ")" : ""));
  }
  let quoted = new Set(); // the sentences the panel shows already: one entry per sentence
  function quote(span) {
    const key = span.article + " " + span.start + " " + span.end;
    if (quoted.has(key)) return null;
    quoted.add(key);
    const box = el("div", "kg-evidence");
    add(box, el("blockquote", "kg-quote", span.text), articleLine(span));
    return box;
  }
  function heading(text, kind, extra) {
    panel.replaceChildren();
    quoted = new Set();
    add(panel, el("h2", null, text));
    const info = kindInfo[kind] || {};
    const row = el("div", "kg-kind");
    if (info.shape) add(row, swatch(info.shape, info.color, info.border));
    add(row, el("span", "kg-capital", extra || info.one || kind));
    add(panel, row);
  }
  function section(title) {
    add(panel, el("h3", null, title));
  }
  function dateText(ev) {
    const parts = [];
    if (ev.when) parts.push(ev.when);
    if (ev.dateText) parts.push("«" + ev.dateText + "»");
    if (ev.dateInferred) parts.push("год взят из даты статьи");
    return parts.join(" ");
  }
  function eventSummary(id, role, withEvidence) {
    const ev = events[id];
    const box = el("div", "kg-event");
    if (!ev) return box;
    const head = el("div", "kg-event-head");
    const t = typeInfo[ev.type];
    add(head, swatch("diamond", t ? t.color : "#999"), nodeLink(id, ev.typeLabel));
    const when = dateText(ev);
    if (when) add(head, el("span", "kg-badge", when));
    if (role) add(head, el("span", "kg-badge", role));
    add(box, head);
    const who = ev.participants.map((p) => nameOf(p.id) + (p.role ? " (" + p.role + ")" : "")).join(", ");
    if (who) add(box, el("div", "kg-note", "Участники: " + who));
    if (withEvidence) ev.evidence.slice(0, 2).forEach((s) => add(box, quote(s)));
    return box;
  }
  function showEntity(id) {
    const ent = entities[id];
    heading(ent.label, ent.kind);
    add(panel, el("div", "kg-iri", id));
    const names = [];
    if (ent.en) names.push(["по-английски", ent.en]);
    if (ent.alt.length) names.push(["также", ent.alt.join("; ")]);
    if (ent.hidden.length) names.push(["формы в текстах", ent.hidden.join("; ")]);
    if (names.length || ent.wikidata) {
      section("Названия");
      const ul = el("ul");
      names.forEach(([k, v]) => add(ul, add(el("li"), el("b", null, k + ": "), v)));
      if (ent.wikidata && /^Q[0-9]+$/.test(ent.wikidata)) {
        const a = el("a", null, ent.wikidata);
        a.href = "https://www.wikidata.org/wiki/" + ent.wikidata;
        a.target = "_blank";
        a.rel = "noopener noreferrer";
        add(ul, add(el("li"), el("b", null, "Wikidata: "), a));
      }
      add(panel, ul);
    }
    const posts = ent.posts.filter((p, i) => ent.posts.findIndex((q) => q.label === p.label) === i);
    if (posts.length) {
      section("Должности");
      posts.forEach((p) => {
        const li = add(el("div", "kg-event"), el("div", "kg-capital", p.label));
        if (p.in) add(li, add(el("div", "kg-note"), "в: ", entities[p.in] ? nodeLink(p.in) : p.in));
        p.evidence.slice(0, 2).forEach((s) => add(li, quote(s)));
        add(panel, li);
      });
    }
    if (ent.events.length) {
      section("События (" + ent.events.length + ")");
      ent.events.forEach((e, i) => add(panel, eventSummary(e.id, e.role, i < 12)));
    }
    if (ent.supports.length) {
      section("Поддерживает");
      const ul = el("ul");
      ent.supports.forEach((s) => add(ul, add(el("li"), nodeLink(s))));
      add(panel, ul);
    }
    if (ent.facts.length) {
      section("Цифры");
      ent.facts.forEach((f) => {
        const fact = facts[f];
        if (!fact) return;
        const box = add(el("div", "kg-event"), el("div", null, fact.label));
        fact.evidence.slice(0, 1).forEach((s) => add(box, quote(s)));
        add(panel, box);
      });
    }
    section("Источники");
    add(panel, el("div", "kg-note", "Упоминаний в текстах: " + ent.mentions + ", статей: " + ent.articles.length));
    const ul = el("ul");
    ent.articles.forEach((a) => {
      const art = articles[a] || {};
      add(ul, el("li", null, (art.title || art.id || a) + (art.date ? " (" + art.date + ")" : "")));
    });
    add(panel, ul);
  }
  function showEvent(id) {
    const ev = events[id];
    const t = typeInfo[ev.type];
    heading(ev.label, "Event", ev.typeLabel);
    const row = panel.querySelector(".kg-kind");
    row.replaceChildren(swatch("diamond", t ? t.color : "#999"), el("span", "kg-capital", ev.typeLabel));
    if (ev.score !== null) add(row, el("span", "kg-badge", "сотрудничество " + (ev.score > 0 ? "+" : "") + ev.score));
    if (ev.cameo) add(row, el("span", "kg-badge", "CAMEO " + ev.cameo));
    add(panel, el("div", "kg-iri", id));
    const ul = el("ul");
    const when = dateText(ev);
    if (when) add(ul, add(el("li"), el("b", null, "Когда: "), when));
    if (ev.place) add(ul, add(el("li"), el("b", null, "Где: "), entities[ev.place] ? nodeLink(ev.place) : ev.place));
    if (ev.level) add(ul, add(el("li"), el("b", null, "Уровень: "), ev.level));
    if (ev.subEventOf) add(ul, add(el("li"), el("b", null, "Часть события: "), nodeLink(ev.subEventOf)));
    if (ev.confidence !== null) add(ul, add(el("li"), el("b", null, "Уверенность: "), String(ev.confidence)));
    if (ev.trigger) add(ul, add(el("li"), el("b", null, "Слова-признак: "), "«" + ev.trigger.text + "»"));
    add(panel, ul);
    if (ev.participants.length) {
      section("Участники");
      const pl = el("ul");
      ev.participants.forEach((p) => add(pl, add(el("li"), nodeLink(p.id), p.role ? " — " + p.role : "")));
      add(panel, pl);
    }
    if (ev.concerns.length) {
      section("О чём");
      const cl = el("ul");
      ev.concerns.forEach((c) => add(cl, add(el("li"), nodeLink(c))));
      add(panel, cl);
    }
    section("Источник");
    if (!ev.evidence.length) add(panel, el("div", "kg-note", "предложение не сохранено"));
    ev.evidence.forEach((s) => add(panel, quote(s)));
  }
  function showEdge(id) {
    const e = edgeMeta[id];
    if (!e) return;
    const a = nameOf(e.from), b = nameOf(e.to);
    if (e.kind === "cooc") {
      const sentences = (cooc[e.from + " " + e.to] || []).map((i) => {
        const x = D.sentences[i];
        return { article: x[0], start: x[1], end: x[2], text: x[3] };
      });
      heading(a + " — " + b, "Person", "названы в одном предложении: " + e.sentences);
      sentences.forEach((s) => add(panel, quote(s)));
    } else if (e.kind === "pair") {
      heading(a + " — " + b, "Event", "совместные события: " + e.events.length);
      e.events.forEach((x) => add(panel, eventSummary(x, null, true)));
    } else if (e.kind === "post") {
      heading(a + " — " + b, "Person", "должность");
      const ent = entities[e.from];
      ent.posts.filter((p) => p.in === e.to).forEach((p) => {
        add(panel, el("div", "kg-capital", p.label));
        p.evidence.forEach((s) => add(panel, quote(s)));
      });
    } else if (e.kind === "supports") {
      heading(a + " поддерживает " + b, "Initiative", "поддержка инициативы");
      (entities[e.from].events || []).filter((x) => (events[x.id] || {}).concerns.indexOf(e.to) >= 0)
        .forEach((x) => add(panel, eventSummary(x.id, x.role, true)));
    } else if (e.events && e.events.length) {
      const ev = events[e.events[0]];
      const roles = { participant: "участие", place: "место события", concerns: "о чём событие", subevent: "часть события" };
      heading(a + " — " + b, "Event", roles[e.kind] || e.kind);
      if (e.kind === "participant" && ev) {
        const p = ev.participants.find((x) => x.id === e.to);
        add(panel, el("div", "kg-note", b + ": " + ((p && p.role) || "участник")));
      }
      e.events.forEach((x) => add(panel, eventSummary(x, null, true)));
    } else {
      heading(a + " — " + b, "Other", e.kind);
    }
  }
  function clearDetails() {
    panel.replaceChildren(el("p", "kg-hint",
      "Выберите узел или связь, чтобы увидеть названия, должности, события и предложения-источники."));
  }

  function select(id, focus) {
    if (!nodeMeta[id]) return;
    selected = id;
    if (!hidden["n:" + id]) {
      network.selectNodes([id]);
      if (focus) {
        clearBoost(); // the labels enlarged for the overview are not needed close up
        network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: { duration: 300 } });
        setTimeout(tuneLabels, 350);
      }
    }
    highlight(id);
    if (entities[id]) showEntity(id); else if (events[id]) showEvent(id);
    panel.scrollTop = 0;
  }
  function deselect() {
    selected = null;
    network.unselectAll();
    highlight(null);
    clearDetails();
  }
  window.kgSelect = select;

  network.on("click", (params) => {
    if (params.nodes.length) select(params.nodes[0], false);
    else if (params.edges.length) {
      selected = null;
      highlight(null);
      showEdge(params.edges[0]);
    } else deselect();
  });

  // ---------- search ----------
  const index = [];
  Object.keys(entities).forEach((id) => {
    const e = entities[id];
    index.push({ id: id, label: e.label, kind: e.kind,
      names: [e.label, e.en].concat(e.alt, e.hidden).filter(Boolean).map(norm) });
  });
  Object.keys(events).forEach((id) => {
    index.push({ id: id, label: events[id].label, kind: "Event", names: [norm(events[id].label)] });
  });
  function search(q) {
    q = norm(q);
    if (!q) return [];
    const found = [];
    index.forEach((item) => {
      let rank = -1;
      const label = item.names[0];
      if (label === q) rank = 0;
      else if (label.startsWith(q)) rank = 1;
      else if (label.split(/[\s«»"-]+/).some((w) => w.startsWith(q))) rank = 2;
      else if (item.names.some((n) => n.includes(q))) rank = 3;
      if (rank >= 0) found.push([rank, item.kind === "Event" ? 1 : 0, -(nodeMeta[item.id].degree || 0), item.label, item]);
    });
    found.sort((x, y) => x[0] - y[0] || x[1] - y[1] || x[2] - y[2] || (x[3] < y[3] ? -1 : x[3] > y[3] ? 1 : 0));
    return found.map((f) => f[4]);
  }
  const searchBox = document.getElementById("kg-search");
  const results = document.getElementById("kg-search-results");
  let lastResults = [];
  function renderResults() {
    lastResults = search(searchBox.value);
    results.replaceChildren();
    if (!searchBox.value.trim()) return;
    if (!lastResults.length) { add(results, el("li", "kg-empty", "ничего не найдено")); return; }
    lastResults.slice(0, 15).forEach((item) => {
      const info = kindInfo[item.kind] || {};
      const b = el("button");
      b.type = "button";
      add(b, swatch(info.shape || "dot", info.color || "#999", info.border), el("span", null, item.label));
      if (hidden["n:" + item.id]) add(b, el("span", "kg-muted", "скрыт фильтром"));
      b.addEventListener("click", () => select(item.id, true));
      add(results, add(el("li"), b));
    });
  }
  searchBox.addEventListener("input", renderResults);
  searchBox.addEventListener("keydown", (ev) => {
    if (ev.key === "Enter") {
      renderResults();
      if (lastResults.length) select(lastResults[0].id, true);
      ev.preventDefault();
    } else if (ev.key === "Escape") {
      searchBox.value = "";
      renderResults();
    }
  });

  // ---------- controls ----------
  function checkboxRow(id, checked, content, count, onChange) {
    const label = el("label", "kg-row");
    const box = el("input");
    box.type = "checkbox";
    box.id = id;
    box.checked = checked;
    box.addEventListener("change", () => onChange(box.checked));
    add(label, box, ...content);
    if (count !== undefined) add(label, el("span", "kg-count", count));
    return label;
  }
  const kindsBox = document.getElementById("kg-kinds");
  kinds.filter((k) => k.count > 0).forEach((k) => {
    add(kindsBox, checkboxRow("kg-kind-" + k.kind, true, [swatch(k.shape, k.color, k.border), el("span", null, k.label)],
      k.count, (on) => { state.kinds[k.kind] = on; applyFilters(); }));
  });
  document.getElementById("kg-lonely").addEventListener("click", () => {
    state.isolated = !state.isolated;
    applyFilters();
  });
  const typesBox = document.getElementById("kg-event-types");
  eventTypes.forEach((t) => {
    const score = t.score === null ? "" : " " + (t.score > 0 ? "+" : "") + t.score;
    add(typesBox, checkboxRow("kg-type-" + t.name, true,
      [swatch("diamond", t.color), el("span", "kg-capital", t.label), el("span", "kg-note", score)],
      t.count, (on) => { state.types[t.name] = on; applyFilters(); }));
  });
  const scale = document.getElementById("kg-scale");
  const stops = (D.scale || []).map((s) => s[1] + " " + ((s[0] + 10) * 5) + "%");
  if (stops.length) scale.style.background = "linear-gradient(to right, " + stops.join(", ") + ")";

  const edgeLegend = document.getElementById("kg-edge-legend");
  function line(style, color, text) {
    const l = el("span", "kg-line " + style);
    l.style.borderTopColor = color;
    return add(el("div", "kg-row"), l, el("span", null, text));
  }
  add(edgeLegend,
    add(el("div", "kg-row"), swatch("diamond", "#6fae6b", "#555"), el("span", null, "событие (цвет — оценка)")),
    line("", "#3a9a4e", "участник события"),
    line("kg-dashed", "#b08a5e", "место события"),
    line("kg-dotted", "#b07aa1", "о чём событие"),
    line("kg-dashed", "#b07aa1", "поддерживает инициативу"),
    line("kg-dashed", "#8a8a8a", "должность в государстве"),
    line("", "#7f7f7f", "акторы: совместные события (толщина — число, цвет — оценка)"),
    line("", "#9aa5b1", "акторы: названы в одном предложении (толщина — число)"));
  if (communityList.length) {
    add(edgeLegend, el("div", "kg-note", "Сообщества акторов (цвет в режиме акторов), по центральному актору:"));
    communityList.slice(0, 12).forEach((c) => add(edgeLegend,
      add(el("div", "kg-row"), swatch("dot", c.color), el("span", null, c.name), el("span", "kg-count", c.size))));
  }

  const allDates = Object.values(events).map((e) => e.dateFrom).filter(Boolean).sort();
  const allEnds = Object.values(events).map((e) => e.dateTo).filter(Boolean).sort();
  const fromBox = document.getElementById("kg-date-from");
  const toBox = document.getElementById("kg-date-to");
  if (allDates.length) {
    fromBox.min = toBox.min = allDates[0];
    fromBox.max = toBox.max = allEnds[allEnds.length - 1].replace(/-31$/, "-28");
  }
  fromBox.addEventListener("change", () => { state.from = fromBox.value; applyFilters(); });
  toBox.addEventListener("change", () => { state.to = toBox.value; applyFilters(); });
  document.getElementById("kg-undated").addEventListener("change", (ev) => {
    state.undated = ev.target.checked; applyFilters();
  });
  document.querySelectorAll("input[name=kg-mode]").forEach((r) => r.addEventListener("change", () => {
    if (r.checked) { state.mode = r.value; applyFilters(); fitView(); }
  }));
  document.getElementById("kg-fit").addEventListener("click", () => fitView(true));
  document.getElementById("kg-relayout").addEventListener("click", () => {
    loading.classList.remove("kg-done");
    network.setOptions({ physics: { enabled: true } });
    // the page opens with the layout computed when it was written; this one is vis-network's physics
    network.stabilize(D.relayoutIterations || 300);
  });
  document.getElementById("kg-reset").addEventListener("click", () => {
    document.querySelectorAll("#kg-controls input[type=checkbox]").forEach((b) => { b.checked = true; });
    document.getElementById("kg-mode-" + startView).checked = true;
    fromBox.value = toBox.value = searchBox.value = "";
    Object.keys(state.kinds).forEach((k) => { state.kinds[k] = true; });
    Object.keys(state.types).forEach((k) => { state.types[k] = true; });
    Object.assign(state, { mode: startView, from: "", to: "", undated: true, isolated: false });
    renderResults();
    deselect();
    applyFilters();
    fitView();
  });

  document.getElementById("kg-mode-" + startView).checked = true;
  applyFilters();
  initDone = true;
  if (settledOnce) finish();
})();
