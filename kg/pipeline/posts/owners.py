"""Owners and founders. A name in the genitive inside a post phrase is whose the body is, not who holds the post: «гендиректор компании
Петра Сидорова «Север» Иван Орлов» (Орлов is the director, Сидоров the company's owner), «пресс-секретарь
президента Ивана Петрова Олег Волков» (Волков is the press secretary). A word of owning or founding is no post: «основатель компании «Вега» Иван
Петров» founded the company (:func:`ownerships`)."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from kg.pipeline.cues import case_of, lemma
from kg.pipeline.posts.holders import phrase_back, word_start
from kg.pipeline.posts.lexicon import OWNING, body_nouns
from kg.pipeline.posts.phrases import PostPhrase, post_phrase
from kg.pipeline.posts.word import ents_in, head_lemma, words

#: the marks that may stand around the name of the body between the two names
QUOTES = ("«", "»", '"')


@dataclass(frozen=True)
class Possessed:
    """A post phrase, the name in the genitive inside it, and the one who holds the post, named after."""

    post: PostPhrase
    possessor: Span  # «Петра Сидорова»
    holder: Span  # «Иван Орлов»
    body: Span | None  # the body's name between the two names («Север»), when the text gives one
    own: PostPhrase | None = None  # the genitive name's own post in the phrase: «(президента Литвы) Йонаса …»


def _case(span: Span) -> str:
    return next((case_of(t) for t in span if case_of(t)), "")


def possessed(doc: Doc, sent: Span) -> list[Possessed]:
    """Each post phrase of the sentence followed by a name in the genitive and then, with at most the name of a
    body between, by a second name in the case of the post word."""
    persons = [e for e in ents_in(doc, sent.start, sent.end) if e.label_ == "Person"]
    out = []
    for a, b in zip(persons, persons[1:]):
        between = doc[a.end : b.start]
        names = [e for e in ents_in(doc, a.end, b.start) if e.label_ != "Person"]
        named = {i for e in names for i in range(e.start, e.end)}
        # (a quoted name the tagger did not take for one counts as the body's name too: «компании Петрова «Вега»»)
        if len(between) > 2 and between[0].text == "«" and between[-1].text == "»":
            named |= set(range(between.start, between.end))
        if (
            len(names) > 1
            or any(t.i not in named and t.text not in QUOTES for t in between)
            or a.start == sent.start
            or doc[a.start - 1].pos_ != "NOUN"
            and doc[a.start - 1].ent_type_ in ("", "Person")
            or _case(a) != "Gen"
        ):
            continue
        got = post_phrase(doc, phrase_back(doc, a.start, sent.start), a.start)
        # the holder agrees with the post word: «гендиректор … Иван Орлов», «с гендиректором … Иваном Орловым»
        if got is None or _case(b) not in ("", case_of(doc[got.start])) and case_of(doc[got.start]):
            continue
        # «пресс-секретарь президента Литвы Йонаса Петраускаса Антанас Шимкус»: the last post word in the
        # genitive's case is the genitive name's own post
        inner = [w for w in words(doc, got.start + 1, a.start) if head_lemma(w) is not None]
        own = None
        if inner and case_of(inner[-1].last) == _case(a):
            own = post_phrase(doc, word_start(doc, inner[-1].start, got.start + 1), a.start)
        out.append(Possessed(got, a, b, names[0] if names else None, own))
    return out


#: the words of founding a body («основатель компании X Иван Петров»); the others of OWNING say owning it
FOUNDING = ("основатель", "сооснователь", "учредитель", "соучредитель")
#: how many words may stand between a word of owning and the body's name: «совладелец футбольного клуба «Заря»»
OWNER_REACH = 4


@dataclass(frozen=True)
class Owned:
    """A person who owns or founded a body, and the words that say it."""

    person: Span
    kind: str  # "owns" or "founded"
    body: Span
    words: tuple[int, int]  # token offsets of the word of owning or founding


def _owned_body(doc: Doc, word: int, sent: Span) -> Span | None:
    """The organisation a word of owning names right after it: «совладелец (футбольного клуба) «Заря»»."""
    for e in ents_in(doc, word + 1, min(sent.end, word + 2 + OWNER_REACH)):
        if e.label_ != "Organization":
            return None
        if all(
            t.text in QUOTES or t.pos_ in ("NOUN", "ADJ") and t.text[:1].islower()
            for t in doc[word + 1 : e.start]
        ):
            return e
        return None
    return None


def ownerships(doc: Doc, sent: Span) -> list[Owned]:
    """Who owns or founded which organisation in a sentence: «основатель компании «Вега» Иван Петров», «Иван
    Петров, совладелец «Норда»,», and the name in the genitive inside a post phrase whose body is a company
    («гендиректор компании Петра Сидорова «Вега» …»: Сидоров owns it)."""
    out = []
    for tok in sent:
        if lemma(tok) not in OWNING or tok.pos_ != "NOUN":
            continue
        body = _owned_body(doc, tok.i, sent)
        if body is None:
            continue
        kind = "founded" if lemma(tok) in FOUNDING else "owns"
        person = next(
            (e for e in ents_in(doc, body.end, min(sent.end, body.end + 3)) if e.label_ == "Person"), None
        )
        if person is not None and all(t.text in QUOTES for t in doc[body.end : person.start]):
            out.append(Owned(person, kind, body, (tok.i, tok.i + 1)))
            continue
        # «Иван Петров, совладелец «Норда», …»: the name the word stands in apposition to
        before = [e for e in ents_in(doc, sent.start, tok.i) if e.label_ == "Person"]
        if before and doc[before[-1].end : tok.i].text in (",", "—", "–"):
            out.append(Owned(before[-1], kind, body, (tok.i, tok.i + 1)))
    for p in possessed(doc, sent):
        noun = doc[p.possessor.start - 1]
        if (
            p.body is not None
            and p.body.label_ == "Organization"
            and "Organization" in body_nouns().get(lemma(noun), ())
        ):
            out.append(Owned(p.possessor, "owns", p.body, (noun.i, noun.i + 1)))
    return out
