"""Modality: an event the text does not tell as having happened is kept with its dip:status.

Sentences of our own. The status concepts are a scheme of the ontology, listed again in the shapes.
"""

from __future__ import annotations

import pytest
from doc_helpers import entity_names
from rdflib import Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, SH, SKOS

from kg.records import EVENT_STATUSES
from kg.vocab import DIP, ONTOLOGY_FILE, SHAPES_FILE


@pytest.mark.parametrize(
    ("text", "type_", "status"),
    [
        # negated
        ("Встреча Сергея Лаврова и Ван И не состоялась.", "Meeting", "Negated"),
        ("Садыр Жапаров не подписал соглашение с Шавкатом Мирзиёевым.", "AgreementSigning", "Negated"),
        # cancelled, postponed, blocked, refused
        ("Визит Касым-Жомарта Токаева в Пекин отменен.", "StateVisit", "Cancelled"),
        ("Переговоры Сергея Лаврова с Ван И отложены.", "Talks", "Cancelled"),
        ("Литва блокирует переговоры Евросоюза с Китаем.", "Talks", "Cancelled"),
        # planned, announced, future
        ("Встреча Сергея Лаврова и Ван И назначена на 12 июня.", "Meeting", "Planned"),
        ("Министры иностранных дел Казахстана и Китая проведут переговоры в Астане.", "Talks", "Planned"),
        # hypothetical: a condition, a purpose, the conditional mood
        (
            "Если Касым-Жомарт Токаев и Си Цзиньпин подпишут соглашение, торговля вырастет.",
            "AgreementSigning",
            "Hypothetical",
        ),
        (
            "Евросоюз добивается, чтобы Казахстан подписал соглашение с Францией.",
            "AgreementSigning",
            "Hypothetical",
        ),
        ("Россия и Китай могли бы провести переговоры о поставках газа.", "Talks", "Hypothetical"),
        # proposed, invited to
        (
            "Си Цзиньпин пригласил Садыра Жапарова посетить Пекин с официальным визитом.",
            "StateVisit",
            "Proposed",
        ),
    ],
)
def test_status_of_what_did_not_happen(nlp, text, type_, status):
    doc = nlp(text)
    found = [e for e in doc._.kg_events if e.type == type_]
    assert [e.status for e in found] == [status]


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("Сергей Лавров провел переговоры с Ван И в Пекине.", "Talks"),
        ("Касым-Жомарт Токаев и Шавкат Мирзиёев подписали соглашение о границе.", "AgreementSigning"),
        ("Садыр Жапаров посетил Пекин с официальным визитом.", "StateVisit"),
    ],
)
def test_what_happened_has_no_status(nlp, text, type_):
    found = [e for e in nlp(text)._.kg_events if e.type == type_]
    assert found and all(e.status is None for e in found)


def test_who_blocks_talks_is_no_side_of_them(nlp):
    doc = nlp("Литва блокирует переговоры Евросоюза с Китаем.")
    (talks,) = [e for e in doc._.kg_events if e.type == "Talks"]
    assert "Литва" not in entity_names(doc, talks.participants)


def test_a_plan_told_as_done_later_is_one_event(nlp):
    doc = nlp(
        "Визит Садыра Жапарова в Китай запланирован на май. "
        "В мае Садыр Жапаров посетил Китай с государственным визитом."
    )
    visits = [e for e in doc._.kg_events if e.type == "StateVisit"]
    assert [e.status for e in visits] == [None]


def test_status_scheme_in_the_ontology_and_the_shapes():
    ontology = Graph().parse(ONTOLOGY_FILE, format="turtle")
    shapes = Graph().parse(SHAPES_FILE, format="turtle")
    members = set(ontology.subjects(SKOS.inScheme, DIP.EventStatusScheme))
    assert members == {DIP[s] for s in EVENT_STATUSES}
    assert set(ontology.objects(DIP.EventStatusScheme, SKOS.hasTopConcept)) == members
    for concept in members:
        assert (concept, RDF.type, SKOS.Concept) in ontology
        assert ontology.value(concept, SKOS.definition) is not None
    node = URIRef("https://w3id.org/partnership-kg/shapes#EventStatusShape")
    assert set(Collection(shapes, shapes.value(node, SH["in"]))) == members


def test_the_graph_gives_the_status_and_conforms(nlp):
    from kg.extract import extract_records
    from kg.graph import build_dataset, union
    from kg.records import Article
    from kg.resolve import resolve
    from kg.validate import validate

    text = (
        "Сергей Лавров провел переговоры с Ван И в Пекине. "
        "Встреча Касым-Жомарта Токаева и Си Цзиньпина назначена на 12 июня."
    )
    corpus = resolve(list(extract_records([Article(id="status-1", text=text)], nlp)))
    graph = union(build_dataset(corpus))
    statuses = {
        (str(graph.value(e, DIP.eventType)).rsplit("#", 1)[-1], graph.value(e, DIP.status))
        for e in graph.subjects(RDF.type, DIP.PartnershipEvent)
    }
    assert statuses == {("Talks", None), ("Meeting", DIP.Planned)}
    assert validate(graph).conforms


# -- history: a happening long before the article's keeps its own sides ------------------------------------------
def test_a_historical_meeting_recalled_is_not_the_articles_sides(nlp):
    doc = nlp(
        "Эммануэль Макрон и Олаф Шольц провели встречу в Берлине 3 мая 2023 года. "
        "Лидеры вспомнили переговоры Шарля де Голля и Конрада Аденауэра в 1963 году."
    )
    for e in doc._.kg_events:
        names = entity_names(doc, e.participants)
        # the 1963 talks are never given to the leaders of 2023, nor dated 1963 on their meeting
        assert not ((e.partial_date or "").startswith("1963") and names & {"Эммануэль Макрон", "Олаф Шольц"})
        assert not (e.date == "2023-05-03" and names & {"Шарль де Голль", "Конрад Аденауэр"})
    assert any(e.date == "2023-05-03" for e in doc._.kg_events)
    # the talks of 1963 are an event of their own, with the sides their own words name
    (old,) = [e for e in doc._.kg_events if (e.partial_date or "").startswith("1963")]
    assert entity_names(doc, old.participants) == {"Шарль де Голль", "Конрад Аденауэр"}


def test_a_historical_meeting_told_with_its_own_verb_keeps_its_sides(nlp):
    doc = nlp(
        "В 1986 году Михаил Горбачев встретился с Рональдом Рейганом в Рейкьявике. "
        "В 2021 году Сергей Лавров провел переговоры с Энтони Блинкеном."
    )
    got = {(e.type, frozenset(entity_names(doc, e.participants))) for e in doc._.kg_events}
    assert ("Meeting", frozenset({"Михаил Горбачев", "Рональд Рейган"})) in got
    assert ("Talks", frozenset({"Сергей Лавров", "Энтони Блинкен"})) in got


def test_a_stance_only_offered_is_no_statement_of_it(nlp):
    offered = nlp(
        "Министр иностранных дел Франции Жан Дюпон выразил готовность Франции поддержать кандидатуру "
        "Антониу Гутерриша."
    )
    assert [e.status for e in offered._.kg_events if e.type == "Statement"] == ["Planned"]
    said = nlp(
        "Министр иностранных дел Франции Жан Дюпон заявил, что Франция поддерживает кандидатуру Антониу Гутерриша."
    )
    assert [e.status for e in said._.kg_events if e.type == "Statement"] == [None]
