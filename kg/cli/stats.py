"""`kg stats`: not yet written."""

from __future__ import annotations

import typer


def stats_cli() -> None:
    """Not yet available."""
    raise typer.Exit(2)
