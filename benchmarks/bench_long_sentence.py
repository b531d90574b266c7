"""Time of one very long sentence through the pipeline (issue 13): a generated list of posts and names, about
40,000 characters without a full stop, stage by stage. Not a test: `python benchmarks/bench_long_sentence.py
[--chars N]`.
"""

from __future__ import annotations

import argparse
import sys
import time

FIRST = ("Олег", "Иван", "Пётр", "Семён", "Андрей", "Зоя", "Анна", "Раиса")
LAST = ("Сомов", "Кравцов", "Гаврилов", "Блинов", "Лужин", "Котов", "Рябов", "Пыжов")
POSTS = ("министр финансов Чили", "посол Перу", "глава МИД Эстонии", "председатель парламента Канады")


def sentence(chars: int) -> str:
    parts, n = [], 0
    while sum(len(p) + 2 for p in parts) < chars:
        first, last = FIRST[n % len(FIRST)], LAST[(n // len(FIRST)) % len(LAST)]
        if first in ("Зоя", "Анна", "Раиса"):
            last += "а"
        parts.append(f"{POSTS[n % len(POSTS)]} {first} {last}")
        n += 1
    return "На встрече присутствовали " + ", ".join(parts) + "."


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=40_000)
    parser.add_argument(
        "--build",
        action="store_true",
        help="then kg build the sentence, with the same pipeline, stage by stage",
    )
    args = parser.parse_args(argv)
    from kg.pipeline import build_nlp

    nlp = build_nlp()
    nlp("Прогрев: Ван И прибыл в Астану.")
    text = sentence(args.chars)
    doc = nlp.make_doc(text)
    total = 0.0
    for name, proc in nlp.pipeline:
        t = time.perf_counter()
        doc = proc(doc)
        took = time.perf_counter() - t
        total += took
        print(f"{name:28s} {took:8.2f} s")
    print(
        f"{'total':28s} {total:8.2f} s  ({len(text)} characters, {len(doc)} tokens, "
        f"{sum(e.label_ == 'Person' for e in doc.ents)} persons, {len(doc._.kg_positions)} positions)"
    )
    if args.build:
        import tempfile
        from pathlib import Path

        from kg.build import build

        with tempfile.TemporaryDirectory() as tmp:
            (Path(tmp) / "long.txt").write_text(text, encoding="utf-8")
            t = time.perf_counter()
            report = build([Path(tmp) / "long.txt"], Path(tmp) / "out", nlp=nlp)
            took = time.perf_counter() - t
        stages = ", ".join(f"{k} {v:.2f} s" for k, v in report.timings.items())
        print(f"{'kg build (model loaded)':28s} {took:8.2f} s  ({stages}; {report.counts['quads']} quads)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
