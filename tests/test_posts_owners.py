"""Owners and founders: a relation to an organisation, not a post in it (``doc._.kg_ownerships``, and dip:owns /
dip:founded in the graph), on sentences written for these tests (invented people and companies)."""

from __future__ import annotations

import pytest

from kg.extract import to_record
from kg.graph import build_dataset, union
from kg.records import Article
from kg.resolve import resolve
from kg.validate import validate
from kg.vocab import DIP


def _ownerships(doc) -> set[tuple[str, str, str]]:
    t = doc.text
    return {
        (t[h.person.start : h.person.end], h.kind, t[h.body.start : h.body.end]) for h in doc._.kg_ownerships
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Основатель компании «Вега» Иван Петров прибыл в Ригу.", ("Иван Петров", "founded", "Вега")),
        ("Иван Петров, совладелец «Норда», прибыл в Ригу.", ("Иван Петров", "owns", "Норда")),
        ("Иван Петров, учредитель фонда «Заря», прибыл в Ригу.", ("Иван Петров", "founded", "Заря")),
        # the name in the genitive inside a post phrase is whose the company is
        (
            "Гендиректор компании Петра Сидорова UTM Partners Иван Орлов подал в отставку.",
            ("Петра Сидорова", "owns", "UTM Partners"),
        ),
    ],
)
def test_owners_and_founders(nlp, text, expected):
    doc = nlp(text)
    assert expected in _ownerships(doc)
    assert not [p for p in doc._.kg_positions if doc.text[p.person.start : p.person.end] == expected[0]]


def test_a_post_gives_no_ownership(nlp):
    assert nlp("Генеральный директор компании «Вега» Иван Петров прибыл в Ригу.")._.kg_ownerships == []


def test_owners_and_founders_are_in_the_graph_and_it_conforms(nlp):
    text = "Основатель компании «Вега» Иван Петров и совладелец холдинга «Норд» Олег Волков прибыли в Ригу."
    record = to_record(nlp(text), Article("a1", text))
    graph = union(build_dataset(resolve([record])))
    founded = {(str(s), str(o)) for s, o in graph.subject_objects(DIP.founded)}
    owns = {(str(s), str(o)) for s, o in graph.subject_objects(DIP.owns)}
    assert [s.rsplit("/", 2)[-2:] for s, _ in founded] == [["person", "ivan-petrov"]]
    assert len(owns) == 1 and next(iter(owns))[0].endswith("person/oleg-volkov")
    assert validate(graph).conforms
