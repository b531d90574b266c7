"""Write tests/data/hostile/: one file per kind of input scrapers really hand over, each made from sentences written
for it. Run from the repository root: ``python scripts/make_hostile.py``. ``EXPECTED`` in the folder says, for each
file, whether the build reads it (and in which encoding) or skips it, with a word of the reason it gives."""

from __future__ import annotations

import codecs
import json
import shutil
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "hostile"

TEXT = (
    "Министр иностранных дел Перу Зоя Блинова провела переговоры в Лиме с министром иностранных дел Чили "
    "Петром Гавриловым. Стороны обсудили торговлю и подписали соглашение о сотрудничестве."
)
OTHER = "Президент Перу прибыл в Сантьяго с официальным визитом. Стороны обсудили поставки меди."


def jsonl(*objs: object) -> bytes:
    return "".join(json.dumps(o, ensure_ascii=True) + "\n" for o in objs).encode()


def files() -> dict[str, tuple[bytes, str]]:
    """name → (bytes, expectation): 'read' or 'read:ENCODING' or 'skip:WORD'."""
    return {
        "cp1251.txt": (TEXT.encode("cp1251"), "read:cp1251"),
        "koi8r.txt": (TEXT.encode("koi8_r"), "read:koi8_r"),
        "utf16.txt": (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "read:utf-16"),
        "utf8-bom.txt": (codecs.BOM_UTF8 + OTHER.encode(), "read:utf-8-sig"),
        "визит.txt": (OTHER.replace("Сантьяго", "Куско").encode(), "read"),
        "переговоры.txt": (OTHER.replace("Сантьяго", "Арекипу").encode(), "read"),
        "noncharacters.txt": (("Визит\ufffe в Лиму\uffff. " + OTHER + "\x07\x1b").encode(), "read"),
        "huge-number.txt": (
            ("Товарооборот Перу и Чили вырос до " + "9" * 400 + " долларов. " + OTHER).encode(),
            "read",
        ),
        "html.txt": (
            b"<html><body><script>alert(1)</script><p>" + OTHER.encode() + b"</p></body></html>",
            "read",
        ),
        "empty.txt": (b"", "skip:empty"),
        "blank.txt": (b" \n\t\n", "skip:empty"),
        "binary.txt": (bytes(range(256)) * 4, "skip:binary"),
        "bad-dates.jsonl": (
            jsonl(
                {"id": "month13", "text": OTHER, "date": "2025-13-01"},
                {"id": "year0", "text": OTHER, "date": "0000-01-01"},
                {"id": "feb29", "text": OTHER, "date": "2025-02-29"},
            ),
            "skip:date",
        ),
        "surrogate.jsonl": (jsonl({"id": "s\ud800", "text": "Лима\ud800. " + OTHER}), "read"),
        "bom.jsonl": (codecs.BOM_UTF8 + jsonl({"id": "bom-first", "text": OTHER}), "read:utf-8"),
        "bad-line.jsonl": (b'{"id": "x", "text": \n', "skip:JSON"),
        "too-long.txt": (("Стороны обсудили торговлю. " * 9000).encode(), "skip:max-chars"),
    }


def main() -> None:
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True)
    expected = {}
    for name, (data, expect) in files().items():
        (OUT / name).write_bytes(data)
        expected[name] = expect
    (OUT / "EXPECTED.json").write_text(
        json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    print(f"wrote {len(expected)} files into {OUT}")


if __name__ == "__main__":
    main()
