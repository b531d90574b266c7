"""The spaCy component ``kg_posts``: the statements of each post, placed and merged into positions."""

from __future__ import annotations

from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.pipeline.cues import ent_key, in_skipped, lemma, post_words, sentence_span
from kg.pipeline.posts.bodies import context_state, seat_of
from kg.pipeline.posts.lexicon import HEAD_OF_STATE
from kg.pipeline.posts.owners import ownerships
from kg.pipeline.posts.statements import INFERRED, Statement, attached, coreferent, counterparts, unattached
from kg.pipeline.posts.word import forget_persons, person_key
from kg.pipeline.syntax import forget_dependents
from kg.records import Ownership, Position, Ref, TextSpan

if not Doc.has_extension("kg_positions"):
    Doc.set_extension("kg_positions", default=[])
if not Doc.has_extension("kg_ownerships"):
    Doc.set_extension("kg_ownerships", default=[])

#: a word of owning or founding next to the names it links is as sure as a post phrase next to its name
OWNERSHIP = 0.8
#: the span group of the bodies that posts are in and that the text names by a common noun, not by a name
BODIES = "kg_bodies"


def _text_span(span: Span) -> TextSpan:
    return TextSpan(span.start_char, span.end_char, span.text)


def _counterpart(doc: Doc, s: Statement, of: Span, rows: list[Statement]) -> bool:
    """Whether a post named «с» someone («переговоры госсекретаря США Ивана Петрова с министром иностранных
    дел Петром Сидоровым») would be placed in the state that another person of the sentence holds a post in: the
    one met is of the other side, and the state the context gives is the first one's, not his."""
    if of.label_ != "State" or s.words[0] == 0 or doc[s.words[0] - 1].lower_ not in ("с", "со"):
        return False
    me = person_key(doc, s.person)
    return any(
        o.of is not None
        and o.sent.start == s.sent.start
        and person_key(doc, o.person) != me
        and ent_key(o.of) == ent_key(of)
        for o in rows
    )


def _placed(doc: Doc, rows: list[Statement]) -> list[Statement]:
    """The statements with the state or body each post is in: a post named without one («президентом Иваном
    Петровым») is the one the same person holds with it elsewhere in the article; else, for a state's post,
    the state the context names; an occupation the text gives nowhere to place goes."""
    placed = {(person_key(doc, s.person), s.role) for s in rows if s.of is not None}
    filled = []
    for s in rows:
        if s.of is None:
            if (person_key(doc, s.person), s.role) in placed:
                continue
            said = doc[s.words[0] : s.words[1]]
            if any(
                t.pos_ == "ADJ" and lemma(t).endswith(("ский", "цкий")) and lemma(t) not in post_words()
                for t in said
            ):
                continue  # «канадский премьер» is Canada's even when the article names no Canada to link
            whole = not any(t.pos_ == "ADJ" and lemma(t) not in post_words() for t in said)
            at = s.words[0]
            of = context_state(doc, s.role, s.sent, at, whole) or seat_of(doc, s.role, s.sent, at)
            if of is not None and _counterpart(doc, s, of, rows):
                continue
            s = replace(s, of=of, confidence=INFERRED)
        if s.of is None:
            # a post is a position in a state or an organisation (org:Post, dip:postIn); an occupation the
            # text gives nowhere to place («журналист», «певец») is not asserted as one
            continue
        filled.append(s)
    return filled


class Posts:
    """Finds (person, post, of) triples around the names of persons."""

    def __init__(self, name: str = "kg_posts") -> None:
        self.name = name

    def find(self, doc: Doc) -> list[Position]:
        """Every post held by a named person in a state or organisation, in text order (one per person, role and post-of)."""
        return self.found(doc)[0]

    def found(self, doc: Doc) -> tuple[list[Position], list[Span]]:
        """The positions, and the bodies named by a common noun that some of them are in (new spans)."""
        # the indexes of persons and dependents are built once per Doc for this reading, and dropped after it
        forget_persons(doc)
        forget_dependents(doc)
        try:
            return self._found(doc)
        finally:
            forget_persons(doc)
            forget_dependents(doc)

    def _found(self, doc: Doc) -> tuple[list[Position], list[Span]]:
        named = attached(doc)
        rows = named + unattached(doc, named) + counterparts(doc, named)
        rows += coreferent(doc, rows)
        filled = _placed(doc, rows)
        filled.sort(key=lambda s: (s.person.start_char, s.role, s.words))
        # «главой Чили Пересом» names the post of «Президент Чили Перес»: «глава государства» is the office the
        # person holds under its own title when the article gives that too
        titled = {
            (person_key(doc, s.person), ent_key(s.of)): s.role
            for s in filled
            if s.role in HEAD_OF_STATE
            and s.role not in ("глава государства", "лидер")
            and s.of.label_ == "State"
        }
        # one position per person, post and body: its surest statement (the first of those), with the words of
        # the others
        statements: dict[tuple[str, str, str], list[Statement]] = {}
        for s in filled:
            if s.role == "глава государства":
                s = replace(s, role=titled.get((person_key(doc, s.person), ent_key(s.of)), s.role))
            statements.setdefault((person_key(doc, s.person), s.role, ent_key(s.of)), []).append(s)
        out: list[Position] = []
        spans: dict[tuple[int, int], TextSpan] = {}  # each sentence's text once, however many posts it holds
        bodies: dict[tuple[int, int], Span] = {}  # the unnamed bodies the positions are in, by token offsets
        for said_ in statements.values():
            best = max(said_, key=lambda s: s.confidence)  # the first of the surest
            where = (best.sent.start, best.sent.end)
            if where not in spans:
                spans[where] = sentence_span(best.sent)
            said = dict.fromkeys(_text_span(doc[a:b]) for a, b in (s.words for s in said_))
            first = _text_span(doc[best.words[0] : best.words[1]])
            out.append(
                Position(
                    Ref(best.person.start_char, best.person.end_char),
                    best.role,
                    Ref(best.of.start_char, best.of.end_char),
                    spans[where],
                    best.confidence,
                    first,
                    tuple(sorted((t for t in said if t != first), key=lambda t: (t.start, t.end))),
                )
            )
            if best.of.id_ == "descriptor":
                bodies.setdefault((best.of.start, best.of.end), best.of)
        return sorted(out, key=lambda p: (p.person.start, p.role)), [bodies[k] for k in sorted(bodies)]

    def set_annotations(self, doc: Doc, found: tuple[list[Position], list[Span]]) -> None:
        """Store the positions on the Doc, and the bodies they are in that have no name in ``doc.spans``."""
        positions, bodies = found
        doc._.kg_positions = positions
        doc.spans[BODIES] = bodies

    @staticmethod
    def owners(doc: Doc) -> list[Ownership]:
        """Who owns or founded which organisation («основатель компании «Вега» Иван Петров»), once each."""
        out: dict[tuple[int, str, int], Ownership] = {}
        for sent in doc.sents:
            if in_skipped(sent):
                continue
            for h in ownerships(doc, sent):
                key = (h.person.start_char, h.kind, h.body.start_char)
                out.setdefault(
                    key,
                    Ownership(
                        Ref(h.person.start_char, h.person.end_char),
                        h.kind,
                        Ref(h.body.start_char, h.body.end_char),
                        sentence_span(sent),
                        OWNERSHIP,
                    ),
                )
        return [out[k] for k in sorted(out)]

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.found(doc))
        forget_persons(doc)
        forget_dependents(doc)
        try:
            doc._.kg_ownerships = self.owners(doc)
        finally:
            forget_persons(doc)
            forget_dependents(doc)
        return doc


@Language.factory("kg_posts", assigns=["doc._.kg_positions", "doc._.kg_ownerships", "doc.spans"])
def make_posts(nlp: Language, name: str) -> Posts:
    """Factory of the post finder."""
    return Posts(name)
