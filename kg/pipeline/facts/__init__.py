"""``kg_facts``: figures the text states, in ``doc._.kg_facts`` (a list of :class:`kg.records.Fact`).

«товарооборот двух стран за девять месяцев вырос на 7% и составил $4,3 млрд» → TradeTurnover, 4.3e9 USD,
period «девять месяцев», change 7 %, between the two states; «японская сторона предоставит грант в размере
2 млрд иен» → Aid, 2e9 JPY, from the donor to the recipient.

An amount (:mod:`kg.numbers`) becomes a figure only when an indicator word is tied to it (:mod:`.indicators`):
by the parse (the amount hangs from the indicator, or the indicator is the subject of the clause the amount is
in) or by standing right next to it. The period (:mod:`.periods`), the change (:mod:`.changes`) and the parties
(:mod:`.parties`) are read from the same clause; :mod:`.component` puts them together.
"""

from __future__ import annotations

from kg.numbers import Amount, amounts_in, parse_amount
from kg.pipeline.facts.changes import change_in
from kg.pipeline.facts.component import Facts, make_facts
from kg.pipeline.facts.indicators import INDICATORS
from kg.pipeline.facts.periods import PERIOD, period_text

__all__ = [
    "INDICATORS",
    "PERIOD",
    "Amount",
    "Facts",
    "amounts_in",
    "change_in",
    "make_facts",
    "parse_amount",
    "period_text",
]
