"""Benchmark the graph page: build a page for synthetic graphs of 200 and 2,000 nodes and time the browser.

Prints, side by side: graph build time, to_network + write time (and the share of to_network that computes the
layout), HTML size, time until the page has settled in headless Chromium (window.kgReady), and how long a
click-highlight and a type filter take on the settled page.
Not a test: run it with `python benchmarks/bench_html.py [--sizes 200 2000] [--keep DIR]`.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from kg.viz import to_network, write_html
from kg.viz.network import place_nodes

# the graphs and the browser settings are test support, kept beside the tests
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from sample_graphs import CHROMIUM, synthetic_dataset  # noqa: E402
from sample_graphs import CHROMIUM_ARGS as ARGS  # noqa: E402


def build_page(n_nodes: int, folder: Path) -> dict[str, float]:
    """Write the page for a synthetic graph of about ``n_nodes`` nodes (half actors, half events)."""
    t0 = time.perf_counter()
    ds = synthetic_dataset(n_nodes // 2, n_nodes - n_nodes // 2, seed=7)
    t1 = time.perf_counter()
    net = to_network(ds)
    t2 = time.perf_counter()
    path = write_html(net, folder / f"graph-{n_nodes}.html")
    t3 = time.perf_counter()
    # the layout to_network computed, once more on its own to time it (it gives the same places again)
    placed = [(n["x"], n["y"]) for n in net.nodes]
    place_nodes(net)
    layout_s = time.perf_counter() - t3
    if [(n["x"], n["y"]) for n in net.nodes] != placed:
        raise AssertionError("the layout differs between two runs on the same network")
    return {
        "nodes": len(net.nodes),
        "edges": sum(1 for e in net.edges if e["mode"] != "edges"),
        "quads": sum(1 for _ in ds.quads((None, None, None, None))),
        "graph_s": t1 - t0,
        "network_s": t2 - t1,
        "layout_s": layout_s,
        "write_s": t3 - t2,
        "size_mb": path.stat().st_size / 1e6,
        "path": str(path),
    }


def time_browser(browser, path: str) -> dict[str, float]:
    """Open the page offline and time load, settling, a click-highlight and a filter."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file://") else r.abort())
    t0 = time.perf_counter()
    page.goto(Path(path).as_uri())
    loaded = time.perf_counter() - t0
    while not page.evaluate("window.kgReady === true"):
        page.wait_for_timeout(50)
    ready = time.perf_counter() - t0
    in_page = page.evaluate("window.kgStabilizationMs") / 1000
    iterations = page.evaluate("window.kgIterations || 0")
    hub = page.evaluate(
        "network.body.data.nodes.get().filter(n => n.kind !== 'Event')"
        ".sort((a, b) => b.degree - a.degree)[0].id"
    )
    click_ms = page.evaluate(
        "(id) => { const t = performance.now(); kgSelect(id, false); return performance.now() - t; }", hub
    )
    filter_ms = page.evaluate(
        "() => { const b = document.getElementById('kg-kind-Person'); const t = performance.now();"
        " b.click(); return performance.now() - t; }"
    )
    page.close()
    return {
        "load_s": loaded,
        "ready_s": ready,
        "stabilize_s": in_page,
        "iterations": iterations,
        # none when the page opens laid out: its settling time is then all building the network
        "ms_per_iteration": 1000 * in_page / iterations if iterations else None,
        "click_ms": click_ms,
        "filter_ms": filter_ms,
        "errors": len(errors),
    }


def main() -> None:
    """Build, open and time the pages; print one column per size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 2000])
    parser.add_argument("--keep", type=Path, help="write the pages here instead of a temporary folder")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        results = []
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for n in args.sizes:
                built = build_page(n, folder)
                results.append({**built, **time_browser(browser, built["path"])})
            browser.close()
    rows = [
        ("nodes (actors + events)", "nodes", "{:.0f}"),
        ("edges (events as nodes)", "edges", "{:.0f}"),
        ("quads in the graph", "quads", "{:.0f}"),
        ("synthetic graph built (s)", "graph_s", "{:.2f}"),
        ("to_network (s)", "network_s", "{:.2f}"),
        ("  of which layout (s)", "layout_s", "{:.2f}"),
        ("write_html (s)", "write_s", "{:.2f}"),
        ("HTML size (MB)", "size_mb", "{:.2f}"),
        ("page load (s)", "load_s", "{:.2f}"),
        ("until settled, wall (s)", "ready_s", "{:.2f}"),
        ("stabilisation in page (s)", "stabilize_s", "{:.2f}"),
        ("physics iterations run", "iterations", "{:.0f}"),
        ("ms per iteration", "ms_per_iteration", "{:.1f}"),
        ("click + highlight hub (ms)", "click_ms", "{:.0f}"),
        ("hide persons filter (ms)", "filter_ms", "{:.0f}"),
        ("console errors", "errors", "{:.0f}"),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"{'':{width}}  " + "  ".join(f"{n:>10}" for n in args.sizes))
    for title, key, fmt in rows:
        cells = ("-" if r[key] is None else fmt.format(r[key]) for r in results)
        print(f"{title:{width}}  " + "  ".join(f"{cell:>10}" for cell in cells))


if __name__ == "__main__":
    main()
