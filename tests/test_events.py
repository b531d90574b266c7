"""The event component on hand-written news sentences (not the sample articles)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.records import EVENT_TYPES

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _names(doc, refs) -> set[str]:
    """The nominative names of the entities some refs point at."""
    by_offsets = {(e.start_char, e.end_char): e for e in doc.ents}
    return {by_offsets[(r.start, r.end)]._.kg_norm for r in refs}


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
    assert _names(doc, found[0].participants) == people


def test_participant_refs_are_entity_spans(nlp):
    doc = nlp("Глава МИД Казахстана Мурат Нуртлеу провел встречу с министром иностранных дел Китая Ван И.")
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
    assert nlp(text)._.kg_events == []


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
                frozenset(_names(doc, event.participants)),
                frozenset((c.start, c.end) for c in event.concerns),
            )
            assert key not in seen, f"{path.name}: two {event.type} events with the same participants"
            seen.add(key)
