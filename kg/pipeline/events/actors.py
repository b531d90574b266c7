"""Which participants are actors: a place stands for a state only when it is that state's capital.

The graph resolves a capital in an actor's role («Белград и Приштина начали переговоры») to its state and
keeps no other place as a participant; the event finder drops what the graph would drop, so that no event is
left without a participant.
"""

from __future__ import annotations

from spacy.tokens import Span

from kg.folding import fold
from kg.lexicon import capitals
from kg.pipeline.cues import governor, lemma
from kg.pipeline.events.lexicon import REPORT_VERBS, SOURCE_WORDS
from kg.pipeline.events.types import Part

# how many words before a name a source word («со ссылкой на», «по данным») may stand
SOURCE_WINDOW = 3


def stands_for_actor(ent: Span) -> bool:
    """Whether an entity can be a participant: any actor, or a place that is a state's capital."""
    if ent.label_ != "Place":
        return True
    table = capitals()
    names = {fold(ent._.kg_norm or ent.text), fold(ent.text), fold(" ".join(t.lemma_ for t in ent))}
    return any(n in table for n in names)


def actor_parts(parts: list[Part]) -> list[Part]:
    """The participants that are actors (places that are no capital left out)."""
    return [(e, role) for e, role in parts if stands_for_actor(e)]


def quoted_source(ent: Span) -> bool:
    """Whether an organisation is only the source the sentence reports from: the subject or object of a
    reporting verb («цитируют «Вести»», «передает ТАСС») or after «со ссылкой на», «по данным»."""
    if ent.label_ != "Organization":
        return False
    doc = ent.doc
    before = doc[max(ent.sent.start, ent.start - SOURCE_WINDOW) : ent.start]
    if any(lemma(t) in SOURCE_WORDS for t in before):
        return True
    return lemma(governor(ent.root)) in REPORT_VERBS


def not_sources(parts: list[Part]) -> list[Part]:
    """The participants that are not a quoted source."""
    return [(e, role) for e, role in parts if not quoted_source(e)]
