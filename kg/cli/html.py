"""`kg html`: not yet written."""

from __future__ import annotations

import typer


def html_cli() -> None:
    """Not yet available."""
    raise typer.Exit(2)
