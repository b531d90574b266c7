"""`kg serve OUTDIR_OR_GRAPH [--host 127.0.0.1] [--port N]`: a read-only SPARQL endpoint (Oxigraph's server)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kg.cli._common import console, errors_as_messages, fail
from kg.server import (
    DEFAULT_HOST,
    DEFAULT_MAX_RESULT_MB,
    DEFAULT_PORT,
    DEFAULT_TIMEOUT_S,
    Endpoint,
    ServerError,
    is_loopback,
    serve,
)


def serve_cli(
    target: Annotated[
        Path,
        typer.Argument(
            help="A build folder (its graph.nq), an Oxigraph store directory (kg build --store) or an RDF file.",
            show_default=False,
        ),
    ],
    host: Annotated[
        str, typer.Option(help="Address to listen on (loopback unless you mean to share it).")
    ] = (DEFAULT_HOST),
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = DEFAULT_PORT,
    timeout: Annotated[
        float, typer.Option("--timeout", help="Seconds a query may run before the server stops it.", min=0.1)
    ] = DEFAULT_TIMEOUT_S,
    max_result_mb: Annotated[
        float,
        typer.Option(
            "--max-result-mb",
            help="Largest answer sent, in megabytes; a larger one is refused (413).",
            min=0.001,
        ),
    ] = DEFAULT_MAX_RESULT_MB,
) -> None:
    """Serve a build read-only over the SPARQL 1.1 Protocol at http://HOST:PORT/query until Ctrl-C.

    Updates and SERVICE clauses are refused; the ontology's prefixes need no declaring; a query that brings
    the store down is answered with 503 and the store restarted.
    """
    if not is_loopback(host):
        console.print(
            f"Warning: listening on {host}: the endpoint is reachable from other machines", markup=False
        )

    def announce(endpoint: Endpoint) -> None:
        # Printed only once the server answers, so scripts may wait for this line.
        typer.echo(
            f"SPARQL endpoint: {endpoint.query_url} (read-only, query timeout {timeout:g} s, answers up to "
            f"{max_result_mb:g} MB); Ctrl-C stops it",
        )

    with errors_as_messages():
        try:
            code = serve(target, host, port, timeout, on_ready=announce, max_result_mb=max_result_mb)
        except ServerError as exc:
            raise fail(str(exc)) from None
    if code not in (0, -15):
        raise fail(f"the Oxigraph server exited with code {code}")
