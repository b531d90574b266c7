"""``kg_slovnet_morph``: UD part of speech, features and lemmas from the Slovnet tagger and pymorphy3."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc, Token

from kg.morphology import lemma_of
from kg.pipeline import models

MAX_TOKENS = 250  # Slovnet tags a sentence at a time; very long "sentences" (tables, lists) are cut


def sentence_chunks(doc: Doc) -> Iterator[list[Token]]:
    """Non-space tokens of each sentence, in chunks the taggers accept."""
    for sent in doc.sents:
        tokens = [t for t in sent if not t.is_space]
        for i in range(0, len(tokens), MAX_TOKENS):
            if tokens[i : i + MAX_TOKENS]:
                yield tokens[i : i + MAX_TOKENS]


class SlovnetMorph:
    """Tags every token with Slovnet's POS and features; lemmas from pymorphy3 agreeing with them."""

    def __init__(self, name: str = "kg_slovnet_morph") -> None:
        self.name = name

    def find(self, doc: Doc) -> list[tuple[Token, str, dict[str, str]]]:
        """(token, pos, feats) for every non-space token."""
        chunks = list(sentence_chunks(doc))
        tagged = models.slovnet_morph().map([[t.text for t in chunk] for chunk in chunks])
        found = []
        for chunk, markup in zip(chunks, tagged):
            for token, tag in zip(chunk, markup.tokens):
                found.append((token, tag.pos, dict(tag.feats)))
        return found

    def set_annotations(self, doc: Doc, found: list[tuple[Token, str, dict[str, str]]]) -> None:
        """Write POS, morphology and lemma on the tokens."""
        for token, pos, feats in found:
            token.pos_ = pos
            token.set_morph("|".join(f"{k}={v}" for k, v in sorted(feats.items())) or None)
            token.lemma_ = lemma_of(token.text, pos, feats)
        for token in doc:
            if token.is_space:
                token.pos_ = "SPACE"

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.find(doc))
        return doc


@Language.factory("kg_slovnet_morph", assigns=["token.pos", "token.morph", "token.lemma"])
def make_morph(nlp: Language, name: str) -> SlovnetMorph:
    """Factory of the Slovnet morphology tagger."""
    return SlovnetMorph(name)
