"""Entity boundaries: the rules that mend Slovnet's spans (kg.pipeline.ner) and the nominative of hyphenated
names (kg.pipeline.normalize).

Each rule is tested twice where it can be: on a paragraph tagged by hand (``hand_tagged``: razdel tokens, BIO tags
and tag scores chosen by the test, with Slovnet's real CRF transitions), so the rule's decision does not hang on
what the model happens to do with a sentence; and on sentences the whole pipeline reads.
"""

from __future__ import annotations

import numpy as np
import pytest
from spacy.tokens import Doc

from kg.iri import slug
from kg.pipeline import ner_rules, ner_tags, ner_trim

pytestmark = (
    pytest.mark.slow
)  # the Slovnet model is loaded (its tag set and transitions, or the whole pipeline)


def readable(value: object) -> str | None:
    """Test ids in ASCII: a transliterated slug of a Russian example."""
    return slug(value)[:40] if isinstance(value, str) else None


def hand_tagged(text: str, tags: list[str], best: list[str] | None = None) -> ner_tags.Tagged:
    """A paragraph tagged by hand: each token scores 5 for its ``best`` tag (default: its own tag), 0 otherwise."""
    from slovnet.token import tokenize

    tokens = list(tokenize(text))
    assert len(tokens) == len(tags), [t.text for t in tokens]
    vocab, _ = ner_tags.tagset()
    emissions = np.zeros((len(tokens), len(vocab)))
    for i, tag in enumerate(best or tags):
        emissions[i][vocab.index(tag)] = 5.0
    return ner_tags.Tagged(
        text,
        tuple(t.text for t in tokens),
        tuple(t.start for t in tokens),
        tuple(t.stop for t in tokens),
        tuple(tags),
        emissions,
    )


def mended(tagged: ner_tags.Tagged) -> list[tuple[str, str]]:
    """(label, text) of the spans after every rule."""
    return [
        (label, tagged.text[tagged.starts[i] : tagged.stops[j - 1]])
        for label, i, j in ner_rules.mend(tagged, tagged.spans())
    ]


def ents(doc: Doc) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in doc.ents]


# -- reading Slovnet's tags ----------------------------------------------------------------------------------


def test_spans_are_read_from_bio_tags_as_slovnet_reads_them():
    t = hand_tagged("А Б В Г Д", ["B-ORG", "I-PER", "O", "I-LOC", "B-PER"])
    # an I- tag extends the open span whatever its type; an I- tag after O opens nothing
    assert t.spans() == [("ORG", 0, 2), ("PER", 4, 5)]


def test_our_tagging_gives_slovnets_own_spans():
    from kg.pipeline import models

    text = "Министр иностранных дел России Сергей Лавров прилетел в Пекин на переговоры с Ван И."
    [tagged] = ner_tags.tag_paragraphs([text])
    ours = [(label, tagged.starts[i], tagged.stops[j - 1]) for label, i, j in tagged.spans()]
    theirs = [(s.type, s.start, s.stop) for s in models.slovnet_ner()(text).spans]
    assert ours == theirs and len(ours) >= 4


# -- a post word is no organisation ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "tags", "expected"),
    [
        # alone at the start of a sentence: dropped
        ("Замглавы ведомства заявил", ["B-ORG", "O", "O"], []),
        # before the body it belongs to (a word that can be genitive): cut off
        ("Глава МИД России заявил", ["B-ORG", "I-ORG", "I-ORG", "O"], [("ORG", "МИД России")]),
        ("Председатель Правительства РФ", ["B-ORG", "I-ORG", "I-ORG"], [("ORG", "Правительства РФ")]),
        # inside a sentence, capitalised and alone, or followed by no genitive: may be a name, stays
        ("игроки клуба Адмирал победили", ["O", "O", "B-ORG", "O"], [("ORG", "Адмирал")]),
        ("акции Генерал Моторс выросли", ["O", "B-ORG", "I-ORG", "O"], [("ORG", "Генерал Моторс")]),
        # a person's span is left alone (a nickname such as «Адвокат» is a person)
        ("тренер Адвокат заявил", ["O", "B-PER", "O"], [("PER", "Адвокат")]),
    ],
    ids=readable,
)
def test_a_post_word_is_cut_from_an_organisation(text, tags, expected):
    assert mended(hand_tagged(text, tags)) == expected


def test_deputy_head_opening_a_sentence_is_no_organisation(nlp):
    doc = nlp("Замглавы Федеральной таможенной службы России Олег Смирнов заявил, что проверок стало больше.")
    assert ("Замглавы", "Organization") not in ents(doc)
    assert not any(e.start_char == 0 for e in doc.ents), ents(doc)
    assert ("Олег Смирнов", "Person") in ents(doc)


# -- a person does not begin with an organisation ------------------------------------------------------------


def test_a_person_span_opening_with_a_listed_organisation_is_split():
    t = hand_tagged("влияние Аль-Кайды Аймана аз-Завахири", ["O", "B-PER", "I-PER", "I-PER"])
    assert mended(t) == [("ORG", "Аль-Кайды"), ("PER", "Аймана аз-Завахири")]


@pytest.mark.parametrize("first", ["Спартака", "Бернс"], ids=readable)
def test_a_first_word_that_may_be_a_name_keeps_the_person_whole(first):
    # «Спартака» is a club and a first name; «Бернс» is read as an organisation only by a guess from its ending
    t = hand_tagged(f"актёра {first} Мишулина", ["O", "B-PER", "I-PER"])
    assert mended(t) == [("PER", f"{first} Мишулина")]


def test_slovnets_own_score_splits_an_organisation_off_a_person():
    tags = ["O", "B-PER", "I-PER", "I-PER"]
    # Slovnet scores «Хезболлы» as the start of an organisation; only the CRF glued it to the name
    t = hand_tagged("лидер Хезболлы Хасан Насралла", tags, best=["O", "B-ORG", "B-PER", "I-PER"])
    assert mended(t) == [("ORG", "Хезболлы"), ("PER", "Хасан Насралла")]
    # when Slovnet scores it as part of the person, the span stays
    assert mended(hand_tagged("лидер Хезболлы Хасан Насралла", tags)) == [("PER", "Хезболлы Хасан Насралла")]


@pytest.mark.parametrize(
    ("sentence", "organisation", "person"),
    [
        (
            "Эксперты обсудили, как росло влияние Аль-Кайды Аймана аз-Завахири в регионе.",
            ("Аль-Кайды", "Аль-Каида"),
            ("Аймана аз-Завахири", "Айман аз-Завахири"),
        ),
        (
            "Глава компании Майкрософт Билл Гейтс ушёл в отставку.",
            ("Майкрософт", "Майкрософт"),
            ("Билл Гейтс", "Билл Гейтс"),
        ),
    ],
    ids=readable,
)
def test_organisation_and_person_glued_by_slovnet_come_apart(nlp, sentence, organisation, person):
    doc = nlp(sentence)
    found = {e.text: (e.label_, e._.kg_norm) for e in doc.ents}
    assert found.get(organisation[0]) == ("Organization", organisation[1]), ents(doc)
    assert found.get(person[0]) == ("Person", person[1]), ents(doc)


# -- an organisation does not end with a person ----------------------------------------------------------------


def test_an_organisation_whose_tail_slovnet_scores_as_a_person_is_split():
    text = "капитан клуба Манчестер Юнайтед Уэйн Руни и"
    tags = ["O", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O"]
    best = ["O", "O", "B-ORG", "I-ORG", "B-PER", "I-PER", "O"]
    assert mended(hand_tagged(text, tags, best)) == [("ORG", "Манчестер Юнайтед"), ("PER", "Уэйн Руни")]
    # Slovnet scores the last word as part of the organisation: no split
    assert mended(hand_tagged(text, tags)) == [("ORG", "Манчестер Юнайтед Уэйн Руни")]


def test_a_one_word_tail_is_not_split_off():
    # «Немировича-Данченко» is one word: a person needs two, and a theatre named after people stays whole
    text = "театра Станиславского и Немировича-Данченко"
    tags = ["B-ORG", "I-ORG", "I-ORG", "I-ORG"]
    best = ["B-ORG", "I-ORG", "I-ORG", "B-PER"]
    assert mended(hand_tagged(text, tags, best)) == [("ORG", text)]


@pytest.mark.parametrize(
    ("sentence", "organisation", "person"),
    [
        (
            "На церемонии выступил капитан клуба Манчестер Юнайтед Уэйн Руни и тренер Арсенала Арсен Венгер.",
            "Манчестер Юнайтед",
            "Уэйн Руни",
        ),
        ("Нападающий клуба Астон Вилла Габриэль Агбонлахор забил гол.", "Астон Вилла", "Габриэль Агбонлахор"),
    ],
    ids=readable,
)
def test_a_club_and_its_player_glued_by_slovnet_come_apart(nlp, sentence, organisation, person):
    found = ents(nlp(sentence))
    assert (organisation, "Organization") in found and (person, "Person") in found, found


# -- separators, quotes, descriptors ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "tags", "expected"),
    [
        ("Мальта • Кипр", ["B-LOC", "I-LOC", "I-LOC"], [("LOC", "Мальта"), ("LOC", "Кипр")]),
        (
            "( Сидоров , Кузнецов )",
            ["O", "B-PER", "I-PER", "I-PER", "O"],
            [("PER", "Сидоров"), ("PER", "Кузнецов")],
        ),
        # an organisation's name may hold a comma
        (
            "Институт истории , языка и литературы",
            ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG"],
            [("ORG", "Институт истории , языка и литературы")],
        ),
    ],
    ids=readable,
)
def test_separators_end_names(text, tags, expected):
    assert mended(hand_tagged(text, tags)) == expected


@pytest.mark.parametrize(
    ("text", "tags", "expected"),
    [
        ("ОАО «Газпром» сообщило", ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "O"], [("ORG", "Газпром")]),
        ("Концерн «Майкрософт»", ["B-ORG", "I-ORG", "I-ORG", "I-ORG"], [("ORG", "Майкрософт")]),
        # a company named after a place keeps its descriptor: alone, «Россия» would be the state
        ("Банк «Россия» сообщил", ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "O"], [("ORG", "Банк «Россия»")]),
        # «РИА» is part of the agency's name, not a descriptor
        ("РИА «Новости»", ["B-ORG", "I-ORG", "I-ORG", "I-ORG"], [("ORG", "РИА «Новости»")]),
        # an opening quote left unclosed starts a second name
        (
            "Московскому бюро «Немецкой волны» сказал",
            ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O"],
            [("ORG", "Московскому бюро"), ("ORG", "Немецкой волны")],
        ),
    ],
    ids=readable,
)
def test_descriptors_and_unclosed_quotes(text, tags, expected):
    assert mended(hand_tagged(text, tags)) == expected


def test_a_legal_form_before_a_quoted_name_is_left_out(nlp):
    doc = nlp("Глава ОАО «Газпром» Алексей Миллер провёл переговоры.")
    assert ("Газпром", "Organization") in ents(doc)
    assert not any("ОАО" in e.text for e in doc.ents), ents(doc)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("• Новая Зеландия", "Новая Зеландия"),
        ("Нью-Йорк Таймс»", "Нью-Йорк Таймс"),
        ("«Яблоко", "Яблоко"),
        ("«Яблоко»", "«Яблоко»"),
        ("КБ „Салют“", "КБ „Салют“"),
    ],
    ids=readable,
)
def test_trim_drops_bullets_and_unpaired_quotes(text, kept):
    start, end = ner_trim.trim(text, 0, len(text))
    assert text[start:end] == kept


# -- hyphenated names in the nominative --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "surface", "label", "norm"),
    [
        ("Боевики Аль-Каиды атаковали базу.", "Аль-Каиды", "Organization", "Аль-Каида"),
        (
            "Корреспондент Аль-Джазиры Ахмед Мансур сообщил о взрыве.",
            "Аль-Джазиры",
            "Organization",
            "Аль-Джазира",
        ),
        ("Делегация прибыла из Нью-Йорка в Санкт-Петербург.", "Нью-Йорка", "Place", "Нью-Йорк"),
        # a person's lowercase particles («аль», «бин») are not inflected
        (
            "Сообщается о гибели Абу Бакра аль-Багдади в Сирии.",
            "Абу Бакра аль-Багдади",
            "Person",
            "Абу Бакр аль-Багдади",
        ),
        ("Журналисты встретились с Сами аль-Хаджем в Дохе.", "Сами аль-Хаджем", "Person", "Сами аль-Хадж"),
    ],
    ids=readable,
)
def test_hyphenated_names_in_the_nominative(nlp, sentence, surface, label, norm):
    found = {e.text: (e.label_, e._.kg_norm) for e in nlp(sentence).ents}
    assert found.get(surface) == (label, norm), found


@pytest.mark.parametrize(
    "text",
    ["Король Эсватини Мсвати III прибыл в Ригу.", "Король Свазиленда Мсвати III прибыл в Ригу."],
    ids=readable,
)
def test_a_persons_name_does_not_begin_with_a_states(nlp, text):
    doc = nlp(text)
    assert ("Мсвати III", "Person") in {(e.text, e.label_) for e in doc.ents}
    assert any(e.label_ == "State" and e.kb_id_ == "state/eswatini" for e in doc.ents)


def test_an_abbreviation_in_brackets_after_an_organisation_is_one_there_and_later(nlp):
    doc = nlp("Об этом сообщает Комитет защиты прав моряков (КЗПМ). Позже КЗПМ уточнил данные.")
    assert [e.text for e in doc.ents if e.label_ == "Organization"].count("КЗПМ") == 2
    # capitals in brackets after words that name no organisation stay words
    assert not nlp("Проект свободного программного обеспечения (СПО) начат.").ents


def test_a_news_outlet_named_by_its_site_is_an_organisation(nlp):
    doc = nlp("Об этом сообщает Lenta.ru со ссылкой на источник. Подробности на сайте www.example.com.")
    orgs = [e.text for e in doc.ents if e.label_ == "Organization"]
    assert "Lenta.ru" in orgs
    assert not [e for e in doc.ents if "example" in e.text]


def test_two_names_in_two_cases_are_two_persons(nlp):
    doc = nlp("Пресс-секретарь президента Литвы Йонаса Петраускаса Антанас Шимкус сообщил об этом.")
    persons = [e.text for e in doc.ents if e.label_ == "Person"]
    assert persons == ["Йонаса Петраускаса", "Антанас Шимкус"]
