"""What extractors share about one article while it is analysed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from newsgraph.model import Actor, Article, Claim, Event, Place, Quote, TimeExpr


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

    @property
    def published(self) -> dt.date | None:
        if not self.article.published:
            return None
        try:
            return dt.date.fromisoformat(self.article.published)
        except ValueError:
            return None

    def actor_at(self, start: int, end: int) -> Actor | None:
        """The actor with a mention overlapping [start, end), the longest mention first."""
        best: tuple[int, Actor] | None = None
        for actor in self.actors:
            for m in actor.mentions:
                if m.start < end and start < m.end:
                    size = m.end - m.start
                    if best is None or size > best[0]:
                        best = (size, actor)
        return best[1] if best else None

    def actors_in(self, start: int, end: int) -> list[Actor]:
        """Actors with a mention inside [start, end), in text order."""
        found: list[tuple[int, Actor]] = []
        for actor in self.actors:
            for m in actor.mentions:
                if start <= m.start and m.end <= end:
                    found.append((m.start, actor))
                    break
        return [a for _, a in sorted(found, key=lambda p: p[0])]

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
