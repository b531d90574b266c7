"""The period a figure covers, in the nominative: «за 10 месяцев», «в первом полугодии», «за январь–март»."""

from __future__ import annotations

import re
from functools import lru_cache

from kg.dates import MONTH_RE, month_number
from kg.folding import fold
from kg.morphology import morph_analyzer
from kg.numbers import COUNT_WORDS, Amount

_MONTH_NAMES = [
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
]
_DASH = r"[ \u00a0]?[–—-][ \u00a0]?"
_ORD = r"(?:перв|втор|трет|четв[её]рт|последн|прошл|текущ|нынешн|минувш|истекш|уходящ|эт)[а-яё]*"
_CNT = r"\d{1,2}|" + "|".join(sorted({*COUNT_WORDS, "трёх", "четырёх"}, key=len, reverse=True))
_UNIT = r"год[ау]?|полугоди(?:е|я|и|ю|й)|квартал(?:а|е|у|ов|ы)?|месяц(?:а|ев|ы)?|лет"
_YEAR_TAIL = (
    r"(?:\s+(?P<tail>(?:19|20)\d\d\s+(?:года|г\.)|(?:текущего|прошлого|этого|нынешнего|минувшего|позапрошлого)"
    r"\s+года))?"
)
PERIOD = re.compile(
    r"(?P<prep>\bпо\s+итогам|\bза|\bв|\bво|\bна|\bс)\s+(?:"
    rf"(?P<years>(?:19|20)\d\d{_DASH}(?:19|20)\d\d)\s+(?:годы|годах|годов|гг\.)"
    r"|(?P<year>(?:19|20)\d\d)\s+(?:год|года|году|г\.)"
    rf"|(?:(?P<m1>{MONTH_RE})(?:{_DASH}|\s+по\s+)(?P<m2>{MONTH_RE})"
    rf"|(?P<m>{MONTH_RE})"
    rf"|(?:(?P<ord>{_ORD})\s+)?(?:(?P<cnt>{_CNT})\s+)?(?P<unit>{_UNIT}))\b{_YEAR_TAIL}"
    r")",
    re.IGNORECASE,
)


@lru_cache(maxsize=256)
def _nominative_words(adj: str | None, count: str | None, noun: str) -> str:
    """«первом», None, «полугодии» → «первое полугодие»; None, «девяти», «месяцев» → «девять месяцев»."""
    morph = morph_analyzer()
    n = next((p for p in morph.parse(noun.lower()) if p.tag.POS == "NOUN"), None)
    words = []
    if count is not None:
        number = int(count) if count.isdigit() else COUNT_WORDS[fold(count)]
        if not count.isdigit():
            nom = morph.parse(count.lower())[0].inflect({"nomn"})
            count = nom.word if nom is not None else count.lower()
        base = (n.inflect({"nomn", "sing"}) or n) if n is not None else None
        agreed = base.make_agree_with_number(number) if base is not None else None
        noun_out = agreed.word if agreed is not None and noun.lower() != "лет" else noun.lower()
        plural = number != 1
        words = [count, noun_out]
    else:
        noun_out = n.normal_form if n is not None else noun.lower()
        plural = False
        words = [noun_out]
    if adj is not None:
        parses = [p for p in morph.parse(adj.lower()) if p.tag.POS in ("ADJF", "PRTF", "NUMR")]
        if plural:
            want = {"nomn", "plur"}
        else:
            gender = morph.parse(noun_out)[0].tag.gender or "masc"
            want = {"nomn", gender, "sing"}
        form = parses[0].inflect(want) if parses else None
        words.insert(0, form.word if form is not None else adj.lower())
    return " ".join(words)


def period_text(m: re.Match[str]) -> str | None:
    """The period a PERIOD match names, in the nominative; None for a bare «в месяц» or «на год».

    >>> [period_text(m) for m in PERIOD.finditer(
    ...     "по итогам 2024 года, за январь–сентябрь, в первом полугодии 2025 года, за 10 месяцев, "
    ...     "в январе-марте текущего года, на 2025–2027 годы, по итогам девяти месяцев, в прошлом году")]
    ['2024 год', 'январь–сентябрь', 'первое полугодие 2025 года', '10 месяцев', 'январь–март текущего года', \
'2025–2027 годы', 'девять месяцев', 'прошлый год']
    """
    prep = re.sub(r"\s+", " ", m["prep"].lower()).replace("во", "в")
    tail = " " + " ".join(m["tail"].lower().split()) if m["tail"] else ""
    if m["years"]:
        if prep not in ("на", "в", "за"):
            return None
        a, b = re.findall(r"\d{4}", m["years"])
        return f"{a}–{b} годы"
    if m["year"]:
        return None if prep == "с" else f"{m['year']} год"
    if m["m1"]:
        if prep not in ("за", "в", "с", "по итогам") or (prep == "с") != (" по " in m[0].lower()):
            return None
        first, last = month_number(m["m1"]), month_number(m["m2"])
        return f"{_MONTH_NAMES[first - 1]}–{_MONTH_NAMES[last - 1]}{tail}" if first and last else None
    if m["m"]:
        if prep not in ("за", "в", "по итогам"):
            return None
        month = month_number(m["m"])
        return f"{_MONTH_NAMES[month - 1]}{tail}" if month else None
    if prep in ("на", "с"):
        return None
    unit = m["unit"].lower()
    if unit == "лет" and not m["cnt"] or prep == "в" and not (m["ord"] or m["cnt"]):
        return None  # «в год», «в месяц» is a rate; «за лет» is no period
    return _nominative_words(m["ord"], m["cnt"], unit) + tail


#: How far after its amount a period may stand (characters) and still be the figure's: «… $2 млрд в 2024 году».
PERIOD_AFTER = 40


def figure_period(text: str, base: int, lo: int, amount: Amount, prev_end: int, right: int) -> str | None:
    """The period of a figure: inside the stretch from its indicator to its amount, else just before the
    indicator in the same clause, else just after the amount (before any comparison)."""
    inner, before, after = [], [], []
    a_start, a_end = amount.start - base, amount.end - base
    for m in PERIOD.finditer(text):
        found = period_text(m)
        if found is None or a_start <= m.start() < a_end:
            continue
        if lo <= m.start() and m.end() <= right - base:
            inner.append((abs(m.start() - a_start), found))
        elif m.end() <= lo and m.start() >= prev_end and not re.search(r"[,;:]", text[m.end() : lo]):
            before.append((lo - m.end(), found))
        elif (
            m.start() >= a_end
            and m.start() - a_end < PERIOD_AFTER
            and not re.search(r"[,;:(]|\bчем\b|сравнени", text[a_end : m.start()])
        ):
            after.append((m.start() - a_end, found))
    for group in (inner, before, after):
        if group:
            return min(group)[1]
    return None
