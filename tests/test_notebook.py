"""The example notebook runs as it stands: every code cell, in order, from the repository root."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_notebook_cells_run_and_answer(monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    notebook = json.loads((ROOT / "notebooks" / "explore.ipynb").read_text(encoding="utf-8"))
    namespace: dict = {}
    for cell in notebook["cells"]:
        if cell["cell_type"] == "code":
            exec(compile("".join(cell["source"]), "notebook-cell", "exec"), namespace)  # noqa: S102
    people = {row["person"] for row in namespace["result"].records()}
    assert people and all(isinstance(p, str) and p for p in people)
    assert namespace["report"].counts["articles"] == len(list((ROOT / "seeds").glob("*.txt")))
    assert " — " in capsys.readouterr().out  # the who-met-whom cell printed pairs
