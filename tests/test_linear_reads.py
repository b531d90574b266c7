"""The readers that look at a few tokens instead of building every entity of the Doc give what ``doc.ents`` gives."""

from __future__ import annotations

import spacy
from spacy.tokens import Span

from kg.pipeline.cues import ent_by_offsets, ents_within


def _doc():
    nlp = spacy.blank("ru")
    doc = nlp("Посол Чили Ана Рохас и глава МИД Перу прибыли в Лиму , где их встретил Хорхе Вега .")
    doc.ents = [
        Span(doc, 1, 2, label="State"),
        Span(doc, 2, 4, label="Person", kb_id="Q1"),
        Span(doc, 6, 8, label="Org"),
        Span(doc, 10, 11, label="Place"),
        Span(doc, 15, 17, label="Person"),
    ]
    return doc


def key(spans):
    return [(s.start, s.end, s.label_, s.kb_id_) for s in spans]


def test_ents_within_is_the_entities_wholly_inside_a_token_range() -> None:
    doc = _doc()
    for start in range(-1, len(doc) + 1):
        for end in range(start, len(doc) + 3):
            expected = [e for e in doc.ents if start <= e.start and e.end <= end]
            assert key(ents_within(doc, start, end)) == key(expected), (start, end)
    assert key(ents_within(doc, 3, 9)) == [(6, 8, "Org", "")]  # «Рохас» alone is no entity


def test_ent_by_offsets_finds_exactly_the_entity_with_those_characters() -> None:
    doc = _doc()
    for ent in doc.ents:
        assert key([ent_by_offsets(doc, ent.start_char, ent.end_char)]) == key([ent])
    ana, rohas = doc[2], doc[3]
    assert ent_by_offsets(doc, ana.idx, ana.idx + len(ana)) is None  # the first word of «Ана Рохас»
    assert ent_by_offsets(doc, rohas.idx, rohas.idx + len(rohas)) is None  # a part of «Ана Рохас»
    assert ent_by_offsets(doc, doc[1].idx, doc[3].idx + len(doc[3])) is None  # two entities together
    assert ent_by_offsets(doc, doc[0].idx, doc[0].idx + 5) is None  # not an entity
