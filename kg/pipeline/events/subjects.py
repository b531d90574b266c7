"""Who a word without a name stands for: «который», «он», «мы», «стороны», «министр», «глава Перу»."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from kg.pipeline.cues import (
    Group,
    case_of,
    ent_by_offsets,
    ent_key,
    group_governor,
    lemma,
    main_states,
    post_words,
)
from kg.pipeline.events.groups import actor_key, event_groups, two
from kg.pipeline.events.lexicon import (
    COLLECTIVE,
    FOREIGN_MINISTRY,
    HEAD_ROLES,
    LEADER_WORDS,
    PRONOUNS,
    SPEECH,
)
from kg.pipeline.syntax import head_of
from kg.records import Position

# how far after its antecedent «который» may stand («Педро Аларкон, который …», «…, который вчера …»)
WHICH_GAP = 2
# how many words after a post word its «двух» or its state may stand («лидеры двух стран»)
POST_KIDS_WINDOW = 3


@dataclass(frozen=True)
class Sides:
    """The sides of the last talks or meeting read, and the sentence it was read in: «стороны» after it."""

    sent_start: int
    actors: list[Span]


def holders_of(doc: Doc, post_word: Token, positions: list[Position]) -> list[Span]:
    """The one person of the article whose post a bare post word («министр», «президент») names."""
    lem = lemma(post_word)
    generic = post_words().get(lem, ("", ""))[1] or lem
    people = {}
    for p in positions:
        if (
            p.role == generic
            or p.role.startswith(generic + " ")
            or p.role.endswith(" " + generic)
            or generic == "министр"
            and "министр" in p.role
        ):
            span = ent_by_offsets(doc, p.person.start, p.person.end)
            if span is not None:
                people.setdefault(actor_key(doc, span), span)
    return list(people.values()) if len(people) == 1 else []


def foreign_ministers(doc: Doc, positions: list[Position]) -> list[Span]:
    """The one foreign minister the article names for each of its two main states; [] unless both are."""
    out = []
    for state in main_states(doc):
        people: dict[str, Span] = {}
        for p in positions:
            if p.of is None or "министр иностранных дел" not in p.role:
                continue
            of_ent = ent_by_offsets(doc, p.of.start, p.of.end)
            span = ent_by_offsets(doc, p.person.start, p.person.end)
            if of_ent is not None and span is not None and ent_key(of_ent) == ent_key(state):
                people.setdefault(actor_key(doc, span), span)
        if len(people) != 1:
            return []
        out.extend(people.values())
    return out


def _which(doc: Doc, word: Token, groups: list[Group]) -> list[Span]:
    """The actors a «который» right after them refers to; a plural one takes the actors joined by «и»
    («министр … Аларкон и посол … Руис, которые встречаются …»)."""
    before = [g for g in groups if g.end <= word.i]
    if not before or word.i - before[-1].end > WHICH_GAP:
        return []
    out = [before[-1]]
    if "Plur" in word.morph.get("Number"):
        for g in reversed(before[:-1]):
            gap = doc[g.end : out[-1].start]
            # «и» or a comma, then only the post words of the next name («и министр энергетики»)
            if (
                not gap
                or gap[0].lower_ not in ("и", ",")
                or any(t.pos_ in ("VERB", "AUX", "PUNCT", "ADP") and t.lower_ != "," for t in gap[1:])
            ):
                break
            out.append(g)
    return [g.actor for g in sorted(out, key=lambda g: g.start)]


def _speaker(doc: Doc, word: Token, groups: list[Group]) -> list[Span]:
    """The speaker of a quotation an «я» or «мы» is in: the named subject of a speech verb before it (this or
    the last sentence)."""
    start = max(0, word.sent.start - 1)
    prev_sent = doc[start].sent
    for g in reversed(event_groups(prev_sent)[:] + [g for g in groups if g.end <= word.i]):
        if g.end <= word.i and g.case == "Nom" and not g.prep and lemma(group_governor(g)) in SPEECH:
            return [g.actor]
    return []


def _pronoun(doc: Doc, word: Token, positions: list[Position], groups: list[Group]) -> list[Span]:
    """«Как отметил премьер, он пригласил …»: the nearest earlier subject in the sentence."""
    for t in reversed(list(doc[word.sent.start : word.i])):
        if lemma(t) in post_words() and case_of(t) == "Nom":
            return holders_of(doc, t, positions)
        g = next((g for g in groups if g.start <= t.i < g.end and g.case == "Nom"), None)
        if g is not None:
            return [g.actor]
    return []


def resolve_word(
    doc: Doc, word: Token, positions: list[Position], groups: list[Group], sides: Sides | None
) -> tuple[list[Span], bool]:
    """Actors a subject word with no name stands for, and whether they are only implied (not named there)."""
    lem = lemma(word)
    if (
        lem in ("сторона", "лидер", "глава", "министр", "руководитель")
        and "Plur" in word.morph.get("Number")
        and sides is not None
        and (lem == "сторона" or all(e.label_ == "Person" for e in sides.actors))
    ):
        # «Стороны подписали …» right after the talks it refers to: the sides of those talks
        prev_start = doc[word.sent.start - 1].sent.start if word.sent.start > 0 else word.sent.start
        if sides.sent_start in (word.sent.start, prev_start):
            return list(sides.actors), False
    if lem == "который":
        return _which(doc, word, groups), False
    if lem in ("я", "мы") and lem == word.lower_:
        return _speaker(doc, word, groups), False
    if lem in PRONOUNS:
        return _pronoun(doc, word, positions, groups), False
    plural = "Plur" in word.morph.get("Number")
    if lem in post_words() and lem not in ("глава", "член") and word.text[:1].islower() and not plural:
        # a singular post word stands for the one holder of that post the article names; a plural one
        # («министры») names several people, which only the sides of the talks just told can say (above)
        kids = [t for t in word.sent if head_of(t).i == word.i and t.i != word.i]
        # «лидеры двух стран»: the number may hang on the noun after the post word
        after = doc[word.i + 1 : min(word.sent.end, word.i + POST_KIDS_WINDOW)]
        if not any(t.ent_type_ for t in kids) and not any(two(t) for t in [*kids, *after]):
            return holders_of(doc, word, positions), False
    if lem in COLLECTIVE:
        kids = [t for t in doc[word.i + 1 : min(word.sent.end, word.i + POST_KIDS_WINDOW + 1)]]
        both = plural or any(lemma(t) in ("два", "оба") for t in kids)
        if both and lem in LEADER_WORDS and any(lemma(t) in FOREIGN_MINISTRY for t in kids):
            # «главы МИД двух стран»: the foreign minister of each of the article's two states
            ministers = foreign_ministers(doc, positions)
            if ministers:
                return ministers, True
        if both:
            return main_states(doc), True
    return [], False


def post_holder(doc: Doc, g: Group, positions: list[Position]) -> Span | None:
    """The person a group names only by a post of a state or body: the one holder of that post the article
    names («главе Перу» → the person named as «президент Перу» before).

    «глава», «лидер», «руководитель» of a state stand for its head (HEAD_ROLES), of its foreign ministry for
    the foreign minister; any other post word for a post with that word (as ``holders_of`` reads it).
    """
    if any(e.label_ == "Person" for e in g.ents) or g.actor.label_ not in ("State", "Organization"):
        return None
    words = [lemma(t) for t in doc[g.start : g.ents[0].start]]
    posts = [w for w in words if w in post_words()]
    if not posts:
        return None
    lem = posts[0]
    inside = [lemma(t) for t in doc[g.start : g.end]]
    of = {ent_key(e) for e in g.ents}
    if lem in LEADER_WORDS:
        if any(w in FOREIGN_MINISTRY for w in inside):
            want: tuple[str, ...] = ("министр иностранных дел",)
            exact = False
        elif g.actor.label_ == "State":
            want, exact = HEAD_ROLES, True
        else:
            return None
    else:
        generic = post_words()[lem][1] or lem
        want = ("министр иностранных дел",) if "иностранный" in inside else (generic,)
        exact = False
    people: dict[str, Span] = {}
    for p in positions:
        if p.of is None:
            continue
        of_ent = ent_by_offsets(doc, p.of.start, p.of.end)
        if of_ent is None or ent_key(of_ent) not in of:
            continue
        role = p.role
        if exact:
            hit = role in want
        else:
            hit = any(
                role == w or role.startswith(w + " ") or role.endswith(" " + w) or " " in w and w in role
                for w in want
            )
        if hit:
            span = ent_by_offsets(doc, p.person.start, p.person.end)
            if span is not None:
                people.setdefault(actor_key(doc, span), span)
    return next(iter(people.values())) if len(people) == 1 else None
