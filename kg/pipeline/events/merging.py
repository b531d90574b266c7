"""Mentions of one happening merged into one draft, and the confidence of each event.

A noun that only refers back («В ходе переговоров …», «Эта встреча стала …») becomes evidence of the event
before it, unless it tells of an earlier happening («Ранее, в марте, …»).
"""

from __future__ import annotations

from spacy.tokens import Doc

from kg.pipeline.cues import ent_key, lemma
from kg.pipeline.events.groups import actor_key
from kg.pipeline.events.lexicon import DOCUMENTS, FAMILY
from kg.pipeline.events.types import Draft, Mention, Part

# an event with both sides named is surer than its cue alone
BOTH_SIDES_BONUS = 0.05
# a talk, signing or invitation with one named side may be misread
ONE_SIDE_PENALTY = 0.15
# sides resolved from «стороны», «министры» are a guess, however sure the cue
IMPLIED_CAP = 0.65
# no event is certain, none worthless
CONFIDENCE_FLOOR, CONFIDENCE_CEILING = 0.05, 0.95
# types whose one named side is the whole story (a supporter, a donor, a visitor)
ONE_SIDED = ("InitiativeSupport", "AidDelivery", "StateVisit")


def keys_of(doc: Doc, parts: list[Part]) -> dict[str, str | None]:
    """Actor key → role of some participants."""
    return {actor_key(doc, e): role for e, role in parts}


def dates_differ(a: Mention, b: Mention) -> bool:
    """Whether two mentions state different days of their own (a dateline's date is no statement)."""
    if not (a.own_date and b.own_date):
        return False
    da, db = a.date or a.partial_date or "", b.date or b.partial_date or ""
    if len(da) == len(db) or not (da.startswith("--") or db.startswith("--")):
        return da != db
    # a full date and a day without its year: compare month and day
    return da[-5:] != db[-5:]


def _compatible(d: Draft, m: Mention, keys: dict[str, str | None]) -> bool:
    """Whether a mention may tell of a draft's happening: no actor in another role, one set of sides within
    the other (or the same sentence), the same initiatives supported."""
    if not keys or not d.keys:
        return False
    if any(
        k in d.keys and d.keys[k] != r and r is not None and d.keys[k] is not None for k, r in keys.items()
    ):
        return False
    if m.type == "InitiativeSupport":
        return {ent_key(c) for c in m.concerns} == {ent_key(c) for c in d.concerns}
    if m.sent == d.main.sent:
        return True
    a, b = set(keys), set(d.keys)
    return a <= b or b <= a


def _target(drafts: list[Draft], m: Mention, keys: dict[str, str | None]) -> tuple[Draft | None, bool]:
    """The draft a mention belongs to (None: a new one), and whether a mention without one is dropped."""
    fam = FAMILY.get(m.type, m.type)
    # a planned visit and a cancelled one are two happenings, and neither is the visit told as done
    same = [d for d in drafts if FAMILY.get(d.main.type, d.main.type) == fam and d.main.status == m.status]
    if not keys or m.implied and m.type in FAMILY or not m.primary and m.type in FAMILY:
        target = same[-1] if same else None
        return target, target is None and not keys
    target = next(
        (
            d
            for d in reversed(same)
            if (d.main.type == m.type or m.type in FAMILY) and _compatible(d, m, keys)
        ),
        None,
    )
    if target is None and m.implied and same and m.type != "InitiativeSupport":
        target = next((d for d in reversed(same) if d.main.type == m.type), None)
    if (
        target is not None
        and m.primary
        and m.sent != target.main.sent
        and (m.earlier or dates_differ(target.main, m))
    ):
        # «Ранее, в марте, Аларкон провел телефонный разговор с Руисом»: another happening of the same sides,
        # not the talks reported before
        target = None
    return target, False


def merge(doc: Doc, mentions: list[Mention]) -> list[Draft]:
    """One draft per happening; mentions that only refer back become evidence."""
    drafts: list[Draft] = []
    order = sorted(mentions, key=lambda m: (m.sent.start, not m.primary, m.trigger.i))
    for m in order:
        keys = keys_of(doc, m.parts)
        target, drop = _target(drafts, m, keys)
        if drop:
            continue
        if target is None:
            drafts.append(
                Draft(
                    m,
                    list(m.parts),
                    dict(keys),
                    place=m.place,
                    concerns=list(m.concerns),
                    level=m.level,
                    date=m.date,
                    partial_date=m.partial_date,
                    date_text=m.date_text,
                )
            )
            continue
        _absorb(doc, target, m, keys)
    return drafts


def _absorb(doc: Doc, d: Draft, m: Mention, keys: dict[str, str | None]) -> None:
    """A mention added to a draft: its sentence as evidence, new sides and roles, what the draft lacks."""
    if m.sent != d.main.sent and all(m.sent != e for e in d.evidence):
        d.evidence.append(m.sent)
    if m.primary and not m.implied:
        for (ent, role), key in zip(m.parts, keys):
            if key not in d.keys:
                d.keys[key] = role
                d.parts.append((ent, role))
            elif d.keys[key] is None and role is not None:
                d.keys[key] = role
                d.parts = [(e, role if actor_key(doc, e) == key else r) for e, r in d.parts]
    d.place = d.place or m.place
    d.level = d.level or m.level
    if not d.concerns and m.concerns:
        d.concerns = list(m.concerns)
    if not (d.date or d.partial_date or d.date_text) and (m.date or m.partial_date or m.date_text):
        d.date, d.partial_date, d.date_text = m.date, m.partial_date, m.date_text


def confidence(d: Draft) -> float:
    """The cue's confidence, raised for two named sides, lowered for one, capped for implied sides."""
    named = sum(1 for e, _ in d.parts)
    conf = d.main.confidence + (BOTH_SIDES_BONUS if named >= 2 and not d.main.implied else 0.0)
    if named < 2 and d.main.type not in ONE_SIDED:
        conf -= ONE_SIDE_PENALTY
    if d.main.implied:
        conf = min(conf, IMPLIED_CAP)
    return round(max(CONFIDENCE_FLOOR, min(conf, CONFIDENCE_CEILING)), 2)


def kept(d: Draft) -> bool:
    """A talk or meeting needs two named sides («встреча с избирателями», «беседа с журналистами» do not)."""
    return d.main.type not in FAMILY or len(d.parts) >= 2


def told_as_done(d: Draft, done: list[Draft]) -> bool:
    """Whether a draft not told as having happened is the same happening as one told as done: the same type
    (or family), one set of sides within the other."""
    fam = FAMILY.get(d.main.type, d.main.type)
    a = set(d.keys)
    return any(
        FAMILY.get(o.main.type, o.main.type) == fam and a and (a <= set(o.keys) or set(o.keys) <= a)
        for o in done
    )


def fold_documents(drafts: list[Draft]) -> list[Draft]:
    """A document named only by a noun with its sides («ратификация договора между Москвой и Вашингтоном»)
    is the signing the article tells with a verb, when it tells exactly one: its sentence becomes evidence
    of that signing, whatever comes first."""
    told = [d for d in drafts if d.main.type == "AgreementSigning" and d.main.primary]
    if len(told) != 1:
        return drafts
    out = []
    for d in drafts:
        if d.main.type == "AgreementSigning" and not d.main.primary and lemma(d.main.trigger) in DOCUMENTS:
            if all(d.main.sent != e for e in told[0].evidence) and d.main.sent != told[0].main.sent:
                told[0].evidence.append(d.main.sent)
            continue
        out.append(d)
    return out
