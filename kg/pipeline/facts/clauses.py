"""Walking the parse for the figure readers: a token's children, the root of a span, the verbs of a clause."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from kg.numbers import Amount
from kg.pipeline.syntax import dep_of, head_of


def amount_tokens(doc: Doc, amount: Amount) -> Span | None:
    """The tokens of an amount from its number on (the parse hangs «более» elsewhere)."""
    return doc.char_span(amount.core, amount.end, alignment_mode="expand")


def children(sent: Span) -> dict[int, list[Token]]:
    """Each token's dependents in the sentence, by the head's index."""
    out: dict[int, list[Token]] = {}
    for tok in sent:
        head = head_of(tok)
        if head.i != tok.i:
            out.setdefault(head.i, []).append(tok)
    return out


def within(tok: Token, kids: dict[int, list[Token]], depth: int, skip: set[int]) -> list[Token]:
    """A token and its dependents down to a depth, without the branches through ``skip``."""
    out, layer = [tok], [tok]
    for _ in range(depth):
        layer = [
            c
            for t in layer
            for c in kids.get(t.i, [])
            if c.i not in skip and dep_of(c) not in ("acl", "parataxis")
        ]
        out += layer
    return out


def _has_subject(verb: Token, kids: dict[int, list[Token]]) -> bool:
    return any(dep_of(c).startswith("nsubj") for c in kids.get(verb.i, []))


def clause_verbs(verb: Token, kids: dict[int, list[Token]]) -> list[Token]:
    """A verb with the verbs it is conjoined with when it has no subject of its own («вырос на 18% и составил …»)."""
    out = [verb]
    if _has_subject(verb, kids):
        return out
    if dep_of(verb).startswith("conj") and head_of(verb).pos_ in ("VERB", "AUX"):
        out.append(head_of(verb))
    for v in list(out):
        out += [c for c in kids.get(v.i, []) if dep_of(c).startswith("conj") and c.pos_ in ("VERB", "AUX")]
    return out
