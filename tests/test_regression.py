"""Regression cases from the reference sets: sentences of real news, each with the document it came from.

These are the only test sentences not written for the tests: every one lives in ``tests/data/regression.jsonl``
with its document id and set (see ``tests/data/LICENSE.md``), and no other test or module quotes them. They pin
behaviour that once went wrong on real text; the rules themselves are specified by the component tests, on
sentences of our own.

A line of the file: ``{"doc", "set", "component", "text", "expect", "why"}`` (``date`` optional: the article's
date). ``expect`` holds any of these checks, each over the build's ``extractions.jsonl`` line of that text:

- ``entities`` / ``not_entities``: ``[name, type]`` pairs; a name matches an entity's label or a mention's text;
- ``positions`` / ``not_positions``: ``{"person", "role", "of"}``, ``of`` left out = any body, ``null`` = none;
- ``events`` / ``not_events``: ``{"type", "participants", "date", "place"}``; the participants listed must all
  be among the event's (by label or text), the other keys must be equal when given;
- ``event_count``: the number of events;
- ``facts``: ``{"indicator", "value", "unit", "period", "change_percent", "between"}``, each given key equal
  (``between`` as a set of labels).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

REGRESSION = Path(__file__).parent / "data" / "regression.jsonl"
CHECKS = {
    "entities",
    "not_entities",
    "positions",
    "not_positions",
    "events",
    "not_events",
    "event_count",
    "facts",
}


def _cases() -> list[dict[str, Any]]:
    if not REGRESSION.is_file():
        return []
    out = []
    for n, line in enumerate(REGRESSION.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            case = json.loads(line)
            case["line"] = n
            out.append(case)
    return out


CASES = _cases()


def _names(ref: dict[str, Any] | None, entities: list[dict[str, Any]]) -> set[str]:
    """Every name a reference goes by: its label and the texts of the mentions at its offsets."""
    if ref is None:
        return set()
    names = {ref.get("label") or ""}
    names |= {e["text"] for e in entities if e["start"] == ref["start"] and e["end"] == ref["end"]}
    return names - {""}


def _extract(nlp: Any, case: dict[str, Any]) -> dict[str, Any]:
    from kg.build import extraction_lines
    from kg.extract import extract_records
    from kg.records import Article
    from kg.resolve import resolve
    from kg.sources import normalise_text, parse_metadata

    article = parse_metadata(
        Article(id=f"regression-{case['line']}", text=normalise_text(case["text"]), date=case.get("date"))
    )
    corpus = resolve(list(extract_records([article], nlp)))
    (line,) = extraction_lines(corpus)
    return line


def _entity_found(line: dict[str, Any], name: str, type_: str) -> bool:
    return any(e["type"] == type_ and name in (e["label"], e["text"]) for e in line["entities"])


def _position_found(line: dict[str, Any], want: dict[str, Any]) -> bool:
    for p in line["positions"]:
        if want["person"] not in _names(p["person"], line["entities"]) or p["role"] != want["role"]:
            continue
        if "of" not in want:
            return True
        if want["of"] is None and p["of"] is None:
            return True
        if want["of"] is not None and want["of"] in _names(p["of"], line["entities"]):
            return True
    return False


def _event_found(line: dict[str, Any], want: dict[str, Any]) -> bool:
    for ev in line["events"]:
        if ev["type"] != want["type"]:
            continue
        names = [_names(r, line["entities"]) for r in ev["participants"]]
        if not all(any(p in n for n in names) for p in want.get("participants", ())):
            continue
        if "date" in want and want["date"] not in (ev["date"], ev["partial_date"]):
            continue
        if "place" in want and want["place"] not in _names(ev["place"], line["entities"]):
            continue
        return True
    return False


def _fact_found(line: dict[str, Any], want: dict[str, Any]) -> bool:
    for fact in line["facts"]:
        got = {k: fact.get(k) for k in want if k != "between"}
        if any(got[k] != want[k] for k in got):
            continue
        if "between" in want:
            between = {n for r in fact["between"] for n in _names(r, line["entities"])}
            if not set(want["between"]) <= between:
                continue
        return True
    return False


def test_the_file_is_well_formed() -> None:
    """Every case names its document and set, and checks something."""
    for case in CASES:
        assert case.get("doc") and case.get("set") and case.get("text"), case
        assert case["expect"] and set(case["expect"]) <= CHECKS, case


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES, ids=[f"{c['set']}:{c['doc']}:{c['line']}" for c in CASES])
def test_regression(nlp: Any, case: dict[str, Any]) -> None:
    """The pipeline still reads this sentence of real news as the case says."""
    line = _extract(nlp, case)
    want = case["expect"]
    for name, type_ in want.get("entities", ()):
        assert _entity_found(line, name, type_), (name, type_, line["entities"])
    for name, type_ in want.get("not_entities", ()):
        assert not _entity_found(line, name, type_), (name, type_)
    for p in want.get("positions", ()):
        assert _position_found(line, p), (p, line["positions"])
    for p in want.get("not_positions", ()):
        assert not _position_found(line, p), p
    for ev in want.get("events", ()):
        assert _event_found(line, ev), (ev, line["events"])
    for ev in want.get("not_events", ()):
        assert not _event_found(line, ev), ev
    if "event_count" in want:
        assert len(line["events"]) == want["event_count"], line["events"]
    for fact in want.get("facts", ()):
        assert _fact_found(line, fact), (fact, line["facts"])
