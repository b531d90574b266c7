"""``kg_events``: partnership events in ``doc._.kg_events`` (a list of :class:`kg.records.Event`).

A cue word from ``kg/data/event_cues.tsv`` (by lemma, with the words one of which must stand near it)
proposes a mention (``triggers``, ``mentions``); the clause around it gives the participants
(``participants``: subject, «с …», «между … и …», dative, accusative, «в …» for a visit's host; ``roles``:
who hosts, visits, signs, gives, invites, supports), the place and the date (``dates``). Negated or merely
intended happenings («переговоры не состоялись», «должны запустить», «выделит грант») are dropped
(``modality``): the graph records what took place. Mentions of one happening are merged into one event
(``merging``). An event framed by a gathering of many («на полях саммита АСЕАН») gets a Meeting for that
gathering as its parent (``gatherings``).
"""

from __future__ import annotations

from kg.pipeline.events.component import Events, make_events
from kg.pipeline.events.dates import dates_in, find_date
from kg.pipeline.events.groups import event_groups
from kg.pipeline.events.levels import level_phrase
from kg.pipeline.events.lexicon import FAMILY

__all__ = ["FAMILY", "Events", "dates_in", "event_groups", "find_date", "level_phrase", "make_events"]
