"""The gazetteer data: the shipped table of case forms matches the lists it was made from."""

from __future__ import annotations

import pytest

from kg import lexicon


@pytest.mark.slow
def test_shipped_forms_table_is_current():
    path = lexicon.resources.files("kg").joinpath("data", lexicon.FORMS_FILE)
    assert path.read_text(encoding="utf-8") == lexicon.forms_table_text(), (
        "kg/data/name_forms.tsv is stale: run python scripts/make_forms.py"
    )


@pytest.mark.parametrize(
    ("key", "surface"),
    [
        ("state/china", "китайской народной республикой"),
        ("state/kazakhstan", "республике казахстан"),
        ("organization/sco", "шанхайской организацией сотрудничества"),
        ("initiative/belt-and-road", "одного пояса, одного пути"),
    ],
)
def test_names_are_found_in_every_case(key, surface):
    assert surface in lexicon.name_forms()[key]


def test_state_bound_bodies_have_their_states_aliases():
    entry = lexicon.lookup("organization/mfa-kazakhstan")
    assert entry is not None and entry.label == "МИД Казахстана"
    assert "МИД РК" in entry.names
    assert lexicon.lookup("organization/mfa-atlantis") is None
    assert lexicon.lookup("organization/no-such-body") is None


def test_only_checked_wikidata_links():
    assert set(lexicon.wikidata().values()) == {"Q232", "Q148", "Q15031", "Q485207", "Q223799", "Q204839"}
    assert all(key in lexicon.by_key() for key in lexicon.wikidata())


def test_capitals_stand_for_states():
    assert lexicon.capitals()["пекин"] == "state/china"
    assert lexicon.capitals()["астана"] == "state/kazakhstan"
