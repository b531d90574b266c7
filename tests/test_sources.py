"""Reading articles: .txt files, folders, JSONL; newline normalisation; metadata lines and datelines; bad inputs."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from kg.iri import article_key, slug
from kg.records import Article
from kg.sources import Problem, boilerplate_spans, read_inputs


def readable(value: object) -> str | None:
    """Test ids in ASCII: a transliterated slug of a Russian example (pytest would escape it)."""
    return slug(value)[:40] if isinstance(value, str) else None


def read(*paths: str | Path) -> tuple[list[Article], list[Problem]]:
    """Everything read_inputs gives, split into articles and problems (order kept)."""
    items = list(read_inputs(paths))
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, Problem)]


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


def problem_text(problem: Problem) -> str:
    return f"{problem.where}: {problem.reason}"


# -- plain text files and folders ----------------------------------------------------------------------------


def test_txt_file_gives_one_article_with_its_stem_as_id(tmp_path):
    path = write(tmp_path / "visit_07.txt", "Делегация Чили прибыла в Осло.\n")
    articles, problems = read(path)
    assert problems == []
    assert [a.id for a in articles] == ["visit_07"]
    assert articles[0].text == "Делегация Чили прибыла в Осло.\n"
    assert articles[0].path == str(path)


def test_folder_reads_txt_and_jsonl_in_name_order_and_ignores_other_files(tmp_path):
    write(tmp_path / "b.txt", "Второй текст.")
    write(tmp_path / "a.txt", "Первый текст.")
    write(tmp_path / "c.jsonl", json.dumps({"id": "c1", "text": "Третий текст."}, ensure_ascii=False) + "\n")
    write(tmp_path / "notes.md", "# не статья")
    articles, problems = read(tmp_path)
    assert problems == []
    assert [a.id for a in articles] == ["a", "b", "c1"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Первая строка.\r\nВторая строка.\r\n", "Первая строка.\nВторая строка.\n"),
        ("Первая строка.\rВторая строка.\r", "Первая строка.\nВторая строка.\n"),
        ("\ufeffСмешанные\r\nконцы\rстрок\n", "Смешанные\nконцы\nстрок\n"),
    ],
    ids=readable,
)
def test_line_ends_are_normalised_and_offsets_refer_to_the_normalised_text(tmp_path, raw, expected):
    path = write(tmp_path / "x.txt", raw)
    [article], _ = read(path)
    assert article.text == expected
    assert "\r" not in article.text
    # an offset found in the normalised text points at the same word in the article
    word = expected.split()[1]
    start = expected.index(word)
    assert article.text[start : start + len(word)] == word


def test_jsonl_offsets_use_normalised_newlines(tmp_path):
    text = "Строка один.\r\nСтрока два: Оман."
    path = write(tmp_path / "a.jsonl", json.dumps({"id": "n1", "text": text}, ensure_ascii=False) + "\n")
    [article], _ = read(path)
    assert article.text == "Строка один.\nСтрока два: Оман."
    assert article.text[article.text.index("Оман") :][:4] == "Оман"
    assert article.text.index("Оман") == text.index("Оман") - 1


# -- JSONL ---------------------------------------------------------------------------------------------------


def test_jsonl_reads_id_text_and_optional_fields(tmp_path):
    lines = [
        {
            "id": "k-1",
            "text": "Министры Перу и Чили встретились.",
            "date": "2023-04-18",
            "source": "ТАСС",
            "url": "https://example.org/k-1",
        },
        {"id": 42, "text": "Без даты и источника."},
    ]
    path = write(tmp_path / "news.jsonl", "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines))
    articles, problems = read(path)
    assert problems == []
    first, second = articles
    assert (first.id, first.date, first.agency, first.url) == (
        "k-1",
        "2023-04-18",
        "ТАСС",
        "https://example.org/k-1",
    )
    assert first.text == lines[0]["text"]
    assert (second.id, second.date, second.agency, second.url) == ("42", None, None, None)


def test_jsonl_date_time_is_cut_to_the_date(tmp_path):
    path = write(
        tmp_path / "d.jsonl", json.dumps({"id": "t", "text": "Текст.", "date": "2022-11-03T09:15:00"}) + "\n"
    )
    [article], _ = read(path)
    assert article.date == "2022-11-03"


# -- metadata in the text ------------------------------------------------------------------------------------


def test_leading_date_line_gives_date_and_title(tmp_path):
    text = (
        " date 2024-03-05 Перу и Чили договорились о торговле\n\nЛима, 4 марта. Стороны подписали меморандум."
    )
    [article], _ = read(write(tmp_path / "m.txt", text))
    assert article.date == "2024-03-05"
    assert article.title == "Перу и Чили договорились о торговле"
    # the body starts after the metadata prefix, and the text itself is kept whole (offsets stay valid)
    assert article.text == text
    assert 0 < article.body_start <= text.index("Перу")


@pytest.mark.parametrize(
    "line",
    [
        "Реклама: Подпишитесь на наш канал в Telegram",
        "На правах рекламы",
        "Реклама. ООО «Вектор», ИНН 7700000000",
        "Подписывайтесь на нас в Дзене",
        "📲 Подпишитесь на рассылку",
        "Читайте также: Премьер Перу прибыл в Лиму",
        "Смотрите также: Визит в Чили",
        "См. также: Переговоры в Лиме",
        "Следите за новостями в нашем канале",
        "Фото: пресс-служба МИД Перу",
        "Фотография — Reuters",
        "© AP Photo / Ana Ruiz",
    ],
    ids=readable,
)
def test_advert_subscription_read_also_and_credit_lines_are_boilerplate(line):
    text = f"Лима, 4 марта. Стороны подписали меморандум.\n{line}\nТекст продолжается."
    assert [text[a:b] for a, b in boilerplate_spans(text)] == [line]


@pytest.mark.parametrize(
    "line",
    [
        "Реклама табака запрещена в Перу.",
        "Фотовыставка открылась в Лиме.",
        "Подписание меморандума состоялось в Лиме.",
        "Смотритель музея рассказал о находке.",
        "«Подпишитесь под нашим обращением», — призвал министр.",
        "В субботу министр сказал: «Читайте договор внимательно».",
    ],
    ids=readable,
)
def test_news_lines_that_only_look_alike_are_not_boilerplate(line):
    assert boilerplate_spans(f"Стороны подписали меморандум.\n{line}") == []


def test_boilerplate_lines_stay_in_the_article_text(tmp_path):
    text = "Лима, 4 марта. Стороны подписали меморандум.\nРеклама: Подпишитесь на наш канал\nКонец."
    [article], _ = read(write(tmp_path / "r.txt", text))
    assert article.text == text  # only excluded from extraction, never cut out
    [(a, b)] = boilerplate_spans(article.text)
    assert article.text[a:b] == "Реклама: Подпишитесь на наш канал"


def test_date_line_does_not_override_a_jsonl_date(tmp_path):
    obj = {"id": "j", "text": "date 2024-03-05 Заголовок\nТекст.", "date": "2024-03-06"}
    [article], _ = read(write(tmp_path / "j.jsonl", json.dumps(obj, ensure_ascii=False) + "\n"))
    assert article.date == "2024-03-06"
    assert article.title == "Заголовок"


@pytest.mark.parametrize(
    ("first_line", "place", "date", "agency"),
    [
        ("ПЕКИН, 29 октября. /ТАСС/. Стороны обсудили поставки.", "Пекин", "--10-29", "ТАСС"),
        ("Москва, 3 марта /Синьхуа/ -- Стороны обсудили поставки.", "Москва", "--03-03", "Синьхуа"),
        (
            "ОСЛО, 7 мая 2021 г. /РИА Новости/. Стороны обсудили поставки.",
            "Осло",
            "2021-05-07",
            "РИА Новости",
        ),
        (
            "НУР-СУЛТАН, 12 января. /Казинформ/. Стороны обсудили поставки.",
            "Нур-Султан",
            "--01-12",
            "Казинформ",
        ),
    ],
    ids=readable,
)
def test_dateline_gives_place_date_and_agency(tmp_path, first_line, place, date, agency):
    [article], _ = read(write(tmp_path / "dl.txt", first_line + "\nВторой абзац."))
    assert (article.dateline_place, article.dateline_date, article.agency) == (place, date, agency)
    assert article.date is None  # a dateline's day is not a publication date without a year from elsewhere


def test_dateline_after_a_date_line(tmp_path):
    text = "date 2021-05-08 Заголовок\n\nМинск, 7 мая /БелТА/ -- Стороны обсудили поставки."
    [article], _ = read(write(tmp_path / "dd.txt", text))
    assert (article.date, article.dateline_place, article.dateline_date, article.agency) == (
        "2021-05-08",
        "Минск",
        "--05-07",
        "БелТА",
    )


def test_text_without_dateline_has_no_dateline_fields(tmp_path):
    text = "Просто текст. Москва, 3 марта, стороны встретились."
    [article], _ = read(write(tmp_path / "n.txt", text))
    assert (article.dateline_place, article.dateline_date, article.agency, article.date) == (
        None,
        None,
        None,
        None,
    )


# -- bad input: a Problem that names the file (and line) and what is wrong; reading goes on ----------------


def test_invalid_utf8_file_is_a_problem_and_reading_goes_on(tmp_path):
    write(tmp_path / "a_bad.txt", b"\xd0\x9f\xff\xfe broken")
    write(tmp_path / "b_good.txt", "Хороший текст.")
    articles, problems = read(tmp_path)
    assert [a.id for a in articles] == ["b_good"]
    [problem] = problems
    assert "a_bad.txt" in problem_text(problem)
    assert "UTF-8" in problem.reason


def test_empty_file_is_a_problem(tmp_path):
    write(tmp_path / "empty.txt", " \n\r\n")
    write(tmp_path / "full.txt", "Текст.")
    articles, problems = read(tmp_path)
    assert [a.id for a in articles] == ["full"]
    [problem] = problems
    assert "empty.txt" in problem_text(problem)
    assert "empty" in problem.reason.lower()


def test_unknown_suffix_is_a_problem_naming_the_file_and_suffix(tmp_path):
    bad = write(tmp_path / "article.docx", "Текст.")
    good = write(tmp_path / "ok.txt", "Текст.")
    articles, problems = read(bad, good)
    assert [a.id for a in articles] == ["ok"]
    [problem] = problems
    assert "article.docx" in problem_text(problem)
    assert ".docx" in problem.reason


def test_missing_path_is_a_problem(tmp_path):
    good = write(tmp_path / "ok.txt", "Текст.")
    missing = tmp_path / "nowhere" / "gone.txt"
    articles, problems = read(missing, good)
    assert [a.id for a in articles] == ["ok"]
    [problem] = problems
    assert "gone.txt" in problem_text(problem)
    assert "no such" in problem.reason.lower()


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ('{"id": "x", "text": "незакрытая строка}', ["invalid json"]),
        ('{"id": "x"}', ["text"]),
        ('{"id": "x", "text": 17}', ["text"]),
        ('{"text": "Нет id."}', ["id"]),
        ('{"id": "x", "text": "   "}', ["empty"]),
        ('["id", "text"]', ["object"]),
        ('{"id": "x", "text": "Текст.", "date": "5 марта"}', ["date"]),
    ],
    ids=readable,
)
def test_bad_jsonl_line_names_file_and_line_and_reading_goes_on(tmp_path, line, words):
    good1 = json.dumps({"id": "g1", "text": "Первый."}, ensure_ascii=False)
    good2 = json.dumps({"id": "g2", "text": "Третий."}, ensure_ascii=False)
    path = write(tmp_path / "feed.jsonl", f"{good1}\n{line}\n{good2}\n")
    articles, problems = read(path)
    assert [a.id for a in articles] == ["g1", "g2"]
    [problem] = problems
    assert "feed.jsonl:2" in problem_text(problem)
    for word in words:
        assert word in problem.reason.lower()


def test_invalid_utf8_jsonl_line_names_the_line(tmp_path):
    good = json.dumps({"id": "g", "text": "Текст."}, ensure_ascii=False).encode()
    path = write(tmp_path / "mixed.jsonl", b'{"id": "b", "text": "\xff"}\n' + good + b"\n")
    articles, problems = read(path)
    assert [a.id for a in articles] == ["g"]
    [problem] = problems
    assert "mixed.jsonl:1" in problem_text(problem)
    assert "UTF-8" in problem.reason


def test_duplicate_ids_keep_the_first_and_name_both_places(tmp_path):
    write(tmp_path / "a" / "same.txt", "Первый.")
    write(tmp_path / "b" / "same.txt", "Второй.")
    write(tmp_path / "c.jsonl", json.dumps({"id": "same", "text": "Третий."}, ensure_ascii=False) + "\n")
    articles, problems = read(tmp_path / "a", tmp_path / "b", tmp_path / "c.jsonl")
    assert [(a.id, a.text) for a in articles] == [("same", "Первый.")]
    assert len(problems) == 2
    for problem, where in zip(problems, ("b/same.txt", "c.jsonl:1")):
        text = problem_text(problem)
        assert where in text
        assert "duplicate" in text and "'same'" in text
        assert "a/same.txt" in text  # where the id was first seen


def test_empty_folder_is_a_problem(tmp_path):
    (tmp_path / "empty").mkdir()
    articles, problems = read(tmp_path / "empty")
    assert articles == []
    [problem] = problems
    assert "empty" in problem.where


# -- input as scrapers hand it over ----------------------------------------------------------------------------


@pytest.mark.parametrize("date", ["2025-13-01", "0000-01-01", "2025-02-29"])
def test_an_impossible_jsonl_date_skips_that_line_naming_it(tmp_path, date):
    path = tmp_path / "a.jsonl"
    lines = [
        {"id": "bad", "text": "Текст.", "date": date},
        {"id": "good", "text": "Текст.", "date": "2024-02-29"},
    ]
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    items = list(read_inputs([path]))
    assert isinstance(items[0], Problem) and items[0].where == f"{path}:1" and date in items[0].reason
    assert isinstance(items[1], Article) and items[1].date == "2024-02-29"


@pytest.mark.parametrize("encoding", ["cp1251", "koi8_r", "utf-16", "utf-8-sig"])
def test_russian_text_in_each_encoding_is_read_and_the_encoding_counted(tmp_path, encoding):
    text = "Министр иностранных дел Перу провела переговоры с коллегой из Чили."
    (tmp_path / "a.txt").write_bytes(text.encode(encoding))
    used = Counter()
    (article,) = read_inputs([tmp_path / "a.txt"], used=used)
    assert article.text == text and used == {encoding: 1}


def test_a_forced_encoding_is_used_and_a_wrong_one_named(tmp_path):
    (tmp_path / "a.txt").write_bytes("Пекин".encode("koi8_r"))
    (article,) = read_inputs([tmp_path / "a.txt"], encoding="koi8_r")
    assert article.text == "Пекин"
    (problem,) = read_inputs([tmp_path / "a.txt"], encoding="utf-8")
    assert isinstance(problem, Problem) and "not utf-8 text" in problem.reason


def test_a_jsonl_file_with_a_bom_keeps_its_first_line(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + '{"id": "1", "text": "Один."}\n{"id": "2", "text": "Два."}\n'.encode())
    assert [a.id for a in read_inputs([path])] == ["1", "2"]


def test_surrogates_noncharacters_and_controls_are_replaced_one_for_one(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(
        json.dumps({"id": "x\ud800", "text": "a\ud800b\uffffc\x07d\ufffe"}) + "\n", encoding="utf-8"
    )
    (article,) = read_inputs([path])
    assert article.text == "a\ufffdb\ufffdc d\ufffd" and article.id == "x\ufffd"


def test_cyrillic_file_names_give_distinct_articles_and_an_nfc_duplicate_is_reported(tmp_path):
    for name in ("визит.txt", "переговоры.txt", "cafe\u0301.txt", "caf\u00e9.txt"):
        (tmp_path / name).write_text("Текст.", encoding="utf-8")
    items = list(read_inputs([tmp_path]))
    articles = [a for a in items if isinstance(a, Article)]
    keys = {article_key(a.id) for a in articles}
    assert len(keys) == len(articles) == 3
    (dup,) = [p for p in items if isinstance(p, Problem)]
    assert "duplicate article id" in dup.reason


@pytest.mark.parametrize(
    ("a", "b"),
    [("визит", "переговоры"), ("новость", "статья"), ("a b", "a-b"), ("a/b", "a b"), ("Визит", "визит")],
)
def test_article_keys_never_meet(a, b):
    assert article_key(a) != article_key(b)
    assert article_key(a) == article_key(a)
