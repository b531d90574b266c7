"""The cases of personal names: which case the words of one name share, and each word's nominative.

pymorphy3 knows Russian first names and surnames; other names are read by their endings (see the comment below).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from kg.folding import unyo
from kg.morphology import UD_CASES, UD_GENDERS, morph_analyzer, recover_shape

# pymorphy3 knows Russian first names and surnames, but a foreign name it has not seen («Йылмазом», «Чжиминем»)
# is analysed by analogy with whatever words end alike: plural nouns, adjectives, abbreviations. Inflecting that
# guess gives non-words (a plural «…омы», an adjective), and the tagger's case is just as unsure on such a word. A name, however,
# declines by few rules: a masculine name on a consonant like «стол» (-а, -у, -ом, -е; «-ь/-й» softly: -я, -ю, -ем),
# a name on -а/-я like «мама» (-ы, -е, -у, -ой), a surname on -ов/-ин and -ский in its own way, and the rest
# not at all (Абдилдау, Гарибашвили, Эмине). So each word's ending says which cases it may be in and what its
# nominative is then; the words of one name share a case, chosen by what they all say (the last word most, as
# Chinese and Korean names decline only that one), then by the tagger and by a post the name stands beside.

NAME_CASES = ("nomn", "gent", "accs", "datv", "ablt", "loct")  # ties go to the first
_CONSONANTS = frozenset("бвгджзклмнпрстфхцчшщ")
_HUSHING = frozenset("жшчщц")
_VOWELS = frozenset("аеёиоуыэюя")
_NAME_TAGS = frozenset({"Name", "Surn", "Patr"})
_ROMAN = frozenset("IVXLCDM")
_ADJECTIVAL = ("ий", "ый", "ого", "его", "ому", "ему", "им", "ым", "ая", "яя", "ой", "ую", "юю")
_SURNAME_STEMS = ("ов", "ев", "ёв", "ин", "ын")  # Смирнов, Гусев, Ильин
# a surname on -ов/-ин: ending → (case, gender, ending of the nominative)
_SURNAME_ENDINGS = {
    "": (("nomn", "masc", ""),),
    "а": (("gent", "masc", ""), ("accs", "masc", ""), ("nomn", "femn", "а")),
    "у": (("datv", "masc", ""), ("accs", "femn", "а")),
    "ым": (("ablt", "masc", ""),),
    "е": (("loct", "masc", ""),),
    "ой": tuple((case, "femn", "а") for case in ("gent", "datv", "ablt", "loct")),
}
# a surname like «Достоевский»: ending → (case, gender, ending of the nominative)
_ADJECTIVE_ENDINGS = {
    "ий": (("nomn", "masc", "ий"),),
    "ого": (("gent", "masc", "ий"), ("accs", "masc", "ий")),
    "ому": (("datv", "masc", "ий"),),
    "им": (("ablt", "masc", "ий"),),
    "ом": (("loct", "masc", "ий"),),
    "ая": (("nomn", "femn", "ая"),),
    "ую": (("accs", "femn", "ая"),),
    "ой": tuple((case, "femn", "ая") for case in ("gent", "datv", "ablt", "loct")),
}


@dataclass(frozen=True)
class NameReading:
    """One way to read a word of a name: its case, its nominative (lower case), gender, and how telling it is."""

    case: str
    nominative: str
    gender: str | None
    weight: float
    shaky: bool = False  # the word may as well not decline at all («Абу», «Анне»)

    @property
    def group(self) -> str:
        """The case the reading votes for: a man's accusative is his genitive («Мехмета»)."""
        return "gent" if self.case == "accs" and self.gender == "masc" else self.case


def _stem_ok(stem: str) -> bool:
    """A stem a declined name can have: a syllable and more, ending on a consonant («озтюрк», not «л» or «абдилда»)."""
    return len(stem) >= 2 and stem[-1] in _CONSONANTS and any(c in _VOWELS for c in stem)


def _soft(stem: str) -> str:
    """The nominative of a soft stem: «чжимин» → «чжиминь», «серге» → «сергей», «джордж» → «джордж»."""
    if stem[-1] in _VOWELS:
        return stem + "й"
    return stem if stem[-1] in _HUSHING else stem + "ь"


def _ending_readings(word: str) -> list[NameReading]:
    """Readings of a word pymorphy3 does not know as a name, from its ending alone (``word`` in lower case).

    A reading of the «стол» declension is a man's; one of the «мама» declension (Дарига, Кисида, Абдулла)
    may be either's, so it has no gender; surnames on -ов/-ин and -ский have both.
    """
    out: list[NameReading] = []

    def add(cases: tuple[str, ...], nominative: str, gender: str | None, weight: float) -> None:
        out.extend(NameReading(case, nominative, gender, weight) for case in cases)

    for stem_end in _SURNAME_STEMS:
        for ending, readings in _SURNAME_ENDINGS.items():
            stem = word[: len(word) - len(ending)]
            if word.endswith(ending) and stem.endswith(stem_end) and len(stem) >= 4:
                out.extend(NameReading(c, stem + e, g, 1.0) for c, g, e in readings)
    adjectival = False
    for ending, readings in _ADJECTIVE_ENDINGS.items():
        stem = word[: -len(ending)]
        if word.endswith(ending) and stem.endswith(("ск", "цк")) and len(stem) >= 4:
            out.extend(NameReading(c, stem + e, g, 1.0) for c, g, e in readings)
            adjectival = True
    if adjectival:
        return out
    one, two = word[:-1], word[:-2]
    last = word[-1]
    if word.endswith("ом") and _stem_ok(two):
        add(("ablt",), two, "masc", 1.0)
    if word.endswith(("ем", "ём")) and len(two) >= 2 and (two[-1] in _VOWELS or _stem_ok(two)):
        add(("ablt",), _soft(two), "masc", 1.0)
    if word.endswith("ой") and _stem_ok(two):
        add(("ablt",), two + "а", None, 1.0)
    if word.endswith("ей") and len(two) >= 2 and (two[-1] in "иьй" or two[-1] in _HUSHING):
        add(("ablt",), two + ("а" if two[-1] in _HUSHING else "я"), None, 1.0)
    if not out and (last in _CONSONANTS or last in "йь"):
        # a man's name; a woman's or a first part of a Chinese name would stay the same in any case
        add(("nomn",), word, "masc", 0.5)
    if last in "ая":
        add(("nomn",), word, None, 0.5)
    if last == "а" and _stem_ok(one):
        add(("gent", "accs"), one, "masc", 0.5)
    if last == "я" and len(one) >= 2 and (one[-1] in _VOWELS or _stem_ok(one)):
        add(("gent", "accs"), _soft(one), "masc", 0.5)
    # -у, -ю and -е also end names that do not decline (Абдилдау, Чавушоглу, Эмине, Кобахидзе): as likely
    if last == "у" and _stem_ok(one):
        add(("datv",), one, "masc", 0.5)
        add(("accs",), one + "а", None, 0.5)
        add(("nomn",), word, None, 0.5)
    if last == "ю" and len(one) >= 2 and (one[-1] in _VOWELS or _stem_ok(one)):
        add(("datv",), _soft(one), "masc", 0.5)
        add(("accs",), one + "я", None, 0.5)
        add(("nomn",), word, None, 0.5)
    if last == "е" and _stem_ok(one):  # «об Озтюрке», «Аксаре»
        add(("loct",), one, "masc", 0.25)
        add(("datv", "loct"), one + "а", None, 0.25)
        add(("nomn",), word, None, 0.25)
    if last == "ы" and _stem_ok(one) and one[-1] not in "гкхжшчщ":
        add(("gent",), one + "а", None, 1.0)
    if word.endswith("ии") and len(word) > 3:
        add(("gent", "datv", "loct"), one + "я", None, 1.0)
    return out


@lru_cache(maxsize=16384)
def name_readings(word: str) -> tuple[NameReading, ...]:
    """The cases a word of a person's name may be in, with its nominative in each (lower case).

    A name pymorphy3 has in its dictionary is read as it says (an indeclinable one as a weak nominative); any
    other word by its ending; a common word that is neither only as the dictionary has it, with no say in the
    case (weight 0).

    >>> sorted({(r.case, r.nominative) for r in name_readings("Чжиминем")})
    [('ablt', 'чжиминь')]
    >>> sorted({(r.case, r.nominative) for r in name_readings("Тимура")})
    [('accs', 'тимур'), ('gent', 'тимур')]
    >>> name_readings("Абдилдау")
    ()
    """
    lower = word.lower()
    parses = morph_analyzer().parse(lower)
    known = [
        p
        for p in parses
        if p.is_known and _NAME_TAGS & p.tag.grammemes and p.tag.number != "plur" and p.tag.case in NAME_CASES
    ]
    if known:
        # an indeclinable reading («Ли», «Абу»): the word as written may be a nominative, but it may as well be
        # in any other case; and the word's other readings («Абу» as a form of «Аба») are no surer than that
        shaky = any("Fixd" in p.tag.grammemes for p in known)
        return tuple(
            dict.fromkeys(
                NameReading("nomn", lower, p.tag.gender, 0.5)
                if "Fixd" in p.tag.grammemes
                else NameReading(
                    p.tag.case, _nominative_of(p, lower), p.tag.gender, 0.5 if shaky else 1.0, shaky
                )
                for p in known
            )
        )
    if lower.endswith(_ADJECTIVAL):  # «Игорю Косому»: a surname that is an adjective declines as one
        adjectives = [
            p for p in parses if p.is_known and p.tag.POS == "ADJF" and p.tag.number == "sing" and p.tag.case
        ]
        if adjectives:
            return tuple(
                dict.fromkeys(
                    NameReading(p.tag.case, _nominative_of(p, lower), p.tag.gender, 1.0)
                    for p in adjectives
                    if p.tag.case in NAME_CASES and p.tag.gender in ("masc", "femn")
                )
            )
    out = _ending_readings(lower)
    if out:
        return tuple(dict.fromkeys(out))
    common = [
        p
        for p in parses
        if p.is_known
        and p.tag.POS in ("NOUN", "ADJF")
        and p.tag.number != "plur"
        and p.tag.case in NAME_CASES
    ]
    return tuple(NameReading(p.tag.case, _nominative_of(p, lower), p.tag.gender, 0.0) for p in common)


def _nominative_of(parse: Any, word: str) -> str:
    if parse.tag.case == "nomn":
        return word
    form = parse.inflect({"nomn"})
    if form is None:
        return word
    return unyo(form.word) if "ё" not in word else form.word


def _weighed(word: str, gender: str | None) -> list[tuple[NameReading, float]]:
    """The readings of a written word's last part, weighed: halved where they have the other gender than
    the name («Каллас» is a man's nominative, but «с Кайей Каллас» a woman's name in any case)."""
    other = {"masc": "femn", "femn": "masc"}.get(UD_GENDERS.get(gender or "", ""))
    part = word.split("-")[-1]
    if not is_name_word(part):
        return []
    return [(r, r.weight / 2 if other and r.gender == other else r.weight) for r in name_readings(part)]


def is_name_word(word: str) -> bool:
    """A word of a name that may decline: not a particle («бин», «ас»), an initial or a regnal number («II»).

    >>> [w for w in ["Мухаммед", "бин", "Салман", "II", "И"] if is_name_word(w)]
    ['Мухаммед', 'Салман']
    """
    return (
        len(word) > 1
        and word.isalpha()
        and not word.islower()
        and not (word.isupper() and set(word) <= _ROMAN)
    )


def name_case(
    words: Sequence[str],
    cases: Sequence[str | None] = (),
    gender: str | None = None,
    context: str | None = None,
) -> str | None:
    """The case the words of one person's name share, or None when nothing tells.

    What the words' endings and the dictionary allow counts most, the last word twice (Chinese and Korean
    names decline only that one); of a hyphenated word only the last part counts («Касым-Жомартом»,
    «Аль-Саид»). Then the tagger's cases (``cases``, UD names such as «Ins», one per word, counting one in all),
    and the case of a post the name stands beside (``context``, counting 1.5). Readings of the other gender
    than the tagger's for the name (``gender``, «Masc» or «Fem») count half.

    >>> name_case(["Четином", "Йылмазом"], ["Nom", "Gen"])
    'ablt'
    >>> name_case(["Юн", "Сок", "Ёлем"], ["Nom", "Nom", "Nom"])
    'ablt'
    >>> name_case(["Четин", "Йылмаз"])
    'nomn'
    """
    votes = dict.fromkeys(NAME_CASES, 0.0)
    for n, word in enumerate(words):
        factor = 2.0 if n == len(words) - 1 else 1.0
        best: dict[str, float] = {}
        for r, weight in _weighed(word, gender):
            best[r.group] = max(best.get(r.group, 0.0), weight)
        for case, weight in best.items():
            votes[case] += factor * weight
    supported = {case for case, v in votes.items() if v > 0}
    if not supported:
        return None
    tags = [UD_CASES.get(t or "") for t in cases]
    for case in tags:
        if case == "accs" and case not in supported:
            case = "gent"  # a man's name the tagger reads as accusative
        if case in supported:
            votes[case] += 1.0 / len(tags)
    context_case = UD_CASES.get(context or "")
    if context_case in supported:
        votes[context_case] += 1.5
    return max(NAME_CASES, key=lambda c: (votes[c], -NAME_CASES.index(c)))


def name_nominatives(
    words: Sequence[str],
    cases: Sequence[str | None] = (),
    gender: str | None = None,
    context: str | None = None,
) -> list[str]:
    """The nominative of each written word of one person's name, in the case :func:`name_case` finds: every
    part of a hyphenated word that has a reading in that case takes its nominative, any other part or word
    stays as written («Абдилдау», «Лю», «бин», the first parts of «Ким Чен Ыном», a first name on -е, and a
    word the dictionary also has as indeclinable, «Абу», unless the tagger reads it in just that case). Where a
    word could be a man's or a woman's («Озтюрке» from Озтюрк or Озтюрка), the name's other words decide, else
    ``gender``.

    >>> name_nominatives(["Абу", "Бакра", "аль-Багдади"], ["Gen", "Gen", "Nom"])
    ['Абу', 'Бакр', 'аль-Багдади']

    >>> name_nominatives(["Четином", "Йылмазом"], ["Nom", "Gen"])
    ['Четин', 'Йылмаз']
    >>> name_nominatives(["Лю", "Чжиминем"], ["Nom", "Loc"], context="Ins")
    ['Лю', 'Чжиминь']
    >>> name_nominatives(["Тимура", "Абдилдау"], ["Ins", "Ins"])
    ['Тимур', 'Абдилдау']
    >>> name_nominatives(["Марией", "Захаровой"])
    ['Мария', 'Захарова']
    >>> name_nominatives(["Шахназ", "Бхатти"], ["Gen", "Gen"])
    ['Шахназ', 'Бхатти']
    >>> name_nominatives(["Игорю", "Косому"])
    ['Игорь', 'Косой']
    >>> name_nominatives(["Касым-Жомартом", "Токаевым"])
    ['Касым-Жомарт', 'Токаев']
    >>> name_nominatives(["Хосе", "Сааведре"], ["Dat", "Dat"])
    ['Хосе', 'Сааведра']
    """
    case = name_case(words, cases, gender, context)
    if case is None:
        return list(words)
    shown = [
        r.gender
        for w in words
        for r, weight in _weighed(w, gender)
        if r.group == case and weight >= 1.0 and r.gender
    ]
    prefer = max(("masc", "femn"), key=shown.count) if shown else UD_GENDERS.get(gender or "")
    tags = [UD_CASES.get(t or "") for t in cases] + [None] * len(words)
    out = []
    for k, word in enumerate(words):
        parts = word.split("-")
        for n, part in enumerate(parts):
            fitting = [
                (r, weight)
                for r, weight in _weighed(part, gender)
                if r.group == case
                # -е, the weakest sign, only on the last word: a first name on -е (Хосе, Эмине) does not decline
                and not (k < len(words) - 1 and 0 < r.weight < 0.5)
                # a word that may not decline at all only where the tagger reads it in just this case
                and not (r.shaky and tags[k] != r.case)
            ]
            if fitting:
                best, _ = max(fitting, key=lambda item: (item[1], item[0].gender == prefer))
                parts[n] = recover_shape(best.nominative, part)
        out.append("-".join(parts))
    return out
