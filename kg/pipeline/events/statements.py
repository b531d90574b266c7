"""Statements: a named speaker who voices support for or condemnation of a named actor or initiative."""

from __future__ import annotations

from spacy.tokens import Doc

from kg.pipeline.cues import ent_key, governor, in_skipped, lemma
from kg.pipeline.events.groups import event_groups, governor_index
from kg.pipeline.events.lexicon import SPEECH, STANCE
from kg.pipeline.events.merging import keys_of
from kg.pipeline.events.modality import status
from kg.pipeline.events.types import Draft, Mention

# a stance read from words alone is a weak reading
STATEMENT_CONFIDENCE = 0.3
# how far after the stance word its target may stand («поддерживает усилия Чили»)
TARGET_WINDOW = 6


def statements(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """Conservative: a named speaker and, in what they say, support for or condemnation of a named actor or
    initiative; never in a sentence that already gives another event."""
    used = {d.main.sent.start for d in drafts} | {s.start for d in drafts for s in d.evidence}
    out = []
    for sent in doc.sents:
        if sent.start in used or in_skipped(sent):
            continue
        speech = [t for t in sent if lemma(t) in SPEECH and t.pos_ in ("VERB", "AUX")]
        stance = [t for t in sent if lemma(t) in STANCE]
        if not speech or not stance:
            continue
        groups = event_groups(sent)
        verb = speech[0]
        speakers = [
            g
            for g in groups
            if governor_index(g) == verb.i
            and g.case == "Nom"
            and not g.prep
            and g.actor.label_ in ("Person", "State", "Organization")
        ]
        if not speakers:
            continue
        speaker = speakers[0].actor
        targets = [
            e
            for e in sent.ents
            if e.start > stance[0].i
            and e.start - stance[0].i <= TARGET_WINDOW
            and e.label_ in ("Initiative", "State", "Organization", "Person")
            and ent_key(e) != ent_key(speaker)
        ]
        if not targets:
            continue
        # «выразил готовность поддержать …»: a stance only offered or intended is no statement of it
        said = status(stance[0], governor(stance[0]))
        m = Mention("Statement", verb, sent, STATEMENT_CONFIDENCE, True, status=said)
        if targets[0].label_ == "Initiative":
            m.concerns = [targets[0]]
            m.parts = [(speaker, "initiator")]
        else:
            m.parts = [(speaker, "initiator"), (targets[0], "target")]
        out.append(Draft(m, list(m.parts), keys_of(doc, m.parts), concerns=list(m.concerns)))
    return out
