"""What every command shares: turning a library error into one ``Error: …`` line and an exit code."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import typer
from rich.console import Console

from kg.errors import KgError

console = Console(stderr=True, highlight=False, soft_wrap=True)


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print ``Error: message`` on stderr and return the Exit to raise."""
    console.print(f"[bold red]Error:[/] {message}", markup=True)
    return typer.Exit(code)


@contextmanager
def errors_as_messages() -> Iterator[None]:
    """Turn the library's own errors, and the system's about files, into one line and exit code 1; anything
    else is a bug and keeps its traceback."""
    try:
        yield
    except (KgError, OSError) as exc:
        raise fail(str(exc)) from None
