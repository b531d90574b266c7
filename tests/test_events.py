"""The event component on hand-written news sentences (not the sample articles)."""

from __future__ import annotations

from pathlib import Path

import pytest
from doc_helpers import entity_names

from kg.records import EVENT_TYPES

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.mark.parametrize(
    ("text", "type_", "people"),
    [
        (
            "Министр иностранных дел России Сергей Лавров провел переговоры с Бахтиёром Саидовым.",
            "Talks",
            {"Сергей Лавров", "Бахтиёр Саидов"},
        ),
        (
            "Президент Казахстана Касым-Жомарт Токаев встретился с председателем КНР Си Цзиньпином.",
            "Meeting",
            {"Касым-Жомарт Токаев", "Си Цзиньпин"},
        ),
        (
            "В Москве прошли переговоры между Владимиром Путиным и Шавкатом Мирзиёевым.",
            "Talks",
            {"Владимир Путин", "Шавкат Мирзиёев"},
        ),
        (
            "Садыр Жапаров пригласил Си Цзиньпина посетить Бишкек.",
            "Invitation",
            {"Садыр Жапаров", "Си Цзиньпин"},
        ),
    ],
)
def test_event_type_and_participants(nlp, text, type_, people):
    doc = nlp(text)
    found = [e for e in doc._.kg_events if e.type == type_]
    assert len(found) == 1
    assert entity_names(doc, found[0].participants) == people


def test_participant_refs_are_entity_spans(nlp):
    doc = nlp("Глава МИД Чили Педро Аларкон провел встречу с министром иностранных дел Перу Хуаном Руисом.")
    spans = {(e.start_char, e.end_char) for e in doc.ents}
    (event,) = doc._.kg_events
    assert event.participants and all((r.start, r.end) in spans for r in event.participants)
    # the person is named, so the state and the ministry in the same phrase are not participants
    assert {doc.ents[0].label_} and {
        e.label_
        for e in doc.ents
        if (e.start_char, e.end_char) in {(r.start, r.end) for r in event.participants}
    } == {"Person"}
    assert event.trigger.text == "встречу"
    assert event.sentence.text.startswith("Глава МИД")


def test_place_and_date(nlp):
    doc = nlp("Сергей Лавров 14 марта провел в Ташкенте переговоры с Бахтиёром Саидовым.")
    (event,) = doc._.kg_events
    assert event.partial_date == "--03-14" and event.date is None and event.date_text == "14 марта"
    assert doc.text[event.place.start : event.place.end] == "Ташкенте"


def test_full_date_when_the_year_is_given(nlp):
    doc = nlp("Сергей Лавров 3 мая 2019 года провел переговоры с Ван И.")
    (event,) = doc._.kg_events
    assert event.date == "2019-05-03" and event.partial_date is None


def test_mentions_of_one_happening_are_merged(nlp):
    doc = nlp(
        "Сергей Лавров провел переговоры с Ван И. В ходе переговоров стороны обсудили торговлю. "
        "Эта встреча стала важным шагом в отношениях двух стран."
    )
    talks = [e for e in doc._.kg_events if e.type in ("Talks", "Meeting")]
    assert len(talks) == 1
    assert len(talks[0].evidence) == 2


@pytest.mark.parametrize(
    "text",
    [
        "Переговоры Сергея Лаврова и Ван И не состоялись.",  # negated: dropped (the graph keeps what happened)
        "Сергей Лавров и Ван И должны запустить программу «Зеленый коридор».",  # only intended
        "Сергей Лавров отметил рост товарооборота с Китаем.",  # no cue
        "Погода в Пекине была солнечной.",
    ],
)
def test_no_event(nlp, text):
    # an event the text does not tell as done is kept only with its status (tests/test_events_status.py)
    assert [e for e in nlp(text)._.kg_events if e.status is None] == []


def test_state_visit_guest_and_place(nlp):
    doc = nlp("Шавкат Мирзиёев совершил государственный визит в Китай.")
    (event,) = doc._.kg_events
    assert event.type == "StateVisit"
    assert [r.role for r in event.participants] == ["guest"]
    assert doc.text[event.place.start : event.place.end] == "Китай"


def test_aid_donor_and_recipient(nlp):
    doc = nlp("Россия оказала Киргизии гуманитарную помощь.")
    (event,) = doc._.kg_events
    roles = {doc.text[r.start : r.end]: r.role for r in event.participants}
    assert roles == {"Россия": "donor", "Киргизии": "recipient"}


def test_initiative_support_one_event_per_initiative(nlp):
    doc = nlp("Узбекистан поддерживает инициативу «Один пояс, один путь» и инициативу глобального развития.")
    support = [e for e in doc._.kg_events if e.type == "InitiativeSupport"]
    assert support and all(len(e.concerns) == 1 for e in support)
    assert len({e.concerns[0] for e in support}) == len(support)
    assert all(r.role == "supporter" for e in support for r in e.participants)


def test_partnership_upgrade_level(nlp):
    doc = nlp("Россия и Китай повысили уровень отношений до всеобъемлющего стратегического партнерства.")
    (event,) = doc._.kg_events
    assert event.type == "PartnershipUpgrade"
    assert event.level == "всеобъемлющее стратегическое партнерство"
    assert len(event.participants) == 2


def test_agreement_signatories(nlp):
    doc = nlp("Касым-Жомарт Токаев и Шавкат Мирзиёев подписали соглашение о демаркации границы.")
    (event,) = doc._.kg_events
    assert event.type == "AgreementSigning"
    assert {r.role for r in event.participants} == {"signatory"} and len(event.participants) == 2


@pytest.mark.slow
def test_seed_events_general_properties(nlp):
    for path in sorted(SEEDS.glob("*.txt")):
        doc = nlp(path.read_text(encoding="utf-8"))
        spans = {(e.start_char, e.end_char) for e in doc.ents}
        seen = set()
        for event in doc._.kg_events:
            assert event.type in EVENT_TYPES
            assert event.participants and all((r.start, r.end) in spans for r in event.participants)
            assert 0.0 <= event.confidence <= 1.0
            assert doc.text[event.trigger.start : event.trigger.end] == event.trigger.text
            key = (
                event.type,
                frozenset(entity_names(doc, event.participants)),
                frozenset((c.start, c.end) for c in event.concerns),
            )
            assert key not in seen, f"{path.name}: two {event.type} events with the same participants"
            seen.add(key)


# -- what did not (yet) happen is no event -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("Си Цзиньпин пригласил Шавката Мирзиёева посетить Пекин с государственным визитом.", "StateVisit"),
        (
            "Сергей Лавров и Мурат Нуртлеу обсудили подготовку визита президента Казахстана в Россию.",
            "StateVisit",
        ),
        ("Министры иностранных дел Казахстана и Китая проведут переговоры в Астане.", "Talks"),
        ("Касым-Жомарт Токаев будет вести переговоры с Владимиром Путиным.", "Talks"),
        ("Предстоящий визит Шавката Мирзиёева в Астану запланирован на осень.", "StateVisit"),
        ("Визит Садыра Жапарова в Китай состоится в следующем году.", "StateVisit"),
        ("Россия и Китай могли бы провести переговоры о поставках газа.", "Talks"),
        ("Мурат Нуртлеу не провел переговоры с Ван И.", "Talks"),
        ("Стороны заявили о готовности к переговорам с Россией.", "Talks"),
    ],
)
def test_planned_or_negated_is_not_an_event(nlp, text, type_):
    assert [e for e in nlp(text)._.kg_events if e.type == type_ and e.status is None] == []


def test_invitation_is_kept_when_the_visit_is_only_invited(nlp):
    doc = nlp(
        "Си Цзиньпин пригласил Шавката Мирзиёева посетить Пекин с государственным визитом в следующем году."
    )
    assert [(e.type, e.status) for e in doc._.kg_events] == [("Invitation", None), ("StateVisit", "Proposed")]
    roles = {doc.text[r.start : r.end]: r.role for r in doc._.kg_events[0].participants}
    assert roles == {"Си Цзиньпин": "inviter", "Шавката Мирзиёева": "invitee"}


@pytest.mark.parametrize(
    ("text", "guest"),
    [
        (
            "Премьер-министр Монголии Лувсаннамсрайн Оюун-Эрдэнэ прибыл в Пекин с официальным визитом.",
            "Лувсаннамсрайн Оюун-Эрдэнэ",
        ),
        ("Визит Шавката Мирзиёева в Китай стал историческим.", "Шавкат Мирзиёев"),
        # the genitive of the noun, not the subject of the verb that talks about the visit
        ("Сергей Лавров обсудил визит Касым-Жомарта Токаева в Москву.", "Касым-Жомарт Токаев"),
    ],
)
def test_the_guest_of_a_visit(nlp, text, guest):
    doc = nlp(text)
    (visit,) = [e for e in doc._.kg_events if e.type == "StateVisit"]
    assert [r.role for r in visit.participants] == ["guest"]
    assert entity_names(doc, visit.participants) == {guest}


# -- aid: who receives ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "donor", "recipient"),
    [
        ("Россия направила в Казахстан гуманитарную помощь пострадавшим от паводков.", "Россия", "Казахстан"),
        ("Китай оказал гуманитарную помощь пострадавшим в Кыргызстане.", "Китай", "Кыргызстане"),
        ("Узбекистан направил сто тонн гуманитарной помощи для Афганистана.", "Узбекистан", "Афганистана"),
        ("Казахстан направил Кыргызстану бригаду спасателей.", "Казахстан", "Кыргызстану"),
    ],
)
def test_aid_recipient(nlp, text, donor, recipient):
    doc = nlp(text)
    (aid,) = [e for e in doc._.kg_events if e.type == "AidDelivery"]
    roles = {doc.text[r.start : r.end]: r.role for r in aid.participants}
    assert roles == {donor: "donor", recipient: "recipient"}


def test_aid_by_a_ministry_plane(nlp):
    doc = nlp("Самолет МЧС России доставил в Бишкек тридцать тонн гуманитарной помощи.")
    (aid,) = [e for e in doc._.kg_events if e.type == "AidDelivery"]
    assert [r.role for r in aid.participants] == ["donor"]
    assert doc.text[aid.place.start : aid.place.end] == "Бишкек"


# -- partnership level: the whole phrase in the nominative ---------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("Россия и Китай вывели отношения на уровень всепогодного партнерства.", "всепогодное партнерство"),
        (
            "Казахстан и Китай повысили уровень отношений до всестороннего стратегического партнерства.",
            "всестороннее стратегическое партнерство",
        ),
        (
            "Узбекистан и Китай подняли уровень отношений до всеобъемлющих партнерских отношений.",
            None,  # «отношения» is no level name
        ),
    ],
)
def test_level_in_the_nominative(nlp, text, level):
    doc = nlp(text)
    (event,) = [e for e in doc._.kg_events if e.type == "PartnershipUpgrade"]
    assert event.level == level


# -- who «стороны», «министры» are ---------------------------------------------------------------------------------
def test_sides_are_the_people_of_the_talks_just_told(nlp):
    doc = nlp(
        "Шавкат Мирзиёев провел переговоры с председателем КНР Си Цзиньпином в Ташкенте. "
        "Стороны подписали соглашение о партнерстве."
    )
    (signing,) = [e for e in doc._.kg_events if e.type == "AgreementSigning"]
    assert entity_names(doc, signing.participants) == {"Шавкат Мирзиёев", "Си Цзиньпин"}


def test_ministries_sign_a_memorandum(nlp):
    doc = nlp(
        "Министерство иностранных дел Казахстана и Министерство торговли Китая подписали меморандум о сотрудничестве."
    )
    (signing,) = doc._.kg_events
    assert signing.type == "AgreementSigning" and [r.role for r in signing.participants] == ["signatory"] * 2
    by_offsets = {(e.start_char, e.end_char): e.label_ for e in doc.ents}
    assert {by_offsets[(r.start, r.end)] for r in signing.participants} == {"Organization"}


# -- more cues -----------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "type_", "roles"),
    [
        (
            "Касым-Жомарт Токаев и Владимир Путин провели телефонный разговор.",
            "Meeting",
            {"Касым-Жомарт Токаев": None, "Владимир Путин": None},
        ),
        (
            "Президент Казахстана Касым-Жомарт Токаев принял министра иностранных дел Китая Ван И.",
            "Meeting",
            {"Касым-Жомарт Токаев": "host", "Ван И": "guest"},
        ),
        (
            "Реджеп Эрдоган договорился с Виктором Януковичем о новом этапе сотрудничества.",
            "Talks",
            {"Реджеп Эрдоган": None, "Виктор Янукович": None},
        ),
        (
            "Си Цзиньпин и Садыр Жапаров приняли совместную декларацию.",
            "AgreementSigning",
            {"Си Цзиньпин": "signatory", "Садыр Жапаров": "signatory"},
        ),
    ],
)
def test_more_cues(nlp, text, type_, roles):
    doc = nlp(text)
    found = [e for e in doc._.kg_events if e.type == type_]
    assert len(found) == 1
    by_offsets = {(e.start_char, e.end_char): e._.kg_norm for e in doc.ents}
    assert {by_offsets[(r.start, r.end)]: r.role for r in found[0].participants} == roles


@pytest.mark.parametrize(
    "text",
    [
        "Президент Казахстана Касым-Жомарт Токаев принял участие в заседании.",  # «принять участие» hosts no one
        "Во время встречи с избирателями Педро Аларкон получил ранение.",  # one named side only
    ],
)
def test_no_meeting(nlp, text):
    assert [e for e in nlp(text)._.kg_events if e.type in ("Meeting", "Talks")] == []


def test_support_expressed_for_an_initiative(nlp):
    doc = nlp("Владимир Путин выразил поддержку инициативе «Один пояс, один путь».")
    (support,) = [e for e in doc._.kg_events if e.type == "InitiativeSupport"]
    assert [r.role for r in support.participants] == ["supporter"] and len(support.concerns) == 1


def test_plural_which_takes_both_names(nlp):
    doc = nlp(
        "Глава «Роснефти» Игорь Орлов и министр энергетики Армении Давит Саркисян, которые сегодня "
        "встречаются в Ереване, обсудят поставки нефти."
    )
    (meeting,) = [e for e in doc._.kg_events if e.type == "Meeting"]
    assert entity_names(doc, meeting.participants) == {"Игорь Орлов", "Давит Саркисян"}


# -- a meeting held inside a summit ---------------------------------------------------------------------------------
def test_meeting_on_the_sidelines_of_a_summit_is_its_sub_event(nlp):
    doc = nlp(
        "На полях саммита ШОС в Астане президент Казахстана Касым-Жомарт Токаев встретился с председателем КНР "
        "Си Цзиньпином."
    )
    events = doc._.kg_events
    assert [e.type for e in events] == ["Meeting", "Meeting"]
    summit, bilateral = events
    assert summit.trigger.text == "саммита" and summit.sub_event_of is None
    assert bilateral.sub_event_of == 0
    assert doc.text[summit.place.start : summit.place.end] == "Астане"
    assert entity_names(doc, bilateral.participants) == {"Касым-Жомарт Токаев", "Си Цзиньпин"}
    assert entity_names(doc, bilateral.participants) < entity_names(doc, summit.participants)


def test_no_summit_without_a_frame(nlp):
    doc = nlp("Касым-Жомарт Токаев встретился с Си Цзиньпином в Астане.")
    assert all(e.sub_event_of is None for e in doc._.kg_events) and len(doc._.kg_events) == 1
