"""From cue words to mentions: whether a cue counts where it stands, and which verb its clause hangs on."""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.pipeline.cues import Cue, Group, case_of, clause_dep, governor, group_governor, lemma, post_words
from kg.pipeline.events.groups import event_groups, top_dep
from kg.pipeline.events.levels import document_level
from kg.pipeline.events.lexicon import FRAMING, LIGHT_VERBS, THANKS
from kg.pipeline.syntax import head_of

# how far after a document noun its «между» may stand («соглашение 2010 года между …»)
BETWEEN_GAP = 3
# words either side of a cue within which one of the words it needs must stand (a short clause)
CUE_WINDOW = 7
# how far after a «принять» its guest may stand («принял вчера в своей резиденции министра …»)
GUEST_WINDOW = 10
# how far before a cue a «благодарность … за» may stand
THANKS_WINDOW = 8
# how far before «с визитом» its verb may stand («прибыл вчера в столицу с официальным визитом»)
VISIT_VERB_WINDOW = 8
# how many words before a noun a framing preposition may stand («в ходе двусторонних переговоров»)
FRAMING_WINDOW = 3


def cue_ok(cue: Cue, tok: Token) -> bool:
    """Whether a cue counts at a token: its part of speech, and one of the words it needs near it."""
    if cue.pos == "VERB" and tok.pos_ not in ("VERB", "AUX"):
        return False
    if cue.pos == "NOUN" and tok.pos_ not in ("NOUN", "PROPN"):
        return False
    if not cue.needs or cue.needs == ("*",):
        return True
    if cue.needs[0].startswith("@"):
        return frame_ok(cue.needs[0], tok)
    sent = tok.sent
    window = sent.doc[max(sent.start, tok.i - CUE_WINDOW) : min(sent.end, tok.i + CUE_WINDOW + 1)]
    if any(lemma(t) in cue.needs for t in window if t.i != tok.i):
        return True
    # a noun that is the object of a verb further off, or joined to its object: «передал послу …
    # послание от … и приглашение посетить …»
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    cur = tok
    while clause_dep(cur) == "conj" and head_of(cur).i != cur.i:
        cur = head_of(cur)
    return clause_dep(cur) == "obj" and lemma(head_of(cur)) in cue.needs


def frame_ok(need: str, tok: Token) -> bool:
    """A cue that counts only with an actor in a given slot of its own clause.

    «@guest»: a person or delegation as the direct object («принял министра», not «принял участие»);
    «@with»: a partner after «с» («договорился с премьером Норвегии»); «@document»: a partnership of a stated
    level that a signed or adopted document is about («подписали заявление о всеобъемлющем стратегическом
    партнерстве»); «@between»: its sides after «между» («соглашение между Россией и Малайзией»).
    """
    if need == "@document":
        return document_level(tok) is not None
    groups = event_groups(tok.sent)
    if need == "@guest":
        return bool(received(tok, groups))
    if need == "@between":
        # «Соглашение между Россией и Малайзией»: the document's two sides right after it
        return any(g.prep == "между" and 0 < g.start - tok.i <= BETWEEN_GAP + 1 for g in groups)
    own = [g for g in groups if group_governor(g).i == tok.i]
    if need == "@with":
        return any(
            g.prep in ("с", "со") and g.actor.label_ in ("Person", "State", "Organization") for g in own
        )
    return False


def received(verb: Token, groups: list[Group]) -> list[Span]:
    """Who a «принять» verb receives: a person or a delegation as its direct object in the same clause.

    Read from the case of the name itself (the words before it may be a genitive «своего коллегу»), or of
    the post word that opens its group when the tagger read an animate name as a genitive («принял в
    Сантьяго министра … Педро Аларкона»), and with no other verb, no punctuation and no other object noun
    between («принял участие в переговорах министра …»), since the parser often hangs the object on a noun
    before it.
    """
    doc = verb.doc
    out = []
    for g in groups:
        if g.start <= verb.i or g.prep or g.start - verb.i > GUEST_WINDOW:
            continue
        actor = g.actor
        first = doc[g.start]
        post_acc = first.i < actor.start and lemma(first) in post_words() and case_of(first) == "Acc"
        if actor.label_ == "Person":
            ok = case_of(actor[0]) == "Acc" or (
                case_of(actor[0]) == "Gen"
                and "Anim" in actor[0].morph.get("Animacy")
                and (post_acc or top_dep(g) == "obj")
            )
        else:
            # a delegation, or a post named with its state and no name («принял … президента Австрии»)
            ok = (lemma(first) == "делегация" and case_of(first) == "Acc") or (
                post_acc and actor.label_ in ("State", "Organization")
            )
        between = doc[verb.i + 1 : g.start]
        if any(t.pos_ in ("VERB", "AUX") or t.text in (",", ";", ":") for t in between):
            break
        if any(
            t.pos_ in ("NOUN", "PROPN") and not t.ent_type_ and case_of(t) in ("Nom", "Acc") for t in between
        ):
            break
        if ok:
            out.append(actor)
            break
    return out


def thanked_for(tok: Token) -> Token | None:
    """The thanks word of «благодарность Японии за помощь» (the parser often hangs «за …» elsewhere)."""
    doc = tok.doc
    window = list(doc[max(tok.sent.start, tok.i - THANKS_WINDOW) : tok.i])
    for i, t in enumerate(window):
        if lemma(t) in THANKS and any(w.lower_ == "за" for w in window[i + 1 :]):
            return t
    return None


def attributive(tok: Token) -> bool:
    """A participle that describes a noun («запущенную Чили программу») asserts no new happening."""
    return "Part" in tok.morph.get("VerbForm") and "Short" not in tok.morph.get("Variant")


def own_clause(tok: Token, pred: Token) -> Token:
    """The verb of a noun's own clause when the parser hung it on the verb of a clause after it.

    «в беседе с журналистами отметил, что торговля … растет»: a noun before the «что» that opens a clause is
    not of that clause; the verb that clause depends on is taken instead.
    """
    if tok.pos_ not in ("NOUN", "PROPN") or tok.i > pred.i:
        return pred
    opens = any(clause_dep(t) == "mark" and head_of(t).i == pred.i for t in tok.doc[tok.i + 1 : pred.i])
    head = head_of(pred)
    return governor(head) if opens and head.i != pred.i else pred


def visit_verb(tok: Token) -> Token | None:
    """The verb a «с визитом» goes with: the nearest one before it in its clause («прибыл в Лиму с
    государственным визитом», «посетить Чили с официальным визитом»), whatever the parser hung it on."""
    doc, sent = tok.doc, tok.sent
    j = tok.i - 1
    while j > sent.start and doc[j].pos_ == "ADJ":
        j -= 1
    if doc[j].lower_ not in ("с", "со"):
        return None
    for t in reversed(list(doc[max(sent.start, j - VISIT_VERB_WINDOW) : j])):
        if t.text in (",", ";", ":", "—", "(") or t.pos_ == "SCONJ":
            return None
        if t.pos_ == "VERB":
            return t
    return None


def primary(tok: Token, pred: Token) -> bool:
    """Whether a cue may open an event of its own: a verb, or a noun a «провести»-like verb governs that no
    framing preposition («в ходе», «по итогам») puts inside another statement."""
    if tok.pos_ in ("VERB", "AUX"):
        return True
    doc = tok.doc
    prev = [t.lower_ for t in doc[max(tok.sent.start, tok.i - FRAMING_WINDOW) : tok.i]]
    if any(w in FRAMING for w in prev):
        return False
    return head_of(tok).i == pred.i and lemma(pred) in LIGHT_VERBS


def unnamed_partner(tok: Token, groups: list[Group]) -> bool:
    """Whether a talks or meeting noun names its partner right after «с» as people outside any actor group
    («беседа с корреспондентами», «встреча с избирателями»); a partner with a name («с послом Италии»,
    «с коллегой Ингрид Сольберг») is in one."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    doc, sent = tok.doc, tok.sent
    i = tok.i + 1
    if i >= sent.end or doc[i].lower_ not in ("с", "со"):
        return False
    i += 1
    while i < sent.end and doc[i].pos_ in ("ADJ", "DET", "NUM"):
        i += 1
    if i >= sent.end or doc[i].pos_ != "NOUN" or "Anim" not in doc[i].morph.get("Animacy"):
        return False
    return not any(g.start <= i < g.end for g in groups)
