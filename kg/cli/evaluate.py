"""`kg evaluate`: not yet written."""

from __future__ import annotations

import typer


def evaluate_cli() -> None:
    """Not yet available."""
    raise typer.Exit(2)
