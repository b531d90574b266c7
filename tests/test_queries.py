"""Every query of ``queries/`` runs against the seeds build, and its answers say what the texts say."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from kg import sparql as ksparql
from kg import store as kstore
from kg.iri import article_key
from kg.sources import read_inputs
from kg.vocab import KGR_IRI

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ROOT / "queries"
SEEDS = ROOT / "seeds"
QUERY_FILES = sorted(QUERIES.glob("*.rq"))

pytestmark = pytest.mark.slow  # every test here needs the seeds build


@pytest.fixture(scope="module")
def seeds_store(seeds_build: Path):
    """The seeds build in the embedded store."""
    return kstore.open_target(seeds_build)


def run(store, name: str) -> ksparql.Result:
    """Run one library query as another store would: with only the prefixes it declares."""
    return kstore.query(store, (QUERIES / name).read_text(encoding="utf-8"), known_prefixes=False)


def article_iri(stem: str) -> str:
    """The IRI of a seeds article."""
    return KGR_IRI + article_key(stem)


def seed_stem(number: str) -> str:
    """The file stem of the seeds article with this number («001»)."""
    (path,) = SEEDS.glob(f"{number}_*.txt")
    return path.stem


# --- every query -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: p.name)
def test_query_is_documented_portable_and_answers(seeds_store, path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    header = []
    for line in text.splitlines():
        if not line.startswith("# "):
            break
        header.append(line)
    assert header and len(" ".join(header)) > 40, (
        f"{path.name} must start with '# ' lines saying what it answers"
    )
    result = run(seeds_store, path.name)
    assert result.kind == "select" and result.variables
    assert result.rows, f"{path.name} found nothing in the seeds build"
    assert len(set(result.rows)) == len(result.rows), f"{path.name} repeats rows"


def test_every_query_has_an_answer_check() -> None:
    assert {p.name for p in QUERY_FILES} == set(CHECKS)


# --- what each query must find ---------------------------------------------------------------------------


def check_who_met_whom(store) -> None:
    rows = run(store, "who_met_whom.rq").records()
    for row in rows:
        assert row["person1"] < row["person2"]
    chengdu = [r for r in rows if {r["person1"], r["person2"]} == {"Ван И", "Мурат Нуртлеу"}]
    assert chengdu and chengdu[0]["place"] == "Чэнду"
    # the bilateral meeting, once, with the ministerial it was held during (not that gathering as a row of its own)
    assert len(chengdu) == 1 and "Центральная Азия" in chengdu[0]["during"]
    assert chengdu[0]["article"] == article_iri(seed_stem("001"))
    pairs = [{r["person1"], r["person2"]} for r in rows]
    partners = {name for pair in pairs if "Ван И" in pair for name in pair - {"Ван И"}}
    assert {"Мурат Нуртлеу", "Мухтар Тлеуберди", "Ермек Кошербаев", "Касым-Жомарт Токаев"} <= partners
    beijing = [r for r in rows if "Ермек Кошербаев" in (r["person1"], r["person2"])]
    assert beijing[0]["place"] == "Пекин" and beijing[0]["date"] == "2025-10-28"


def check_person_posts(store) -> None:
    rows = run(store, "person_posts.rq").records()
    assert {r["person"] for r in rows} == {"Ван И"}
    minister = [r for r in rows if "министр иностранных дел" in r["post"]]
    assert minister and minister[0]["postIn"] == "Китай"
    assert minister[0]["articles"] >= 2  # he is called China's foreign minister in several articles


def check_post_holders(store) -> None:
    rows = run(store, "post_holders.rq").records()
    assert all("министр иностранных дел" in r["post"].lower() for r in rows)
    holders = {r["person"]: r["postIn"] for r in rows}
    assert holders.get("Ван И") == "Китай"
    assert holders.get("Мурат Нуртлеу") == "Казахстан"


def check_events_by_type_and_year(store) -> None:
    rows = run(store, "events_by_type_and_year.rq").records()
    done = "SELECT (COUNT(DISTINCT ?e) AS ?n) { ?e a dip:PartnershipEvent FILTER NOT EXISTS { ?e dip:status ?s } }"
    total = kstore.query(store, done).rows[0][0]
    assert sum(r["events"] for r in rows) == total  # every event reported as done, and only those
    every = kstore.query(store, "SELECT (COUNT(DISTINCT ?e) AS ?n) { ?e a dip:PartnershipEvent }").rows[0][0]
    assert total < every  # the seeds tell of one planned event, left out
    types = {r["eventType"].rpartition("#")[2] for r in rows}
    assert {"Talks", "Meeting"} <= types
    # Ван И met Кошербаев on 28 October; the article is dated 2025-10-29.
    assert any(r["eventType"].endswith("#Meeting") and r["year"] == 2025 for r in rows)


def check_initiative_support(store) -> None:
    rows = run(store, "initiative_support.rq").records()
    kazakhstan = [r for r in rows if r["state"] == "Казахстан"]
    assert kazakhstan and all(r["initiative"] for r in kazakhstan)
    # «Казахстан поддерживает выдвинутые Китаем инициативы …» is in article 000.
    assert any(article_iri(seed_stem("000")) in r["sources"].split() for r in kazakhstan)


def check_pair_figures(store) -> None:
    rows = run(store, "pair_figures.rq").records()
    trade = [r for r in rows if r["indicator"] == "TradeTurnover"]
    assert trade, rows
    fact = trade[0]
    assert float(fact["value"]) == pytest.approx(36.5e9)
    assert fact["unit"] == "USD"
    assert float(fact["changePercent"]) == pytest.approx(11.0)
    assert "10 месяцев" in (fact["period"] or "")
    assert "товарооборот" in fact["sentence"] and "36,5" in fact["sentence"]
    assert fact["article"] == article_iri(seed_stem("001"))


def check_initiative_events(store) -> None:
    rows = run(store, "initiative_events.rq").records()
    for row in rows:
        assert kstore.query(
            store,
            f'ASK {{ <{row["event"]}> dip:concerns ?i . ?i a dip:Initiative ; skos:prefLabel "{row["initiative"]}"@ru }}',
        ).boolean
    # Article 000: the programme of a thousand experts, and the support of China's initiatives.
    assert any(r["article"] == article_iri(seed_stem("000")) for r in rows)


def check_facts_with_sentences(store) -> None:
    rows = run(store, "facts_with_sentences.rq").records()
    texts = {article_iri(a.id): a.text for a in read_inputs([SEEDS]) if hasattr(a, "text")}
    for row in rows:
        text = texts[row["article"]]
        assert text[row["begin"] : row["end"]] == row["sentence"], row
    assert {"event", "figure", "post holding"} <= {r["kind"] for r in rows}


def check_pair_timeline(store) -> None:
    rows = run(store, "pair_timeline.rq").records()
    met = kstore.query(
        store,
        "SELECT DISTINCT ?e { ?e dip:hasParticipant ?a, ?b . ?a skos:prefLabel 'Ван И'@ru ."
        " ?b skos:prefLabel 'Мурат Нуртлеу'@ru }",
    ).column("e")
    assert met and set(met) <= {r["event"] for r in rows}
    dated = [r["date"] for r in rows if r["date"] and r["date"][:1].isdigit() and len(r["date"]) == 10]
    assert dated == sorted(dated)
    assert all(r["score"] is not None for r in rows), "every event type carries a dip:cooperationScore"


def check_pair_cooperation_by_month(store) -> None:
    rows = run(store, "pair_cooperation_by_month.rq").records()
    scores = {r["event"]: r["score"] for r in run(store, "pair_timeline.rq").records()}
    expected_count: dict[str, int] = defaultdict(int)
    expected_sum: dict[str, Decimal] = defaultdict(Decimal)
    for event, score in scores.items():
        full = kstore.query(store, f"SELECT ?d {{ <{event}> dip:date ?d }}").column("d")
        if full:
            month = full[0].isoformat()[:7]
            expected_count[month] += 1
            expected_sum[month] += Decimal(str(score))
    assert {r["month"]: r["events"] for r in rows} == dict(expected_count)
    assert {r["month"]: Decimal(str(r["cooperation"])) for r in rows} == dict(expected_sum)
    assert "2025-10" in expected_count


CHECKS: dict[str, Callable[[object], None]] = {
    "who_met_whom.rq": check_who_met_whom,
    "person_posts.rq": check_person_posts,
    "post_holders.rq": check_post_holders,
    "events_by_type_and_year.rq": check_events_by_type_and_year,
    "initiative_support.rq": check_initiative_support,
    "pair_figures.rq": check_pair_figures,
    "initiative_events.rq": check_initiative_events,
    "facts_with_sentences.rq": check_facts_with_sentences,
    "pair_timeline.rq": check_pair_timeline,
    "pair_cooperation_by_month.rq": check_pair_cooperation_by_month,
}


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_query_answers(seeds_store, name: str) -> None:
    CHECKS[name](seeds_store)
