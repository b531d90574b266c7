"""Benchmark the build on the factRuEval-2016 dev texts (122 documents), side by side with plain natasha.

Ours: ``build_nlp()`` then read → extract (the spaCy pipeline) → resolve → render and write every output file.
Peer: natasha as its README shows it (Segmenter, NewsEmbedding, NewsMorphTagger, NewsSyntaxParser, NewsNERTagger,
then ``span.normalize``) over the same texts. Each side runs in its own fresh process, so that its peak RSS
(``resource.getrusage``) is its own. Prints docs/s, chars/s, wall time, load time and peak RSS for each; with
``--jobs N`` (N > 1) also our build with extraction in N worker processes (``kg build --jobs N``; its peak RSS is
the parent's plus the largest worker's, and its load time is inside the wall time, as the workers load the
pipeline themselves). Not a test: run it with `python benchmarks/bench_build.py [--data PATH] [--limit N] [--jobs N]`.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

from sides import fresh_side

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "eval" / "factru_dev.jsonl"


def load_texts(path: Path, limit: int | None) -> list[dict[str, str]]:
    """(id, text) of each document of a JSONL file."""
    docs = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                obj = json.loads(line)
                docs.append({"id": obj["id"], "text": obj["text"]})
    return docs[:limit] if limit else docs


def peak_rss_mb() -> float:
    """Peak resident set size of this process in MB (ru_maxrss is in KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_ours(path: Path, limit: int | None, jobs: int = 1) -> dict[str, float]:
    """Our whole build of the documents, timed stage by stage (the pipeline loaded first, or by the workers)."""
    import warnings

    warnings.simplefilter("ignore", DeprecationWarning)
    from kg.build import Timings, render_all
    from kg.extract import extract_records
    from kg.iri import DEFAULT_BASE
    from kg.records import Article
    from kg.resolve import resolve
    from kg.sources import read_inputs

    t0 = time.perf_counter()
    from kg.pipeline import build_nlp

    nlp = None
    if jobs == 1:
        nlp = build_nlp()
        nlp("Прогрев: Ван И прибыл в Астану.")  # the Slovnet models load lazily on the first text
    load = time.perf_counter() - t0

    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "docs.jsonl"
        docs = load_texts(path, limit)
        source.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
        t1 = time.perf_counter()
        articles = [a for a in read_inputs([source]) if isinstance(a, Article)]
        t2 = time.perf_counter()
        if jobs == 1:
            records = list(extract_records(articles, nlp))
        else:
            from kg.workers import extract_in_processes

            records = list(extract_in_processes(articles, None, jobs, on_error=print))
        t3 = time.perf_counter()
        corpus = resolve(records)
        t4 = time.perf_counter()
        quads, error = 0, None
        try:
            out = Path(tmp) / "out"
            out.mkdir()
            quads, _ = render_all(corpus, out, DEFAULT_BASE, False, True, Timings())
        except Exception as exc:  # noqa: BLE001 - a benchmark reports what it could measure
            error = f"render/write failed: {type(exc).__name__}: {exc}"
        t5 = time.perf_counter()
    return {
        "docs": len(articles),
        "chars": sum(len(a.text) for a in articles),
        "load_s": load,
        "wall_s": (t5 if error is None else t4) - t1,
        "read_s": t2 - t1,
        "extract_s": t3 - t2,
        "resolve_s": t4 - t3,
        "render_write_s": t5 - t4,
        "entities": sum(len(r.mentions) for r in records),
        "events": sum(len(r.events) for r in records),
        "quads": quads,
        "peak_rss_mb": peak_rss_mb()
        + resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024 * (jobs > 1),
        "error": error,
    }


def run_natasha(path: Path, limit: int | None) -> dict[str, float]:
    """Plain natasha over the same texts: segment, morphology, syntax, NER, span normalisation."""
    t0 = time.perf_counter()
    from natasha import (
        Doc,
        MorphVocab,
        NewsEmbedding,
        NewsMorphTagger,
        NewsNERTagger,
        NewsSyntaxParser,
        Segmenter,
    )

    segmenter, morph_vocab, emb = Segmenter(), MorphVocab(), NewsEmbedding()
    morph, syntax, ner = NewsMorphTagger(emb), NewsSyntaxParser(emb), NewsNERTagger(emb)
    load = time.perf_counter() - t0

    docs = load_texts(path, limit)
    t1 = time.perf_counter()
    spans = 0
    for d in docs:
        doc = Doc(d["text"])
        doc.segment(segmenter)
        doc.tag_morph(morph)
        doc.parse_syntax(syntax)
        doc.tag_ner(ner)
        for span in doc.spans:
            span.normalize(morph_vocab)
        spans += len(doc.spans)
    t2 = time.perf_counter()
    return {
        "docs": len(docs),
        "chars": sum(len(d["text"]) for d in docs),
        "load_s": load,
        "wall_s": t2 - t1,
        "entities": spans,
        "peak_rss_mb": peak_rss_mb(),
    }


def child(side: str, path: Path, limit: int | None, jobs: int = 1) -> dict[str, float] | str:
    """Run one side in a fresh interpreter and return its figures, or the last line of its error."""
    cmd = [sys.executable, __file__, "--side", side, "--data", str(path), "--jobs", str(jobs)] + (
        ["--limit", str(limit)] if limit else []
    )
    return fresh_side(cmd)


def main() -> None:
    """Run both sides and print their figures side by side."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA, help="JSONL with id and text per line")
    parser.add_argument("--limit", type=int, help="only the first N documents")
    parser.add_argument("--jobs", type=int, default=1, help="also time kg build with N worker processes")
    parser.add_argument("--side", choices=["ours", "natasha"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.side:
        if args.side == "ours":
            result = run_ours(args.data, args.limit, args.jobs)
        else:
            result = run_natasha(args.data, args.limit)
        print(json.dumps(result))
        return

    results = {"kg build": child("ours", args.data, args.limit)}
    if args.jobs > 1:
        results[f"kg build -j{args.jobs}"] = child("ours", args.data, args.limit, args.jobs)
    results["natasha"] = child("natasha", args.data, args.limit)
    for name, r in results.items():
        if isinstance(r, str):
            print(f"{name} FAILED: {r}")
    done = {n: r for n, r in results.items() if not isinstance(r, str)}
    if not done:
        raise SystemExit(1)
    first = next(iter(done.values()))
    print(
        f"{args.data.name}: {first['docs']} documents, {first['chars']:,} characters; python {sys.version.split()[0]}"
    )
    rows = [
        ("load time (s)", "load_s", "{:.2f}"),
        ("wall time, all docs (s)", "wall_s", "{:.2f}"),
        ("docs/s", None, "{:.1f}"),
        ("chars/s", None, "{:,.0f}"),
        ("peak RSS (MB)", "peak_rss_mb", "{:.0f}"),
        ("entity mentions", "entities", "{:,}"),
    ]
    print(f"{'':26}" + "".join(f"{n:>14}" for n in done))
    for label, key, fmt in rows:
        cells = []
        for r in done.values():
            if label == "docs/s":
                value = r["docs"] / r["wall_s"]
            elif label == "chars/s":
                value = r["chars"] / r["wall_s"]
            else:
                value = r[key]
            cells.append(fmt.format(value))
        print(f"{label:26}" + "".join(f"{c:>14}" for c in cells))
    ours = done.get("kg build")
    if ours:
        stages = ("read_s", "extract_s", "resolve_s", "render_write_s")
        print("kg build stages (s): " + ", ".join(f"{k[:-2]} {ours[k]:.2f}" for k in stages))
        print(f"kg build found {ours['events']} events; graph of {ours['quads']:,} quads")
        if ours.get("error"):
            print(f"kg build: {ours['error']} (its wall time covers read, extract and resolve only)")
    if len(done) < len(results):
        raise SystemExit(1)


if __name__ == "__main__":
    main()
