"""The per-article function: Article in, Analysis out.

``analyze_article`` is pure and picklable (a module-level function whose only state is
the spaCy pipeline cached per process), so the same call runs in-process, in a process
pool and inside a Spark task. Stages: read (spaCy) → extract → check.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from newsgraph.check.findings import find_findings
from newsgraph.extract.actors import extract_actors
from newsgraph.extract.claims import extract_claims
from newsgraph.extract.context import Context
from newsgraph.extract.events import extract_events
from newsgraph.extract.places import extract_places
from newsgraph.extract.quotes import extract_quotes
from newsgraph.extract.times import extract_times
from newsgraph.model import Analysis, Article
from newsgraph.read.doccache import release, remember_text
from newsgraph.read.nlp import load_nlp

if TYPE_CHECKING:
    from spacy.tokens import Doc


def analyze_doc(article: Article, doc: Doc) -> Analysis:
    """Run every extractor and the checks on an article already parsed by spaCy."""
    remember_text(doc, article.body)
    try:
        return _analyze(article, doc)
    finally:
        release(doc)


def _analyze(article: Article, doc: Doc) -> Analysis:
    ctx = Context(article=article)
    ctx.times = extract_times(doc, ctx)
    ctx.actors = extract_actors(doc, ctx)
    ctx.places = extract_places(doc, ctx)
    ctx.quotes = extract_quotes(doc, ctx)
    ctx.claims = extract_claims(doc, ctx)
    ctx.events = extract_events(doc, ctx)
    analysis = Analysis(
        article=article,
        actors=ctx.actors,
        events=ctx.events,
        quotes=ctx.quotes,
        claims=ctx.claims,
        times=ctx.times,
        places=ctx.places,
    )
    analysis.findings = find_findings(analysis)
    return analysis


# A made-up article that reaches every extractor's one-off loads (actor lexicon, gazetteer,
# event models, time grammar): a dateline, a date, a country, a person, a quote, an event.
_WARM_UP_BODY = (
    "PARIS — On Monday, French President Emmanuel Macron met officials from the United "
    'Nations in Geneva. "We will impose sanctions on Russia next week," he told '
    "reporters, adding that 12 people had been arrested in 2023."
)


def warm_up() -> None:
    """Load what the pipeline loads once per process (spaCy, lexicons, gazetteer, models).

    Analysing a first article pays these loads (seconds); a worker or a benchmark that
    wants its first real article to cost what the others cost calls this first.
    """
    analyze_article(Article(id="warm-up", published="2024-01-01", body=_WARM_UP_BODY))


def analyze_article(article: Article) -> Analysis:
    """Analyse one article (loads the spaCy pipeline once per process)."""
    return analyze_doc(article, load_nlp()(article.body))


def analyze_articles(articles: Iterable[Article], batch_size: int = 16) -> Iterator[Analysis]:
    """Analyse a stream of articles in-process, using spaCy's batched ``nlp.pipe``."""
    nlp = load_nlp()
    it = iter(articles)
    while True:
        batch: list[Article] = []
        for art in it:
            batch.append(art)
            if len(batch) >= batch_size:
                break
        if not batch:
            return
        for art, doc in zip(batch, nlp.pipe(a.body for a in batch), strict=True):
            yield analyze_doc(art, doc)
