"""Scoring a build against references: hand-made seeds gold and factRuEval-2016 NER and facts.

:mod:`kg.evaluate.seeds` scores extractions.jsonl against ``seeds-gold.json`` (read by :mod:`kg.evaluate.gold`;
one module each for entities, positions, events and facts); :mod:`kg.evaluate.factru` scores predicted spans,
posts and meetings against factRuEval-style JSONL; either may score only the even or odd half of the documents
(:data:`kg.evaluate.common.HALVES`); :mod:`kg.evaluate.report` makes rich tables.
"""

from __future__ import annotations

from kg.evaluate.common import EvaluationError
from kg.evaluate.factru import FactRuReport, evaluate_predictions, is_factru_gold, score_facts, score_ner
from kg.evaluate.metrics import Score
from kg.evaluate.seeds import SeedsReport, evaluate_build

__all__ = [
    "EvaluationError",
    "FactRuReport",
    "Score",
    "SeedsReport",
    "evaluate_build",
    "evaluate_predictions",
    "is_factru_gold",
    "score_facts",
    "score_ner",
]
