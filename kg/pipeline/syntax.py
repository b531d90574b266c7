"""``kg_slovnet_syntax``: dependency heads from the Slovnet parser, kept in ``token._.kg_head`` / ``kg_dep``.

The heads are kept in extensions rather than spaCy's own parse so that they never move sentence boundaries.
"""

from __future__ import annotations

from collections import defaultdict

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from kg.pipeline import models
from kg.pipeline.batching import Batched, by_length
from kg.pipeline.morph import doc_chunks, per_doc

#: the key of the per-sentence dependents index in ``doc.user_data`` (token indices only, so the Doc still pickles)
DEPENDENTS = "kg_dependents"

if not Token.has_extension("kg_head"):
    Token.set_extension("kg_head", default=None)
    Token.set_extension("kg_dep", default="")


class SlovnetSyntax(Batched[list[tuple[int, int, str]]]):
    """Parses each sentence with Slovnet; the root's head is itself."""

    def __init__(self, name: str = "kg_slovnet_syntax") -> None:
        self.name = name

    def find_batch(self, docs: list[Doc]) -> list[list[tuple[int, int, str]]]:
        """(token index, head index, relation) for every non-space token of each Doc, the sentences of all
        parsed together."""
        chunks, counts = doc_chunks(docs)
        parsed = by_length(models.slovnet_syntax().map, [[t.text for t in chunk] for chunk in chunks])
        found = []
        for chunk, markup in zip(chunks, parsed):
            mine = []
            for token, tag in zip(chunk, markup.tokens):
                head = int(tag.head_id)
                head_index = chunk[head - 1].i if 0 < head <= len(chunk) else token.i
                mine.append((token.i, head_index, tag.rel))
            found.append(mine)
        return per_doc(found, counts)

    def set_annotations(self, doc: Doc, found: list[tuple[int, int, str]]) -> None:
        """Write heads and relations on the tokens."""
        for i, head, rel in found:
            doc[i]._.kg_head = head
            doc[i]._.kg_dep = rel


@Language.factory("kg_slovnet_syntax", assigns=["token._.kg_head", "token._.kg_dep"])
def make_syntax(nlp: Language, name: str) -> SlovnetSyntax:
    """Factory of the Slovnet dependency parser."""
    return SlovnetSyntax(name)


def _parsed(doc: Doc) -> bool:
    """Whether spaCy's own parser ran on the Doc (a parser labels every token, so the first one tells; spaCy's
    ``has_annotation`` reads every token, which made each head look-up as long as the text)."""
    return len(doc) > 0 and doc[0].dep != 0


def head_of(token: Token) -> Token:
    """The syntactic head of a token: spaCy's parse when present, else Slovnet's."""
    doc = token.doc
    if _parsed(doc):
        return token.head
    if token._.kg_head is None:
        return token
    return token.doc[token._.kg_head]


def dep_of(token: Token) -> str:
    """The dependency relation of a token (spaCy's parse when present, else Slovnet's)."""
    if _parsed(token.doc):
        return token.dep_
    return token._.kg_dep or ""


def span_root(span: Span) -> Token:
    """The token of a span whose syntactic head lies outside it (the first such, else the span's first)."""
    for tok in span:
        head = head_of(tok)
        if head.i == tok.i or not span.start <= head.i < span.end:
            return tok
    return span[0]


def dependents(sent: Span) -> dict[int, list[int]]:
    """Token index → the indices of the tokens that hang on it, in text order, for one sentence: built once per
    sentence and kept in ``doc.user_data`` until :func:`forget_dependents`, so that a reader asking for the
    dependents of a word for every name of a long sentence does not scan the sentence each time."""
    cache = sent.doc.user_data.setdefault(DEPENDENTS, {})
    key = (sent.start, sent.end)
    if key not in cache:
        index: dict[int, list[int]] = defaultdict(list)
        for tok in sent:
            head = head_of(tok).i
            if head != tok.i:
                index[head].append(tok.i)
        cache[key] = dict(index)
    return cache[key]


def forget_dependents(doc: Doc) -> None:
    """Drop the dependents indexes of a Doc (its parse may change after)."""
    doc.user_data.pop(DEPENDENTS, None)
