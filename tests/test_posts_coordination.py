"""Posts on both sides of a coordination, appointment verbs, the body a post's own phrase names, and owners and
founders that are no post (issue 11). Sentences of our own."""

from __future__ import annotations

import pytest
from doc_helpers import position_triples


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Министры иностранных дел Литвы и Эстонии Йонас Петраускас и Тоомас Тамм встретились в Риге.",
            {
                ("Йонас Петраускас", "министр иностранных дел", "Литвы"),
                ("Тоомас Тамм", "министр иностранных дел", "Эстонии"),
            },
        ),
        (
            "Лидеры Литвы, Латвии и Эстонии Йонас Петраускас, Янис Озолс и Тоомас Тамм подписали заявление.",
            {
                ("Йонас Петраускас", "глава государства", "Литвы"),
                ("Янис Озолс", "глава государства", "Латвии"),
                ("Тоомас Тамм", "глава государства", "Эстонии"),
            },
        ),
        (
            # a plural post is each listed name's (the single name after a plural post word is not: see
            # test_posts.py), the states in order
            "Официальные представители Чили и Перу Хуан Перес и Карлос Мендоса встретились.",
            {
                ("Хуан Перес", "официальный представитель", "Чили"),
                ("Карлос Мендоса", "официальный представитель", "Перу"),
            },
        ),
        (
            "На пресс-конференции были главные редакторы газеты «Заря» Иван Петров и Пётр Сидоров.",
            {("Иван Петров", "главный редактор", "Заря"), ("Пётр Сидоров", "главный редактор", "Заря")},
        ),
    ],
)
def test_a_plural_post_before_a_list_of_names(nlp, text, expected):
    assert expected <= position_triples(nlp(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Анна Иванова была назначена министром финансов Литвы.", ("Анна Иванова", "министр финансов")),
        (
            "Мария Петрова была избрана председателем парламента Эстонии.",
            ("Мария Петрова", "председатель парламента"),
        ),
    ],
)
def test_a_feminine_passive_participle_links_the_post(nlp, text, expected):
    assert expected in {(p, r) for p, r, _ in position_triples(nlp(text))}


def test_the_one_met_is_not_placed_in_the_state_of_the_one_meeting(nlp):
    doc = nlp(
        "Переговоры госсекретаря США Джона Смита с министром иностранных дел Иваном Петровым прошли в Вене."
    )
    rows = position_triples(doc)
    assert ("Джона Смита", "государственный секретарь", "США") in rows
    assert not [r for r in rows if r[0] == "Иваном Петровым" and r[2] == "США"]


def test_two_coordinated_posts_of_the_same_state_share_it(nlp):
    rows = position_triples(nlp("Президент Литвы Йонас Петраускас и премьер Антанас Шимкус прибыли в Ригу."))
    assert ("Антанас Шимкус", "премьер-министр", "Литвы") in rows


@pytest.mark.parametrize(
    "text",
    [
        "Основатель компании «Заря» Иван Петров прибыл в Ригу.",
        "Совладелец холдинга «Заря» Иван Петров прибыл в Ригу.",
        "Иван Петров, учредитель фонда «Заря», прибыл в Ригу.",
    ],
)
def test_owners_and_founders_hold_no_post(nlp, text):
    assert not position_triples(nlp(text))
