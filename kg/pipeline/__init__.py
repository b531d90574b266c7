"""The spaCy pipeline: one component per module, each registering its factory there (and as a
``spacy_factories`` entry point); ``kg.pipeline.nlp.build_nlp()`` assembles them.

Importing this package loads nothing: ``import kg.pipeline.syntax`` loads that component and its needs only.
"""

from __future__ import annotations

from typing import Any

_LAZY = {"build_nlp", "ModelError", "KG_COMPONENTS", "split_slashes"}


def __getattr__(name: str) -> Any:
    """``from kg.pipeline import build_nlp`` still works; the pipeline loads only when it is asked for."""
    if name in _LAZY:
        from kg.pipeline import nlp

        return getattr(nlp, name)
    raise AttributeError(f"module 'kg.pipeline' has no attribute {name!r}")
