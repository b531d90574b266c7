"""One role reader per event type: who hosts, visits, signs, gives, invites or supports in a clause."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from kg.pipeline.cues import Group, ent_key, lemma, main_states, nearest_mention
from kg.pipeline.events.actors import not_sources
from kg.pipeline.events.groups import governor_index
from kg.pipeline.events.levels import level_of
from kg.pipeline.events.lexicon import (
    BENEFICIARIES,
    CALLS,
    DOCUMENTS,
    GATHERINGS,
    INSIDE,
    LIGHT_VERBS,
    MESSAGE_VERBS,
    RECEIVE,
    THANKS,
)
from kg.pipeline.events.participants import Clause, clause_of, dedup, with_holders
from kg.pipeline.events.subjects import Sides
from kg.pipeline.events.triggers import received
from kg.pipeline.events.types import Part, Reading
from kg.records import Position

# how far before a visit noun a frame word may stand («в ходе официального визита»)
FRAME_WINDOW = 3
# how far before the cue a recipient group may start («Кыргызстану … грант», the dative before the noun)
RECIPIENT_LEAD = 2
# how far before the cue an aid place may start
AID_PLACE_LEAD = 3
# how far after an invitation the gathering or body it is to may stand («пригласил … принять участие в …»)
INVITED_TO_WINDOW = 14
# how far after a launch cue the initiative launched may stand
LAUNCHED_WINDOW = 8
# how long the words between a support cue and an initiative it supports may run
SUPPORTED_WINDOW = 15


def _participle_owner(pred: Token, groups: list[Group]) -> Span | None:
    """The actor a participle right after it (and a comma) describes: «Педро Аларконом, находящимся в
    Лиме …» → Педро Аларкон; None when the predicate is no participle or follows no actor."""
    if "Part" not in pred.morph.get("VerbForm"):
        return None
    doc = pred.doc
    before = [
        g
        for g in groups
        if g.end <= pred.i and all(t.text == "," for t in doc[g.end : pred.i]) and g.end < pred.i
    ]
    return before[-1].actor if before else None


def talks(c: Clause) -> Reading:
    """«X провел переговоры с Y», «между X и Y», «переговоры X и Y»; «X принял Y»: the host and the guest."""
    if c.tok.pos_ in ("VERB", "AUX") and lemma(c.tok) in RECEIVE:
        # «премьер принимает … коллегу из Перу»: the subject hosts, the object is the guest
        guests = received(c.tok, c.groups)
        return c.reading([(e, "host") for e in c.subjects] + [(e, "guest") for e in guests])
    others = [g.actor for g in c.partners + c.between + c.genitive + c.attending]
    if lemma(c.tok) in CALLS and c.tok.pos_ in ("NOUN", "PROPN") and c.pred.i != c.tok.i:
        # «в телефонном разговоре поздравил Си Цзиньпина»: the one the subject speaks to is the other side
        others += [
            g.actor for g in c.accusative[:1] + c.dative[:1] if g.actor.label_ == "Person" and not c.partners
        ]
    return c.reading([(e, None) for e in c.subjects + others])


def visit(c: Clause) -> Reading:
    """The visitor and, when a person or body, the host; the state visited is the place.

    A visit noun names its visitor in the genitive («визит премьера Норвегии»); the clause's subject is the
    visitor only when a verb says the visit was made («совершил визит», «прибыл с визитом») or the visit
    frames what the subject did there («в ходе визита в Перу подписал …»).
    """
    doc, tok = c.doc, c.tok
    framed = any(t.lower_ in INSIDE for t in doc[max(c.sent.start, tok.i - FRAME_WINDOW) : tok.i])
    owner = _participle_owner(c.pred, c.groups)
    if owner is not None:
        # «с премьером Норвегии …, прибывшим … с официальным визитом»: the visitor is the name the participle
        # stands by, not the clause's subject
        guests = [owner]
    elif tok.pos_ in ("VERB", "AUX") or c.genitive:
        guests = [g.actor for g in c.genitive[:1]] or c.subjects
    elif framed or lemma(c.pred) in LIGHT_VERBS:
        guests = c.subjects
    else:
        guests = []
    hosts = [g.actor for g in c.to[:1]] or [
        g.actor for g in c.accusative[:1] if lemma(tok) in ("посетить", "посещать")
    ]
    # the country visited is the place; a named host person or body is a participant
    parts = [(e, "guest") for e in guests] + [
        (e, "host") for e in hosts if e.label_ in ("Person", "Organization")
    ]
    if hosts and hosts[0].label_ in ("Place", "State"):
        return c.reading(parts, place=hosts[0])
    return c.reading(parts)


def signing(c: Clause) -> Reading:
    """The subjects and partners of a signing are its signatories; a document named with «между» has only
    those sides («соглашение между Россией и Малайзией было частью сделки»)."""
    if lemma(c.tok) in DOCUMENTS and c.between:
        return c.reading([(g.actor, "signatory") for g in c.between])
    return c.reading([(e, "signatory") for e in c.subjects + [g.actor for g in c.partners + c.between]])


def _given_to(c: Clause) -> list[Span]:
    """The receiving side: a dative («Перу»), «в Перу», «для Перу», «пострадавшим в Перу»."""
    doc = c.doc
    given_to = [
        g
        for g in c.groups
        if g.start > min(c.tok.i, c.pred.i) - RECIPIENT_LEAD
        and (
            g.prep in ("в", "во")
            and g.case == "Acc"
            and governor_index(g) == c.pred.i
            or g.prep == "для"
            or g.prep in ("в", "во")
            and g.start >= 2
            and lemma(doc[g.start - 2]) in BENEFICIARIES
        )
    ]
    recipients = [
        g.actor for g in c.dative + given_to if g.actor.label_ in ("State", "Organization", "Person")
    ]
    recipients.sort(key=lambda e: e.start)
    return recipients


def aid(c: Clause) -> Reading:
    """The donor and the recipient of aid, and the place it went to."""
    doc, tok = c.doc, c.tok
    thanks = [w for w in c.sent if lemma(w) in THANKS]
    if thanks:
        # «выразил благодарность Японии за оказанную помощь»: the thanked side gave it
        donors = [
            g.actor
            for g in c.groups
            if not g.prep and g.actor.label_ != "Place" and any(g.start - w.i in (1, 2) for w in thanks)
        ]
        recipients = [g.actor for g in c.groups if g.case == "Nom" and not g.prep][:1]
    else:
        donors = c.subjects
        recipients = _given_to(c)
    places = [
        g.actor
        for g in c.groups
        if g.actor.label_ == "Place"
        and g.start > tok.i - AID_PLACE_LEAD
        and (g.prep in ("для", "в", "во") or lemma(doc[g.start - 1]) in ("житель", "население"))
    ]
    parts = [(e, "donor") for e in donors[:1]] + [
        (e, "recipient") for e in recipients[:1] if not donors or ent_key(e) != ent_key(donors[0])
    ]
    return c.reading(parts, place=places[0]) if places else c.reading(parts)


def invitation(c: Clause) -> Reading:
    """Who invites whom, and to what gathering or body."""
    doc, tok = c.doc, c.tok
    if tok.pos_ in ("NOUN", "PROPN") and lemma(c.pred) in MESSAGE_VERBS:
        # «посол передал премьеру приглашение от короля»: the sender («от …», else the genitive after the
        # noun, else the subject) invites, the addressee (dative) is invited, a bearer is no party
        senders = [g.actor for g in c.own if g.prep == "от"] or [g.actor for g in c.genitive[:1]]
        return c.reading(
            [(e, "inviter") for e in (senders or c.subjects)[:1]]
            + [(g.actor, "invitee") for g in c.dative[:1]]
        )
    if tok.pos_ in ("NOUN", "PROPN") and lemma(c.pred) in ("принять", "получить"):
        # «премьер принял приглашение (короля)»: the subject is the one invited
        return c.reading(
            [(e, "invitee") for e in c.subjects[:1]] + [(g.actor, "inviter") for g in c.genitive[:1]]
        )
    invitees = [g.actor for g in c.accusative[:1]] or [g.actor for g in c.dative[:1]]
    concerns = [
        e
        for e in doc.ents
        if e.label_ in ("Initiative", "Organization")
        and tok.i < e.start < c.sent.end
        and e.start - tok.i <= INVITED_TO_WINDOW
        and (
            doc[e.start - 1].lower_ in ("в", "во", "на", "к")
            # «принять участие в саммите АСЕАН»: the body whose gathering it is
            or lemma(doc[e.start - 1]) in GATHERINGS
            and doc[e.start - 2].lower_ in ("в", "во", "на", "к")
        )
    ]
    parts = [(e, "inviter") for e in c.subjects[:1]] + [(e, "invitee") for e in invitees]
    return c.reading(parts, concerns=concerns)


def upgrade(c: Clause) -> Reading:
    """The two states whose relations are raised (else the article's two main states)."""
    doc = c.doc
    states = [g.actor for g in c.own if g.actor.label_ == "State"]
    implied = c.implied
    if len({ent_key(s) for s in states}) < 2:
        states = main_states(doc)
        implied = True
    parts: list[Part] = [(nearest_mention(doc, ent_key(s), c.tok.i) or s, None) for s in states[:2]]
    return c.reading(parts, implied=implied, level=level_of(c.tok))


def launch(c: Clause) -> Reading:
    """The initiators of a launch and the initiative launched."""
    doc, tok = c.doc, c.tok
    concerns = [
        e
        for e in doc.ents
        if e.label_ == "Initiative" and tok.i < e.start < c.sent.end and e.start - tok.i <= LAUNCHED_WINDOW
    ]
    initiators = c.subjects + [g.actor for g in c.partners]
    return c.reading([(e, "initiator") for e in initiators], concerns=concerns)


def supported(tok: Token) -> list[Span]:
    """Initiatives a support cue takes as its object: to the end of its clause."""
    doc = tok.doc
    out = []
    for ent in doc.ents:
        if ent.label_ != "Initiative" or not (tok.i < ent.start < tok.sent.end):
            continue
        between = doc[tok.i + 1 : ent.start]
        if any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") for t in between):
            break
        if any(t.text in (".", ";") for t in between) or len(between) > SUPPORTED_WINDOW:
            break
        out.append(ent)
    return out


def support(c: Clause) -> Reading:
    """The supporter of the initiatives a support cue takes."""
    return c.reading([(e, "supporter") for e in c.subjects[:1]], concerns=supported(c.tok))


ROLE_READERS: dict[str, Callable[[Clause], Reading]] = {
    "Talks": talks,
    "Meeting": talks,
    "StateVisit": visit,
    "AgreementSigning": signing,
    "AidDelivery": aid,
    "Invitation": invitation,
    "PartnershipUpgrade": upgrade,
    "ProgramLaunch": launch,
    "InitiativeSupport": support,
}


def read_clause(
    type_: str,
    tok: Token,
    sent: Span,
    pred: Token,
    groups: list[Group],
    positions: list[Position],
    sides: Sides | None,
) -> Reading:
    """What the clause of a cue of an event type says: its participants with their roles, place, objects."""
    c = clause_of(tok, sent, pred, groups, positions, sides)
    reader = ROLE_READERS.get(type_)
    got = reader(c) if reader is not None else c.reading([])
    parts = dedup(c.doc, not_sources(with_holders(c, type_, got.parts)))
    return Reading(parts, got.implied, got.place, got.concerns, got.level)
