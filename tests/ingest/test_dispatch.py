"""Inputs by kind, and bad inputs: each yields one clear InputError, the others still read."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.errors import InputError
from newsgraph.ingest import iter_articles
from newsgraph.ingest.dispatch import sniff_kind
from newsgraph.model import Article

BODY = (
    "Rescue teams reached the flooded villages on Tuesday after the river burst its banks, "
    "officials said, and began moving families to schools on higher ground."
)


def _one(path: Path) -> Article | InputError:
    items = list(iter_articles([path]))
    assert len(items) == 1
    return items[0]


def _error(path: Path) -> InputError:
    item = _one(path)
    assert isinstance(item, InputError), item
    assert item.source == str(path)
    assert "\n" not in str(item)
    return item


def test_plain_text_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(BODY + "\n", encoding="utf-8")
    item = _one(path)
    assert isinstance(item, Article) and item.body == BODY


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"  \n")
    assert "empty" in _error(path).reason


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert "binary" in _error(path).reason


def test_latin1_text_is_refused_with_the_fix(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes(("Le café a fermé. " + BODY).encode("latin-1"))
    reason = _error(path).reason
    assert "UTF-8" in reason and "iconv" in reason


def test_latin1_html_with_declared_charset_is_read(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    html = (
        '<html><head><meta charset="iso-8859-1"><title>Café</title></head><body><article>'
        f"<p>Le café a fermé. {BODY}</p><p>{BODY}</p></article></body></html>"
    )
    path.write_bytes(html.encode("latin-1"))
    item = _one(path)
    assert isinstance(item, Article) and "café" in item.body


def test_broken_html_still_gives_the_text(tmp_path: Path) -> None:
    path = tmp_path / "broken.html"
    path.write_text(f"<html><body><div><p>{BODY}<p>{BODY} Second.</div></span><table><tr>")
    item = _one(path)
    assert isinstance(item, Article) and BODY in item.body


def test_html_without_text_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "nav.html"
    path.write_text("<html><head><script>var x = 1;</script></head><body><img src=a.png></body>")
    assert "no article text" in _error(path).reason


def test_missing_file_and_directory(tmp_path: Path) -> None:
    assert "does not exist" in _error(tmp_path / "nope.txt").reason
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "b.txt").write_text(BODY)
    (tmp_path / "d" / "a.txt").write_text("")
    items = list(iter_articles([tmp_path / "d"]))
    assert [type(i).__name__ for i in items] == ["InputError", "Article"]


def test_bad_input_does_not_stop_the_others(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(BODY)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02")
    items = list(iter_articles([bad, good, tmp_path / "missing.txt", good]))
    assert [type(i).__name__ for i in items] == ["InputError", "Article", "InputError", "Article"]


@pytest.mark.parametrize(
    ("name", "head", "kind"),
    [
        ("a.jsonl", b"{}", "jsonl"),
        ("a.html", b"hello", "html"),
        ("page.txt", b"<!DOCTYPE html><html>", "html"),
        ("noext", b'{"text": "x"}', "jsonl"),
        ("crawl.warc.gz", b"\x1f\x8b", "warc"),
        ("crawl.warc", b"WARC/1.0", "warc"),
        ("dump.gz", b"\x1f\x8b\x08", "warc"),
        ("feed.xml", b"<?xml", "feed"),
        ("feed", b'<?xml version="1.0"?>\n<rss version="2.0">', "feed"),
        ("news.atom", b"<feed", "feed"),
        ("a.txt", b"Plain words.", "text"),
    ],
)
def test_sniff_kind(name: str, head: bytes, kind: str) -> None:
    assert sniff_kind(Path(name), head) == kind


def test_warc_and_feed_hooks_answer_clearly(tmp_path: Path) -> None:
    import importlib.util

    for name, module in (("c.warc", "warc"), ("f.rss", "feeds")):
        if importlib.util.find_spec(f"newsgraph.ingest.{module}") is not None:
            continue  # the reader exists: its own tests cover it
        path = tmp_path / name
        path.write_bytes(b"WARC/1.0\r\n" if module == "warc" else b"<rss></rss>")
        assert "not supported yet" in _error(path).reason
