"""``kg build`` on the command line: what it prints, its exit codes and its one-line errors; ``python -m kg``."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import ROOT
from typer.testing import CliRunner

from kg.cli import app

pytestmark = [
    pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib"),
]

ARTICLES = {
    "lima.txt": "Лима, 4 марта /ТАСС/ -- Министр иностранных дел Перу Зоя Блинова провела переговоры "
    "с министром иностранных дел Чили Петром Гавриловым.",
    "santiago.txt": "Товарооборот Перу и Чили вырос. Гаврилов заявил, что Чили поддерживает сотрудничество с Перу.",
}
OUTPUTS = ("graph.ttl", "graph.trig", "graph.nq", "graph.jsonld", "extractions.jsonl")


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture()
def corpus(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture()
def shared_nlp(nlp, monkeypatch):
    """Let the command use the session's loaded pipeline instead of loading its own (same default pipeline)."""
    import kg.pipeline.nlp

    monkeypatch.setattr(kg.pipeline.nlp, "build_nlp", lambda model=None: nlp)
    return nlp


def error_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("Error:")]


@pytest.mark.slow
def test_build_reads_writes_and_says_so(runner, corpus, tmp_path, shared_nlp):
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(corpus), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "Read 2 article(s)" in result.output
    assert "lima" in result.output and "santiago" in result.output
    for name in OUTPUTS:
        assert (out / name).is_file()
        assert f"Wrote {out / name}" in result.output
    assert error_lines(result.output) == []


@pytest.mark.slow
def test_build_reports_a_skipped_input_and_goes_on(runner, corpus, tmp_path, shared_nlp):
    (corpus / "zz_broken.txt").write_bytes(b"\xd0\x9f\xff\xfd")
    missing = tmp_path / "not-there.txt"
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(corpus), str(missing), "-o", str(out), "--no-validate"])
    assert result.exit_code == 4, result.output  # built, some inputs skipped
    assert "2 input(s) skipped; the other 2 built." in result.output
    assert "Read 2 article(s)" in result.output
    skipped = [line for line in result.output.splitlines() if line.startswith("Skipped")]
    assert len(skipped) == 2
    assert any("zz_broken.txt" in line and "UTF-8" in line for line in skipped)
    assert any(str(missing) in line for line in skipped)


def test_a_missing_input_is_one_error_line_and_exit_code_1(runner, tmp_path):
    missing = tmp_path / "no-such-folder"
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(missing), "-o", str(out)])
    assert result.exit_code == 1, result.output
    [line] = error_lines(result.output)
    assert str(missing) in line
    assert "Traceback" not in result.output
    assert not out.exists()  # nothing written when nothing could be read


def test_a_missing_model_is_one_error_line_naming_it(runner, corpus, tmp_path):
    model = tmp_path / "no-such-model"
    result = runner.invoke(app, ["build", str(corpus), "-o", str(tmp_path / "out"), "--model", str(model)])
    assert result.exit_code == 1, result.output
    [line] = error_lines(result.output)
    assert str(model) in line
    assert "Traceback" not in result.output


def test_build_help_lists_its_options(runner):
    result = runner.invoke(app, ["build", "--help"])
    assert result.exit_code == 0
    for option in ("--output", "--model", "--base", "--include-text", "--encoding", "--max-chars"):
        assert option in result.output
    assert "--article-timeout" in result.output
    words = " ".join(result.output.split())
    for code in (
        "0 every input was read",
        "4 the graph was built but some inputs were skipped",
        "3 the graph",
        "1 nothing",
    ):
        assert code in words


@pytest.mark.slow
def test_a_corpus_of_which_nothing_can_be_read_exits_1_naming_each_file(runner, tmp_path):
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "bin.txt").write_bytes(bytes(range(256)))
    result = runner.invoke(app, ["build", str(folder), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "empty.txt" in result.output and "bin.txt" in result.output and "binary" in result.output
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_a_second_build_into_a_folder_being_written_is_refused(runner, tmp_path):
    from kg.export import output_lock

    with output_lock(tmp_path / "out"):
        result = runner.invoke(app, ["build", str(tmp_path), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "another kg build is writing into this folder" in result.output


def test_python_dash_m_kg_help_works():
    done = subprocess.run(
        [sys.executable, "-m", "kg", "--help"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "Usage" in done.stdout
    assert "build" in done.stdout
