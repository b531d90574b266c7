"""Personal names in the nominative without the model: the words' endings, the dictionary and the hints
(the tagger's cases and gender, a post beside the name) as :mod:`kg.pipeline.normalize` passes them."""

from __future__ import annotations

import pytest

from kg.iri import slug
from kg.names import name_nominatives


def readable(value: object) -> str | None:
    """Test ids in ASCII: a transliterated slug of a Russian example (pytest would escape it)."""
    return slug(" ".join(value))[:40] if isinstance(value, list) else None


@pytest.mark.parametrize(
    ("words", "cases", "expected"),
    [
        # the «стол» declension: -а, -у, -ом; -ь/-й softly: -я, -ю, -ем; after ж ш ч щ ц -ем is hard
        (["Мехмета", "Озтюрка"], ["Gen", "Gen"], ["Мехмет", "Озтюрк"]),
        (["Мехмету", "Озтюрку"], ["Dat", "Dat"], ["Мехмет", "Озтюрк"]),
        (["Мехметом", "Озтюрком"], ["Nom", "Gen"], ["Мехмет", "Озтюрк"]),
        (["Хосе", "Мануэлем"], ["Ins", "Ins"], ["Хосе", "Мануэль"]),
        (["Джорджем", "Блэком"], ["Ins", "Ins"], ["Джордж", "Блэк"]),
        (["Сергеем", "Ильиным"], ["Ins", "Ins"], ["Сергей", "Ильин"]),
        (["Ираклием", "Гарибашвили"], ["Ins", "Nom"], ["Ираклий", "Гарибашвили"]),
        # Chinese and Korean names: only the last word declines
        (["Лю", "Цзяньхуанем"], ["Nom", "Loc"], ["Лю", "Цзяньхуань"]),
        (["Чжан", "Минем"], ["Ins", "Ins"], ["Чжан", "Минь"]),
        (["Пак", "Чон", "Хуном"], ["Nom", "Nom", "Nom"], ["Пак", "Чон", "Хун"]),
        # the «мама» declension, a man's or a woman's: -ы, -е, -у, -ой
        (["Акико", "Ямадой"], ["Ins", "Ins"], ["Акико", "Ямада"]),
        (["Гульнары", "Сабитовой"], ["Gen", "Gen"], ["Гульнара", "Сабитова"]),
        (["Гарсией"], ["Ins"], ["Гарсия"]),
        # surnames on -ов/-ин and adjectival ones
        (["Алишеру", "Турсунову"], ["Dat", "Dat"], ["Алишер", "Турсунов"]),
        (["Анну", "Петрову"], ["Acc", "Acc"], ["Анна", "Петрова"]),
        (["Анна", "Петрова"], ["Nom", "Nom"], ["Анна", "Петрова"]),
        (["Олегом", "Бельским"], ["Ins", "Ins"], ["Олег", "Бельский"]),
        (["Ольгой", "Бельской"], ["Ins", "Ins"], ["Ольга", "Бельская"]),
        # what does not decline stays, whatever the tagger says
        (["Тимура", "Абдилдау"], ["Ins", "Ins"], ["Тимур", "Абдилдау"]),
        (["Шахназ", "Бхатти"], ["Gen", "Gen"], ["Шахназ", "Бхатти"]),
        (["Марио", "Монти"], ["Dat", "Dat"], ["Марио", "Монти"]),
        # hyphenated names: every part that declines in the name's case does
        (["Жаном-Люком", "Мерсье"], ["Ins", "Ins"], ["Жан-Люк", "Мерсье"]),
        (["Абдул-Каримом", "Хасановым"], ["Ins", "Ins"], ["Абдул-Карим", "Хасанов"]),
        (["Туркмен-баши"], ["Gen"], ["Туркмен-баши"]),
    ],
    ids=readable,
)
def test_each_word_of_a_name_takes_its_nominative_in_the_names_case(words, cases, expected):
    assert name_nominatives(words, cases) == expected


def test_a_post_beside_the_name_settles_an_unsure_case():
    # «Лопесу» may be a dative or a name that does not decline; «послу Лопесу» is a dative
    assert name_nominatives(["Хосе", "Лопесу"], ["Loc", "Loc"]) == ["Хосе", "Лопесу"]
    assert name_nominatives(["Хосе", "Лопесу"], ["Loc", "Loc"], context="Dat") == ["Хосе", "Лопес"]


def test_the_tagger_gender_decides_between_a_mans_and_a_womans_reading():
    # «Каллас» alone reads as a man's nominative; a woman's name does not decline, so her «-ей» first name wins
    assert name_nominatives(["Кайей", "Каллас"], ["Ins", "Ins"], gender="Fem") == ["Кайя", "Каллас"]
    assert name_nominatives(["Озтюрке"], ["Loc"], gender="Masc") == ["Озтюрк"]
    assert name_nominatives(["Ямаде"], ["Loc"], gender="Fem") == ["Ямада"]
