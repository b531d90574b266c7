"""Benchmark the per-article extraction (the spaCy pipeline and the records), side by side with natasha.

Three sides over the same texts, each in its own fresh process with one BLAS thread:
- ``kg extract``: ``build_nlp()`` then ``kg.extract.extract_records`` (every component, the records; no graph);
- ``natasha NER``: Segmenter + NewsNERTagger, as natasha's README runs it;
- ``natasha NER+morph+syntax``: Segmenter, NewsMorphTagger, NewsSyntaxParser and NewsNERTagger.
Load time (the models, one warm-up text) is left out of docs/s; ``--also PATH`` times the ``kg`` of another
checkout too (the main branch, say), in the same run. ``--profile FILE`` runs our side under cProfile
instead and writes the stats (read them with ``python -m pstats FILE``). Not a test: run it with
``nice -n 5 python benchmarks/bench_extract.py [--data PATH] [--limit N] [--batch-size N]``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from sides import fresh_side

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "eval" / "wikinews-ru.jsonl"


def load_texts(path: Path, limit: int | None) -> list[dict[str, str]]:
    """(id, text) of each document of a JSONL file."""
    docs = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                obj = json.loads(line)
                docs.append({"id": str(obj["id"]), "text": obj["text"]})
    return docs[:limit] if limit else docs


def run_ours(docs: list[dict[str, str]], batch_size: int, profile: str | None) -> dict[str, float]:
    """Our extraction of the documents (the pipeline loaded and warmed up first)."""
    import warnings

    warnings.simplefilter("ignore", DeprecationWarning)
    from kg.extract import extract_records
    from kg.pipeline import build_nlp
    from kg.records import Article

    t0 = time.perf_counter()
    nlp = build_nlp()
    nlp("Прогрев: Ван И прибыл в Астану.")  # the Slovnet models load lazily on the first text
    load = time.perf_counter() - t0
    articles = [Article(id=d["id"], text=d["text"]) for d in docs]
    t1, c1 = time.perf_counter(), time.process_time()
    if profile:
        import cProfile

        profiler = cProfile.Profile()
        records = profiler.runcall(lambda: list(extract_records(articles, nlp, batch_size=batch_size)))
        profiler.dump_stats(profile)
    else:
        records = list(extract_records(articles, nlp, batch_size=batch_size))
    t2, c2 = time.perf_counter(), time.process_time()
    return {
        "load_s": load,
        "wall_s": t2 - t1,
        "cpu_s": c2 - c1,
        "entities": sum(len(r.mentions) for r in records),
        "events": sum(len(r.events) for r in records),
    }


def run_natasha(docs: list[dict[str, str]], full: bool) -> dict[str, float]:
    """natasha over the same texts: NER alone, or morphology, syntax and NER."""
    t0 = time.perf_counter()
    from natasha import Doc, NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser, Segmenter

    segmenter, emb = Segmenter(), NewsEmbedding()
    ner = NewsNERTagger(emb)
    morph, syntax = (NewsMorphTagger(emb), NewsSyntaxParser(emb)) if full else (None, None)
    load = time.perf_counter() - t0
    t1, c1 = time.perf_counter(), time.process_time()
    spans = 0
    for d in docs:
        doc = Doc(d["text"])
        doc.segment(segmenter)
        if full:
            doc.tag_morph(morph)
            doc.parse_syntax(syntax)
        doc.tag_ner(ner)
        spans += len(doc.spans)
    t2, c2 = time.perf_counter(), time.process_time()
    return {"load_s": load, "wall_s": t2 - t1, "cpu_s": c2 - c1, "entities": spans, "events": 0}


def child(side: str, args: argparse.Namespace, source: Path = ROOT) -> dict[str, float] | str:
    """Run one side in a fresh interpreter (one BLAS thread, ``kg`` imported from ``source``) and return its
    figures, or its last error line."""
    cmd = [sys.executable, __file__, "--side", side, "--data", str(args.data)]
    cmd += ["--batch-size", str(args.batch_size)] + (["--limit", str(args.limit)] if args.limit else [])
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    env["PYTHONPATH"] = os.pathsep.join([str(source), *filter(None, [os.environ.get("PYTHONPATH")])])
    return fresh_side(cmd, env)


def main() -> None:
    """Run the three sides and print their figures side by side."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA, help="JSONL with id and text per line")
    parser.add_argument("--limit", type=int, help="only the first N documents")
    parser.add_argument("--batch-size", type=int, default=16, help="nlp.pipe batch size of our side")
    parser.add_argument("--profile", help="profile our side into this file instead of comparing")
    parser.add_argument(
        "--repeat", type=int, default=1, help="run each side N times in turn, keep the fastest"
    )
    parser.add_argument(
        "--also", type=Path, help="also time the kg of another checkout (e.g. the main branch)"
    )
    parser.add_argument("--side", choices=["ours", "ner", "full"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    docs = load_texts(args.data, args.limit)
    if args.profile:
        print(json.dumps(run_ours(docs, args.batch_size, args.profile)))
        return
    if args.side:
        result = (
            run_ours(docs, args.batch_size, None)
            if args.side == "ours"
            else run_natasha(docs, args.side == "full")
        )
        print(json.dumps(result))
        return

    sides = {"kg extract": "ours", "natasha NER": "ner", "natasha NER+morph+syntax": "full"}
    runs = [(name, side, ROOT) for name, side in sides.items()]
    runs += [(f"kg extract ({args.also.name})", "ours", args.also.resolve())] if args.also else []
    results: dict[str, dict[str, float] | str] = {}
    for _ in range(args.repeat):  # the sides take turns; each keeps its fastest run (the machine is shared)
        for name, side, source in runs:
            r = child(side, args, source)
            best = results.get(name)
            if isinstance(r, str) or best is None or isinstance(best, str):
                results[name] = r if best is None or isinstance(r, str) else best
            else:
                results[name] = {k: min(v, r[k]) if k in ("wall_s", "cpu_s") else v for k, v in best.items()}
    chars = sum(len(d["text"]) for d in docs)
    print(f"{args.data.name}: {len(docs)} documents, {chars:,} characters; python {sys.version.split()[0]}")
    for name, r in results.items():
        if isinstance(r, str):
            print(f"{name:30} FAILED: {r}")
            continue
        print(
            f"{name:30} {len(docs) / r['wall_s']:7.2f} docs/s  {chars / r['wall_s']:9,.0f} chars/s  "
            f"wall {r['wall_s']:7.2f} s  CPU {r['cpu_s']:7.2f} s  load {r['load_s']:5.2f} s  entities {r['entities']:,}"
        )
    for mine in [n for n in results if n.startswith("kg extract")]:
        ours = results[mine]
        for name in ("natasha NER", "natasha NER+morph+syntax"):
            peer = results[name]
            if not isinstance(ours, str) and not isinstance(peer, str):
                print(
                    f"{mine} / {name}: {peer['wall_s'] / ours['wall_s']:.2f}× its speed "
                    f"(by CPU time {peer['cpu_s'] / ours['cpu_s']:.2f}×)"
                )
    if any(isinstance(r, str) for r in results.values()):
        raise SystemExit(1)


if __name__ == "__main__":
    main()
