"""WARC / WARC.gz input: HTML responses only, broken records skipped with counted reasons."""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scale"))

from scale_fixtures import (
    clean_records,
    corrupt_member,
    page_html,
    sample_records,
    write_gz,
)

from newsgraph.errors import InputError
from newsgraph.ingest import iter_articles
from newsgraph.ingest.stats import collect_read_stats
from newsgraph.ingest.warc import WarcPage, WarcStats, iter_warc, response_record
from newsgraph.model import Article


def _split(items: list[Article | InputError]) -> tuple[list[Article], list[InputError]]:
    arts = [i for i in items if isinstance(i, Article)]
    errs = [i for i in items if isinstance(i, InputError)]
    return arts, errs


def test_clean_warc_gz_yields_the_html_pages_and_counts_the_rest(tmp_path: Path) -> None:
    recs = sample_records()
    path = write_gz(clean_records(recs), tmp_path / "crawl.warc.gz")
    stats = WarcStats(source=str(path))
    arts, errs = _split(list(iter_warc(path, stats=stats)))
    assert errs == []
    assert [a.url for a in arts] == [r["url"] for r in recs]
    assert [a.published for a in arts] == [r["date"] for r in recs]
    first_sentence = recs[0]["text"].splitlines()[2].strip()[:40]
    assert first_sentence in arts[0].body
    assert stats.articles == len(recs)
    assert stats.skipped["record type request"] == len(recs)
    assert stats.skipped["record type metadata"] == 1
    assert stats.skipped["content type application/json"] == 1
    assert stats.skipped["HTTP status 404"] == 1
    assert stats.records == 2 * len(recs) + 3


def test_uncompressed_warc_through_iter_articles(tmp_path: Path) -> None:
    recs = sample_records()[:2]
    path = tmp_path / "crawl.warc"
    path.write_bytes(b"".join(clean_records(recs)))
    with collect_read_stats() as collected:
        arts, errs = _split(list(iter_articles([path])))
    assert len(arts) == 2 and errs == []
    assert len(collected) == 1 and collected[0].kind == "warc"
    assert "2 articles" in collected[0].summary()


def test_corrupt_member_and_truncated_record_are_skipped_and_reported(tmp_path: Path) -> None:
    recs = sample_records()
    records = clean_records(recs)
    # records: req0 resp0 metadata json 404 | req1 resp1 | req2 resp2 | ...
    data = b"".join(gzip.compress(r, mtime=0) for r in records[:6])
    data += corrupt_member(records[6])  # resp1 is lost
    data += b"".join(gzip.compress(r, mtime=0) for r in records[7:-1])
    data += gzip.compress(records[-1][:-300], mtime=0)  # the last page is cut short
    path = tmp_path / "broken.warc.gz"
    path.write_bytes(data)
    with collect_read_stats() as collected:
        arts, errs = _split(list(iter_articles([path])))
    assert [a.url for a in arts] == [recs[0]["url"], *[r["url"] for r in recs[2:-1]]]
    assert len(errs) == 2
    assert errs[0].source == f"{path}#record 7" and "corrupt" in errs[0].reason
    assert "truncated record" in errs[1].reason
    stats = collected[0]
    assert stats.errors == {"corrupt gzip member": 1, "truncated record": 1}
    assert "2 unreadable" in stats.summary()


def test_corrupt_first_member_does_not_lose_the_next(tmp_path: Path) -> None:
    recs = sample_records()[:2]
    records = clean_records(recs)
    data = corrupt_member(records[0]) + b"".join(gzip.compress(r, mtime=0) for r in records[1:])
    path = tmp_path / "a.warc.gz"
    path.write_bytes(data)
    arts, errs = _split(list(iter_warc(path)))
    assert [a.url for a in arts] == [r["url"] for r in recs]
    assert len(errs) == 1


def test_publication_date_prefers_the_page_then_published_then_warc_date(tmp_path: Path) -> None:
    rec = dict(sample_records()[0])
    # No date anywhere on the page (the text's dateline removed too).
    rec["text"] = "\n".join(rec["text"].splitlines()[1:])
    page = WarcPage(
        url="https://example.org/a",
        html=page_html(rec, with_date=False),
        date="2023-05-06T07:08:09Z",
    )
    path = tmp_path / "one.warc.gz"
    write_gz([response_record(page)], path)
    (art,) = list(iter_warc(path))
    assert isinstance(art, Article) and art.published == "2023-05-06"
    (art,) = list(iter_warc(path, published="2023-01-02"))
    assert isinstance(art, Article) and art.published == "2023-01-02"
    dated = tmp_path / "dated.warc.gz"
    page.html = page_html(rec, with_date=True)
    write_gz([response_record(page)], dated)
    (art,) = list(iter_warc(dated, published="2023-01-02"))
    assert isinstance(art, Article) and art.published == rec["date"]


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    (err,) = list(iter_warc(tmp_path / "nope.warc.gz"))
    assert isinstance(err, InputError) and "cannot be read" in err.reason
