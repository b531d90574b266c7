"""Coordinated participants: every conjunct of a list is a participant, three or more included."""

from __future__ import annotations

import pytest
from doc_helpers import entity_names


@pytest.mark.parametrize(
    ("text", "type_", "names"),
    [
        (
            # «с X и Y»: both partners
            "Глава МИД Сербии Ивица Дачич встретился с Сергеем Лавровым и Дмитрием Медведевым.",
            "Meeting",
            {"Ивица Дачич", "Сергей Лавров", "Дмитрий Медведев"},
        ),
        (
            # a post before the first conjunct only
            "Посол Японии встретилась с заместителями министра иностранных дел России Олегом Сыромолотовым "
            "и Андреем Руденко.",
            "Meeting",
            {"Олег Сыромолотов", "Андрей Руденко"},
        ),
        (
            # a subject list of three
            "Владимир Путин, Эмманюэль Макрон и Ангела Меркель провели переговоры в Берлине.",
            "Talks",
            {"Владимир Путин", "Эмманюэль Макрон", "Ангела Меркель"},
        ),
        (
            # a noun's genitive list of three: a multilateral meeting
            "В Астане прошла трехсторонняя встреча министров иностранных дел России, Ирана и Турции.",
            "Meeting",
            {"Россия", "Иран", "Турция"},
        ),
        (
            # a genitive list of a subject word
            "Лидеры России и Китая приняли совместное заявление о борьбе с терроризмом.",
            "AgreementSigning",
            {"Россия", "Китай"},
        ),
    ],
)
def test_every_conjunct_is_a_participant(nlp, text, type_, names):
    doc = nlp(text)
    found = [e for e in doc._.kg_events if e.type == type_]
    assert len(found) == 1
    assert names <= entity_names(doc, found[0].participants)


def test_a_new_clause_after_and_is_no_conjunct(nlp):
    doc = nlp("Сергей Лавров встретился с Ван И, и Владимир Путин позднее выступил перед журналистами.")
    (event,) = [e for e in doc._.kg_events if e.type == "Meeting"]
    assert entity_names(doc, event.participants) == {"Сергей Лавров", "Ван И"}
