"""Posts linked by verbs and copulas (to a name, a «который», a pronoun), and the body a post's own phrase
names when another name stands inside it, on sentences written for these tests (invented people)."""

from __future__ import annotations

import pytest
from doc_helpers import position_triples


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a copula makes the noun the clause's head: the post is that noun
        ("Иван Петров был министром финансов Литвы.", ("Иван Петров", "министр финансов", "Литвы")),
        (
            "Пётр Сидоров, который был ударником в группе «Зорро», дал интервью.",
            ("Пётр Сидоров", "ударник", "Зорро"),
        ),
        # a verb of working places the post in the organisation it names with «в»
        ("Анна Смирнова работала в Google инженером.", ("Анна Смирнова", "инженер", "Google")),
        ("Олег Волков служил в НАТО советником.", ("Олег Волков", "советник", "НАТО")),
        # a verb of naming gives the post to its object
        (
            "Съезд избрал Олега Волкова председателем партии «Заря».",
            ("Олега Волкова", "председатель партии", "Заря"),
        ),
    ],
)
def test_a_verb_or_copula_links_the_post(nlp, text, expected):
    assert expected in position_triples(nlp(text))


def test_the_subject_of_a_verb_of_naming_holds_not_the_post_it_names(nlp):
    rows = position_triples(
        nlp("Вчера главный тренер Олег Петров назвал Ивана Сидорова первым вратарём сборной команды.")
    )
    assert ("Ивана Сидорова", "первый вратарь", "сборной команды") in rows
    assert not [r for r in rows if r[0] == "Олег Петров" and r[1] == "первый вратарь"]


def test_coordinated_posts_after_a_copula_are_each_the_subjects(nlp):
    doc = nlp(
        "Иван Петров родился в Литве. Позднее он был премьер-министром, министром обороны и позже "
        "министром иностранных дел Литвы."
    )
    roles = {(p, r) for p, r, _ in position_triples(doc)}
    assert {
        ("Иван Петров", "премьер-министр"),
        ("Иван Петров", "министр обороны"),
        ("Иван Петров", "министр иностранных дел"),
    } <= roles


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Анна Петрова приехала в Ригу. Она была помощницей члена парламента Латвии.",
            ("Анна Петрова", "помощник члена парламента"),
        ),
        (
            "Олег Волков выступил на съезде. Ныне он является депутатом сейма Литвы.",
            ("Олег Волков", "депутат"),
        ),
    ],
)
def test_a_pronoun_subject_gives_the_post_to_the_person_it_stands_for(nlp, text, expected):
    assert expected in {(p, r) for p, r, _ in position_triples(nlp(text))}


def test_a_pronoun_of_the_other_gender_is_not_the_person(nlp):
    doc = nlp("Анна Петрова приехала в Ригу. Он был министром финансов Латвии.")
    assert not [r for r in position_triples(doc) if r[0] == "Анна Петрова"]


@pytest.mark.parametrize(
    ("text", "holder", "owner"),
    [
        (
            "Гендиректор компании Петра Сидорова UTM Partners Иван Орлов подал в отставку.",
            "Иван Орлов",
            "Петра Сидорова",
        ),
        (
            "Встреча с гендиректором холдинга Петра Сидорова «Вега» Иваном Орловым прошла в Риге.",
            "Иваном Орловым",
            "Петра Сидорова",
        ),
    ],
)
def test_a_name_in_the_genitive_inside_a_post_phrase_is_not_the_holder(nlp, text, holder, owner):
    rows = position_triples(nlp(text))
    assert any(r[0] == holder and r[1] == "генеральный директор" for r in rows)
    assert not [r for r in rows if r[0] == owner]


def test_a_body_of_a_state_is_not_the_channel_named_before(nlp):
    rows = position_triples(nlp("Об этом в интервью Fox сказал глава ведомства Джон Смит."))
    assert not [r for r in rows if r[2] == "Fox"]
    rows = position_triples(
        nlp(
            "Министерство обороны Литвы опровергло слухи. В интервью Fox глава ведомства Йонас Петраускас повторил это."
        )
    )
    assert ("Йонас Петраускас", "глава ведомства", "Министерство обороны Литвы") in rows


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two posts joined by «и» before one name, the first with its body named
        (
            "Долг признал бывший глава Балтийской торговой компании и совладелец «Норда» Иван Петров.",
            {("Иван Петров", "бывший глава", "Балтийской торговой компании")},
        ),
        # (a hyphen inside the first post's body is no boundary)
        (
            "О долге заявил бывший глава Рижской винно-водочной компании и совладелец «Норда» Иван Петров.",
            {("Иван Петров", "бывший глава", "Рижской винно-водочной компании")},
        ),
        (
            "Заявление сделал директор банка «Заря» и член правления «Норда» Иван Петров.",
            {("Иван Петров", "директор банка", "Заря"), ("Иван Петров", "член правления", "Норда")},
        ),
        # two posts joined by a comma, in one case: both are the name's
        (
            "На форум приедет министр по делам разведки Литвы, глава национальной Комиссии по атомной энергии "
            "Йонас Петраускас.",
            {
                ("Йонас Петраускас", "министр по делам разведки", "Литвы"),
                ("Йонас Петраускас", "глава", "Комиссии по атомной энергии"),
            },
        ),
        # … also when the first post's body is a name
        (
            "На митинг пришёл депутат городского совета Риги, председатель клуба «Вега» Олег Волков.",
            {("Олег Волков", "депутат", "Риги"), ("Олег Волков", "председатель клуба", "Вега")},
        ),
        # «шеф концерна»: the concern named before
        (
            "Немецкий концерн «Вега» построит завод в Литве. Об этом заявил шеф концерна Олег Волков.",
            {("Олег Волков", "шеф концерна", "Вега")},
        ),
    ],
)
def test_posts_joined_before_one_name(nlp, text, expected):
    assert expected <= position_triples(nlp(text))


def test_posts_in_two_states_joined_by_and_are_two_peoples(nlp):
    rows = position_triples(nlp("Президент Литвы и премьер Латвии Иван Петров провели встречу."))
    assert ("Иван Петров", "премьер-министр", "Латвии") in rows
    assert not [r for r in rows if r[1] == "президент"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name after «от» is whom the post represents, not its body
        (
            "Депутат Сейма от партии «Заря» Йонас Петраускас выступил.",
            ("Йонас Петраускас", "депутат", "Сейма"),
        ),
        (
            "Олег Волков выступил на съезде. Сейчас он является также депутатом парламента от партии «Заря».",
            ("Олег Волков", "депутат", "парламента"),
        ),
        # «депутат парламента»: the parliament named before, not another organisation
        (
            "Партия «Заря» и Парламент Грузии спорят. Закон поддержал депутат парламента Гоча Беридзе.",
            ("Гоча Беридзе", "депутат", "Парламент Грузии"),
        ),
    ],
)
def test_the_body_is_the_posts_own_genitive(nlp, text, expected):
    rows = position_triples(nlp(text))
    assert expected in rows
    assert not [r for r in rows if r[2] == "Заря"]


def test_a_bodys_abbreviation_between_the_post_and_the_name(nlp):
    doc = nlp("Генеральный секретарь Союза защиты прав моряков (СЗПМ) Иван Петров выступил в Риге.")
    assert ("Иван Петров", "генеральный секретарь", "Союза защиты прав моряков") in position_triples(doc)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Все члены совета проголосовали за утверждение Ивана Петрова председателем Союза писателей Литвы.",
            ("Ивана Петрова", "председатель", "Союза писателей"),
        ),
        (
            "После назначения Анны Сидоровой послом Литвы в Латвии она уехала.",
            ("Анны Сидоровой", "посол", "Литвы"),
        ),
    ],
)
def test_a_noun_of_appointing_gives_the_post_to_its_genitive(nlp, text, expected):
    assert expected in position_triples(nlp(text))


def test_an_appointment_that_may_come_is_no_post(nlp):
    rows = position_triples(
        nlp("В случае избрания Петрова премьер-министром новым лидером партии «Вега» станет Анна Сидорова.")
    )
    assert not [r for r in rows if r[0] == "Петрова"]


def test_a_press_secretary_of_a_named_president(nlp):
    rows = position_triples(
        nlp("Пресс-секретарь президента Литвы Йонаса Петраускаса Антанас Шимкус сообщил об этом.")
    )
    assert ("Антанас Шимкус", "пресс-секретарь президента", "Литвы") in rows
    assert ("Йонаса Петраускаса", "президент", "Литвы") in rows
    assert not [r for r in rows if r[0] == "Йонаса Петраускаса" and r[1] != "президент"]
