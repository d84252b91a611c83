"""What extractors share about one article while it is analysed."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from dataclasses import dataclass, field

from newsgraph.model import Actor, Article, Claim, Event, Place, Quote, TimeExpr

ACTOR_ID = re.compile(r"^a(\d+)$")


@dataclass
class _MentionIndex:
    """Every actor mention sorted by start: (start, end, actor order, mention order, actor)."""

    key: tuple[tuple[int, ...], int]
    rows: list[tuple[int, int, int, int, Actor]]
    starts: list[int]
    longest: int


def _index_key(actors: list[Actor]) -> tuple[tuple[int, ...], int]:
    # which actor objects (the index keeps them alive, so their ids are not reused) and how
    # many mentions they hold: any added, removed or replaced actor or mention changes it
    return tuple(map(id, actors)), sum(len(a.mentions) for a in actors)


@dataclass
class Context:
    """The article and everything extracted from it so far (filled stage by stage)."""

    article: Article
    actors: list[Actor] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    _mentions: _MentionIndex | None = field(default=None, repr=False, compare=False)
    _ids: tuple[int, int, int] = field(default=(0, 0, 0), repr=False, compare=False)

    @property
    def published(self) -> dt.date | None:
        if not self.article.published:
            return None
        try:
            return dt.date.fromisoformat(self.article.published)
        except ValueError:
            return None

    def _mention_index(self) -> _MentionIndex:
        """The mentions sorted by start, rebuilt when actors or mentions were added/removed.
        (Extractors ask about spans thousands of times per article; scanning every mention
        of every actor each time made long articles quadratic.)"""
        key = _index_key(self.actors)
        if self._mentions is None or self._mentions.key != key:
            rows = sorted(
                (m.start, m.end, ai, mi, actor)
                for ai, actor in enumerate(self.actors)
                for mi, m in enumerate(actor.mentions)
            )
            self._mentions = _MentionIndex(
                key, rows, [r[0] for r in rows], max((r[1] - r[0] for r in rows), default=0)
            )
        return self._mentions

    def actor_at(self, start: int, end: int) -> Actor | None:
        """The actor with a mention overlapping [start, end), the longest mention first (ties:
        the actor listed first)."""
        index = self._mention_index()
        best: tuple[int, int, int, Actor] | None = None
        i = bisect_left(index.starts, start - index.longest)
        for m_start, m_end, ai, mi, actor in index.rows[i:]:
            if m_start >= end:
                break
            if start < m_end:
                cand = (-(m_end - m_start), ai, mi, actor)
                if best is None or cand[:3] < best[:3]:
                    best = cand
        return best[3] if best else None

    def actors_in(self, start: int, end: int) -> list[Actor]:
        """Actors with a mention inside [start, end), in text order (each actor placed by its
        first listed mention inside the span)."""
        index = self._mention_index()
        first: dict[int, tuple[int, int, Actor]] = {}
        for m_start, m_end, ai, mi, actor in index.rows[bisect_left(index.starts, start) :]:
            if m_start >= end:
                break
            if m_end <= end and (ai not in first or mi < first[ai][1]):
                first[ai] = (m_start, mi, actor)
        ordered = sorted((m_start, ai, actor) for ai, (m_start, _, actor) in first.items())
        return [actor for _, _, actor in ordered]

    def new_actor_id(self) -> str:
        """The next free id "a<n>" (one more than the largest so far), scanning only actors
        added since the last call."""
        n = len(self.actors)
        scanned, largest, last = self._ids
        if n < scanned or (scanned and id(self.actors[scanned - 1]) != last):
            scanned, largest = 0, 0  # actors were removed or replaced: scan again
        for actor in self.actors[scanned:]:
            if m := ACTOR_ID.match(actor.id):
                largest = max(largest, int(m.group(1)))
        self._ids = (n, largest, id(self.actors[-1]) if n else 0)
        return f"a{largest + 1}"

    def time_at(self, start: int, end: int) -> TimeExpr | None:
        for t in self.times:
            if t.start < end and start < t.end:
                return t
        return None

    def place_at(self, start: int, end: int) -> Place | None:
        for p in self.places:
            if p.start < end and start < p.end:
                return p
        return None
