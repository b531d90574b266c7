"""`kg html GRAPH -o PAGE.html`: draw a graph the tool wrote as one self-contained interactive page."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from kg.cli._common import errors_as_messages


def html_cli(
    graph: Annotated[
        Path,
        typer.Argument(
            help="A graph file (.ttl, .trig, .nq, .nt, .jsonld) or a build folder (its graph.trig).",
            show_default=False,
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="The page to write (default: graph.html beside the graph)."),
    ] = None,
    title: Annotated[str | None, typer.Option(help="The page's heading.")] = None,
) -> None:
    """Write the interactive graph page (offline, one file) for a graph."""
    from kg.viz import read_graph, to_network, write_html  # pyvis and rdflib load only for this command

    with errors_as_messages():
        rdf = read_graph(graph)
        net = to_network(rdf, **({"title": title} if title else {}))
        target = (
            output
            if output is not None
            else (graph if graph.is_dir() else graph.parent)
            / ("graph.html" if graph.is_dir() else f"{graph.stem}.html")
        )
        written = write_html(net, target)
    counts = net.details["counts"]
    Console(highlight=False, soft_wrap=True).print(
        f"wrote {written} ({counts['nodes']} nodes: {counts['entities']} entities and {counts['events']} events; "
        f"{counts['edges']} edges, {counts['pairs']} participant links; {counts['articles']} articles)"
    )
