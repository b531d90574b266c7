"""List the places in the code and tests that quote a reference text: runs of six words in a row.

Usage (from the repository root; the reference sets are not part of the repository)::

    python scripts/find_quotes.py ../shared/eval/factru_dev.jsonl ../shared/eval/news-dev/texts seeds \
        --in kg tests --skip tests/data/regression.jsonl

A source is a ``.txt`` file, a folder of them or a ``.jsonl`` file of ``{"id", "text"}`` lines. Each hit is printed
as ``path:line: document: the words``; the exit code is 1 when anything was found. Words are compared lower-cased
with «ё» read as «е», so a quotation in another case of letters or spelling is found too.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

RUN = 6  # six words in a row is a quotation; five common ones («в ходе визита в Китай») can be a phrase
WORD = re.compile(r"\w+")
SUFFIXES = {".py", ".tsv", ".txt", ".md", ".json", ".jsonl", ".ttl", ".rq", ".toml", ".cfg", ".html", ".js"}


def words(text: str) -> list[str]:
    """Lower-cased words with «ё» read as «е»."""
    return [w.replace("ё", "е") for w in WORD.findall(text.lower())]


def documents(source: Path) -> Iterator[tuple[str, str]]:
    """(document id, text) of every document in a source."""
    if source.is_dir():
        for path in sorted(source.rglob("*.txt")):
            yield str(path), path.read_text(encoding="utf-8")
    elif source.suffix == ".jsonl":
        with source.open(encoding="utf-8") as lines:
            for line in lines:
                if line.strip():
                    doc = json.loads(line)
                    yield doc["id"], doc["text"]
    else:
        yield str(source), source.read_text(encoding="utf-8")


def runs(sources: list[Path]) -> dict[tuple[str, ...], str]:
    """Every run of six words in the sources, with the first document it occurs in."""
    out: dict[tuple[str, ...], str] = {}
    for source in sources:
        for doc_id, text in documents(source):
            ws = words(text)
            for i in range(len(ws) - RUN + 1):
                out.setdefault(tuple(ws[i : i + RUN]), doc_id)
    return out


def files(roots: list[Path], skip: set[Path]) -> Iterator[Path]:
    """Text files under the roots, less the skipped ones."""
    for root in roots:
        found = [root] if root.is_file() else sorted(root.rglob("*"))
        for path in found:
            if path.is_file() and path.suffix in SUFFIXES and path.resolve() not in skip:
                yield path


def main(argv: list[str] | None = None) -> int:
    """Print every quotation found; 1 when there is one."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sources", nargs="+", type=Path)
    parser.add_argument("--in", dest="roots", nargs="+", type=Path, default=[Path("kg"), Path("tests")])
    parser.add_argument("--skip", nargs="*", type=Path, default=[])
    args = parser.parse_args(argv)
    known = runs(args.sources)
    skip = {p.resolve() for p in args.skip}
    found = 0
    for path in files(args.roots, skip):
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except UnicodeDecodeError:
            continue
        # a quotation may wrap over lines: read the file as one stream of words, remembering each word's line
        stream = [(n, w) for n, line in enumerate(lines, 1) for w in words(line)]
        reported: set[int] = set()
        for i in range(len(stream) - RUN + 1):
            key = tuple(w for _, w in stream[i : i + RUN])
            line_no = stream[i][0]
            if key in known and line_no not in reported:
                reported.add(line_no)
                found += 1
                print(f"{path}:{line_no}: {known[key]}: {' '.join(key)}")
    print(f"{found} quoted line(s)", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
