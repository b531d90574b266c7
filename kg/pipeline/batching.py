"""Running a Slovnet model over a batch of Docs at once, with the same annotations as one Doc at a time.

The models take padded batches of sentences (or paragraphs): one Doc at a time, about half of the padded tokens
are real. :class:`Batched` gives a component ``pipe()``, which ``nlp.pipe(texts, batch_size=…)`` calls: the
sentences of all the Docs of a batch go to the model together, sorted by length (:func:`by_length`), and the
results are written back Doc by Doc. Slovnet pads with zero vectors and masks the padding, so a sentence's
result does not depend on its neighbours in a model batch.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, Generic, TypeVar

from spacy.tokens import Doc
from spacy.util import minibatch, raise_error

Item = TypeVar("Item")
Result = TypeVar("Result")
Found = TypeVar("Found")


def by_length(
    run: Callable[[list[Item]], Iterable[Result]],
    items: Sequence[Item],
    key: Callable[[Item], int] = len,  # type: ignore[assignment]
) -> list[Result]:
    """``run`` over the items sorted by length (longest first, ties in input order), results in input order."""
    order = sorted(range(len(items)), key=lambda n: -key(items[n]))
    results: list[Any] = [None] * len(items)
    for n, result in zip(order, run([items[n] for n in order])):
        results[n] = result
    return results


class Batched(Generic[Found]):
    """A component whose ``find_batch`` reads many Docs at once; ``pipe`` falls back to one Doc at a time when a
    batch fails, so that the error handler is told of the failing Doc only."""

    name: str
    _error_handler: Callable[..., Any] = staticmethod(raise_error)

    def find(self, doc: Doc) -> Found:
        return self.find_batch([doc])[0]

    def find_batch(self, docs: list[Doc]) -> list[Found]:
        raise NotImplementedError

    def set_annotations(self, doc: Doc, found: Found) -> None:
        raise NotImplementedError

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.find(doc))
        return doc

    def set_error_handler(self, handler: Callable[..., Any]) -> None:
        self._error_handler = handler

    def get_error_handler(self) -> Callable[..., Any]:
        return self._error_handler

    def pipe(self, stream: Iterable[Doc], batch_size: int = 16) -> Iterator[Doc]:
        for docs in minibatch(stream, size=batch_size):
            try:
                founds = self.find_batch(docs)
            except Exception:  # noqa: BLE001 — run again one Doc at a time to name the failing one
                founds = None
            for n, doc in enumerate(docs):
                try:
                    self.set_annotations(doc, founds[n] if founds is not None else self.find(doc))
                except Exception as exc:  # noqa: BLE001 — the handler reports (or raises) it
                    self._error_handler(self.name, self, [doc], exc)
                    continue
                yield doc
