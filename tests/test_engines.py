"""Where extraction runs (kg.engines): long articles in sentence-aligned pieces with their offsets kept, one BLAS
thread by default, and a Dask cluster that gives the same bytes as a build in this process."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace

import pytest
from conftest import ROOT

from kg.chunks import chunk_bounds, joined
from kg.extract import extract_records
from kg.records import Article, ArticleRecord, Event, Mention, Position, Ref, TextSpan

# sentences written for these tests
PARAGRAPHS = (
    "Президент Монголии Ухнаагийн Хурэлсух провёл переговоры с президентом Казахстана Касым-Жомартом Токаевым "
    "в Улан-Баторе.",
    "Стороны подписали соглашение о сотрудничестве в области сельского хозяйства и транспорта.",
    "Министр иностранных дел Кении Мусалия Мудавади посетил Токио с официальным визитом.",
    "Генеральный секретарь ООН Антониу Гутерриш заявил, что поддерживает инициативу Монголии.",
    "Премьер-министр Индии Нарендра Моди встретился в Дели с канцлером Германии Олафом Шольцем.",
)
TEXT = "\n".join(PARAGRAPHS)


def _spans(record: ArticleRecord) -> list[tuple[int, int, str]]:
    return [(m.start, m.end, m.type) for m in record.mentions]


def _offsets_point_at_their_words(record: ArticleRecord) -> None:
    text = record.article.text
    for m in record.mentions:
        assert text[m.start : m.end] == m.text
    for ev in record.events:
        assert text[ev.trigger.start : ev.trigger.end] == ev.trigger.text
        assert text[ev.sentence.start : ev.sentence.end] == ev.sentence.text
    for pos in record.positions:
        assert text[pos.evidence.start : pos.evidence.end] == pos.evidence.text


def test_pieces_cut_at_paragraph_ends_and_cover_the_text():
    bounds = chunk_bounds(TEXT, 200)
    assert len(bounds) >= 3
    assert "".join(TEXT[a:b] for a, b in bounds) == TEXT
    for a, b in bounds:
        assert b - a <= 200
        assert TEXT[b - 1] == "\n" or b == len(TEXT)


def test_a_single_sentence_is_cut_at_a_space_never_inside_a_word():
    text = " ".join(["сотрудничество"] * 40)
    for a, b in chunk_bounds(text, 100):
        assert text[a:b].strip().split() == ["сотрудничество"] * len(text[a:b].split())
        assert b == len(text) or text[b - 1] == " "


def test_an_article_in_pieces_gives_the_findings_of_the_whole_at_the_same_offsets(nlp):
    """Each piece holds whole paragraphs; an event whose parties are named in the paragraph before it («Стороны
    подписали…») keeps them only when both are in one piece, which is why pieces are long (CHUNK_CHARS)."""
    article = Article("long", TEXT)
    [whole] = extract_records([article], nlp)
    assert len(chunk_bounds(TEXT, 250)) == 3
    [pieces] = extract_records([article], nlp, chunk_chars=250)
    assert _spans(whole)
    assert _spans(pieces) == _spans(whole)
    assert [(e.type, e.trigger) for e in pieces.events] == [(e.type, e.trigger) for e in whole.events]
    assert [(p.role, p.person) for p in pieces.positions] == [(p.role, p.person) for p in whole.positions]
    _offsets_point_at_their_words(pieces)
    assert pieces.article is article


def test_an_article_over_the_pipelines_limit_goes_through_in_pieces(nlp):
    [whole] = extract_records([Article("over-limit", TEXT)], nlp)
    saved = nlp.max_length
    nlp.max_length = 300  # spaCy raises E088 on a longer text
    try:
        [record] = extract_records([Article("over-limit", TEXT)], nlp)
    finally:
        nlp.max_length = saved
    assert len(TEXT) > 300
    assert any(m.start > 300 for m in record.mentions)
    assert _spans(record) == _spans(whole)
    _offsets_point_at_their_words(record)


def test_the_records_of_pieces_are_shifted_back_and_their_event_links_renumbered():
    text = "ab cd. ef gh."
    first = ArticleRecord(
        Article("x", text[:7]),
        mentions=(Mention(0, 2, "ab", "Person", "ab", "ner"),),
        events=(Event("Talks", TextSpan(3, 5, "cd"), TextSpan(0, 6, "ab cd.")),),
    )
    second = ArticleRecord(
        Article("x", text[7:]),
        mentions=(Mention(0, 2, "ef", "State", "ef", "ner"),),
        events=(
            Event(
                "Meeting", TextSpan(0, 2, "ef"), TextSpan(0, 6, "ef gh."), participants=(Ref(0, 2, "host"),)
            ),
            Event("Talks", TextSpan(3, 5, "gh"), TextSpan(0, 6, "ef gh."), sub_event_of=0),
        ),
    )
    rec = joined(Article("x", text), [(0, first), (7, second)])
    assert [(m.start, m.end) for m in rec.mentions] == [(0, 2), (7, 9)]
    assert rec.events[1].trigger == TextSpan(7, 9, "ef")
    assert rec.events[1].participants == (Ref(7, 9, "host"),)
    assert rec.events[2].sub_event_of == 1
    _offsets_point_at_their_words(rec)


@pytest.fixture(scope="module")
def refusing():
    """A blank pipeline with one component that fails on any text holding the word «СБОЙ»."""
    import spacy
    from spacy.language import Language

    @Language.component("test_engines_fail_on_word")
    def fail_on_word(doc):
        if "СБОЙ" in doc.text:
            raise RuntimeError("a word this component refuses")
        return doc

    blank = spacy.blank("ru")
    blank.add_pipe("test_engines_fail_on_word")
    return blank


def test_one_post_held_in_two_pieces_is_one_position_with_the_other_words_restated():
    text = "министр Ли Вэй. министр Ли Вэй."
    person = Mention(8, 14, "Ли Вэй", "Person", "Ли Вэй", "ner")
    piece = ArticleRecord(
        Article("x", text[:16]),
        mentions=(person,),
        positions=(
            Position(Ref(8, 14), "министр", None, TextSpan(0, 15, text[:15]), 0.6, TextSpan(0, 7, "министр")),
        ),
    )
    sure = replace(piece, positions=(replace(piece.positions[0], confidence=0.9),))
    rec = joined(Article("x", text), [(0, piece), (16, replace(sure, article=Article("x", text[16:])))])
    [position] = rec.positions
    assert position.confidence == 0.9 and position.person == Ref(24, 30)
    assert position.restated == (TextSpan(0, 7, "министр"),)
    assert len(rec.mentions) == 2


def test_a_failing_piece_skips_its_article_once_and_the_next_ones_are_built(refusing):
    blank = refusing
    long_text = "Первый абзац. " * 10 + "\nВ середине СБОЙ.\n" + "Последний абзац. " * 10
    articles = [
        Article("a", long_text),
        Article("b", "Обычная заметка."),
        Article("c", "Короткий СБОЙ."),
        Article("d", "Ещё одна заметка."),
    ]
    problems = []
    records = list(extract_records(articles, blank, on_error=problems.append, chunk_chars=60, batch_size=2))
    assert len(chunk_bounds(long_text, 60)) > 3
    assert [r.article.id for r in records] == ["b", "d"]
    assert [p.where for p in problems] == ["a", "c"]
    assert "refuses" in problems[0].reason


def test_a_workers_batch_answers_each_article_in_order_with_its_record_or_its_problem(refusing, monkeypatch):
    import kg.workers
    from kg.sources import Problem

    monkeypatch.setitem(kg.workers._pipelines, "refusing", refusing)
    batch = [Article("one", "Заметка."), Article("two", "Тут СБОЙ."), Article("one", "Другая заметка.")]
    result = kg.workers.extract_batch(batch, "refusing")
    first, second, third = result.results
    assert first.article is batch[0] and third.article is batch[2]
    assert isinstance(second, Problem) and second.where == "two"


def test_the_command_line_runs_the_models_with_one_blas_thread_unless_told_otherwise():
    probe = "import kg.cli, numpy, threadpoolctl; print(threadpoolctl.threadpool_info()[0]['num_threads'])"
    env = {k: v for k, v in os.environ.items() if k not in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS")}
    env["PYTHONPATH"] = str(ROOT)
    plain = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True)
    assert plain.stdout.strip() == "1"
    told = subprocess.run(
        [sys.executable, "-c", probe],
        env={**env, "OPENBLAS_NUM_THREADS": "2"},
        capture_output=True,
        text=True,
    )
    assert told.stdout.strip() == "2"


def test_extraction_in_this_process_limits_blas_after_numpy_was_loaded():
    import numpy  # noqa: F401 - loaded first, as a library caller's program may
    from threadpoolctl import threadpool_info, threadpool_limits

    from kg.engines.threads import blas_threads, limited_blas

    with threadpool_limits(limits=2, user_api="blas"):
        with limited_blas():
            inside = {i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"}
    assert inside == {blas_threads()}


def test_an_unknown_engine_and_a_scheduler_without_dask_are_refused():
    from kg.engines import EngineError, extract

    with pytest.raises(EngineError, match="unknown engine 'spark'"):
        extract([], print, engine="spark")
    with pytest.raises(EngineError, match="--scheduler needs --engine dask"):
        extract([], print, scheduler="tcp://127.0.0.1:8786")


@pytest.mark.slow
def test_a_build_on_a_dask_cluster_is_byte_identical_to_one_in_this_process(nlp, tmp_path):
    distributed = pytest.importorskip("distributed")
    from kg.build import build

    folder = tmp_path / "in"
    folder.mkdir()
    for i, para in enumerate(PARAGRAPHS):
        (folder / f"note-{i}.txt").write_text(para, encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\xd0\x9c\xd0\xb8\xff\xfe\x00 not UTF-8")
    here = build([folder], tmp_path / "here", nlp=nlp, validate=False)
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None
    ) as cluster:
        there = build(
            [folder], tmp_path / "dask", engine="dask", scheduler=cluster.scheduler_address, validate=False
        )
    assert there.articles == here.articles and len(here.articles) == len(PARAGRAPHS)
    assert [p.where for p in there.skipped] == [p.where for p in here.skipped]
    for name in ("graph.ttl", "graph.trig", "graph.nq", "graph.jsonld", "extractions.jsonl", "graph.html"):
        assert (tmp_path / "dask" / name).read_bytes() == (tmp_path / "here" / name).read_bytes(), name


@pytest.mark.slow
def test_a_model_the_workers_cannot_load_is_one_error_not_a_hang(tmp_path):
    from kg.engines import extract
    from kg.pipeline.nlp import ModelError

    articles = [Article(f"a{i}", para) for i, para in enumerate(PARAGRAPHS)]
    with pytest.raises(ModelError, match="no-such-model"):
        list(extract(articles, print, model=str(tmp_path / "no-such-model"), jobs=2))
