"""Throughput and memory at scale (issue 12): the full build next to Slovnet's own models on the same texts.

The corpus is ``../shared/eval/wikinews-ru.jsonl`` (653 real articles), cut or repeated with fresh ids to each
size of ``--sizes``. For each size, each side runs in its own fresh interpreter, one after the other:

- ``build``, ``build-j2``: ``kg.build.build`` of the JSONL (read, extract, resolve, graph, validate, write every
  output), in this process / with 2 worker processes; the wall time includes loading the pipeline;
- ``extract``, ``extract-j2``: the extraction alone (``kg.engines.extract``), 1 vs 2 worker processes;
- ``extract-blas2`` (only when asked by ``--sides``): the extraction in this process with two BLAS threads;
- ``ner``: natasha's Segmenter + NewsNERTagger (Slovnet NER) alone;
- ``ner+morph+syntax``: natasha as its README shows it: segment, NewsMorphTagger, NewsSyntaxParser, NewsNERTagger.

Articles/s of the natasha sides leave out loading the models; CPU seconds count everything (the side's process
and its workers, loading included). On a machine shared with other users the wall time of N workers depends on
the share of the cores the scheduler gives them (Linux autogroup gives a login session one share, however many
processes it runs), so compare the CPU seconds too. Peak memory is ``ru_maxrss`` of the side's process,
plus, for worker processes, the largest child's times the number of workers (an upper bound). Stage times come
from ``BuildReport.timings`` when the build reports them. Not a test: run it with
``python benchmarks/bench_scale.py [--sizes 653 10000 20000] [--sides build,extract,...]``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import sys
import tempfile
import time
from pathlib import Path

from sides import fresh_side

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "eval" / "wikinews-ru.jsonl"
SIDES = ("build", "build-j2", "extract", "extract-j2", "ner", "ner+morph+syntax")
OPTIONAL = ("extract-blas2",)


def make_corpus(source: Path, size: int, dest: Path) -> None:
    """The first ``size`` articles of ``source``, repeated with fresh ids (``ID~2``, ``ID~3``…) when it has fewer."""
    lines = [json.loads(line) for line in source.open(encoding="utf-8") if line.strip()]
    with dest.open("w", encoding="utf-8") as out:
        for i in range(size):
            obj = dict(lines[i % len(lines)])
            if i >= len(lines):
                obj["id"] = f"{obj['id']}~{i // len(lines) + 1}"
            out.write(json.dumps(obj, ensure_ascii=False) + "\n")


def peak_mb(workers: int = 0) -> float:
    """Peak RSS of this process, plus ``workers`` times its largest child's, in MB (ru_maxrss is KiB on Linux)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return (own + workers * child) / 1024


def cpu_s() -> float:
    """CPU seconds (user + system) of this process and of its children that have ended (the workers)."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def texts(path: Path) -> list[str]:
    return [json.loads(line)["text"] for line in path.open(encoding="utf-8") if line.strip()]


def run_build(path: Path, jobs: int) -> dict:
    from kg.build import build

    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        report = build([path], Path(tmp) / "out", jobs=jobs)
        wall = time.perf_counter() - t
    timings = getattr(report, "timings", None) or {}
    return {
        "articles": len(report.articles),
        "wall_s": wall,
        "peak_mb": peak_mb(jobs if jobs > 1 else 0),
        "cpu_s": cpu_s(),
        "timings": {k: round(v, 2) for k, v in timings.items()},
        "quads": report.counts.get("quads"),
    }


def run_extract(path: Path, jobs: int) -> dict:
    from kg.engines import extract
    from kg.records import Article
    from kg.sources import read_inputs

    articles = [a for a in read_inputs([path]) if isinstance(a, Article)]
    t = time.perf_counter()
    records = list(extract(articles, on_error=print, jobs=jobs))
    wall = time.perf_counter() - t
    return {
        "articles": len(records),
        "wall_s": wall,
        "peak_mb": peak_mb(jobs if jobs > 1 else 0),
        "cpu_s": cpu_s(),
        "mentions": sum(len(r.mentions) for r in records),
    }


def run_natasha(path: Path, full: bool) -> dict:
    t = time.perf_counter()
    from natasha import Doc, NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser, Segmenter

    segmenter, emb = Segmenter(), NewsEmbedding()
    ner = NewsNERTagger(emb)
    morph, syntax = (NewsMorphTagger(emb), NewsSyntaxParser(emb)) if full else (None, None)
    load = time.perf_counter() - t
    docs = texts(path)
    t = time.perf_counter()
    spans = 0
    for text in docs:
        doc = Doc(text)
        doc.segment(segmenter)
        if full:
            doc.tag_morph(morph)
            doc.parse_syntax(syntax)
        doc.tag_ner(ner)
        spans += len(doc.spans)
    return {
        "articles": len(docs),
        "wall_s": time.perf_counter() - t,
        "load_s": load,
        "peak_mb": peak_mb(),
        "cpu_s": cpu_s(),
        "mentions": spans,
    }


def run_side(side: str, path: Path) -> dict:
    if side.startswith("build"):
        return run_build(path, 2 if side.endswith("-j2") else 1)
    if side.startswith("extract"):
        return run_extract(path, 2 if side.endswith("-j2") else 1)
    return run_natasha(path, full=side != "ner")


def child(side: str, path: Path) -> dict | str:
    """One side in a fresh interpreter (its own peak memory); its figures, or the last line of its error."""
    # every side with the thread setting that is fastest here (one BLAS thread), but the one comparing it
    threads = "2" if side == "extract-blas2" else "1"
    env = dict(os.environ, PYTHONPATH=str(ROOT), OPENBLAS_NUM_THREADS=threads, OMP_NUM_THREADS=threads)
    env["MKL_NUM_THREADS"] = threads
    cmd = [sys.executable, __file__, "--side", side, "--corpus", str(path)]
    return fresh_side(cmd, env)


def machine() -> str:
    """Cores, memory, CPU model, Python and the load average: the figures depend on all of them."""
    model, mem = platform.processor() or "?", 0
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = int(line.split()[1]) // 1024 // 1024
    except OSError:
        pass
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return f"{os.cpu_count()} cores, {mem} GB RAM, {model}; python {platform.python_version()}; load average {load}"


def report(size: int, results: dict[str, dict | str]) -> None:
    print(f"\n{size:,} articles")
    print(f"{'side':20}{'articles/s':>12}{'wall (s)':>10}{'CPU (s)':>9}{'peak (MB)':>11}{'× ner+m+s':>11}")
    peer = results.get("ner+morph+syntax")
    peer_rate = peer["articles"] / peer["wall_s"] if isinstance(peer, dict) else None
    for side, r in results.items():
        if isinstance(r, str):
            print(f"{side:20}FAILED: {r}")
            continue
        rate = r["articles"] / r["wall_s"]
        ratio = f"{rate / peer_rate:.2f}" if peer_rate else "-"
        print(f"{side:20}{rate:12.1f}{r['wall_s']:10.1f}{r['cpu_s']:9.1f}{r['peak_mb']:11.0f}{ratio:>11}")
    for one, two in (("extract", "extract-j2"), ("build", "build-j2")):
        a, b = results.get(one), results.get(two)
        if isinstance(a, dict) and isinstance(b, dict):
            # the CPU the side used is what a machine with free cores needs; the two workers share it evenly
            # (they take batches as they finish them), the rest is the parent's
            print(
                f"{two} / {one}: {a['wall_s'] / b['wall_s']:.2f}× faster in wall time here; "
                f"CPU {b['cpu_s'] / a['cpu_s']:.2f}× the single process's"
            )
    a, b = results.get("extract"), results.get("extract-blas2")
    if isinstance(a, dict) and isinstance(b, dict):
        print(f"extract with 2 BLAS threads / with 1: {b['wall_s'] / a['wall_s']:.2f}× the time")
    for side in ("build", "build-j2"):
        r = results.get(side)
        if isinstance(r, dict):
            stages = r.get("timings") or {}
            shown = ", ".join(f"{k} {v:.1f}" for k, v in stages.items()) or "not reported by this build"
            print(f"{side} stages (s): {shown}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA, help="JSONL with id and text per line")
    parser.add_argument("--sizes", type=int, nargs="+", default=[100], help="corpus sizes (articles)")
    parser.add_argument("--sides", default=",".join(SIDES), help=f"of {', '.join(SIDES + OPTIONAL)}")
    parser.add_argument("--side", help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.side:
        import warnings

        warnings.simplefilter("ignore")
        print(json.dumps(run_side(args.side, args.corpus)))
        return
    sides = [s for s in args.sides.split(",") if s]
    unknown = set(sides) - set(SIDES + OPTIONAL)
    if unknown:
        parser.error(f"unknown side(s): {', '.join(sorted(unknown))}")
    print("command: python " + " ".join(sys.argv))
    print("machine: " + machine())
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            corpus = Path(tmp) / f"corpus-{size}.jsonl"
            make_corpus(args.data, size, corpus)
            report(size, {side: child(side, corpus) for side in sides})
    print("\nload average at the end: " + ", ".join(f"{x:.1f}" for x in os.getloadavg()))


if __name__ == "__main__":
    main()
