"""The same answer everywhere: every query in queries/ gives the same rows on the build folder, graph.ttl,
graph.trig (through `kg query`, i.e. Oxigraph), in Apache Jena TDB2 loaded from the TriG (scripts/jena.sh) and
in a private Virtuoso instance loaded from the N-Quads (scripts/virtuoso.sh)."""

from __future__ import annotations

import csv
import io
import os
import shutil
import socket
import subprocess
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
QUERY_FILES = sorted((ROOT / "queries").glob("*.rq"))
JENA = ROOT / "scripts" / "jena.sh"
VIRTUOSO = ROOT / "scripts" / "virtuoso.sh"

pytestmark = pytest.mark.slow


def cell(value: str) -> str:
    """A CSV cell with numbers in one form: stores write the same xsd:decimal or a SUM as «11», «11.0» or «1.0E1»."""
    try:
        number = Decimal(value)
    except InvalidOperation:
        return value
    if not number.is_finite():
        return value
    return format(number.normalize(), "f") if number == number.to_integral() else str(number.normalize())


def rows(text: str) -> tuple[list[str], list[tuple[str, ...]]]:
    """The header and the sorted, normalised rows of a SPARQL CSV result."""
    header, *body = list(csv.reader(io.StringIO(text)))
    return header, sorted(tuple(cell(v) for v in row) for row in body)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("11", "11"), ("11.0", "11"), ("36500000000.0", "36500000000"), ("1.0E1", "10"), ("0.85", "0.85"),
     ("6.40", "6.4"), ("Ван И", "Ван И"), ("", ""), ("--12-01", "--12-01"), ("2025-10", "2025-10")],
)  # fmt: skip
def test_numbers_are_compared_by_value(value, expected):
    assert cell(value) == expected


def kg_query(target: Path, query: Path) -> str:
    from typer.testing import CliRunner

    from kg.cli import app

    result = CliRunner().invoke(app, ["query", str(target), "--file", str(query), "--format", "csv"])
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture(scope="module")
def jena_store(seeds_build, tmp_path_factory) -> Path:
    if shutil.which("java") is None:
        pytest.skip("no Java runtime (make system-deps installs default-jre-headless)")
    if not Path("/usr/share/java/jena-core.jar").exists():
        pytest.skip("no Apache Jena jars (make system-deps installs Debian's libapache-jena-java)")
    store = tmp_path_factory.mktemp("jena") / "tdb2"
    env = {"KG_JENA_CACHE": str(tmp_path_factory.mktemp("jena-cache"))}
    done = subprocess.run(
        [str(JENA), "load", str(store), str(seeds_build / "graph.trig")],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
    )
    assert done.returncode == 0, done.stderr
    return store


def jena_query(store: Path, query: Path) -> str:
    done = subprocess.run([str(JENA), "query", str(store), str(query), "csv"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def script(*args: str | Path) -> str:
    done = subprocess.run([str(a) for a in args], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def virtuoso(seeds_build, tmp_path_factory) -> Iterator[Path]:
    """A private Virtuoso (own database folder, ports on 127.0.0.1) holding the seeds build, shut down after."""
    if shutil.which("virtuoso-t") is None or shutil.which("isql-vt") is None:
        pytest.skip("no Virtuoso (Debian: apt-get install virtuoso-opensource)")
    folder = tmp_path_factory.mktemp("virtuoso") / "instance"
    try:
        script(VIRTUOSO, "start", folder, free_port(), free_port())
        script(VIRTUOSO, "load", folder, seeds_build / "graph.nq")
        yield folder
    finally:
        subprocess.run([str(VIRTUOSO), "stop", str(folder)], capture_output=True)


def test_the_library_is_there():
    assert len(QUERY_FILES) >= 10


@pytest.mark.parametrize("query", QUERY_FILES, ids=lambda p: p.stem)
def test_every_query_gives_the_same_rows_in_every_store(query, seeds_build, jena_store):
    expected = rows(kg_query(seeds_build, query))
    assert expected[1], f"{query.name} gives no rows on the seeds build: nothing to compare"
    for name in ("graph.ttl", "graph.trig"):
        assert rows(kg_query(seeds_build / name, query)) == expected, f"{query.name} on {name}"
    assert rows(jena_query(jena_store, query)) == expected, f"{query.name} in Jena TDB2"


@pytest.mark.parametrize("query", QUERY_FILES, ids=lambda p: p.stem)
def test_every_query_gives_the_same_rows_in_virtuoso(query, seeds_build, virtuoso):
    expected = rows(kg_query(seeds_build, query))
    assert rows(script(VIRTUOSO, "query", virtuoso, query)) == expected, f"{query.name} in Virtuoso"


COUNTS = {
    "holdsPost": "SELECT (COUNT(*) AS ?n) WHERE { ?person <https://w3id.org/partnership-kg/ontology#holdsPost> ?post }",
    "all": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
}


@pytest.mark.parametrize("name", COUNTS)
def test_a_count_is_the_same_in_every_store(name, seeds_build, jena_store, tmp_path):
    """Oxigraph's union default graph is a bag, Jena's and Turtle's a set: with no triple stated twice they agree."""
    query = tmp_path / f"{name}.rq"
    query.write_text(COUNTS[name], encoding="utf-8")
    answers = {
        "build folder": rows(kg_query(seeds_build, query)),
        "graph.ttl": rows(kg_query(seeds_build / "graph.ttl", query)),
        "graph.trig": rows(kg_query(seeds_build / "graph.trig", query)),
        "Jena TDB2": rows(jena_query(jena_store, query)),
    }
    assert len({str(a) for a in answers.values()}) == 1, answers
