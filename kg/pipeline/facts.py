"""``kg_facts``: figures the text states, in ``doc._.kg_facts`` (a list of :class:`kg.records.Fact`).

«двусторонний товарооборот за 10 месяцев достиг $36,5 млрд, что на 11% превышает …» → TradeTurnover,
36.5e9 USD, period «10 месяцев», change 11 %, between the two states; «китайская сторона выделит грант в размере
200 млн юаней» → Aid, 2e8 CNY, from the donor to the recipient.

An amount is a number with a currency (or, for trade and aid, with tonnes or cubic metres); a bare number, a
year or a date is never one. It becomes a figure only when an indicator word is tied to it: by the parse (the
amount hangs from the indicator, or the indicator is the subject of the clause the amount is in) or by standing
right next to it. The period, the change and the parties are read from the same clause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from kg.dates import MONTH_RE, month_number
from kg.lexicon import lookup
from kg.morphology import morph_analyzer
from kg.pipeline.cues import (
    Group,
    actor_groups,
    ent_key,
    governor,
    group_governor,
    in_skipped,
    lemma,
    main_states,
    nearest_mention,
    post_words,
    sentence_span,
)
from kg.pipeline.syntax import dep_of, head_of
from kg.records import Fact, Ref

if not Doc.has_extension("kg_facts"):
    Doc.set_extension("kg_facts", default=[])

#: Indicator words by lemma: the concepts of ``dip:IndicatorScheme`` (a grant is aid given, a credit a loan).
INDICATORS = {
    "товарооборот": "TradeTurnover",
    "торговля": "TradeTurnover",
    "оборот": "TradeTurnover",  # only «торговый / внешнеторговый оборот», see _indicator_tokens
    "инвестиция": "Investment",
    "инвестирование": "Investment",
    "вложение": "Investment",
    "капиталовложение": "Investment",
    "инвестировать": "Investment",
    "вложить": "Investment",
    "вкладывать": "Investment",
    "экспорт": "Export",
    "импорт": "Import",
    "помощь": "Aid",
    "грант": "Aid",
    "кредит": "Loan",
    "кредитный": "Loan",  # «кредитная линия», «кредитное соглашение на …»
    "кредитовать": "Loan",
    "заем": "Loan",
    "займ": "Loan",
}
# indicators whose amount may be a weight or a volume («12 тыс. тонн зерна»); the others need money
_PHYSICAL_OK = {"TradeTurnover", "Export", "Import", "Aid"}
# indicators with a giver and a taker, read as donor and recipient
_GIVEN = {"Aid", "Loan"}
# words before an indicator that make it part of a name: «министр торговли», «Министерство торговли»
_NAME_HEADS = {
    "министр",
    "министерство",
    "минист",
    "палата",
    "комитет",
    "комиссия",
    "департамент",
    "ведомство",
    "управление",
    "организация",
    "представительство",
    "миссия",
    "агентство",
    "фонд",
    "банк",
    "центр",
    "дом",
    "совет",
    "отдел",
}
# verbs whose subject takes what is given («Кыргызстан получит кредит»)
_RECEIVE = {"получить", "получать", "привлечь", "привлекать", "взять", "брать"}
# nouns that may stand between a giving verb and what is given: «выделит грант в размере …», «о выделении гранта»
_CARRIERS = {
    "размер",
    "сумма",
    "объем",
    "вид",
    "качество",
    "форма",
    "выделение",
    "предоставление",
    "оказание",
    "передача",
    "направление",
    "получение",
    "привлечение",
}
_RECEIVE_NOUNS = {"получение", "привлечение"}
# nouns an amount may hang from and still be the indicator's: «достиг рекордного показателя в $36,5 млрд»
_VALUE_NOUNS = {"показатель", "уровень", "отметка", "рекорд", "значение", "величина", "итог"}
# words that make the figure one between the two states the article is about
_BILATERAL_ADJ = ("двусторонний", "взаимный", "обоюдный")
_PAIR_WORDS = {
    "два",
    "две",
    "двух",
    "двумя",
    "оба",
    "обе",
    "обеих",
    "обоих",
    "обеими",
    "наш",
    "наших",
    "нашими",
}
_SIDE_NOUNS = {"страна", "государство", "сторона"}

# --- amounts ---------------------------------------------------------------------------------------------------

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

    >>> parse_amount("$36,5 млрд")
    (36500000000.0, 'USD')
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
    >>> amounts_in("к 2030 году, 14 марта 2024 г., 500 000 человек, от 100 до 200 млн долларов, 1,2–2 млрд евро")
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


# --- periods ---------------------------------------------------------------------------------------------------

_COUNT_WORDS = {
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
_CNT = r"\d{1,2}|" + "|".join(sorted({*_COUNT_WORDS, "трёх", "четырёх"}, key=len, reverse=True))
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
        number = int(count) if count.isdigit() else _COUNT_WORDS[count.lower().replace("ё", "е")]
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


# --- change ----------------------------------------------------------------------------------------------------

_PERCENT = re.compile(rf"(?:\bна[ \u00a0]+)?(?P<num>{_NUM})[ \u00a0]?(?:%|процент\w*)", re.IGNORECASE)
_TIMES = re.compile(rf"\bв[ \u00a0]+(?P<num>{_NUM})[ \u00a0]+раз[а]?\b", re.IGNORECASE)
_DOWN = re.compile(
    r"\b(?:сниз|сниж|сократ|сокращ|уменьш|упал|упа[дс]|паден|ниже|меньше|спад|опусти|потеря)\w*",
    re.IGNORECASE,
)
_UP = re.compile(
    r"\b(?:вырос|выраст|рост|прирост|увелич|превыс|превыш|выше|больше|подня|поднима|возрос|возраст|прибав)\w*",
    re.IGNORECASE,
)


def _direction(text: str, start: int, end: int) -> int:
    """+1 or -1 from the words just around a change («вырос на 18%», «на 5% меньше»), 0 when none says."""
    before = text[max(0, start - 30) : start]
    before = before[before.rfind(",") + 1 :] if "," in before else before
    after = text[end : end + 30]
    after = after[: after.find(",")] if "," in after else after
    words = [(len(before) - m.start(), m[0]) for m in re.finditer(r"\w+", before)]
    words += [(m.start() + 1, m[0]) for m in re.finditer(r"\w+", after)]
    for _, word in sorted(words):
        if _DOWN.fullmatch(word):
            return -1
        if _UP.fullmatch(word):
            return 1
    return 0


def change_in(text: str, lo: int, hi: int) -> tuple[float, int, int] | None:
    """(percent, start, end) of the change stated in text[lo:hi]: «вырос на 18%» 18, «снизился на 5%» -5,
    «вырос в 2 раза» 100; None when no change with a direction is there.

    >>> change_in("вырос на 18% и составил", 0, 23)[0]
    18.0
    >>> change_in("снизился на 5 процентов", 0, 23)[0]
    -5.0
    >>> change_in("что на 11% превышает показатель", 0, 31)[0]
    11.0
    >>> change_in("сократился в 2 раза", 0, 19)[0]
    -50.0
    >>> change_in("доля составила 10%", 0, 18) is None
    True
    """
    for m in _PERCENT.finditer(text, lo, hi):
        sign = _direction(text, m.start(), m.end())
        if sign:
            return sign * float(re.sub(r"\s", "", m["num"]).replace(",", ".")), m.start(), m.end()
    for m in _TIMES.finditer(text, lo, hi):
        sign = _direction(text, m.start(), m.end())
        times = float(re.sub(r"\s", "", m["num"]).replace(",", "."))
        if sign and times > 1:
            pct = (times - 1) * 100 if sign > 0 else (1 / times - 1) * 100
            return round(pct, 2), m.start(), m.end()
    return None


_GOES_ON = re.compile(
    r"\s*(?:что|или|это|увеличи|выро|сократи|снизи|превыси|уменьши|прибави|упа)\w*", re.IGNORECASE
)


def _clause_end(text: str, start: int) -> int:
    """Where the clause an amount ends goes on to: the first «;» or the first comma that a «что …» or a
    participle («, увеличившись на 5%») does not follow.

    >>> text = "составил $5 млрд, что на 3% больше, а доля экспорта выросла на 20%"
    >>> text[: _clause_end(text, 16)]
    'составил $5 млрд, что на 3% больше'
    """
    for m in re.finditer(r"[,;(](?!\d)", text[start:]):
        if m[0] != "," or not _GOES_ON.match(text, start + m.end()):
            return start + m.start()
    return len(text)


# --- the component ---------------------------------------------------------------------------------------------


def _indicator_tokens(sent: Span) -> list[tuple[Token, str]]:
    """The indicator words of a sentence that are not part of a name or a phrase such as «с помощью»."""
    out = []
    for tok in sent:
        lem = lemma(tok)
        if lem not in INDICATORS:
            continue
        # inside a name («Министерство торговли»); an indicator word alone tagged as a name is the NER's slip
        # («Товарооборот» opening a sentence read as a Place)
        if tok.ent_type_ and any(e.start <= tok.i < e.end and len(e) > 1 for e in sent.ents):
            continue
        prev = tok.doc[tok.i - 1] if tok.i > sent.start else None
        prev_lem = lemma(prev) if prev is not None else ""
        if prev_lem in _NAME_HEADS or prev_lem in post_words() and lem != "помощь":
            continue
        if lem == "помощь" and prev is not None and prev.lower_ in ("с", "со", "при"):
            continue
        if lem == "оборот" and not any(
            lemma(t).startswith(("торгов", "внешнеторгов"))
            for t in tok.doc[max(sent.start, tok.i - 2) : tok.i + 2]
        ):
            continue
        if (
            lem == "кредитный"
            and tok.i + 1 < sent.end
            and lemma(tok.doc[tok.i + 1]) in ("рейтинг", "история")
        ):
            continue
        out.append((tok, INDICATORS[lem]))
    return out


def _tokens(doc: Doc, amount: Amount) -> Span | None:
    """The tokens of an amount from its number on (the parse hangs «более» elsewhere)."""
    return doc.char_span(amount.core, amount.end, alignment_mode="expand")


def _span_root(span: Span) -> Token:
    for tok in span:
        head = head_of(tok)
        if head.i == tok.i or not span.start <= head.i < span.end:
            return tok
    return span[0]


# punctuation that does not end the stretch between an indicator and its amount: «экспорт — $3 млрд»,
# «за январь-июнь»
_GAP_PUNCT = {"—", "–", "-", "«", "»", '"', "%"}


def _carries(tok: Token) -> bool:
    """Whether a noun only carries an amount on to the word above it: «в размере», «на сумму», «показателя»."""
    return lemma(tok) in _CARRIERS or lemma(tok) in _VALUE_NOUNS


def _owner(span: Span) -> Token | None:
    """The first noun above an amount that is not a carrier: what the parse says the amount is of."""
    tok, seen = _span_root(span), set()
    while tok.i not in seen:
        seen.add(tok.i)
        head = head_of(tok)
        if head.i == tok.i or head.pos_ in ("VERB", "AUX"):
            return None
        if head.pos_ in ("NOUN", "PROPN") and not _carries(head) and not span.start <= head.i < span.end:
            return head
        tok = head
    return None


def _children(sent: Span) -> dict[int, list[Token]]:
    out: dict[int, list[Token]] = {}
    for tok in sent:
        head = head_of(tok)
        if head.i != tok.i:
            out.setdefault(head.i, []).append(tok)
    return out


def _within(tok: Token, kids: dict[int, list[Token]], depth: int, skip: set[int]) -> list[Token]:
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


def _clause_verbs(verb: Token, kids: dict[int, list[Token]]) -> list[Token]:
    """A verb with the verbs it is conjoined with when it has no subject of its own («вырос на 18% и составил …»)."""
    out = [verb]
    if _has_subject(verb, kids):
        return out
    if dep_of(verb).startswith("conj") and head_of(verb).pos_ in ("VERB", "AUX"):
        out.append(head_of(verb))
    for v in list(out):
        out += [c for c in kids.get(v.i, []) if dep_of(c).startswith("conj") and c.pos_ in ("VERB", "AUX")]
    return out


class Facts:
    """Finds figures tied to an indicator word, with their period, change and the actors they concern."""

    def __init__(self, name: str = "kg_facts") -> None:
        self.name = name

    # -- which indicator an amount belongs to --------------------------------------------------------------------

    def _link(
        self,
        sent: Span,
        span: Span,
        indicators: list[tuple[Token, str]],
        kids: dict[int, list[Token]],
        skip: set[int],
    ) -> tuple[Token, str] | None:
        """(indicator word, concept) of an amount's tokens, or None."""
        by_i = {t.i: c for t, c in indicators}
        inside = set(range(span.start, span.end))
        # right after its indicator, maybe through «в», «на сумму», «в размере»: «кредит в 1 млрд юаней»
        for i in range(span.start - 1, max(sent.start, span.start - 4) - 1, -1):
            if i in by_i:
                return sent.doc[i], by_i[i]
            word = sent.doc[i]
            if not (word.pos_ == "ADP" or _carries(word) or word.text in ("—", "–")):
                break
        # «25 млрд долларов кредитов»: the indicator depends on the amount
        for i in inside:
            for c in kids.get(i, []):
                if c.i in by_i and c.i not in inside:
                    return c, by_i[c.i]
        tok, seen = _span_root(span), set()
        while tok.i not in seen:
            seen.add(tok.i)
            head = head_of(tok)
            if head.i == tok.i or not sent.start <= head.i < sent.end:
                break
            if head.i in by_i:
                return head, by_i[head.i]
            if head.pos_ in ("NOUN", "PROPN") and not _carries(head):
                break  # «контракт на $5 млрд», «проект стоимостью …»: the amount is that thing's
            if head.pos_ in ("VERB", "AUX"):
                # the verb's subject (with its complements: «объем торговли»), else its objects; the subject
                # of the verb it is conjoined with when it has none
                for verb in _clause_verbs(head, kids):
                    if verb.i in by_i:
                        return verb, by_i[verb.i]
                    for rels, depth in (("nsubj",), 2), (("obj", "iobj", "obl") if verb is head else (), 1):
                        found = [
                            t
                            for c in kids.get(verb.i, [])
                            if dep_of(c).split(":")[0] in rels
                            for t in _within(c, kids, depth, {tok.i})
                            if t.i in by_i and t.i not in inside
                        ]
                        if found:
                            best = min(found, key=lambda t: abs(t.i - span.start))
                            return best, by_i[best.i]
                if dep_of(head) != "acl":  # «товарооборот, составивший …» goes on to the noun
                    break
            tok = head
        # in the same stretch without a comma, before it («экспорт — $3 млрд», «товарооборот за 10 месяцев достиг
        # рекордного показателя в $36,5 млрд») or right after it («200 млн юаней в виде гранта»); not when the
        # parse gives the amount to a noun in between («экспорт вырос благодаря контракту на $5 млрд»)
        owner = _owner(span)
        for t, concept in sorted(indicators, key=lambda x: abs(x[0].i - span.start)):
            before = t.i < span.start
            between = sent.doc[t.i + 1 : span.start] if before else sent.doc[span.end : t.i]
            if (
                len(between) <= (12 if before else 3)
                and not any(g.is_punct and g.text not in _GAP_PUNCT or g.i in skip for g in between)
                and not (owner is not None and between.start <= owner.i < between.end)
            ):
                return t, concept
        return None

    # -- who the figure is between -------------------------------------------------------------------------------

    def _adjective_states(self, doc: Doc, tok: Token) -> list[Span]:
        """States named by the adjectives right before a word («китайская сторона», «российско-китайский
        товарооборот», which the tokenizer may split in three)."""
        out: list[Span] = []
        i = tok.i - 1
        while i >= 0 and (
            doc[i].pos_ == "ADJ"
            or doc[i].text in ("-", "–")
            or doc[i].lower_.endswith(("ско", "цко"))
            and i + 1 < len(doc)
            and doc[i + 1].text in ("-", "–")
        ):
            for part in doc[i].lower_.split("-"):
                ent = self._state_of_word(doc, part, i)
                if ent is not None and all(ent_key(ent) != ent_key(o) for o in out):
                    out.append(ent)
            i -= 1
        return out

    def _state_of_word(self, doc: Doc, word: str, near: int) -> Span | None:
        if not re.search(r"(?:ск|цк)(?:ий|ая|ое|ие|ого|ой|ому|ую|им|их|ими|ом|о)$", word):
            return None
        best: tuple[int, int, Span] | None = None
        for ent in doc.ents:
            if ent.label_ != "State":
                continue
            names = [ent._.kg_norm or ent.text]
            entry = lookup(ent.kb_id_) if ent.kb_id_ else None
            if entry is not None:
                names += list(entry.names)
            common = max(
                len(_common_prefix(word.replace("ё", "е"), n.lower().replace("ё", "е"))) for n in names
            )
            if common < 4:
                continue
            score = (-common, abs(ent.start - near))
            if best is None or score < best[:2]:
                best = (*score, ent)
        return best[2] if best is not None else None

    def _bilateral(self, sent: Span) -> bool:
        """Whether the sentence says the figure is the two sides' own: «двусторонний», «между двумя странами»."""
        doc = sent.doc
        for tok in sent:
            lem = lemma(tok)
            if lem.startswith(_BILATERAL_ADJ):
                return True
            if lem in _SIDE_NOUNS and "Plur" in tok.morph.get("Number"):
                before = doc[max(sent.start, tok.i - 2) : tok.i]
                if any(
                    t.lower_ in _PAIR_WORDS or lemma(t) in _PAIR_WORDS or t.lower_ == "между" for t in before
                ):
                    return True
        return False

    def _parties(
        self, doc: Doc, sent: Span, ind: Token, concept: str, skip: set[int], amount_tokens: set[int]
    ) -> tuple[list[Span], list[str | None]]:
        """The actors a figure is between, with their roles (donor, recipient) for what is given."""
        groups = [
            g
            for g in actor_groups(sent)
            if not any(g.start <= i < g.end for i in skip) and g.actor.label_ in ("State", "Organization")
        ]
        if concept in _GIVEN or concept == "Investment":
            donor, recipient = self._roles(doc, sent, ind, groups, concept, amount_tokens)
            if donor is not None or recipient is not None:
                pair = [donor, recipient]
                if None in pair:
                    known = donor if donor is not None else recipient
                    two = main_states(doc)
                    keys = [ent_key(s) for s in two]
                    if known is not None and ent_key(known) in keys:
                        other = two[1 - keys.index(ent_key(known))]
                        other = nearest_mention(doc, ent_key(other), ind.i) or other
                        pair = [known, other] if donor is not None else [other, known]
                roles: list[str | None] = ["donor", "recipient"] if concept in _GIVEN else [None, None]
                kept = [(e, r) for e, r in zip(pair, roles) if e is not None]
                if len(kept) == 2 and ent_key(kept[0][0]) == ent_key(kept[1][0]):
                    kept = kept[:1]
                return [e for e, _ in kept], [r for _, r in kept]
        states: dict[str, Span] = {}
        for e in sent.ents:
            if e.label_ == "State" and not any(e.start <= i < e.end for i in skip):
                states.setdefault(ent_key(e), e)
        for e in self._adjective_states(doc, ind):
            states.setdefault(ent_key(e), e)
        if len(states) >= 2:
            return list(states.values())[:2], [None, None]
        if self._bilateral(sent):
            two = main_states(doc)
            if two and (not states or set(states) <= {ent_key(s) for s in two}):
                return [nearest_mention(doc, ent_key(s), ind.i) or s for s in two], [None, None]
        return list(states.values()), [None] * len(states)

    def _roles(
        self, doc: Doc, sent: Span, ind: Token, groups: list[Group], concept: str, amount_tokens: set[int]
    ) -> tuple[Span | None, Span | None]:
        """(donor, recipient) of a grant, a loan, aid or an investment, read from the clause of the indicator."""
        verb = governor(ind)
        verbs = {v.i for v in _clause_verbs(verb, _children(sent))}
        # the clause's subject and dative are the giver and the taker only when what is given is the verb's own
        # object, maybe through «в размере», «на сумму» or «о выделении» (not «получать нефть в обмен на кредиты»)
        path, tok = [], ind
        while head_of(tok).i != tok.i and tok.i != verb.i and len(path) < 8:
            tok = head_of(tok)
            path.append(tok)
        direct = all(t.i == verb.i or t.i in amount_tokens or lemma(t) in _CARRIERS for t in path)
        receiving = lemma(verb) in _RECEIVE or any(lemma(t) in _RECEIVE_NOUNS for t in path)
        donor = recipient = None
        for g in groups:
            ent = g.actor
            gv = group_governor(g)
            if head_of(ent.root if ent.root.i < g.end else doc[g.start]).i == ind.i or any(
                head_of(t).i == ind.i for t in ent
            ):
                # «кредит Всемирного банка», «помощь Японии», «инвестиции в Казахстан», «грант Кыргызстану»
                if g.case == "Dat" and not g.prep or g.prep in ("для", "в", "во"):
                    recipient = recipient or ent
                elif g.case == "Gen" and not g.prep or g.prep in ("от", "из"):
                    donor = donor or ent
                continue
            if gv.i not in verbs or not direct:
                continue
            if g.case == "Nom" and not g.prep:
                if receiving:
                    recipient = recipient or ent
                else:
                    donor = donor or ent
            elif g.case == "Dat" and not g.prep or g.prep == "для":
                recipient = recipient or ent
            elif g.prep in ("от", "из") or g.prep == "со" and "сторон" in doc[g.start - 1 : g.end].text:
                donor = donor or ent
            elif concept == "Investment" and g.prep in ("в", "во") and g.case == "Acc":
                recipient = recipient or ent
        # «китайская сторона выделит …», «японская помощь», «китайские инвестиции»
        for tok in sent:
            if tok.i == ind.i or lemma(tok) in ("сторона", "правительство", "инвестор", "компания", "банк"):
                if tok.i != ind.i and (governor(tok).i not in verbs or not direct):
                    continue
                if tok.i != ind.i and dep_of(tok).split(":")[0] != "nsubj":
                    continue
                states = self._adjective_states(doc, tok)
                if len(states) == 1:
                    if receiving and tok.i != ind.i:
                        recipient = recipient or states[0]
                    else:
                        donor = donor or states[0]
        if donor is not None and recipient is not None and ent_key(donor) == ent_key(recipient):
            recipient = None
        return donor, recipient

    # -- the figures ---------------------------------------------------------------------------------------------

    def find(self, doc: Doc) -> list[Fact]:
        """Every figure with an indicator and a unit, in text order."""
        out = []
        for sent in doc.sents:
            if in_skipped(sent):
                continue
            indicators = _indicator_tokens(sent)
            if not indicators:
                continue
            text = sent.text
            amounts = amounts_in(text, sent.start_char)
            if not amounts:
                continue
            kids = _children(sent)
            spans = [_tokens(doc, a) for a in amounts]
            skip = {i for s in spans if s is not None for i in range(s.start, s.end)}
            for k, (amount, span) in enumerate(zip(amounts, spans)):
                if span is None:
                    continue
                # the same sum again in brackets or after «или»: «1,5 трлн тенге ($3 млрд)», «…, или $3 млрд»
                if k and re.fullmatch(
                    r"\s*(?:[(\[]|,?\s*или)\s*", doc.text[amounts[k - 1].end : amount.start]
                ):
                    continue
                linked = self._link(sent, span, indicators, kids, skip)
                if linked is None:
                    continue
                ind, concept = linked
                if not amount.money and concept not in _PHYSICAL_OK:
                    continue
                # the clause: from the indicator (or the previous amount) to the next amount or «;»
                base = sent.start_char
                lo = min(ind.idx, amount.start) - base
                prev_end = amounts[k - 1].end - base if k else 0
                nxt = amounts[k + 1].start - base if k + 1 < len(amounts) else len(text)
                hi = min(nxt, amount.end - base + 90, _clause_end(text, amount.end - base))
                change = change_in(text, max(lo, prev_end), hi)
                period = self._period(
                    text, base, lo, amount, prev_end, max(ind.idx + len(ind.text), amount.end)
                )
                parties, roles = self._parties(
                    doc, sent, ind, concept, skip, set(range(span.start, span.end))
                )
                out.append(
                    Fact(
                        indicator=concept,
                        value=amount.value,
                        unit=amount.unit,
                        evidence=sentence_span(sent),
                        period=period,
                        change_percent=change[0] if change else None,
                        between=tuple(Ref(e.start_char, e.end_char, r) for e, r in zip(parties, roles)),
                        value_text=amount.text,
                        confidence=0.75 if parties else 0.6,
                    )
                )
        return out

    @staticmethod
    def _period(text: str, base: int, lo: int, amount: Amount, prev_end: int, right: int) -> str | None:
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
                and m.start() - a_end < 40
                and not re.search(r"[,;:(]|\bчем\b|сравнени", text[a_end : m.start()])
            ):
                after.append((m.start() - a_end, found))
        for group in (inner, before, after):
            if group:
                return min(group)[1]
        return None

    def set_annotations(self, doc: Doc, found: list[Fact]) -> None:
        """Store the figures on the Doc."""
        doc._.kg_facts = found

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.find(doc))
        return doc


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


@Language.factory("kg_facts", assigns=["doc._.kg_facts"])
def make_facts(nlp: Language, name: str) -> Facts:
    """Factory of the figure finder."""
    return Facts(name)
