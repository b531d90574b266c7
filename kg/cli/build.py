"""``kg build INPUT... -o OUTDIR``: build the graph of a corpus."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer

from kg.cli._common import console, errors_as_messages
from kg.iri import DEFAULT_BASE


def build_cli(
    inputs: Annotated[list[Path], typer.Argument(help="Article files (.txt, .jsonl) or folders of them.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Folder to write the outputs into.")] = Path(
        "output"
    ),
    model: Annotated[
        str | None,
        typer.Option(
            "--model",
            help="An installed spaCy pipeline with an NER (e.g. ru_core_news_sm) or its folder, "
            "used instead of the embedded Slovnet NER.",
        ),
    ] = None,
    base: Annotated[str, typer.Option("--base", help="Base IRI for minted resources.")] = DEFAULT_BASE,
    store: Annotated[
        Path | None,
        typer.Option("--store", help="Also load the graph into a persistent Oxigraph store in this folder."),
    ] = None,
    include_text: Annotated[
        bool, typer.Option("--include-text", help="Put each article's full text in the graph (nif:isString).")
    ] = False,
    validate: Annotated[
        bool, typer.Option("--validate/--no-validate", help="Check the graph against the SHACL shapes.")
    ] = True,
    jobs: Annotated[
        int,
        typer.Option(
            "-j",
            "--jobs",
            min=1,
            help="Extract in this many worker processes (each loads the pipeline; about 0.4 GB apiece).",
        ),
    ] = 1,
) -> None:
    """Build the knowledge graph of the articles into OUTPUT (Turtle, TriG, N-Quads, JSON-LD, HTML, JSONL)."""
    from kg.build import build

    started = time.perf_counter()
    with errors_as_messages(), console.status("loading the pipeline…") as status:
        report = build(
            inputs,
            output,
            model=model,
            base=base,
            include_text=include_text,
            store=store,
            validate=validate,
            progress=lambda art: status.update(f"read {art}"),
            jobs=jobs,
        )
    seconds = time.perf_counter() - started
    out = typer.echo
    out(f"Read {len(report.articles)} article(s) in {seconds:.1f} s: {', '.join(report.articles)}")
    c = report.counts
    out(
        f"Found {c['entities']} entities ({c['mentions']} mentions), {c['events']} events, "
        f"{c['positions']} posts held, {c['facts']} figure(s); {c['quads']} quads."
    )
    for path in report.written:
        out(f"Wrote {path}")
    for problem in report.skipped:
        out(f"Skipped {problem.where}: {problem.reason}")
    if report.validation is not None:
        if report.validation.conforms:
            out("SHACL validation: the graph conforms to ontologies/shapes.ttl.")
        else:
            from kg.validate import format_report

            out("SHACL validation found violations:\n" + format_report(report.validation, limit=20))
            raise typer.Exit(3)
