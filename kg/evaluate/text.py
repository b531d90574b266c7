"""Comparing names and roles in any inflection: the normalisation every scorer shares."""

from __future__ import annotations

import re
from functools import cache, lru_cache

import pymorphy3

from kg.folding import fold, unyo

_DASHES = str.maketrans({"–": "-", "—": "-", "‒": "-", "−": "-"})
# quotes and punctuation go; a hyphen inside a word (Нур-Султан) stays
_PUNCT = re.compile(r"[«»\"“”„'’‘`.,:;!?()\[\]{}/\\]+")
_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
# words that carry no meaning in a post's name («министр иностранных дел» ≈ «министр по иностранным делам»)
_FUNCTION_POS = frozenset({"PREP", "CONJ", "PRCL", "INTJ"})


@cache
def _morph() -> pymorphy3.MorphAnalyzer:
    return pymorphy3.MorphAnalyzer()


def words(text: str) -> tuple[str, ...]:
    """The words of a name, lower case, ё→е, dashes alike, quotes and punctuation dropped.

    >>> words("«Северный ветер — южный берег»")
    ('северный', 'ветер', 'южный', 'берег')
    >>> words("Санкт-Петербурге")
    ('санкт-петербурге',)
    """
    clean = fold(_PUNCT.sub(" ", text.translate(_DASHES)))
    return tuple(_WORD.findall(clean))


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """The first pymorphy3 parse's normal form of one lower-case word, ё→е.

    >>> lemma("лиссабоне")
    'лиссабон'
    """
    return unyo(_morph().parse(word)[0].normal_form)


@lru_cache(maxsize=65536)
def _forms(word: str) -> frozenset[str]:
    # every parse's normal form plus the word itself: the first parse alone is unstable for foreign
    # surnames («Жумабаев» → «жумабай», «Жумабаева» → «жумабаев»)
    return frozenset({word} | {unyo(p.normal_form) for p in _morph().parse(word)})


def norm_key(text: str) -> tuple[str, ...]:
    """The normalised key of a name: each word's first-parse lemma.

    >>> norm_key("Лукасом Ферро")
    ('лукас', 'ферро')
    """
    return tuple(lemma(w) for w in words(text))


def _same_stem(a: str, b: str) -> bool:
    # a last resort for names pymorphy3 does not know («Шэньчжэнь» / «Шэньчжэне»): the same stem of at least
    # four letters with endings of at most two letters each
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n >= 4 and len(a) - n <= 2 and len(b) - n <= 2


def _word_match(a: str, b: str) -> bool:
    return a == b or bool(_forms(a) & _forms(b)) or _same_stem(a, b)


def names_match(a: str, b: str) -> bool:
    """Whether two names are the same in any inflection (see the module doc for the rules).

    >>> names_match("Лукасом Ферро", "Лукас Ферро")
    True
    >>> names_match("Анны-Марии Ларсен", "Анна-Мария Ларсен")
    True
    >>> names_match("Шэньчжэне", "Шэньчжэнь")
    True
    >>> names_match("МИД", "МИД Бразилии")
    False
    """
    if a.casefold() == b.casefold():
        return True
    wa, wb = words(a), words(b)
    if not wa or len(wa) != len(wb):
        return False
    if norm_key(a) == norm_key(b):
        return True
    return all(_word_match(x, y) for x, y in zip(wa, wb))


def key_words(text: str) -> frozenset[str]:
    """The lemmas of a role's meaningful words (prepositions, conjunctions and particles dropped).

    >>> sorted(key_words("министром по делам молодёжи"))
    ['дело', 'министр', 'молодежь']
    """
    out = set()
    for w in words(text):
        parse = _morph().parse(w)[0]
        if parse.tag.POS in _FUNCTION_POS:
            continue
        out.add(unyo(parse.normal_form))
    return frozenset(out)


def roles_match(gold: str, predicted: str) -> bool:
    """Loose match of posts: one role's key words are all among the other's.

    A gold role made of several posts joined by a dash («вице-премьер — министр финансов») matches when any
    one of its posts does.

    >>> roles_match("председатель", "председатель правления")
    True
    >>> roles_match("вице-премьер — министр финансов", "министр финансов")
    True
    >>> roles_match("президент", "министр финансов")
    False
    """
    pred = key_words(predicted)
    if not pred:
        return False
    parts = [p for p in re.split(r"\s[-–—]\s", gold) if p.strip()] or [gold]
    for part in [gold, *parts] if len(parts) > 1 else [gold]:
        g = key_words(part)
        if g and (g <= pred or pred <= g):
            return True
    return False
