"""Argument constructions of the event readers, on sentences of our own: passive agents, a document between
two sides, a person described before the name, a subject right after a preposition's object."""

from __future__ import annotations

import pytest
from doc_helpers import entity_names


def _done(doc, type_):
    """The events of a type told as having happened."""
    return [e for e in doc._.kg_events if e.type == type_ and e.status is None]


# -- the agents of a passive («был подписан X и Y») -------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "signatories"),
    [
        (
            "Договор о дружбе был подписан Эммануэлем Макроном и Олафом Шольцем в Берлине.",
            {"Эммануэль Макрон", "Олаф Шольц"},
        ),
        ("Меморандум о сотрудничестве подписан Сергеем Лавровым и Ван И.", {"Сергей Лавров", "Ван И"}),
    ],
)
def test_the_agents_of_a_passive_signing_are_its_signatories(nlp, text, signatories):
    doc = nlp(text)
    (signing,) = _done(doc, "AgreementSigning")
    assert entity_names(doc, signing.participants) == signatories


def test_a_short_passive_without_agents_is_no_event(nlp):
    # it tells a state of things, not who did what
    doc = nlp("Отношения Франции и Германии выведены на уровень стратегического партнерства.")
    assert not _done(doc, "PartnershipUpgrade")


# -- a document between two sides ---------------------------------------------------------------------------------
def test_a_document_between_two_sides_is_their_signing(nlp):
    doc = nlp("Соглашение между Казахстаном и Китаем о безвизовом режиме вступило в силу.")
    (signing,) = _done(doc, "AgreementSigning")
    assert entity_names(doc, signing.participants) == {"Казахстан", "Китай"}


def test_a_draft_document_is_only_planned(nlp):
    doc = nlp("Министры обсудили проект соглашения между Казахстаном и Китаем.")
    assert not _done(doc, "AgreementSigning")


def test_a_document_named_before_its_signing_is_that_signing(nlp):
    doc = nlp(
        "Бундестаг одобрил ратификацию договора между Парижем и Берлином. "
        "Договор был подписан Эммануэлем Макроном и Олафом Шольцем в мае."
    )
    (signing,) = _done(doc, "AgreementSigning")
    assert entity_names(doc, signing.participants) == {"Эммануэль Макрон", "Олаф Шольц"}
    assert len(signing.evidence) == 1


# -- a person described before the name ---------------------------------------------------------------------------
def test_a_partner_described_before_the_name(nlp):
    doc = nlp("Во время визита в Пекин Эммануэль Макрон встретился с вдовой художника Мариной Ивановой.")
    (meeting,) = _done(doc, "Meeting")
    assert entity_names(doc, meeting.participants) == {"Эммануэль Макрон", "Марина Иванова"}


def test_a_conjunct_described_before_the_name(nlp):
    doc = nlp("Беседа Эммануэля Макрона и его супруги Брижит с Олафом Шольцем прошла в Берлине.")
    (meeting,) = _done(doc, "Meeting")
    assert len(meeting.participants) == 3
    assert {"Эммануэль Макрон", "Олаф Шольц"} <= entity_names(doc, meeting.participants)


# -- a subject right after a preposition's object -----------------------------------------------------------------
def test_the_subject_after_the_place_of_a_visit(nlp):
    doc = nlp("Во время визита в Рим Эммануэль Макрон провел переговоры с Джорджей Мелони.")
    (visit,) = _done(doc, "StateVisit")
    assert entity_names(doc, visit.participants) == {"Эммануэль Макрон"}
    assert doc.text[visit.place.start : visit.place.end] == "Рим"
    (talks,) = _done(doc, "Talks")
    assert entity_names(doc, talks.participants) == {"Эммануэль Макрон", "Джорджа Мелони"}


# -- calls, joint statements, a host receiving a guest named by a post, parties «с участием» ---------------------
def test_a_call_framed_by_its_noun_is_with_the_person_addressed(nlp):
    doc = nlp("Эммануэль Макрон в телефонном разговоре поблагодарил Олафа Шольца за поддержку.")
    (call,) = _done(doc, "Meeting")
    assert entity_names(doc, call.participants) == {"Эммануэль Макрон", "Олаф Шольц"}


def test_a_joint_statement_is_adopted_by_its_sides(nlp):
    doc = nlp("Министры иностранных дел Франции и Германии выступили с совместным заявлением.")
    (statement,) = _done(doc, "AgreementSigning")
    assert {"Франция", "Германия"} <= entity_names(doc, statement.participants)


def test_a_host_receives_a_guest_named_by_a_post(nlp):
    doc = nlp("Президент Сербии Александр Вучич принял в Белграде президента Венгрии.")
    (meeting,) = _done(doc, "Meeting")
    roles = {doc.text[r.start : r.end]: r.role for r in meeting.participants}
    assert roles == {"Александр Вучич": "host", "Венгрии": "guest"}


def test_the_parties_listed_after_s_uchastiem(nlp):
    doc = nlp("Переговоры с участием Франции, Германии, Польши и Италии прошли в Варшаве.")
    (talks,) = _done(doc, "Talks")
    assert entity_names(doc, talks.participants) == {"Франция", "Германия", "Польша", "Италия"}


# -- a quoted medium is no participant ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Интерфакс сообщает о встрече Сергея Лаврова с Ван И.",
        "Агентство Рейтер со ссылкой на дипломатов сообщает о переговорах Сергея Лаврова с Ван И.",
    ],
)
def test_a_quoted_medium_is_no_participant(nlp, text):
    doc = nlp(text)
    (event,) = [e for e in doc._.kg_events if e.type in ("Meeting", "Talks")]
    assert entity_names(doc, event.participants) == {"Сергей Лавров", "Ван И"}
