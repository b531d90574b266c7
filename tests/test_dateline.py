"""The one dateline parser (kg.dateline): datelines written for these tests, and sentences that only look like one."""

from __future__ import annotations

import pytest

from kg.dateline import find_dateline


@pytest.mark.parametrize(
    ("text", "place", "date", "agency"),
    [
        (
            "ХАНОЙ, 14 апреля. /ТАСС/. Премьер-министры двух стран обсудили поставки риса.",
            "ХАНОЙ",
            "--04-14",
            "ТАСС",
        ),
        (
            "Улан-Батор, 3 июля /Синьхуа/ -- Стороны договорились о новом маршруте.",
            "Улан-Батор",
            "--07-03",
            "Синьхуа",
        ),
        ("Ташкент. 9 декабря. UZ DAILY - Делегации встретились в столице.", "Ташкент", "--12-09", "UZ DAILY"),
        (
            "БРАЗИЛИА, 21 мая 2019 г. /Прима/. Переговоры продлятся два дня.",
            "БРАЗИЛИА",
            "2019-05-21",
            "Прима",
        ),
        ("Рио-де-Жанейро, 2 марта — Министры открыли форум.", "Рио-де-Жанейро", "--03-02", None),
        ("АНКАРА, 30 ОКТЯБРЯ. Парламент одобрил договор.", "АНКАРА", "--10-30", None),
        ("Заголовок новости\n\nМИНСК, 5 февраля. /БелТА/. Текст.", "МИНСК", "--02-05", "БелТА"),
    ],
)
def test_a_dateline_gives_place_date_and_agency(text, place, date, agency):
    found = find_dateline(text)
    assert found is not None
    assert (found.place, found.date, found.agency) == (place, date, agency)
    assert text[found.place_start : found.place_end] == place


@pytest.mark.parametrize(
    "text",
    [
        # a sentence that opens with a word, a comma and a date is no dateline: the date does not end it, and
        # «года» and the words after it are no agency
        "Напомним, 17 ноября 2016 года Алтайский край и Монголия подписали соглашение о торговле.",
        "Вчера, 4 июня, делегации обменялись нотами.",
        "накануне, 12 мая. /ТАСС/. Строчная буква не открывает название места.",
        "Переговоры прошли 12 мая в столице.",
    ],
)
def test_a_sentence_is_no_dateline(text):
    assert find_dateline(text) is None


def test_the_date_words_are_located():
    text = "  КИТО, 8 августа 2021 года. Стороны подписали меморандум."
    found = find_dateline(text)
    assert found is not None
    assert text[found.date_start : found.date_end] == "8 августа 2021"
    assert found.date == "2021-08-08"


def test_only_the_first_lines_are_searched():
    text = "\n".join(["Строка."] * 12 + ["ЛИМА, 1 июня. /ТАСС/. Поздно."])
    assert find_dateline(text) is None
    assert find_dateline(text, lines=13) is not None
