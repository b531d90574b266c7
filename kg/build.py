"""``kg build``: articles in, graph files out. Reads, extracts, resolves, builds the graph, writes every output.

Nothing in the output folder is touched until everything has been built in memory; the files are then written
into a staging folder and moved into place as a set (:func:`kg.export.write_set`), under a lock against a second
build into the same folder, so a failed or interrupted rebuild leaves the previous outputs whole. One article's
failure (unreadable, too long, too slow, or an error in any stage) is reported and skipped.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.export import fast_serialize, jsonld_context, output_lock, serialize, write_set
from kg.iri import DEFAULT_BASE, article_key, event_key, fact_key, mint
from kg.records import Article, ArticleRecord, Corpus, Ref, TextSpan
from kg.sources import InputError, Problem, read_inputs

OUTPUT_FILES = (
    "graph.ttl",
    "graph.trig",
    "graph.nq",
    "graph.jsonld",
    "context.jsonld",
    "extractions.jsonl",
    "graph.html",
)


@dataclass
class BuildReport:
    """What a build read, wrote and skipped."""

    articles: list[str] = field(default_factory=list)
    skipped: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)  # read, with something left out
    encodings: Counter = field(default_factory=Counter)  # articles read per encoding
    written: list[Path] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    validation: Any = None  # kg.validate.Report when validation ran


def _ref(
    corpus: Corpus, entities: dict[str, Any], base: str, art: str, ref: Ref | None
) -> dict[str, Any] | None:
    if ref is None:
        return None
    key = corpus.links.get((art, ref.start, ref.end))
    entity = entities.get(key) if key else None
    return {
        "id": mint(base, key) if key else None,
        "label": entity.label if entity else None,
        "type": entity.type if entity else None,
        "role": ref.role,
        "start": ref.start,
        "end": ref.end,
    }


def _span(span: TextSpan) -> dict[str, Any]:
    return {"start": span.start, "end": span.end, "text": span.text}


def extraction_lines(corpus: Corpus, base: str = DEFAULT_BASE) -> Iterator[dict[str, Any]]:
    """One JSON object per article: its entities, events, positions and facts, with offsets and IRIs."""
    entities = {e.key: e for e in corpus.entities}
    for rec in corpus.records:
        art = rec.article.id
        ents = []
        for m in rec.mentions:
            key = corpus.links.get((art, m.start, m.end))
            if key is None:
                continue
            ents.append(
                {
                    "start": m.start,
                    "end": m.end,
                    "text": m.text,
                    "type": entities[key].type,
                    "id": mint(base, key),
                    "label": entities[key].label,
                    "source": m.source,
                }
            )
        events = []
        for i, ev in enumerate(rec.events):
            events.append(
                {
                    "id": mint(base, event_key(art, i)),
                    "type": ev.type,
                    "trigger": _span(ev.trigger),
                    "sentence": _span(ev.sentence),
                    "participants": [_ref(corpus, entities, base, art, r) for r in ev.participants],
                    "place": _ref(corpus, entities, base, art, ev.place),
                    "date": ev.date,
                    "partial_date": ev.partial_date,
                    "date_text": ev.date_text,
                    "date_inferred": ev.date_inferred,
                    "concerns": [_ref(corpus, entities, base, art, r) for r in ev.concerns],
                    "level": ev.level,
                    "status": ev.status,
                    "confidence": ev.confidence,
                    "sub_event_of": mint(base, event_key(art, ev.sub_event_of))
                    if ev.sub_event_of is not None
                    else None,
                    "evidence": [_span(s) for s in ev.evidence],
                }
            )
        positions = []
        for i, pos in enumerate(rec.positions):
            person = _ref(corpus, entities, base, art, pos.person)
            of = _ref(corpus, entities, base, art, pos.of)
            post = corpus.posts[(art, i)]
            if of is not None and post.of_label is not None and of["id"] != mint(base, post.of):
                # the post is in another entity than the one named (a minister «of the MFA of X» is X's)
                of = {**of, "id": mint(base, post.of), "label": post.of_label, "type": post.of_type}
            positions.append(
                {
                    "person": person,
                    "role": pos.role,
                    "post": mint(base, post.key),
                    "post_label": post.label,
                    "of": of,
                    "evidence": _span(pos.evidence),
                    "confidence": pos.confidence,
                    "role_span": _span(pos.role_span) if pos.role_span else None,
                    "restated": [_span(s) for s in pos.restated],
                }
            )
        facts = []
        for i, f in enumerate(rec.facts):
            facts.append(
                {
                    "id": mint(base, fact_key(art, i)),
                    "indicator": f.indicator,
                    "value": f.value,
                    "unit": f.unit,
                    "value_text": f.value_text,
                    "period": f.period,
                    "change_percent": f.change_percent,
                    "between": [_ref(corpus, entities, base, art, r) for r in f.between],
                    "evidence": _span(f.evidence),
                    "confidence": f.confidence,
                }
            )
        yield {
            "id": art,
            "iri": mint(base, article_key(art)),
            "date": rec.article.date,
            "entities": ents,
            "events": events,
            "positions": positions,
            "facts": facts,
        }


def _jsonl(lines: Iterable[dict[str, Any]]) -> bytes:
    return "".join(json.dumps(line, ensure_ascii=False, sort_keys=True) + "\n" for line in lines).encode(
        "utf-8"
    )


def render(
    corpus: Corpus, base: str = DEFAULT_BASE, include_text: bool = False
) -> tuple[dict[str, bytes], Any]:
    """Every output file's bytes, built in memory, and the Dataset they came from."""
    from kg.graph import build_dataset, union
    from kg.viz import page_bytes

    ds = build_dataset(corpus, base, include_text)
    nq = serialize(ds, "nquads")
    files = {
        "graph.ttl": fast_serialize(nq, "turtle"),
        "graph.trig": fast_serialize(nq, "trig"),
        "graph.nq": nq,
        "graph.jsonld": serialize(union(ds), "json-ld"),
        "context.jsonld": (json.dumps(jsonld_context(), ensure_ascii=False, indent=1) + "\n").encode("utf-8"),
        "extractions.jsonl": _jsonl(extraction_lines(corpus, base)),
    }
    files["graph.html"] = page_bytes(ds)
    return files, ds


#: Articles longer than this are skipped: ten times a long feature article, far below spaCy's own limit of a
#: million characters, above which its parser needs gigabytes.
MAX_CHARS = 200_000

#: Seconds one article may take through the pipeline before it is reported and skipped: a long article takes a
#: few seconds, so this only stops one that would hold the build for minutes.
ARTICLE_TIMEOUT = 60.0


def _render_isolating(
    records: list[ArticleRecord], base: str, include_text: bool, report: BuildReport
) -> tuple[Corpus, dict[str, bytes], Any]:
    """Resolve and render the corpus; when that fails, find the articles it fails on (each resolved and rendered
    alone), report and leave them out, and render the rest."""
    from kg.resolve import resolve

    try:
        corpus = resolve(records)
        return (corpus, *render(corpus, base, include_text))
    except Exception:  # noqa: BLE001 — one article's failure must not take the corpus down
        good = []
        for rec in records:
            try:
                render(resolve([rec]), base, include_text)
                good.append(rec)
            except Exception as exc:  # noqa: BLE001
                where = rec.article.path or rec.article.id
                report.skipped.append(Problem(where, f"graph failed: {type(exc).__name__}: {exc}"))
        if not good:
            raise
        corpus = resolve(good)
        return (corpus, *render(corpus, base, include_text))


def build(
    inputs: Iterable[str | Path],
    outdir: str | Path,
    model: str | None = None,
    base: str = DEFAULT_BASE,
    include_text: bool = False,
    store: str | Path | None = None,
    validate: bool = True,
    nlp: Any = None,
    progress: Callable[[str], None] | None = None,
    jobs: int = 1,
    encoding: str | None = None,
    max_chars: int = MAX_CHARS,
    article_timeout: float | None = ARTICLE_TIMEOUT,
    on_total: Callable[[int], None] | None = None,
) -> BuildReport:
    """Build the graph of the articles in ``inputs`` into ``outdir``; problems with single inputs are skipped.
    With ``jobs`` > 1 (and no ``nlp`` given) the articles are extracted by that many worker processes. An article
    longer than ``max_chars`` or slower than ``article_timeout`` seconds is reported and skipped."""
    out = Path(outdir)
    with output_lock(out):
        return _build(
            inputs, out, model, base, include_text, store, validate, nlp, progress, jobs, encoding, max_chars,
            article_timeout, on_total,
        )  # fmt: skip


def _build(  # noqa: PLR0913
    inputs, out, model, base, include_text, store, validate, nlp, progress, jobs, encoding, max_chars,
    article_timeout, on_total,
) -> BuildReport:  # fmt: skip
    report = BuildReport()
    articles: list[Article] = []
    inputs = list(inputs)
    for item in read_inputs(inputs, encoding, report.encodings):
        if isinstance(item, Problem):
            report.skipped.append(item)
        elif len(item.text) > max_chars:
            report.skipped.append(
                Problem(
                    item.path or item.id, f"{len(item.text):,} characters, over --max-chars {max_chars:,}"
                )
            )
        else:
            articles.append(item)
    if on_total:
        on_total(len(articles))
    if not articles:
        raise InputError(
            "no article could be read from "
            + ", ".join(str(i) for i in inputs)
            + "".join(f"\n  {p.where}: {p.reason}" for p in report.skipped)
        )
    if nlp is None and jobs > 1:
        from kg.workers import extract_in_processes

        stream = extract_in_processes(
            articles, model, jobs, on_error=report.skipped.append, timeout=article_timeout,
            on_warning=report.warnings.append, max_length=max_chars + 1,
        )  # fmt: skip
    else:
        from kg.extract import extract_records
        from kg.pipeline.nlp import build_nlp

        if nlp is None:
            nlp = build_nlp(model)
        nlp.max_length = max(nlp.max_length, max_chars + 1)
        stream = extract_records(
            articles, nlp, on_error=report.skipped.append, timeout=article_timeout,
            on_warning=report.warnings.append,
        )  # fmt: skip
    records = []
    for rec in stream:
        records.append(rec)
        if progress:
            progress(rec.article.id)
    if not records:
        raise InputError(
            "no article could be built" + "".join(f"\n  {p.where}: {p.reason}" for p in report.skipped)
        )
    corpus, files, ds = _render_isolating(records, base, include_text, report)
    report.articles.extend(rec.article.id for rec in corpus.records)
    if validate:
        from kg.validate import validate as run_validation

        report.validation = run_validation(ds)
    report.written.extend(write_set(out, files))
    if store is not None:
        from kg.store import write_store

        report.counts["store quads"] = write_store(out / "graph.nq", Path(store))
        report.written.append(Path(store))
    records = list(corpus.records)
    report.counts.update(
        articles=len(records),
        entities=len(corpus.entities),
        mentions=sum(len(r.mentions) for r in records),
        events=sum(len(r.events) for r in records),
        positions=sum(len(r.positions) for r in records),
        facts=sum(len(r.facts) for r in records),
        quads=sum(1 for _ in ds.quads((None, None, None, None))),
    )
    return report
