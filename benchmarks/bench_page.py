"""Benchmark the graph page on a build of real news at scale: 1,000 (or N) articles in headless Chromium.

The articles are the Wikinews texts of ``/work/shared/eval/wikinews-ru.jsonl`` repeated with fresh ids until there
are N of them (653 real + 347 repeats for N = 1,000). Each distinct text goes through the pipeline once; a repeat
is the same extraction under its new article id (the pipeline gives the same record for the same text), so the
records are cached in ``--cache`` and the page can be rebuilt from them without the NLP.

Prints: nodes of the page, the view it opens in, time from navigation to settled (window.kgReadyAt) and to the
first picture drawn (window.kgDrawnAt), as the page measures it and as seen from here (polling), visible
nodes without a link at the opening view, labels drawn at opening and their smallest on-screen size (vis-network
scale × font size), and how long a search takes to answer. Saves screenshots with ``--shots DIR``.
Not a test: ``python benchmarks/bench_page.py [--n 1000] [--cache FILE] [--shots docs]``.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import pickle
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "eval" / "wikinews-ru.jsonl"
sys.path.insert(0, str(ROOT / "tests"))
from sample_graphs import CHROMIUM, CHROMIUM_ARGS  # noqa: E402


def records_for(n: int, data: Path, cache: Path) -> list:
    """The records of N articles: the distinct texts extracted once (cached), the repeats renamed."""
    from kg.sources import read_inputs

    articles = [a for a in read_inputs([data]) if not hasattr(a, "reason")]
    if cache.exists():
        with cache.open("rb") as handle:
            distinct = pickle.load(handle)
    else:
        import warnings

        warnings.simplefilter("ignore", DeprecationWarning)
        from kg.extract import extract_records
        from kg.pipeline.nlp import build_nlp

        nlp = build_nlp()
        distinct = []
        t0 = time.perf_counter()
        for i, rec in enumerate(extract_records(articles, nlp)):
            distinct.append(rec)
            if i % 50 == 0:
                print(
                    f"  extracted {i + 1} of {len(articles)} in {time.perf_counter() - t0:.0f} s", flush=True
                )
        with cache.open("wb") as handle:
            pickle.dump(distinct, handle)
    records = list(distinct[:n])
    i = 0
    while len(records) < n:
        rec = distinct[i % len(distinct)]
        new_id = f"{rec.article.id}-r{i // len(distinct) + 1}"
        records.append(dataclasses.replace(rec, article=dataclasses.replace(rec.article, id=new_id)))
        i += 1
    return records


def build_page(records: list, folder: Path) -> dict:
    """Resolve, build the graph and write the page, timed."""
    from kg.graph import build_dataset
    from kg.resolve import resolve
    from kg.viz import to_network, write_html

    t0 = time.perf_counter()
    corpus = resolve(records)
    ds = build_dataset(corpus)
    t1 = time.perf_counter()
    net = to_network(ds)
    t2 = time.perf_counter()
    path = write_html(net, folder / "graph.html")
    return {
        "graph_s": t1 - t0,
        "network_s": t2 - t1,
        "size_mb": path.stat().st_size / 1e6,
        "nodes": len(net.nodes),
        "path": path,
    }


MEASURE = """() => {
  const scale = network.getScale();
  const ids = network.body.nodeIndices;
  const canvas = network.canvas.frame.canvas.getBoundingClientRect();
  let lonely = 0, labels = 0, minPx = Infinity, shown = 0;
  ids.forEach((id) => {
    const n = network.body.nodes[id];
    const p = network.canvasToDOM({x: n.x, y: n.y});
    if (p.x < 0 || p.y < 0 || p.x > canvas.width || p.y > canvas.height) return;
    shown += 1;
    if (!network.getConnectedEdges(id).some((e) => network.body.edges[e] && network.body.edges[e].options.hidden !== true
        && network.body.edges[e].connected)) lonely += 1;
    const drawn = window.kgLabelDrawn ? window.kgLabelDrawn(id) : !!n.options.label;
    if (drawn) { labels += 1; minPx = Math.min(minPx, n.options.font.size * scale); }
  });
  return {scale, shown, lonely, labels, minPx, view: window.kgView || "nodes"};
}"""


def time_browser(path: Path, shots: Path | None, query: str) -> dict:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file://") else r.abort())
        t0 = time.perf_counter()
        page.goto(path.as_uri(), wait_until="commit")
        while not page.evaluate("window.kgDrawnAt !== undefined"):
            page.wait_for_timeout(20)
        ready = time.perf_counter() - t0
        in_page = page.evaluate("[window.kgReadyAt, window.kgDrawnAt, window.kgTimings]")
        page.wait_for_timeout(300)
        opened = page.evaluate(MEASURE)
        if shots:
            page.screenshot(path=str(shots / "page-1000-open.png"))
        search_ms = page.evaluate(
            """(q) => { const box = document.getElementById('kg-search'); const t = performance.now();
            box.value = q; box.dispatchEvent(new Event('input')); return performance.now() - t; }""",
            query,
        )
        if shots:
            page.screenshot(path=str(shots / "page-1000-search.png"))
        page.press("#kg-search", "Enter")
        page.wait_for_timeout(600)
        if shots:
            page.screenshot(path=str(shots / "page-1000-selected.png"))
        browser.close()
    return {
        "ready_s": ready,
        "settled_in_page_s": in_page[0] / 1000,
        "drawn_in_page_s": in_page[1] / 1000,
        "page_js_ms": in_page[2],
        "search_ms": search_ms,
        **opened,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument(
        "--cache", type=Path, default=Path(tempfile.gettempdir()) / "kg-bench-page-records.pickle"
    )
    parser.add_argument("--shots", type=Path, default=None)
    parser.add_argument("--keep", type=Path, default=None)
    parser.add_argument("--query", default="китай")
    args = parser.parse_args()
    records = records_for(args.n, args.data, args.cache)
    folder = args.keep or Path(tempfile.mkdtemp())
    folder.mkdir(parents=True, exist_ok=True)
    built = build_page(records, folder)
    measured = time_browser(built["path"], args.shots, args.query)
    print(
        json.dumps(
            {"articles": len(records), **{k: v for k, v in built.items() if k != "path"}, **measured},
            ensure_ascii=False,
            default=str,
            indent=1,
        )
    )


if __name__ == "__main__":
    main()
