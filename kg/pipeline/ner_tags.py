"""Slovnet's view of a paragraph: its razdel tokens, the CRF's BIO tags and each token's tag scores."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from kg.pipeline import models
from kg.pipeline.batching import by_length

Span3 = tuple[str, int, int]  # (label, first token, token after the last) on one paragraph's Slovnet tokens


@dataclass(frozen=True)
class Tagged:
    """One paragraph as Slovnet sees it: razdel tokens, the CRF's BIO tags and each token's tag scores."""

    text: str
    words: tuple[str, ...]
    starts: tuple[int, ...]
    stops: tuple[int, ...]
    tags: tuple[str, ...]
    emissions: Any  # array, tokens × tag vocabulary

    def spans(self) -> list[Span3]:
        """The (label, start, end) token spans of the BIO tags, read as Slovnet reads them."""
        found: list[Span3] = []
        inside = False  # as slovnet.bio.bio_spans: an I- tag extends the open span, whatever its type
        for i, tag in enumerate(self.tags):
            part, _, label = tag.partition("-")
            if part == "B":
                found.append((label, i, i + 1))
            elif part == "I" and inside:
                found[-1] = (found[-1][0], found[-1][1], i + 1)
            inside = part == "B" or part == "I" and inside
        return found

    def best_tag(self, i: int) -> str:
        """The tag Slovnet scores highest for token ``i`` before the CRF weighs its neighbours."""
        vocab, _ = tagset()
        return vocab[int(self.emissions[i].argmax())]

    def margin(self, relabel: dict[int, str]) -> float:
        """How much lower the CRF scores the tags with some tokens relabelled than the tags it chose."""
        vocab, transitions = tagset()
        index = {t: n for n, t in enumerate(vocab)}
        other = [relabel.get(i, t) for i, t in enumerate(self.tags)]

        def score(tags: list[str] | tuple[str, ...]) -> float:
            ids = [index[t] for t in tags]
            total = sum(float(self.emissions[i][t]) for i, t in enumerate(ids))
            return total + sum(float(transitions[a][b]) for a, b in zip(ids, ids[1:]))

        return score(self.tags) - score(other)


@lru_cache(maxsize=1)
def tagset() -> tuple[tuple[str, ...], Any]:
    """Slovnet's tag vocabulary and CRF transition scores (from tag, to tag)."""
    infer = models.slovnet_ner().infer
    return tuple(infer.decoder.tags_vocab.items), infer.model.head.crf.transitions.array


def tag_paragraphs(paras: list[str]) -> list[Tagged]:
    """Run Slovnet over paragraphs, keeping the per-token scores its ``map`` throws away; the paragraphs go to
    the model sorted by length (:func:`kg.pipeline.batching.by_length`), the results come back in their order."""
    from slovnet.token import tokenize

    tokens = [list(tokenize(p)) for p in paras]
    tagged = by_length(_tag, list(zip(tokens, paras)), key=lambda item: len(item[0]))
    return tagged


def _tag(items: list[tuple[list[Any], str]]) -> Iterator[Tagged]:
    infer = models.slovnet_ner().infer
    vocab, _ = tagset()
    batches = infer.encoder([t.text for t in toks] for toks, _ in items)
    n = 0
    for batch in batches:
        emissions = infer.model(batch.word_id, batch.shape_id, batch.pad_mask)
        for row, path in zip(emissions, infer.model.head.crf.decode(emissions, ~batch.pad_mask)):
            toks, para = items[n]
            yield Tagged(
                para,
                tuple(t.text for t in toks),
                tuple(t.start for t in toks),
                tuple(t.stop for t in toks),
                tuple(vocab[int(t)] for t in path[: len(toks)]),
                row[: len(toks)],
            )
            n += 1
