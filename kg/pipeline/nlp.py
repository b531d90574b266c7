"""``build_nlp()``: ``spacy.blank("ru")`` with Slovnet and our components, or an installed model plus ours."""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.language import Language

from kg.errors import KgError
from kg.pipeline import (  # noqa: F401 - each registers its factory, which build_nlp adds by name
    events,
    facts,
    gazetteer,
    morph,
    ner,
    normalize,
    posts,
    sentences,
    syntax,
)

#: Components added after the NER, in order; later issues append to it.
KG_COMPONENTS: list[str] = ["kg_gazetteer", "kg_normalize", "kg_posts", "kg_events", "kg_facts"]


class ModelError(KgError, ValueError):
    """A ``--model`` that cannot be used: not installed, not a pipeline, or without an NER."""


def _load_model(model: str) -> Language:
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        where = "folder" if Path(model).exists() else "installed package or folder"
        raise ModelError(f"cannot load spaCy model {model!r} as an {where}: {exc}") from exc
    if (
        "ner" not in nlp.pipe_names
        and not any(n.endswith("ner") for n in nlp.pipe_names)
        and not any(n in nlp.pipe_names for n in ("entity_ruler", "span_ruler"))
    ):
        raise ModelError(
            f"spaCy model {model!r} has no NER component (pipes: {', '.join(nlp.pipe_names) or 'none'})"
        )
    return nlp


def split_slashes(nlp: Language) -> None:
    """Make «/ТАСС/.» and «/COVID-19/» three tokens: news wraps agencies and asides in slashes."""
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

    nlp.tokenizer.prefix_search = compile_prefix_regex([*nlp.Defaults.prefixes, "/"]).search
    nlp.tokenizer.suffix_search = compile_suffix_regex([*nlp.Defaults.suffixes, "/", r"(?<=/)\."]).search
    nlp.tokenizer.infix_finditer = compile_infix_regex([*nlp.Defaults.infixes, r"/"]).finditer


def build_nlp(model: str | None = None) -> Language:
    """The pipeline: Slovnet (from the natasha wheel) by default, or an installed spaCy model's NER."""
    if model is None:
        nlp = spacy.blank("ru")
        split_slashes(nlp)
        for name in ("kg_sentences", "kg_slovnet_morph", "kg_slovnet_syntax", "kg_slovnet_ner"):
            nlp.add_pipe(name)
    else:
        nlp = _load_model(model)
        has_sents = any(n in nlp.pipe_names for n in ("parser", "senter", "sentencizer"))
        has_morph = any(n in nlp.pipe_names for n in ("morphologizer", "tagger"))
        first = nlp.pipe_names[0] if nlp.pipe_names else None
        if not has_sents:
            nlp.add_pipe("kg_sentences", before=first) if first else nlp.add_pipe("kg_sentences")
        if not has_morph:
            nlp.add_pipe(
                "kg_slovnet_morph",
                after="kg_sentences" if not has_sents else None,
                before=None if not has_sents else first,
            )
        if "parser" not in nlp.pipe_names:
            nlp.add_pipe(
                "kg_slovnet_syntax",
                after="kg_slovnet_morph" if not has_morph else None,
                before=None if not has_morph else nlp.pipe_names[0],
            )
    for name in KG_COMPONENTS:
        nlp.add_pipe(name)
    return nlp
