"""The embedded store: opening build folders, files and store directories; queries, errors, result formats."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import shutil
import subprocess
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic

from kg import sparql as ksparql
from kg import sparqltext as ktext
from kg import store as kstore
from kg.formats import UnknownFormatError
from kg.vocab import DIP, KGR_IRI

# A small graph in the shape of notes/GRAPH.md: shared entities in the default graph, one named graph per article.
SAMPLE_TRIG = """\
@prefix dip: <https://w3id.org/partnership-kg/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix r: <https://w3id.org/partnership-kg/id/> .

<https://w3id.org/partnership-kg/id/state/kazakhstan> a dip:State, dip:Actor ;
    skos:prefLabel "Казахстан"@ru, "Kazakhstan"@en .
<https://w3id.org/partnership-kg/id/state/china> a dip:State, dip:Actor ; skos:prefLabel "Китай"@ru .
<https://w3id.org/partnership-kg/id/person/van-i> a dip:Person, dip:Actor ; skos:prefLabel "Ван И"@ru .
<https://w3id.org/partnership-kg/id/person/murat-nurtleu> a dip:Person, dip:Actor ;
    skos:prefLabel "Мурат Нуртлеу"@ru .
<https://w3id.org/partnership-kg/id/place/chendu> a dip:Place ; skos:prefLabel "Чэнду"@ru .
dip:Meeting skos:prefLabel "Встреча"@ru ; dip:cooperationScore 1.0 .

<https://w3id.org/partnership-kg/id/article/a1> {
  <https://w3id.org/partnership-kg/id/article/a1> a dip:NewsArticle .
  <https://w3id.org/partnership-kg/id/event/a1-1> a dip:PartnershipEvent ; dip:eventType dip:Meeting ;
      dip:hasParticipant <https://w3id.org/partnership-kg/id/person/van-i>,
                         <https://w3id.org/partnership-kg/id/person/murat-nurtleu> ;
      dip:place <https://w3id.org/partnership-kg/id/place/chendu> ; dip:date "2023-12-01"^^xsd:date ;
      dip:confidence 0.85 ; dip:extractedFrom <https://w3id.org/partnership-kg/id/article/a1> .
  <https://w3id.org/partnership-kg/id/fact/a1-1> a dip:StatisticalFact ; dip:value 36500000000.0 ;
      dip:changePercent 11.0 ; dip:unit "USD" .
}
<https://w3id.org/partnership-kg/id/article/a2> {
  <https://w3id.org/partnership-kg/id/article/a2> a dip:NewsArticle .
  <https://w3id.org/partnership-kg/id/state/kazakhstan> dip:supports <https://w3id.org/partnership-kg/id/initiative/x> .
}
"""
MEETING = KGR_IRI + "event/a1-1"


@contextmanager
def rdflib_quietly() -> Iterator[None]:
    """rdflib's own TriG / N-Quads code calls the Dataset API it deprecates (``default_context``)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        yield


def read_dataset(source: Path | str, fmt: str) -> Dataset:
    """A file (or TriG text) as an rdflib Dataset."""
    data = Dataset()
    with rdflib_quietly():
        if isinstance(source, Path):
            data.parse(source, format=fmt)
        else:
            data.parse(data=source, format=fmt)
    return data


def sample_dataset() -> Dataset:
    """The sample as an rdflib Dataset."""
    return read_dataset(SAMPLE_TRIG, "trig")


def quad_count(data: Dataset) -> int:
    """Statements over all graphs (the default graph included)."""
    with rdflib_quietly():
        return sum(len(g) for g in data.graphs())


@pytest.fixture(scope="module")
def build_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A build folder with graph.nq, graph.trig and graph.ttl of the sample."""
    folder = tmp_path_factory.mktemp("build")
    data = sample_dataset()
    union = Graph()
    with rdflib_quietly():
        data.serialize(folder / "graph.nq", format="nquads")
        data.serialize(folder / "graph.trig", format="trig")
        for g in data.graphs():
            union += g
    union.serialize(folder / "graph.ttl", format="turtle")
    return folder


@pytest.fixture(scope="module")
def sample_store(build_dir: Path):
    """The sample build loaded into memory."""
    return kstore.open_target(build_dir)


def labels(result: ksparql.Result, name: str) -> set[object]:
    """The set of one column's values."""
    return set(result.column(name))


def test_build_folder_sees_every_article_graph_as_default(sample_store) -> None:
    people = kstore.query(sample_store, "SELECT ?l { ?p dip:hasParticipant/skos:prefLabel ?l }")
    assert labels(people, "l") == {"Ван И", "Мурат Нуртлеу"}
    graphs = kstore.query(sample_store, "SELECT DISTINCT ?g { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g")
    assert graphs.column("g") == [KGR_IRI + "article/a1", KGR_IRI + "article/a2"]


def test_the_default_graph_can_be_the_stored_one(sample_store) -> None:
    # Without the union, the named graphs' events are invisible to a plain pattern.
    result = kstore.query(sample_store, "SELECT ?e { ?e a dip:PartnershipEvent }", union=False)
    assert result.rows == ()


def test_project_prefixes_are_known_and_a_declared_prefix_wins(sample_store) -> None:
    known = kstore.query(sample_store, "SELECT ?p { ?p a dip:Person }")
    assert len(known.rows) == 2
    redeclared = kstore.query(
        sample_store, "PREFIX dip: <http://example.org/other#>\nSELECT ?p { ?p a dip:Person }"
    )
    assert redeclared.rows == ()
    with pytest.raises(ksparql.QuerySyntaxError, match="unknown prefix 'dip:'"):
        kstore.query(sample_store, "SELECT ?p { ?p a dip:Person }", known_prefixes=False)


@pytest.mark.parametrize(
    ("sparql", "line", "column"),
    [
        ("SELECT * {\n  ?s a dip:Person }\nLIMIT ten", 3, 7),  # at "ten"
        ("SELECT ?x WHERE { ?x skos:prefLabel «Ван И» }", 1, 37),  # at «, counted in characters
        ("SELECT * {\n  ?s a dip:Person . FILTER( }", 2, 30),  # the parser ran to the end of the query
    ],
)
def test_syntax_error_position_is_in_the_users_query(
    sample_store, sparql: str, line: int, column: int
) -> None:
    with pytest.raises(ksparql.QuerySyntaxError) as caught:
        kstore.query(sample_store, sparql)
    error = caught.value
    assert (error.line, error.column) == (line, column)
    assert error.source_line == sparql.splitlines()[line - 1]
    assert f"line {line}, column {column}" in str(error)
    source, caret = error.excerpt.splitlines()
    assert caret.index("^") - source.index(error.source_line) == column - 1


def test_declaring_the_prefixes_oneself_only_moves_the_error_down(sample_store) -> None:
    sparql = "SELECT * {\n  ?s a dip:Person ; skos:prefLabel ?l }\nLIMIT ten"
    declared = f"PREFIX dip: <{DIP}>\nPREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n{sparql}"
    positions = []
    for text, known in ((sparql, True), (declared, False)):
        with pytest.raises(ksparql.QuerySyntaxError) as caught:
            kstore.query(sample_store, text, known_prefixes=known)
        positions.append((caught.value.line, caught.value.column))
    assert positions == [(3, 7), (5, 7)]


def test_an_unknown_prefix_is_named(sample_store) -> None:
    with pytest.raises(ksparql.QuerySyntaxError, match=r"unknown prefix 'foo:'.*dip, ") as caught:
        kstore.query(sample_store, "SELECT * {\n  ?s a foo:Bar }")
    assert caught.value.line == 2


def test_rows_are_plain_python_values(sample_store) -> None:
    result = kstore.query(
        sample_store,
        f"SELECT ?date ?conf ?value ?change ?unit ?missing (COUNT(*) AS ?n) {{ <{MEETING}> dip:date ?date ;"
        " dip:confidence ?conf . ?f dip:value ?value ; dip:changePercent ?change ; dip:unit ?unit }"
        " GROUP BY ?date ?conf ?value ?change ?unit ?missing",
    )
    assert result.records() == [
        {
            "date": dt.date(2023, 12, 1),
            "conf": Decimal("0.85"),
            "value": Decimal("36500000000.0"),
            "change": Decimal("11.0"),
            "unit": "USD",
            "missing": None,
            "n": 1,
        }
    ]


def test_ask_and_construct(sample_store) -> None:
    assert kstore.query(sample_store, "ASK { ?s dip:supports ?i }").boolean is True
    assert kstore.query(sample_store, "ASK { ?s dip:supports kgr:nothing }").boolean is False
    graph = kstore.query(
        sample_store, "CONSTRUCT { ?e dip:hasParticipant ?p } WHERE { ?e dip:hasParticipant ?p }"
    )
    assert graph.kind == "graph" and graph.triple_count == 2
    expected = Graph()
    for person in ("van-i", "murat-nurtleu"):
        expected.add((URIRef(MEETING), DIP.hasParticipant, URIRef(KGR_IRI + "person/" + person)))
    assert isomorphic(Graph().parse(data=graph.turtle, format="turtle"), expected)
    prefix_lines = [line for line in graph.turtle.splitlines() if line.startswith("@prefix")]
    assert prefix_lines == sorted(prefix_lines)


def test_result_formats(sample_store) -> None:
    result = kstore.query(sample_store, "SELECT ?p ?l { ?p a dip:Person ; skos:prefLabel ?l } ORDER BY ?l")
    rows = list(csv.reader(io.StringIO(kstore.serialize_result(result, "csv"))))
    assert rows == [
        ["p", "l"],
        [KGR_IRI + "person/van-i", "Ван И"],
        [KGR_IRI + "person/murat-nurtleu", "Мурат Нуртлеу"],
    ]
    tsv = kstore.serialize_result(result, "tsv").splitlines()
    assert tsv[0] == "?p\t?l" and tsv[1] == f'<{KGR_IRI}person/van-i>\t"Ван И"@ru'
    parsed = json.loads(kstore.serialize_result(result, "json"))
    assert parsed["head"]["vars"] == ["p", "l"]
    assert [b["l"]["value"] for b in parsed["results"]["bindings"]] == ["Ван И", "Мурат Нуртлеу"]
    assert ksparql.display_rows(result)[0] == ["kgr:person/van-i", "Ван И"]
    ask = kstore.query(sample_store, "ASK { ?s a dip:Person }")
    assert json.loads(kstore.serialize_result(ask, "json")) == {"head": {}, "boolean": True}
    with pytest.raises(ValueError, match="xml"):
        kstore.serialize_result(result, "xml")


@pytest.mark.parametrize("name", ["graph.nq", "graph.trig", "graph.ttl"])
def test_single_files_load_by_suffix(build_dir: Path, name: str) -> None:
    loaded = kstore.open_target(build_dir / name)
    result = kstore.query(loaded, "SELECT (COUNT(DISTINCT ?p) AS ?n) { ?e dip:hasParticipant ?p }")
    assert result.rows == ((2,),)


def test_bad_targets_get_clear_errors(tmp_path: Path, build_dir: Path) -> None:
    odd = tmp_path / "graph.xyz"
    odd.write_text("", encoding="utf-8")
    with pytest.raises(UnknownFormatError, match=r"graph\.xyz.*'\.xyz'"):
        kstore.open_target(odd)
    with pytest.raises(kstore.StoreError, match="no such file"):
        kstore.open_target(tmp_path / "missing")
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(kstore.StoreError, match="neither a build folder"):
        kstore.open_target(empty)
    broken = tmp_path / "broken.ttl"
    broken.write_text("<a> <b> .", encoding="utf-8")
    with pytest.raises(kstore.StoreError, match=r"broken\.ttl"):
        kstore.open_target(broken)


def test_write_store_is_a_queryable_directory(tmp_path: Path, build_dir: Path) -> None:
    target = tmp_path / "store"
    count = kstore.write_store(build_dir / "graph.nq", target)
    assert count == quad_count(sample_dataset())
    assert kstore.is_store_dir(target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store"]  # no temporary sibling left behind
    reopened = kstore.open_target(target)
    people = kstore.query(reopened, "SELECT ?l { ?e dip:hasParticipant/skos:prefLabel ?l }")
    assert labels(people, "l") == {"Ван И", "Мурат Нуртлеу"}
    with pytest.raises(RuntimeError, match="read-write"):  # opened read-only, so others may read it too
        reopened.update("INSERT DATA { <http://x/a> <http://x/b> <http://x/c> }")  # type: ignore[attr-defined]


def test_write_store_replaces_a_store_but_keeps_it_when_loading_fails(
    tmp_path: Path, build_dir: Path
) -> None:
    target = tmp_path / "store"
    kstore.write_store(build_dir / "graph.nq", target)
    assert kstore.write_store(build_dir / "graph.nq", target) == quad_count(sample_dataset())
    bad = tmp_path / "bad.nq"
    bad.write_text("<http://x/a> <http://x/b> .\n", encoding="utf-8")
    with pytest.raises(kstore.StoreError, match=r"bad\.nq"):
        kstore.write_store(bad, target)
    assert len(kstore.open_target(target)) == quad_count(sample_dataset())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.nq", "store"]


def test_write_store_refuses_to_replace_another_folder(tmp_path: Path, build_dir: Path) -> None:
    precious = tmp_path / "notes"
    precious.mkdir()
    (precious / "keep.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(kstore.StoreError, match="not an Oxigraph store"):
        kstore.write_store(build_dir / "graph.nq", precious)
    assert (precious / "keep.txt").read_text(encoding="utf-8") == "mine"


# --- the command ------------------------------------------------------------------------------------------


def run_cli(*args: str, stdin: str | None = None):
    """Invoke ``kg`` in-process."""
    from typer.testing import CliRunner

    from kg.cli import app

    return CliRunner().invoke(app, list(args), input=stdin)


def test_cli_table(build_dir: Path) -> None:
    result = run_cli(
        "query", str(build_dir), "SELECT ?p ?l { ?p a dip:Person ; skos:prefLabel ?l } ORDER BY ?l"
    )
    assert result.exit_code == 0, result.output
    assert "Ван И" in result.stdout and "kgr:person/murat-nurtleu" in result.stdout
    assert "2 rows" in result.stderr


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json"])
def test_cli_formats_match_the_library(build_dir: Path, sample_store, fmt: str, tmp_path: Path) -> None:
    sparql = "SELECT ?l { ?p a dip:State ; skos:prefLabel ?l } ORDER BY ?l"
    query_file = tmp_path / "q.rq"
    query_file.write_text(sparql, encoding="utf-8")
    result = run_cli("query", str(build_dir), "--file", str(query_file), "--format", fmt)
    assert result.exit_code == 0, result.output
    # Bytes: CliRunner's .stdout would turn the CSV's CRLF into LF.
    assert result.stdout_bytes.decode("utf-8") == kstore.serialize_result(
        kstore.query(sample_store, sparql), fmt
    )


def test_cli_reads_standard_input_and_prints_ask_and_construct(build_dir: Path) -> None:
    assert run_cli("query", str(build_dir), "-", stdin="ASK { ?s dip:supports ?o }").stdout.strip() == "true"
    construct = run_cli("query", str(build_dir), "CONSTRUCT WHERE { ?s dip:supports ?o }")
    assert construct.exit_code == 0
    assert len(Graph().parse(data=construct.stdout, format="turtle")) == 1


def test_cli_syntax_error(build_dir: Path) -> None:
    result = run_cli("query", str(build_dir), "SELECT * {\n  ?s a dip:Person }\nLIMIT ten")
    assert result.exit_code == 1
    assert "Error: SPARQL syntax error at line 3, column 7" in result.stderr
    assert result.stderr.splitlines()[1:] == ["  LIMIT ten", "        ^"]


def test_cli_rejects_bad_usage(build_dir: Path, tmp_path: Path) -> None:
    assert run_cli("query", str(build_dir), "ASK {}", "--format", "xml").exit_code == 2
    both = run_cli("query", str(build_dir), "ASK {}", "--file", str(tmp_path / "q.rq"))
    assert both.exit_code == 1 and "not both" in both.stderr
    none = run_cli("query", str(build_dir))
    assert none.exit_code == 1 and "no query" in none.stderr
    unknown = run_cli("query", str(tmp_path / "graph.owlx"), "ASK {}")
    assert unknown.exit_code == 1 and "graph.owlx" in unknown.stderr


def test_cli_refuses_updates_and_names_a_file_that_is_not_utf8(build_dir: Path, tmp_path: Path) -> None:
    update = run_cli("query", str(build_dir), "PREFIX a: <http://a/>\nDELETE WHERE { ?s ?p ?o }")
    assert update.exit_code == 1 and "updates are not allowed" in update.stderr
    legacy = tmp_path / "запрос.rq"
    legacy.write_bytes('SELECT ?p { ?p skos:prefLabel "Ван И"@ru }'.encode("cp1251"))
    result = run_cli("query", str(build_dir), "--file", str(legacy))
    assert result.exit_code == 1
    assert f"{legacy}: the query is not UTF-8 text" in result.stderr and "Traceback" not in result.output


def test_cli_bind_replaces_the_querys_own_values(build_dir: Path, tmp_path: Path) -> None:
    query_file = tmp_path / "q.rq"
    query_file.write_text(
        'SELECT ?p ?name WHERE {\n  VALUES ?name { "Никто"@ru "Некто"@ru }\n  ?p skos:prefLabel ?name }',
        encoding="utf-8",
    )
    default = run_cli("query", str(build_dir), "-f", str(query_file), "--format", "csv")
    assert default.exit_code == 0 and default.stdout.strip() == "p,name"
    bound = run_cli("query", str(build_dir), "-f", str(query_file), "--bind", "name=Ван И", "--format", "csv")
    assert bound.exit_code == 0, bound.output
    assert bound.stdout_bytes.decode().splitlines()[1:] == [
        "https://w3id.org/partnership-kg/id/person/van-i,Ван И"
    ]
    # A variable without VALUES gets one; an IRI is taken as written; an unknown variable is named.
    person = run_cli(
        "query", str(build_dir), "SELECT ?l { ?p skos:prefLabel ?l }", "--format", "csv",
        "--bind", "p=<https://w3id.org/partnership-kg/id/person/van-i>",
    )  # fmt: skip
    assert person.exit_code == 0 and person.stdout_bytes.decode().splitlines()[1:] == ["Ван И"]
    missing = run_cli("query", str(build_dir), "ASK { ?s ?p ?o }", "--bind", "x=1")
    assert missing.exit_code == 1 and "the query has no variable ?x" in missing.stderr


@pytest.mark.parametrize(
    ("query", "name", "value", "expected"),
    [
        ('SELECT * { VALUES (?a ?b) { ("x"@ru "y"@ru) } ?s ?p ?a }', "b", "z", '{ ("x"@ru "z"@ru) }'),
        ("SELECT * { VALUES ?t { dip:A dip:B } ?s a ?t }", "t", "dip:C", "VALUES ?t { dip:C }"),
        ("SELECT * WHERE { ?s ?p ?o }", "o", 'a "quoted" word', 'VALUES ?o { "a \\"quoted\\" word" }'),
        ("SELECT * WHERE { ?s ?p ?o }", "o", "12", "VALUES ?o { 12 }"),
        ("SELECT * WHERE { ?s ?p ?o }", "s", "http://example.org/x", "VALUES ?s { <http://example.org/x> }"),
        ('ASK { VALUES ?o { "a"^^xsd:string } ?s ?p ?o }', "o", "b", 'VALUES ?o { "b"^^xsd:string }'),
    ],
)
def test_bind_rewrites_the_query_text(query: str, name: str, value: str, expected: str) -> None:
    assert expected in ktext.bind(query, name, value, {"dip", "xsd"})


@pytest.mark.parametrize(
    ("query", "refused"),
    [
        ("SELECT * { SERVICE <http://x/> { ?s ?p ?o } }", True),
        ("select * { optional { service silent ?endpoint { ?s ?p ?o } } }", True),
        ("SELECT * { \\u0053ERVICE <http://x/> { ?s ?p ?o } }", True),
        ('SELECT * { ?s ?p "SERVICE <http://x/>" } # SERVICE <http://x/>', False),
        ("SELECT ?service { ?service ex:SERVICE <http://x/service> }", False),
    ],
)
def test_service_clauses_are_found_where_the_parser_would_see_them(query: str, refused: bool) -> None:
    assert (ktext.service_position(query) is not None) is refused


def test_cli_graph_formats(build_dir: Path) -> None:
    construct = "CONSTRUCT WHERE { ?s dip:supports ?o }"
    nt = run_cli("query", str(build_dir), construct, "--format", "nt")
    assert nt.exit_code == 0 and len(Graph().parse(data=nt.stdout, format="nt")) == 1
    turtle = run_cli("query", str(build_dir), construct, "--format", "turtle")
    assert turtle.exit_code == 0 and len(Graph().parse(data=turtle.stdout, format="turtle")) == 1
    csv = run_cli("query", str(build_dir), construct, "--format", "csv")
    assert csv.exit_code == 1 and "--format csv is for SELECT and ASK" in csv.stderr
    select_nt = run_cli("query", str(build_dir), "SELECT * { ?s ?p ?o }", "--format", "nt")
    assert select_nt.exit_code == 1 and "--format nt is for CONSTRUCT and DESCRIBE" in select_nt.stderr


# --- the exports load into an independent parser ---------------------------------------------------------


RAPPER_COUNT = re.compile(r"returned (\d+) (?:triples|statements)")


def rapper_count(path: Path, syntax: str) -> int:
    """Statements rapper (raptor2) parses from a file; fails the test when rapper reports an error."""
    done = subprocess.run(
        ["rapper", "-i", syntax, "-c", str(path)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    match = RAPPER_COUNT.search(done.stderr)
    assert match, done.stderr
    return int(match[1])


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("rapper") is None, reason="rapper (raptor2-utils) is not installed")
def test_seeds_exports_load_into_rapper(seeds_build: Path) -> None:
    trig = read_dataset(seeds_build / "graph.trig", "trig")
    nq = read_dataset(seeds_build / "graph.nq", "nquads")
    ttl = Graph().parse(seeds_build / "graph.ttl", format="turtle")
    assert rapper_count(seeds_build / "graph.ttl", "turtle") == len(ttl)
    assert rapper_count(seeds_build / "graph.nq", "nquads") == quad_count(nq)
    assert rapper_count(seeds_build / "graph.trig", "trig") == quad_count(trig)
    # The embedded store reads the same statements.
    assert len(kstore.open_target(seeds_build / "graph.nq")) == quad_count(nq)
