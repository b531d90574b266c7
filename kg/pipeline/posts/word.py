"""The words of a post phrase: tokens joined across hyphens, and which of them name a post."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from kg.folding import fold, unyo
from kg.morphology import nominative
from kg.pipeline.cues import ent_key, lemma
from kg.pipeline.posts.lexicon import heads


@dataclass(frozen=True)
class Word:
    """A word of a post phrase: one token, or several joined by a hyphen («премьер-министра»)."""

    start: int  # token offsets
    end: int
    text: str
    lemma: str  # «премьер-министр»: the parts before the hyphen as written, the last one's lemma
    last: Token  # the token that carries the word's grammar

    @property
    def pos(self) -> str:
        """The part of speech of the word."""
        return self.last.pos_


def words(doc: Doc, start: int, end: int) -> list[Word]:
    """The words of doc[start:end], hyphenated compounds joined («вице», «-», «губернатор» → «вице-губернатор»)."""
    out: list[Word] = []
    i = start
    while i < end:
        j = i
        while (
            j + 2 < end
            and doc[j + 1].text == "-"
            and not doc[j].whitespace_
            and not doc[j + 1].whitespace_
            and doc[j].is_alpha
            and doc[j + 2].is_alpha
        ):
            j += 2
        toks = doc[i : j + 1]
        prefix = fold("".join(t.text_with_ws for t in toks[:-1]))
        out.append(Word(i, j + 1, toks.text, prefix + lemma(toks[-1]), toks[-1]))
        i = j + 1
    return out


def head_lemma(word: Word) -> tuple[str, bool] | None:
    """(lemma of the post a word names, whether it is a former one) or None: «экс-премьера» → («премьер», True)."""
    lem = word.lemma
    if lem not in heads() and word.pos == "VERB":
        lem = nominative_word(word)  # a participle used as a noun: «управляющий», «командующего»
    if lem in heads():
        return lem, False
    for prefix in ("экс-", "экс "):
        if lem.startswith(prefix) and lem[len(prefix) :] in heads():
            return lem[len(prefix) :], True
    return None


def nominative_word(word: Word) -> str:
    """The word in the nominative, lower case: «командующего» → «командующий», «вице-премьера» → «вице-премьер»."""
    tok = word.last
    last = nominative(tok.text, "NOUN" if tok.pos_ == "PROPN" else tok.pos_, tok.morph.to_dict()).lower()
    return fold(word.text[: len(word.text) - len(tok.text)] + last)


#: the key of the per-Doc index of persons by surname in ``doc.user_data`` (strings only, so the Doc pickles)
_PERSONS = "kg_posts_persons"


def person_key(doc: Doc, ent: Span) -> str:
    """:func:`kg.pipeline.cues.person_key` (a surname alone is the full name named elsewhere in the article),
    read from an index of the article's persons by surname built once per Doc instead of a scan of every
    entity for every name (dropped by :func:`forget_persons`)."""
    key = ent_key(ent)
    if ent.label_ != "Person" or ent.kb_id_:
        return key
    index = doc.user_data.get(_PERSONS)
    if index is None:
        index = {}
        for other in ents_of(doc):
            if other.label_ == "Person":
                owords = unyo(other._.kg_norm or other.text).split()
                if owords:
                    index.setdefault(owords[-1].lower(), []).append(
                        (len(owords), other.kb_id_, ent_key(other))
                    )
        doc.user_data[_PERSONS] = index
    words = unyo(ent._.kg_norm or ent.text).split()
    for n, kb_id, other_key in index.get(words[-1].lower(), []) if words else []:
        if n > len(words):
            return other_key
        if kb_id and n >= len(words):
            return kb_id
    return key


def forget_persons(doc: Doc) -> None:
    """Drop the indexes of :func:`person_key` and :func:`ents_of` (the entities may change after)."""
    doc.user_data.pop(_PERSONS, None)
    doc.user_data.pop(_ENTS, None)
    doc.user_data.pop(_MENTIONS, None)


_ENTS = "kg_posts_ents"


def ents_of(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, built once per reading of a Doc (spaCy builds the tuple anew from every token on each
    access); the posts reader does not change the entities while it reads. Dropped by :func:`forget_persons`."""
    cached = doc.user_data.get(_ENTS)
    if cached is None:
        ents = tuple(doc.ents)
        cached = doc.user_data[_ENTS] = (ents, [e.start for e in ents])
    return cached[0]


def ents_in(doc: Doc, start: int, end: int) -> list[Span]:
    """The entities wholly within tokens [start, end), found by bisection in :func:`ents_of`."""
    ents = ents_of(doc)
    starts = doc.user_data[_ENTS][1]
    out = []
    for e in ents[bisect_left(starts, start) :]:
        if e.start >= end:
            break
        if e.end <= end:
            out.append(e)
    return out


_MENTIONS = "kg_posts_mentions"


def nearest_mention(doc: Doc, key: str, near: int) -> Span | None:
    """:func:`kg.pipeline.cues.nearest_mention` (the mention of an actor nearest a token offset, preferring one
    before it), read from an index of the mentions by key built once per reading of a Doc."""
    index = doc.user_data.get(_MENTIONS)
    if index is None:
        index = doc.user_data[_MENTIONS] = {}
        for e in ents_of(doc):
            index.setdefault(ent_key(e), []).append(e)
    cands = index.get(key)
    if not cands:
        return None
    return min(cands, key=lambda e: (abs(e.start - near) + (0 if e.start <= near else 5), e.start))
