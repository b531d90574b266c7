"""Shared fixtures: the loaded pipeline and one build of the sample articles, each made once per session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def nlp():
    """The default pipeline (Slovnet from the natasha wheel + our components)."""
    from kg.pipeline import build_nlp

    return build_nlp()


@pytest.fixture(scope="session")
def seeds_build(nlp, tmp_path_factory) -> Path:
    """A folder holding a fresh build of seeds/ (graph.ttl, graph.trig, graph.nq, graph.html, extractions.jsonl…)."""
    from kg.build import build

    out = tmp_path_factory.mktemp("seeds-build")
    build([SEEDS], out, nlp=nlp)
    return out


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """A folder for files a person may want to look at after the run (screenshots); git-ignored."""
    path = ROOT / "test-artifacts"
    path.mkdir(exist_ok=True)
    return path


@pytest.fixture()
def seeds_copy(tmp_path) -> Path:
    """A writable copy of seeds/."""
    dest = tmp_path / "seeds"
    shutil.copytree(SEEDS, dest)
    return dest
