"""Gatherings of many that frame a bilateral event: «на полях саммита», «в рамках встречи министров стран …».

Such a gathering becomes a Meeting of its own, the parent of the event it frames (``Event.sub_event_of``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from kg.pipeline.cues import Group, case_of, ent_key, lemma, post_words
from kg.pipeline.events.groups import event_groups
from kg.pipeline.events.lexicon import BILATERAL, FAMILY, FRAME_PREPS, GATHERINGS, GROUP_MEETINGS, SIDE_FRAMES
from kg.pipeline.events.merging import keys_of
from kg.pipeline.events.participants import dedup
from kg.pipeline.events.types import Draft, Mention

# a gathering told only as a frame is sure to have taken place, less sure to be the one the gold would name
GATHERING_CONFIDENCE = 0.7
# how far back from a noun its frame word may stand («в рамках участия в третьей встрече …»)
FRAME_WINDOW = 6
# how far a noun's complement may run («встречи министров иностранных дел стран … «…»»)
COMPLEMENT_WINDOW = 15
# how far after the gathering noun the place it was held in may stand («саммита АСЕАН в Джакарте»)
PLACE_WINDOW = 5
# states a complement must name to make a meeting one of many
MANY_STATES = 3


def frame_of(tok: Token) -> Token | None:
    """The frame word before a noun that puts what follows inside it («на полях», «в рамках участия в …»).

    Read back over at most six words of one clause (no finite verb, no comma between), and only with the
    frame's own preposition, so «в то же время» frames nothing.
    """
    doc = tok.doc
    for j in range(tok.i - 1, max(tok.sent.start, tok.i - FRAME_WINDOW - 1), -1):
        t = doc[j]
        if t.lower_ in FRAME_PREPS and doc[j - 1].lower_ in FRAME_PREPS[t.lower_]:
            return t
        if t.text in (",", ";", ":", ".", "!", "?") or (
            t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm")
        ):
            return None
    return None


def complement(tok: Token) -> list[Token]:
    """The words after a noun that belong to it: genitives, names in quotes, a name right after it.

    «встрече министров финансов стран «Группы двадцати»» gives the words from «министров» to the closing
    quote; the nominative that starts the next phrase («заместитель …») ends it.
    """
    doc, sent = tok.doc, tok.sent
    end = min(sent.end, tok.i + COMPLEMENT_WINDOW)
    out: list[Token] = []
    i = tok.i + 1
    while i < end:
        t = doc[i]
        if t.text in ('"', "«", "„"):
            close = next((k for k in range(i + 1, end) if doc[k].text in ('"', "»", "“")), None)
            if close is None:
                break
            out.extend(doc[i : close + 1])
            i = close + 1
            continue
        if t.ent_type_ == "Person":
            break  # the name after it is the subject of what was held there, whatever its tagged case
        if (
            t.ent_type_
            and (i == tok.i + 1 or case_of(t) != "Nom" or t.ent_iob_ == "I")
            or case_of(t) == "Gen"
            and t.pos_ in ("NOUN", "PROPN", "ADJ", "NUM", "DET")
            # «министров Чили и Перу», «стран Южной Америки, Испании и Португалии»
            or t.lower_ in ("и", ",")
            and i + 1 < end
            and case_of(doc[i + 1]) == "Gen"
            and out
        ):
            out.append(t)
            i += 1
            continue
        break
    return out


def of_many(tok: Token, frame: Token) -> bool:
    """Whether a meeting noun names a gathering of many rather than a meeting of two sides.

    Its complement names a body or format («встреча лидеров АСЕАН»), a region or three states or more («глав
    государств Южной Америки»), or, under «на полях» / «в рамках», plural holders of posts with no state named
    («встреча министров иностранных дел»); never with «двух», «обеих» or «двусторонняя», and not with the one
    or two states of a bilateral meeting named.
    """
    words = complement(tok)
    doc = tok.doc
    before = [t for t in doc[frame.i + 1 : tok.i] if t.pos_ in ("ADJ", "NUM", "DET")]
    if any(lemma(t) in BILATERAL for t in words + before):
        return False
    inside = {t.i for t in words}
    ents = [e for e in tok.sent.ents if all(i in inside for i in range(e.start, e.end))]
    if any(e.label_ in ("Organization", "Initiative") for e in ents):
        return True
    states = {ent_key(e) for e in ents if e.label_ == "State"}
    if len(states) >= MANY_STATES or any(e.label_ == "Place" for e in ents):
        return True
    members = [
        t
        for t in words
        if post_words().get(lemma(t), ("", ""))[0] == "head" and "Plur" in t.morph.get("Number")
    ]
    return bool(members) and not states and frame.lower_ in SIDE_FRAMES


def outside_gatherings(sent: Span, groups: list[Group]) -> list[Group]:
    """Actor groups cut free of a framed meeting's complement that the name after it was joined to.

    «В рамках встречи министров иностранных дел Педро Аларкон встретился …»: «министров иностранных дел»
    belong to «встречи», so the group of «Педро Аларкон» starts at the name, in its own case.
    """
    ends = [
        words[-1].i + 1
        for tok in sent
        if lemma(tok) in GATHERINGS | GROUP_MEETINGS
        and tok.pos_ in ("NOUN", "PROPN")
        and frame_of(tok) is not None
        and (words := complement(tok))
    ]
    if not ends:
        return groups
    doc = sent.doc
    out = []
    for g in groups:
        cut = next((e for e in ends if g.start < e < g.end), None)
        ents = tuple(e for e in g.ents if e.start >= cut) if cut is not None else ()
        if not ents:
            out.append(g)
            continue
        # the case of the name itself, read from its last word (the tagger often misreads a first name after a
        # genitive), or of the post words that now open the group
        actor = min(ents, key=lambda e: (e.label_ != "Person", e.start))
        first = doc[cut]
        if first.i < actor.start and case_of(first) and first.pos_ in ("NOUN", "ADJ", "DET"):
            case = case_of(first)
        else:
            case = next((case_of(t) for t in reversed(actor) if case_of(t)), "")
        out.append(Group(cut, g.end, ents, "", case))
    return out


def gathering_frame(tok: Token) -> Token | None:
    """The frame word when a gathering only frames another event («на полях саммита», «в рамках форума»,
    «в рамках участия во встрече министров … стран …»)."""
    lem = lemma(tok)
    if tok.pos_ not in ("NOUN", "PROPN") or (lem not in GATHERINGS and lem not in GROUP_MEETINGS):
        return None
    frame = frame_of(tok)
    if frame is None or lem in GROUP_MEETINGS and not of_many(tok, frame):
        return None
    return frame


def _new_gathering(doc: Doc, noun: Token, sent: Span, of: list[Span], d: Draft) -> Draft:
    """A Meeting draft for a gathering: the bodies and states it is of and the inner event's people take
    part, a format or initiative it is of is its object, the place after it is where it was held."""
    m = Mention("Meeting", noun, sent, GATHERING_CONFIDENCE, True)
    parts = [(e, None) for e in of if e.label_ != "Initiative"] + [(e, None) for e, _ in d.parts]
    m.parts = dedup(doc, parts)
    m.concerns = [e for e in of if e.label_ == "Initiative"]
    at = [
        g.actor
        for g in event_groups(sent)
        if g.prep in ("в", "во")
        and g.case == "Loc"
        and 0 < g.start - noun.i <= PLACE_WINDOW
        and g.actor.label_ in ("Place", "State")
    ]
    target = Draft(
        m,
        list(m.parts),
        keys_of(doc, m.parts),
        place=at[0] if at else d.place,
        concerns=list(m.concerns),
        date=d.date,
        partial_date=d.partial_date,
        date_text=d.date_text,
    )
    if at and d.place is not None and d.place.start == at[0].start:
        d.place = None if d.main.type in FAMILY else d.place
    return target


def gatherings(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """The summits, forums, sessions and meetings of many inside which the drafts were held, as Meeting
    drafts of their own (each draft's ``sub_of`` set to its gathering).

    «На полях саммита АСЕАН в Джакарте премьер Вьетнама встретился с президентом Филиппин», «В рамках участия
    во встрече министров финансов стран «Группы двадцати» министр Чили провел переговоры с коллегой из Перу».
    """
    added: list[Draft] = []
    for d in list(drafts):
        if d.main.type == "Statement":
            continue
        sent = d.main.sent
        noun = next((t for t in sent if t.i < d.main.trigger.i and gathering_frame(t) is not None), None)
        if noun is None:
            continue
        # the bodies, formats and states the gathering is of: the names in its complement
        inside = {t.i for t in complement(noun)}
        of = [
            e
            for e in sent.ents
            if e.label_ in ("Organization", "Initiative", "State")
            and all(i in inside for i in range(e.start, e.end))
        ]
        keys = {ent_key(e) for e in of}
        target = next(
            (
                g
                for g in drafts + added
                if g is not d
                # an earlier gathering, or a summit the article reported as an event of its own
                and (any(g is a for a in added) or lemma(g.main.trigger) in GATHERINGS)
                and lemma(g.main.trigger) == lemma(noun)
                and {ent_key(c) for c in g.concerns} | {ent_key(e) for e, _ in g.parts} >= keys
            ),
            None,
        )
        if target is None:
            target = _new_gathering(doc, noun, sent, of, d)
            added.append(target)
        d.sub_of = target
    return added
