"""The spaCy pipeline on our own sentences: entity types and keys, non-entities, initiatives, nominative forms,
sentence ends, and a ``--model`` folder made by the test."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc, Span

from kg.extract import mentions_of
from kg.iri import slug
from kg.records import ENTITY_TYPES, Mention

pytestmark = pytest.mark.slow  # every test here runs the loaded pipeline


def readable(value: object) -> str | None:
    """Test ids in ASCII: a transliterated slug of a Russian example (pytest would escape it)."""
    return slug(value)[:40] if isinstance(value, str) else None


def the_ent(doc: Doc, surface: str) -> Span:
    """The one entity whose text is ``surface`` (fails with what was found otherwise)."""
    found = [e for e in doc.ents if e.text == surface]
    assert len(found) == 1, f"{surface!r} not found once; entities: {describe(doc)}"
    return found[0]


def describe(doc: Doc) -> list[tuple[str, str, str, str | None]]:
    return [(e.text, e.label_, e.kb_id_, e._.kg_norm) for e in doc.ents]


def overlapping(doc: Doc, surface: str) -> list[Mention]:
    """Mentions (entities and nested names, as the build sees them) overlapping ``surface`` in the text."""
    start = doc.text.index(surface)
    end = start + len(surface)
    return [m for m in mentions_of(doc) if m.start < end and start < m.end]


# -- states and places ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "surface", "key"),
    [
        ("Соглашение с Францией подписано в Мадриде.", "Францией", "state/france"),
        ("Делегация ФРГ прибыла в Самару.", "ФРГ", "state/germany"),
        ("Эксперты КНР выступили в Казани.", "КНР", "state/china"),
        ("Посол Японии посетил Калугу.", "Японии", "state/japan"),
        ("Товарооборот с Индией вырос втрое.", "Индией", "state/india"),
        ("Министры РФ и Перу встретились в Лиме.", "РФ", "state/russia"),
        ("Экспорт из Поднебесной в Чили растёт.", "Поднебесной", "state/china"),
    ],
    ids=readable,
)
def test_a_state_in_any_case_or_alias_is_a_state_with_its_key(nlp, sentence, surface, key):
    ent = the_ent(nlp(sentence), surface)
    assert (ent.label_, ent.kb_id_) == ("State", key)


@pytest.mark.parametrize(
    ("sentence", "surface", "norm"),
    [
        ("Соглашение с Францией подписано в Мадриде.", "Мадриде", "Мадрид"),
        ("Делегация ФРГ прибыла в Самару.", "Самару", "Самара"),
        ("Эксперты КНР выступили в Казани.", "Казани", "Казань"),
        ("Форум прошёл в Новосибирске в среду.", "Новосибирске", "Новосибирск"),
    ],
    ids=readable,
)
def test_a_city_is_a_place_in_the_nominative(nlp, sentence, surface, norm):
    ent = the_ent(nlp(sentence), surface)
    assert ent.label_ == "Place"
    assert ent._.kg_norm == norm


def test_every_entity_has_one_of_our_types_and_a_norm(nlp):
    doc = nlp("Посол Японии Хироси Танака встретился в Казани с представителями Евразийского банка развития.")
    assert doc.ents
    for e in doc.ents:
        assert e.label_ in ENTITY_TYPES
        assert e._.kg_norm


# -- ministries belong to their state ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "states"),
    [
        (
            "Глава МИД Франции и МИД РФ обменялись нотами.",
            [("Франции", "state/france"), ("РФ", "state/russia")],
        ),
        ("Заявления МИД Японии и МИД Индии совпали.", [("Японии", "state/japan"), ("Индии", "state/india")]),
    ],
    ids=readable,
)
def test_mfa_is_attached_to_its_state_and_the_state_keeps_its_mention(nlp, sentence, states):
    mentions = mentions_of(nlp(sentence))  # the records the rest of the build sees
    ministries = [m for m in mentions if m.type == "Organization" and m.text.startswith("МИД")]
    assert len(ministries) == 2, mentions
    assert ministries[0].key and ministries[1].key and ministries[0].key != ministries[1].key
    for ministry, (state_surface, state_key) in zip(ministries, states):
        [state] = [m for m in mentions if m.text == state_surface]
        assert (state.type, state.key) == ("State", state_key)  # the state keeps a mention of its own
        assert ministry.start < state.start and ministry.key.split("-")[-1] == state_key.split("/")[-1]
        assert ministry.norm.startswith("МИД ") and ministry.norm != "МИД"
        assert sentence[state.start : state.end] == state_surface


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("Об этом сообщил МИД в пятницу.", "МИД"),
        ("По данным СМИ, визит отложен.", "СМИ"),
        ("Как пишут местные СМИ, МИД готовит ответ.", "СМИ"),
        ("Как пишут местные СМИ, МИД готовит ответ.", "МИД"),
    ],
    ids=readable,
)
def test_bare_mfa_or_media_is_no_entity(nlp, sentence, word):
    doc = nlp(sentence)
    assert overlapping(doc, word) == [], describe(doc)


# -- things that are not actors ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "credit"),
    [
        ("Министр выступил на форуме в Казани.\n© Reuters/ John Smith", "© Reuters/ John Smith"),
        ("Министр выступил на форуме в Казани.\nФото: Иван Кузнецов", "Фото: Иван Кузнецов"),
        ("Министр выступил на форуме в Казани. Фото: Анна Белова / ТАСС", "Фото: Анна Белова / ТАСС"),
        ("Министр выступил на форуме в Казани.\n© AP Photo/ Ким Сонхо", "© AP Photo/ Ким Сонхо"),
    ],
    ids=readable,
)
def test_photo_credits_give_no_entity(nlp, text, credit):
    doc = nlp(text)
    assert overlapping(doc, credit) == [], describe(doc)
    assert the_ent(doc, "Казани").label_ == "Place"  # the article text before the credit is still read


@pytest.mark.parametrize(
    ("line", "before"),
    [
        ("Реклама: Подпишитесь на наш Telegram-канал", "Министр выступил на форуме в Казани."),
        ("Подписывайтесь на МИД России в Telegram", "Министр выступил на форуме в Казани."),
        (
            "Читайте также: Министр иностранных дел Японии встретился с Сергеем Лавровым в Москве",
            "В Казани прошел форум.",
        ),
        ("👉 Смотрите также: Глава МИД Китая прибыл в Астану", "В Казани прошел форум."),
        ("Фото — пресс-служба правительства Татарстана", "Министр выступил на форуме в Казани."),
        ("Реклама. ООО «Ромашка», Москва", "Министр выступил на форуме в Казани."),
    ],
    ids=readable,
)
def test_advert_subscription_and_read_also_lines_give_no_entity_or_event(nlp, line, before):
    text = f"{before}\n{line}\nПосле форума делегация уехала в Казань."
    doc = nlp(text)
    assert doc.text == text
    assert overlapping(doc, line) == [], describe(doc)
    start = text.index(line)
    assert not [e for e in doc._.kg_events if start <= e.trigger.start < start + len(line)]
    assert [e.text for e in doc.ents if e.label_ == "Place"][-1] == "Казань"  # the line after is still read
    assert [s.text for s in doc.spans["kg_skipped"]] == [line]


def test_a_sentence_that_only_begins_like_an_advert_is_read(nlp):
    doc = nlp("Реклама табака запрещена в Казахстане с 2025 года.")
    assert the_ent(doc, "Казахстане").label_ == "State"
    assert list(doc.spans["kg_skipped"]) == []


@pytest.mark.parametrize(
    ("sentence", "thing"),
    [
        ("Пандемия COVID-19 затронула экономику Перу.", "COVID-19"),
        ("Число случаев COVID-19 в Казани снизилось.", "COVID-19"),
        ("Подробности опубликованы на сайте www.gov.kz вчера.", "www.gov.kz"),
        ("Текст заявления размещён на https://mfa.gov.kz/ru/news.", "https://mfa.gov.kz/ru/news"),
    ],
    ids=readable,
)
def test_diseases_and_websites_give_no_entity(nlp, sentence, thing):
    doc = nlp(sentence)
    assert overlapping(doc, thing) == [], describe(doc)


def test_an_outlet_named_by_its_site_is_an_organisation(nlp):
    doc = nlp("Новость появилась на портале Tengrinews.kz утром.")
    assert [(m.text, m.type) for m in overlapping(doc, "Tengrinews.kz")] == [
        ("Tengrinews.kz", "Organization")
    ]


# -- initiatives ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Правительство утвердило госпрограмму «Цифровая экономика» на пять лет.", "Цифровая экономика"),
        ("Стороны запустили проект «Зелёный мост» в прошлом году.", "Зелёный мост"),
        ("Министры поддержали инициативу «Открытое небо» единогласно.", "Открытое небо"),
        ("Власти представили программу «Чистая вода» для сёл.", "Чистая вода"),
    ],
    ids=readable,
)
def test_a_new_programme_named_in_quotes_is_a_new_initiative(nlp, sentence, name):
    doc = nlp(sentence)
    ent = the_ent(doc, name)
    assert ent.label_ == "Initiative"
    assert ent.kb_id_ == ""  # not in the gazetteer: a new initiative
    assert ent._.kg_norm == name


def test_quoted_words_without_a_programme_word_are_no_initiative(nlp):
    doc = nlp("Газета «Вечерний город» опубликовала интервью.")
    assert not [e for e in doc.ents if e.label_ == "Initiative"], describe(doc)


@pytest.mark.parametrize(
    ("sentence", "start"),
    [
        (
            "Стороны обсудили инициативу по развитию транспортных коридоров в регионе.",
            "инициативу по развитию",
        ),
        ("Министр выдвинул инициативу по защите морских экосистем на форуме.", "инициативу по защите"),
    ],
    ids=readable,
)
def test_initiative_po_phrase_is_an_initiative(nlp, sentence, start):
    doc = nlp(sentence)
    found = [e for e in doc.ents if e.text.startswith(start)]
    assert len(found) == 1, describe(doc)
    ent = found[0]
    assert ent.label_ == "Initiative"
    assert len(ent.text) > len(start)  # the phrase goes on past «по …»
    assert ent._.kg_norm.startswith("Инициатива по ")


# -- nominative forms ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "surface", "type_", "norm"),
    [
        # surnames in -ов, -ев, -ин
        (
            "Вчера губернатор встретился с Сергеем Лавровым в Калуге.",
            "Сергеем Лавровым",
            "Person",
            "Сергей Лавров",
        ),
        (
            "Документ передали Алексею Медведеву на прошлой неделе.",
            "Алексею Медведеву",
            "Person",
            "Алексей Медведев",
        ),
        ("Премьер встретился с Кириллом Пушкиным в Самаре.", "Кириллом Пушкиным", "Person", "Кирилл Пушкин"),
        # women
        ("Вопрос обсудили с Мариной Ильиной из Тулы.", "Мариной Ильиной", "Person", "Марина Ильина"),
        (
            "Позже глава ведомства встретился с Ольгой Кузьминой.",
            "Ольгой Кузьминой",
            "Person",
            "Ольга Кузьмина",
        ),
        # hyphenated first names
        (
            "На встрече с Жаном-Люком Меланшоном говорили о бюджете.",
            "Жаном-Люком Меланшоном",
            "Person",
            "Жан-Люк Меланшон",
        ),
        (
            "Письмо направлено Анне-Марии Шульц в прошлом месяце.",
            "Анне-Марии Шульц",
            "Person",
            "Анна-Мария Шульц",
        ),
        # a foreign name that does not decline
        ("На встрече с Марио Драги говорили о бюджете.", "Марио Драги", "Person", "Марио Драги"),
        # organisations: the head and its adjectives inflect, the genitive dependent stays
        (
            "Эксперты Российской академии наук подготовили доклад.",
            "Российской академии наук",
            "Organization",
            "Российская академия наук",
        ),
        (
            "Средства поступили от Фонда национального благосостояния.",
            "Фонда национального благосостояния",
            "Organization",
            "Фонд национального благосостояния",
        ),
        (
            "Делегация Министерства сельского хозяйства прибыла в Ташкент.",
            "Министерства сельского хозяйства",
            "Organization",
            "Министерство сельского хозяйства",
        ),
    ],
    ids=readable,
)
def test_names_in_oblique_cases_get_their_nominative(nlp, sentence, surface, type_, norm):
    ent = the_ent(nlp(sentence), surface)
    assert ent.label_ == type_
    assert ent._.kg_norm == norm


@pytest.mark.parametrize(
    ("sentence", "surface", "norm"),
    [
        # a foreign name the dictionary does not know: its ending tells, not pymorphy3's guess («Четиномы»)
        (
            "Глава МИД провел переговоры с министром иностранных дел Турции Четином Йылмазом в Анкаре.",
            "Четином Йылмазом",
            "Четин Йылмаз",
        ),
        (
            "Письмо направлено послу Турции Мехмету Озтюрку на прошлой неделе.",
            "Мехмету Озтюрку",
            "Мехмет Озтюрк",
        ),
        ("Визит Мехмета Озтюрка в Самару перенесли.", "Мехмета Озтюрка", "Мехмет Озтюрк"),
        # Chinese and Korean names: only the last word declines, -ем after a consonant is a soft stem
        ("Президент встретился с председателем парламента Ван Ханем в Пекине.", "Ван Ханем", "Ван Хань"),
        ("Премьер встретился с послом Китая в Казахстане Хань Чжиминем.", "Хань Чжиминем", "Хань Чжиминь"),
        ("Премьер встретился с бывшим президентом Мун Чжэ Ином в Сеуле.", "Мун Чжэ Ином", "Мун Чжэ Ин"),
        ("Президент провел переговоры с Юн Сок Ёлем в Сеуле.", "Юн Сок Ёлем", "Юн Сок Ёль"),
        # a name on -а declines like «мама», a man's or a woman's
        ("Министр встретился с премьером Японии Сигэру Исибой.", "Сигэру Исибой", "Сигэру Исиба"),
        ("Мэр встретился с послом Грузии Гелой Думбадзе.", "Гелой Думбадзе", "Гела Думбадзе"),
        ("Министр встретился с Кайей Каллас в Брюсселе.", "Кайей Каллас", "Кайя Каллас"),
        # names that do not decline stay as they are, whatever case the tagger gives them
        ("Визит Олжаса Абдилдау в Самару перенесли.", "Олжаса Абдилдау", "Олжас Абдилдау"),
        (
            "Министр рассказал о встрече с Нино Гарибашвили в Тбилиси.",
            "Нино Гарибашвили",
            "Нино Гарибашвили",
        ),
        ("Позиция Шахназ Бхатти не изменилась.", "Шахназ Бхатти", "Шахназ Бхатти"),
        ("Решение приняла спикер парламента Дженни Маркези.", "Дженни Маркези", "Дженни Маркези"),
        ("Премьер поговорил с Эмине Эрдоган.", "Эмине Эрдоган", "Эмине Эрдоган"),
        # particles and hyphenated names
        ("Министр принял Мухаммеда бин Заида в Казани.", "Мухаммеда бин Заида", "Мухаммед бин Заид"),
        (
            "Переговоры с Абдул-Каримом Хасановым прошли в Казани.",
            "Абдул-Каримом Хасановым",
            "Абдул-Карим Хасанов",
        ),
        # Russian names as before
        ("Вчера мэр встретился с Мурата Бекмаханбетова.", "Мурата Бекмаханбетова", "Мурат Бекмаханбетов"),
        ("Вопрос задали Марии Захаровой на брифинге.", "Марии Захаровой", "Мария Захарова"),
        (
            "Письмо направлено Ивану Петровичу Смирнову.",
            "Ивану Петровичу Смирнову",
            "Иван Петрович Смирнов",
        ),
    ],
    ids=readable,
)
def test_a_foreign_or_russian_name_in_any_case_gets_its_nominative(nlp, sentence, surface, norm):
    ent = the_ent(nlp(sentence), surface)
    assert (ent.label_, ent._.kg_norm) == ("Person", norm)


@pytest.mark.parametrize(
    ("text", "first", "later", "label"),
    [
        (
            "Глава МИД встретился с послом Турции Четином Йылмазом. Позже Йылмаз заявил о поддержке проекта.",
            "Четином Йылмазом",
            "Йылмаз",
            "Четин Йылмаз",
        ),
        (
            "Президент встретился с председателем парламента Ван Ханем. Затем Ван Хань выступил в Пекине.",
            "Ван Ханем",
            "Ван Хань",
            "Ван Хань",
        ),
    ],
    ids=readable,
)
def test_a_person_named_in_two_cases_in_one_article_is_one_entity(nlp, text, first, later, label):
    from kg.extract import to_record
    from kg.records import Article
    from kg.resolve import resolve

    corpus = resolve([to_record(nlp(text), Article(id="a", text=text))])
    a, b = text.index(first), text.rindex(later)
    key = corpus.links[("a", a, a + len(first))]
    assert corpus.links[("a", b, b + len(later))] == key
    assert [e.label for e in corpus.entities if e.key == key] == [label]


# -- sentences -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "second"),
    [
        ("В Осло прибыл министр иностранных дел Норвегии Ли И. Затем начались переговоры.", "Ли И", "Затем"),
        ("Протокол подписал посол Чжан И. После этого стороны обменялись подарками.", "Чжан И", "После"),
    ],
    ids=readable,
)
def test_a_sentence_final_one_letter_name_part_ends_the_sentence(nlp, text, name, second):
    doc = nlp(text)
    sents = [s.text.strip() for s in doc.sents]
    assert len(sents) == 2, sents
    assert sents[0].endswith(f"{name}.")
    assert sents[1].startswith(second)
    ent = the_ent(doc, name)
    assert ent.label_ == "Person"


@pytest.mark.parametrize(
    "text",
    [
        "Документ подписал И. Петров в присутствии гостей.",
        # after a place's name the letter starts a name: «Индии» is no first name that «Н.» could end
        "Премьер-министр Индии Н. Моди заявил, что переговоры прошли успешно.",
    ],
    ids=readable,
)
def test_an_initial_before_a_surname_does_not_end_the_sentence(nlp, text):
    doc = nlp(text)
    assert len(list(doc.sents)) == 1
    assert any(e.label_ == "Person" and e.text in ("И. Петров", "Н. Моди") for e in doc.ents)


def test_line_breaks_end_sentences_and_offsets_match_the_text(nlp):
    text = "Заголовок без точки\nМинистры Перу и Чили встретились в Лиме."
    doc = nlp(text)
    assert doc.text == text
    assert [s.text.strip() for s in doc.sents] == [
        "Заголовок без точки",
        "Министры Перу и Чили встретились в Лиме.",
    ]
    for e in doc.ents:
        assert text[e.start_char : e.end_char] == e.text


# -- --model: a spaCy pipeline from a folder ------------------------------------------------------------------


@pytest.fixture(scope="module")
def ruler_model(tmp_path_factory):
    """A tiny spaCy pipeline saved to disk: a blank Russian model with an entity ruler for PER and LOC."""
    import spacy

    model = spacy.blank("ru")
    ruler = model.add_pipe("entity_ruler")
    ruler.add_patterns(
        [
            {"label": "PER", "pattern": [{"LOWER": "зоя"}, {"LOWER": {"IN": ["блинова", "блиновой"]}}]},
            {"label": "LOC", "pattern": [{"LOWER": {"IN": ["урюпинск", "урюпинске"]}}]},
            {"label": "ORG", "pattern": [{"LOWER": "гордума"}]},
        ]
    )
    path = tmp_path_factory.mktemp("model") / "ruler-ru"
    model.to_disk(path)
    return path


def test_a_model_folder_loads_and_its_entities_come_out_typed(ruler_model):
    from kg.pipeline import build_nlp

    nlp = build_nlp(model=str(ruler_model))
    assert "entity_ruler" in nlp.pipe_names
    doc = nlp("Вчера Зоя Блинова прибыла в Урюпинск. В Урюпинске её встретила Гордума.")
    got = {(e.text, e.label_) for e in doc.ents}
    assert {
        ("Зоя Блинова", "Person"),
        ("Урюпинск", "Place"),
        ("Урюпинске", "Place"),
        ("Гордума", "Organization"),
    } <= got
    assert the_ent(doc, "Урюпинске")._.kg_norm == "Урюпинск"
    assert len(list(doc.sents)) == 2  # sentences come from our splitter when the model has none


def test_a_model_folder_without_ner_is_a_model_error_naming_it(tmp_path):
    import spacy

    from kg.pipeline import ModelError, build_nlp

    path = tmp_path / "no-ner"
    spacy.blank("ru").to_disk(path)
    with pytest.raises(ModelError) as info:
        build_nlp(model=str(path))
    assert str(path) in str(info.value)
    assert "NER" in str(info.value) or "ner" in str(info.value)


def test_a_missing_model_is_a_model_error_naming_it(tmp_path):
    from kg.pipeline import ModelError, build_nlp

    missing = tmp_path / "no-such-model"
    with pytest.raises(ModelError) as info:
        build_nlp(model=str(missing))
    assert str(missing) in str(info.value)
    with pytest.raises(ModelError) as info:
        build_nlp(model="ru_no_such_pipeline_sm")
    assert "ru_no_such_pipeline_sm" in str(info.value)
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize(
    ("sentence", "name", "label"),
    [
        (
            "По личной инициативе помощник председателя партии «Родина» Пётр Сидоров направил запрос.",
            "Родина",
            "Organization",
        ),
        (
            "Стороны поддержали инициативу Китая «Глобальная цифровая платформа».",
            "Глобальная цифровая платформа",
            "Initiative",
        ),
    ],
    ids=readable,
)
def test_the_noun_right_before_a_quoted_name_says_what_it_names(nlp, sentence, name, label):
    doc = nlp(sentence)
    assert the_ent(doc, name).label_ == label
