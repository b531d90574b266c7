"""`kg evaluate`: score a build against references (seeds gold, factRuEval-2016)."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from kg.cli._common import errors_as_messages


class Half(str, Enum):  # noqa: UP042 - typer shows and parses a str Enum by its values
    """The documents scored (kg.evaluate.common.HALVES)."""

    all = "all"
    even = "even"
    odd = "odd"


def evaluate_cli(
    target: Annotated[
        Path,
        typer.Argument(
            help="A build folder, its extractions.jsonl or a predictions JSONL (scored against --gold), "
            "or factRuEval gold JSONL (the pipeline runs on its texts).",
            show_default=False,
        ),
    ],
    gold: Annotated[
        Path | None, typer.Option("--gold", help="Reference: seeds-gold.json or a factRuEval JSONL.")
    ] = None,
    model: Annotated[
        str | None, typer.Option("--model", help="Pipeline model, when the pipeline runs.")
    ] = None,
    predictions_out: Annotated[
        Path | None, typer.Option("--save-predictions", help="Write the pipeline's predictions here (JSONL).")
    ] = None,
    docs: Annotated[
        Half,
        typer.Option(
            "--docs",
            help="Score only the even or odd half: seeds-format gold by the document key's number (000, "
            "002, … are even), factRuEval by the document's position in the file (0-based).",
        ),
    ] = Half.all,
) -> None:
    """Score extractions against a reference; print P/R/F1 tables with the misses and false positives."""
    from kg.evaluate.factru import FactRuReport
    from kg.evaluate.report import factru_renderables, seeds_renderables
    from kg.evaluate.run import evaluate

    out = Console(highlight=False, soft_wrap=True)
    progress = Progress(
        TextColumn("extracting"),
        BarColumn(),
        MofNCompleteColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    task = progress.add_task("extract", total=None)

    def tick(done: int) -> None:
        # the bar shows only when the pipeline runs (factRuEval gold), not when a build is scored
        if not progress.live.is_started:
            progress.start()
        progress.update(task, completed=done)

    try:
        with errors_as_messages():
            report = evaluate(target, gold, model, predictions_out, tick, docs.value)
    finally:
        progress.stop()
    renderables = (
        factru_renderables(report) if isinstance(report, FactRuReport) else seeds_renderables(report)
    )
    for item in renderables:
        out.print(item)
    if predictions_out is not None:
        out.print(f"wrote {predictions_out}")
