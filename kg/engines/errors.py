"""The error an engine raises when it cannot run."""

from __future__ import annotations

from kg.errors import KgError


class EngineError(KgError, ValueError):
    """An engine that cannot run: an unknown name, an unreachable scheduler, workers without kg."""
