"""Actor groups as the event finder reads them, and the groups of a cue's own clause."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from kg.pipeline.cues import (
    Group,
    actor_groups,
    case_of,
    clause_dep,
    group_governor,
    lemma,
    person_index,
    person_key,
    post_words,
)
from kg.pipeline.events.lexicon import SEAT_PREPS
from kg.pipeline.syntax import head_of


def _split_after_names(group: Group) -> list[Group]:
    """A group cut after a person's name that only a comma separates from the next name.

    «По словам Сольберг, Норвегия поддерживает …»: a name ends the words of its post, so «Норвегия» is an
    actor of its own (in its own case), not a post of Сольберг's; «Педро Аларкон, министр иностранных дел
    Чили» keeps its post words and stays one group.
    """
    doc = group.ents[0].doc
    for i, (a, b) in enumerate(zip(group.ents, group.ents[1:])):
        between = doc[a.end : b.start]
        if a.label_ == "Person" and len(between) == 1 and between[0].text == ",":
            case = next((case_of(t) for t in b if case_of(t)), "")
            first = Group(group.start, a.end, group.ents[: i + 1], group.prep, group.case)
            return [first, *_split_after_names(Group(b.start, group.end, group.ents[i + 1 :], "", case))]
    return [group]


def _split_subject_after_prep(group: Group) -> list[Group]:
    """A group after a preposition cut before a person's name in the nominative that follows its object at
    once and stands right before its finite verb: «в ходе поездки в Чили | Анна Смирнова подписала …»
    (the name is the clause's subject)."""
    if not group.prep:
        return [group]
    doc = group.ents[0].doc
    for i, (a, b) in enumerate(zip(group.ents, group.ents[1:])):
        if (
            a.end == b.start
            and a.label_ in ("State", "Place")
            and b.label_ == "Person"
            and case_of(b[0]) == "Nom"
            and case_of(a[-1]) != "Nom"
            # the name is the subject of the verb right after it
            and b.end < b.sent.end
            and doc[b.end].pos_ == "VERB"
            and "Fin" in doc[b.end].morph.get("VerbForm")
        ):
            first = Group(group.start, a.end, group.ents[: i + 1], group.prep, group.case)
            return [first, Group(b.start, group.end, group.ents[i + 1 :], "", "Nom")]
    return [group]


def _join_seats(groups: list[Group]) -> list[Group]:
    """Groups joined across the seat of a post: «с послом Чили | в Перу Хуаном Руисом» is one group.

    A group of post words and a state or body but no name, then «в» / «при» and a state, place or body
    followed at once by a person's name: the name is the holder of the post, and the seat is no place of the
    event.
    """
    out = list(groups)
    i = 0
    while i + 1 < len(out):
        a, b = out[i], out[i + 1]
        doc = a.ents[0].doc
        post = any(lemma(t) in post_words() for t in doc[a.start : a.ents[0].start])
        seat = (
            post
            and not any(e.label_ == "Person" for e in a.ents)
            and b.prep in SEAT_PREPS
            and b.start == a.end + 1
            and doc[a.end].lower_ == b.prep
            and b.ents[0].label_ in ("State", "Place", "Organization")
        )
        if seat and len(b.ents) > 1 and b.ents[1].label_ == "Person" and b.ents[1].start == b.ents[0].end:
            out[i : i + 2] = [Group(a.start, b.end, a.ents + b.ents, a.prep, a.case)]
        elif (
            seat
            and len(b.ents) == 1
            and i + 2 < len(out)
            and out[i + 2].start == b.end
            and out[i + 2].ents[0].label_ == "Person"
            and not out[i + 2].prep
        ):
            c = out[i + 2]
            out[i : i + 3] = [Group(a.start, c.end, a.ents + b.ents + c.ents, a.prep, a.case)]
        i += 1
    return out


def event_groups(sent: Span) -> list[Group]:
    """The actor groups of a sentence as the event finder reads them (see the two helpers above)."""
    return _join_seats(
        [
            part
            for g in actor_groups(sent)
            for cut in _split_subject_after_prep(g)
            for part in _split_after_names(cut)
        ]
    )


def two(token: Token) -> bool:
    """Whether a word is «два» or «оба» (in any case; the lemmatizer leaves «двух» as it is)."""
    return lemma(token) in ("два", "оба") or token.lower_ in ("двух", "двум", "двумя", "обеих", "обоих")


def top_dep(g: Group) -> str:
    """The relation of a group's top word to the word outside the group it hangs on."""
    doc = g.ents[0].doc
    for t in doc[g.start : g.end]:
        if not g.start <= head_of(t).i < g.end or head_of(t).i == t.i:
            return clause_dep(t)
    return ""


#: the key of the event finder's per-document indexes in ``doc.user_data`` (removed when the finder is done)
CACHE_KEY = ("kg_events", "index")


def _index(doc: Doc) -> dict:
    return doc.user_data.setdefault(CACHE_KEY, {})


def dependents(tok: Token) -> list[Token]:
    """The words whose head is a token, in text order (indexed once per document, so that reading every
    cue's clause stays linear in the length of a sentence)."""
    index = _index(tok.doc)
    if "deps" not in index:
        deps: dict[int, list[int]] = {}
        for t in tok.doc:
            h = head_of(t).i
            if h != t.i:
                deps.setdefault(h, []).append(t.i)
        index["deps"] = deps
    return [tok.doc[i] for i in index["deps"].get(tok.i, ())]


def governor_index(g: Group) -> int:
    """The index of the word a group hangs on (remembered per group)."""
    index = _index(g.ents[0].doc).setdefault("gov", {})
    key = (g.start, g.end)
    if key not in index:
        index[key] = group_governor(g).i
    return index[key]


def actor_key(doc: Doc, ent: Span) -> str:
    """:func:`kg.pipeline.cues.person_key`, remembered per entity (it reads every entity of the document)."""
    index = _index(doc).setdefault("keys", {})
    key = (ent.start, ent.end, ent.label_)
    if key not in index:
        persons = _index(doc).get("persons")
        if persons is None:
            persons = _index(doc)["persons"] = person_index(doc)
        index[key] = person_key(doc, ent, persons)
    return index[key]


def subject_word(pred: Token) -> Token | None:
    """The word the parser made the subject of a verb, named or not."""
    for t in dependents(pred):
        if clause_dep(t) == "nsubj" and pred.sent.start <= t.i < pred.sent.end:
            return t
    return None


def clause_groups(pred: Token, groups: list[Group]) -> list[Group]:
    """The groups a verb governs; a verb joined to another («встретился … и провел переговоры») shares its
    subject."""
    own = [g for g in groups if governor_index(g) == pred.i]
    if (
        not any(g.case == "Nom" and not g.prep for g in own)
        and clause_dep(pred) == "conj"
        and subject_word(pred) is None  # «…, а затем министры подписали»: a subject of its own
    ):
        first = head_of(pred)
        own += [g for g in groups if governor_index(g) == first.i and g.case == "Nom" and not g.prep]
    return sorted(set(own), key=lambda g: g.start)
