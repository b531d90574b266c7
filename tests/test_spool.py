"""kg.spool: lines sorted through runs on disk come out as sorting them in memory does; records read back."""

from __future__ import annotations

import random

from kg.records import Article, ArticleRecord
from kg.spool import RecordSpool, SortedSpool


def test_lines_sorted_through_runs_on_disk_come_out_sorted_once_each(tmp_path):
    rng = random.Random(3)
    words = ["<a>", "<a/b>", "<a!>", '"ж"@ru', '"z"', "<b> <c>", "\u00e9", "\U0001f600"]
    lines = [" ".join(rng.choice(words) for _ in range(3)) + " .\n" for _ in range(500)]
    with SortedSpool(tmp_path, run_lines=7) as spool:
        spool.extend(lines)
        assert len(spool.runs) > 10  # most of the lines went to disk
        assert list(spool) == sorted(set(lines))
        assert list(spool) == sorted(set(lines))  # and can be read again
    assert list(tmp_path.iterdir()) == []  # the runs are gone


def test_records_spooled_to_disk_read_back_in_order_as_often_as_asked(tmp_path):
    records = [ArticleRecord(Article(id=f"a{i}", text="Текст " * i)) for i in range(50)]
    spool = RecordSpool(records[:20], folder=tmp_path)
    for rec in records[20:]:
        spool.append(rec)
    assert len(spool) == 50
    assert list(spool) == records and list(spool) == records
    path = spool.path
    assert path.exists()
    del spool
    assert not path.exists()
