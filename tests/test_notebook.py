"""notebooks/explore.ipynb runs as Jupyter runs it (its own folder as the working directory, the ``python3`` kernel
of this environment) and its stored outputs are the ones a run gives: tables, charts, no error, no timing, no
absolute path. After a change that alters them, ``make notebook`` stores them again."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat", reason="the notebook extra: pip install -e '.[notebook]'")

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
NOTEBOOK = NOTEBOOKS / "explore.ipynb"

#: A path of this machine in an output would change with every checkout.
ABSOLUTE = re.compile(r"(?<![\w.])/(?:home|tmp|work|root|Users|usr|var|opt)/")


def outputs(nb) -> list:
    return [out for cell in nb.cells if cell.cell_type == "code" for out in cell.outputs]


def charts(nb) -> int:
    return sum("image/png" in out.get("data", {}) for out in outputs(nb))


def tables(nb) -> int:
    return sum('class="dataframe' in out.get("data", {}).get("text/html", "") for out in outputs(nb))


def texts(nb) -> list[tuple[str, str]]:
    """Every output's text (streams, tables, plain text) by cell, the page's bytes left out."""
    found = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        for out in cell.outputs:
            if out.output_type == "stream":
                found.append((cell.id, out.name + ": " + out.text))
            for mime, value in sorted(out.get("data", {}).items()):
                if mime.startswith("text/") and not value.lstrip().startswith("<iframe"):
                    found.append((cell.id, f"{mime}: {value}"))
    return found


def test_the_stored_notebook_holds_its_outputs():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    assert [cell.execution_count for cell in code] == list(range(1, len(code) + 1)), "run it top to bottom"
    assert charts(nb) >= 3
    assert tables(nb) >= 4
    assert any(
        out.get("data", {}).get("text/html", "").lstrip().startswith("<iframe srcdoc=") for out in outputs(nb)
    )
    for cell in code:
        assert "execution" not in cell.metadata, "timings churn: store it with make notebook"
        for out in cell.outputs:
            assert out.output_type != "error"
            assert not (out.output_type == "stream" and out.name == "stderr"), out.text
    for cell_id, text in texts(nb):
        assert not ABSOLUTE.search(text), f"an absolute path in the output of {cell_id}"


@pytest.mark.slow
def test_the_notebook_runs_from_its_folder_as_jupyter_runs_it():
    from nbclient import NotebookClient

    stored = nbformat.read(NOTEBOOK, as_version=4)
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = NotebookClient(
        nb,
        kernel_name="python3",
        timeout=900,
        record_timing=False,
        resources={"metadata": {"path": str(NOTEBOOKS)}},
    )
    client.execute()  # raises CellExecutionError, naming the cell, when one fails
    assert not [o.text for o in outputs(nb) if o.output_type == "stream" and o.name == "stderr"]
    assert charts(nb) >= 3
    assert tables(nb) >= 4
    assert texts(nb) == texts(stored), (
        "the stored outputs are not those of a run: store them with make notebook"
    )
