"""Which names stand for one actor: the forms of one person's name, and the state a state's body belongs to.

A person's name is compared by its surname and first name reduced to a key that an inflection or a
transliteration variant does not change («Медведева» → «медведев», «Хиллари» = «Хилари»): the nominatives the
pipeline gives are right most of the time, and these keys catch the rest. A state's body is an organisation whose
name is an institution («министерство», «МИД», «парламент», listed in ``kg/data/post_state_bodies.tsv``) followed
by a state's name: «Министерство юстиции Грузии», «МИД Казахстана», «Конгресс США».
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.datafiles import rows
from kg.folding import fold
from kg.lexicon import body_state, case_forms, entries

#: case endings of a name word, longest first; a stem keeps at least MIN_STEM letters
_ENDINGS = (
    "ием",
    "ого",
    "его",
    "ому",
    "ему",
    "ыми",
    "ами",
    "ий",
    "ия",
    "ию",
    "ии",
    "ие",
    "ей",
    "ым",
    "им",
    "ом",
    "ем",
    "ой",
    "ою",
    "ью",
    "ая",
    "ую",
    "ь",
    "а",
    "я",
    "у",
    "ю",
    "е",
    "ы",
    "и",
)
MIN_STEM = 3
#: a surname's first letters, the same in all its forms
BUCKET = 3
#: a word this long may be spelt with one more letter at its end («Раймон», «Раймонд»)
LONG_WORD = 5
_DOUBLE = re.compile(r"(.)\1+")
_INITIAL = re.compile(r"^\w{1,2}\.$")


def _plain(word: str) -> str:
    return _DOUBLE.sub(r"\1", fold(word).strip(".,"))


def _stripped(w: str) -> str:
    for ending in _ENDINGS:
        if w.endswith(ending) and len(w) - len(ending) >= MIN_STEM:
            return w[: -len(ending)]
    return w


def surname_bucket(norm: str) -> str:
    """The first letters of a person's surname, the same in every case form: names are compared within it.

    >>> surname_bucket("Дмитрий Медведев") == surname_bucket("Медведева")
    True
    """
    words = norm.split()
    return _plain(words[-1])[:BUCKET] if words else ""


def words_agree(a: str, b: str) -> bool:
    """Whether two name words can be one word: equal, one of them inflected (a case ending on the other or on
    both), or a transliteration variant (doubled letters, one letter more at the end of a long word).

    >>> words_agree("Медведева", "Медведев"), words_agree("Сулима", "Сулим"), words_agree("Дмитрия", "Дмитрий")
    (True, True, True)
    >>> words_agree("Хиллари", "Хилари"), words_agree("Раймон", "Раймонд"), words_agree("Иса", "Сулим")
    (True, True, False)
    """
    ka, kb = _plain(a), _plain(b)
    if ka == kb or _stripped(ka) == kb or _stripped(kb) == ka or _stripped(ka) == _stripped(kb):
        return True
    short, long_ = sorted((ka, kb), key=len)
    return len(short) >= LONG_WORD and len(long_) == len(short) + 1 and long_.startswith(short)


def name_parts(norm: str) -> tuple[str | None, str | None, str]:
    """(first name, its initial, surname) of a person's name; a missing first name or initial is None.

    >>> name_parts("Дмитрий Анатольевич Медведев"), name_parts("Д. Медведев"), name_parts("Медведева")
    (('Дмитрий', 'д', 'Медведев'), (None, 'д', 'Медведев'), (None, None, 'Медведева'))
    """
    words = norm.split()
    if not words:
        return None, None, ""
    if len(words) == 1:
        return None, None, words[-1]
    first = words[0]
    return (None if _INITIAL.match(first) else first), fold(first)[:1], words[-1]


def same_person(a: str, b: str) -> bool:
    """Whether two names of persons can be one person: surnames that agree, and first names that agree (or an
    initial of the other, or one of them missing).

    >>> same_person("Дмитрий Медведев", "Дмитрия Медведева"), same_person("Д. Медведев", "Дмитрий Медведев")
    (True, True)
    >>> same_person("Светлана Медведева", "Дмитрий Медведев"), same_person("А. Медведев", "Дмитрий Медведев")
    (False, False)
    """
    fa, ia, sa = name_parts(a)
    fb, ib, sb = name_parts(b)
    if not sa or not sb or not words_agree(sa, sb):
        return False
    if fa is not None and fb is not None:
        return words_agree(fa, fb)
    return ia is None or ib is None or ia == ib


@lru_cache(maxsize=1)
def _state_body_heads() -> tuple[tuple[str, ...], ...]:
    """The institution words a state's body is named by, longest first."""
    heads = {tuple(fold(row[0]).split()) for row in rows("post_state_bodies.tsv")}
    return tuple(sorted(heads, key=lambda h: (-len(h), h)))


@lru_cache(maxsize=1)
def _state_forms() -> dict[str, str]:
    """Every case form of every state's name or alias (folded) → the state's key."""
    out: dict[str, str] = {}
    for e in entries():
        if e.type == "State":
            for name in e.names:
                for form in case_forms(name):
                    out.setdefault(fold(form), e.key)
    return out


def names_state_body(label: str) -> bool:
    """Whether an organisation's name (nominative) begins with the word of a state's institution.

    >>> names_state_body("Министерство обороны"), names_state_body("МИД"), names_state_body("Fox News")
    (True, True, False)
    """
    words = fold(label).replace("«", " ").replace("»", " ").split()
    return any(tuple(words[: len(h)]) == h for h in _state_body_heads())


def state_of_body(key: str, label: str) -> str | None:
    """The key of the state an organisation belongs to, or None: a state's own body of the gazetteer
    («organization/mfa-kazakhstan»), or a name that is an institution followed by a state.

    >>> state_of_body("organization/x", "Министерство юстиции Грузии")
    'state/georgia'
    >>> state_of_body("organization/x", "Конгресс США"), state_of_body("organization/x", "Совет Безопасности ООН")
    ('state/united-states', None)
    >>> state_of_body("organization/x", "Сбербанк России") is None
    True
    """
    listed = body_state(key)
    if listed is not None:
        return listed[1]
    words = fold(label).replace("«", " ").replace("»", " ").split()
    if not names_state_body(label):
        return None
    forms = _state_forms()
    for n in range(min(4, len(words) - 1), 0, -1):
        state = forms.get(" ".join(words[-n:]))
        if state is not None:
            return state
    return None
