"""Gatherings of many as parent events, and meeting readings that are not meetings (hand-written sentences)."""

from __future__ import annotations

import pytest
from doc_helpers import entity_names


def _text(doc, ref) -> str:
    return doc.text[ref.start : ref.end]


# -- a meeting of many that frames a bilateral one ------------------------------------------------------------------
def test_ministerial_of_a_format_is_the_parent_of_the_bilateral_meeting(nlp):
    doc = nlp(
        "На полях встречи глав МИД формата «Центральная Азия — Китай» в Бишкеке министр иностранных дел "
        "Туркмении Рашид Мередов встретился с Ван И."
    )
    gathering, bilateral = doc._.kg_events
    assert (gathering.type, gathering.trigger.text, gathering.sub_event_of) == ("Meeting", "встречи", None)
    assert bilateral.trigger.text == "встретился" and bilateral.sub_event_of == 0
    # the format is what the gathering is about; the place after it is where it was held
    assert [_text(doc, c) for c in gathering.concerns] == ["Центральная Азия — Китай"]
    assert _text(doc, gathering.place) == "Бишкеке"
    assert entity_names(doc, bilateral.participants) == {"Рашид Мередов", "Ван И"}
    assert entity_names(doc, bilateral.participants) <= entity_names(doc, gathering.participants)


def test_participation_in_a_ministerial_frames_talks(nlp):
    doc = nlp(
        'В рамках участия в очередной встрече глав МИД формата "Центральная Азия — Китай" министр иностранных '
        "дел Туркмении Рашид Мередов провел переговоры с Ван И."
    )
    gathering, talks = doc._.kg_events
    assert gathering.trigger.text == "встрече" and gathering.concerns
    assert talks.type == "Talks" and talks.sub_event_of == 0


@pytest.mark.parametrize(
    ("text", "members"),
    [
        # an organisation in the complement is a participant of the gathering
        (
            "На полях встречи министров иностранных дел стран ШОС в Астане Мурат Нуртлеу встретился с "
            "Сергеем Лавровым.",
            {"Шанхайская организация сотрудничества"},
        ),
        # three states and more make it a gathering under any frame
        (
            "В рамках участия в третьей встрече глав МИД Казахстана, Киргизии, Таджикистана и Узбекистана "
            "Мурат Нуртлеу провел переговоры с Бахтиёром Саидовым.",
            {"Киргизия", "Таджикистан", "Узбекистан"},
        ),
    ],
)
def test_bodies_and_states_a_gathering_is_of_take_part_in_it(nlp, text, members):
    doc = nlp(text)
    gathering, inner = doc._.kg_events
    assert inner.sub_event_of == 0 and gathering.sub_event_of is None
    assert members <= entity_names(doc, gathering.participants)
    assert not members & entity_names(doc, inner.participants)


def test_name_after_the_gathering_is_the_subject_not_its_member(nlp):
    # «министров иностранных дел» belong to «встречи»: the name after them is the subject of «встретился»
    doc = nlp("В рамках встречи министров иностранных дел Касым-Жомарт Токаев встретился с Си Цзиньпином.")
    gathering, bilateral = doc._.kg_events
    assert bilateral.sub_event_of == 0
    assert entity_names(doc, bilateral.participants) == {"Касым-Жомарт Токаев", "Си Цзиньпин"}


@pytest.mark.parametrize(
    "text",
    [
        # «в ходе встречи министров» most often refers back to the bilateral meeting itself
        "В ходе встречи министров иностранных дел Мурат Нуртлеу встретился с Ван И.",
        # a meeting of two sides
        "В рамках двусторонней встречи министров иностранных дел Мурат Нуртлеу встретился с Ван И.",
        "На полях встречи министров иностранных дел Казахстана и Китая Мурат Нуртлеу встретился с Ван И.",
    ],
)
def test_meeting_of_two_sides_is_no_gathering(nlp, text):
    doc = nlp(text)
    (meeting,) = doc._.kg_events
    assert meeting.trigger.text == "встретился" and meeting.sub_event_of is None
    assert entity_names(doc, meeting.participants) == {"Мурат Нуртлеу", "Ван И"}


def test_in_the_same_time_frames_nothing(nlp):
    doc = nlp(
        "В то же время встреча министров иностранных дел ШОС прошла в Астане, где Сергей Лавров встретился с "
        "Ван И."
    )
    assert [e.trigger.text for e in doc._.kg_events] == ["встретился"]
    assert doc._.kg_events[0].sub_event_of is None


# -- readings that are not meetings -------------------------------------------------------------------------------
def test_compound_future_split_by_the_parser_is_no_event(nlp):
    said = "Премьер-министр Норвегии Йонас Стёре сообщил, что {} переговоры с Россией."
    planned = nlp(said.format("будет долго, но упорно вести"))._.kg_events
    assert [(e.type, e.status) for e in planned] == [("Talks", "Planned")]
    (talks,) = nlp(said.format("долго, но упорно вел"))._.kg_events
    assert talks.type == "Talks"


@pytest.mark.parametrize(
    "text",
    [
        # the noun stands before the «что» of the clause the parser hung it on
        "Жан Дюпон на встрече в Ханое отметил, что отношения Франции с Вьетнамом переживают новый подъем.",
        "Министр Жан Дюпон в беседе с журналистами отметил, что отношения Франции с Вьетнамом переживают новый "
        "подъем.",
        # a meeting with voters: the names around it are not its sides
        "После встречи с избирателями Токаев с Мирзиёевым отправились в Ташкент.",
    ],
)
def test_names_outside_a_meetings_clause_are_not_its_sides(nlp, text):
    assert [e for e in nlp(text)._.kg_events if e.type in ("Meeting", "Talks")] == []


def test_talks_reported_in_a_conversation_with_journalists_keep_their_own_sides(nlp):
    doc = nlp("Лавров в беседе с журналистами заявил о переговорах между Россией и Китаем.")
    (talks,) = doc._.kg_events
    assert talks.type == "Talks" and talks.trigger.text == "переговорах"
    assert entity_names(doc, talks.participants) == {"Россия", "Китай"}
