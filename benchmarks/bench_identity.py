"""One node per actor on a build of the factRuEval-2016 dev texts: prints (a) persons split into two nodes by an
inflection or a missing first name, (b) state bodies with no dip:partOf link to their state. Both should be zero.

(a) two Person nodes with the same surname up to its case ending (a stem: «Медведева» and «Медведев») whose first
names agree (equal up to their ending, an initial of the other, or one of them missing); (b) an Organization
node whose name starts with an institution of ``kg/data/post_state_bodies.tsv`` and names a State node of the
graph anywhere after it, without a dip:partOf edge. The checks read the built RDF graph, not the resolver's own
tables. Not a test: `python benchmarks/bench_identity.py PATH/factru_dev.jsonl [--limit N] [--records FILE]`
(``--records`` keeps the extracted records in a pickle so that a second run only resolves and renders).
"""

from __future__ import annotations

import argparse
import json
import pickle
import re
import sys
import tempfile
import time
from pathlib import Path

DIP_NS = "https://w3id.org/partnership-kg/ontology#"
ENDINGS = re.compile(
    r"(ыми|ами|ого|его|ому|ему|ием|ий|ия|ию|ии|ие|ая|ую|ым|им|ом|ем|ой|ей|ою|ью|а|я|у|ю|е|ы|и|ь)$"
)


def stem(word: str) -> str:
    w = re.sub(r"(.)\1+", r"\1", word.lower().replace("ё", "е").strip(".,"))
    cut = ENDINGS.sub("", w)
    return cut if len(cut) >= 3 else w


def first_names_agree(a: list[str], b: list[str]) -> bool:
    if len(a) < 2 or len(b) < 2:
        return True
    fa, fb = a[0], b[0]
    if fa.endswith(".") or fb.endswith("."):
        return fa[0].lower() == fb[0].lower()
    return stem(fa) == stem(fb)


def records_of(path: Path, limit: int | None, cache: Path | None):
    if cache is not None and cache.exists():
        return pickle.loads(cache.read_bytes())
    from kg.extract import extract_records
    from kg.pipeline import build_nlp
    from kg.records import Article
    from kg.sources import read_inputs

    with tempfile.TemporaryDirectory() as tmp:
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        docs = [json.loads(line) for line in lines][:limit] if limit else [json.loads(x) for x in lines]
        source = Path(tmp) / "docs.jsonl"
        source.write_text(
            "".join(json.dumps({"id": d["id"], "text": d["text"]}, ensure_ascii=False) + "\n" for d in docs),
            encoding="utf-8",
        )
        articles = [a for a in read_inputs([source]) if isinstance(a, Article)]
        records = list(extract_records(articles, build_nlp()))
    if cache is not None:
        cache.write_bytes(pickle.dumps(records))
    return records


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "data", type=Path, help="factru_dev.jsonl (one JSON object per line with id and text)"
    )
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--records", type=Path, default=None, help="pickle of the extracted records (kept)")
    args = parser.parse_args(argv)

    from rdflib import URIRef
    from rdflib.namespace import RDF, SKOS

    from kg.build import render
    from kg.datafiles import rows
    from kg.resolve import resolve
    from kg.vocab import DIP

    t0 = time.perf_counter()
    records = records_of(args.data, args.limit, args.records)
    t1 = time.perf_counter()
    _, ds = render(resolve(records))
    t2 = time.perf_counter()
    g = ds.default_graph
    PART_OF = URIRef(DIP_NS + "partOf")  # noqa: N806 - read by name, so that a tree without the term runs too
    label = {s: str(o) for s, o in g.subject_objects(SKOS.prefLabel) if getattr(o, "language", None) == "ru"}

    persons = sorted((label[p], p) for p in g.subjects(RDF.type, DIP.Person) if p in label)
    by_surname: dict[str, list[tuple[str, object]]] = {}
    for name, node in persons:
        words = name.split()
        if words:
            by_surname.setdefault(stem(words[-1]), []).append((name, node))
    split, ambiguous = [], []
    for group in by_surname.values():
        for a, _ in group:
            fits = [b for b, _ in group if b != a and first_names_agree(a.split(), b.split())]
            if len(a.split()) == 1 and len({b for b in fits if len(b.split()) > 1}) > 1:
                ambiguous.append((a, sorted(fits)))  # «Бут» of an article naming Виктор and Алла Бут
                continue
            split += [(a, b) for b in fits if a < b]
    left_apart = {a for a, _ in ambiguous}
    split = [(a, b) for a, b in split if a not in left_apart and b not in left_apart]

    heads = sorted({tuple(r[0].split()) for r in rows("post_state_bodies.tsv")}, key=len, reverse=True)
    state_words = {}
    for s in g.subjects(RDF.type, DIP.State):
        for o in g.objects(s, SKOS.prefLabel):
            state_words[stem(str(o).split()[-1])] = s
    unlinked, linked = [], 0
    for org in sorted(g.subjects(RDF.type, DIP.Organization)):
        words = label.get(org, "").lower().replace("ё", "е").replace("«", " ").replace("»", " ").split()
        if not any(tuple(words[: len(h)]) == h for h in heads):
            continue
        if not any(stem(w) in state_words for w in words[1:]):
            continue
        if (org, PART_OF, None) in g:
            linked += 1
        else:
            unlinked.append(label[org])

    print(f"documents: {len(records)}  extract: {t1 - t0:.1f}s  resolve+render: {t2 - t1:.1f}s")
    print(f"persons: {len(persons)}")
    print(f"(a) persons split into two nodes (inflection / missing first name): {len(split)}")
    for a, b in split:
        print(f"    {a} | {b}")
    print(f"    (left apart: a surname alone that several full names fit: {len(ambiguous)})")
    for a, fits in ambiguous:
        print(f"    {a}: {' | '.join(fits)}")
    print(f"(b) state bodies linked to their state: {linked}; without the link: {len(unlinked)}")
    for name in unlinked:
        print(f"    {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
