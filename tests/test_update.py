"""``kg build --update``: adding articles to a build extracts only the new ones and writes the bytes a build of
all of them writes."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.build import OUTPUT_FILES

pytestmark = [pytest.mark.slow, pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib")]

FIRST = {
    "oslo.txt": "Премьер-министр Норвегии Ула Бакке провёл переговоры с президентом Финляндии Тармо Ахтисаари.",
    "lima.txt": "Министр иностранных дел Перу Хосе Кирога посетил Чили. Стороны подписали соглашение о торговле.",
}
SECOND = {
    "riga.txt": "Президент Латвии Эгил Калниньш встретился в Риге с канцлером Австрии Петером Штайнером.",
}


def corpus(folder: Path, texts: dict[str, str]) -> Path:
    folder.mkdir(parents=True)
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def outputs(folder: Path) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in OUTPUT_FILES}


def test_an_update_extracts_only_new_articles_and_gives_the_bytes_of_a_full_build(nlp, tmp_path):
    from kg.build import build

    a, b = corpus(tmp_path / "a", FIRST), corpus(tmp_path / "b", SECOND)
    updated, full = tmp_path / "updated", tmp_path / "full"
    build([a], updated, nlp=nlp)
    extracted: list[str] = []
    report = build([b], updated, nlp=nlp, update=True, progress=extracted.append)
    assert extracted == ["riga"]
    assert sorted(report.articles) == ["lima", "oslo", "riga"]
    build([a, b], full, nlp=nlp)
    assert outputs(updated) == outputs(full)


def test_an_update_with_articles_the_build_holds_extracts_nothing_and_changes_nothing(nlp, tmp_path):
    from kg.build import build

    a = corpus(tmp_path / "a", FIRST)
    out = tmp_path / "out"
    build([a], out, nlp=nlp)
    before = outputs(out)
    extracted: list[str] = []
    report = build([a], out, nlp=nlp, update=True, progress=extracted.append)
    assert extracted == [] and report.counts["unchanged"] == 2 and not report.skipped
    assert outputs(out) == before


def test_an_update_of_a_folder_without_a_build_is_refused(nlp, tmp_path):
    from kg.build import build
    from kg.cache import CacheError

    a = corpus(tmp_path / "a", FIRST)
    with pytest.raises(CacheError, match="--update needs a folder written by kg build"):
        build([a], tmp_path / "empty", nlp=nlp, update=True)
