"""The rules that mend Slovnet's spans, each looking at one kind of evidence (``SPAN_RULES``).

- separators end a name: bullets and semicolons always, commas in the names of people and places;
- a post word is no organisation: «Замглавы» opening a sentence is dropped, «Глава МИД России» loses «Глава»
  (the post lexicon of ``kg.pipeline.cues``);
- a legal form or a generic word before a quoted name is left out («ОАО «Газпром»» → «Газпром»), and an
  unclosed quote inside a span starts a second name;
- a person does not begin with an organisation: «Аль-Кайды Аймана аз-Завахири» is «Аль-Кайды» + «Аймана …»
  when pymorphy3's dictionary reads the first word as an organisation, or Slovnet's own score for it says so;
- an organisation does not end with a person: «Манчестер Юнайтед Уэйн Руни» is split when Slovnet scores the
  last word as a person and labelling the tail a person costs its CRF little.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache, partial
from typing import Any

from kg.folding import unyo
from kg.morphology import morph_analyzer
from kg.pipeline.ner_tags import Span3, Tagged
from kg.pipeline.ner_trim import QUOTE_PAIRS

# tokens that separate names in lists («Мальта • Кипр», «(Сидоров, Кузнецов)»); commas only for people and
# places, since an organisation's name may hold one («Институт истории, языка и литературы»)
_SEPARATORS = {"•", "·", ";"}
_COMMA_SPLIT = {"PER", "LOC"}

# legal forms written before a company's quoted name; generic words there come from the post lexicon's bodies
LEGAL_FORMS = frozenset("оао зао ооо пао ао гуп фгуп муп нко ано тоо нпо одо ип".split())

#: How much lower Slovnet's CRF may score a split than the glued span it chose, for the split to be taken when
#: another signal asks for it. Glued names seen in news cost 1.2–1.7; splitting a real name costs 4 and more.
MAX_MARGIN = 2.0


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and all(c.isalpha() or c in "-'’" for c in word)


@lru_cache(maxsize=1)
def _post_words(kind: str) -> frozenset[str]:
    from kg.pipeline.cues import post_words

    return frozenset(k for k, (kind_, _) in post_words().items() if kind_ == kind)


@lru_cache(maxsize=8192)
def _parses(word: str) -> tuple[Any, ...]:
    return tuple(morph_analyzer().parse(word))


def _lemmas(word: str) -> set[str]:
    return {unyo(p.normal_form) for p in _parses(word)}


def is_post_word(word: str) -> bool:
    """A post noun that heads a post phrase («Замглавы», «Министру»), by pymorphy3's lemmas and the post lexicon.

    >>> is_post_word("Замглавы"), is_post_word("Министру"), is_post_word("Газпром")
    (True, True, False)
    """
    return bool(_lemmas(word) & _post_words("head"))


def is_descriptor(word: str) -> bool:
    """A legal form or a generic word written before an organisation's quoted name («ОАО», «Концерн»).

    >>> is_descriptor("ОАО"), is_descriptor("концерна"), is_descriptor("РИА")
    (True, True, False)
    """
    return bool(_lemmas(word) & (_post_words("body") | LEGAL_FORMS))


def is_organisation_word(word: str) -> bool:
    """pymorphy3's dictionary reads the word first as an organisation and never as a name («Аль-Кайды»);
    a guess from the ending («Бернс») or a word that is also a first name («Спартака») does not count.

    >>> [is_organisation_word(w) for w in ("Аль-Кайды", "Майкрософт", "Аймана", "Бернс", "Спартака")]
    [True, True, False, False, False]
    """
    parses = _parses(word)
    return (
        bool(parses)
        and "Orgn" in parses[0].tag
        and parses[0].methods_stack[0][0].__class__.__name__ == "DictionaryAnalyzer"
        and not any({"Name", "Surn", "Patr"} & p.tag.grammemes for p in parses)
    )


def _names_a_place(word: str) -> bool:
    parses = _parses(word)
    return bool(parses) and "Geox" in parses[0].tag


def _may_be_genitive(word: str) -> bool:
    return any(p.tag.case in ("gent", "gen2") for p in _parses(word))


# -- span rules: each takes one span and gives the spans to keep instead ----------------------------------------

_OPENING = {".", "!", "?", "…", "—", "–", "-", ":", "(", "«", "„", "“", '"', "•", "·"}


def split_at_separators(tagged: Tagged, span: Span3) -> list[Span3]:
    """Bullets and semicolons end a name; commas end a person's or a place's name («Сидоров, Кузнецов»)."""
    label, i, j = span
    stops = _SEPARATORS | ({","} if label in _COMMA_SPLIT else set())
    parts, start = [], i
    for k in range(i, j + 1):
        if k == j or tagged.words[k] in stops:
            if any(any(c.isalpha() for c in w) for w in tagged.words[start:k]):
                parts.append((label, start, k))
            start = k + 1
    return parts


def drop_post_word(tagged: Tagged, span: Span3) -> list[Span3]:
    """A post word at the start of an organisation's or a place's span is the post, not the name.

    «Замглавы» alone opening a sentence is dropped; «Глава МИД России» loses «Глава» when the next word can be
    the genitive of the body the post belongs to. A capitalised post word inside a sentence and followed by
    no genitive may be a name («Генерал Моторс») and stays."""
    label, i, j = span
    words = tagged.words
    if label not in ("ORG", "LOC") or not is_post_word(words[i]):
        return [span]
    if j == i + 1:
        opens = i == 0 or words[i - 1] in _OPENING or words[i].islower()
        return [] if opens else [span]
    return [(label, i + 1, j)] if _may_be_genitive(words[i + 1]) else [span]


def _partner(words: tuple[str, ...], q: int, end: int) -> int | None:
    """The index of the quote closing the one at ``q``, before ``end``."""
    for open_, close in QUOTE_PAIRS:
        if words[q] == open_:
            for k in range(q + 1, end):
                if words[k] == close:
                    return k
    return None


def quoted_name(tagged: Tagged, span: Span3) -> list[Span3]:
    """An organisation written as descriptor + quoted name is the name («ОАО «Газпром»» → «Газпром»); an
    opening quote left unclosed inside a span starts a second name («Московскому бюро «Немецкой волны»).

    A company named after a place keeps its descriptor («Банк «Россия»»): alone, the name would be the place."""
    label, i, j = span
    if label != "ORG":
        return [span]
    words = tagged.words
    openers = {o for o, _ in QUOTE_PAIRS}
    q = next((k for k in range(i, j) if words[k] in openers), None)
    if q is None:
        return [span]
    descriptors = q > i and all(is_descriptor(w) for w in words[i:q])
    place = any(_names_a_place(w) for w in words[q + 1 : j])
    close = _partner(words, q, j)
    if close is None:
        if q == i:
            return [(label, q + 1, j)]
        if descriptors:
            return [span] if place else [(label, q + 1, j)]
        return [(label, i, q), (label, q + 1, j)]
    if descriptors and not place and close == j - 1:
        return [(label, q + 1, close)]
    return [span]


def organisation_before_person(tagged: Tagged, span: Span3, max_margin: float = MAX_MARGIN) -> list[Span3]:
    """A person's span whose first word is an organisation («Аль-Кайды Аймана аз-Завахири») is split in two.

    The first word is an organisation when pymorphy3's dictionary reads it so, or when Slovnet itself scores it
    as the start of an organisation or place and only its CRF glued it to the name (at a cost below
    ``max_margin``)."""
    label, i, j = span
    if label != "PER" or j - i < 2:
        return [span]
    first, second = tagged.words[i], tagged.words[i + 1]
    if not (_capitalised(first) and _capitalised(second)):
        return [span]
    if is_organisation_word(first):
        return [("ORG", i, i + 1), ("PER", i + 1, j)]
    best = tagged.best_tag(i)
    if best in ("B-ORG", "B-LOC") and tagged.margin({i: best, i + 1: "B-PER"}) < max_margin:
        return [(best[2:], i, i + 1), ("PER", i + 1, j)]
    return [span]


def person_after_organisation(tagged: Tagged, span: Span3, max_margin: float = MAX_MARGIN) -> list[Span3]:
    """An organisation's span that ends with a person («Манчестер Юнайтед Уэйн Руни») is split in two.

    The tail (two or more capitalised words) is a person when Slovnet scores its last word as a person and
    relabelling it as one costs the CRF less than ``max_margin``; the cheapest such tail is taken."""
    label, i, j = span
    words = tagged.words
    if (
        label != "ORG"
        or j - i < 3
        or not _capitalised(words[j - 1])
        or not tagged.best_tag(j - 1).endswith("PER")
    ):
        return [span]
    best: tuple[float, int] | None = None
    for k in range(j - 2, i, -1):  # the tail: words k .. j-1, at least two, each capitalised and on its own
        if not _capitalised(words[k]) or tagged.stops[k] == tagged.starts[k + 1]:
            break
        margin = tagged.margin({k: "B-PER", **{q: "I-PER" for q in range(k + 1, j)}})
        if best is None or margin < best[0]:
            best = (margin, k)
    if best is None or best[0] >= max_margin:
        return [span]
    return [("ORG", i, best[1]), ("PER", best[1], j)]


Rule = Callable[..., list[Span3]]  # (tagged, span) → the spans to keep instead

#: The span rules, in the order they apply: each sees the spans the rules before it left.
SPAN_RULES: tuple[Rule, ...] = (
    split_at_separators,
    drop_post_word,
    quoted_name,
    organisation_before_person,
    person_after_organisation,
)


#: The rules that weigh a split by Slovnet's CRF and take the component's ``max_margin``.
WEIGHED_RULES: frozenset[Rule] = frozenset({organisation_before_person, person_after_organisation})


def mend(tagged: Tagged, spans: Iterable[Span3], max_margin: float = MAX_MARGIN) -> list[Span3]:
    """Apply every span rule in turn; empty spans are dropped."""
    out = list(spans)
    for rule in SPAN_RULES:
        apply = partial(rule, max_margin=max_margin) if rule in WEIGHED_RULES else rule
        out = [part for span in out for part in apply(tagged, span) if part[2] > part[1]]
    return out
