"""Anchoring events' partial and relative dates to the article's date."""

from __future__ import annotations

import pytest

from kg.dating import anchor
from kg.records import Article, ArticleRecord, Event, TextSpan

_SPAN = TextSpan(0, 1, "x")


def _record(published=None, dateline=None, **event) -> ArticleRecord:
    art = Article(id="a", text="x", date=published, dateline_date=dateline)
    return ArticleRecord(article=art, events=(Event("Talks", _SPAN, _SPAN, **event),))


@pytest.mark.parametrize(
    ("date", "dateline", "event", "expected"),
    [
        (
            "2024-03-05",
            None,
            {"partial_date": "--03-01", "date_text": "1 марта"},
            {"date": "2024-03-01", "partial_date": None, "date_inferred": True},
        ),
        # after the publication date: the year before
        (
            "2024-01-10",
            None,
            {"partial_date": "--12-20", "date_text": "20 декабря"},
            {"date": "2023-12-20", "date_inferred": True},
        ),
        ("2021-06-01", None, {"date_text": "в прошлом году"}, {"partial_date": "2020", "date": None}),
        ("2021-06-01", None, {"date_text": "в мае прошлого года"}, {"partial_date": "2020-05"}),
        # a weekday: the most recent such day on or before the dateline day (2023-11-15 is a Wednesday)
        (
            "2023-11-16",
            "--11-15",
            {"date_text": "в понедельник"},
            {"date": "2023-11-13", "date_inferred": True},
        ),
        ("2023-11-16", "--11-15", {"date_text": "В среду"}, {"date": "2023-11-15"}),
        # no year known: the dateline day stands, without a year
        (None, "--11-15", {"date_text": "в среду"}, {"partial_date": "--11-15", "date": None}),
        # nothing to anchor to
        (
            None,
            None,
            {"partial_date": "--03-01"},
            {"partial_date": "--03-01", "date": None, "date_inferred": False},
        ),
        # a full date stays as it is
        ("2024-03-05", None, {"date": "2019-05-03"}, {"date": "2019-05-03", "date_inferred": False}),
    ],
)
def test_anchor(date, dateline, event, expected):
    (got,) = anchor(_record(date, dateline, **event)).events
    for key, value in expected.items():
        assert getattr(got, key) == value, key
    assert got.date_text == event.get("date_text")


def test_anchor_keeps_everything_else():
    rec = _record("2024-03-05", None, partial_date="--03-01", confidence=0.7)
    out = anchor(rec)
    assert out.article == rec.article and out.events[0].confidence == 0.7 and out.events[0].type == "Talks"
