"""``kg_slovnet_morph``: UD part of speech, features and lemmas from the Slovnet tagger and pymorphy3."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TypeVar

from spacy.language import Language
from spacy.tokens import Doc, Token

from kg.morphology import lemma_of
from kg.pipeline import models
from kg.pipeline.batching import Batched, by_length

Found = TypeVar("Found")

MAX_TOKENS = 250  # Slovnet tags a sentence at a time; very long "sentences" (tables, lists) are cut


def sentence_chunks(doc: Doc) -> Iterator[list[Token]]:
    """Non-space tokens of each sentence, in chunks the taggers accept."""
    for sent in doc.sents:
        tokens = [t for t in sent if not t.is_space]
        for i in range(0, len(tokens), MAX_TOKENS):
            if tokens[i : i + MAX_TOKENS]:
                yield tokens[i : i + MAX_TOKENS]


def doc_chunks(docs: list[Doc]) -> tuple[list[list[Token]], list[int]]:
    """The chunks of all the Docs, and how many each Doc has."""
    chunks, counts = [], []
    for doc in docs:
        mine = list(sentence_chunks(doc))
        chunks += mine
        counts.append(len(mine))
    return chunks, counts


def per_doc(found: list[list[Found]], counts: list[int]) -> list[list[Found]]:
    """Flatten the results of the chunks back into one list per Doc."""
    out, n = [], 0
    for count in counts:
        out.append([x for chunk in found[n : n + count] for x in chunk])
        n += count
    return out


class SlovnetMorph(Batched[list[tuple[Token, str, dict[str, str]]]]):
    """Tags every token with Slovnet's POS and features; lemmas from pymorphy3 agreeing with them."""

    def __init__(self, name: str = "kg_slovnet_morph") -> None:
        self.name = name

    def find_batch(self, docs: list[Doc]) -> list[list[tuple[Token, str, dict[str, str]]]]:
        """(token, pos, feats) for every non-space token of each Doc, the sentences of all tagged together."""
        chunks, counts = doc_chunks(docs)
        tagged = by_length(models.slovnet_morph().map, [[t.text for t in chunk] for chunk in chunks])
        found = [
            [(token, tag.pos, dict(tag.feats)) for token, tag in zip(chunk, markup.tokens)]
            for chunk, markup in zip(chunks, tagged)
        ]
        return per_doc(found, counts)

    def set_annotations(self, doc: Doc, found: list[tuple[Token, str, dict[str, str]]]) -> None:
        """Write POS, morphology and lemma on the tokens."""
        for token, pos, feats in found:
            token.pos_ = pos
            token.set_morph("|".join(f"{k}={v}" for k, v in sorted(feats.items())) or None)
            token.lemma_ = lemma_of(token.text, pos, feats)
        for token in doc:
            if token.is_space:
                token.pos_ = "SPACE"


@Language.factory("kg_slovnet_morph", assigns=["token.pos", "token.morph", "token.lemma"])
def make_morph(nlp: Language, name: str) -> SlovnetMorph:
    """Factory of the Slovnet morphology tagger."""
    return SlovnetMorph(name)
