"""The library's own errors: each names what was expected and what was found; only the CLI turns them into one
``Error: …`` line (a bug, which raises anything else, keeps its traceback)."""

from __future__ import annotations


class KgError(Exception):
    """An error the library expects and names precisely (a bad input, a missing file, an unknown format)."""


class MissingDependencyError(KgError, ImportError):
    """A dependency that is not installed; the message says what to ``pip install``."""
