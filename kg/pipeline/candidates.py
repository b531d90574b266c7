"""The gazetteer's entity candidates: spans proposed by lists, patterns and the NER, before overlaps settle."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Candidate:
    """A span proposed as an entity, before overlaps are settled."""

    start: int  # token offsets
    end: int
    type: str
    source: str
    key: str = ""
    norm: str | None = None
    nested: Candidate | None = None  # a state named inside this span («МИД РК» → «РК»)

    @property
    def length(self) -> int:
        return self.end - self.start
