"""``kg_facts``: figures the text states, in ``doc._.kg_facts`` (a list of :class:`kg.records.Fact`).

«двусторонний товарооборот за 10 месяцев достиг $36,5 млрд, что на 11% превышает …» → TradeTurnover,
36.5e9 USD, period «10 месяцев», change 11 %, between the two states. An amount needs a currency; the indicator
is the nearest indicator word before it in the sentence.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.pipeline.cues import ent_key, lemma, main_states, nearest_mention, sentence_span
from kg.records import Fact, Ref

if not Doc.has_extension("kg_facts"):
    Doc.set_extension("kg_facts", default=[])

INDICATORS = {
    "товарооборот": "TradeTurnover",
    "торговля": "TradeTurnover",
    "оборот": "TradeTurnover",
    "инвестиция": "Investment",
    "инвестирование": "Investment",
    "вложение": "Investment",
    "экспорт": "Export",
    "импорт": "Import",
    "помощь": "Aid",
    "кредит": "Loan",
    "заем": "Loan",
    "займ": "Loan",
}
_SCALE = [
    (r"трлн\.?|триллион\w*", 1e12),
    (r"млрд\.?|миллиард\w*", 1e9),
    (r"млн\.?|миллион\w*", 1e6),
    (r"тыс\.?|тысяч\w*", 1e3),
]
_CURRENCY = [
    (r"\$|долл\.?(?:ар\w*)?|USD", "USD"),
    (r"юан\w*|CNY|RMB", "CNY"),
    (r"тенге|KZT", "KZT"),
    (r"руб\.?(?:л\w*)?|RUB", "RUB"),
    (r"евро|€|EUR", "EUR"),
]
_NUM = r"\d{1,3}(?:[\s\u00a0]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
_SCALE_RE = "|".join(p for p, _ in _SCALE)
_CUR_RE = "|".join(p for p, _ in _CURRENCY)
AMOUNT = re.compile(
    rf"(?P<pre>\$|US\$)?\s?(?P<num>{_NUM})\s?(?P<scale>{_SCALE_RE})?\s?(?P<cur>{_CUR_RE})?(?![\w])",
    re.IGNORECASE,
)
_PERCENT = re.compile(rf"\bна\s+(?P<num>{_NUM})\s?(?:%|процент\w*)", re.IGNORECASE)
_PERIOD = re.compile(
    r"\bза\s+(?P<p>(?:первое|второе|первые|последние)?\s?(?:\d+|[а-я]+)?\s?(?:месяц\w*|квартал\w*|полугоди\w*|"
    r"год\w*)(?:\s+\d{4}\s+года)?|\d{4}\s+год\w*)|\bв\s+(?P<y>\d{4})\s+году",
    re.IGNORECASE,
)
_DOWN = re.compile(r"\b(снизи|сократи|уменьши|упал|ниже|меньше|спад)\w*", re.IGNORECASE)


def parse_amount(text: str) -> tuple[float, str] | None:
    """(value, ISO currency) of a money amount in Russian notation, or None when it names no currency.

    >>> parse_amount("$36,5 млрд")
    (36500000000.0, 'USD')
    >>> parse_amount("1,2 миллиарда долларов")
    (1200000000.0, 'USD')
    >>> parse_amount("500 млн юаней")
    (500000000.0, 'CNY')
    >>> parse_amount("15 тыс. тенге")
    (15000.0, 'KZT')
    >>> parse_amount("2 500 000 рублей")
    (2500000.0, 'RUB')
    >>> parse_amount("3 млрд евро")
    (3000000000.0, 'EUR')
    >>> parse_amount("10 месяцев") is None
    True
    """
    m = AMOUNT.search(text)
    while m is not None and not (m["pre"] or m["cur"]):
        m = AMOUNT.search(text, m.end())
    if m is None:
        return None
    value = float(re.sub(r"[\s\u00a0]", "", m["num"]).replace(",", "."))
    if m["scale"]:
        value *= next(f for p, f in _SCALE if re.fullmatch(p, m["scale"], re.IGNORECASE))
    unit = "USD" if m["pre"] else next(c for p, c in _CURRENCY if re.fullmatch(p, m["cur"], re.IGNORECASE))
    return round(value, 6), unit


class Facts:
    """Finds money figures next to an indicator word, with their period, change and the states they concern."""

    def __init__(self, name: str = "kg_facts") -> None:
        self.name = name

    def _between(self, doc: Doc, sent: Span, near: int) -> list[Span]:
        states = [e for e in sent.ents if e.label_ == "State"]
        keys: dict[str, Span] = {}
        for s in states:
            keys.setdefault(ent_key(s), s)
        if len(keys) >= 2:
            return list(keys.values())[:2]
        if any(lemma(t).startswith(("двусторонний", "взаимный")) for t in sent):
            two = main_states(doc)
            return [nearest_mention(doc, ent_key(s), near) or s for s in two]
        return list(keys.values())

    def find(self, doc: Doc) -> list[Fact]:
        """Every figure with an indicator and a currency, in text order."""
        out = []
        for sent in doc.sents:
            text = sent.text
            words = [(t.idx - sent.start_char, INDICATORS[lemma(t)]) for t in sent if lemma(t) in INDICATORS]
            if not words:
                continue
            pos = 0
            while True:
                m = AMOUNT.search(text, pos)
                if m is None:
                    break
                pos = m.end()
                if not (m["pre"] or m["cur"]):
                    continue
                before = [w for w in words if w[0] < m.start()]
                if not before:
                    continue
                indicator = before[-1][1]
                value, unit = parse_amount(m[0]) or (0.0, "")
                if not unit:
                    continue
                pct = _PERCENT.search(text, m.end())
                change = None
                if pct and pct.start() - m.end() < 60:
                    change = float(re.sub(r"\s", "", pct["num"]).replace(",", "."))
                    if _DOWN.search(text[pct.end() : pct.end() + 30]) or _DOWN.search(
                        text[m.end() : pct.start()]
                    ):
                        change = -change
                per = _PERIOD.search(text, before[-1][0])
                period = None
                if per and per.start() < m.start() + 40:
                    period = (per["p"] or per["y"] or "").strip() or None
                tok = doc.char_span(
                    sent.start_char + m.start(), sent.start_char + m.end(), alignment_mode="expand"
                )
                near = tok.start if tok is not None else sent.start
                between = self._between(doc, sent, near)
                out.append(
                    Fact(
                        indicator=indicator,
                        value=value,
                        unit=unit,
                        evidence=sentence_span(sent),
                        period=period,
                        change_percent=change,
                        between=tuple(Ref(e.start_char, e.end_char) for e in between),
                        value_text=m[0].strip(),
                        confidence=0.75 if between else 0.6,
                    )
                )
        return out

    def set_annotations(self, doc: Doc, found: list[Fact]) -> None:
        """Store the figures on the Doc."""
        doc._.kg_facts = found

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.find(doc))
        return doc


@Language.factory("kg_facts", assigns=["doc._.kg_facts"])
def make_facts(nlp: Language, name: str) -> Facts:
    """Factory of the figure finder."""
    return Facts(name)
