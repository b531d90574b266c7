"""Shared helpers of the event, post and figure components: the cue lexicons and «actor groups».

An actor group is a stretch of a sentence that names one actor, with the post words around the names:
«вице-премьер, министр иностранных дел Чили Педро Аларкон», «с главой МИД Перу Хуаном Руисом». Its
preposition and grammatical case say which part the actor plays in a clause; its actor is the Person when one
is named, else the State, Organization or Place.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from kg.datafiles import rows
from kg.dateline import find_dateline
from kg.folding import fold, unyo
from kg.pipeline.syntax import dep_of, head_of
from kg.records import TextSpan

ACTOR_LABELS = ("Person", "State", "Organization", "Place")
_ACTOR_RANK = {"Person": 0, "State": 1, "Organization": 2, "Place": 3}


@dataclass(frozen=True)
class Cue:
    """One trigger word of an event type, with the words one of which must stand near it."""

    type: str
    lemma: str
    pos: str  # VERB or NOUN
    needs: tuple[str, ...]
    confidence: float


@lru_cache(maxsize=1)
def event_cues() -> dict[str, tuple[Cue, ...]]:
    """Event cues by lemma, from ``kg/data/event_cues.tsv``."""
    out: dict[str, list[Cue]] = {}
    for row in rows("event_cues.tsv"):
        type_, lemma, pos, needs, conf = (row + [""] * 5)[:5]
        cue = Cue(type_, lemma, pos, tuple(n for n in needs.split("|") if n), float(conf or 0.5))
        out.setdefault(lemma, []).append(cue)
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def post_words() -> dict[str, tuple[str, str]]:
    """Post words by lemma: (kind, generic role), from ``kg/data/post_words.tsv``."""
    return {row[0]: (row[1], (row + ["", "", ""])[2]) for row in rows("post_words.tsv")}


def lemma(token: Token) -> str:
    """The token's lemma, «ё» read as «е», lower case."""
    return fold(token.lemma_ or token.lower_)


def case_of(token: Token) -> str:
    """The token's grammatical case from the tagger, or ''."""
    case = token.morph.get("Case")
    return case[0] if case else ""


def ents_within(doc: Doc, start: int, end: int) -> list[Span]:
    """The spans of ``doc.ents`` wholly within tokens [start, end), read from those tokens only: ``doc.ents``
    (and ``Span.ents``) build every entity of the Doc, which made a reader asking once per sentence or per name
    cost the text squared."""
    out, open_at, end = [], -1, min(end, len(doc))
    for i in range(max(start, 0), end):
        iob = doc[i].ent_iob
        if iob == 1:  # inside: goes on with the open entity (or one begun before ``start``)
            continue
        if open_at >= 0:
            out.append(_ent(doc, open_at, i))
        open_at = i if iob == 3 and doc[i].ent_type else -1
    if open_at >= 0 and not (end < len(doc) and doc[end].ent_iob == 1):
        out.append(_ent(doc, open_at, end))
    return out


def _ent(doc: Doc, start: int, end: int) -> Span:
    first = doc[start]
    return Span(doc, start, end, label=first.ent_type, kb_id=first.ent_kb_id, span_id=first.ent_id)


def ent_at(token: Token) -> Span | None:
    """The entity span a token lies in, if any."""
    if not token.ent_type_:
        return None
    sent = token.sent if token.doc.has_annotation("SENT_START") else None
    for ent in ents_within(token.doc, sent.start, sent.end) if sent is not None else token.doc.ents:
        if ent.start <= token.i < ent.end:
            return ent
    return None


# words that may stand inside an actor group between and before names
_GROUP_PUNCT = {",", "—", "–", "-", "«", "»", '"'}  # quotes: «лидер партии «Заря» Иван Петров»
_GROUP_EXTRA = {
    "свой",
    "его",
    "ее",
    "их",
    "коллега",
    "делегация",
    "из",
    "партия",
    "правительство",
    "госсовет",
    "политбюро",
    "цк",
    "ведомство",
    "мид",
    "глава",
    "и.о.",
    "исполняющий",
    "обязанность",
    # the first half of a hyphenated post: «экс-премьер», «вице-губернатор»
    "экс",
    "вице",
}


def is_post_word(token: Token) -> bool:
    """Whether a token may be part of the post words that go with a name."""
    lem = lemma(token)
    if lem in post_words() or lem in _GROUP_EXTRA:
        return True
    return token.pos_ == "ADJ" and token.text[:1].islower() and lem.endswith(("ский", "цкий", "ный", "ий"))


@dataclass(frozen=True)
class Group:
    """A stretch naming one actor: its first and last token, its entities, preposition and case."""

    start: int  # token offsets
    end: int
    ents: tuple[Span, ...]
    prep: str  # the preposition before it, lower case, or ''
    case: str  # Nom, Gen, Dat, Acc, Ins, Loc or ''

    @property
    def actor(self) -> Span:
        """The entity that stands for the group: a Person over a State over an Organization over a Place."""
        return min(self.ents, key=lambda e: (_ACTOR_RANK.get(e.label_, 9), e.start))


def _group_case(doc: Doc, start: int, ents: tuple[Span, ...]) -> str:
    first = doc[start]
    if case_of(first) and first.pos_ in ("NOUN", "PROPN", "ADJ", "DET"):
        return case_of(first)
    actor = min(ents, key=lambda e: (_ACTOR_RANK.get(e.label_, 9), e.start))
    for tok in actor:
        if case_of(tok):
            return case_of(tok)
    return ""


def actor_groups(sent: Span) -> list[Group]:
    """The actor groups of a sentence, in text order."""
    doc = sent.doc
    ents = [e for e in ents_within(doc, sent.start, sent.end) if e.label_ in ACTOR_LABELS]
    groups: list[list[Span]] = []
    starts: list[int] = []
    for ent in ents:
        if groups:
            prev = groups[-1][-1]
            between = doc[prev.end : ent.start]
            # an abbreviation in brackets after a body's name stays in the group: «союза (НСП) Ивана Орлова»
            if (
                len(between) == 3
                and between[0].text == "("
                and between[2].text == ")"
                and between[1].is_upper
            ):
                between = doc[ent.start : ent.start]
            linked = all(is_post_word(t) or t.text in _GROUP_PUNCT for t in between) and not (
                len(between) == 1 and between[0].text == "," and ent.label_ == prev.label_ == "State"
            )
            # «Чили и Перу» are two actors; «министр … Чили Педро Аларкон» is one
            # a place joins a name only as part of a post («мэра Лимы Хуана Руиса»), not «в Лиме Хуан Руис»
            place_ok = prev.label_ != "Place" or prev.start > 0 and lemma(doc[prev.start - 1]) in post_words()
            if linked and place_ok and not (prev.label_ == ent.label_ == "Person"):
                groups[-1].append(ent)
                continue
        left = ent.start
        while (
            left > sent.start
            and is_post_word(doc[left - 1])
            or left > sent.start + 1
            and doc[left - 1].text in (",", "—", "–", "-")
            and is_post_word(doc[left - 2])
            and (
                lemma(doc[left - 2]) in post_words()
                # a hyphen inside a word: «экс-председатель», «вице-губернатор»
                or doc[left - 1].text == "-"
                and not doc[left - 2].whitespace_
                and not doc[left - 1].whitespace_
            )
            or left > sent.start + 1
            and doc[left - 1].text in ("«", '"')
            and lemma(doc[left - 2]) in post_words()  # «лидер «Зари» …», «клуба «Маяк»» stays apart
        ):
            if groups and left <= groups[-1][-1].end:
                break
            left -= 1
        groups.append([ent])
        starts.append(left)
    out = []
    for members, start in zip(groups, starts):
        prep = ""
        if start > sent.start and doc[start - 1].pos_ == "ADP":
            prep = doc[start - 1].lower_
        members_t = tuple(members)
        out.append(Group(start, members[-1].end, members_t, prep, _group_case(doc, start, members_t)))
    return out


_VERBAL = ("VERB", "AUX")


def governor(token: Token) -> Token:
    """The nearest verb above a token (the token itself when it is a verb); the root when none is."""
    seen = set()
    tok = token
    while tok.i not in seen:
        seen.add(tok.i)
        if tok.pos_ in _VERBAL or tok.pos_ == "ADJ" and "Short" in tok.morph.get("Variant"):
            return tok
        head = head_of(tok)
        if head.i == tok.i:
            return tok
        tok = head
    return tok


def group_governor(group: Group) -> Token:
    """The verb that governs a group (read from its actor's head word)."""
    actor = group.actor
    doc = actor.doc
    inside = set(range(group.start, group.end))
    tok = actor.root if actor.root.i in inside else doc[group.start]
    # climb out of the group first: post words point at each other
    seen = set()
    while head_of(tok).i in inside and head_of(tok).i != tok.i and tok.i not in seen:
        seen.add(tok.i)
        tok = head_of(tok)
    if head_of(tok).i == tok.i:
        return tok
    return governor(head_of(tok))


def ent_key(ent: Span) -> str:
    """A key telling mentions of one actor apart within an article (gazetteer key, else nominal form)."""
    if ent.kb_id_:
        return ent.kb_id_
    norm = fold(ent._.kg_norm or ent.text)
    return f"{ent.label_.lower()}/{norm}"


def person_index(doc: Doc) -> dict[str, list[tuple[int, str, str]]]:
    """The article's persons by the last word of their name, in text order: (words, kb id, key) of each. A
    reader that keeps it while the entities stay as they are gives it to :func:`person_key`."""
    index: dict[str, list[tuple[int, str, str]]] = {}
    for other in doc.ents:
        if other.label_ == "Person":
            owords = unyo(other._.kg_norm or other.text).split()
            if owords:
                index.setdefault(owords[-1].lower(), []).append((len(owords), other.kb_id_, ent_key(other)))
    return index


def person_key(doc: Doc, ent: Span, index: dict[str, list[tuple[int, str, str]]] | None = None) -> str:
    """A person's key; a surname alone («Аларкона») maps to the full name named elsewhere in the article. With
    the :func:`person_index` of the Doc, only the persons of the same last word are read."""
    key = ent_key(ent)
    if ent.label_ != "Person" or ent.kb_id_:
        return key
    norm = unyo(ent._.kg_norm or ent.text)
    words = norm.split()
    if index is not None and words:
        for n, kb_id, other_key in index.get(words[-1].lower(), []):
            if n > len(words):
                return other_key
            if kb_id and n >= len(words):
                return kb_id
        return key
    for other in doc.ents:
        if other.label_ != "Person" or other is ent:
            continue
        onorm = unyo(other._.kg_norm or other.text)
        owords = onorm.split()
        if len(owords) > len(words) and owords[-1].lower() == words[-1].lower():
            return ent_key(other)
        if other.kb_id_ and len(owords) >= len(words) and owords[-1].lower() == words[-1].lower():
            return other.kb_id_
    return key


def ent_by_offsets(doc: Doc, start: int, end: int) -> Span | None:
    """The entity span with exactly these character offsets: the span of ``doc.ents`` read from its own tokens
    (``doc.ents`` builds every entity of the Doc, which made a reader asking for each name cost the text squared)."""
    span = doc.char_span(start, end)
    if span is None or not len(span):
        return None
    first, after = doc[span.start], span.end
    if first.ent_iob_ != "B" or not first.ent_type_:
        return None
    if any(t.ent_iob_ != "I" for t in span[1:]) or after < len(doc) and doc[after].ent_iob_ == "I":
        return None
    return _ent(doc, span.start, span.end)


def main_states(doc: Doc) -> list[Span]:
    """The article's two most mentioned states (by key), as their first mentions; [] when not two."""
    counts: Counter[str] = Counter()
    first: dict[str, Span] = {}
    for ent in doc.ents:
        if ent.label_ == "State":
            key = ent_key(ent)
            counts[key] += 1
            first.setdefault(key, ent)
    ranked = sorted(counts, key=lambda k: (-counts[k], first[k].start))
    if len(ranked) < 2 or (len(ranked) > 2 and counts[ranked[1]] == counts[ranked[2]]):
        return []
    return [first[k] for k in ranked[:2]]


def nearest_mention(doc: Doc, key: str, near: int) -> Span | None:
    """The mention of an actor (by key) nearest a token offset, preferring one before it."""
    cands = [e for e in doc.ents if ent_key(e) == key]
    if not cands:
        return None
    return min(cands, key=lambda e: (abs(e.start - near) + (0 if e.start <= near else 5), e.start))


def dateline(doc: Doc) -> tuple[Span | None, Span | None, tuple[int, int] | None]:
    """(place entity, sentence, (start, end) of the date words) of a dateline in the first lines, when found."""
    found = find_dateline(doc.text)
    if found is None:
        return None, None, None
    place = next(
        (
            e
            for e in doc.ents
            if found.line_start <= e.start_char < found.date_start
            and e.label_ in ("Place", "State")
            and not doc.text[found.line_start : e.start_char].strip()
        ),
        None,
    )
    if place is None:
        return None, None, None
    span = doc.char_span(found.date_start, found.date_end, alignment_mode="expand")
    return place, span.sent if span is not None else None, (found.date_start, found.date_end)


def in_skipped(sent: Span) -> bool:
    """Whether a sentence overlaps a line the gazetteer set aside as no news (an advert, a photo credit,
    «Читайте также»: ``doc.spans["kg_skipped"]``); no event, post or figure is read from it."""
    doc = sent.doc
    return "kg_skipped" in doc.spans and any(
        s.start < sent.end and sent.start < s.end for s in doc.spans["kg_skipped"]
    )


def sentence_span(sent: Span) -> TextSpan:
    """A sentence as a TextSpan, without the spaces and line breaks it ends with."""
    text = sent.text.rstrip()
    return TextSpan(sent.start_char, sent.start_char + len(text), text)


def clause_dep(token: Token) -> str:
    """The relation of a token to its head (base part only: «nsubj:pass» → «nsubj»)."""
    return dep_of(token).split(":")[0]
