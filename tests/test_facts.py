"""The figure component and its number parsing."""

from __future__ import annotations

import pytest

from kg.pipeline.facts import parse_amount


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("$12,4 млрд", 12.4e9, "USD"),
        ("840 миллионов долларов", 840e6, "USD"),
        ("3,5 трлн тенге", 3.5e12, "KZT"),
        ("120 тыс. рублей", 120e3, "RUB"),
        ("7 млрд юаней", 7e9, "CNY"),
        ("1 250 000 евро", 1.25e6, "EUR"),
    ],
)
def test_parse_amount(text, value, unit):
    got = parse_amount(text)
    assert got is not None
    assert got[0] == pytest.approx(value) and got[1] == unit


def test_number_without_currency_is_no_amount():
    assert parse_amount("за 9 месяцев выросло на 15%") is None


def test_trade_turnover_with_period_and_change(nlp):
    doc = nlp(
        "Товарооборот между Россией и Китаем за 11 месяцев составил $218 млрд, что на 3,2% больше, "
        "чем годом ранее."
    )
    (fact,) = doc._.kg_facts
    assert fact.indicator == "TradeTurnover" and fact.unit == "USD"
    assert fact.value == pytest.approx(218e9)
    assert fact.period == "11 месяцев" and fact.change_percent == pytest.approx(3.2)
    assert {doc.text[r.start : r.end] for r in fact.between} == {"Россией", "Китаем"}


def test_decrease_is_negative_and_indicator_is_nearest(nlp):
    doc = nlp(
        "Инвестиции Японии в Казахстан в 2022 году составили 1,1 млрд долларов, что на 8% меньше прежнего."
    )
    (fact,) = doc._.kg_facts
    assert fact.indicator == "Investment" and fact.change_percent == pytest.approx(-8.0)
    assert fact.period == "2022"


def test_no_fact_without_indicator(nlp):
    assert nlp("Стоимость билета составила 500 рублей.")._.kg_facts == []
