"""The Slovnet components read a batch of Docs at once (``pipe``) with the same annotations as one at a time."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from kg.pipeline.batching import Batched, by_length

TEXTS = [
    "Министр иностранных дел Бразилии Луиза Мендес прибыла в Оттаву.",
    "В среду в Ханое открылся форум. Его участники обсудили поставки риса, удобрений и техники в страны Африки.",
    "",
    "Коротко.\n\nПремьер-министр Норвегии Ингрид Ланн и президент Чили Пабло Рохас подписали соглашение о "
    "сотрудничестве в области рыболовства, а также договорились провести в Сантьяго совместную выставку.",
    "ООН",
]


def annotations(doc: Doc) -> list[tuple[object, ...]]:
    tokens = [(t.pos_, str(t.morph), t.lemma_, t._.kg_head, t._.kg_dep, t.is_sent_start) for t in doc]
    return [*tokens, *((e.start_char, e.end_char, e.label_) for e in doc.ents)]


def test_pipe_in_batches_gives_the_annotations_of_one_doc_at_a_time(nlp: spacy.Language) -> None:
    one = [annotations(nlp(t)) for t in TEXTS]
    for size in (2, 16):
        assert [annotations(d) for d in nlp.pipe(TEXTS, batch_size=size)] == one
    assert any(len(a) > 5 for a in one)  # the texts were really tagged


def test_by_length_gives_results_in_input_order_and_runs_longest_first() -> None:
    seen: list[list[str]] = []

    def run(items: list[str]) -> list[str]:
        seen.append(items)
        return [s.upper() for s in items]

    assert by_length(run, ["bb", "a", "ccc", "dd"]) == ["BB", "A", "CCC", "DD"]
    assert seen == [["ccc", "bb", "dd", "a"]]


class _Toy(Batched[int]):
    name = "toy"

    def __init__(self) -> None:
        self.batches: list[int] = []

    def find_batch(self, docs: list[Doc]) -> list[int]:
        self.batches.append(len(docs))
        if any("сбой" in d.text for d in docs):
            raise ValueError("сбой")
        return [len(d) for d in docs]

    def set_annotations(self, doc: Doc, found: int) -> None:
        doc.user_data["toy"] = found


def test_a_failing_doc_is_reported_alone_and_the_rest_of_its_batch_goes_on() -> None:
    nlp = spacy.blank("ru")
    docs = [nlp.make_doc(t) for t in ("один два", "тут сбой", "три", "четыре пять шесть")]
    toy, failed = _Toy(), []
    toy.set_error_handler(lambda name, proc, bad, exc: failed.extend(d.text for d in bad))
    out = list(toy.pipe(docs, batch_size=4))
    assert [d.text for d in out] == ["один два", "три", "четыре пять шесть"]
    assert [d.user_data["toy"] for d in out] == [2, 1, 3]
    assert failed == ["тут сбой"]
    assert toy.batches[0] == 4  # tried as one batch first
