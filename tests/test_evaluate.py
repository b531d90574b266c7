"""Scoring against references: names, seeds gold, factRuEval NER and facts, the `kg evaluate` command."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest

from kg.evaluate.common import EvaluationError
from kg.evaluate.factru import evaluate_predictions, load_gold, score_facts, score_ner
from kg.evaluate.metrics import Score
from kg.evaluate.run import evaluate
from kg.evaluate.seeds import evaluate_build
from kg.evaluate.text import names_match, roles_match

# references written for these tests (tests/data/LICENSE.md): three invented documents in each format
DATA = Path(__file__).resolve().parent / "data"
GOLD_PATH = DATA / "eval-gold.json"
FACTRU_PATH = DATA / "eval-factru.jsonl"
GOLD = json.loads(GOLD_PATH.read_text(encoding="utf-8"))


def write_jsonl(path: Path, docs: list[dict]) -> Path:
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Паулу Сантусом", "Паулу Сантус", True),
        ("Хольмберга", "Хольмберг", True),
        ("Жумабаева", "Жумабаев", True),  # the first parses differ («жумабай»); another parse agrees
        ("Анны-Марии Ларсен", "Анна-Мария Ларсен", True),
        ("Санкт-Петербурге", "Санкт-Петербург", True),
        ("Шэньчжэне", "Шэньчжэнь", True),  # unknown to pymorphy3: the same stem
        ("«Северный ветер — южный берег»", "Северный ветер, южный берег", True),
        ("Гётеборге", "Гетеборг", True),
        ("ФРГ", "фрг", True),
        ("МИД", "МИД Бразилии", False),
        ("Бразилии", "Боливия", False),
        ("Ирак", "Иран", False),
    ],
)
def test_names_match_any_inflection(a: str, b: str, same: bool) -> None:
    assert names_match(a, b) is same
    assert names_match(b, a) is same


@pytest.mark.parametrize(
    ("gold", "predicted", "same"),
    [
        ("председатель", "председатель правления", True),
        ("министр финансов", "министром финансов Бразилии", True),
        ("вице-премьер — министр финансов", "министр финансов", True),
        ("член правления", "член", True),
        ("президент", "министр финансов", False),
        ("министр финансов", "министр обороны", False),
    ],
)
def test_roles_match_loosely(gold: str, predicted: str, same: bool) -> None:
    assert roles_match(gold, predicted) is same


# --- seeds-style gold -------------------------------------------------------------------------------------


def mention(eid: str, etype: str, label: str, text: str | None = None) -> dict:
    return {"id": eid, "type": etype, "label": label, "text": text or label, "start": 0, "end": 1}


def ref(eid: str, etype: str, label: str) -> dict:
    return {"id": eid, "type": etype, "label": label}


SANTOS = ref("p/santos", "Person", "Паулу Сантусом")  # an inflected label still names the gold entity
LARSEN = ref("p/lar", "Person", "Ларсен")
BRAZIL = ref("s/br", "State", "Бразилия")
HOLMBERG = ref("p/hol", "Person", "Томас Хольмберг")
LISBON = ref("pl/lisbon", "Place", "Лиссабон")


def extraction_docs() -> list[dict]:
    doc0 = {
        "id": "000_abc",
        "entities": [
            mention("p/santos", "Person", "Паулу Сантусом"),
            mention("p/lar", "Person", "Ларсен", "Анны-Марии Ларсен"),
            mention("s/br", "State", "Бразилия", "ФРБ"),
            mention("o/smi", "Organization", "СМИ"),  # must not be an actor
            mention("o/mfa", "Organization", "МИД Чили"),
            mention("o/mfa", "Organization", "МИД Чили", "МИД"),  # a forbidden surface of a right entity
            mention("pl/sc", "Place", "Скандинавия", "Скандинавии"),  # optional: neither right nor wrong
            mention("pl/lisbon", "Place", "Лиссабон", "Лиссабоне"),  # not in the gold
        ],
        "positions": [
            {
                "person": SANTOS,
                "role": "президент",
                "post_label": "президент ФРБ",
                "of": ref("", "State", "ФРБ"),
            },
            {"person": LARSEN, "role": "президент", "post_label": "президент ФРБ", "of": BRAZIL},
        ],
        "events": [
            {
                "type": "Talks",
                "participants": [SANTOS, LARSEN, BRAZIL, LISBON],
                "date": "2021-03-14",
                "partial_date": None,
                "place": ref("pl/spb", "Place", "Санкт-Петербург"),
            },
            {"type": "Meeting", "participants": [SANTOS], "date": None, "partial_date": None, "place": None},
            {
                "type": "AidDelivery",
                "participants": [BRAZIL],
                "date": None,
                "partial_date": None,
                "place": None,
            },
        ],
        "facts": [
            {
                "indicator": "TradeTurnover",
                "value": 40e9,
                "unit": "USD",
                "period": None,
                "change_percent": None,
            },
            {
                "indicator": "TradeTurnover",
                "value": 12.45e9,
                "unit": "USD",
                "period": "за 9 месяцев",
                "change_percent": 7.0,
                "between": [BRAZIL],
            },
        ],
    }
    doc1 = {"id": "001_def", "entities": [mention("pl/spb", "Place", "Санкт-Петербург", "Санкт-Петербурге")]}
    doc2 = {
        "id": "002_ghi",
        "entities": [mention("p/hol", "Person", "Томас Хольмберг", "Хольмбергом")],
        "positions": [{"person": HOLMBERG, "role": "министр финансов", "post_label": "министр финансов"}],
        "events": [{"type": "Meeting", "participants": [HOLMBERG]}],
    }
    other = {"id": "999_x", "entities": [mention("o/zzz", "Organization", "Неизвестная организация")]}
    return [doc0, doc1, doc2, other]


ALL_DOCS = {"000_abc": "000", "001_def": "001", "002_ghi": "002"}  # extraction id -> gold document


@pytest.fixture
def seeds_report(tmp_path: Path):
    write_jsonl(tmp_path / "extractions.jsonl", extraction_docs())
    return evaluate_build(tmp_path, GOLD_PATH)


def test_documents_are_matched_by_numeric_prefix(seeds_report) -> None:
    assert seeds_report.docs == ALL_DOCS
    assert seeds_report.skipped_docs == ("999_x",)


def test_inflected_label_counts_for_gold_person(seeds_report) -> None:
    assert seeds_report.entities.by_type["Person"] == Score(3, 3, 3, 3)


def test_must_not_be_actor_is_a_false_positive(seeds_report) -> None:
    org = seeds_report.entities.by_type["Organization"]
    # СМИ (a forbidden label) and the surface «МИД» inside a right entity are wrong; МИД Чили is right
    assert (org.tp, org.predicted, org.gold) == (1, 3, 1)
    flagged = {(i.label, i.note.split(" ")[0]) for i in seeds_report.entities.false_positives}
    assert {("СМИ", "must_not_be_actor"), ("МИД", "must_not_be_actor")} <= flagged


def test_optional_entities_do_not_count_and_same_as_is_one(seeds_report) -> None:
    place = seeds_report.entities.by_type["Place"]
    # Санкт-Петербург is right, Лиссабон wrong, Скандинавия (optional) left out; Ленинград = Санкт-Петербург
    # is one gold entity
    assert (place.tp, place.predicted, place.gold) == (1, 2, 1)
    assert place.precision == 0.5 and place.recall == 1.0
    assert [i.label for i in seeds_report.entities.optional_found] == ["Скандинавия"]
    assert not seeds_report.entities.misses
    # the build's extra document is not scored
    assert "Неизвестная организация" not in {i.label for i in seeds_report.entities.false_positives}


def test_state_alias_inside_a_name(tmp_path: Path) -> None:
    org = [
        mention("o/1", "Organization", "МИД Республики Чили", "МИДом Чили"),
        mention("o/2", "Organization", "МИД ФРБ"),
    ]
    write_jsonl(tmp_path / "extractions.jsonl", [{"id": "000", "entities": org}])
    ents = evaluate_build(tmp_path, GOLD_PATH).entities
    # «МИД Республики Чили» is a gold alias; «МИД ФРБ» names a ministry the gold does not list (ФРБ is Brazil)
    assert [i.label for i in ents.false_positives] == ["МИД ФРБ"]
    assert ents.by_type["Organization"].tp == 1


def test_micro_entities(seeds_report) -> None:
    m = seeds_report.entities.micro
    assert (m.tp, m.predicted, m.gold) == (6, 9, 6)
    assert m.f1 == pytest.approx(2 * (6 / 9) / (6 / 9 + 1))


def test_positions_need_person_of_and_role(seeds_report) -> None:
    pos = seeds_report.positions
    assert (pos.score.tp, pos.score.predicted, pos.score.gold) == (2, 3, 2)
    assert [i.label for i in pos.false_positives] == ["Ларсен: президент ФРБ"]


def test_events_match_type_participants_date_place(seeds_report) -> None:
    ev = seeds_report.events
    # Talks matches (Бразилия is the state of Сантус's post; Лиссабон is the one extra allowed); the Meeting
    # of 000 is wrong, the one of 002 right; AidDelivery matches an optional gold event and is not counted
    assert (ev.score.tp, ev.score.predicted, ev.score.gold) == (2, 3, 2)
    assert ev.accuracy("date") == (1, 1)
    assert ev.accuracy("place") == (1, 1)
    assert [i.kind for i in ev.false_positives] == ["Meeting"]


def test_event_with_two_extra_participants_does_not_match(tmp_path: Path) -> None:
    crowd = [SANTOS, LARSEN, LISBON, ref("x", "Organization", "СМИ")]
    write_jsonl(
        tmp_path / "extractions.jsonl",
        [
            {
                "id": "000",
                "entities": [],
                "events": [
                    {"type": "Talks", "participants": crowd},
                    {"type": "Meeting", "participants": [SANTOS, LARSEN]},
                ],
            }
        ],
    )
    ev = evaluate_build(tmp_path, GOLD_PATH).events
    # the gold document 002 has no extraction: its meeting is missed too
    assert (ev.score.tp, ev.score.predicted, ev.score.gold) == (0, 2, 2)
    assert [i.label.split(":")[0] for i in ev.misses] == ["talks", "visit"]


@pytest.mark.parametrize("context", ["встреча министров формата «А — Б»", None])
def test_a_gathering_the_gold_does_not_list_is_a_false_positive(tmp_path: Path, context) -> None:
    # the talks are held in a predicted gathering (sub_event_of); the gold lists only the talks, naming the
    # gathering in their «context» or not at all: either way the gathering is a prediction the gold lacks
    gold_events = [dict(GOLD["events"][0], **({"context": context} if context else {}))]
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps({**GOLD, "events": gold_events}, ensure_ascii=False), encoding="utf-8")
    events = [
        {"id": "e/1", "type": "Meeting", "participants": [SANTOS, LARSEN]},
        {"id": "e/2", "type": "Talks", "participants": [SANTOS, LARSEN], "sub_event_of": "e/1"},
    ]
    write_jsonl(tmp_path / "extractions.jsonl", [{"id": "000", "entities": [], "events": events}])
    ev = evaluate_build(tmp_path, gold).events
    assert (ev.score.tp, ev.score.predicted, ev.score.gold) == (1, 2, 1)
    assert [i.kind for i in ev.false_positives] == ["Meeting"]


def test_fact_checks_pick_the_closest_prediction(seeds_report) -> None:
    (fact,) = seeds_report.facts
    assert fact.ok, fact.rows
    assert {r[0] for r in fact.rows} == {"indicator", "value", "unit", "period", "change_percent", "between"}


def test_fact_value_off_by_one_percent_fails(tmp_path: Path) -> None:
    write_jsonl(
        tmp_path / "extractions.jsonl",
        [
            {
                "id": "000",
                "entities": [],
                "facts": [
                    {
                        "indicator": "TradeTurnover",
                        "value": 12.4e9 * 1.01,
                        "unit": "USD",
                        "period": "9 месяцев",
                        "change_percent": 7,
                    }
                ],
            }
        ],
    )
    (fact,) = evaluate_build(tmp_path, GOLD_PATH).facts
    assert {r[0]: r[3] for r in fact.rows}["value"] is False
    assert {r[0]: r[3] for r in fact.rows}["period"] is True


# --- factRuEval-style gold ----------------------------------------------------------------------------------

FACTRU_DOCS = [json.loads(line) for line in FACTRU_PATH.read_text(encoding="utf-8").splitlines()]
TEXT = FACTRU_DOCS[0]["text"]


def span(text: str, start_at: int = 0) -> tuple[int, int]:
    start = TEXT.index(text, start_at)
    return start, start + len(text)


def factru_doc() -> dict:
    """The first document of the factRuEval-format file: an Occupation (Мяги, Министр финансов, Эстонии) and a
    Meeting (Мяги, Ферро)."""
    return copy.deepcopy(FACTRU_DOCS[0])


def ent(text: str, etype: str) -> dict:
    s, e = span(text)
    return {"start": s, "end": e, "type": etype}


def test_exact_ner_scores_known_numbers() -> None:
    gold = {"doc1": factru_doc()}
    pred = {
        "doc1": {
            "id": "doc1",
            "entities": [
                ent("Карл Мяги", "Person"),  # right
                ent("Лукасом Ферро", "Organization"),  # wrong type
                ent("Эстонии", "State"),  # right: State is LOC
                ent("Министр", "Initiative"),  # dropped: factRuEval has no such type
            ],
        }
    }
    s = score_ner(gold, pred, "exact")
    assert (s["PER"].tp, s["PER"].predicted, s["PER"].gold) == (1, 1, 2)
    assert (s["ORG"].tp, s["ORG"].predicted, s["ORG"].gold) == (0, 1, 0)
    assert (s["LOC"].tp, s["LOC"].predicted, s["LOC"].gold) == (1, 1, 2)
    assert s["micro"].precision == pytest.approx(2 / 3)
    assert s["micro"].recall == pytest.approx(2 / 4)
    assert s["micro"].f1 == pytest.approx(4 / 7)


def test_overlap_ner_is_one_to_one_on_shared_tokens() -> None:
    gold = {"doc1": factru_doc()}
    pred = {
        "doc1": {
            "id": "doc1",
            "entities": [
                ent("Карл", "PER"),
                ent("Мяги", "PER"),  # both overlap one gold span: one counts
                ent("Лиссабон", "LOC"),  # shares the token «Лиссабоне» (not exact)
                ent("встретился", "LOC"),  # overlaps nothing
            ],
        }
    }
    exact = score_ner(gold, pred, "exact")
    overlap = score_ner(gold, pred, "overlap")
    assert exact["micro"].tp == 0
    assert (overlap["PER"].tp, overlap["PER"].predicted) == (1, 2)
    assert (overlap["LOC"].tp, overlap["LOC"].predicted) == (1, 2)
    assert overlap["micro"].recall == pytest.approx(2 / 4)


def test_missing_prediction_document_costs_recall() -> None:
    gold = {"doc1": factru_doc(), "doc2": dict(factru_doc(), id="doc2")}
    pred = {"doc1": {"id": "doc1", "entities": factru_doc()["entities"]}}
    s = score_ner(gold, pred, "exact")["micro"]
    assert (s.precision, s.recall) == (1.0, 0.5)


def test_occupation_strict_and_lenient_and_meeting() -> None:
    who, geo, guest = (span(t) for t in ("Карл Мяги", "Эстонии", "Лукасом Ферро"))
    post = span("Министр финансов")
    person = {"start": who[0], "end": who[1]}
    evidence = {"start": post[0], "end": who[1]}
    pred = {
        "doc1": {
            "id": "doc1",
            "entities": [],
            "positions": [
                # right person and post, but «of» points at the wrong place: lenient only
                {
                    "person": person,
                    "role": "министр финансов",
                    "of": {"start": span("Лиссабоне")[0], "end": len(TEXT) - 1},
                    "evidence": evidence,
                },
            ],
            "events": [
                {"type": "Talks", "participants": [person, {"start": guest[0], "end": guest[1]}]},
                {"type": "Meeting", "participants": [person]},
            ],
        }
    }
    f = score_facts({"doc1": factru_doc()}, pred)
    assert (f.occupation_lenient.tp, f.occupation_lenient.predicted, f.occupation_lenient.gold) == (1, 1, 1)
    assert f.occupation_strict.tp == 0
    assert (f.meeting.tp, f.meeting.predicted, f.meeting.gold) == (1, 2, 1)
    pred["doc1"]["positions"][0]["of"] = {"start": geo[0], "end": geo[1]}
    assert score_facts({"doc1": factru_doc()}, pred).occupation_strict.tp == 1
    pred["doc1"]["positions"][0]["role"] = "посол"  # the same words, another post
    assert score_facts({"doc1": factru_doc()}, pred).occupation_lenient.tp == 0


def test_occupation_role_span_must_overlap_the_gold_post() -> None:
    # the sentence overlaps the gold post, but the words said to name the post do not: no match
    who, geo = span("Карл Мяги"), span("Эстонии")
    post = span("Министр финансов")
    position = {
        "person": {"start": who[0], "end": who[1]},
        "role": "министр финансов",
        "of": {"start": geo[0], "end": geo[1]},
        "evidence": {"start": 0, "end": len(TEXT)},
        "role_span": {"start": who[0], "end": who[1]},
    }
    pred = {"doc1": {"id": "doc1", "entities": [], "positions": [position]}}
    assert score_facts({"doc1": factru_doc()}, pred).occupation_lenient.tp == 0
    position["role_span"] = {"start": post[0], "end": post[1]}
    f = score_facts({"doc1": factru_doc()}, pred)
    assert (f.occupation_lenient.tp, f.occupation_strict.tp) == (1, 1)
    position["role_span"] = None  # an older prediction without role_span: the evidence sentence stands in
    assert score_facts({"doc1": factru_doc()}, pred).occupation_strict.tp == 1


def test_factru_gold_scored_against_itself() -> None:
    gold = load_gold(FACTRU_PATH)
    perfect = {i: {"id": i, "entities": d["entities"]} for i, d in gold.items()}
    report = evaluate_predictions(gold, perfect)
    for mode in ("exact", "overlap", "token"):
        assert report.ner[mode]["micro"].f1 == 1.0
    half = {i: {"id": i, "entities": d["entities"][::2]} for i, d in gold.items()}
    micro = evaluate_predictions(gold, half).ner["exact"]["micro"]
    assert micro.precision == 1.0
    assert micro.recall == pytest.approx(6 / 10)  # every other span of 4 + 3 + 3


# --- the command --------------------------------------------------------------------------------------------


@pytest.fixture
def runner():
    from typer.testing import CliRunner

    return CliRunner()


def invoke(runner, *args: str):
    from kg.cli import app

    return runner.invoke(app, ["evaluate", *map(str, args)], env={"COLUMNS": "200"})


def test_cli_scores_a_build_folder(runner, tmp_path: Path) -> None:
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps(GOLD, ensure_ascii=False), encoding="utf-8")
    build = tmp_path / "out"
    build.mkdir()
    write_jsonl(build / "extractions.jsonl", extraction_docs())
    result = invoke(runner, build, "--gold", gold)
    assert result.exit_code == 0, result.output
    assert "Entities" in result.stdout
    person_row = next(line for line in result.stdout.splitlines() if "Person" in line and "1.000" in line)
    assert person_row.count("1.000") == 3
    assert "СМИ" in result.stdout and "must_not_be_actor" in result.stdout
    assert "TradeTurnover" in result.stdout


def test_cli_build_without_gold_is_an_error(runner, tmp_path: Path) -> None:
    write_jsonl(tmp_path / "extractions.jsonl", extraction_docs())
    result = invoke(runner, tmp_path)
    assert result.exit_code == 1
    assert "Error:" in result.stderr and "--gold" in result.stderr and "extractions.jsonl" in result.stderr


@pytest.mark.parametrize("content", [None, '{"hello": 1}\n'])
def test_cli_missing_or_unknown_target(runner, tmp_path: Path, content: str | None) -> None:
    target = tmp_path / "thing.jsonl"
    if content is not None:
        target.write_text(content, encoding="utf-8")
    result = invoke(runner, target)
    assert result.exit_code == 1
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("Error:") and "thing.jsonl" in line


def test_cli_scores_predictions_against_factru_gold(runner, tmp_path: Path) -> None:
    gold = write_jsonl(tmp_path / "gold.jsonl", [factru_doc()])
    pred = write_jsonl(tmp_path / "pred.jsonl", [{"id": "doc1", "entities": factru_doc()["entities"][:2]}])
    result = invoke(runner, pred, "--gold", gold)
    assert result.exit_code == 0, result.output
    assert "NER, exact" in result.stdout and "Occupation" in result.stdout
    micro_row = next(line for line in result.stdout.splitlines() if "micro" in line)
    assert "0.500" in micro_row  # recall: two of the four gold spans


def _occupation_doc(post_role: str = "Position", alternative: str | None = None, where: bool = True) -> dict:
    """The Мяги fact with its post under another role, an alternative post span, or no Where."""
    doc = factru_doc()
    fact = doc["facts"][0]
    post = next(a for a in fact["args"] if a["role"] == "Position")
    post["role"] = post_role
    if alternative is not None:
        s, e = span(alternative)
        post["alternatives"] = [{"ref": "span10", "start": s, "end": e, "text": alternative}]
        # the main span is «Министр» alone; only the longer alternative holds «финансов»
        post.update(start=0, end=7, text=TEXT[0:7])
    if not where:
        fact["args"] = [a for a in fact["args"] if a["role"] != "Where"]
    return doc


def _one_position(role: str, role_span: str, of: str | None) -> dict:
    who = span("Карл Мяги")
    rs = span(role_span)
    return {
        "doc1": {
            "id": "doc1",
            "entities": [],
            "positions": [
                {
                    "person": {"start": who[0], "end": who[1]},
                    "role": role,
                    "of": None if of is None else dict(zip(("start", "end"), span(of))),
                    "evidence": {"start": 0, "end": len(TEXT)},
                    "role_span": {"start": rs[0], "end": rs[1], "text": role_span},
                }
            ],
        }
    }


@pytest.mark.parametrize(
    ("gold_kwargs", "role", "role_span", "of", "lenient", "strict"),
    [
        # Job is the data set's other name of the post argument
        ({"post_role": "Job"}, "министр финансов", "Министр финансов", "Эстонии", 1, 1),
        # an alternative post span («финансов» lies only in the longer alternative) counts, and its words do:
        # «финансы» is not in the main span «Министр»
        ({"alternative": "Министр финансов Эстонии"}, "финансы", "финансов", "Эстонии", 1, 1),
        # without the alternative, the same prediction names no word or span of the post
        ({}, "финансы", "Мяги", "Эстонии", 0, 0),
        # a fact without Where: strict needs no «of»
        ({"where": False}, "министр финансов", "Министр", None, 1, 1),
        # a fact with Where: strict wants it
        ({}, "министр финансов", "Министр", None, 1, 0),
        # the words as written in the role span count too («главой Минфина» read as «министр финансов»)
        ({"post_role": "Job"}, "посол", "Министр", "Эстонии", 1, 1),
        # a role sharing no word with the post, said in words outside it, does not match
        ({"post_role": "Job"}, "посол", "Мяги", "Эстонии", 0, 0),
    ],
)
def test_occupation_post_argument_forms(gold_kwargs, role, role_span, of, lenient, strict) -> None:
    f = score_facts({"doc1": _occupation_doc(**gold_kwargs)}, _one_position(role, role_span, of))
    assert (f.occupation_lenient.tp, f.occupation_strict.tp) == (lenient, strict)


# --- halves: --docs even|odd -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("half", "docs", "skipped", "person", "place", "events", "facts"),
    [
        # 000 and 002: Санкт-Петербург is predicted only in 001, so Ленинград = Санкт-Петербург is missed
        ("even", {"000_abc": "000", "002_ghi": "002"}, (), (3, 3, 3), (0, 1, 1), (2, 3, 2), 1),
        # 001: only Санкт-Петербург is gold; 999_x is odd and named by no gold document
        ("odd", {"001_def": "001"}, ("999_x",), (0, 0, 0), (1, 1, 1), (0, 0, 0), 0),
        ("all", dict(ALL_DOCS), ("999_x",), (3, 3, 3), (1, 2, 1), (2, 3, 2), 1),
    ],
)
def test_seeds_format_halves_by_document_number(
    tmp_path, half, docs, skipped, person, place, events, facts
) -> None:
    write_jsonl(tmp_path / "extractions.jsonl", extraction_docs())
    report = evaluate_build(tmp_path, GOLD_PATH, half)

    def counts(s: Score) -> tuple[int, int, int]:
        return s.tp, s.predicted, s.gold

    assert report.half == half
    assert (report.docs, report.skipped_docs) == (docs, skipped)
    assert counts(report.entities.by_type["Person"]) == person
    assert counts(report.entities.by_type["Place"]) == place
    assert counts(report.events.score) == events
    assert len(report.facts) == facts


def test_an_entity_named_only_in_the_other_half_is_optional(tmp_path: Path) -> None:
    # Хольмберг is named in 002 only: in the odd half he is no gold entity, so naming him in 001 is neither
    # right nor wrong
    doc = {"id": "001", "entities": [mention("p/hol", "Person", "Томас Хольмберг")]}
    write_jsonl(tmp_path / "extractions.jsonl", [doc])
    ents = evaluate_build(tmp_path, GOLD_PATH, "odd").entities
    assert (ents.by_type["Person"].predicted, ents.by_type["Person"].gold) == (0, 0)
    assert [i.label for i in ents.optional_found] == ["Томас Хольмберг"]


def test_a_half_needs_numbered_document_keys(tmp_path: Path) -> None:
    gold = tmp_path / "gold.json"
    entities = [dict(GOLD["entities"][0], docs=["intro"])]
    gold.write_text(json.dumps({"entities": entities}, ensure_ascii=False), encoding="utf-8")
    write_jsonl(tmp_path / "extractions.jsonl", [{"id": "intro", "entities": []}])
    assert evaluate_build(tmp_path, gold).docs == {"intro": "intro"}
    with pytest.raises(EvaluationError, match="'intro' has no number"):
        evaluate_build(tmp_path, gold, "even")
    with pytest.raises(EvaluationError, match="unknown half 'first'"):
        evaluate_build(tmp_path, gold, "first")


@pytest.mark.parametrize(
    ("half", "docs", "ner_gold", "occupations", "meetings"),
    [("even", 2, 4 + 3, 2, 1), ("odd", 1, 3, 1, 0), ("all", 3, 10, 3, 1)],
)
def test_factru_halves_by_position_in_the_file(half, docs, ner_gold, occupations, meetings) -> None:
    gold = load_gold(FACTRU_PATH)
    perfect = {i: {"id": i, "entities": d["entities"]} for i, d in gold.items()}
    report = evaluate_predictions(gold, perfect, str(FACTRU_PATH), half)
    assert (report.half, report.docs, report.predicted_docs) == (half, docs, docs)
    micro = report.ner["exact"]["micro"]
    assert (micro.tp, micro.predicted, micro.gold) == (ner_gold, ner_gold, ner_gold)
    assert (report.facts.occupation_strict.gold, report.facts.meeting.gold) == (occupations, meetings)


def test_factru_half_leaves_out_the_other_halfs_predictions() -> None:
    gold = load_gold(FACTRU_PATH)
    only_second = {"doc2": {"id": "doc2", "entities": gold["doc2"]["entities"]}}
    even = evaluate_predictions(gold, only_second, half="even").ner["exact"]["micro"]
    odd = evaluate_predictions(gold, only_second, half="odd").ner["exact"]["micro"]
    assert (even.tp, even.predicted, even.gold) == (0, 0, 7)
    assert odd.f1 == 1.0


@pytest.mark.parametrize("half", ["even", "odd"])
def test_cli_says_which_half_was_scored(runner, tmp_path: Path, half: str) -> None:
    pred = write_jsonl(tmp_path / "pred.jsonl", [{"id": "doc1", "entities": factru_doc()["entities"]}])
    result = invoke(runner, pred, "--gold", FACTRU_PATH, "--docs", half)
    assert result.exit_code == 0, result.output
    assert f"the {half} half" in result.stdout.splitlines()[0]
    build = tmp_path / "out"
    build.mkdir()
    write_jsonl(build / "extractions.jsonl", extraction_docs())
    result = invoke(runner, build, "--gold", GOLD_PATH, "--docs", half)
    assert result.exit_code == 0, result.output
    assert f"the {half} half" in result.stdout.splitlines()[0]


def test_cli_rejects_an_unknown_half(runner, tmp_path: Path) -> None:
    result = invoke(runner, FACTRU_PATH, "--docs", "first")
    assert result.exit_code == 2
    assert "first" in result.output


@pytest.mark.slow
def test_pipeline_runs_on_one_half_of_factru_gold() -> None:
    report = evaluate(FACTRU_PATH, half="odd")
    assert (report.half, report.docs, report.predicted_docs) == ("odd", 1, 1)


@pytest.mark.parametrize(
    ("kind", "item", "message"),
    [
        ("events", {"id": "e", "type": "Talks", "participants": ["santos"]}, "events[0]: missing 'doc'"),
        ("positions", {"person": "santos", "docs": ["000"]}, "positions[0]: missing 'role'"),
        (
            "facts",
            {"doc": "000", "type": "TradeTurnover", "value": 1, "between": ["peru"]},
            "'peru' is no gold",
        ),
        ("events", ["not", "an", "object"], "events[0]: expected an object"),
    ],
)
def test_a_malformed_gold_item_is_named(tmp_path: Path, kind: str, item, message: str) -> None:
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps({**GOLD, kind: [item]}, ensure_ascii=False), encoding="utf-8")
    write_jsonl(tmp_path / "extractions.jsonl", extraction_docs())
    with pytest.raises(EvaluationError, match=re.escape(message)):
        evaluate_build(tmp_path, gold)


@pytest.mark.parametrize(
    ("fault", "readable"),
    [
        ({"id": None}, False),
        ({"start": None}, False),
        ({"discontinuous": True, "spans": [{"start": 1}]}, False),
        (
            {"discontinuous": True, "spans": [{"start": 1, "end": 3}], "start": None},
            True,
        ),  # read by its parts
        ({"text": None}, True),  # the scorer does not read a mention's text
    ],
)
def test_a_factru_mention_without_offsets_is_named(tmp_path: Path, fault: dict, readable: bool) -> None:
    doc = factru_doc()
    mention = doc["mentions"][1]
    for key, value in fault.items():
        if value is None:
            del mention[key]
        else:
            mention[key] = value
    path = write_jsonl(tmp_path / "gold.jsonl", [doc])
    if readable:
        assert list(load_gold(path)) == ["doc1"]
    else:
        with pytest.raises(EvaluationError, match=re.escape("document 1: mentions[1]: needs 'id'")):
            load_gold(path)
