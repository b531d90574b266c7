"""Numbers as Russian news writes them: amounts with a currency or a unit, scales, number words, percentages.

Pure text parsing, no spaCy: «$4,2 млрд», «1,5 миллиарда долларов США», «около 300 млн юаней», «12 тыс. тонн».
An amount is a number with a currency (or with tonnes or cubic metres); a bare number, a year or a date is
never one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SCALE = [
    (r"трлн\.?|триллион\w*", 1e12),
    (r"млрд\.?|миллиард\w*", 1e9),
    (r"млн\.?|миллион\w*", 1e6),
    (r"тыс\.?|тысяч\w*", 1e3),
]
# (pattern, ISO code); a currency word may carry an adjective that names whose currency it is
_CURRENCY = [
    (r"\$|US\$|долл\.?(?:ар\w*)?|USD", "USD"),
    (r"€|евро|EUR", "EUR"),
    (r"юан\w*|CNY|RMB", "CNY"),
    (r"₽|руб\.?(?:л\w*)?|RUB", "RUB"),
    (r"тенге|KZT", "KZT"),
    (r"сум(?:а|ов|ы|ам|ами|ах)?|UZS", "UZS"),
    (r"сомони|TJS", "TJS"),
    (r"сом(?:а|ов|ы|ам|ами|ах)?|KGS", "KGS"),
    (r"гривн\w*|гривен|UAH", "UAH"),
    (r"[ий]ен(?:а|ы|у|ой|ам|ами|ах)?|JPY", "JPY"),
    (r"фунт\w*\s+стерлинг\w*|GBP", "GBP"),
]
# whose dollar or rouble it is; an adjective not listed makes the amount's currency unknown
_CURRENCY_ADJ = {
    "американск": "USD",
    "гонконгск": "HKD",
    "канадск": "CAD",
    "австралийск": "AUD",
    "сингапурск": "SGD",
    "новозеландск": "NZD",
    "тайваньск": "TWD",
    "российск": "RUB",
    "белорусск": "BYN",
    "китайск": "CNY",
    "казахстанск": "KZT",
    "узбекск": "UZS",
    "кыргызск": "KGS",
    "киргизск": "KGS",
    "таджикск": "TJS",
    "украинск": "UAH",
    "японск": "JPY",
}
_DOLLARS = {"USD", "HKD", "CAD", "AUD", "SGD", "NZD", "TWD"}
_ROUBLES = {"RUB", "BYN"}
_PHYSICAL = [(r"тонн\w*", "т"), (r"кубометр\w*|куб\.\s?м", "м3")]
_NUM = r"(?<![\d.,])(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:[.,]\d+)?(?!\d)"
_SCALE_RE = "|".join(p for p, _ in _SCALE)
_CUR_RE = "|".join(p for p, _ in _CURRENCY)
_PHYS_RE = "|".join(p for p, _ in _PHYSICAL)
_QUAL_RE = (
    r"более\s+чем|не\s+менее|не\s+более|более|свыше|около|почти|порядка|примерно|приблизительно|менее|лишь"
)
AMOUNT = re.compile(
    rf"(?:(?P<qual>{_QUAL_RE})[ \u00a0])?"
    rf"(?:(?P<pre>US\$|\$|€|₽)[ \u00a0]?)?"
    rf"(?:(?P<num>{_NUM})(?:[ \u00a0]?(?P<scale>{_SCALE_RE}))?|(?P<bare>миллиард|миллион|триллион)(?:а|ом)?)"
    rf"(?:[ \u00a0]?(?:(?P<adj>[а-яё]+(?:ск|цк)(?:их|ого|ому|им|ий|ой)[ \u00a0])?(?P<cur>{_CUR_RE})"
    rf"(?:[ \u00a0]США)?|(?P<phys>{_PHYS_RE})|(?P<t>т)\.?))?"
    r"(?!\w)",
    re.IGNORECASE,
)
# a number that starts or ends a range or a «с … до …» change: not a figure of its own
_RANGE_BEFORE = re.compile(
    rf"(?:(?:{_NUM})[ \u00a0]?[–—-][ \u00a0]?|\bот[ \u00a0]+(?:{_NUM})(?:[ \u00a0]?(?:{_SCALE_RE}))?[ \u00a0]+до[ \u00a0]+)$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Amount:
    """A number with its unit, as character offsets into the Doc."""

    start: int
    end: int
    value: float
    unit: str
    text: str
    money: bool
    core: int  # where the number starts, after «более», «около» …


def _unit_of(m: re.Match[str]) -> tuple[str, bool] | None:
    """(unit, is money) of an AMOUNT match; None when it names no unit or a currency we cannot tell."""
    if m["cur"]:
        code = next(c for p, c in _CURRENCY if re.fullmatch(p, m["cur"].replace("США", "").strip(), re.I))
        if m["adj"]:
            adj = m["adj"].strip().lower()
            named = next((c for stem, c in _CURRENCY_ADJ.items() if adj.startswith(stem)), None)
            kin = _DOLLARS if code == "USD" else _ROUBLES if code == "RUB" else {code}
            if named not in kin:  # «канадских юаней», «кипрских долларов»: not one we can name
                return None
            code = named
        return code, True
    if m["pre"]:
        return {"€": "EUR", "₽": "RUB"}.get(m["pre"], "USD"), True
    if m["phys"]:
        return next(u for p, u in _PHYSICAL if re.fullmatch(p, m["phys"], re.I)), False
    if m["t"] and (m["scale"] or m["bare"]):  # «1,2 млн т»; a lone «т» may be anything
        return "т", False
    return None


def _value_of(m: re.Match[str]) -> float:
    scale_word = m["scale"] or m["bare"]
    value = float(re.sub(r"[\s\u00a0\u202f]", "", m["num"]).replace(",", ".")) if m["num"] else 1.0
    if scale_word:
        value *= next(f for p, f in _SCALE if re.fullmatch(p, scale_word, re.IGNORECASE))
    return round(value, 6)


def parse_amount(text: str) -> tuple[float, str] | None:
    """(value, ISO currency) of the first money amount in Russian notation, or None when none names a currency.

    >>> parse_amount("$41,2 млрд")
    (41200000000.0, 'USD')
    >>> parse_amount("1,2 миллиарда долларов")
    (1200000000.0, 'USD')
    >>> parse_amount("более 500 млн юаней")
    (500000000.0, 'CNY')
    >>> parse_amount("2 миллиарда долларов США")
    (2000000000.0, 'USD')
    >>> parse_amount("300 млн гонконгских долларов")
    (300000000.0, 'HKD')
    >>> parse_amount("€4,5 млрд")
    (4500000000.0, 'EUR')
    >>> parse_amount("свыше миллиарда рублей")
    (1000000000.0, 'RUB')
    >>> parse_amount("в 2024 году, на 2025–2027 годы, 10 месяцев, 12 тыс. тонн") is None
    True
    """
    for m in AMOUNT.finditer(text):
        unit = _unit_of(m)
        if unit is not None and unit[1]:
            return _value_of(m), unit[0]
    return None


def amounts_in(text: str, offset: int = 0) -> list[Amount]:
    """Every amount with a unit in a text, the lower end of a range and the «с» of «с … до …» left out.

    >>> [(a.value, a.unit, a.text) for a in amounts_in("экспорт составил 12 тыс. тонн, или около 3 млрд евро.")]
    [(12000.0, 'т', '12 тыс. тонн'), (3000000000.0, 'EUR', 'около 3 млрд евро')]
    >>> [a.text for a in amounts_in("вырос с $10 млрд до $12,5 млрд.")]
    ['$12,5 млрд']
    >>> amounts_in("к 2030 году, 14 марта 2024 г., 500 000 человек, от 150 до 400 млн долларов, 1,2–2 млрд евро")
    []
    """
    out = []
    for m in AMOUNT.finditer(text):
        unit = _unit_of(m)
        if unit is None:
            continue
        if _RANGE_BEFORE.search(text[max(0, m.start() - 30) : m.start()]) and not m["qual"]:
            continue
        if re.search(r"(?:^|\s)с\s*$", text[max(0, m.start() - 3) : m.start()], re.I) and re.match(
            r"\s*до\s", text[m.end() :], re.I
        ):
            continue
        start, end = m.start(), m.end()
        shown = m[0]
        # the dot of «млрд.» that ends the sentence is the sentence's
        if shown.endswith(".") and not text[end:].strip():
            shown, end = shown[:-1], end - 1
        core = m.start("pre") if m["pre"] else m.start("num") if m["num"] else m.start("bare")
        out.append(
            Amount(offset + start, offset + end, _value_of(m), unit[0], shown.strip(), unit[1], offset + core)
        )
    return out


# number words, for counts of months and quarters («за девять месяцев»)
COUNT_WORDS = {
    "два": 2,
    "двух": 2,
    "три": 3,
    "трех": 3,
    "четыре": 4,
    "четырех": 4,
    "пять": 5,
    "пяти": 5,
    "шесть": 6,
    "шести": 6,
    "семь": 7,
    "семи": 7,
    "восемь": 8,
    "восьми": 8,
    "девять": 9,
    "девяти": 9,
    "десять": 10,
    "десяти": 10,
    "одиннадцать": 11,
    "одиннадцати": 11,
    "двенадцать": 12,
    "двенадцати": 12,
}

#: A percentage, maybe after «на» («на 18%», «5 процентов»), and a ratio («в 2 раза»).
PERCENT = re.compile(rf"(?:\bна[ \u00a0]+)?(?P<num>{_NUM})[ \u00a0]?(?:%|процент\w*)", re.IGNORECASE)
TIMES = re.compile(rf"\bв[ \u00a0]+(?P<num>{_NUM})[ \u00a0]+раз[а]?\b", re.IGNORECASE)
