"""``kg.build`` end to end: the seeds build parses everywhere, finds the gold people, matches the committed output,
is deterministic, survives bad articles, never leaves half-written outputs, and writes files others can read."""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF

from kg.build import OUTPUT_FILES
from kg.iri import DEFAULT_BASE, article_key, mint
from kg.records import Article
from kg.sources import read_inputs
from kg.vocab import DIP, NIF

pytestmark = [
    pytest.mark.slow,
    # rdflib 7.6's own TriG / N-Quads code calls the Dataset API it deprecates (only rdflib's own are ignored)
    pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib"),
]

COMPARED = OUTPUT_FILES
DIP_PREFIX = "PREFIX dip: <https://w3id.org/partnership-kg/ontology#>\n"


def rapper_count(path: Path, syntax: str) -> int:
    """Parse a file with rapper (an independent RDF parser) and return the number of triples or quads it read."""
    rapper = shutil.which("rapper")
    if rapper is None:
        pytest.fail(
            "rapper is not installed: it comes from Debian's raptor2-utils "
            "(`apt-get install raptor2-utils`, which `make test` runs)"
        )
    done = subprocess.run(
        [rapper, "-i", syntax, "-c", str(path)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, f"rapper -i {syntax} rejected {path.name}:\n{done.stderr}"
    m = re.search(r"returned (\d+) (?:triples|statements)", done.stderr)
    assert m, done.stderr
    return int(m[1])


def read_dataset(path: Path, fmt: str) -> Dataset:
    ds = Dataset()
    ds.parse(path, format=fmt)
    return ds


def seed_texts() -> dict[URIRef, str]:
    """Article IRI → text as the sources module reads it."""
    return {
        URIRef(mint(DEFAULT_BASE, article_key(a.id))): a.text
        for a in read_inputs([SEEDS])
        if isinstance(a, Article)
    }


# -- the seeds build parses with two independent parsers ------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "syntax", "fmt"),
    [("graph.ttl", "turtle", "turtle"), ("graph.trig", "trig", "trig"), ("graph.nq", "nquads", "nquads")],
)
def test_seeds_outputs_parse_with_rapper_and_rdflib_alike(seeds_build, name, syntax, fmt):
    path = seeds_build / name
    counted = rapper_count(path, syntax)
    if fmt == "turtle":
        g = Graph()
        g.parse(path, format="turtle")
        ours = len(g)
    else:
        ours = sum(1 for _ in read_dataset(path, fmt).quads((None, None, None, None)))
    assert counted == ours > 100


def _three_exports(folder: Path) -> list[set[tuple]]:
    """The triples of graph.ttl, graph.trig and graph.nq (named graphs merged)."""
    ttl = Graph()
    ttl.parse(folder / "graph.ttl", format="turtle")
    trig, nq = read_dataset(folder / "graph.trig", "trig"), read_dataset(folder / "graph.nq", "nquads")
    return [set(ttl)] + [
        {(s, p, o) for s, p, o, _ in ds.quads((None, None, None, None))} for ds in (trig, nq)
    ]


def _by_value(triples: set[tuple]) -> set[tuple]:
    """Typed literals compared by value («1.0» = «1» as xsd:decimal), everything else as is."""
    return {
        (s, p, (o.datatype, o.toPython()) if isinstance(o, Literal) and o.datatype else o)
        for s, p, o in triples
    }


def test_the_three_rdf_files_hold_the_same_statements(seeds_build):
    ttl, trig, nq = _three_exports(seeds_build)
    assert _by_value(ttl) == _by_value(trig) == _by_value(nq)
    # the quads formats keep one named graph per article
    ds = read_dataset(seeds_build / "graph.nq", "nquads")
    names = {str(getattr(g, "identifier", g)) for _, _, _, g in ds.quads((None, None, None, None))}
    assert {str(iri) for iri in seed_texts()} <= names


def test_the_three_rdf_files_hold_the_same_literal_terms(seeds_build):
    """RDF compares literals by their lexical form: a store loaded from graph.nq must hold graph.ttl's terms."""
    ttl, trig, nq = _three_exports(seeds_build)
    only_ttl = sorted(o.n3() for _, _, o in ttl - nq)
    only_nq = sorted(o.n3() for _, _, o in nq - ttl)
    assert (only_ttl, only_nq) == ([], []), "graph.ttl and graph.nq spell these literals differently"
    assert ttl == trig


def test_jsonld_parses_to_the_same_triples(seeds_build):
    ttl, jsonld = Graph(), Graph()
    ttl.parse(seeds_build / "graph.ttl", format="turtle")
    jsonld.parse(seeds_build / "graph.jsonld", format="json-ld")
    assert len(jsonld) == len(ttl)


# -- what the seeds build says --------------------------------------------------------------------------------


def test_every_mention_slice_equals_its_anchor(seeds_build):
    texts = seed_texts()
    ds = read_dataset(seeds_build / "graph.nq", "nquads")
    g = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    mentions = list(g.subjects(RDF.type, DIP.Mention))
    assert len(mentions) > 50
    for node in mentions:
        text = texts[g.value(node, NIF.referenceContext)]
        begin, end = int(g.value(node, NIF.beginIndex)), int(g.value(node, NIF.endIndex))
        assert text[begin:end] == str(g.value(node, NIF.anchorOf)), node


def test_extraction_offsets_point_at_their_text(seeds_build):
    texts = {a.id: a.text for a in read_inputs([SEEDS]) if isinstance(a, Article)}
    lines = [
        json.loads(line)
        for line in (seeds_build / "extractions.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert sorted(line["id"] for line in lines) == sorted(texts)
    for line in lines:
        text = texts[line["id"]]
        assert line["entities"], line["id"]
        for ent in line["entities"]:
            assert text[ent["start"] : ent["end"]] == ent["text"]
        for ev in line["events"]:
            for part in (ev["trigger"], ev["sentence"]):
                assert text[part["start"] : part["end"]] == part["text"]


# -- the committed output is what a fresh build writes --------------------------------------------------------


def test_committed_output_equals_a_fresh_build(nlp, tmp_path, monkeypatch):
    from kg.build import build

    committed = ROOT / "output"
    missing = [name for name in COMPARED if not (committed / name).is_file()]
    assert not missing, f"not in {committed}: {', '.join(missing)} (run `make build` and commit output/)"
    # built as the Makefile does, from the repository root with a relative path (paths end up in the graph)
    monkeypatch.chdir(ROOT)
    build([Path("seeds/")], tmp_path, nlp=nlp, validate=False)
    differ = [name for name in COMPARED if (tmp_path / name).read_bytes() != (committed / name).read_bytes()]
    assert not differ, f"output/ is stale: {', '.join(differ)} differ from a fresh build"


# -- determinism across processes -----------------------------------------------------------------------------


HASH_SEEDS = ("0", "123")


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory) -> list[Path]:
    """seeds/ built twice, in parallel subprocesses with different PYTHONHASHSEED values."""
    base = tmp_path_factory.mktemp("hash-seeds")
    outs, procs = [], []
    for seed in HASH_SEEDS:
        out = base / f"out-{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        procs.append(
            subprocess.Popen(
                [sys.executable, "-m", "kg", "build", "seeds", "-o", str(out), "--no-validate"],
                env=env,
                cwd=ROOT,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        )
        outs.append(out)
    for proc in procs:
        stdout, stderr = proc.communicate(timeout=900)
        assert proc.returncode == 0, stderr + stdout
    return outs


@pytest.mark.parametrize("name", ["graph.ttl", "graph.nq", "extractions.jsonl"])
def test_two_builds_with_different_hash_seeds_are_byte_identical(two_builds, name):
    first, second = ((out / name).read_bytes() for out in two_builds)
    assert first
    assert first == second, f"{name} differs between PYTHONHASHSEED={HASH_SEEDS[0]} and {HASH_SEEDS[1]}"


@pytest.mark.parametrize("name", ["graph.trig", "graph.jsonld", "graph.html"])
def test_trig_jsonld_and_the_page_are_byte_identical_across_hash_seeds_too(two_builds, name):
    """The committed output/ is compared byte for byte, so every output file must be reproducible."""
    first, second = ((out / name).read_bytes() for out in two_builds)
    assert first
    assert first == second, f"{name} differs between PYTHONHASHSEED={HASH_SEEDS[0]} and {HASH_SEEDS[1]}"


def test_a_build_in_two_worker_processes_equals_one_in_a_single_process(two_builds, tmp_path):
    out = tmp_path / "jobs-2"
    proc = subprocess.run(
        [sys.executable, "-m", "kg", "build", "seeds", "-o", str(out), "--no-validate", "--jobs", "2"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert proc.returncode == 0, proc.stderr + proc.stdout
    assert "Read 5 article(s)" in proc.stdout
    for name in ("graph.ttl", "graph.trig", "graph.nq", "graph.jsonld", "extractions.jsonl", "graph.html"):
        assert (out / name).read_bytes() == (two_builds[0] / name).read_bytes(), name


def test_a_bad_article_is_reported_by_a_build_in_worker_processes(tmp_path):
    from kg.build import build

    report = build([small_corpus(tmp_path / "in")], tmp_path / "out", validate=False, jobs=2)
    assert sorted(report.articles) == ["chile", "peru"]
    [problem] = report.skipped
    assert "broken.txt" in problem.where


# -- bad inputs and failed rebuilds ---------------------------------------------------------------------------

GOOD = {
    "peru.txt": "Лима, 4 марта /ТАСС/ -- Министр иностранных дел Перу Зоя Блинова провела переговоры "
    "с министром иностранных дел Чили Петром Гавриловым.",
    "chile.txt": "Товарооборот Перу и Чили вырос. Гаврилов заявил, что Чили поддерживает сотрудничество с Перу.",
}


def small_corpus(folder: Path, bad: bool = True) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in GOOD.items():
        (folder / name).write_text(text, encoding="utf-8")
    if bad:
        (folder / "broken.txt").write_bytes(b"\xd0\x9c\xd0\xb8\xff\xfe\x00 not UTF-8")
    return folder


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_one_bad_article_is_reported_and_the_good_ones_are_built(nlp, tmp_path):
    from kg.build import build

    corpus, out = small_corpus(tmp_path / "in"), tmp_path / "out"
    report = build([corpus], out, nlp=nlp, validate=False)
    assert sorted(report.articles) == ["chile", "peru"]
    [problem] = report.skipped
    assert "broken.txt" in problem.where
    assert "UTF-8" in problem.reason
    ids = [
        json.loads(line)["id"]
        for line in (out / "extractions.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert sorted(ids) == ["chile", "peru"]
    assert "article/broken" not in (out / "graph.nq").read_text(encoding="utf-8")


def test_a_failed_rebuild_leaves_the_previous_outputs_byte_identical(nlp, tmp_path):
    from kg.build import build

    out = tmp_path / "out"
    build([small_corpus(tmp_path / "in", bad=False)], out, nlp=nlp, validate=False)
    before = snapshot(out)
    assert {"graph.ttl", "graph.nq", "extractions.jsonl"} <= set(before)
    unreadable = tmp_path / "unreadable"
    unreadable.mkdir()
    (unreadable / "a.txt").write_bytes(b"\xff\xfe\xfd")
    (unreadable / "b.txt").write_bytes(b"")
    with pytest.raises(ValueError) as info:
        build([unreadable], out, nlp=nlp, validate=False)
    assert "a.txt" in str(info.value) and "b.txt" in str(info.value)
    assert snapshot(out) == before  # no file changed, none added (no temporary files left behind)


def test_a_rebuild_failing_while_building_the_graph_leaves_the_outputs(nlp, tmp_path, monkeypatch):
    from kg import graph as kgraph
    from kg.build import build

    corpus, out = small_corpus(tmp_path / "in", bad=False), tmp_path / "out"
    build([corpus], out, nlp=nlp, validate=False)
    before = snapshot(out)
    (corpus / "extra.txt").write_text("Министры Перу и Чили встретились в Лиме.", encoding="utf-8")

    def broken(*args, **kwargs):
        raise RuntimeError("simulated failure while building the graph")

    monkeypatch.setattr(kgraph.GraphBuilder, "parts", broken)
    with pytest.raises(RuntimeError):
        build([corpus], out, nlp=nlp, validate=False)
    assert snapshot(out) == before


def test_outputs_are_readable_by_others(seeds_build):
    umask = os.umask(0o022)
    os.umask(umask)
    files = [p for p in seeds_build.iterdir() if p.is_file()]
    assert {"graph.ttl", "graph.trig", "graph.nq", "graph.jsonld", "extractions.jsonl"} <= {
        p.name for p in files
    }
    for path in files:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == 0o666 & ~umask, f"{path.name}: mode {mode:o}, umask {umask:o}"
        if not umask & 0o044:
            assert mode & 0o044 == 0o044, f"{path.name}: mode {mode:o} is not readable by group and others"


def test_posts_in_regions_and_unnamed_bodies_give_a_conforming_graph(nlp, tmp_path):
    """Every post the pipeline finds is in an organisation or a state, as the shapes ask, wherever the text places it."""
    from kg.build import build

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "posts.txt").write_text(
        "Мэр Москвы Сергей Собянин встретился с губернатором Московской области Андреем Воробьёвым. "
        "Глава палестинской делегации Саеб Эрекат прибыл в Каир.",
        encoding="utf-8",
    )
    report = build([folder], tmp_path / "out", nlp=nlp)
    assert report.validation.conforms, report.validation
    roles = {
        p["post_label"]
        for line in (tmp_path / "out" / "extractions.jsonl").read_text(encoding="utf-8").splitlines()
        for p in json.loads(line)["positions"]
    }
    assert {"мэр Москвы", "губернатор Московской области"} <= roles


def test_outputs_are_replaced_as_a_set_and_a_failed_write_leaves_the_old_set_and_no_staging(
    tmp_path, monkeypatch
):
    from kg import export

    out = tmp_path / "out"
    export.write_set(out, {"a.ttl": b"old a", "b.nq": b"old b"})
    (out / ".kg-build-stale").mkdir()  # what a killed build leaves
    (out / ".graph.ttl.x.tmp").write_bytes(b"")
    real_open = open

    def full_disk(path, mode="r", *args, **kwargs):
        if str(path).endswith("b.nq") and "w" in mode:
            raise OSError(28, "No space left on device")
        return real_open(path, mode, *args, **kwargs)

    monkeypatch.setattr("builtins.open", full_disk)
    with export.output_lock(out), pytest.raises(OSError, match="cannot write .*b.nq: No space left"):
        export.write_set(out, {"a.ttl": b"new a", "b.nq": b"new b"})
    monkeypatch.undo()
    assert (out / "a.ttl").read_bytes() == b"old a" and (out / "b.nq").read_bytes() == b"old b"
    assert sorted(p.name for p in out.iterdir()) == ["a.ttl", "b.nq"]
