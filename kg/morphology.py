"""Inflection with pymorphy3 guided by the tagger's features: lemmas and nominative forms of words and phrases.

The cases of personal names, which pymorphy3 often does not know, are read in :mod:`kg.names`.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from kg.folding import unyo


@lru_cache(maxsize=1)
def morph_analyzer() -> Any:
    """pymorphy3 analyser (pymorphy2 breaks on Python 3.11)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


#: UD case names → pymorphy3's grammemes (the partitive reads as a genitive)
UD_CASES = {
    "Nom": "nomn",
    "Gen": "gent",
    "Dat": "datv",
    "Acc": "accs",
    "Ins": "ablt",
    "Loc": "loct",
    "Par": "gent",
    "Voc": "voct",
}
#: UD gender names → pymorphy3's grammemes
UD_GENDERS = {"Masc": "masc", "Fem": "femn", "Neut": "neut"}
_NUMBERS = {"Sing": "sing", "Plur": "plur"}
_POS = {
    "NOUN": {"NOUN"},
    "PROPN": {"NOUN"},
    "ADJ": {"ADJF", "PRTF"},
    "VERB": {"PRTF", "VERB"},
    "DET": {"ADJF", "NPRO"},
    "NUM": {"NUMR", "ADJF"},
}


def _matches(parse: Any, pos: str, feats: dict[str, str], strict: bool) -> bool:
    tag = parse.tag
    if pos in _POS and tag.POS not in _POS[pos]:
        return False
    case = UD_CASES.get(feats.get("Case", ""))
    if case and tag.case != case and not (case == "gent" and tag.case == "gen2"):
        return False
    if strict:
        number = _NUMBERS.get(feats.get("Number", ""))
        if number and tag.number and tag.number != number:
            return False
        gender = UD_GENDERS.get(feats.get("Gender", ""))
        if gender and tag.gender and tag.gender != gender and tag.number != "plur":
            return False
    return True


def select_parse(word: str, pos: str, feats: dict[str, str]) -> Any | None:
    """The pymorphy3 parse of a word that agrees with the tagger's POS and features, or None."""
    parses = morph_analyzer().parse(word)
    for strict in (True, False):
        fitting = [p for p in parses if _matches(p, pos, feats, strict)]
        if fitting:
            # an indeclinable reading («Анне» as a name of its own) only when nothing declines
            return next((p for p in fitting if "Fixd" not in p.tag.grammemes), fitting[0])
    return None


def lemma_of(word: str, pos: str, feats: dict[str, str]) -> str:
    """Dictionary form of a word read in context (lower case, as spaCy's lemmas are)."""
    if pos in {"PUNCT", "NUM", "SYM", "X"} or not any(c.isalpha() for c in word):
        return word.lower()
    return _lemma(word, pos, tuple(sorted(feats.items())))


@lru_cache(maxsize=65536)
def _lemma(word: str, pos: str, feats: tuple[tuple[str, str], ...]) -> str:
    """Cached: news repeats its words, and pymorphy3's analysis is most of the tagging time."""
    parse = select_parse(word, pos, dict(feats))
    if parse is None:
        return word.lower()
    return unyo(parse.normal_form)


def recover_shape(word: str, shape_of: str) -> str:
    """Give ``word`` the capitalisation of ``shape_of`` (part by part across hyphens).

    >>> recover_shape("пекин", "ПЕКИНЕ")
    'ПЕКИН'
    >>> recover_shape("касым-жомарт", "Касым-Жомартом")
    'Касым-Жомарт'
    >>> recover_shape("организация", "организации")
    'организация'
    """
    if shape_of.isupper() and len(shape_of) > 1:
        return word.upper()
    parts, shapes = word.split("-"), shape_of.split("-")
    if len(parts) == len(shapes):
        return "-".join(p.capitalize() if s[:1].isupper() else p for p, s in zip(parts, shapes))
    return word.capitalize() if shape_of[:1].isupper() else word


def nominative(word: str, pos: str, feats: dict[str, str]) -> str:
    """The word in the nominative, keeping its number and gender; the word itself when that is unclear."""
    case = feats.get("Case")
    if not case or case == "Nom" or pos not in _POS or not any(c.isalpha() for c in word):
        return word
    parse = select_parse(word, pos, feats)
    if parse is None:
        return word
    form = parse.inflect({"nomn"})
    if form is None:
        return word
    return recover_shape(unyo(form.word) if "ё" not in word else form.word, word)


def nominative_phrase(words: Sequence[tuple[str, str, dict[str, str], bool]], spaces: Sequence[str]) -> str:
    """Join words (text, pos, feats, inflect?) with their trailing spaces, inflecting the flagged ones."""
    out = []
    for (text, pos, feats, inflect), space in zip(words, spaces):
        out.append((nominative(text, pos, feats) if inflect else text) + space)
    return "".join(out).strip()
