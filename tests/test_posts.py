"""The post component: who holds which post, on hand-written sentences."""

from __future__ import annotations

import pytest


def _rows(doc) -> set[tuple[str, str, str | None]]:
    by_offsets = {(e.start_char, e.end_char): e for e in doc.ents}
    out = set()
    for p in doc._.kg_positions:
        person = by_offsets[(p.person.start, p.person.end)]._.kg_norm
        of = by_offsets[(p.of.start, p.of.end)] if p.of else None
        out.add((person, p.role, of.kb_id_ or of._.kg_norm if of is not None else None))
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Министр иностранных дел России Сергей Лавров прибыл в Астану.",
            ("Сергей Лавров", "министр иностранных дел", "state/russia"),
        ),
        (
            "Вчера президентом Узбекистана Шавкатом Мирзиёевым был подписан указ.",
            ("Шавкат Мирзиёев", "президент", "state/uzbekistan"),
        ),
        ("Телеграмму направил председатель КНР Си Цзиньпин.", ("Си Цзиньпин", "председатель", "state/china")),
    ],
)
def test_post_before_the_name(nlp, text, expected):
    assert expected in _rows(nlp(text))


def test_head_of_foreign_ministry_is_foreign_minister(nlp):
    # «глава МИД X» is X's foreign minister; the post is in the state when the article names it apart,
    # else in the ministry span (the resolver maps the ministry to its state)
    doc = nlp("Документ подписал глава МИД Киргизии Жээнбек Кулубаев.")
    assert _rows(doc) == {("Жээнбек Кулубаев", "министр иностранных дел", "organization/mfa-kyrgyzstan")}
    doc = nlp("Киргизия подписала документ. Его подписал глава МИД Киргизии Жээнбек Кулубаев.")
    assert _rows(doc) == {("Жээнбек Кулубаев", "министр иностранных дел", "state/kyrgyzstan")}


def test_two_posts_before_one_name(nlp):
    doc = nlp("Переговоры прошли с членом политбюро ЦК КПК, министром иностранных дел Китая Ван И.")
    roles = {(p, r) for p, r, _ in _rows(doc)}
    assert {("Ван И", "член политбюро"), ("Ван И", "министр иностранных дел")} <= roles


def test_compound_post_is_put_in_the_nominative(nlp):
    doc = nlp(
        "Встречу провел заместителем премьер-министра — министром иностранных дел Казахстана Муратом Нуртлеу."
    )
    assert any(r == "заместитель премьер-министра — министр иностранных дел" for _, r, _ in _rows(doc))


def test_post_after_the_name(nlp):
    doc = nlp("Сергей Лавров, министр иностранных дел России, заявил о поддержке переговоров.")
    assert ("Сергей Лавров", "министр иностранных дел", "state/russia") in _rows(doc)


def test_no_post_without_post_words(nlp):
    assert nlp("Сергей Лавров прибыл в Астану, где его встретил Мурат Нуртлеу.")._.kg_positions == []


def test_evidence_is_the_sentence(nlp):
    doc = nlp("Погода была хорошей. Председатель КНР Си Цзиньпин прибыл в Астану.")
    (pos,) = doc._.kg_positions
    assert pos.evidence.text == "Председатель КНР Си Цзиньпин прибыл в Астану."
    assert doc.text[pos.evidence.start : pos.evidence.end] == pos.evidence.text
