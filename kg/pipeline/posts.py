"""``kg_posts``: who holds which post, in ``doc._.kg_positions`` (a list of :class:`kg.records.Position`).

Posts are read from the words around a person's name: «министр иностранных дел КНР Ван И», «с членом политбюро
ЦК КПК, министром иностранных дел Китая Ван И» (two posts), «Ван И, министр иностранных дел КНР,», «глава МИД
Казахстана Мухтар Тлеуберди». A head-of-state post named without a name («Президент Казахстана дал …») goes to
the one person the article names as that state's head («главой Казахстана Касым-Жомартом Токаевым»).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from kg.morphology import nominative
from kg.pipeline.cues import (
    actor_groups,
    case_of,
    ent_key,
    lemma,
    nearest_mention,
    person_key,
    post_words,
    sentence_span,
)
from kg.records import Position, Ref

if not Doc.has_extension("kg_positions"):
    Doc.set_extension("kg_positions", default=[])

HEAD_OF_STATE = {"президент", "председатель", "глава государства", "лидер", "король"}
_STOP = {",", ".", "(", ")", ";", ":", "«", "»", '"'}


def _heads() -> set[str]:
    return {lem for lem, (kind, _) in post_words().items() if kind == "head"}


def _nominative_word(token: Token) -> str:
    return nominative(
        token.text, "NOUN" if token.pos_ == "PROPN" else token.pos_, token.morph.to_dict()
    ).lower()


def role_name(tokens: list[Token], of: Span | None, inside: tuple[Span, ...] = ()) -> str:
    """The generic name of the post a run of words names, lower case nominative («министром иностранных дел»
    → «министр иностранных дел»); parts joined by a dash are each put in the nominative."""
    parts: list[str] = [""]
    head_seen = False
    for tok in tokens:
        if tok.text in ("—", "–") or tok.text == "-" and tok.whitespace_:
            parts.append("")
            head_seen = False
            continue
        lem = lemma(tok)
        if not head_seen and lem in _heads():
            head_seen = True
            generic = post_words()[lem][1]
            word = generic if generic and lem not in ("член", "глава") else _nominative_word(tok)
        elif not head_seen and tok.pos_ == "ADJ":
            if lemma(tok).endswith(("ский", "цкий")) and lemma(tok) not in post_words():
                continue  # «российский президент»: the country is the post's «of», not its name
            word = _nominative_word(tok)
        else:
            word = tok.lower_
        parts[-1] += word + (" " if tok.whitespace_ else "")
    role = " — ".join(" ".join(p.split()) for p in parts if p.strip())
    first = lemma(tokens[0]) if tokens else ""
    if role in ("член", "руководитель") and of is not None:
        role = f"член {of[0].lower_}" if role == "член" else role
    if first == "глава" and role.startswith("глава"):
        rest = role[len("глава") :].strip()
        if (
            any(
                e.label_ == "Organization"
                and (lemma(e[0]) == "мид" or e.kb_id_.startswith("organization/mfa"))
                and e.start == tokens[-1].i + 1
                for e in inside
            )
            or rest == "мид"
        ):
            return "министр иностранных дел"
        if rest in ("мид", "внешнеполитический ведомство"):
            return "министр иностранных дел"
        if of is not None and of.label_ == "State" and not rest:
            return "глава государства"
    if first == "лидер" and role == "лидер" and of is not None and of.label_ == "State":
        return "глава государства"
        return "руководитель" if not rest else role
    return role


def _segment_role(doc: Doc, start: int, end: int) -> tuple[str, Span | None, int, int] | None:
    """(role, of, first, last token) of a post phrase in doc[start:end]; None when it names no post."""
    toks = [t for t in doc[start:end] if not t.is_space]
    while toks and (toks[0].text in _STOP or toks[0].pos_ in ("ADP", "CCONJ")):
        toks = toks[1:]
    if not toks:
        return None
    first_head = next((i for i, t in enumerate(toks) if lemma(t) in _heads()), None)
    if first_head is None or any(t.pos_ not in ("ADJ", "DET") for t in toks[:first_head]):
        return None
    toks = toks[first_head:] if lemma(toks[0]) in ("свой", "его") else toks
    if "Plur" in toks[0].morph.get("Number") and lemma(toks[0]) in _heads():
        return None  # «официальные представители»: a post of several people, not of the name after it
    role_toks: list[Token] = []
    for tok in toks:
        if tok.ent_type_:
            break
        role_toks.append(tok)
    ents = [e for e in doc.ents if toks[0].i <= e.start and e.end <= toks[-1].i + 1 and e.label_ != "Person"]
    rank = {"Organization": 0, "State": 1} if role_toks and lemma(role_toks[0]) == "член" else {"State": 0}
    of = min(ents, key=lambda e: (rank.get(e.label_, 5), e.start), default=None)
    while role_toks and role_toks[-1].text in ("—", "–", "-", ","):
        role_toks.pop()
    if not role_toks:
        return None
    role = role_name(role_toks, of, tuple(ents))
    if role == "министр иностранных дел" and of is not None and of.kb_id_.startswith("organization/mfa-"):
        # «глава МИД Казахстана» as one ministry span: the post is in the state, named elsewhere in the article
        state = nearest_mention(doc, "state/" + of.kb_id_.split("organization/mfa-", 1)[1], of.start)
        of = state if state is not None else of
    if role.startswith("член") and of is None:
        return None
    return role, of, toks[0].i, toks[-1].i


class Posts:
    """Finds (person, post, of) triples around the names of persons."""

    def __init__(self, name: str = "kg_posts") -> None:
        self.name = name

    @staticmethod
    def _ref(span: Span | None) -> Ref | None:
        return None if span is None else Ref(span.start_char, span.end_char)

    def _attached(self, doc: Doc) -> list[tuple[Span, str, Span | None, Span]]:
        found = []
        for sent in doc.sents:
            for group in actor_groups(sent):
                persons = [e for e in group.ents if e.label_ == "Person"]
                if not persons:
                    continue
                person = persons[0]
                # posts before the name, split at commas: «членом политбюро ЦК КПК, министром … Китая Ван И»
                bounds, seg_start = [], group.start
                for i in range(group.start, person.start):
                    if doc[i].text == "," and i > seg_start:
                        bounds.append((seg_start, i))
                        seg_start = i + 1
                bounds.append((seg_start, person.start))
                for a, b in bounds:
                    got = _segment_role(doc, a, b)
                    if got:
                        found.append((person, got[0], got[1], sent))
                # a post after the name: «Ван И, министр иностранных дел КНР, …»
                after = person.end
                if (
                    after + 1 < sent.end
                    and doc[after].text == ","
                    and lemma(doc[after + 1]) in _heads()
                    and case_of(doc[after + 1]) in (case_of(person[-1]), "", "Nom")
                ):
                    end = after + 1
                    while (
                        end < sent.end
                        and doc[end].text not in _STOP
                        and doc[end].pos_ not in ("VERB", "AUX")
                        and doc[end].ent_type_ != "Person"
                    ):
                        end += 1
                    got = _segment_role(doc, after + 1, end)
                    if got:
                        found.append((person, got[0], got[1], sent))
        return found

    def _counterparts(self, doc: Doc, attached: list[tuple[Span, str, Span | None, Span]]) -> list:
        """«… встречу со своим казахстанским коллегой Ермеком Кошербаевым»: the same post in the other state."""
        found = []
        for sent in doc.sents:
            for group in actor_groups(sent):
                person = next((e for e in group.ents if e.label_ == "Person"), None)
                words = list(doc[group.start : person.start]) if person is not None else []
                if person is None or not any(lemma(t) == "коллега" for t in words):
                    continue
                adj = next((t for t in words if t.pos_ == "ADJ" and lemma(t).endswith("ский")), None)
                # the colleague of the nearest person named before, with the post that person holds
                before = [e for e in sent.ents if e.label_ == "Person" and e.end <= group.start]
                if adj is None or not before:
                    continue
                other = person_key(doc, before[-1])
                peers = list(
                    {
                        r: (p, r, o)
                        for p, r, o, s in attached
                        if person_key(doc, p) == other
                        and o is not None
                        and o.label_ == "State"
                        and r not in HEAD_OF_STATE
                    }.values()
                )
                if len(peers) != 1:
                    continue
                stem = lemma(adj)[:5]
                states = [
                    e
                    for e in doc.ents
                    if e.label_ == "State" and (e._.kg_norm or e.text).lower().replace("ё", "е")[:5] == stem
                ]
                if not states or ent_key(states[0]) == ent_key(peers[0][2]):
                    continue
                of = min(states, key=lambda e: abs(e.start - group.start))
                found.append((person, peers[0][1], of, sent, 0.6))
        return found

    def _unattached(self, doc: Doc, attached: list[tuple[Span, str, Span | None, Span]]) -> list:
        """Head-of-state posts without a name, given to the one person named as that state's head."""
        heads: dict[str, set[str]] = {}
        first: dict[str, Span] = {}
        for person, role, of, _ in attached:
            if of is not None and role in HEAD_OF_STATE:
                key = person_key(doc, person)
                heads.setdefault(ent_key(of), set()).add(key)
                first.setdefault(key, person)
        found = []
        taken = {(p.start, r) for p, r, _, _ in attached}
        for sent in doc.sents:
            for group in actor_groups(sent):
                if any(e.label_ == "Person" for e in group.ents):
                    continue
                state = group.ents[0]
                got = _segment_role(doc, group.start, state.end)
                if not got or got[0] not in HEAD_OF_STATE or got[1] is None:
                    continue
                holders = heads.get(ent_key(got[1]), set())
                if len(holders) == 1:
                    person = first[next(iter(holders))]
                    if (person.start, got[0]) not in taken:
                        taken.add((person.start, got[0]))
                        found.append((person, got[0], got[1], sent, 0.6))
        return found

    def find(self, doc: Doc) -> list[Position]:
        """Every post held by a named person, in text order (one per person, role and post-of)."""
        attached = self._attached(doc)
        rows = (
            [(p, r, o, s, 0.85) for p, r, o, s in attached]
            + self._unattached(doc, attached)
            + self._counterparts(doc, attached)
        )
        out: list[Position] = []
        seen: set[tuple[str, str, str]] = set()
        for person, role, of, sent, conf in sorted(rows, key=lambda r: (r[0].start_char, r[1])):
            key = (person_key(doc, person), role, ent_key(of) if of is not None else "")
            if key in seen:
                continue
            seen.add(key)
            evidence = sentence_span(sent)
            out.append(Position(Ref(person.start_char, person.end_char), role, self._ref(of), evidence, conf))
        return out

    def set_annotations(self, doc: Doc, found: list[Position]) -> None:
        """Store the positions on the Doc."""
        doc._.kg_positions = found

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.find(doc))
        return doc


@Language.factory("kg_posts", assigns=["doc._.kg_positions"])
def make_posts(nlp: Language, name: str) -> Posts:
    """Factory of the post finder."""
    return Posts(name)
