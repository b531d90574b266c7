"""`kg query OUTDIR_OR_GRAPH [QUERY] [--file Q.rq] [--format table|csv|tsv|json]`: SPARQL over a build."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from kg.cli._common import console as err_console
from kg.cli._common import errors_as_messages, fail
from kg.sparql import QuerySyntaxError, Result, display_rows
from kg.store import RESULT_FORMATS, open_target, query, serialize_result


def read_query(text: str | None, file: Path | None) -> str:
    """The query text: the argument, the ``--file``, or standard input when the argument is ``-``."""
    if text is not None and file is not None:
        raise fail("give the query either as an argument or with --file, not both")
    if file is not None:
        try:
            return file.read_text(encoding="utf-8")
        except OSError as exc:
            raise fail(f"{file}: cannot read the query: {exc.strerror or exc}") from None
    if text == "-":
        return sys.stdin.read()
    if not text:
        raise fail("no query: give it as an argument, with --file Q.rq, or '-' to read standard input")
    return text


def result_table(result: Result) -> Table:
    """A rich table of a select result (IRIs shortened with the known prefixes)."""
    table = Table(show_lines=False, header_style="bold")
    for name in result.variables:
        table.add_column(name, overflow="fold")
    for row in display_rows(result):
        table.add_row(*row)
    return table


def query_cli(
    target: Annotated[
        Path,
        typer.Argument(
            help="A build folder (its graph.nq), an Oxigraph store directory (kg build --store) or an RDF file.",
            show_default=False,
        ),
    ],
    sparql: Annotated[
        str | None,
        typer.Argument(help="The SPARQL query ('-' reads it from standard input).", show_default=False),
    ] = None,
    file: Annotated[
        Path | None, typer.Option("--file", "-f", help="Read the query from this .rq file.")
    ] = None,
    fmt: Annotated[
        str, typer.Option("--format", help="Output: table, csv, tsv or json (SPARQL 1.1 JSON).")
    ] = "table",
) -> None:
    """Run a SPARQL query over a build; the ontology's prefixes (dip:, kgr:, skos: …) need no declaring."""
    if fmt not in RESULT_FORMATS:
        raise fail(f"unknown --format {fmt!r}; expected one of {', '.join(RESULT_FORMATS)}", code=2)
    with errors_as_messages():
        text = read_query(sparql, file)
        store = open_target(target)
        try:
            result = query(store, text)
        except QuerySyntaxError as exc:
            where = f"{file}: " if file is not None else ""
            error = fail(f"{where}{exc}")
            err_console.print(exc.excerpt, markup=False)
            raise error from None
    if fmt != "table" or result.kind == "graph":
        sys.stdout.write(serialize_result(result, fmt))
        return
    out = Console(highlight=False, soft_wrap=False)
    if result.kind == "ask":
        out.print("true" if result.boolean else "false")
        return
    out.print(result_table(result))
    count = len(result.rows)
    err_console.print(f"{count} row{'s' if count != 1 else ''}")
