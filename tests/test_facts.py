"""The figure component: number, period and change parsing, and the figures it finds in sentences."""

from __future__ import annotations

import pytest

from kg.pipeline.facts import PERIOD, amounts_in, change_in, parse_amount, period_text


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("$12,4 млрд", 12.4e9, "USD"),
        ("840 миллионов долларов", 840e6, "USD"),
        ("7,3 млрд долларов", 7.3e9, "USD"),
        ("3 миллиарда долларов США", 3e9, "USD"),
        ("US$ 15 млн", 15e6, "USD"),
        ("650 млн американских долларов", 650e6, "USD"),
        ("90 млн гонконгских долларов", 90e6, "HKD"),
        ("3,5 трлн тенге", 3.5e12, "KZT"),
        ("120 тыс. рублей", 120e3, "RUB"),
        ("4 млрд белорусских рублей", 4e9, "BYN"),
        ("свыше 800 млн юаней", 800e6, "CNY"),
        ("1 250 000 евро", 1.25e6, "EUR"),
        ("примерно 6 млрд евро", 6e9, "EUR"),
        ("€2,5 млрд", 2.5e9, "EUR"),
        ("15 трлн сумов", 15e12, "UZS"),
        ("700 млн сомов", 700e6, "KGS"),
        ("40 млн сомони", 40e6, "TJS"),
        ("12 млрд иен", 12e9, "JPY"),
        ("почти миллиард рублей", 1e9, "RUB"),
    ],
)
def test_parse_amount(text, value, unit):
    got = parse_amount(text)
    assert got is not None
    assert got[0] == pytest.approx(value) and got[1] == unit


@pytest.mark.parametrize(
    "text",
    [
        "за 9 месяцев выросло на 15%",
        "по итогам 2023 года",
        "на 2026–2028 годы",
        "25 апреля 2025 г.",
        "тираж 30 тыс. экземпляров",
        "500 млн канадских франков",  # a currency we do not know
    ],
)
def test_no_money_amount(text):
    assert parse_amount(text) is None


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("поставки составили 35 тыс. тонн", 35e3, "т"),
        ("прокачали 38 млрд кубометров", 38e9, "м3"),
        ("вывезли 1,2 млн т угля", 1.2e6, "т"),
    ],
)
def test_physical_amounts(text, value, unit):
    (got,) = amounts_in(text)
    assert got.value == pytest.approx(value) and got.unit == unit and not got.money


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("по итогам 2023 года", "2023 год"),
        ("в 2021 году", "2021 год"),
        ("за январь–август", "январь–август"),
        ("за январь-июнь 2025 года", "январь–июнь 2025 года"),
        ("с января по октябрь", "январь–октябрь"),
        ("в первом полугодии 2024 года", "первое полугодие 2024 года"),
        ("во втором квартале", "второй квартал"),
        ("за 11 месяцев", "11 месяцев"),
        ("за первые восемь месяцев текущего года", "первые восемь месяцев текущего года"),
        ("по итогам трех кварталов", "три квартала"),
        ("в прошлом году", "прошлый год"),
        ("на 2026–2028 годы", "2026–2028 годы"),
    ],
)
def test_period_text(text, period):
    m = PERIOD.search(text)
    assert m is not None and period_text(m) == period


@pytest.mark.parametrize("text", ["5 тонн в месяц", "кредит на год", "с 2019 года"])
def test_no_period(text):
    assert all(period_text(m) is None for m in PERIOD.finditer(text))


@pytest.mark.parametrize(
    ("text", "change"),
    [
        ("увеличился на 9,5%", 9.5),
        ("вырос на 23 процента", 23.0),
        ("сократился на 12%", -12.0),
        ("что на 4% меньше", -4.0),
        ("на 30% превысил прошлогодний", 30.0),
        ("вырос в 3 раза", 200.0),
        ("снизился в 4 раза", -75.0),
    ],
)
def test_change_in(text, change):
    got = change_in(text, 0, len(text))
    assert got is not None and got[0] == pytest.approx(change)


@pytest.mark.parametrize("text", ["доля составила 40%", "под 3% годовых"])
def test_no_change(text):
    assert change_in(text, 0, len(text)) is None


def _between(doc, fact):
    return [(doc.text[r.start : r.end], r.role) for r in fact.between]


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
    assert fact.period == "2022 год"
    assert {doc.text[r.start : r.end] for r in fact.between} == {"Японии", "Казахстан"}


@pytest.mark.parametrize(
    ("text", "value", "unit", "period", "change"),
    [
        (
            "Премьер Грузии принял министра Армении. Стороны отметили, что товарооборот между двумя странами "
            "по итогам 2023 года вырос на 14% и составил $1,7 млрд. Армения и Грузия подписали меморандум.",
            1.7e9,
            "USD",
            "2023 год",
            14.0,
        ),
        (
            "Глава МИД Вьетнама встретился с коллегой из Индонезии. Он напомнил, что торговля между нашими "
            "странами в первом полугодии 2025 года снизилась на 6 процентов, до 7,9 млрд долларов. "
            "Индонезия и Вьетнам договорились о новых встречах.",
            7.9e9,
            "USD",
            "первое полугодие 2025 года",
            -6.0,
        ),
        (
            "Президент Таджикистана провел переговоры с президентом Туркменистана. Двусторонний товарооборот "
            "за январь–октябрь увеличился на 21% и составил 640 млн долларов. Туркменистан и Таджикистан "
            "подписали пять соглашений.",
            640e6,
            "USD",
            "январь–октябрь",
            21.0,
        ),
    ],
)
def test_turnover_between_the_two_states_of_the_article(nlp, text, value, unit, period, change):
    doc = nlp(text)
    (fact,) = doc._.kg_facts
    assert fact.indicator == "TradeTurnover" and fact.unit == unit
    assert fact.value == pytest.approx(value)
    assert fact.period == period and fact.change_percent == pytest.approx(change)
    assert len(fact.between) == 2
    states = {s.label_ for s in doc.ents if any(s.start_char == r.start for r in fact.between)}
    assert states == {"State"}
    names = {doc.text[r.start : r.end][:5] for r in fact.between}
    assert names in ({"Армен", "Грузи"}, {"Вьетн", "Индон"}, {"Таджи", "Туркм"})


def test_grant_from_a_side_named_by_adjective(nlp):
    doc = nlp(
        "Министр здравоохранения Монголии встретился с послом Японии. Посол Японии сообщил, что японская "
        "сторона выделит грант в размере 3 млрд иен на строительство больницы. Монголия благодарна Японии."
    )
    (fact,) = doc._.kg_facts
    assert fact.indicator == "Aid" and fact.unit == "JPY" and fact.value == pytest.approx(3e9)
    got = {(text[:5], role) for text, role in _between(doc, fact)}
    assert got == {("Япони", "donor"), ("Монго", "recipient")}


@pytest.mark.parametrize(
    ("text", "indicator", "value", "unit", "donor", "recipient"),
    [
        (
            "Германия предоставит Молдавии кредит на сумму 90 млн евро.",
            "Loan",
            90e6,
            "EUR",
            "Германия",
            "Молдавии",
        ),
        (
            "Азиатский банк развития выделит Армении заем в 200 млн долларов.",
            "Loan",
            200e6,
            "USD",
            "Азиатский",
            "Армении",
        ),
        ("Туркменистан получит от Японии грант в 5 млрд иен.", "Aid", 5e9, "JPY", "Японии", "Туркменистан"),
    ],
)
def test_given_sums_have_donor_and_recipient(nlp, text, indicator, value, unit, donor, recipient):
    doc = nlp(text)
    (fact,) = doc._.kg_facts
    assert fact.indicator == indicator and fact.unit == unit and fact.value == pytest.approx(value)
    roles = {role: text for text, role in _between(doc, fact)}
    assert roles["donor"].startswith(donor) and roles["recipient"] == recipient


def test_tonnes_are_a_unit_not_money(nlp):
    doc = nlp("Экспорт пшеницы из Казахстана в Афганистан за 9 месяцев составил 850 тыс. тонн.")
    (fact,) = doc._.kg_facts
    assert fact.indicator == "Export" and fact.unit == "т" and fact.value == pytest.approx(850e3)
    assert fact.period == "9 месяцев"


def test_the_same_sum_in_brackets_is_one_figure(nlp):
    doc = nlp("Товарооборот Казахстана и Узбекистана составил 2,1 трлн тенге ($4,4 млрд).")
    assert [f.unit for f in doc._.kg_facts] == ["KZT"]


@pytest.mark.parametrize(
    "text",
    [
        "Стоимость билета составила 500 рублей.",
        "Стоимость билета составила 500 рублей, а торговля шла бойко.",
        "Министр торговли Индии заявил, что стоимость проекта составит 300 млн долларов.",
        "Программа торговли рассчитана на 2026–2028 годы.",
        "Товарооборот по итогам 2024 года вырос на 9%.",
        "Инвесторы вложили в проект от 150 до 400 млн долларов.",
    ],
)
def test_no_fact(nlp, text):
    assert nlp(text)._.kg_facts == []


def test_two_sums_in_one_sentence_keep_their_own_indicators(nlp):
    doc = nlp("Индия предоставит Непалу льготный кредит в 900 млн рупий, а Бутану — грант в 40 млн долларов.")
    assert [(f.indicator, f.unit) for f in doc._.kg_facts] == [("Aid", "USD")]  # rupees are no unit we know
    doc = nlp("Турция предоставит Сомали льготный кредит в 300 млн евро, а Джибути — грант в 40 млн евро.")
    first, second = doc._.kg_facts
    assert (first.indicator, first.value) == ("Loan", pytest.approx(300e6))
    assert dict((r, t) for t, r in _between(doc, first)) == {"donor": "Турция", "recipient": "Сомали"}
    assert (second.indicator, second.value) == ("Aid", pytest.approx(40e6))


def test_states_named_by_a_compound_adjective(nlp):
    doc = nlp(
        "Индия и Япония подписали договор. Индийско-японский товарооборот в 2024 году вырос на 9% и достиг "
        "22 млрд долларов."
    )
    (fact,) = doc._.kg_facts
    assert {doc.text[r.start : r.end] for r in fact.between} == {"Индия", "Япония"}
    assert fact.period == "2024 год" and fact.change_percent == pytest.approx(9.0)


def test_change_of_another_clause_is_not_the_figures(nlp):
    (fact,) = nlp("Товарооборот составил $7 млрд, при этом доля импорта выросла на 15%.")._.kg_facts
    assert fact.change_percent is None


def test_amount_of_another_thing_is_no_figure(nlp):
    assert nlp("Импорт вырос благодаря контракту на $3 млрд.")._.kg_facts == []


def test_no_figure_event_or_post_from_an_advert_line(nlp):
    doc = nlp(
        "Министр иностранных дел Перу Зоя Блинова прибыла в Лиму.\n"
        "Читайте также: товарооборот Перу и Чили вырос на 20% и достиг $4 млрд, президент Чили Пётр Гаврилов "
        "провел переговоры с Блиновой."
    )
    assert doc._.kg_facts == []
    assert doc._.kg_events == []
    assert {p.role for p in doc._.kg_positions} == {"министр иностранных дел"}
