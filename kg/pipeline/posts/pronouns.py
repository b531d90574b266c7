"""Posts a verb gives a personal pronoun, given to the person it stands for: «Иван Петров родился в Риге. Позднее
он был министром обороны Латвии», «Она была помощницей члена парламента»."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from kg.pipeline.cues import lemma
from kg.pipeline.posts.phrases import PostPhrase
from kg.pipeline.posts.verbs import linked_posts
from kg.pipeline.posts.word import ents_in, person_key
from kg.pipeline.syntax import dep_of, head_of, span_root

#: the pronouns, by lemma, with the gender of the person they stand for
PRONOUNS = {"он": "Masc", "она": "Fem"}
#: how many sentences before the pronoun's own its antecedent may stand in: a biography names its person once
#: and goes on with «он» for a sentence or two
ANTECEDENT_SENTENCES_BACK = 2


def gender(person: Span) -> str:
    """The grammatical gender the tagger gives a name («Анна Петрова» → Fem), '' when it gives none."""
    for tok in person:
        found = tok.morph.get("Gender")
        if found:
            return found[0]
    return ""


def antecedent(doc: Doc, pronoun: Token) -> Span | None:
    """The person an «он»/«она» stands for: the one person of its gender named before it in its sentence and the
    two before; when several are, the nearest that is the subject of its clause; None when none is."""
    want = PRONOUNS[lemma(pronoun)]
    low = pronoun.sent.start
    for _ in range(ANTECEDENT_SENTENCES_BACK):
        low = doc[low - 1].sent.start if low > 0 else low
    persons = [e for e in ents_in(doc, low, pronoun.i) if e.label_ == "Person" and gender(e) in (want, "")]
    if len({person_key(doc, e) for e in persons}) == 1:
        return persons[-1]
    subjects = [e for e in persons if dep_of(span_root(e)).startswith("nsubj")]
    return subjects[-1] if subjects else None


def pronoun_posts(doc: Doc, sent: Span) -> list[tuple[Span, PostPhrase]]:
    """(the person, the post) for each post a verb or copula gives a pronoun subject in the sentence."""
    out = []
    for tok in sent:
        if lemma(tok) not in PRONOUNS or tok.lower_ not in PRONOUNS or dep_of(tok) != "nsubj":
            continue
        posts = linked_posts(doc, head_of(tok), "nsubj", sent, range(tok.i, tok.i + 1))
        person = antecedent(doc, tok) if posts else None
        if person is not None:
            out += [(person, got) for got in posts]
    return out
