"""The post component: who holds which post, on sentences written for these tests (invented people)."""

from __future__ import annotations

import re

import pytest
from doc_helpers import position_triples


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
            "Министр иностранных дел Чили Хуан Перес прибыл в Варшаву.",
            ("Хуан Перес", "министр иностранных дел", "state/chile"),
        ),
        (
            "Вчера президентом Перу Карлосом Мендосой был подписан указ.",
            ("Карлос Мендоса", "президент", "state/peru"),
        ),
        ("Поздравление направил председатель КНР Ли Вэй.", ("Ли Вэй", "председатель", "state/china")),
    ],
)
def test_post_before_the_name(nlp, text, expected):
    assert expected in _rows(nlp(text))


def test_head_of_foreign_ministry_is_foreign_minister(nlp):
    # «глава МИД X» is X's foreign minister; the post is in the state when the article names it apart,
    # else in the ministry span (the resolver maps the ministry to its state)
    doc = nlp("Протокол подписал глава МИД Киргизии Алмаз Токтогулов.")
    assert _rows(doc) == {("Алмаз Токтогулов", "министр иностранных дел", "organization/mfa-kyrgyzstan")}
    doc = nlp("Киргизия подписала протокол. Его подписал глава МИД Киргизии Алмаз Токтогулов.")
    assert _rows(doc) == {("Алмаз Токтогулов", "министр иностранных дел", "state/kyrgyzstan")}


def test_two_posts_before_one_name(nlp):
    doc = nlp("Беседа прошла с членом Совета безопасности Перу, министром финансов Перу Карлосом Мендосой.")
    roles = {(p, r) for p, r, _ in _rows(doc)}
    assert {("Карлос Мендоса", "член совета"), ("Карлос Мендоса", "министр финансов")} <= roles


def test_compound_post_is_put_in_the_nominative(nlp):
    doc = nlp("Совещание провёл вице-премьером — министром финансов Чили Хуаном Пересом.")
    assert any(r == "вице-премьер — министр финансов" for _, r, _ in _rows(doc))


def test_post_after_the_name(nlp):
    doc = nlp("Хуан Перес, министр иностранных дел Чили, заявил о поддержке соглашения.")
    assert ("Хуан Перес", "министр иностранных дел", "state/chile") in _rows(doc)


def test_no_post_without_post_words(nlp):
    assert nlp("Хуан Перес прибыл в Варшаву, где его встретил Карлос Мендоса.")._.kg_positions == []


def test_evidence_is_the_sentence(nlp):
    doc = nlp("Погода была хорошей. Председатель КНР Ли Вэй прибыл в Варшаву.")
    (pos,) = doc._.kg_positions
    assert pos.evidence.text == "Председатель КНР Ли Вэй прибыл в Варшаву."
    assert doc.text[pos.evidence.start : pos.evidence.end] == pos.evidence.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a hyphenated post is one word, put in the nominative as a whole
        (
            "Вчера премьер-министра Франции Пьера Леруа встретили в аэропорту.",
            ("Пьера Леруа", "премьер-министр", "Франции"),
        ),
        # the post phrase starts at the post word, not at the noun before it
        (
            "Выступивший на заседании кабинета премьер-министр Франции Пьер Леруа ответил на вопросы.",
            ("Пьер Леруа", "премьер-министр", "Франции"),
        ),
        # apposition after the name, with a dash
        (
            "На форуме выступит Анна Смирнова - директор Northern Media Group.",
            ("Анна Смирнова", "директор", "Northern Media Group"),
        ),
        # a list of names, each with its own post after a dash
        (
            "Выступят Анна Смирнова - директор Northern Media Group, Олег Волков - директор "
            "Московского института истории.",
            ("Олег Волков", "директор", "Московского института истории"),
        ),
        # the body right after the post is its «of», before a state named inside that body
        (
            "Председатель Союза писателей Чили Хуан Перес дал интервью.",
            ("Хуан Перес", "председатель", "Союза писателей"),
        ),
        # a post of a state named alone takes the state the sentence names before it
        (
            "Во время поездки в Перу он договорился с президентом Карлосом Мендосой о торговле.",
            ("Карлосом Мендосой", "президент", "Перу"),
        ),
    ],
)
def test_post_constructions(nlp, text, expected):
    assert expected in position_triples(nlp(text))


@pytest.mark.parametrize(
    ("text", "person", "role"),
    [
        # «бывший» and «экс-» are kept in the role: the person held the post, the graph must not say holds
        ("Экс-премьер Италии Марко Росси выступил с лекцией.", "Марко Росси", "бывший премьер-министр"),
        (
            "Олег Волков — бывший заместитель министра финансов Литвы.",
            "Олег Волков",
            "бывший заместитель министра финансов",
        ),
    ],
)
def test_former_posts_are_named_former(nlp, text, person, role):
    assert (person, role) in {(p, r) for p, r, _ in position_triples(nlp(text))}


def test_only_the_post_next_to_the_name_is_its_own(nlp):
    # «корреспондентом …» is the post of someone else, not of the leader named after
    doc = nlp(
        "Об этом в разговоре с корреспондентом «Вечерней газеты» лидер движения «Зелёный город» Олег Петров "
        "сказал."
    )
    roles = {r for p, r, _ in position_triples(doc) if p == "Олег Петров"}
    assert "лидер" in roles and "корреспондент" not in roles


def test_role_span_names_the_post_words(nlp):
    doc = nlp("Вчера министром финансов Чили Хуаном Пересом был представлен бюджет.")
    (pos,) = [p for p in doc._.kg_positions if p.role == "министр финансов"]
    assert pos.role_span is not None
    assert pos.role_span.text == "министром финансов"
    assert doc.text[pos.role_span.start : pos.role_span.end] == pos.role_span.text


@pytest.mark.parametrize(
    "text",
    [
        "Отчёт подготовил профессор, а утвердил директор.",  # post words, no name
        "Президент заявил, что Хуан Перес прибудет завтра.",  # post word far from the name
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
            "Министр науки и образования Чили Хуан Перес рассказал о реформе.",
            ("Хуан Перес", "министр науки и образования", "Чили"),
        ),
        (
            "Министр по делам молодёжи Новой Зеландии Джон Смит подчеркнул важность программы.",
            ("Джон Смит", "министр по делам молодёжи", "Новой Зеландии"),
        ),
        (
            "Об этом сообщил первый замминистра финансов Литвы Йонас Петраускас.",
            ("Йонас Петраускас", "первый заместитель министра финансов", "Литвы"),
        ),
        # a hyphenated post whose first half the lemmatiser reads as another word («премьер» → «премьера»)
        (
            "По словам премьер-министра Эстонии Яана Тамма, решение является ошибкой.",
            ("Яана Тамма", "премьер-министр", "Эстонии"),
        ),
        # a plural post word before the singular one names a body, not the person's post
        (
            "Заседание совета министров глава правительства Чили Хуан Перес провёл в Сантьяго.",
            ("Хуан Перес", "глава правительства", "Чили"),
        ),
    ],
)
def test_post_phrase_found_by_the_parse(nlp, text, expected):
    assert expected in position_triples(nlp(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Капитаном сборной Литвы стал Йонас Петраускас.", ("Йонас Петраускас", "капитан")),
        ("Вчера Иван Петров был назначен министром финансов Грузии.", ("Иван Петров", "министр финансов")),
        (
            "Иван Петров, который является депутатом парламента Грузии, выступил.",
            ("Иван Петров", "депутат"),
        ),
        (
            "Президент назначил Олега Волкова первым заместителем министра финансов Литвы.",
            ("Олега Волкова", "первый заместитель министра финансов"),
        ),
    ],
)
def test_post_linked_by_a_verb(nlp, text, expected):
    assert expected in {(p, r) for p, r, _ in position_triples(nlp(text))}


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
    assert not [p for p in position_triples(nlp(text)) if p[0] == "Иван Петров"]


def test_state_post_named_alone_takes_the_article_state(nlp):
    # no state in the sentence or the one before: the state the article names most stands in
    doc = nlp(
        "Парламент Чили и правительство Чили приняли закон. Погода была хорошей. Президент Перес выступил с речью."
    )
    assert ("Перес", "президент", "Чили") in position_triples(doc)
    # with a qualifier of its own the post is a figure of speech: no state is guessed, so no post is asserted
    doc = nlp("Латвия и Латвия. Погода была хорошей. Вчера эстрадный король Иван Петров выступил.")
    assert not any(p == "Иван Петров" for p, _, _ in position_triples(doc))
    # two states named as often: none stands out, and a post placed nowhere is not asserted
    doc = nlp("Чили и Перу. Погода была хорошей. Президент Перес выступил с речью.")
    assert not any(p == "Перес" for p, _, _ in position_triples(doc))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an honorific between the post and the name is neither the post nor the name
        (
            "На приёме был председатель Союза писателей Чили сеньор Хуан Перес.",
            ("Хуан Перес", "председатель", "Союза писателей"),
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
    assert expected in position_triples(nlp(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a region's adjective names the region the post is in
        (
            "Пермский край получил субсидию. По словам пермского губернатора Олега Волкова, всё в порядке.",
            ("Олега Волкова", "губернатор", "Пермский край"),
        ),
        # a generic noun after the post stands for the body named before
        (
            "Казань построит мост. На открытии выступил мэр города Иван Петров.",
            ("Иван Петров", "мэр", "Казань"),
        ),
        (
            "Siemens построит фабрику. Об этом заявил президент концерна Клаус Мюллер.",
            ("Клаус Мюллер", "президент", "Siemens"),
        ),
        # «глава российского государства»: the adjective names the state
        (
            "Иван Петров прибыл в Россию. Глава российского государства заявил, что всё спокойно.",
            ("Иван Петров", "глава государства", "Россию"),
        ),
    ],
)
def test_post_body_from_an_adjective_or_generic_noun(nlp, text, expected):
    assert expected in position_triples(nlp(text))


def test_adjective_of_the_body_is_not_the_posts_state(nlp):
    # «глава эстонской делегации»: the adjective qualifies the delegation, not the post
    doc = nlp("Эстония и Эстония. Глава эстонской делегации Яан Тамм призвал ООН ответить.")
    assert not any(p == "Яан Тамм" and of and "Эстон" in of for p, _, of in position_triples(doc))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a post as a subject with no name: the one person named in the sentence before
        (
            "Хуан Перес отменил поездку. Премьер-министр Чили заявил, что не полетит в Лиму.",
            ("Хуан Перес", "премьер-министр", "Чили"),
        ),
        # the post a verb of holding names: «занять пост»
        (
            "Иван Петров согласился занять пост премьер-министра Грузии в случае победы.",
            ("Иван Петров", "премьер-министр", "Грузии"),
        ),
    ],
)
def test_post_named_without_a_name_goes_to_the_one_person_before(nlp, text, expected):
    assert expected in position_triples(nlp(text))


@pytest.mark.parametrize(
    ("text", "person"),
    [
        # two persons named before: ambiguous
        ("Иван Петров встретился с Петром Сидоровым. Министр финансов Грузии заявил о соглашении.", None),
        # a name later in the sentence is the post's own
        (
            "Иван Петров не приедет. Вместо него выступит министр финансов Грузии, глава комиссии "
            "Пётр Сидоров.",
            "Иван Петров",
        ),
        # a candidate for a post does not hold it
        ("Анна Смирнова выдвинута кандидатом на пост главы Франции.", "Анна Смирнова"),
        # a person the article gives another post is not the one a post in another body names
        (
            "Олег Волков, заместитель министра финансов Литвы, рассказал о проверке. "
            "По его словам, председатель банка угрожал его семье.",
            "Олег Волков",
        ),
        # a plural post word is a group, not the person
        ("Иван Петров не приедет. Министры Грузии заявили о соглашении.", "Иван Петров"),
    ],
)
def test_no_post_given_to_an_ambiguous_or_other_person(nlp, text, person):
    rows = position_triples(nlp(text))
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
            "В Сенате консерваторы сохранили большинство, и спикер Джон Смит заявил о новых планах.",
            ("Джон Смит", "спикер", "Сенате"),
        ),
        (
            "Либералы получили большинство в Палате общин. Их поддержали в парламенте. "
            "Слово взяла спикер Мэри Браун.",
            ("Мэри Браун", "спикер", "Палате общин"),
        ),
        (
            "Об этом сообщило НАСА. Вчера на станцию прилетел астронавт Роберт Келли.",
            ("Роберт Келли", "астронавт", "НАСА"),
        ),
        # a post under a state's post: «помощник заместителя госсекретаря» is the state's
        (
            "Делегацию США на переговорах возглавил помощник заместителя госсекретаря Томас Грин.",
            ("Томас Грин", "помощник заместителя госсекретаря", "США"),
        ),
        # a state's post named alone: the one state the article names, or one named later in the sentence
        (
            "Профсоюз резко раскритиковал премьер-министра Марко Росси. Он давно правит Италией.",
            ("Марко Росси", "премьер-министр", "Италией"),
        ),
        # the adjective of a state's own body: «глава эстонского правительства»
        (
            "Визит в Эстонию прошёл спокойно. Глава эстонского правительства Яан Тамм заявил о мире.",
            ("Яан Тамм", "глава эстонского правительства", "Эстонию"),
        ),
        # «свой»: the body the clause is about
        (
            "Съезд Партии зелёных единогласно переизбрал своего председателя Анну Смирнову.",
            ("Анну Смирнову", "председатель", "Партии зелёных"),
        ),
    ],
)
def test_post_body_from_context(nlp, text, expected):
    assert expected in position_triples(nlp(text))


@pytest.mark.parametrize(
    ("text", "person"),
    [
        # a body of another kind is not the seat: a speaker is not in a ministry, a dean not in the Senate
        ("Министерство финансов отчиталось. Затем выступил спикер Иван Петров.", "Иван Петров"),
        ("В Сенате прошли слушания, декан Иван Петров прочёл доклад.", "Иван Петров"),
        # «его председатель» is not the subject's body
        ("Союз журналистов поддержал его председателя Ивана Петрова.", "Ивана Петрова"),
    ],
)
def test_no_body_from_context_of_another_kind(nlp, text, person):
    ofs = {of for p, _, of in position_triples(nlp(text)) if p == person}
    assert ofs <= {None}


def test_a_parse_found_post_does_not_reach_across_another_name(nlp):
    doc = nlp(
        "Глава государства Иван Петров и Председатель Правительства РФ Пётр Сидоров направили поздравления."
    )
    got = position_triples(doc)
    assert ("Иван Петров", "глава государства", "РФ") in got
    assert not any(person == "Пётр Сидоров" and role == "глава государства" for person, role, _ in got)


@pytest.mark.parametrize(
    "text",
    [
        "Известный журналист Иван Петров написал новую книгу.",
        "Вчера корреспондент Анна Смирнова вернулась из поездки.",
    ],
)
def test_an_occupation_placed_nowhere_is_no_post(nlp, text):
    # a post is a position in a state or an organisation (dip:postIn); a bare occupation is not asserted as one
    assert position_triples(nlp(text)) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a participle used as the post's noun, after the name
        (
            "Иван Петров, управляющий компанией NordPay, выступил против.",
            ("Иван Петров", "управляющий компанией", "NordPay"),
        ),
        # an acting post: «исполняющий обязанности» agrees with the name, the post word after it does not
        (
            "Томас Грин, исполняющий обязанности официального представителя министерства обороны США, выступил.",
            ("Томас Грин", "официальный представитель", "министерства обороны США"),
        ),
        # the post's complement («энергетики») is no post word, but the phrase still runs into the name
        (
            "Вопрос, вероятно, обсудят глава ОАО «Роснефть» Пётр Сидоров и министр энергетики Литвы "
            "Йонас Петраускас.",
            ("Йонас Петраускас", "министр энергетики", "Литвы"),
        ),
    ],
)
def test_participles_acting_posts_and_complements(nlp, text, expected):
    assert expected in position_triples(nlp(text))


@pytest.mark.parametrize(
    ("text", "person", "role", "body", "norm"),
    [
        (
            "Глава торговой делегации Карлос Мендоса призвал ООН ответить.",
            "Карлос Мендоса",
            "глава",
            "торговой делегации",
            "торговая делегация",
        ),
        (
            "Утром представитель вооружённых сил полковник Иван Петров выступил по радио.",
            "Иван Петров",
            "представитель",
            "вооружённых сил",
            "вооружённые силы",
        ),
        (
            "Капитаном сборной команды стал Олег Волков.",
            "Олег Волков",
            "капитан",
            "сборной команды",
            "сборная команда",
        ),
    ],
)
def test_a_body_named_by_a_common_noun_is_the_posts_body(nlp, text, person, role, body, norm):
    doc = nlp(text)
    assert (person, role, body) in position_triples(doc)
    (span,) = [s for s in doc.spans["kg_bodies"] if s.text == body]
    assert span.label_ == "Organization" and span._.kg_norm == norm
    assert body not in {e.text for e in doc.ents}  # a body without a name is no named entity


def test_a_rank_after_a_post_is_held_in_the_posts_body(nlp):
    doc = nlp("Утром представитель вооружённых сил полковник Иван Петров выступил по радио.")
    assert ("Иван Петров", "полковник", "вооружённых сил") in position_triples(doc)


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
        "Джон Смит принимает своего французского коллегу Пьера Леруа. Как сообщалось, президент "
        "Франции прибыл в Лондон. Президент Франции Пьер Леруа выразил надежду."
    )
    (pos,) = [p for p in doc._.kg_positions if p.role == "президент"]
    assert doc.text[pos.person.start : pos.person.end] == "Пьер Леруа"
    assert pos.confidence == 0.85  # the surest statement, the one next to the name, is the position's own
    said = [pos.role_span, *pos.restated]
    assert sorted(s.start for s in said) == [m.start() for m in re.finditer("[Пп]резидент Франции", doc.text)]


def test_a_state_adjective_without_its_state_takes_no_other_state(nlp):
    doc = nlp(
        "На форум обещал приехать председатель КНР Ли Вэй, а вот канадский премьер Джон Смит отказался."
    )
    assert not any(person == "Джон Смит" for person, _, _ in position_triples(doc))
    assert ("Ли Вэй", "председатель", "КНР") in position_triples(doc)


def test_head_of_state_is_the_title_the_article_gives_the_same_person(nlp):
    doc = nlp(
        "Президент Перу Карлос Мендоса прибыл в Варшаву. Беседа с главой Перу Карлосом Мендосой "
        "прошла в пятницу."
    )
    got = {(p, r) for p, r, _ in _rows(doc)}
    assert ("Карлос Мендоса", "президент") in got
    assert ("Карлос Мендоса", "глава государства") not in got
    (pos,) = doc._.kg_positions
    assert [s.text for s in pos.restated] == ["главой"]


def test_head_of_state_without_a_title_stays_head_of_state(nlp):
    doc = nlp("Беседа с главой Перу Карлосом Мендосой прошла в пятницу.")
    assert ("Карлос Мендоса", "глава государства", "state/peru") in _rows(doc)


def test_a_post_phrase_between_two_names_is_the_second_ones(nlp):
    doc = nlp(
        "Директор банка «Заря» Иван Петров, президент клуба «Сокол» Пётр Сидоров и глава фонда «Рассвет» "
        "Олег Волков подписали письмо."
    )
    got = {(p, r) for p, r, _ in position_triples(doc)}
    assert ("Пётр Сидоров", "президент") in got
    assert ("Иван Петров", "президент") not in got


def test_an_abbreviation_in_brackets_stays_between_the_body_and_the_name(nlp):
    doc = nlp(
        "Генеральный секретарь Народного союза за реформы и справедливость (НСРС) Иван Петров "
        "сообщил, что готов к переговорам."
    )
    body = "Народного союза за реформы и справедливость"
    assert ("Иван Петров", "генеральный секретарь", body) in position_triples(doc)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Место спикера Палаты общин в новом парламенте занял консерватор Джон Смит.",
            ("Джон Смит", "спикер", "Палаты общин"),
        ),
        (
            "Пост главы правительства Чили занимает Хуан Перес.",
            ("Хуан Перес", "глава правительства", "Чили"),
        ),
    ],
)
def test_the_subject_of_taking_a_post_holds_it(nlp, text, expected):
    assert expected in position_triples(nlp(text))


def test_taking_a_seat_is_no_post(nlp):
    assert position_triples(nlp("Иван Петров занял место в первом ряду зала.")) == set()


def test_a_post_across_a_dash_in_another_case_is_not_the_names(nlp):
    doc = nlp("Картина понравилась вдове первого президента Литвы — Анне Ивановне, и заказ тоже отдали ему.")
    assert not any(person == "Анне Ивановне" for person, _, _ in position_triples(doc))
