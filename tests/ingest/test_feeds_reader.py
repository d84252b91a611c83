"""RSS / Atom feeds: entries become articles; broken entries and feeds are reported."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scale"))

from scale_fixtures import feed_xml, sample_records

from newsgraph.errors import InputError
from newsgraph.ingest import iter_articles
from newsgraph.ingest.feeds import FeedStats, iter_feed
from newsgraph.ingest.stats import collect_read_stats
from newsgraph.model import Article

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>urn:x</id>
<updated>2024-03-02T10:00:00Z</updated>
<entry><title>Talks resume</title><id>urn:e1</id><link href="https://example.org/e1"/>
<updated>2024-03-02T10:00:00Z</updated><author><name>A. Writer</name></author>
<summary type="text">Negotiators met in Geneva on Monday.
They agreed to meet again.</summary></entry>
</feed>"""


def test_rss_entries_become_articles_with_their_metadata(tmp_path: Path) -> None:
    recs = sample_records()
    path = tmp_path / "news.rss"
    path.write_text(feed_xml(recs), encoding="utf-8")
    stats = FeedStats(source=str(path))
    arts = list(iter_feed(path, stats=stats))
    assert all(isinstance(a, Article) for a in arts)
    assert [a.id for a in arts] == [r["id"] for r in recs]  # type: ignore[union-attr]
    first = arts[0]
    assert isinstance(first, Article)
    assert first.url == recs[0]["url"] and first.title == recs[0]["title"]
    assert first.published == recs[0]["date"]
    assert first.author and "Wikinews" in first.author
    assert "<p>" not in first.body and recs[0]["text"].splitlines()[2].strip()[:30] in first.body
    assert stats.articles == len(recs) and not stats.errors


def test_broken_entry_is_skipped_with_a_counted_reason(tmp_path: Path) -> None:
    path = tmp_path / "news.xml"
    path.write_text(feed_xml(sample_records(), broken_entry=True), encoding="utf-8")
    with collect_read_stats() as collected:
        items = list(iter_articles([path]))
    errs = [i for i in items if isinstance(i, InputError)]
    assert len(items) - len(errs) == len(sample_records())
    assert [e.source for e in errs] == [f"{path}#entry 2"]
    assert collected[0].errors and "1 unreadable" in collected[0].summary()


def test_malformed_feed_is_read_leniently_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "bozo.rss"
    path.write_text(feed_xml(sample_records()[:2]).replace("</channel>", "<x></channel>"))
    with collect_read_stats() as collected:
        arts = list(iter_feed(path))
    assert len(arts) == 2 and all(isinstance(a, Article) for a in arts)
    assert any("malformed feed" in note for note in collected[0].notes)


def test_unreadable_feed_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "junk.xml"
    path.write_text("this is not <<< a feed", encoding="utf-8")
    (err,) = list(iter_feed(path))
    assert isinstance(err, InputError) and "feed" in err.reason


def test_atom_text_summary(tmp_path: Path) -> None:
    path = tmp_path / "a.atom"
    path.write_text(ATOM, encoding="utf-8")
    (art,) = list(iter_feed(path))
    assert isinstance(art, Article)
    assert art.id == "urn:e1" and art.url == "https://example.org/e1"
    assert art.published == "2024-03-02" and art.author == "A. Writer"
    assert art.body == "Negotiators met in Geneva on Monday.\nThey agreed to meet again."


def test_url_without_network_gives_a_clear_error() -> None:
    # Port 9 on localhost (discard) is closed here: the fetch fails like an offline fetch.
    (err,) = list(iter_articles(["http://127.0.0.1:9/feed.rss"]))
    assert isinstance(err, InputError)
    assert "cannot be fetched" in err.reason and "network" in err.reason
