"""One node per actor: the forms of one person's name, and the state a state's body belongs to (issue 11)."""

from __future__ import annotations

import pytest
from rdflib import URIRef

from kg.graph import build_dataset
from kg.identity import same_person, state_of_body
from kg.iri import DEFAULT_BASE, mint
from kg.records import Article, ArticleRecord, Mention
from kg.resolve import resolve
from kg.vocab import DIP


def record(art_id: str, text: str, *mentions: tuple[str, str, str]) -> ArticleRecord:
    """An article and its mentions (surface, nominative, type), offsets found left to right."""
    out, pos = [], 0
    for surface, norm, type_ in mentions:
        start = text.index(surface, pos)
        pos = start + len(surface)
        out.append(Mention(start, pos, surface, type_, norm, "ner", None))
    return ArticleRecord(article=Article(id=art_id, text=text), mentions=tuple(out))


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Олег Сомов", "Олега Сомова", True),  # a nominative the pipeline missed
        ("Олег Сомов", "Олег Петрович Сомов", True),  # a patronymic
        ("О. Сомов", "Олег Сомов", True),
        ("Сомов", "Олег Сомов", True),
        ("Раиса Кротова", "Олег Кротов", False),  # another first name
        ("А. Сомов", "Олег Сомов", False),  # another initial
        ("Аллан Гудмен", "Алан Гудмен", True),  # a transliteration: doubled letters
        ("Эдмон Перро", "Эдмонд Перро", True),  # … one letter more at the end
        ("Эдмон Перро", "Эдмон Перри", False),
        ("Лев Сом", "Лев Сомов", False),
    ],
)
def test_which_names_can_be_one_person(a, b, same):
    assert same_person(a, b) is same
    assert same_person(b, a) is same


@pytest.mark.parametrize(
    ("label", "state"),
    [
        ("МИД Эстонии", "state/estonia"),
        ("Министерство сельского хозяйства Чили", "state/chile"),
        ("Правительство Республики Казахстан", "state/kazakhstan"),
        ("Парламент Новой Зеландии", "state/new-zealand"),
        ("Верховный суд Канады", "state/canada"),
        ("Посольство Перу", "state/peru"),
        ("Совет Безопасности ООН", None),  # not a state's
        ("Национальный банк Чили", None),  # a bank is not listed as a state's body
        ("Правительство Москвы", None),  # a city's
        ("Министерство", None),
    ],
)
def test_a_state_body_is_an_institution_followed_by_a_state(label, state):
    assert state_of_body("organization/x", label) == state


def test_a_gazetteer_body_of_a_state_is_part_of_it():
    assert state_of_body("organization/mfa-kazakhstan", "МИД Казахстана") == "state/kazakhstan"


def test_one_node_per_person_across_articles_and_inflections():
    t1 = "Олег Сомов прибыл в Лиму."
    t2 = "С Олегом Петровичем Сомовым встретился посол."
    t3 = "Речь Олега Сомова длилась час. Сомову задали вопрос, и О. Сомов ответил."
    corpus = resolve(
        [
            record("a1", t1, ("Олег Сомов", "Олег Сомов", "Person")),
            record("a2", t2, ("Олегом Петровичем Сомовым", "Олег Петрович Сомов", "Person")),
            record(
                "a3",
                t3,
                ("Олега Сомова", "Олега Сомова", "Person"),  # the nominative missed
                ("Сомову", "Сомову", "Person"),
                ("О. Сомов", "О. Сомов", "Person"),
            ),
        ]
    )
    people = [e for e in corpus.entities if e.type == "Person"]
    assert [e.label for e in people] == ["Олег Петрович Сомов"]  # the fullest name
    assert len(set(corpus.links.values())) == 1


def test_a_surname_alone_goes_to_the_person_named_far_more_often():
    text = "Олег Сомов, Олег Сомов и Олег Сомов, а также Раиса Сомова. Сомов ответил."
    rec = record(
        "a1",
        text,
        *[("Олег Сомов", "Олег Сомов", "Person")] * 3,
        ("Раиса Сомова", "Раиса Сомова", "Person"),
        ("Сомов", "Сомов", "Person"),
    )
    corpus = resolve([rec])
    start = text.rindex("Сомов")
    assert corpus.links[("a1", start, start + 5)] == corpus.links[("a1", 0, 10)]


def test_the_graph_links_a_state_body_to_its_state():
    text = "Представитель МИД Эстонии прибыл в Перу."
    corpus = resolve([record("a1", text, ("МИД Эстонии", "МИД Эстонии", "Organization"))])
    body = next(e for e in corpus.entities if e.type == "Organization")
    assert corpus.part_of == {body.key: "state/estonia"}
    ds = build_dataset(corpus)
    state = URIRef(mint(DEFAULT_BASE, "state/estonia"))
    assert (URIRef(mint(DEFAULT_BASE, body.key)), DIP.partOf, state) in ds.default_graph
    assert (state, None, DIP.State) in ds.default_graph or (state, None, None) in ds.default_graph
