"""The hostile corpus (``tests/data/hostile/``, made by ``scripts/make_hostile.py``) mixed with good articles:
every file read in its encoding or skipped with one line naming it, the good articles' graph the same as when built
alone, and every output parsing with rapper, Oxigraph and rdflib."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import ROOT
from test_build import rapper_count

from kg.build import build

pytestmark = [pytest.mark.slow, pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib")]

HOSTILE = ROOT / "tests" / "data" / "hostile"
EXPECTED: dict[str, str] = json.loads((HOSTILE / "EXPECTED.json").read_text(encoding="utf-8"))
GOOD = {
    "lima.txt": "Министр иностранных дел Перу Зоя Блинова провела переговоры с министром иностранных дел Чили "
    "Петром Гавриловым.",
    "santiago.txt": "Товарооборот Перу и Чили вырос. Гаврилов заявил, что Чили поддерживает сотрудничество с Перу.",
}
MAX_CHARS = 100_000  # too-long.txt is over it


def _good(folder: Path) -> Path:
    folder.mkdir()
    for name, text in GOOD.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def mixed(nlp, tmp_path_factory):
    """(report, output folder) of the whole hostile corpus built together with the good articles."""
    base = tmp_path_factory.mktemp("hostile")
    good = _good(base / "good")
    out = base / "out"
    return build([good, HOSTILE], out, nlp=nlp, max_chars=MAX_CHARS), out


def test_every_bad_file_is_named_once_with_its_reason_and_every_other_is_read(mixed):
    report, _ = mixed
    lines = [f"{p.where}: {p.reason}" for p in report.skipped]
    for name, expect in EXPECTED.items():
        mine = [line for line in lines if Path(line.split(":", 1)[0]).name == name]
        if expect.startswith("skip:"):
            word = expect.split(":", 1)[1]
            rows = 3 if name == "bad-dates.jsonl" else 1  # one line per bad JSONL line, file and line named
            assert len(mine) == rows, (name, lines)
            assert all(word in line for line in mine), mine
        else:
            assert mine == [], mine
    assert len(lines) == sum(3 if n == "bad-dates.jsonl" else 1 for n, e in EXPECTED.items() if "skip" in e)
    assert {"cp1251", "koi8_r", "utf-16", "utf-8-sig"} <= set(report.encodings)
    assert any("too large" in w.reason for w in report.warnings)


def test_the_bom_jsonl_keeps_its_first_line_and_cyrillic_names_give_two_graphs(mixed):
    report, out = mixed
    assert "bom-first" in report.articles
    assert {"визит", "переговоры"} <= set(report.articles)
    lines = [json.loads(x) for x in (out / "extractions.jsonl").read_text(encoding="utf-8").splitlines()]
    iris = [line["iri"] for line in lines]
    assert len(set(iris)) == len(iris) == len(report.articles)


@pytest.mark.parametrize(
    ("name", "syntax"), [("graph.ttl", "turtle"), ("graph.trig", "trig"), ("graph.nq", "nquads")]
)
def test_every_output_parses_with_rapper_oxigraph_and_rdflib(mixed, name, syntax):
    import pyoxigraph
    from rdflib import Dataset

    _, out = mixed
    path = out / name
    counted = rapper_count(path, syntax)
    fmt = {"turtle": pyoxigraph.RdfFormat.TURTLE, "trig": pyoxigraph.RdfFormat.TRIG}.get(
        syntax, pyoxigraph.RdfFormat.N_QUADS
    )
    assert len(list(pyoxigraph.parse(path=str(path), format=fmt))) == counted
    ds = Dataset()
    ds.parse(path, format=syntax)
    assert sum(1 for _ in ds.quads((None, None, None, None))) == counted
    json.loads((out / "graph.jsonld").read_text(encoding="utf-8"))


def test_the_good_articles_graph_is_the_same_with_the_skipped_files_beside_them(nlp, tmp_path):
    alone = build([_good(tmp_path / "good")], tmp_path / "alone", nlp=nlp)
    bad = tmp_path / "bad"
    bad.mkdir()
    for name, expect in EXPECTED.items():
        if expect.startswith("skip:"):
            shutil.copy(HOSTILE / name, bad / name)
    mixed = build([tmp_path / "good", bad], tmp_path / "mixed", nlp=nlp, max_chars=MAX_CHARS)
    assert mixed.articles == alone.articles and mixed.skipped
    for name in ("graph.nq", "graph.ttl", "extractions.jsonl"):
        assert (tmp_path / "mixed" / name).read_bytes() == (tmp_path / "alone" / name).read_bytes(), name


@pytest.mark.parametrize("encoding", ["cp1251", "koi8_r"])
def test_legacy_encodings_give_the_same_extractions_as_utf8(nlp, tmp_path, encoding):
    text = GOOD["lima.txt"]
    for folder, enc in (("utf8", "utf-8"), ("legacy", encoding)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "lima.txt").write_bytes(text.encode(enc))
        build([tmp_path / folder], tmp_path / f"out-{folder}", nlp=nlp)
    utf8, legacy = ((tmp_path / f"out-{f}" / "extractions.jsonl").read_bytes() for f in ("utf8", "legacy"))
    assert legacy == utf8 and b"Blinova" not in utf8 and "Блинова".encode() in utf8
