"""``kg build``: articles in, graph files out. Reads, extracts, resolves, builds the graph, writes every output.

Nothing in the output folder is touched until everything has been built in memory; the files are then written
into a staging folder and moved into place as a set (:func:`kg.export.write_set`), under a lock against a second
build into the same folder, so a failed or interrupted rebuild leaves the previous outputs whole. One article's
failure (unreadable, too long, too slow, or an error in any stage) is reported and skipped.
"""

from __future__ import annotations

import json
import tempfile
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.cache import CACHE_FILE, RecordCache, article_hash, load_cache, write_cache
from kg.export import output_lock, publish, staging_folder
from kg.iri import DEFAULT_BASE, article_key, event_key, fact_key, mint
from kg.records import Article, ArticleRecord, Corpus, Ref, TextSpan
from kg.render import Timings, render
from kg.sources import InputError, Problem, read_inputs
from kg.spool import RecordSpool

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
    #: seconds per stage: read, extract, resolve, graph, validate, write, page, publish (and store)
    timings: dict[str, float] = field(default_factory=Timings)


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


def write_extractions(corpus: Corpus, path: Path, base: str = DEFAULT_BASE) -> None:
    """``extractions.jsonl``: one line per article (:func:`extraction_lines`)."""
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for line in extraction_lines(corpus, base):
            out.write(json.dumps(line, ensure_ascii=False, sort_keys=True) + "\n")


def render_all(
    corpus: Corpus, folder: Path, base: str, include_text: bool, validate: bool, timings: Timings
) -> tuple[int, Any]:
    """Every output file of a resolved corpus, written into ``folder``: the quad count and validation report."""
    quads, report = render(corpus, folder, base, include_text, validate, timings)
    t = time.perf_counter()
    write_extractions(corpus, folder / "extractions.jsonl", base)
    timings.since("write", t)
    return quads, report


#: Articles longer than this are skipped: ten times a long feature article, far below spaCy's own limit of a
#: million characters, above which its parser needs gigabytes.
MAX_CHARS = 200_000

#: Seconds one article may take through the pipeline before it is reported and skipped: a long article takes a
#: few seconds, so this only stops one that would hold the build for minutes.
ARTICLE_TIMEOUT = 60.0


def _render_isolating(
    records: Iterable[ArticleRecord], folder: Path, base: str, include_text: bool, validate: bool,
    report: BuildReport,
) -> tuple[Corpus, int, Any]:  # fmt: skip
    """Resolve and render the corpus into ``folder``; when that fails, find the articles it fails on (each
    resolved and rendered alone), report and leave them out, and render the rest."""
    from kg.resolve import resolve

    t = time.perf_counter()
    try:
        corpus = resolve(records)
        t = report.timings.since("resolve", t)
        return (corpus, *render_all(corpus, folder, base, include_text, validate, report.timings))
    except Exception:  # noqa: BLE001 — one article's failure must not take the corpus down
        good = []
        for rec in records:
            try:
                with tempfile.TemporaryDirectory() as scratch:
                    render_all(resolve([rec]), Path(scratch), base, include_text, False, Timings())
                good.append(rec)
            except Exception as exc:  # noqa: BLE001
                where = rec.article.path or rec.article.id
                report.skipped.append(Problem(where, f"graph failed: {type(exc).__name__}: {exc}"))
        if not good:
            raise
        for stale in folder.iterdir():
            stale.unlink()
        corpus = resolve(good)
        return (corpus, *render_all(corpus, folder, base, include_text, validate, report.timings))


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
    jobs: int | None = 1,
    encoding: str | None = None,
    max_chars: int = MAX_CHARS,
    article_timeout: float | None = ARTICLE_TIMEOUT,
    on_total: Callable[[int], None] | None = None,
    update: bool = False,
    engine: str = "local",
    scheduler: str | None = None,
) -> BuildReport:
    """Build the graph of the articles in ``inputs`` into ``outdir``; problems with single inputs are skipped.
    With ``jobs`` > 1 (and no ``nlp`` given) the articles are extracted by that many worker processes (None: one
    per core, on a corpus big enough), with ``engine="dask"`` on the Dask cluster at ``scheduler`` (a local one
    when None); see :func:`kg.engines.extract`. An article longer than ``max_chars`` or slower than
    ``article_timeout`` seconds is reported and skipped.

    With ``update``, ``inputs`` are added to the build already in ``outdir``: only articles it does not hold are
    extracted, and the outputs are those of a build of its articles followed by the new ones."""
    out = Path(outdir)
    with output_lock(out):
        return _build(
            inputs, out, model, base, include_text, store, validate, nlp, progress, jobs, encoding, max_chars,
            article_timeout, on_total, update, engine, scheduler,
        )  # fmt: skip


def _new_articles(articles: list[Article], cache: RecordCache, report: BuildReport) -> list[Article]:
    """The articles a build does not hold yet; one it holds is left out, one with the id of another is skipped
    (as a plain build of both would)."""
    known, ids, new = cache.hashes(), cache.ids(), []
    for article in articles:
        if article_hash(article) in known:
            report.counts["unchanged"] = report.counts.get("unchanged", 0) + 1
        elif unicodedata.normalize("NFC", article.id) in ids:
            report.skipped.append(Problem(article.path or article.id, "duplicate id: already in the build"))
        else:
            new.append(article)
    return new


def _build(  # noqa: PLR0913
    inputs, out, model, base, include_text, store, validate, nlp, progress, jobs, encoding, max_chars,
    article_timeout, on_total, update, engine, scheduler,
) -> BuildReport:  # fmt: skip
    report = BuildReport()
    cache = load_cache(out, model) if update else None
    t = time.perf_counter()
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
    if cache is not None:
        articles = _new_articles(articles, cache, report)
    t = report.timings.since("read", t)
    if on_total:
        on_total(len(articles))
    if not articles and cache is None:
        raise InputError(
            "no article could be read from "
            + ", ".join(str(i) for i in inputs)
            + "".join(f"\n  {p.where}: {p.reason}" for p in report.skipped)
        )
    from kg.engines import extract

    stream = extract(
        articles, report.skipped.append, report.warnings.append, nlp=nlp, model=model, jobs=jobs, engine=engine,
        scheduler=scheduler, timeout=article_timeout,
    )  # fmt: skip
    records = RecordSpool(cache.records() if cache is not None else (), folder=out)
    for rec in stream:
        records.append(rec)
        if progress:
            progress(rec.article.id)
    if not records:
        raise InputError(
            "no article could be built" + "".join(f"\n  {p.where}: {p.reason}" for p in report.skipped)
        )
    t = report.timings.since("extract", t)
    with staging_folder(out) as folder:
        corpus, quads, report.validation = _render_isolating(
            records, folder, base, include_text, validate, report
        )
        t = time.perf_counter()
        write_cache(folder / CACHE_FILE, corpus.records, model)
        report.written.extend(publish(out, folder, OUTPUT_FILES))
        publish(out, folder, [CACHE_FILE])
        t = report.timings.since("publish", t)
    report.articles.extend(rec.article.id for rec in corpus.records)
    if store is not None:
        from kg.store import write_store

        report.counts["store quads"] = write_store(out / "graph.nq", Path(store))
        report.written.append(Path(store))
        report.timings.since("store", t)
    counted = Counter()
    for rec in corpus.records:
        counted.update(
            articles=1, mentions=len(rec.mentions), events=len(rec.events), positions=len(rec.positions),
            facts=len(rec.facts),
        )  # fmt: skip
    report.counts.update(
        {key: counted[key] for key in ("articles", "mentions", "events", "positions", "facts")},
        entities=len(corpus.entities),
        quads=quads,
    )
    return report
