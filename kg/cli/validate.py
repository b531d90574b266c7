"""`kg validate OUTDIR_OR_GRAPH`: check a built graph against the SHACL shapes."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kg.cli._common import errors_as_messages
from kg.rdfio import GraphReadError, read_graph
from kg.validate import format_report, statement_count, validate


def graph_file(target: Path) -> Path:
    """The graph file to validate: the path itself, or a build folder's graph.trig (else graph.ttl)."""
    if target.is_dir():
        for name in ("graph.trig", "graph.ttl"):
            if (target / name).is_file():
                return target / name
        raise GraphReadError(f"{target}: a folder without graph.trig or graph.ttl (is it a build folder?)")
    return target


def validate_cli(
    graph: Annotated[
        Path,
        typer.Argument(
            help="A build folder (its graph.trig, else graph.ttl) or an RDF file (.ttl .trig .nq .jsonld …)",
            show_default=False,
        ),
    ],
    limit: Annotated[int, typer.Option(help="Show at most this many violations.", min=1)] = 50,
) -> None:
    """Validate a graph against the SHACL shapes; exit 1 when it has violations."""
    with errors_as_messages():
        path = graph_file(graph)
        data = read_graph(path)
        report = validate(data)
    if report.conforms:
        typer.echo(f"conforms: {statement_count(data)} triples, 0 violations")
        return
    typer.echo(f"{path}: does not conform")
    typer.echo(format_report(report, limit=limit))
    raise typer.Exit(1)
