"""``kg_sentences``: sentence boundaries from razdel, with line breaks as hard boundaries.

It also splits a one-letter name part that ends a sentence («… министр Ван И. Темой …»): the tokenizer reads
«И.» as an initial, which would hide both the name and the sentence end. After the name of a place or an
organisation the letter is an initial that starts a name («премьер-министр Японии Н. Кан»), not its end.
"""

from __future__ import annotations

import re
from bisect import bisect_right

import numpy
from razdel import sentenize
from spacy.attrs import SENT_START
from spacy.errors import Errors
from spacy.language import Language
from spacy.tokens import Doc

from kg.morphology import morph_analyzer

_LETTER_DOT = re.compile(r"^[А-ЯЁA-Z]\.$")


def _names_a_place(word: str) -> bool:
    """Whether pymorphy3's likeliest reading of a word is the name of a place or an organisation («Японии»; not
    «Ван», which may name a lake but mostly does not)."""
    return bool({"Geox", "Orgn"} & set(morph_analyzer().parse(word)[0].tag.grammemes))


class Sentences:
    """Marks ``token.is_sent_start`` from razdel's sentences; a paragraph break always ends a sentence."""

    def __init__(self, name: str = "kg_sentences") -> None:
        self.name = name

    @staticmethod
    def split_final_letters(doc: Doc) -> list[int]:
        """Character offsets of sentence ends hidden in «И.» after a full name word and before a capital."""
        found = []
        for tok in doc[1:]:
            if not _LETTER_DOT.match(tok.text):
                continue
            prev = doc[tok.i - 1]
            nxt = next((t for t in doc[tok.i + 1 :] if not t.is_space), None)
            ends_para = tok.i + 1 == len(doc) or "\n" in tok.whitespace_ + doc[tok.i + 1].text
            if (
                prev.is_alpha
                and len(prev.text) > 1
                and prev.text[0].isupper()
                and not _names_a_place(prev.text)
                and (ends_para or (nxt is not None and nxt.text[:1].isupper()))
            ):
                found.append(tok.idx + 1)
        return found

    def find(self, doc: Doc) -> set[int]:
        """Character offsets where sentences start."""
        starts: set[int] = set()
        offset = 0
        for para in doc.text.split("\n"):
            for sent in sentenize(para):
                starts.add(offset + sent.start)
            offset += len(para) + 1
        return starts

    def set_annotations(self, doc: Doc, starts: set[int]) -> None:
        """Write the boundaries onto the tokens, all at once: spaCy's ``token.is_sent_start`` setter reads every
        token of the Doc on each call (its check for a parse), which made a long text cost its length squared."""
        if len(doc) and doc.has_annotation("DEP"):  # what the setter checks, once
            raise ValueError(Errors.E043)
        values = []
        prev_space = True
        for i, token in enumerate(doc):
            if i == 0:
                start = True
            elif token.is_space:
                start = False
            else:
                start = token.idx in starts or prev_space and "\n" in doc[i - 1].text
            values.append(1 if start else -1)
            prev_space = token.is_space
        if values:
            doc.from_array([SENT_START], numpy.array(values, dtype="int64").astype("uint64"))

    def __call__(self, doc: Doc) -> Doc:
        dots = self.split_final_letters(doc)
        if dots:
            with doc.retokenize() as retokenizer:
                for tok in [doc.char_span(d - 1, d + 1, alignment_mode="expand")[0] for d in dots]:
                    retokenizer.split(tok, [tok.text[0], "."], heads=[(tok, 1), (tok, 1)])
        starts = self.find(doc)
        if dots:
            words = [t for t in doc if not t.is_space]
            idx = [t.idx for t in words]
            for d in dots:  # the first word after the split stop starts a sentence
                n = bisect_right(idx, d)
                if n < len(words):
                    starts.add(words[n].idx)
        self.set_annotations(doc, starts)
        return doc


@Language.factory("kg_sentences", assigns=["token.is_sent_start"])
def make_sentences(nlp: Language, name: str) -> Sentences:
    """Factory of the sentence splitter."""
    return Sentences(name)
