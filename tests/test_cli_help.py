"""``kg --version``, and ``--help`` that names values with words (FOLDER, FILE, N), never typer's ``<path>``."""

from __future__ import annotations

import re
from importlib.metadata import version

import pytest
from typer.testing import CliRunner

from kg.cli import app

COMMANDS = ("build", "evaluate", "validate", "html", "query", "serve", "stats")

#: typer's type placeholders (``<bool>``, ``<path>``, ``<list[Path]>``, ``<int range>``) and its ``{name}``.
PLACEHOLDER = re.compile(r"<[a-z][\w\[\]|, ]*>|\{[a-z_]+\}")


@pytest.fixture
def runner():
    return CliRunner()


def test_version_prints_the_installed_version(runner):
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == f"kg {version('partnership-kg')}"


@pytest.mark.parametrize("args", [[], *([c] for c in COMMANDS)], ids=["kg", *COMMANDS])
def test_help_names_values_with_words(runner, args):
    result = runner.invoke(app, [*args, "--help"], terminal_width=200)
    assert result.exit_code == 0
    assert "Usage" in result.output
    assert not PLACEHOLDER.findall(result.output)


@pytest.mark.parametrize(
    ("command", "words"),
    [
        ("build", ("ARTICLES...", "FOLDER", "IRI", "NAME", "N")),
        ("query", ("BUILD", "[QUERY]", "FILE", "FORMAT")),
        ("evaluate", ("PREDICTIONS", "all|even|odd")),
        ("html", ("GRAPH", "FILE", "TEXT")),
        ("serve", ("ADDRESS", "PORT", "SECONDS")),
    ],
)
def test_help_shows_the_words(runner, command, words):
    output = runner.invoke(app, [command, "--help"], terminal_width=200).output
    for word in words:
        assert word in output


def test_a_flag_shows_no_value(runner):
    output = runner.invoke(app, ["build", "--help"], terminal_width=200).output
    line = next(line for line in output.splitlines() if "--include-text" in line)
    cells = line.strip("│ ").split()
    assert cells[cells.index("--include-text") + 1] == "Put"
