"""Actors named in the same sentence: the co-occurrence network (as GDELT's GKG gives it), with the sentences.

A corpus with few events still shows who appears with whom: every pair of distinct actors (states, persons,
organisations) whose names fall in one sentence is linked, weighted by the number of such sentences, and each
sentence is kept as evidence. The agency an article's dateline or byline credits is its source, not an actor
of its news, and is left out of that article's links. Sentences are cut with razdel within each line of the text (a heading or a list
item is a line of its own). In the graph a link is a ``dip:CoOccurrence`` node with ``dip:actor`` ×2,
``dip:sentenceCount`` and one ``dip:denotedBy`` sentence mention per sentence (written by kg/graph.py).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import combinations

from razdel import sentenize

from kg.records import ArticleRecord, Corpus, TextSpan

#: The entity types a co-occurrence links (the actors of kg/graph.py).
ACTOR_TYPES = frozenset({"Person", "State", "Organization"})


@dataclass(frozen=True)
class CoOccurrence:
    """Two actors (keys, in order) and the sentences (article id, span) that name both."""

    a: str
    b: str
    sentences: tuple[tuple[str, TextSpan], ...]


def sentence_spans(text: str) -> list[TextSpan]:
    """The sentences of a text, cut within each line.

    >>> [s.text for s in sentence_spans("Заголовок\\nПервое предложение. Второе!\\n\\nТретье")]
    ['Заголовок', 'Первое предложение.', 'Второе!', 'Третье']
    """
    spans = []
    for line in re.finditer(r"[^\n]+", text):
        for s in sentenize(line.group()):
            if s.text.strip():
                spans.append(TextSpan(line.start() + s.start, line.start() + s.stop, s.text))
    return spans


def article_cooccurrences(
    corpus: Corpus, rec: ArticleRecord, actors: set[str] | frozenset[str]
) -> Iterator[tuple[str, str, TextSpan]]:
    """Each pair of actors (keys, in order) named in one sentence of an article, with the sentence; sentences in
    text order."""
    art = rec.article
    source = corpus.agencies.get(art.id)  # the agency a credit line names is the source, not an actor
    named = sorted(
        (m.start, key)
        for m in rec.mentions
        if (key := corpus.links.get((art.id, m.start, m.end))) in actors and key != source
    )
    if len({key for _, key in named}) < 2:
        return
    for sentence in sentence_spans(art.text):
        inside = sorted({key for start, key in named if sentence.start <= start < sentence.end})
        for a, b in combinations(inside, 2):
            yield a, b, sentence


def cooccurrences(corpus: Corpus) -> list[CoOccurrence]:
    """Every pair of actors named together in at least one sentence, sorted by key; sentences in text order."""
    actors = {e.key for e in (*corpus.entities, *corpus.implied) if e.type in ACTOR_TYPES}
    found: dict[tuple[str, str], list[tuple[str, TextSpan]]] = defaultdict(list)
    for rec in corpus.records:
        for a, b, sentence in article_cooccurrences(corpus, rec, actors):
            found[(a, b)].append((rec.article.id, sentence))
    return [CoOccurrence(a, b, tuple(found[(a, b)])) for a, b in sorted(found)]


def cooccurrence_key(a: str, b: str) -> str:
    """The key of the link between two actor keys.

    >>> cooccurrence_key("person/wang-yi", "state/china")
    'cooccurrence/person-wang-yi--state-china'
    """
    return f"cooccurrence/{a.replace('/', '-')}--{b.replace('/', '-')}"
