"""``kg_slovnet_ner``: the Slovnet news NER (PER / LOC / ORG) from the natasha wheel, as a spaCy component.

Slovnet's CRF sometimes glues two names into one span or takes in a word next to a name. Its spans are
mended here, on Slovnet's own tokens (:mod:`kg.pipeline.ner_tags`), by a few rules, each looking at one kind of
evidence (:mod:`kg.pipeline.ner_rules`); unpaired quotes and list bullets at a span's ends are trimmed with the
other characters no name holds (:mod:`kg.pipeline.ner_trim`).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from kg.pipeline.batching import Batched
from kg.pipeline.ner_rules import MAX_MARGIN, mend
from kg.pipeline.ner_tags import tag_paragraphs
from kg.pipeline.ner_trim import trim


class SlovnetNER(Batched[list[tuple[int, int, str]]]):
    """Runs Slovnet NER over each paragraph, mends its spans and sets ``doc.ents`` with labels PER, LOC, ORG."""

    def __init__(self, name: str = "kg_slovnet_ner", max_margin: float = MAX_MARGIN) -> None:
        self.name = name
        self.max_margin = max_margin

    def find_batch(self, docs: list[Doc]) -> list[list[tuple[int, int, str]]]:
        """(start, end, label) character spans of each Doc, the paragraphs of all tagged together."""
        texts, paras, where = [], [], []
        for n, doc in enumerate(docs):
            # spaCy joins the tokens anew on every ``doc.text``: read it once, not once per span
            text = doc.text
            texts.append(text)
            offset = 0
            for para in text.split("\n"):
                if para.strip():
                    paras.append(para)
                    where.append((n, offset))
                offset += len(para) + 1
        found: list[list[tuple[int, int, str]]] = [[] for _ in docs]
        for (n, base), tagged in zip(where, tag_paragraphs(paras)):
            for label, i, j in mend(tagged, tagged.spans(), self.max_margin):
                start, end = trim(texts[n], base + tagged.starts[i], base + tagged.stops[j - 1])
                if end > start:
                    found[n].append((start, end, label))
        return found

    def set_annotations(self, doc: Doc, found: list[tuple[int, int, str]]) -> None:
        """Turn the character spans into ``doc.ents``."""
        spans = []
        for start, end, label in found:
            span = doc.char_span(start, end, label=label, alignment_mode="contract")
            if span is None or not span.text.strip():
                span = doc.char_span(start, end, label=label, alignment_mode="expand")
            if span is not None and span.text.strip():
                spans.append(span)
        doc.ents = filter_spans(spans)


@Language.factory("kg_slovnet_ner", assigns=["doc.ents"], default_config={"max_margin": MAX_MARGIN})
def make_ner(nlp: Language, name: str, max_margin: float) -> SlovnetNER:
    """Factory of the Slovnet NER component."""
    return SlovnetNER(name, max_margin)
