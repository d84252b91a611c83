"""What extractors share about one article while it is analysed."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from operator import attrgetter, is_

from newsgraph.model import Actor, Article, Claim, Event, Place, Quote, TimeExpr

ACTOR_ID = re.compile(r"^a(\d+)$")


_MENTIONS = attrgetter("mentions")


@dataclass
class _MentionIndex:
    """Every actor mention sorted by start: (start, end, actor order, mention order, actor),
    for the actors list it was built from (kept to notice what changed since)."""

    list_id: int
    actors: list[Actor]
    counts: list[int]
    rows: list[tuple[int, int, int, int, Actor]]
    starts: list[int]
    longest: int = 0

    def add(self, ai: int, actor: Actor) -> None:
        for mi, m in enumerate(actor.mentions):
            row = (m.start, m.end, ai, mi, actor)
            at = bisect_left(self.rows, row)
            self.rows.insert(at, row)
            self.starts.insert(at, m.start)
            self.longest = max(self.longest, m.end - m.start)


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
        """The mentions sorted by start. Extractors ask about spans thousands of times per
        article (scanning every mention of every actor each time made long articles
        quadratic); actors appended since the last call are added to the index, any other
        change (a removed or replaced actor, a mention added to an actor) rebuilds it."""
        actors = self.actors
        counts = list(map(len, map(_MENTIONS, actors)))
        index = self._mentions
        if index is not None and index.list_id == id(actors):
            k = len(index.actors)
            if k == len(actors) and counts == index.counts and all(map(is_, index.actors, actors)):
                return index  # nothing changed: the common case, no copies
            if (
                k <= len(actors)
                and all(map(is_, index.actors, actors[:k]))
                and index.counts == counts[:k]
            ):
                for ai in range(k, len(actors)):
                    index.add(ai, actors[ai])
                index.actors = list(actors)
                index.counts = counts
                return index
        index = _MentionIndex(id(actors), list(actors), counts, [], [])
        for ai, actor in enumerate(actors):
            index.add(ai, actor)
        self._mentions = index
        return index

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
