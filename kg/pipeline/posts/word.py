"""The words of a post phrase: tokens joined across hyphens, and which of them name a post."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from kg.folding import fold
from kg.morphology import nominative
from kg.pipeline.cues import lemma
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
