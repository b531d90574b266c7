"""The ``kg`` command: thin wrappers over the library, one module per command."""

from __future__ import annotations

import typer

from kg.cli import build, evaluate, html, query, serve, stats, validate

app = typer.Typer(
    name="kg",
    help="Build a knowledge graph of partnership events from Russian news articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command("build", epilog=build.EPILOG)(build.build_cli)
app.command("evaluate")(evaluate.evaluate_cli)
app.command("validate")(validate.validate_cli)
app.command("html")(html.html_cli)
app.command("query")(query.query_cli)
app.command("serve")(serve.serve_cli)
app.command("stats")(stats.stats_cli)
