"""Precision, recall and F1 from counts."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Score:
    """Counts of true positives, predictions and gold items, with P/R/F1 derived from them."""

    tp: int
    predicted: int
    gold: int
    # true positives counted on the gold side, when one prediction may recall several gold items or
    # several predictions the same one (entities); None means the same as tp
    tp_gold: int | None = None

    @property
    def precision(self) -> float:
        """TP / predicted (1.0 when nothing was predicted and nothing was expected, else 0.0).

        >>> Score(3, 4, 6).precision
        0.75
        """
        if self.predicted == 0:
            return 1.0 if self.gold == 0 else 0.0
        return self.tp / self.predicted

    @property
    def recall(self) -> float:
        """Recalled gold / gold (1.0 when there is no gold item).

        >>> Score(3, 4, 6).recall
        0.5
        """
        if self.gold == 0:
            return 1.0
        return (self.tp if self.tp_gold is None else self.tp_gold) / self.gold

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall.

        >>> round(Score(3, 4, 6).f1, 4)
        0.6
        """
        p, r = self.precision, self.recall
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)

    def __add__(self, other: Score) -> Score:
        """Micro-average: add the counts."""
        return Score(
            self.tp + other.tp,
            self.predicted + other.predicted,
            self.gold + other.gold,
            None
            if self.tp_gold is None and other.tp_gold is None
            else (self.tp if self.tp_gold is None else self.tp_gold)
            + (other.tp if other.tp_gold is None else other.tp_gold),
        )


def micro(scores: list[Score]) -> Score:
    """The sum of the counts of several scores.

    >>> micro([Score(1, 2, 2), Score(3, 3, 4)])
    Score(tp=4, predicted=5, gold=6, tp_gold=None)
    """
    total = Score(0, 0, 0)
    for s in scores:
        total = total + s
    return total
