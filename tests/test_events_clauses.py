"""The event component on clause-level readings: who receives whom, whose message an invitation is, which
clause a date is of, a post's seat between a state and its holder, a level named by a signed document."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from kg.pipeline.events import event_groups


def _events(doc, type_):
    """The events of a type told as having happened (planned or cancelled ones carry a status)."""
    return [e for e in doc._.kg_events if e.type == type_ and e.status is None]


def _roles(doc, event) -> dict[str, str | None]:
    """Nominative name → role of an event's participants."""
    by_offsets = {(e.start_char, e.end_char): e for e in doc.ents}
    return {by_offsets[(r.start, r.end)]._.kg_norm: r.role for r in event.participants}


def _text(doc, ref) -> str | None:
    return None if ref is None else doc.text[ref.start : ref.end]


@pytest.mark.parametrize(
    ("text", "host", "guest", "place"),
    [
        (
            "Президент Таджикистана Эмомали Рахмон принял в Душанбе министра иностранных дел Китая Ван И.",
            "Эмомали Рахмон",
            "Ван И",
            "Душанбе",
        ),
        (
            "Президент Кыргызстана Садыр Жапаров принял в Бишкеке министра иностранных дел Турции Хакана Фидана.",
            "Садыр Жапаров",
            "Хакан Фидан",
            "Бишкеке",
        ),
        (
            "Президент Казахстана Касым-Жомарт Токаев принял главу МИД Китая Ван И.",
            "Касым-Жомарт Токаев",
            "Ван И",
            None,
        ),
    ],
)
def test_receiving_a_visitor_is_a_meeting_of_host_and_guest(nlp, text, host, guest, place):
    doc = nlp(text)
    (meeting,) = _events(doc, "Meeting")
    roles = _roles(doc, meeting)
    assert roles[host] == "host" and roles[guest] == "guest" and len(roles) == 2
    assert _text(doc, meeting.place) == place


def test_receiving_a_document_is_no_meeting(nlp):
    doc = nlp("Президент Казахстана Касым-Жомарт Токаев принял верительные грамоты посла Китая Чжана Сяо.")
    assert not _events(doc, "Meeting")


def test_a_meeting_referred_back_to_is_one_event_dated_by_the_dateline(nlp):
    doc = nlp(
        "Душанбе. 5 мая. Президент Таджикистана Эмомали Рахмон принял в Душанбе министра иностранных дел Китая "
        "Ван И. В ходе встречи стороны обсудили итоги переговоров, проведенных в апреле прошлого года."
    )
    (meeting,) = _events(doc, "Meeting")
    assert meeting.partial_date == "--05-05"
    assert len(meeting.evidence) == 1 and meeting.evidence[0].text.startswith("В ходе встречи")


def test_a_date_belongs_to_the_clause_it_is_in(nlp):
    doc = nlp(
        "В ходе встречи Токаев и Си Цзиньпин обсудили выполнение договоренностей, достигнутых во время визита "
        "Токаева в Пекин в сентябре 2019 года."
    )
    (meeting,) = _events(doc, "Meeting")
    (visit,) = _events(doc, "StateVisit")
    assert meeting.date_text is None and meeting.partial_date is None
    assert visit.partial_date == "2019-09"


def test_a_date_of_a_verb_joined_after_is_not_the_first_verbs(nlp):
    doc = nlp(
        "Президент Казахстана Касым-Жомарт Токаев встретился с Шавкатом Мирзиёевым в Ташкенте, а 5 мая подписал "
        "соглашение с президентом Кыргызстана Садыром Жапаровым."
    )
    (meeting,) = _events(doc, "Meeting")
    (signing,) = _events(doc, "AgreementSigning")
    assert meeting.partial_date is None and signing.partial_date == "--05-05"


@pytest.mark.parametrize(
    ("text", "inviter", "invitee"),
    [
        (
            "Министр иностранных дел Франции Жан Дюпон передал президенту Вьетнама Во Ван Тхыонгу приглашение "
            "от президента Франции Эммануэля Макрона посетить Париж с государственным визитом.",
            "Эммануэль Макрон",
            "Во Ван Тхыонг",
        ),
        (
            # the addressee named only by his post: the one holder of it the article names
            "Президент Перу Дина Болуарте провела переговоры с министром иностранных дел Чили Педро Аларконом. "
            "Аларкон передал главе Перу приветствие от президента Чили Габриэля Борича и приглашение посетить "
            "Сантьяго с официальным визитом.",
            "Габриэль Борич",
            "Дина Болуарте",
        ),
    ],
)
def test_an_invitation_handed_over_is_the_senders_and_no_visit(nlp, text, inviter, invitee):
    doc = nlp(text)
    (invitation,) = _events(doc, "Invitation")
    assert _roles(doc, invitation) == {inviter: "inviter", invitee: "invitee"}
    assert not _events(doc, "StateVisit")


def test_support_after_an_attribution_is_the_subjects(nlp):
    doc = nlp("По словам Аларкона, Чили поддерживает инициативу «Один пояс, один путь».")
    (support,) = _events(doc, "InitiativeSupport")
    assert _roles(doc, support) == {"Чили": "supporter"}
    assert [_text(doc, c) for c in support.concerns] == ["Один пояс, один путь"]


@pytest.mark.parametrize(
    ("text", "people"),
    [
        (
            "Премьер-министр Казахстана Олжас Бектенов встретился с послом России в Казахстане Алексеем Бородавкиным.",
            {"Олжас Бектенов", "Алексей Бородавкин"},
        ),
        (
            "Министр иностранных дел Чили Педро Аларкон провел встречу с послом Перу в Чили Хуаном Руисом.",
            {"Педро Аларкон", "Хуан Руис"},
        ),
    ],
)
def test_an_ambassador_named_after_his_seat_is_the_participant(nlp, text, people):
    doc = nlp(text)
    (meeting,) = _events(doc, "Meeting")
    assert set(_roles(doc, meeting)) == people
    assert meeting.place is None  # the seat of the post is no place of the meeting


# (word, lemma, part of speech, entity tag) of a hand-made sentence
_SEAT_AND_COMMA = [
    ("встретился", "встретиться", "VERB", "O"),
    ("с", "с", "ADP", "O"),
    ("послом", "посол", "NOUN", "O"),
    ("Китая", "китай", "PROPN", "B-State"),
    ("в", "в", "ADP", "O"),
    ("Кыргызстане", "кыргызстан", "PROPN", "B-State"),
    ("Ду", "ду", "PROPN", "B-Person"),
    ("Дэвэнем", "дэвэнем", "PROPN", "I-Person"),
    (",", ",", "PUNCT", "O"),
    ("Нуртлеу", "нуртлеу", "PROPN", "B-Person"),
    (",", ",", "PUNCT", "O"),
    ("Казахстан", "казахстан", "PROPN", "B-State"),
]


def test_groups_join_across_a_posts_seat_and_split_after_a_name(nlp):
    words, lemmas, pos, ents = (list(column) for column in zip(*_SEAT_AND_COMMA))
    sent_starts = [True] + [False] * (len(words) - 1)
    doc = Doc(nlp.vocab, words=words, lemmas=lemmas, pos=pos, ents=ents, sent_starts=sent_starts)
    groups = event_groups(doc[:])
    assert [(g.actor.text, g.prep) for g in groups] == [
        ("Ду Дэвэнем", "с"),
        ("Нуртлеу", ""),
        ("Казахстан", ""),
    ]


def test_a_signed_document_on_a_partnership_level_upgrades_relations(nlp):
    doc = nlp(
        "Казахстан и Узбекистан расширяют торговлю. В мае лидеры двух стран подписали совместную декларацию "
        "о всестороннем стратегическом партнерстве."
    )
    (upgrade,) = _events(doc, "PartnershipUpgrade")
    assert upgrade.level == "всестороннее стратегическое партнерство"
    assert set(_roles(doc, upgrade)) == {"Казахстан", "Узбекистан"}
    (signing,) = _events(doc, "AgreementSigning")
    assert set(_roles(doc, signing)) == {"Казахстан", "Узбекистан"}


def test_a_partnership_of_no_level_is_no_upgrade(nlp):
    doc = nlp("Казахстан и Евросоюз подписали соглашение о партнерстве и сотрудничестве.")
    assert not _events(doc, "PartnershipUpgrade") and _events(doc, "AgreementSigning")


def test_the_dateline_dates_the_first_sentence_after_an_agency_line(nlp):
    doc = nlp(
        "АСТАНА, 3 июня. /Казинформ/. Казахстан и Узбекистан договорились повысить уровень отношений до "
        "всеобъемлющего стратегического партнерства."
    )
    (upgrade,) = _events(doc, "PartnershipUpgrade")
    assert upgrade.partial_date == "--06-03"


def test_a_grant_given_is_aid(nlp):
    doc = nlp("Китай выделил Кыргызстану грант в размере 100 млн юаней на строительство школ.")
    (aid,) = _events(doc, "AidDelivery")
    assert _roles(doc, aid) == {"Китай": "donor", "Киргизия": "recipient"}


@pytest.mark.parametrize(
    "text",
    [
        "Китай выделит Кыргызстану грант в размере 100 млн юаней.",
        "Турецкая сторона выразила готовность оказать гуманитарную помощь Казахстану.",
    ],
)
def test_aid_only_promised_is_not_recorded(nlp, text):
    # the graph records what took place: a pledge is a plan
    assert not _events(nlp(text), "AidDelivery")


def test_an_earlier_happening_of_the_same_sides_is_an_event_of_its_own(nlp):
    doc = nlp(
        "Президент Казахстана Касым-Жомарт Токаев провел переговоры с Президентом Узбекистана Шавкатом "
        "Мирзиёевым в Самарканде. Ранее, 2 апреля, Мирзиёев провел телефонный разговор с Токаевым."
    )
    (talks,) = _events(doc, "Talks")
    (call,) = _events(doc, "Meeting")
    assert talks.partial_date is None and talks.evidence == ()
    assert call.partial_date == "--04-02"


@pytest.mark.parametrize(
    ("text", "guest"),
    [
        (
            "Президент Туркмении Сердар Бердымухамедов провел переговоры с президентом Азербайджана Ильхамом "
            "Алиевым, прибывшим в Ашхабад с государственным визитом.",
            "Ильхам Алиев",
        ),
        (
            "Глава МИД Таджикистана Сироджиддин Мухриддин встретился с министром иностранных дел Индии "
            "Субраманьямом Джайшанкаром, находящимся в Душанбе с официальным визитом.",
            "Субраманьям Джайшанкар",
        ),
    ],
)
def test_the_visitor_is_the_name_a_participle_of_visiting_describes(nlp, text, guest):
    doc = nlp(text)
    (visit,) = _events(doc, "StateVisit")
    roles = _roles(doc, visit)
    assert roles.get(guest) == "guest"
    assert "guest" not in {r for name, r in roles.items() if name != guest}
