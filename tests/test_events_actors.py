"""Participants are actors: a capital in an actor's role is its state, another place is no participant, and
no event is ever left without a participant (the graph conforms to its shapes)."""

from __future__ import annotations

import json

import pytest


def _labels(doc, refs) -> set[str]:
    by_offsets = {(e.start_char, e.end_char): e for e in doc.ents}
    return {by_offsets[(r.start, r.end)]._.kg_norm or by_offsets[(r.start, r.end)].text for r in refs}


@pytest.mark.parametrize(
    "text",
    [
        "Тверь и Казань начали переговоры о побратимстве после перерыва в два года.",
        "Вчера Самара и Саратов провели переговоры о речном сообщении.",
    ],
)
def test_places_that_are_no_capital_make_no_event(nlp, text):
    doc = nlp(text)
    for event in doc._.kg_events:
        assert all(
            e.label_ != "Place"
            for e in doc.ents
            if (e.start_char, e.end_char) in {(r.start, r.end) for r in event.participants}
        )
        assert event.participants


def test_capitals_in_an_actor_role_are_their_states(nlp, tmp_path):
    from kg.build import build

    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(
        "Белград и Будапешт провели переговоры о строительстве нового моста через Дунай.\n"
        "Тверь и Казань начали переговоры о побратимстве после перерыва в два года.\n",
        encoding="utf-8",
    )
    report = build([src], tmp_path / "out", nlp=nlp)
    assert report.validation.conforms, report.validation.text
    (line,) = (json.loads(x) for x in (tmp_path / "out" / "extractions.jsonl").read_text().splitlines())
    assert line["events"], "the capitals' talks are an event"
    for event in line["events"]:
        assert event["participants"]
