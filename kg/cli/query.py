"""`kg query OUTDIR_OR_GRAPH [QUERY] [--file Q.rq] [--bind NAME=VALUE] [--format FORMAT]`: SPARQL over a build."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from kg.cli._common import console as err_console
from kg.cli._common import errors_as_messages, fail
from kg.sparql import QuerySyntaxError, Result, display_rows, prefixes
from kg.sparqltext import bind, parse_binding
from kg.store import GRAPH_FORMATS, RESULT_FORMATS, open_target, query, serialize_result


def read_query(text: str | None, file: Path | None) -> str:
    """The query text: the argument, the ``--file``, or standard input when the argument is ``-``."""
    if text is not None and file is not None:
        raise fail("give the query either as an argument or with --file, not both")
    if file is not None:
        try:
            data = file.read_bytes()
        except OSError as exc:
            raise fail(f"{file}: cannot read the query: {exc.strerror or exc}") from None
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise fail(
                f"{file}: the query is not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                "save it as UTF-8"
            ) from None
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
        str,
        typer.Option(
            "--format",
            help="Output: table, csv, tsv or json (SPARQL 1.1 JSON) for SELECT and ASK; "
            "turtle or nt (N-Triples) for CONSTRUCT and DESCRIBE (table writes Turtle).",
        ),
    ] = "table",
    bindings: Annotated[
        list[str] | None,
        typer.Option(
            "--bind",
            help="NAME=VALUE: fix the variable ?NAME (replaces the query's own VALUES for it). A VALUE in <…>, "
            "a prefixed name, a number or a quoted literal is taken as written; other text becomes a literal "
            'like the query\'s own value ("Ван И"@ru). Repeatable.',
            metavar="NAME=VALUE",
        ),
    ] = None,
    allow_service: Annotated[
        bool,
        typer.Option(
            "--allow-service",
            help="Run SERVICE clauses (they make this machine send requests to the servers they name).",
        ),
    ] = False,
) -> None:
    """Run a SPARQL query over a build; the ontology's prefixes (dip:, kgr:, skos: …) need no declaring.

    Updates are refused, and so are SERVICE clauses unless --allow-service.
    """
    if fmt not in RESULT_FORMATS + GRAPH_FORMATS:
        raise fail(
            f"unknown --format {fmt!r}; expected one of {', '.join(RESULT_FORMATS + GRAPH_FORMATS)}", code=2
        )
    with errors_as_messages():
        text = read_query(sparql, file)
        for spec in bindings or ():
            name, value = parse_binding(spec)
            text = bind(text, name, value, set(prefixes()))
        store = open_target(target)
        try:
            result = query(store, text, allow_service=allow_service)
        except QuerySyntaxError as exc:
            where = f"{file}: " if file is not None else ""
            error = fail(f"{where}{exc}")
            err_console.print(exc.excerpt, markup=False)
            raise error from None
        if fmt != "table" or result.kind == "graph":
            output = serialize_result(result, fmt)
    if fmt != "table" or result.kind == "graph":
        sys.stdout.write(output)
        return
    out = Console(highlight=False, soft_wrap=False)
    if result.kind == "ask":
        out.print("true" if result.boolean else "false")
        return
    out.print(result_table(result))
    count = len(result.rows)
    err_console.print(f"{count} row{'s' if count != 1 else ''}")
