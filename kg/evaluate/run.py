"""What `kg evaluate` scores, told apart by the target's content, and the pipeline run for factRuEval gold."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from kg.evaluate.common import EvaluationError, check_half, first_object
from kg.evaluate.factru import (
    FactRuReport,
    evaluate_predictions,
    half_of,
    is_factru_gold,
    load_gold,
    load_predictions,
    predict,
)
from kg.evaluate.seeds import SeedsReport, evaluate_build


def _is_seeds_gold(obj: object) -> bool:
    return (
        isinstance(obj, dict)
        and isinstance(obj.get("entities"), list)
        and "text" not in obj
        and "id" not in obj
    )


def _is_prediction(obj: object) -> bool:
    return (
        isinstance(obj, dict) and "id" in obj and isinstance(obj.get("entities"), list) and "text" not in obj
    )


def run_pipeline(
    gold_path: Path,
    model: str | None = None,
    progress: Callable[[int], None] | None = None,
    only: set[str] | None = None,
) -> dict[str, dict]:
    """Extract the articles of a factRuEval JSONL file (those whose id is in ``only``, when given) with the kg
    pipeline; prediction documents by id."""
    # imported here: loading the pipeline is slow and only this path needs it
    from kg.extract import extract_records
    from kg.pipeline import build_nlp
    from kg.sources import Problem, read_inputs

    articles, problems = [], []
    for item in read_inputs([gold_path]):
        if isinstance(item, Problem):
            problems.append(item)
        elif only is None or item.id in only:
            articles.append(item)
    if problems:
        raise EvaluationError(f"{problems[0].where}: {problems[0].reason}")
    out = {}
    for n, doc in enumerate(predict(articles, build_nlp(model), extract_records), 1):
        out[doc["id"]] = doc
        if progress:
            progress(n)
    return out


def write_predictions(predictions: dict[str, dict], path: Path) -> None:
    """Write prediction documents as JSONL, one a line, sorted by id."""
    try:
        with path.open("w", encoding="utf-8") as handle:
            for doc_id in sorted(predictions):
                handle.write(json.dumps(predictions[doc_id], ensure_ascii=False, sort_keys=True) + "\n")
    except OSError as exc:
        raise EvaluationError(f"{path}: cannot write: {exc.strerror or exc}") from exc


def evaluate(
    target: Path,
    gold: Path | None = None,
    model: str | None = None,
    predictions_out: Path | None = None,
    progress: Callable[[int], None] | None = None,
    half: str = "all",
) -> SeedsReport | FactRuReport:
    """Score a build folder, an extractions.jsonl or predictions file against --gold, or run the pipeline on
    factRuEval gold and score that; on all documents or the even or odd half (see the scorers)."""
    check_half(half)
    if not target.exists():
        raise EvaluationError(f"{target}: no such file or folder")
    if target.is_dir():
        if not (target / "extractions.jsonl").is_file():
            raise EvaluationError(f"{target}: the folder holds no extractions.jsonl (is it a build folder?)")
        target = target / "extractions.jsonl"
    head = first_object(target)
    if is_factru_gold(head):
        if gold is not None:
            raise EvaluationError(f"{target}: is factRuEval gold itself; drop --gold {gold}")
        gold_docs = load_gold(target)
        predictions = run_pipeline(target, model, progress, set(half_of(gold_docs, half)))
        if predictions_out is not None:
            write_predictions(predictions, predictions_out)
        return evaluate_predictions(gold_docs, predictions, str(target), half)
    if not _is_prediction(head):
        raise EvaluationError(
            f"{target}: unknown format: expected a build folder, an extractions.jsonl, a predictions JSONL "
            "or factRuEval gold JSONL"
        )
    if predictions_out is not None:
        raise EvaluationError(
            f"{target}: --save-predictions applies only when the pipeline runs on factRuEval gold"
        )
    if gold is None:
        raise EvaluationError(
            f"{target}: scoring a build needs --gold (seeds-gold.json or a factRuEval JSONL)"
        )
    if not gold.is_file():
        raise EvaluationError(f"{gold}: no such file")
    gold_head = first_object(gold)
    if is_factru_gold(gold_head):
        return evaluate_predictions(load_gold(gold), load_predictions(target), str(gold), half)
    if _is_seeds_gold(gold_head):
        return evaluate_build(target, gold, half)
    raise EvaluationError(
        f"{gold}: unknown gold format: expected a seeds-gold JSON object or factRuEval JSONL"
    )
