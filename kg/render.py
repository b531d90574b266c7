"""A resolved corpus → every output file, written into a folder one article at a time.

Each article's graph (kg.graph) is turned into N-Quads lines as it is made; the lines go to two sorted spools on
disk (kg.spool), one in line order for ``graph.nq``, Turtle and JSON-LD, one by graph for TriG, which Oxigraph's
streaming writers (kg.store) and kg.jsonld then read back in order. Validation (kg.validate) checks each part as
it goes by. No whole-corpus rdflib store is built: the page reads a compact index (kg.viz.triples) of what it
shows (:func:`page_triples`).

Orders, so that the same corpus gives the same bytes: ``graph.nq`` is its distinct lines sorted by code point
(subject, predicate, object as written, then graph); ``graph.ttl`` is the union of the graphs in that order;
``graph.trig`` has the default graph first, then the named graphs sorted by name, each in line order;
``graph.jsonld`` has its nodes sorted by ``@id`` and every list sorted.
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kg.export import jsonld_context, nquad_line
from kg.iri import DEFAULT_BASE
from kg.records import Corpus
from kg.spool import SortedSpool
from kg.vocab import PREFIXES

#: Files :func:`render` writes.
GRAPH_FILES = ("graph.nq", "graph.ttl", "graph.trig", "graph.jsonld", "context.jsonld", "graph.html")

#: Turtle and TriG keep minted IRIs whole: as prefixed names their slashes would need escaping.
_TURTLE_PREFIXES = {p: iri for p, iri in PREFIXES.items() if p != "kgr"}


class Timings(defaultdict):
    """Seconds per stage, added up."""

    def __init__(self) -> None:
        super().__init__(float)

    def since(self, stage: str, started: float) -> float:
        now = time.perf_counter()
        self[stage] += now - started
        return now


def page_triples(triples: set) -> Iterator[tuple]:
    """The triples of a graph the page reads (kg.viz.reader): all but those of the mentions that are only a name
    (about half of an article's triples), which the page counts (``dip:denotedBy``) but never shows, and but
    what it never reads of the others (their class, their entity, an article's text)."""
    from rdflib.namespace import RDF

    from kg.vocab import DIP, ITSRDF, NIF

    kinds: dict[Any, set[str]] = {}
    for s, p, o in triples:
        if p == DIP.mentionType:
            kinds.setdefault(s, set()).add(str(o))
    names = {s for s, k in kinds.items() if k == {"name"}}
    unread = {ITSRDF.taIdentRef, NIF.isString}
    return (
        (s, p, o)
        for s, p, o in triples
        if s not in names and p not in unread and not (p == RDF.type and o == DIP.Mention)
    )


def render(
    corpus: Corpus,
    folder: Path,
    base: str = DEFAULT_BASE,
    include_text: bool = False,
    validate: bool = True,
    timings: Timings | None = None,
) -> tuple[int, Any]:
    """Write the graph files of ``corpus`` into ``folder``; return the number of quads and the validation
    report (``None`` without ``validate``)."""
    from kg.graph import GraphBuilder
    from kg.jsonld import write_jsonld
    from kg.store import subjects_of_nquads, write_from_nquads
    from kg.viz import page_bytes
    from kg.viz.triples import TripleIndex

    timings = Timings() if timings is None else timings
    checker = None
    if validate:
        from kg.validate_parts import PartsValidator

        checker = PartsValidator()
    builder = GraphBuilder(corpus, base, include_text)
    page = TripleIndex()  # what the page reads of the graph (kg.viz.reader)
    nq, trig = folder / "graph.nq", folder / "graph.trig"
    with SortedSpool(folder) as lines, SortedSpool(folder) as by_graph:
        t = time.perf_counter()
        for name, triples in builder.parts():
            graph = "" if name is None else name.n3()
            for triple in triples:
                line = nquad_line(triple, name)
                lines.add(line)
                by_graph.add(f"{graph}\t{line}")
            t = timings.since("graph", t)
            for triple in page_triples(triples):
                page.add(triple)
            t = timings.since("page", t)
            if checker is not None:
                if name is None:
                    report = checker.finish(builder.default.about)
                else:
                    checker.add(triples, builder.default.about)
                t = timings.since("validate", t)
        quads = 0
        with nq.open("w", encoding="utf-8", newline="") as out:
            for line in lines:
                out.write(line)
                quads += 1
        ordered = folder / ".graph-order.nq"
        with ordered.open("w", encoding="utf-8", newline="") as out:
            out.writelines(line.partition("\t")[2] for line in by_graph)
        t = timings.since("write", t)
    write_from_nquads(ordered, trig, "trig", _TURTLE_PREFIXES)
    ordered.unlink()
    write_from_nquads(nq, folder / "graph.ttl", "turtle", _TURTLE_PREFIXES)
    write_jsonld(subjects_of_nquads(nq), folder / "graph.jsonld", dict(PREFIXES), folder)
    context = json.dumps(jsonld_context(), ensure_ascii=False, indent=1) + "\n"
    (folder / "context.jsonld").write_text(context, encoding="utf-8")
    t = timings.since("write", t)
    (folder / "graph.html").write_bytes(page_bytes(page))
    timings.since("page", t)
    return quads, report if checker is not None else None
