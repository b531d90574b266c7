"""The post component: who holds which post, on hand-written sentences."""

from __future__ import annotations

import re

import pytest


def _rows(doc) -> set[tuple[str, str, str | None]]:
    bodies = list(doc.spans["kg_bodies"]) if "kg_bodies" in doc.spans else []
    by_offsets = {(e.start_char, e.end_char): e for e in [*doc.ents, *bodies]}
    out = set()
    for p in doc._.kg_positions:
        person = by_offsets[(p.person.start, p.person.end)]._.kg_norm
        of = by_offsets[(p.of.start, p.of.end)] if p.of else None
        out.add((person, p.role, of.kb_id_ or of._.kg_norm if of is not None else None))
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Министр иностранных дел России Сергей Лавров прибыл в Астану.",
            ("Сергей Лавров", "министр иностранных дел", "state/russia"),
        ),
        (
            "Вчера президентом Узбекистана Шавкатом Мирзиёевым был подписан указ.",
            ("Шавкат Мирзиёев", "президент", "state/uzbekistan"),
        ),
        ("Телеграмму направил председатель КНР Си Цзиньпин.", ("Си Цзиньпин", "председатель", "state/china")),
    ],
)
def test_post_before_the_name(nlp, text, expected):
    assert expected in _rows(nlp(text))


def test_head_of_foreign_ministry_is_foreign_minister(nlp):
    # «глава МИД X» is X's foreign minister; the post is in the state when the article names it apart,
    # else in the ministry span (the resolver maps the ministry to its state)
    doc = nlp("Документ подписал глава МИД Киргизии Жээнбек Кулубаев.")
    assert _rows(doc) == {("Жээнбек Кулубаев", "министр иностранных дел", "organization/mfa-kyrgyzstan")}
    doc = nlp("Киргизия подписала документ. Его подписал глава МИД Киргизии Жээнбек Кулубаев.")
    assert _rows(doc) == {("Жээнбек Кулубаев", "министр иностранных дел", "state/kyrgyzstan")}


def test_two_posts_before_one_name(nlp):
    doc = nlp("Переговоры прошли с членом политбюро ЦК КПК, министром иностранных дел Китая Ван И.")
    roles = {(p, r) for p, r, _ in _rows(doc)}
    assert {("Ван И", "член политбюро"), ("Ван И", "министр иностранных дел")} <= roles


def test_compound_post_is_put_in_the_nominative(nlp):
    doc = nlp(
        "Встречу провел заместителем премьер-министра — министром иностранных дел Казахстана Муратом Нуртлеу."
    )
    assert any(r == "заместитель премьер-министра — министр иностранных дел" for _, r, _ in _rows(doc))


def test_post_after_the_name(nlp):
    doc = nlp("Сергей Лавров, министр иностранных дел России, заявил о поддержке переговоров.")
    assert ("Сергей Лавров", "министр иностранных дел", "state/russia") in _rows(doc)


def test_no_post_without_post_words(nlp):
    assert nlp("Сергей Лавров прибыл в Астану, где его встретил Мурат Нуртлеу.")._.kg_positions == []


def test_evidence_is_the_sentence(nlp):
    doc = nlp("Погода была хорошей. Председатель КНР Си Цзиньпин прибыл в Астану.")
    (pos,) = doc._.kg_positions
    assert pos.evidence.text == "Председатель КНР Си Цзиньпин прибыл в Астану."
    assert doc.text[pos.evidence.start : pos.evidence.end] == pos.evidence.text


def _triples(doc) -> set[tuple[str, str, str | None]]:
    """(person text, role, of text) of every position: for entities the gazetteer does not know."""
    t = doc.text
    return {
        (t[p.person.start : p.person.end], p.role, t[p.of.start : p.of.end] if p.of else None)
        for p in doc._.kg_positions
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a hyphenated post is one word, put in the nominative as a whole
        (
            "Вчера премьер-министра Франции Франсуа Фийона встретили в аэропорту.",
            ("Франсуа Фийона", "премьер-министр", "Франции"),
        ),
        # the post phrase starts at the post word, not at the noun before it
        (
            "Выступивший на совещании правительства премьер-министр Франции Франсуа Фийон ответил на вопросы.",
            ("Франсуа Фийон", "премьер-министр", "Франции"),
        ),
        # apposition after the name, with a dash
        (
            "На конференции выступит Светлана Яковлева - директор Global Cultural Project.",
            ("Светлана Яковлева", "директор", "Global Cultural Project"),
        ),
        # a list of names, each with its own post after a dash
        (
            (
                "Выступят Анна Петрова - директор Global Cultural Project, Кирилл Разлогов - директор "
                "Российского института культурологии."
            ),
            ("Кирилл Разлогов", "директор", "Российского института культурологии"),
        ),
        # the body right after the post is its «of», before a state named inside that body
        (
            "Председатель Исламского комитета России Гейдар Джемаль дал интервью.",
            ("Гейдар Джемаль", "председатель", "Исламского комитета"),
        ),
        # a job factRuEval counts as an occupation
        (
            "Фотограф агентства Ассошиэйтед Пресс Билал Хусейн вышел на свободу.",
            ("Билал Хусейн", "фотограф", "Ассошиэйтед Пресс"),
        ),
        # a post of a state named alone takes the state the sentence names before it
        (
            "В ходе визита в Украину он договорился с президентом Виктором Януковичем о сотрудничестве.",
            ("Виктором Януковичем", "президент", "Украину"),
        ),
    ],
)
def test_post_constructions(nlp, text, expected):
    assert expected in _triples(nlp(text))


@pytest.mark.parametrize(
    ("text", "person", "role"),
    [
        # «бывший» and «экс-» are kept in the role: the person held the post, the graph must not say holds
        ("Экс-премьер Италии Романо Проди выступил с докладом.", "Романо Проди", "бывший премьер-министр"),
        (
            "Андрей Санников — бывший заместитель министра иностранных дел Беларуси.",
            "Андрей Санников",
            "бывший заместитель министра иностранных дел",
        ),
    ],
)
def test_former_posts_are_named_former(nlp, text, person, role):
    assert (person, role) in {(p, r) for p, r, _ in _triples(nlp(text))}


def test_only_the_post_next_to_the_name_is_its_own(nlp):
    # «корреспондентом …» is the post of someone else, not of the leader named after
    doc = nlp(
        "Об этом в беседе с корреспондентом «Новой газеты» лидер движения «Архнадзор» Олег Петров сказал."
    )
    roles = {r for p, r, _ in _triples(doc) if p == "Олег Петров"}
    assert "лидер" in roles and "корреспондент" not in roles


def test_role_span_names_the_post_words(nlp):
    doc = nlp("Вчера министром финансов России Антоном Силуановым был представлен бюджет.")
    (pos,) = [p for p in doc._.kg_positions if p.role == "министр финансов"]
    assert pos.role_span is not None
    assert pos.role_span.text == "министром финансов"
    assert doc.text[pos.role_span.start : pos.role_span.end] == pos.role_span.text


@pytest.mark.parametrize(
    "text",
    [
        "Доклад подготовил профессор, а одобрил директор.",  # post words, no name
        "Официальные представители Китая и Казахстана Ван И и Мурат Нуртлеу встретились.",  # plural post
        "Президент заявил, что Сергей Лавров прибудет завтра.",  # post word far from the name
    ],
)
def test_no_post_without_a_name_next_to_it(nlp, text):
    doc = nlp(text)
    assert not [p for p in doc._.kg_positions if p.confidence > 0.6]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the parse hangs the name on a post word the group of post words does not reach
        (
            "Министр связи и коммуникаций РФ Игорь Щёголев рассказал о роуминге.",
            ("Игорь Щёголев", "министр связи и коммуникаций", "РФ"),
        ),
        (
            "Министр по государственным сборам Новой Зеландии Питер Данн подчеркнул важность реформы.",
            ("Питер Данн", "министр по государственным сборам", "Новой Зеландии"),
        ),
        (
            "Об этом заявил первый замминистра энергетики Белоруссии Эдуард Товпинец.",
            ("Эдуард Товпинец", "первый заместитель министра энергетики", "Белоруссии"),
        ),
        # a hyphenated post whose first half the lemmatiser reads as another word («премьер» → «премьера»)
        (
            "По словам премьер-министра Молдавии Влада Филата, запрет является проблемой.",
            ("Влада Филата", "премьер-министр", "Молдавии"),
        ),
        # a plural post word before the singular one names a body, not the person's post
        (
            "Заседание кабинета министров глава правительства Израиля Биньямин Нетаньяху провел в Иерусалиме.",
            ("Биньямин Нетаньяху", "глава правительства", "Израиля"),
        ),
    ],
)
def test_post_phrase_found_by_the_parse(nlp, text, expected):
    assert expected in _triples(nlp(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Капитаном сборной Германии стал Михаель Баллак.", ("Михаель Баллак", "капитан")),
        ("Вчера Иван Петров был назначен министром финансов Грузии.", ("Иван Петров", "министр финансов")),
        (
            "Иван Петров, который является депутатом парламента Грузии, выступил.",
            ("Иван Петров", "депутат"),
        ),
        (
            "Клинсман назвал Йенса Лемана первым вратарём сборной Германии.",
            ("Йенса Лемана", "первый вратарь"),
        ),
    ],
)
def test_post_linked_by_a_verb(nlp, text, expected):
    assert expected in {(p, r) for p, r, _ in _triples(nlp(text))}


@pytest.mark.parametrize(
    "text",
    [
        "Иван Петров стал победителем конкурса.",  # not a post word
        "Иван Петров говорил с министром финансов Грузии.",  # a verb that gives no post to its subject
        "Иван Петров встретился с министрами Грузии.",  # plural
        "Министры Грузии и Иван Петров подписали договор.",  # a plural post before a list
    ],
)
def test_no_post_from_a_verb_or_plural(nlp, text):
    assert not [p for p in _triples(nlp(text)) if p[0] == "Иван Петров"]


def test_state_post_named_alone_takes_the_article_state(nlp):
    # no state in the sentence or the one before: the state the article names most stands in
    doc = nlp(
        "Сенат США и Конгресс США приняли закон. Погода была хорошей. Президент Обама выступил с речью."
    )
    assert ("Обама", "президент", "США") in _triples(doc)
    # with a qualifier of its own the post is a figure of speech: no state is guessed, so no post is asserted
    doc = nlp("Латвия и Латвия. Погода была хорошей. Вчера музыкальный король Майкл Джексон выступил.")
    assert not any(p == "Майкл Джексон" for p, _, _ in _triples(doc))
    # two states named as often: none stands out, and a post placed nowhere is not asserted
    doc = nlp("США и Китай. Погода была хорошей. Президент Обама выступил с речью.")
    assert not any(p == "Обама" for p, _, _ in _triples(doc))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an honorific between the post and the name is neither the post nor the name
        (
            "На встрече был председатель Совета муфтиев России шейх Равиль Гайнутдин.",
            ("Равиль Гайнутдин", "председатель", "Совета муфтиев"),
        ),
        (
            "Вчера министр финансов Грузии господин Пётр Сидоров подписал соглашение.",
            ("Пётр Сидоров", "министр финансов", "Грузии"),
        ),
        # a rank between a post and the name is neither: the post before it is the person's
        (
            "Утром представитель вооружённых сил Украины полковник Иван Петров заявил о перемирии.",
            ("Иван Петров", "представитель вооружённых сил", "Украины"),
        ),
    ],
)
def test_title_between_post_and_name(nlp, text, expected):
    assert expected in _triples(nlp(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a region's adjective names the region the post is in
        (
            "Свердловская область получила грант. По словам свердловского губернатора Александра Мишарина, "
            "всё хорошо.",
            ("Александра Мишарина", "губернатор", "Свердловская область"),
        ),
        # a generic noun after the post stands for the body named before
        (
            "Москва построит дорожки. В споре победил мэр города Лужков.",
            ("Лужков", "мэр", "Москва"),
        ),
        (
            "Volkswagen построит завод. Об этом заявил шеф концерна Бернд Пишетсридер.",
            ("Бернд Пишетсридер", "шеф", "Volkswagen"),
        ),
        # «глава российского государства»: the adjective names the state
        (
            "Дмитрий Медведев прибыл в Россию. Глава российского государства заявил, что всё хорошо.",
            ("Дмитрий Медведев", "глава государства", "Россию"),
        ),
    ],
)
def test_post_body_from_an_adjective_or_generic_noun(nlp, text, expected):
    assert expected in _triples(nlp(text))


def test_adjective_of_the_body_is_not_the_posts_state(nlp):
    # «глава палестинской делегации»: the adjective qualifies the delegation, not the post
    doc = nlp("Палестина и Палестина. Глава палестинской делегации Саеб Эрекат призвал ООН ответить.")
    assert not any(p == "Саеб Эрекат" and of and "Палест" in of for p, _, of in _triples(doc))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a post as a subject with no name: the one person named in the sentence before
        (
            "Беньямин Нетаньяху отказался от поездки. Премьер-министр Израиля заявил, что не полетит в Вашингтон.",
            ("Беньямин Нетаньяху", "премьер-министр", "Израиля"),
        ),
        # the post a verb of holding names: «занять пост»
        (
            "Владимир Путин согласился занять пост премьер-министра России в случае победы.",
            ("Владимир Путин", "премьер-министр", "России"),
        ),
    ],
)
def test_post_named_without_a_name_goes_to_the_one_person_before(nlp, text, expected):
    assert expected in _triples(nlp(text))


@pytest.mark.parametrize(
    ("text", "person"),
    [
        # two persons named before: ambiguous
        ("Иван Петров встретился с Петром Сидоровым. Министр финансов Грузии заявил о соглашении.", None),
        # a name later in the sentence is the post's own
        (
            "Иван Петров не приедет. Вместо него выступит министр финансов Грузии, глава комиссии Пётр Сидоров.",
            "Иван Петров",
        ),
        # a candidate for a post does not hold it
        ("Анна Петрова стала кандидатом на пост главы Франции.", "Анна Петрова"),
        # a person the article gives another post is not the one a post in another body names
        (
            "Андрей Санников, заместитель министра иностранных дел Белоруссии, рассказал о допросах. "
            "По его словам, председатель КГБ угрожал его семье.",
            "Андрей Санников",
        ),
        # a plural post word is a group, not the person
        ("Иван Петров не приедет. Министры Грузии заявили о соглашении.", "Иван Петров"),
    ],
)
def test_no_post_given_to_an_ambiguous_or_other_person(nlp, text, person):
    rows = _triples(nlp(text))
    if person is None:
        assert not [r for r in rows if r[1] == "министр финансов"]
    else:
        roles = {r for p, r, _ in rows if p == person}
        assert not roles & {"министр финансов", "глава государства", "председатель", "министр"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a post of one kind of body: the body named in its sentence, else the most specific one before
        (
            "В Сенате демократы сохранили большинство, и спикер Гарри Рид заявил о новых планах.",
            ("Гарри Рид", "спикер", "Сенате"),
        ),
        (
            "Республиканцы получили большинство в Палате представителей. Их поддержали в Конгрессе. "
            "Молоток ему передала спикер Нэнси Пелоси.",
            ("Нэнси Пелоси", "спикер", "Палате представителей"),
        ),
        (
            "Об этом сообщило НАСА. Вчера на станцию прилетел астронавт Грегори Чамитофф.",
            ("Грегори Чамитофф", "астронавт", "НАСА"),
        ),
        # a post under a state's post: «помощник заместителя госсекретаря» is the state's
        (
            "Представительство США в регионе возглавляет помощник заместителя госсекретаря Мэтью Брайза.",
            ("Мэтью Брайза", "помощник заместителя госсекретаря", "США"),
        ),
        # a state's post named alone: the one state the article names, or one named later in the sentence
        (
            "Певец резко раскритиковал премьер-министра Сильвио Берлускони. Он давно живёт за Италией.",
            ("Сильвио Берлускони", "премьер-министр", "Италией"),
        ),
        # the adjective of a state's own body: «глава израильского правительства»
        (
            "Визит в Израиль прошёл спокойно. Глава израильского правительства Биньямин Нетаньяху заявил о мире.",
            ("Биньямин Нетаньяху", "глава израильского правительства", "Израиль"),
        ),
        # «свой»: the body the clause is about
        (
            "Политическое бюро Национального фронта единогласно поддержало кандидатуру своего председателя "
            "Марин Ле Пен.",
            ("Марин Ле Пен", "председатель", "Национального фронта"),
        ),
    ],
)
def test_post_body_from_context(nlp, text, expected):
    doc = nlp(text)
    got = {
        (doc.text[p.person.start : p.person.end], p.role, doc.text[p.of.start : p.of.end] if p.of else None)
        for p in doc._.kg_positions
    }
    assert expected in got


@pytest.mark.parametrize(
    ("text", "person"),
    [
        # a body of another kind is not the seat: a speaker is not in a ministry, a coach not in the Senate
        ("Министерство финансов отчиталось. Затем выступил спикер Иван Петров.", "Иван Петров"),
        ("В Сенате прошли слушания, тренер Иван Петров назвал состав.", "Иван Петров"),
        # «его председатель» is not the subject's body
        ("Союз журналистов поддержал его председателя Ивана Петрова.", "Ивана Петрова"),
    ],
)
def test_no_body_from_context_of_another_kind(nlp, text, person):
    doc = nlp(text)
    ofs = {
        doc.text[p.of.start : p.of.end] if p.of else None
        for p in doc._.kg_positions
        if doc.text[p.person.start : p.person.end] == person
    }
    assert ofs <= {None}


def test_a_parse_found_post_does_not_reach_across_another_name(nlp):
    doc = nlp(
        "Глава государства Дмитрий Медведев и Председатель Правительства РФ Владимир Путин выразили соболезнования."
    )
    got = {
        (doc.text[p.person.start : p.person.end], p.role, doc.text[p.of.start : p.of.end] if p.of else None)
        for p in doc._.kg_positions
    }
    assert ("Дмитрий Медведев", "глава государства", "РФ") in got
    assert not any(person == "Владимир Путин" and role == "глава государства" for person, role, _ in got)


@pytest.mark.parametrize(
    "text",
    [
        "Известный журналист Иван Петров написал новую книгу.",
        "Вчера певица Анна Смирнова дала концерт в парке.",
    ],
)
def test_an_occupation_placed_nowhere_is_no_post(nlp, text):
    # a post is a position in a state or an organisation (dip:postIn); a bare occupation is not asserted as one
    assert _triples(nlp(text)) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a participle used as the post's noun, after the name
        (
            "Аарон Гринспен, управляющий компанией FaceCash, выступил против.",
            ("Аарон Гринспен", "управляющий компанией", "FaceCash"),
        ),
        # an acting post: «исполняющий обязанности» agrees with the name, the post word after it does not
        (
            "Марк Тоунер, исполняющий обязанности официального представителя Госдепартамента США, выступил.",
            ("Марк Тоунер", "официальный представитель", "Госдепартамента"),
        ),
        # the post's complement («энергетики») is no post word, but the phrase still runs into the name
        (
            "Спор, скорее всего, решат глава ОАО «Газпром» Алексей Миллер и министр энергетики Белоруссии "
            "Александр Озерец.",
            ("Александр Озерец", "министр энергетики", "Белоруссии"),
        ),
    ],
)
def test_participles_acting_posts_and_complements(nlp, text, expected):
    assert expected in _triples(nlp(text))


@pytest.mark.parametrize(
    ("text", "person", "role", "body", "norm"),
    [
        (
            "Глава палестинской делегации на переговорах Саеб Эрекат призвал ООН ответить.",
            "Саеб Эрекат",
            "глава",
            "палестинской делегации",
            "палестинская делегация",
        ),
        (
            "Утром представитель вооружённых сил полковник Сансерн Каевкамнерд выступил по телевидению.",
            "Сансерн Каевкамнерд",
            "представитель",
            "вооружённых сил",
            "вооружённые силы",
        ),
        (
            "Капитаном сборной команды стал Михаель Баллак.",
            "Михаель Баллак",
            "капитан",
            "сборной команды",
            "сборная команда",
        ),
    ],
)
def test_a_body_named_by_a_common_noun_is_the_posts_body(nlp, text, person, role, body, norm):
    doc = nlp(text)
    assert (person, role, body) in _triples(doc)
    (span,) = [s for s in doc.spans["kg_bodies"] if s.text == body]
    assert span.label_ == "Organization" and span._.kg_norm == norm
    assert body not in {e.text for e in doc.ents}  # a body without a name is no named entity


def test_a_rank_after_a_post_is_held_in_the_posts_body(nlp):
    doc = nlp("Утром представитель вооружённых сил полковник Сансерн Каевкамнерд выступил по телевидению.")
    assert ("Сансерн Каевкамнерд", "полковник", "вооружённых сил") in _triples(doc)


@pytest.mark.parametrize(
    "text",
    [
        "Мэр города Иван Петров открыл школу.",  # a body of places is no organisation
        "Представитель силы Иван Петров выступил.",  # «силы» alone is no body
    ],
)
def test_no_unnamed_body_from_place_nouns_or_bare_words(nlp, text):
    doc = nlp(text)
    assert list(doc.spans.get("kg_bodies", [])) == []


def test_one_post_stated_twice_is_one_position_with_both_statements(nlp):
    doc = nlp(
        "Барак Обама принимает своего французского коллегу Николя Саркози. Как было объявлено, президент "
        "Франции прибыл в Вашингтон. Президент Франции Николя Саркози выразил надежду."
    )
    (pos,) = [p for p in doc._.kg_positions if p.role == "президент"]
    assert doc.text[pos.person.start : pos.person.end] == "Николя Саркози"
    assert pos.confidence == 0.85  # the surest statement, the one next to the name, is the position's own
    said = [pos.role_span, *pos.restated]
    assert sorted(s.start for s in said) == [m.start() for m in re.finditer("[Пп]резидент Франции", doc.text)]


def test_a_state_adjective_without_its_state_takes_no_other_state(nlp):
    doc = nlp(
        "На саммите обещал быть председатель КНР Ху Цзиньтао, а вот британский премьер Гордон Браун отказался."
    )
    assert not any(person == "Гордон Браун" for person, _, _ in _triples(doc))
    assert ("Ху Цзиньтао", "председатель", "КНР") in _triples(doc)


def test_head_of_state_is_the_title_the_article_gives_the_same_person(nlp):
    doc = nlp(
        "Президент Казахстана Касым-Жомарт Токаев прибыл в Пекин. Переговоры с главой Казахстана "
        "Касым-Жомартом Токаевым прошли в субботу."
    )
    got = {(p, r) for p, r, _ in _rows(doc)}
    assert ("Касым-Жомарт Токаев", "президент") in got
    assert ("Касым-Жомарт Токаев", "глава государства") not in got
    (pos,) = doc._.kg_positions
    assert [s.text for s in pos.restated] == ["главой"]


def test_head_of_state_without_a_title_stays_head_of_state(nlp):
    doc = nlp("Переговоры с главой Казахстана Касым-Жомартом Токаевым прошли в субботу.")
    assert ("Касым-Жомарт Токаев", "глава государства", "state/kazakhstan") in _rows(doc)


def test_a_post_phrase_between_two_names_is_the_second_ones(nlp):
    doc = nlp(
        "Полузащитник клуба Челси Фрэнк Лэмпард, капитан клуба Тоттенхэм Хотспур Ледли Кинг и защитник "
        "Арсенала Киран Гиббс снялись в фильме."
    )
    got = {(p, r) for p, r, _ in _triples(doc)}
    assert ("Ледли Кинг", "капитан") in got
    assert ("Фрэнк Лэмпард", "капитан") not in got


def test_an_abbreviation_in_brackets_stays_between_the_body_and_the_name(nlp):
    doc = nlp(
        "Генеральный секретарь Объединённого фронта за демократию против диктатуры (ОФДД) Наттавута Сайкыа "
        "сообщил, что желает прекращения кризиса."
    )
    assert (
        "Наттавута Сайкыа",
        "генеральный секретарь",
        "Объединённого фронта за демократию против диктатуры",
    ) in _triples(doc)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Место спикера Палаты представителей в новом Конгрессе занял республиканец Джон Бенер.",
            ("Джон Бенер", "спикер", "Палаты представителей"),
        ),
        (
            "Пост главы правительства Израиля занимает Биньямин Нетаньяху.",
            ("Биньямин Нетаньяху", "глава правительства", "Израиля"),
        ),
    ],
)
def test_the_subject_of_taking_a_post_holds_it(nlp, text, expected):
    assert expected in _triples(nlp(text))


def test_taking_a_seat_is_no_post(nlp):
    assert _triples(nlp("Иван Петров занял место в первом ряду зала.")) == set()


def test_a_post_across_a_dash_in_another_case_is_not_the_names(nlp):
    doc = nlp(
        "Работа понравилась супруге первого президента России — Наине Иосифовне, и обелиск тоже поручили ему."
    )
    assert not any(person == "Наине Иосифовне" for person, _, _ in _triples(doc))
