"""The spaCy component ``kg_events``: a pure ``find(doc)`` and ``set_annotations(doc, found)``."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from kg.pipeline.cues import sentence_span
from kg.pipeline.events.actors import actor_parts
from kg.pipeline.events.gatherings import gatherings
from kg.pipeline.events.groups import CACHE_KEY
from kg.pipeline.events.mentions import find_mentions
from kg.pipeline.events.merging import confidence, fold_documents, kept, merge, told_as_done
from kg.pipeline.events.statements import statements
from kg.pipeline.events.types import Draft
from kg.pipeline.posts import Posts
from kg.records import Event, Ref, TextSpan

if not Doc.has_extension("kg_events"):
    Doc.set_extension("kg_events", default=[])


def _event(d: Draft, index: dict[int, int]) -> Event:
    """A draft as the record the rest of the package reads."""
    tok, sent = d.main.trigger, d.main.sent
    return Event(
        type=d.main.type,
        trigger=TextSpan(tok.idx, tok.idx + len(tok.text), tok.text),
        sentence=sentence_span(sent),
        participants=tuple(Ref(e.start_char, e.end_char, role) for e, role in d.parts),
        place=Ref(d.place.start_char, d.place.end_char) if d.place is not None else None,
        date=d.date,
        partial_date=d.partial_date,
        date_text=d.date_text,
        concerns=tuple(Ref(c.start_char, c.end_char) for c in d.concerns),
        level=d.level,
        confidence=confidence(d),
        evidence=tuple(sentence_span(s) for s in sorted(d.evidence, key=lambda s: s.start)),
        sub_event_of=index.get(id(d.sub_of)) if d.sub_of is not None else None,
        status=d.main.status,
    )


class Events:
    """Finds cue words, reads their clauses and merges the mentions of each happening into one event."""

    def __init__(self, name: str = "kg_events", posts_before: bool = False) -> None:
        self.name = name
        # whether ``kg_posts`` runs before this component (then its positions are on the Doc already)
        self.posts_before = posts_before

    def find(self, doc: Doc) -> list[Event]:
        """The article's events, in the order of their main sentence."""
        # the posts component runs before this one in build_nlp(); without it the post finder is run here
        positions = doc._.kg_positions if self.posts_before else Posts().find(doc)
        try:
            return self._find(doc, positions)
        finally:
            doc.user_data.pop(CACHE_KEY, None)

    def _find(self, doc: Doc, positions) -> list[Event]:
        mentions = find_mentions(doc, positions)
        drafts = fold_documents(merge(doc, [m for m in mentions if m.status is None]))
        for d in drafts:
            d.parts = actor_parts(d.parts)
        drafts = [d for d in drafts if d.parts and kept(d)]
        drafts += gatherings(doc, drafts)
        drafts += statements(doc, drafts)
        # what did not (yet) happen is kept with its status, once per happening and never beside the same
        # happening told as done («визит запланирован на май … визит состоялся»)
        for d in merge(doc, [m for m in mentions if m.status is not None]):
            d.parts = actor_parts(d.parts)
            if d.parts and kept(d) and not told_as_done(d, drafts):
                drafts.append(d)
        # never an event without a participant: the graph keeps only actors (a capital stands for its state)
        for d in drafts:
            d.parts = actor_parts(d.parts)
        drafts = [d for d in drafts if d.parts]
        drafts.sort(key=lambda d: (d.main.sent.start, d.main.trigger.i))
        index = {id(d): i for i, d in enumerate(drafts)}
        return [_event(d, index) for d in drafts]

    def set_annotations(self, doc: Doc, found: list[Event]) -> None:
        """Store the events on the Doc."""
        doc._.kg_events = found

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.find(doc))
        return doc


@Language.factory("kg_events", assigns=["doc._.kg_events"])
def make_events(nlp: Language, name: str) -> Events:
    """Factory of the event finder (it reads the positions of a ``kg_posts`` added before it)."""
    return Events(name, posts_before="kg_posts" in nlp.pipe_names)
