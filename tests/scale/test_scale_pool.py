"""The local process pool: order, failures in place, dead workers, early stop."""

from __future__ import annotations

import multiprocessing as mp

import pytest
from tests.scale.scale_fixtures import crash_on_marker, explode_on_marker, sample_records

from newsgraph.ingest.records import article_from_record
from newsgraph.model import Analysis, Article
from newsgraph.pipeline import analyze_articles
from newsgraph.scale.pool import ArticleFailure, analyze_parallel


def _articles(n: int) -> list[Article]:
    base = [article_from_record(r) for r in sample_records()]
    out = []
    for i in range(n):
        art = base[i % len(base)]
        out.append(art.model_copy(update={"id": f"{art.id}#{i}"}))
    return out


def _ids(results: list[Analysis | ArticleFailure]) -> list[str]:
    return [r.article_id if isinstance(r, ArticleFailure) else r.article.id for r in results]


def test_one_worker_matches_analyze_articles() -> None:
    arts = _articles(7)
    got = list(analyze_parallel(arts, workers=1, batch_size=3))
    want = list(analyze_articles(arts, batch_size=3))
    assert [a.to_json() for a in got if isinstance(a, Analysis)] == [w.to_json() for w in want]


def test_failure_in_one_article_is_yielded_in_place_in_process() -> None:
    arts = _articles(5)
    arts[2] = arts[2].model_copy(update={"body": arts[2].body + " EXPLODE"})
    got = list(analyze_parallel(arts, workers=1, batch_size=2, analyze=explode_on_marker))
    assert _ids(got) == [a.id for a in arts]
    assert isinstance(got[2], ArticleFailure)
    assert "boom on purpose" in got[2].reason
    assert all(isinstance(r, Analysis) for i, r in enumerate(got) if i != 2)


def test_two_workers_keep_input_order_and_equal_results() -> None:
    arts = _articles(13)
    arts[6] = arts[6].model_copy(update={"body": arts[6].body + " EXPLODE"})
    got = list(
        analyze_parallel(arts, workers=2, batch_size=2, prefetch=1, analyze=explode_on_marker)
    )
    assert _ids(got) == [a.id for a in arts]
    assert [i for i, r in enumerate(got) if isinstance(r, ArticleFailure)] == [6]
    local = list(analyze_parallel(arts, workers=1, batch_size=5, analyze=explode_on_marker))
    assert [r.to_json() for r in got if isinstance(r, Analysis)] == [
        r.to_json() for r in local if isinstance(r, Analysis)
    ]


def test_dead_worker_fails_its_batch_and_the_run_goes_on() -> None:
    arts = _articles(8)
    arts[1] = arts[1].model_copy(update={"body": arts[1].body + " CRASH"})
    got = list(analyze_parallel(arts, workers=2, batch_size=2, prefetch=1, analyze=crash_on_marker))
    assert _ids(got) == [a.id for a in arts]
    failed = [i for i, r in enumerate(got) if isinstance(r, ArticleFailure)]
    assert 1 in failed
    assert all("worker process died" in got[i].reason for i in failed)  # type: ignore[union-attr]
    # The articles after the crash are analysed by the restarted pool.
    assert all(isinstance(r, Analysis) for r in got[4:])


def test_closing_the_stream_early_stops_the_workers() -> None:
    stream = analyze_parallel(_articles(40), workers=2, batch_size=2)
    first = next(stream)
    assert isinstance(first, Analysis)
    stream.close()
    assert mp.active_children() == []


@pytest.mark.parametrize("workers", [1, 2])
def test_empty_input(workers: int) -> None:
    assert list(analyze_parallel([], workers=workers)) == []


def test_a_chunk_restores_the_collector_thresholds_even_when_an_article_fails() -> None:
    import gc

    from newsgraph.scale.pool import CHUNK_GC_THRESHOLD, analyze_chunk

    before = gc.get_threshold()
    seen: list[int] = []

    def spy(article: Article, doc: object) -> Analysis:
        seen.append(gc.get_threshold()[0])
        return explode_on_marker(article, doc)  # type: ignore[arg-type]

    arts = _articles(3)
    arts[1] = arts[1].model_copy(update={"body": arts[1].body + " EXPLODE"})
    results = analyze_chunk(arts, analyze=spy)
    assert seen and all(t >= CHUNK_GC_THRESHOLD for t in seen)
    assert gc.get_threshold() == before
    assert isinstance(results[1], ArticleFailure)
