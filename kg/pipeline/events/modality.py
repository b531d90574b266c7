"""Modality: whether a happening is negated, cancelled, hypothetical, only proposed, planned or yet to come.

A mention whose cue or verb says so gets that status (a concept of dip:EventStatusScheme): the graph keeps it
with ``dip:status``, apart from the events told as having happened.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from kg.pipeline.cues import clause_dep, lemma
from kg.pipeline.events.groups import CACHE_KEY, dependents
from kg.pipeline.events.lexicon import (
    CANCEL,
    CANCEL_NOUNS,
    CONDITION_MARKS,
    FUTURE_AUX,
    FUTURE_WORDS,
    INTENT_NOUNS,
    LIGHT_VERBS,
    MODALS,
    PLAN_VERBS,
    PROPOSE_MODALS,
    PROPOSE_NOUNS,
)
from kg.pipeline.events.participles import verb_lemma
from kg.pipeline.syntax import head_of

# how many heads up a future time word may stand from the cue or its verb («в следующем году» → «году» → verb)
FUTURE_TIME_DEPTH = 3
# how many heads up from an infinitive its modal or intent word may stand («должны будут начать проводить»)
MODAL_DEPTH = 3
# how many heads up from a cue noun a planning noun may stand («подготовка программы визита»)
INTENT_DEPTH = 2
# how far before an infinitive a compound future's «будет» may stand («будет терпеливо и упорно добиваться»)
FUTURE_AUX_WINDOW = 6
# how far before an infinitive its intent noun may stand («приглашение от короля Норвегии посетить Осло»)
INTENT_WINDOW = 8


def conditional(verb: Token) -> bool:
    """Whether a verb is in the conditional mood: «провели бы», «могли бы»."""
    return "Cnd" in verb.morph.get("Mood") or any(t.lower_ == "бы" for t in dependents(verb))


def future(verb: Token) -> bool:
    """Whether a verb speaks of what is yet to come: «проведут», «будет вести», «провели бы»."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    if "Fut" in verb.morph.get("Tense") or "Cnd" in verb.morph.get("Mood"):
        return True
    # the auxiliary of the compound future and the particle of the conditional («будут вести», «провели бы»)
    return any(t.lower_ in FUTURE_AUX or t.lower_ == "бы" for t in dependents(verb))


def future_words(sent: Span) -> list[Token]:
    """The future time words of a sentence (found once per sentence)."""
    index = sent.doc.user_data.setdefault(CACHE_KEY, {}).setdefault("future", {})
    if sent.start not in index:
        index[sent.start] = [t.i for t in sent if lemma(t) in FUTURE_WORDS]
    return [sent.doc[i] for i in index[sent.start]]


def future_time(anchors: set[int], doc: Doc) -> bool:
    """Whether a future time word («в следующем году», «предстоящий») depends on one of the anchors."""
    sent = doc[min(anchors)].sent
    for t in future_words(sent):
        cur = t
        for _ in range(FUTURE_TIME_DEPTH):
            head = head_of(cur)
            if head.i in anchors:
                return True
            if head.i == cur.i or head.pos_ in ("VERB", "AUX"):
                break
            cur = head
    return False


def future_aux_before(verb: Token) -> bool:
    """Whether «будет», «будут» … stands before an infinitive in its clause, as the compound future's
    auxiliary the parser hung elsewhere («будет долго и упорно добиваться переговоров»)."""
    doc = verb.doc
    for t in reversed(list(doc[max(verb.sent.start, verb.i - FUTURE_AUX_WINDOW) : verb.i])):
        if t.lower_ in FUTURE_AUX:
            return True
        if (
            t.pos_ == "SCONJ"
            or t.text in (";", ":", ".", "—")
            or (t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm"))
        ):
            return False
    return False


def intent_before(verb: Token) -> bool:
    """Whether an infinitive follows an intent noun and the words that complete it, whatever the parser
    hung it on: «передал … приглашение от короля Норвегии посетить Осло»."""
    doc = verb.doc
    for t in reversed(list(doc[max(verb.sent.start, verb.i - INTENT_WINDOW) : verb.i])):
        if lemma(t) in INTENT_NOUNS and t.pos_ in ("NOUN", "PROPN"):
            return True
        if t.pos_ in ("VERB", "AUX", "SCONJ") or t.text in (",", ";", ":", "—", "(", "."):
            return False
    return False


def _marked(verb: Token) -> bool:
    """Whether a verb's clause opens with a condition or purpose word: «если стороны подпишут», «чтобы
    Россия подписала», «чтобы подписать»."""
    return any(clause_dep(t) == "mark" and t.lower_ in CONDITION_MARKS for t in dependents(verb))


def _modal_status(word: Token) -> str:
    """The status a modal, planning or intent word above an infinitive gives: asked for, or planned."""
    return "Proposed" if lemma(word) in PROPOSE_MODALS | PROPOSE_NOUNS else "Planned"


def _noun_status(tok: Token) -> str | None:
    """The status the nouns above a cue noun give: «подготовку визита» (planned), «приглашение к переговорам»
    (proposed), «отсутствие приглашения», «заморозка контактов» (cancelled)."""
    cur = tok
    for _ in range(INTENT_DEPTH):
        head = head_of(cur)
        if head.i == cur.i or head.pos_ in ("VERB", "AUX"):
            break
        if lemma(head) in CANCEL_NOUNS:
            return "Cancelled"
        if lemma(head) in INTENT_NOUNS:
            return _modal_status(head)
        cur = head
    return None


def status(tok: Token, pred: Token) -> str | None:
    """What the words that govern a cue say of its happening, as a concept of dip:EventStatusScheme; None
    when it is told as having happened.

    «не» before the cue or its light verb (Negated); a cancelling or blocking verb or noun above it
    (Cancelled); a condition or purpose clause, a conditional mood (Hypothetical); a proposing or demanding
    verb or noun above an infinitive (Proposed); a planning, modal or intent word, the future tense, a planning
    noun above the cue or a future time word that depends on it (Planned).
    """
    doc = tok.doc
    for t in {tok, pred}:
        if t.i > 0 and doc[t.i - 1].lower_ == "не" and (t is tok or lemma(t) in LIGHT_VERBS):
            return "Negated"
    if verb_lemma(pred) in CANCEL or verb_lemma(head_of(pred)) in CANCEL:
        return "Cancelled"
    if tok.pos_ in ("NOUN", "PROPN") and _noun_status(tok) == "Cancelled":
        return "Cancelled"
    if verb_lemma(pred) in PLAN_VERBS:
        return "Planned"
    infinitive = "Inf" in pred.morph.get("VerbForm")
    cur = pred
    for _ in range(MODAL_DEPTH):
        if _marked(cur):
            return "Hypothetical"
        if "Inf" not in cur.morph.get("VerbForm"):
            break
        head = head_of(cur)
        if head.i == cur.i:
            break
        if conditional(head):
            return "Hypothetical"  # «могли бы провести переговоры»
        # a modal or planning verb, or an intent noun an infinitive completes: «приглашение посетить Осло»
        if lemma(head) in MODALS or head.lower_ in MODALS or lemma(head) in PLAN_VERBS | INTENT_NOUNS:
            return _modal_status(head)
        cur = head
    if infinitive and intent_before(pred):
        return "Planned"
    # the mood and tense of the finite verb the clause hangs on (an infinitive's governor when there is one)
    verb = cur if infinitive else pred
    if future(verb):
        return "Hypothetical" if conditional(verb) else "Planned"
    if infinitive and future_aux_before(pred):
        return "Planned"
    if tok.pos_ in ("NOUN", "PROPN"):
        found = _noun_status(tok)
        if found:
            return found
        if lemma(head_of(pred)) in INTENT_NOUNS and head_of(pred).i != pred.i and pred.i != tok.i:
            return _modal_status(head_of(pred))
    return "Planned" if future_time({tok.i, pred.i}, doc) else None
