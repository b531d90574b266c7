"""``kg_slovnet_ner``: the Slovnet news NER (PER / LOC / ORG) from the natasha wheel, as a spaCy component."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from kg.pipeline import models

# characters that never stand inside a name: a span running over one is cut there («Ван И © AP Photo/ …»)
_CUT = re.compile(r"[©|/\\()\[\];:\n•·]|\s--\s|\s[-–—]\s")


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Cut a span at the first character that cannot be part of a name, and strip spaces and dots.

    >>> t = "Ван И © AP Photo/ Tatan Syuflana"
    >>> s, e = trim(t, 0, len(t)); t[s:e]
    'Ван И'
    >>> t = "/ТАСС/."
    >>> s, e = trim(t, 0, len(t)); t[s:e]
    'ТАСС'
    """
    while start < end and (text[start].isspace() or text[start] in ".,-–—/|\\"):
        start += 1
    m = _CUT.search(text, start, end)
    if m and m.start() > start:
        end = m.start()
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,-–—"):
        end -= 1
    return start, end


class SlovnetNER:
    """Runs Slovnet NER over each paragraph and sets ``doc.ents`` with labels PER, LOC and ORG."""

    def __init__(self, name: str = "kg_slovnet_ner") -> None:
        self.name = name

    def find(self, doc: Doc) -> list[tuple[int, int, str]]:
        """(start, end, label) character spans."""
        paras, offsets = [], []
        offset = 0
        for para in doc.text.split("\n"):
            if para.strip():
                paras.append(para)
                offsets.append(offset)
            offset += len(para) + 1
        found = []
        for base, markup in zip(offsets, models.slovnet_ner().map(paras)):
            for span in markup.spans:
                start, end = trim(doc.text, base + span.start, base + span.stop)
                if end > start:
                    found.append((start, end, span.type))
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

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.find(doc))
        return doc


@Language.factory("kg_slovnet_ner", assigns=["doc.ents"])
def make_ner(nlp: Language, name: str) -> SlovnetNER:
    """Factory of the Slovnet NER component."""
    return SlovnetNER(name)
