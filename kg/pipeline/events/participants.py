"""The argument slots of a cue's clause: subject, «с» + instrumental, «между … и …», dative, accusative, «в».

Each slot has a small reader; :func:`clause_of` gathers them in a :class:`Clause` for the role reader of the
event type (``roles``); :func:`with_holders` puts a post named without a name («главе Перу») in its holder's
place.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from kg.pipeline.cues import Group, case_of, lemma
from kg.pipeline.events.groups import actor_key, clause_groups, governor_index, subject_word, top_dep
from kg.pipeline.events.lexicon import ATTENDING, CANCEL, PERSON_TYPES
from kg.pipeline.events.subjects import Sides, post_holder, resolve_word
from kg.pipeline.events.types import Part, Reading
from kg.records import Position

# how far before a verb its companions may stand when the parser left the clause without its words
COMPANION_WINDOW = 6
# how far from the cue «между» may stand, and its second side after it
BETWEEN_WINDOW = 12
BETWEEN_GAP = 8
# how far after a noun its own genitive may stand («визит премьера Норвегии», «переговоры глав …»)
GENITIVE_GAP = 2
# how far from the cue «с участием» may stand, and how many words («лидеров», «глав») before its first party
ATTENDING_WINDOW = 8
ATTENDING_GAP = 2
# how far after a passive verb its instrumental agent may start («подписан в Праге Медведевым»)
AGENT_GAP = 3
# how far after a subject word the actor it belongs to may stand («Самолет ВВС Чили доставил …»)
OWNER_GAP = 2
# how many words may describe a person before the name («его младшей дочери»)
DESCRIPTION_WORDS = 4
# the words that may join two conjuncts of a list («X, Y и Z», «X, а также Y»)
CONJUNCTION_WORDS = frozenset({",", "и", "а", "также"})


def actor_case(g: Group) -> str:
    """The case of the actor a group stands for («Президенты России»: genitive), '' when unknown."""
    for t in reversed(list(g.actor)):
        if case_of(t):
            return case_of(t)
    return ""


def conjuncts(doc: Doc, groups: list[Group], slot: list[Group]) -> list[Group]:
    """A slot's groups with every group coordinated after one of them: «с Лавровым и Медведевым», «России,
    Ирана и Турции». A conjunct is joined by commas, «и», «а также» only, has no preposition of its own (or
    the first one's: «с X и с Y») and its actor stands in the same case."""
    out = list(slot)
    seen = {(g.start, g.end) for g in out}
    for g in slot:
        last = g
        for nxt in groups:
            if nxt.start < last.end:
                continue
            between = doc[last.end : nxt.start]
            if nxt.actor.label_ == "Person":
                # «Трампа и его дочери Иванки»: the words that describe a person before the name
                between = between[: len(between) - len(description_before(doc, nxt))]
            if not between or any(
                t.lower_ not in CONJUNCTION_WORDS and t.lower_ != nxt.prep for t in between
            ):
                break
            if not any(t.lower_ in ("и", ",") for t in between) or nxt.prep not in ("", g.prep):
                break
            a, b = actor_case(g), actor_case(nxt)
            if a and b and a != b:
                break
            if (nxt.start, nxt.end) not in seen:
                seen.add((nxt.start, nxt.end))
                out.append(nxt)
            last = nxt
    return sorted(out, key=lambda x: x.start)


def description_before(doc: Doc, g: Group) -> list[Token]:
    """The common nouns (with their pronouns and adjectives) that describe a person right before the name, in
    no group: «его дочери Иванки», «с матерью девушки Яффой» (up to ``DESCRIPTION_WORDS`` words)."""
    out: list[Token] = []
    i = g.start - 1
    while i >= g.ents[0].sent.start and len(out) < DESCRIPTION_WORDS:
        t = doc[i]
        if t.pos_ not in ("NOUN", "ADJ", "DET", "PRON") or t.ent_type_ or lemma(t) in ("который", "что"):
            break
        out.insert(0, t)
        i -= 1
    return out if any(t.pos_ == "NOUN" for t in out) else []


@dataclass(frozen=True)
class Clause:
    """The slots of a cue's clause, each as the actor groups that fill it."""

    doc: Doc
    tok: Token  # the cue
    pred: Token  # the verb its clause hangs on
    sent: Span
    groups: list[Group]  # every actor group of the sentence
    own: list[Group]  # the groups the verb governs
    subjects: list[Span]  # named subjects, or the actors a subject word stands for
    implied: bool  # the subjects are only implied («стороны», «министры»)
    partners: list[Group]  # «с» + instrumental
    between: list[Group]  # «между X и Y»
    dative: list[Group]
    accusative: list[Group]  # after the cue
    to: list[Group]  # «в» + accusative
    at: list[Group]  # «в» + locative, a place or state
    genitive: list[Group]  # a noun cue's own genitive(s)
    attending: list[Group]  # «с участием X, Y и Z»
    positions: list[Position]

    def reading(self, parts: list[Part], **kw) -> Reading:
        """A reading of this clause: its place and implied flag unless given."""
        kw.setdefault("implied", self.implied)
        kw.setdefault("place", self.at[0].actor if self.at else None)
        return Reading(parts, **kw)


def _subject_groups(own: list[Group], pred: Token) -> list[Group]:
    return [
        g
        for g in own
        if not g.prep
        and (g.case == "Nom" or top_dep(g) == "nsubj")
        and (g.actor.label_ != "Place" or g.end <= pred.i)
    ]


def _partners(own: list[Group], groups: list[Group], pred: Token) -> list[Group]:
    """«с» + instrumental in the clause; companions close before the verb when the parser left the clause
    without its words («…, где вместе с послом Чили посетил …»)."""
    if not own:
        return [g for g in groups if g.prep in ("с", "со") and 0 <= pred.i - g.end <= COMPANION_WINDOW]
    return [g for g in own if g.prep in ("с", "со") and g.case in ("Ins", "")] + _described(groups, pred)


def _described(groups: list[Group], pred: Token) -> list[Group]:
    """A partner named after words that describe it, right after «с» and the verb: «побеседовал с отцом
    студента Игорем Лавровым» (the name in the instrumental, like the noun before it)."""
    doc = pred.doc
    out = []
    for g in groups:
        if g.prep or g.actor.label_ != "Person" or g.start <= pred.i:
            continue
        if not any(case_of(t) == "Ins" for t in g.actor):
            continue
        words = description_before(doc, g)
        i = g.start - len(words) - 1
        if words and i > pred.i and doc[i].lower_ in ("с", "со") and case_of(words[-1]) in ("Ins", "Gen"):
            if not any(t.pos_ in ("VERB", "AUX") or t.is_punct for t in doc[pred.i + 1 : i]):
                out.append(g)
    return out


def _between(doc: Doc, groups: list[Group], tok: Token) -> list[Group]:
    """«между X и Y» near the cue: the group after «между» and the one joined to it by «и»."""
    out = []
    for i, g in enumerate(groups):
        if g.prep == "между" and abs(g.start - tok.i) <= BETWEEN_WINDOW:
            out.append(g)
            nxt = groups[i + 1] if i + 1 < len(groups) else None
            if (
                nxt is not None
                and not nxt.prep
                and nxt.start - g.end <= BETWEEN_GAP
                and any(t.lower_ == "и" for t in doc[g.end : nxt.start])
            ):
                out.append(nxt)
    return out


def _genitive(doc: Doc, groups: list[Group], tok: Token) -> list[Group]:
    """A noun's own genitive: «визит премьера Норвегии», «переговоры министра Чили и посла Перу», «встреча
    министров России, Ирана и Турции»."""
    gen = [g for g in groups if g.case == "Gen" and not g.prep and 0 < g.start - tok.i <= GENITIVE_GAP]
    if not gen or tok.pos_ not in ("NOUN", "PROPN"):
        return []
    return conjuncts(doc, groups, gen[:1])


def agents(groups: list[Group], pred: Token) -> list[Group]:
    """The agents of a passive verb: the instrumental group with no preposition right after it («был
    подписан Дмитрием Медведевым и …»), with its conjuncts."""
    if "Pass" not in pred.morph.get("Voice"):
        return []
    first = [
        g
        for g in groups
        if not g.prep
        and 0 < g.start - pred.i <= AGENT_GAP
        and actor_case(g) == "Ins"
        and g.actor.label_ != "Place"
    ]
    return conjuncts(pred.doc, groups, first[:1])


def _attending(doc: Doc, groups: list[Group], tok: Token, pred: Token) -> list[Group]:
    """The parties listed after «с участием» / «при участии» in the cue's clause: «переговоры … с участием
    Германии, Франции, России и Украины», «с участием лидеров России и Китая»."""
    lo, hi = min(tok.i, pred.i), max(tok.i, pred.i)
    for t in doc[max(tok.sent.start, lo - ATTENDING_WINDOW) : min(tok.sent.end, hi + ATTENDING_WINDOW)]:
        if lemma(t) not in ATTENDING or t.i == 0 or doc[t.i - 1].lower_ not in ("с", "при"):
            continue
        first = [g for g in groups if not g.prep and 0 < g.start - t.i <= ATTENDING_GAP + 1]
        return conjuncts(doc, groups, first[:1])
    return []


def _subjects(
    doc: Doc,
    sent: Span,
    pred: Token,
    own: list[Group],
    groups: list[Group],
    positions: list[Position],
    sides: Sides | None,
) -> tuple[list[Span], bool]:
    """The clause's subjects (several joined by «и»), or the actors a subject word with no name stands for."""
    subj = _subject_groups(own, pred)
    sw = subject_word(pred)
    named = agents(groups, pred)
    if named:
        # «договор был подписан X и Y»: the agents of a passive are its subjects, not the document
        subj, sw = named, None
    if sw is None and not subj:
        # no subject of its own: the subject of the verb before it in the sentence («министр посетил …, где
        # … подписал меморандум»)
        prev = [t for t in doc[sent.start : pred.i] if t.pos_ == "VERB" and "Fin" in t.morph.get("VerbForm")]
        if prev:
            subj = [g for g in groups if governor_index(g) == prev[-1].i and not g.prep and g.case == "Nom"]
            sw = None if subj else subject_word(prev[-1])
    # (a name is no such word: «Агентство - Премьер … принял …», an agency the parser took for the subject)
    if (
        sw is not None
        and not sw.ent_type_
        and sw.pos_ != "PROPN"
        and sw.i < pred.i
        and subj
        and all(g.start > pred.i or top_dep(g) != "nsubj" for g in subj)
    ):
        subj = []  # «Лидеры двух стран подписали соглашение о трассе Чили — …»: the name after is no subject
    resolved: list[Span] = []
    implied = False
    if not subj and sw is not None and not sw.ent_type_:
        resolved, implied = resolve_word(doc, sw, positions, groups, sides)
        if not resolved:
            # «Самолет ВВС Чили доставил …»: the actor the subject noun belongs to
            owner = [g for g in groups if not g.prep and g.case == "Gen" and 0 < g.start - sw.i <= OWNER_GAP]
            resolved = [owner[0].actor] if owner and owner[0].actor.label_ != "Place" else []
    # the subject nearest before the verb (a dateline's agency or an earlier clause's name stands further off)
    subj.sort(key=lambda g: (g.start > pred.i, -g.start if g.start < pred.i else g.start))
    chosen = subj[:1]
    for g in subj[1:]:
        # «Педро Аларкон и Ингрид Сольберг подписали …»: subjects joined by «и»
        a, b = sorted((g, chosen[-1]), key=lambda x: x.start)
        if all(t.lower_ in ("и", ",") for t in doc[a.end : b.start]) and b.start > a.end:
            chosen.append(g)
    chosen = conjuncts(doc, groups, chosen)
    return [g.actor for g in sorted(chosen, key=lambda g: g.start)] + resolved, implied


def clause_of(
    tok: Token, sent: Span, pred: Token, groups: list[Group], positions: list[Position], sides: Sides | None
) -> Clause:
    """The slots of the clause of a cue and its verb."""
    doc = tok.doc
    own = clause_groups(pred, groups)
    subjects, implied = _subjects(doc, sent, pred, own, groups, positions, sides)
    if tok.pos_ in ("NOUN", "PROPN") and lemma(pred) in CANCEL:
        subjects = []  # «Польша блокирует переговоры ЕС с Россией»: who blocks the talks is no side of them
    return Clause(
        doc=doc,
        tok=tok,
        pred=pred,
        sent=sent,
        groups=groups,
        own=own,
        subjects=subjects,
        implied=implied,
        partners=conjuncts(doc, groups, _partners(own, groups, pred)),
        between=_between(doc, groups, tok),
        dative=conjuncts(doc, groups, [g for g in own if not g.prep and g.case == "Dat"]),
        accusative=conjuncts(
            doc, groups, [g for g in own if not g.prep and g.case == "Acc" and g.start > min(tok.i, pred.i)]
        ),
        to=[g for g in own if g.prep in ("в", "во") and g.case == "Acc"],
        at=[
            g
            for g in own
            if g.prep in ("в", "во") and g.case == "Loc" and g.actor.label_ in ("Place", "State")
        ],
        genitive=_genitive(doc, groups, tok),
        attending=_attending(doc, groups, tok, pred),
        positions=positions,
    )


def dedup(doc: Doc, parts: list[Part]) -> list[Part]:
    """The participants with each actor once (the first reading of it)."""
    out, seen = [], set()
    for ent, role in parts:
        key = actor_key(doc, ent)
        if key not in seen:
            seen.add(key)
            out.append((ent, role))
    return out


def with_holders(c: Clause, type_: str, parts: list[Part]) -> list[Part]:
    """For events whose sides are people, a post named with no name («главе Перу») as its one holder."""
    if type_ not in PERSON_TYPES:
        return parts
    by_actor = {(g.actor.start, g.actor.end): g for g in c.groups}
    return [
        (post_holder(c.doc, by_actor[(e.start, e.end)], c.positions) or e, role)
        if (e.start, e.end) in by_actor
        else (e, role)
        for e, role in parts
    ]
