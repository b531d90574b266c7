"""`kg stats OUTDIR_OR_GRAPH`: counts by class and event type, central actors, communities, GraphML."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from kg.cli._common import errors_as_messages
from kg.stats import Stats, compute, write_graphml
from kg.store import open_target

MEASURES = (("degree", "degree"), ("pagerank", "PageRank"), ("betweenness", "betweenness"))


def count_table(title: str, rows: tuple[tuple[str, int], ...], what: str) -> Table:
    """A two-column table of counts."""
    table = Table(title=title, title_justify="left")
    table.add_column(what)
    table.add_column("count", justify="right")
    for name, n in rows:
        table.add_row(name, str(n))
    return table


def central_table(stats: Stats) -> Table:
    """The top actors under each centrality measure, side by side."""
    table = Table(
        title=f"Most central actors ({stats.actors} actors, {stats.links} links)", title_justify="left"
    )
    table.add_column("#", justify="right")
    for _, title in MEASURES:
        table.add_column(title)
        table.add_column("score", justify="right")
    depth = max((len(v) for v in stats.central.values()), default=0)
    for i in range(depth):
        cells = [str(i + 1)]
        for key, _ in MEASURES:
            ranked = stats.central[key]
            cells += [ranked[i].label, f"{ranked[i].score:.4f}"] if i < len(ranked) else ["", ""]
        table.add_row(*cells)
    return table


def community_table(stats: Stats) -> Table:
    """Louvain communities, largest first."""
    table = Table(title="Communities (Louvain, seed 0)", title_justify="left")
    table.add_column("#", justify="right")
    table.add_column("size", justify="right")
    table.add_column("members")
    for i, members in enumerate(stats.communities, 1):
        table.add_row(str(i), str(len(members)), ", ".join(members))
    return table


def stats_cli(
    target: Annotated[
        Path,
        typer.Argument(
            help="A build folder (its graph.nq), an Oxigraph store directory (kg build --store) or an RDF file.",
            show_default=False,
        ),
    ],
    top: Annotated[int, typer.Option(help="How many central actors to list per measure.", min=1)] = 10,
    graphml: Annotated[
        Path | None,
        typer.Option("--graphml", help="Write the actor graph here as GraphML (Gephi, Cytoscape)."),
    ] = None,
) -> None:
    """Counts by class and event type, the most central actors and their communities."""
    with errors_as_messages():
        store = open_target(target)
        stats, graph = compute(store, top)
        if graphml is not None:
            write_graphml(graph, graphml)
    out = Console(highlight=False)
    out.print(count_table("Resources by class", stats.classes, "class"))
    out.print(count_table("Events by type", stats.event_types, "dip:eventType"))
    out.print(central_table(stats))
    out.print(community_table(stats))
    if graphml is not None:
        out.print(f"wrote {graphml} ({stats.actors} actors, {stats.links} links)")
