"""The Slovnet models and Navec embeddings that ship inside the ``natasha`` wheel, loaded once per process."""

from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def navec() -> Any:
    """Navec news embeddings from the natasha wheel (no download)."""
    from natasha.data import NEWS_EMBEDDING
    from navec import Navec

    return Navec.load(NEWS_EMBEDDING)


@lru_cache(maxsize=1)
def slovnet_ner() -> Any:
    """Slovnet news NER (PER / LOC / ORG)."""
    from natasha.data import NEWS_NER
    from slovnet import NER

    model = NER.load(NEWS_NER, batch_size=16)
    model.navec(navec())
    return model


@lru_cache(maxsize=1)
def slovnet_morph() -> Any:
    """Slovnet news morphology tagger (UD POS and features)."""
    from natasha.data import NEWS_MORPH
    from slovnet import Morph

    model = Morph.load(NEWS_MORPH, batch_size=16)
    model.navec(navec())
    return model


@lru_cache(maxsize=1)
def slovnet_syntax() -> Any:
    """Slovnet news dependency parser."""
    from natasha.data import NEWS_SYNTAX
    from slovnet import Syntax

    model = Syntax.load(NEWS_SYNTAX, batch_size=16)
    model.navec(navec())
    return model
