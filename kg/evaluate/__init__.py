"""Scoring a build against references: hand-made seeds gold and factRuEval-2016 NER and facts.

:mod:`kg.evaluate.seeds` scores extractions.jsonl against ``seeds-gold.json``; :mod:`kg.evaluate.factru`
scores predicted spans, posts and meetings against factRuEval-style JSONL; :mod:`kg.evaluate.report` makes
rich tables.
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
