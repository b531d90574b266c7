"""Every cue occurrence of an article with its clause read, dated and its status (negated, planned …) set."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from kg.pipeline.cues import dateline, event_cues, governor, in_skipped, lemma
from kg.pipeline.events.dates import earlier, find_date, historical, own_date, own_phrase
from kg.pipeline.events.gatherings import gathering_frame, outside_gatherings
from kg.pipeline.events.groups import event_groups
from kg.pipeline.events.lexicon import FAMILY, LIGHT_VERBS
from kg.pipeline.events.modality import status
from kg.pipeline.events.participants import agents
from kg.pipeline.events.participles import infinitives
from kg.pipeline.events.roles import read_clause
from kg.pipeline.events.subjects import Sides
from kg.pipeline.events.triggers import (
    attributive,
    cue_ok,
    own_clause,
    primary,
    thanked_for,
    unnamed_partner,
    visit_verb,
)
from kg.pipeline.events.types import Mention
from kg.records import Position

# how far past the end of the dateline's date words a sentence may end and still be part of the lead
LEAD_SLACK = 40


def _lead(doc: Doc, sent_dl, date_dl: tuple[int, int] | None) -> set[int]:
    """The starts of the sentences the dateline dates and places: the one that holds it, and the next ones
    while the dateline and what follows it stand alone («Лима. 5 мая.», «ОСЛО, 3 июня. /Агентство/.»)."""
    lead: set[int] = set()
    if sent_dl is None or date_dl is None:
        return lead
    cur = sent_dl
    lead.add(cur.start)
    while cur.end_char <= date_dl[1] + LEAD_SLACK and cur.end < len(doc):
        cur = doc[cur.end].sent
        lead.add(cur.start)
    return lead


def find_mentions(doc: Doc, positions: list[Position]) -> list[Mention]:
    """Every cue occurrence with its clause read and its status (None: told as having happened)."""
    cues = event_cues()
    place_dl, sent_dl, date_dl = dateline(doc)
    lead = _lead(doc, sent_dl, date_dl)
    out = []
    sides: Sides | None = None
    for sent in doc.sents:
        if in_skipped(sent):
            continue
        groups = outside_gatherings(sent, event_groups(sent))
        for tok in sent:
            if gathering_frame(tok) is not None:
                continue  # «на полях саммита»: the gathering is added around the event (see gatherings)
            for cue in [c for lem in (lemma(tok), *infinitives(tok)) for c in cues.get(lem, ())]:
                if not cue_ok(cue, tok) or attributive(tok):
                    continue
                if cue.lemma != lemma(tok) and not agents(groups, tok):
                    # a short passive («договор подписан») is a cue when it names who did it («… подписан
                    # X и Y»); without them it tells a state of things («отношения выведены на уровень …»)
                    continue
                if cue.type in FAMILY and unnamed_partner(tok, groups):
                    # «в беседе с журналистами»: a talk with people who are no actor; the names around it are
                    # not its sides
                    continue
                pred = own_clause(tok, governor(tok))
                if cue.type == "StateVisit" and tok.pos_ in ("NOUN", "PROPN"):
                    pred = visit_verb(tok) or pred
                thanks = thanked_for(tok)
                if thanks is not None:
                    pred = governor(thanks)
                m = Mention(cue.type, tok, sent, cue.confidence, primary(tok, pred), status=status(tok, pred))
                got = read_clause(cue.type, tok, sent, pred, groups, positions, sides)
                m.parts, m.implied, m.place, m.concerns, m.level = (
                    got.parts,
                    got.implied,
                    got.place,
                    got.concerns,
                    got.level,
                )
                if cue.type == "InitiativeSupport":
                    out.extend(replace(m, concerns=[ent]) for ent in m.concerns)
                    continue
                has_dl = date_dl is not None and sent.start_char <= date_dl[0] < sent.end_char
                skip = (date_dl[0] - sent.start_char, date_dl[1] - sent.start_char) if has_dl else None
                found = own_date(tok, pred, sent, skip)
                if found.words is not None:
                    m.date, m.partial_date, m.date_text = found.date, found.partial_date, found.words
                    m.own_date = bool(found.date or found.partial_date)
                m.earlier = earlier(sent, pred)
                history = historical(doc, m.date or m.partial_date)
                if history:
                    # a happening long before the article's: its own sides, never the article's
                    m.earlier = True
                    m.parts = [] if m.implied else m.parts
                    if lemma(pred) not in LIGHT_VERBS:
                        m.parts = own_phrase(tok, pred, m.parts)
                    if not m.parts:
                        break  # not a reference back to the article's happening: nothing to add to it
                    m.primary = True
                elif (
                    not m.implied
                    and m.status is None
                    and len(m.parts) >= 2
                    and m.type not in ("PartnershipUpgrade", "Statement")
                ):
                    sides = Sides(sent.start, [e for e, _ in m.parts])
                if sent.start in lead:
                    if m.date_text is None:
                        m.date, m.partial_date, m.date_text, _ = find_date(doc.text[date_dl[0] : date_dl[1]])
                    if m.place is None:
                        m.place = place_dl
                out.append(m)
                break
    return out
