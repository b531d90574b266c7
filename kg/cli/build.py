"""``kg build INPUT... -o OUTDIR``: build the graph of a corpus."""

from __future__ import annotations

import signal
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from kg.cli._common import console, errors_as_messages
from kg.iri import DEFAULT_BASE

#: Exit codes of ``kg build`` (also in its --help and the README).
EXIT_OK, EXIT_NOTHING, EXIT_SHAPES, EXIT_SKIPPED = 0, 1, 3, 4

EPILOG = (
    "Exit codes: 0 every input was read and the graph conforms to its shapes; "
    "4 the graph was built but some inputs were skipped (each named on stderr); "
    "3 the graph breaks its SHACL shapes; "
    "1 nothing could be built (no readable article, or an error such as a missing model or a busy output folder); "
    "2 a usage error."
)


class Engine(str, Enum):  # noqa: UP042 - typer shows and parses a str Enum by its values
    """The engines of ``--engine`` (:data:`kg.engines.ENGINES`)."""

    local = "local"
    dask = "dask"


#: article ids named in the summary line; a corpus of thousands is counted, not listed
LISTED_IDS = 10


@contextmanager
def _terminated_as_exit() -> Iterator[None]:
    """SIGTERM ends the build like Ctrl-C does, so that its staging folder is removed on the way out."""

    def stop(signum: int, frame: Any) -> None:
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def peak_memory_mb() -> float:
    """The most memory this process has held so far, in MB."""
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)  # bytes on macOS, KiB on Linux


@contextmanager
def _progress() -> Iterator[tuple[Any, Any]]:
    """(on_total, on_article) callbacks: a progress bar with articles/s and the time left when stderr is a
    terminal, nothing otherwise."""
    if not console.is_terminal:
        yield None, None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    rate = TextColumn("{task.fields[rate]}")
    memory = TextColumn("{task.fields[memory]}")
    with Progress(
        TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), rate, TimeRemainingColumn(), memory,
        console=console, transient=True,
    ) as bar:  # fmt: skip
        task = bar.add_task("articles", total=None, rate="", memory="")
        started = time.perf_counter()

        def on_article(art: str) -> None:
            bar.advance(task)
            done = bar.tasks[0].completed
            bar.update(
                task,
                rate=f"{done / max(time.perf_counter() - started, 1e-6):.1f} articles/s",
                memory=f"{peak_memory_mb():,.0f} MB",
            )

        yield (lambda n: bar.update(task, total=n)), on_article


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
        int | None,
        typer.Option(
            "-j",
            "--jobs",
            min=1,
            help="Extract in this many worker processes (each loads the pipeline; about 0.4 GB apiece); "
            "default: one per core when there are 25 articles or more per core, else this process.",
            show_default=False,
        ),
    ] = None,
    engine: Annotated[
        Engine,
        typer.Option(
            "--engine",
            help="Where extraction runs: local (this process or --jobs workers) or dask "
            "(a Dask cluster: --scheduler ADDRESS, or a local one of --jobs workers).",
        ),
    ] = Engine.local,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler", help="Address of the Dask scheduler (tcp://host:8786) for --engine dask."
        ),
    ] = None,
    encoding: Annotated[
        str | None,
        typer.Option(
            "--encoding",
            help="Read every input in this encoding (e.g. cp1251) instead of detecting it "
            "(UTF-8 with or without BOM, UTF-16 with BOM, cp1251, KOI8-R).",
        ),
    ] = None,
    max_chars: Annotated[
        int, typer.Option("--max-chars", min=1, help="Skip (and name) an article longer than this.")
    ] = 200_000,
    article_timeout: Annotated[
        float,
        typer.Option(
            "--article-timeout",
            min=0,
            help="Skip (and name) an article whose extraction takes longer "
            "than this many seconds; 0 for no limit.",
        ),
    ] = 60.0,
    update: Annotated[
        Path | None,
        typer.Option(
            "--update",
            help="Add the articles to the build in this folder: only articles it does not hold yet are "
            "extracted, and its outputs are rewritten as a build of all of them would write them.",
        ),
    ] = None,
) -> None:
    """Build the knowledge graph of the articles into OUTPUT (Turtle, TriG, N-Quads, JSON-LD, HTML, JSONL).

    Inputs that cannot be read (bad encoding, bad JSONL line, impossible date, too long, too slow, an error in
    any stage) are named on stderr with the reason and skipped; the rest of the corpus is built.
    """
    from kg.build import build

    if update is not None:
        if output not in (Path("output"), update):
            raise typer.BadParameter("--update names the folder to update; leave out -o", param_hint="-o")
        output = update
    started = time.perf_counter()
    with errors_as_messages(), _terminated_as_exit(), _progress() as (on_total, on_article):
        report = build(
            inputs,
            output,
            model=model,
            base=base,
            include_text=include_text,
            store=store,
            validate=validate,
            progress=on_article,
            jobs=jobs,
            engine=engine.value,
            scheduler=scheduler,
            encoding=encoding,
            max_chars=max_chars,
            article_timeout=article_timeout or None,
            on_total=on_total,
            update=update is not None,
        )
    seconds = time.perf_counter() - started
    out = typer.echo
    shown = ", ".join(report.articles[:LISTED_IDS])
    more = len(report.articles) - LISTED_IDS
    out(
        f"Read {len(report.articles)} article(s) in {seconds:.1f} s: {shown}"
        + (f" … and {more} more" if more > 0 else "")
    )
    if report.counts.get("unchanged"):
        out(f"{report.counts['unchanged']} article(s) already in {output} were not extracted again.")
    if report.encodings:
        out("Encodings: " + ", ".join(f"{n} in {enc}" for enc, n in sorted(report.encodings.items())))
    c = report.counts
    out(
        f"Found {c['entities']} entities ({c['mentions']} mentions), {c['events']} events, "
        f"{c['positions']} posts held, {c['facts']} figure(s); {c['quads']} quads."
    )
    for path in report.written:
        out(f"Wrote {path}")
    out(
        "Time per stage: "
        + ", ".join(f"{stage} {seconds:.1f} s" for stage, seconds in report.timings.items())
        + f"; peak memory {peak_memory_mb():,.0f} MB."
    )
    err = console.print
    for problem in report.warnings:
        err(f"Warning {problem.where}: {problem.reason}", markup=False)
    for problem in report.skipped:
        err(f"Skipped {problem.where}: {problem.reason}", markup=False)
    if report.skipped:
        err(f"{len(report.skipped)} input(s) skipped; the other {len(report.articles)} built.", markup=False)
    if report.validation is not None:
        if report.validation.conforms:
            out("SHACL validation: the graph conforms to ontologies/shapes.ttl.")
        else:
            from kg.validate import format_report

            out("SHACL validation found violations:\n" + format_report(report.validation, limit=20))
            raise typer.Exit(EXIT_SHAPES)
    if report.skipped:
        raise typer.Exit(EXIT_SKIPPED)
