"""Where a post is held: the state or organisation a post phrase names by an adjective, a generic noun or a
common noun of its own, or that its context gives it when it names none."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from kg.folding import fold
from kg.identity import names_state_body
from kg.lexicon import STATE_BOUND, body_state, lookup
from kg.morphology import nominative_phrase
from kg.pipeline.cues import case_of, ent_key, lemma, post_words
from kg.pipeline.posts.lexicon import (
    STATE_NOUNS,
    STATE_POST_STEMS,
    STATE_POSTS,
    STEM,
    body_nouns,
    seats,
)
from kg.pipeline.posts.word import Word, ents_in, ents_of, head_lemma, nearest_mention

#: the generic nouns of a state's own body: what they stand for is such a body, not any organisation
STATE_BODY_NOUNS = ("ведомство",)
#: the sentences before a generic body noun («мэр города») whose names it may stand for: its own and two more
BODY_SENTENCES_BACK = 2


def seat_of(doc: Doc, role: str, sent: Span, at: int) -> Span | None:
    """The body a post of one kind of body sits in when the text names none with it: the nearest such
    organisation in its sentence («В Сенате … спикер Иван Петров»), else the most specific kind named before
    («… в Палату общин … в парламенте … спикера Анны Ивановой» → the chamber)."""
    name = role.removeprefix("бывший ").split(" — ")[0].split()
    kinds = seats().get(name[-1]) if name else None
    if not kinds:
        return None

    def kind(e: Span) -> int | None:
        if e.label_ != "Organization":
            return None
        for word in (lemma(e[0]), fold(e[0].lower_)):
            if word in kinds:
                return kinds.index(word)
        return None

    bodies = [e for e in ents_of(doc) if kind(e) is not None]
    near = [e for e in bodies if sent.start <= e.start and e.end <= sent.end]
    if near:
        return min(near, key=lambda e: (e.start > at, abs(e.start - at)))
    before = [e for e in bodies if e.end <= at]
    return min(before, key=lambda e: (kind(e), at - e.start), default=None)


def body_of(doc: Doc, ws: list[Word]) -> Span | None:
    """«мэр города», «глава партии», «шеф концерна»: the body a generic noun right after the post's head
    stands for, the nearest entity of its kind named before it in its sentence or the two before."""
    heads = [i for i, w in enumerate(ws) if head_lemma(w) is not None]
    if not heads or heads[0] + 1 >= len(ws):
        return None
    noun = ws[heads[0] + 1]
    # only a bare singular genitive: «мэр нашего города» or «глава торговой делегации» qualify it
    if (
        noun.lemma not in body_nouns()
        or case_of(noun.last) != "Gen"
        or "Plur" in noun.last.morph.get("Number")
    ):
        return None
    if any(w.pos in ("NOUN", "PROPN", "ADJ") for w in ws[heads[0] + 2 :]):
        return None
    sent = doc[noun.start].sent
    low = sent.start
    for _ in range(BODY_SENTENCES_BACK):
        low = doc[low - 1].sent.start if low > 0 else low
    labels = body_nouns()[noun.lemma]
    before = [e for e in ents_of(doc) if e.label_ in labels and low <= e.start and e.end <= ws[0].start]
    if noun.lemma in STATE_BODY_NOUNS:
        # «глава ведомства» is the head of a state's body, not of the channel named before («в интервью Fox»)
        before = [
            e for e in before if body_state(e.kb_id_) is not None or names_state_body(e._.kg_norm or e.text)
        ]
    elif names_state_body(noun.lemma):
        # «депутат парламента», «глава министерства»: a body of that kind («Парламент Грузии»), not any
        before = [e for e in before if lemma(e[0]) == noun.lemma]
    return before[-1] if before else None


@dataclass(frozen=True)
class UnnamedBody:
    """A body a post is in that the text names by a common noun only («глава торговой делегации»)."""

    cut: int  # the index in the post phrase's words of the body's first word
    span: Span  # a new Organization span over its words
    norm: str  # its name in the nominative


def unnamed_body(doc: Doc, ws: list[Word]) -> UnnamedBody | None:
    """«глава торговой делегации», «представитель вооружённых сил», «капитан сборной команды»: a body a
    post is in that the text names by a common noun and no name. Only words after the last post word qualify,
    a body noun of ``post_bodies.tsv`` in the genitive or instrumental («заведующий отделом»), with its adjectives
    before it and the genitives after it; a body of places («мэр города») is no organisation."""
    heads = [i for i, w in enumerate(ws) if head_lemma(w) is not None]
    if not heads:
        return None
    for n in range(heads[-1] + 1, len(ws)):
        w = ws[n]
        if w.pos not in ("NOUN", "ADJ", "PROPN") or w.last.text[:1].isupper() and w.pos == "PROPN":
            return None
        if w.pos != "NOUN":
            continue
        if "Organization" not in body_nouns().get(w.lemma, ()) or case_of(w.last) not in ("Gen", "Ins"):
            return None
        if w.lemma == "сила" and not (n > 0 and ws[n - 1].lemma.startswith(("вооружен", "вооружён"))):
            return None  # «сил» is a body only as «вооружённых сил»
        first = n
        while first > heads[-1] + 1 and ws[first - 1].pos == "ADJ":
            first -= 1
        # «сборной команды»: two body nouns in one case are an adjective and its noun
        while (
            n + 1 < len(ws)
            and "Organization" in body_nouns().get(ws[n + 1].lemma, ())
            and case_of(ws[n + 1].last) == case_of(w.last)
        ):
            n += 1
        last = n + 1
        while last < len(ws) and (
            ws[last].pos in ("NOUN", "ADJ")
            and case_of(ws[last].last) == "Gen"
            or ws[last].lemma == "и"
            and last + 1 < len(ws)
            and ws[last + 1].pos == "NOUN"
        ):
            last += 1
        while ws[last - 1].pos != "NOUN":
            last -= 1
        span = Span(doc, ws[first].start, ws[last - 1].end, label="Organization")
        span.id_ = "descriptor"
        inflect = range(ws[first].start, ws[n].end)
        norm = nominative_phrase(
            [(t.text, t.pos_, t.morph.to_dict(), t.i in inflect) for t in span], [t.whitespace_ for t in span]
        )
        return UnnamedBody(first, span, norm)
    return None


def state_of_adjective(doc: Doc, ws: list[Word]) -> Span | None:
    """«российский министр», «британского премьера», «пермский губернатор»: the state or region the
    adjective names, as its nearest mention (a state before a region or city of the same stem). Only an
    adjective before the post's head qualifies the post: in «глава торговой делегации» it is the body's."""
    head = next((i for i, w in enumerate(ws) if head_lemma(w) is not None), len(ws))
    # … or one that qualifies the word for a state itself: «глава российского государства»; last, one that
    # qualifies a state's own body the post's name goes on with: «глава чилийского правительства» (not any
    # body: in «глава торговой делегации» it is the delegation's)
    of_state = [w for w, nxt in zip(ws[head:], ws[head + 1 :]) if nxt.lemma in STATE_NOUNS]
    own_bodies = {name.split()[0] for name in STATE_BOUND} | {"кабинет", "минфин", "минобороны"}
    of_body = [
        w for w, nxt in zip(ws[head:], ws[head + 1 :]) if nxt.lemma in own_bodies and w not in of_state
    ]
    for w in ws[:head] + of_state + of_body:
        if w.pos != "ADJ" or not w.lemma.endswith(("ский", "цкий")) or w.lemma in post_words():
            continue
        stem = w.lemma[:STEM]
        places = [e for e in ents_of(doc) if e.label_ in ("State", "Place") and stem in stems(e)]
        if places:
            return min(places, key=lambda e: (e.label_ != "State", abs(e.start - w.start), e.start))
    return None


def stems(ent: Span) -> set[str]:
    """The first letters of every name of a state or place («США» → also «амери» of «Америка»)."""
    names = [ent._.kg_norm or ent.text]
    entry = lookup(ent.kb_id_) if ent.kb_id_ else None
    if entry is not None:
        names += entry.names
    return {fold(n)[:STEM] for n in names}


def context_state(doc: Doc, role: str, sent: Span, at: int, whole: bool = True) -> Span | None:
    """The state a state's post named alone is in: the nearest state named before it in its sentence or the
    one before («в ходе визита в Чили договорился с президентом Хуаном Пересом»)."""
    base = role.removeprefix("бывший ").split(" — ")[0]
    if not is_state_post(base):
        return None
    start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    states = [e for e in ents_of(doc) if e.label_ == "State" and start <= e.start and e.end <= at]
    if states:
        return states[-1]
    # a post with a qualifier of its own («музыкальный король») is a figure of speech, not the article's state's
    if not whole:
        return None
    found = article_state(doc, at)
    if found is not None:
        return found
    # the one state the article names at all; else one named later in the sentence («Глава государства
    # Иван Петров и Председатель Правительства РФ Пётр Сидоров …»)
    keys = sorted({ent_key(e) for e in ents_of(doc) if e.label_ == "State"})
    if len(keys) == 1:
        return nearest_mention(doc, keys[0], at)
    # (a state inside an organisation's name counts: «Правительства РФ»)
    nested = list(doc.spans["kg_nested"]) if "kg_nested" in doc.spans else []
    later = [
        e
        for e in [*ents_in(doc, sent.start, sent.end), *nested]
        if e.label_ == "State" and at <= e.start and e.end <= sent.end
    ]
    return min(later, key=lambda e: e.start, default=None)


def is_state_post(name: str) -> bool:
    """Whether a post (its generic name) belongs to a state as a whole.

    >>> is_state_post("министр иностранных дел"), is_state_post("помощник заместителя госсекретаря")
    (True, True)
    >>> is_state_post("заместитель министерства"), is_state_post("главный тренер")
    (False, False)
    """
    parts = name.split()
    if not parts:
        return False
    if name in STATE_POSTS or parts[0] in STATE_POSTS:
        return True
    return any(w.startswith(STATE_POST_STEMS) and not w.startswith("министерств") for w in parts[1:])


def article_state(doc: Doc, near: int) -> Span | None:
    """The state an article is about: the one it names most often (at least twice, more than any other),
    as its mention nearest a token; None when no state stands out («Президент Перес» in a text on Chile)."""
    counts: dict[str, int] = {}
    for e in ents_of(doc):
        if e.label_ == "State":
            counts[ent_key(e)] = counts.get(ent_key(e), 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if not ranked or ranked[0][1] < 2 or len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None
    return nearest_mention(doc, ranked[0][0], near)
