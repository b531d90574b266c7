"""Modality: whether a happening is negated, cancelled, only planned, intended or yet to come.

The graph records what took place, so a mention whose cue or verb says otherwise is dropped.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from kg.pipeline.cues import lemma
from kg.pipeline.events.groups import CACHE_KEY, dependents
from kg.pipeline.events.lexicon import (
    CANCEL,
    FUTURE_AUX,
    FUTURE_WORDS,
    INTENT_NOUNS,
    LIGHT_VERBS,
    MODALS,
    PLAN_VERBS,
)
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


def blocked(tok: Token, pred: Token) -> bool:
    """Whether the happening is negated, cancelled, only planned, intended or yet to come.

    Read from the words that govern the cue: «не» before it or its verb, a cancelling verb, a modal or
    inviting verb or an intent noun above or before an infinitive («должны запустить», «пригласил посетить»,
    «приглашение посетить»), a future or conditional verb («проведут», «будут вести»), a planning noun above
    the cue («подготовку визита»), or a future time word that depends on it («в следующем году»,
    «предстоящий визит»).
    """
    doc = tok.doc
    for t in {tok, pred}:
        if t.i > 0 and doc[t.i - 1].lower_ == "не" and (t is tok or lemma(t) in LIGHT_VERBS):
            return True
    if lemma(pred) in CANCEL or lemma(head_of(pred)) in CANCEL:
        return True
    if lemma(pred) in PLAN_VERBS:
        return True
    infinitive = "Inf" in pred.morph.get("VerbForm")
    cur = pred
    for _ in range(MODAL_DEPTH):
        if "Inf" not in cur.morph.get("VerbForm"):
            break
        head = head_of(cur)
        if head.i == cur.i:
            break
        if lemma(head) in MODALS or head.lower_ in MODALS or lemma(head) in PLAN_VERBS:
            return True
        # an infinitive that completes an intent noun: «приглашение посетить Осло», «готовность оказать»
        if lemma(head) in INTENT_NOUNS:
            return True
        cur = head
    if infinitive and intent_before(pred):
        return True
    # the tense of the finite verb the clause hangs on (an infinitive's governor when there is one)
    if future(cur if infinitive else pred):
        return True
    if infinitive and future_aux_before(pred):
        return True
    if tok.pos_ in ("NOUN", "PROPN"):
        # «подготовку визита», «о готовности к переговорам», «планы провести переговоры»
        cur = tok
        for _ in range(INTENT_DEPTH):
            head = head_of(cur)
            if head.i == cur.i or head.pos_ in ("VERB", "AUX"):
                break
            if lemma(head) in INTENT_NOUNS:
                return True
            cur = head
        if lemma(head_of(pred)) in INTENT_NOUNS and head_of(pred).i != pred.i and pred.i != tok.i:
            return True
    return future_time({tok.i, pred.i}, doc)
