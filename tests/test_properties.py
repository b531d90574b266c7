"""Property-based: any text (surrogates, noncharacters, controls, huge numbers, Cyrillic) goes through the
extraction and graph path without an unhandled exception, every output parses and the graph conforms to its
shapes. The pipeline is loaded once (the session's); each example is a short text."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.build import BuildReport, _render_isolating
from kg.extract import extract_records
from kg.records import Article
from kg.sources import normalise_text

pytestmark = [pytest.mark.slow, pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib")]

WORDS = [
    "Министр", "иностранных", "дел", "России", "провёл", "переговоры", "с", "Китаем", "в", "Пекине", ".",
    "подписали", "соглашение", "Президент", "Казахстана", "прибыл", "Москву", "визитом", "товарооборот",
    "вырос", "до", "$", "млрд", "%", ",", "«", "»", "\n", "\ufffe", "\uffff", "\ud800", "\x07", "\u200b",
    "9" * 400, "1e999", "2025-13-01", "<script>", '"', "\\", "ООН", "ШОС", "Си", "Цзиньпин", "Ван", "И",
]  # fmt: skip

texts = st.one_of(
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=30).map(" ".join),
    st.text(min_size=1, max_size=80),
)


def _parses(files: dict[str, bytes]) -> None:
    import pyoxigraph

    for name, fmt in (
        ("graph.ttl", pyoxigraph.RdfFormat.TURTLE),
        ("graph.trig", pyoxigraph.RdfFormat.TRIG),
        ("graph.nq", pyoxigraph.RdfFormat.N_QUADS),
    ):
        list(pyoxigraph.parse(files[name], format=fmt))
    json.loads(files["graph.jsonld"])
    for line in files["extractions.jsonl"].decode("utf-8").splitlines():
        json.loads(line)


@settings(max_examples=200, derandomize=True, deadline=None, suppress_health_check=list(HealthCheck))
@given(texts)
def test_any_text_gives_parseable_outputs_or_a_named_skip(nlp, text):
    text = normalise_text(text)
    if not text.strip():
        return
    report = BuildReport()
    records = list(
        extract_records([Article(id="t", text=text, path="t.txt")], nlp, on_error=report.skipped.append)
    )
    if not records:
        assert report.skipped and report.skipped[0].where == "t.txt"
        return
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        _, _, validation = _render_isolating(records, folder, "https://example.org/id/", False, True, report)
        assert validation is not None and validation.conforms, validation.text
        _parses({path.name: path.read_bytes() for path in folder.iterdir()})
