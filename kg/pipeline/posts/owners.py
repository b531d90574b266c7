"""A name in the genitive inside a post phrase is whose the body is, not who holds the post: «гендиректор компании
Петра Сидорова «Север» Иван Орлов» (Орлов is the director, Сидоров the company's owner), «пресс-секретарь
президента Ивана Петрова Олег Волков» (Волков is the press secretary)."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from kg.pipeline.cues import case_of
from kg.pipeline.posts.holders import phrase_back
from kg.pipeline.posts.phrases import PostPhrase, post_phrase
from kg.pipeline.posts.word import ents_in

#: the marks that may stand around the name of the body between the two names
QUOTES = ("«", "»", '"')


@dataclass(frozen=True)
class Possessed:
    """A post phrase, the name in the genitive inside it, and the one who holds the post, named after."""

    post: PostPhrase
    possessor: Span  # «Петра Сидорова»
    holder: Span  # «Иван Орлов»
    body: Span | None  # the body's name between the two names («Север»), when the text gives one


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
            or _case(a) != "Gen"
        ):
            continue
        got = post_phrase(doc, phrase_back(doc, a.start, sent.start), a.start)
        # the holder agrees with the post word: «гендиректор … Иван Орлов», «с гендиректором … Иваном Орловым»
        if got is None or _case(b) not in ("", case_of(doc[got.start])) and case_of(doc[got.start]):
            continue
        out.append(Possessed(got, a, b, names[0] if names else None))
    return out
