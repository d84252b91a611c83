from __future__ import annotations

from pathlib import Path

from newsgraph.ingest.paths import expand_inputs


def test_globs_urls_and_plain_paths(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    for name in ("a/1.warc.gz", "a/2.warc.gz", "b.jsonl", "c.txt"):
        (tmp_path / name).write_text("x")
    got = expand_inputs(
        [
            str(tmp_path / "**" / "*.warc.gz"),
            "https://example.org/feed.rss",
            tmp_path / "b.jsonl",
            str(tmp_path / "a" / "1.warc.gz"),  # a repeat: kept once
            str(tmp_path / "none-*.jsonl"),
        ]
    )
    assert got == [
        tmp_path / "a" / "1.warc.gz",
        tmp_path / "a" / "2.warc.gz",
        "https://example.org/feed.rss",
        tmp_path / "b.jsonl",
        tmp_path / "none-*.jsonl",  # no match: kept so the reader reports it
    ]
